// Package cli is plotline's command line: it parses the subcommands and
// their flags and wires the site builder, the watcher and the preview
// server together. Main is shared by the binary and the end-to-end tests.
package cli

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/notices"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/overlay"
	"github.com/plotline/plotline/internal/site"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/version"
)

// Exit codes.
const (
	ExitOK       = 0 // success
	ExitContent  = 1 // the site has errors, or the build failed
	ExitUsage    = 2 // the command line is wrong
	exitInternal = 1
)

const usage = `plotline builds explainer sites: Markdown articles whose data blocks
become projections, charts and numbers in the prose.

Usage:

	plotline <command> [flags]

Commands:

	new       start a new site, or a new article in a site
	build     build the site into public/
	check     report every error and warning, without writing anything
	watch     build, then rebuild on every change
	serve     preview the site locally, with live reload
	import    make a plotline site from a Hugo or Jekyll site
	version   print plotline's version, or with --licences its licences
	help      show help for a command

Run "plotline help <command>" for a command's flags and an example.

Exit status:

	0   success (warnings allowed)
	1   the site has errors, the build failed, or a file would be overwritten
	2   the command line is wrong
`

// command is one subcommand.
type command struct {
	name string
	run  func(ctx context.Context, env *env, args []string) int
}

// env is what a command writes to, and the version of the plotline
// running it.
type env struct {
	stdout, stderr io.Writer
	version        version.Info
}

// fail writes the message of format and a, a line, to e's stderr, and
// returns code, the exit code to stop with.
func (e *env) fail(code int, format string, a ...any) int {
	fmt.Fprintf(e.stderr, format+"\n", a...)
	return code
}

func commands() []command {
	return []command{
		{name: "new", run: runNew},
		{name: "build", run: runBuild},
		{name: "check", run: runCheck},
		{name: "watch", run: runWatch},
		{name: "serve", run: runServe},
		{name: "import", run: runImport},
		{name: "version", run: runVersion},
	}
}

// Main runs the plotline command line with args (without the program name)
// and returns the process exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, version: version.Get()}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "-help" || name == "--help" {
		if len(rest) == 0 || rest[0] == "help" {
			fmt.Fprint(stdout, usage)
			return ExitOK
		}
		if i := slices.IndexFunc(commands(), func(c command) bool { return c.name == rest[0] }); i >= 0 {
			return commands()[i].run(ctx, e, []string{"-h"})
		}
		return e.fail(ExitUsage, "plotline help: %s", unknownCommand(rest[0]))
	}
	if i := slices.IndexFunc(commands(), func(c command) bool { return c.name == name }); i >= 0 {
		return commands()[i].run(ctx, e, rest)
	}
	fmt.Fprintf(stderr, "plotline: %s\n\n%s", unknownCommand(name), usage)
	return ExitUsage
}

// unknownCommand says that no command is named name, and which one a slip
// of the keyboard meant ("buidl"), or which there are.
func unknownCommand(name string) string {
	var names []string
	for _, c := range commands() {
		if diag.OneEdit(name, c.name) || strings.EqualFold(name, c.name) {
			return fmt.Sprintf("unknown command %q: did you mean %s?", name, c.name)
		}
		names = append(names, c.name)
	}
	return fmt.Sprintf("unknown command %q (want %s or help)", name, strings.Join(names, ", "))
}

// newFlags returns a flag set that prints its usage with an example. Its
// Usage, like every command's, writes to fs.Output(), which parse points
// at stdout for -h and leaves at stderr for a mistake.
func newFlags(e *env, name, summary, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: plotline %s [flags]\n\n%s.\n\nFlags:\n", name, strings.ToUpper(summary[:1])+summary[1:])
		fs.PrintDefaults()
		fmt.Fprintf(w, "\nExample:\n\n\t%s\n", example)
	}
	return fs
}

// parse parses args with fs and returns the exit code to stop with, or -1
// to go on. Help asked for with -h goes to stdout and stops with ExitOK; a
// wrong flag is reported on stderr, followed by the help, and stops with
// ExitUsage.
func parse(e *env, fs *flag.FlagSet, args []string) int {
	// The flag package prints the usage before it returns ErrHelp; it is
	// printed here instead, once the output it belongs on is known.
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	switch {
	case err == nil:
		return -1
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(e.stdout)
		fs.Usage()
		fs.SetOutput(e.stderr)
		return ExitOK
	default:
		fs.Usage() // after the error, which Parse printed
		return ExitUsage
	}
}

// parseFlags parses args, which must be flags only, and returns the exit
// code to stop with, or -1.
func parseFlags(e *env, fs *flag.FlagSet, args []string) int {
	if code := parse(e, fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		return e.fail(ExitUsage, "plotline %s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return -1
}

// siteFlags are the flags every command that builds shares.
type siteFlags struct {
	dir     string
	dest    string
	baseURL string
	drafts  bool
	verbose bool // every unknown front-matter key at its place
	future  bool // build pages dated after today
	cache   bool // reuse the previous build's pages (build only)
	dryRun  bool // write nothing (check)
	// warnBaseURL warns when there is no base URL (build only: a preview
	// needs none).
	warnBaseURL bool
}

func (s *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.dir, "s", ".", "the site `folder`")
	fs.StringVar(&s.dest, "d", "", "the output `folder` (default SITE/public)")
	fs.StringVar(&s.baseURL, "base-url", "", "the `URL` the site is published at (overrides the config file)")
	fs.BoolVar(&s.drafts, "drafts", false, "build pages marked draft: true")
	fs.BoolVar(&s.verbose, "v", false, "warn at every front-matter key plotline does not read, not once a key")
	fs.BoolVar(&s.future, "future", false, "build pages dated after today too")
}

// loaded is a site folder opened for building.
type loaded struct {
	builder *site.Builder
	cfg     config.Config
	dest    string
	dir     *sitefs.Site
}

// open reads the site's config and returns a builder for it, with the
// open site folder. A build that must wait for another build of the same
// output says so on e's stderr.
func (s *siteFlags) open(e *env) (*loaded, error) {
	if s.dir == "" {
		// -s "$SITE" with SITE not set: "open : no such file or
		// directory" said nothing of -s.
		return nil, errors.New("-s names no folder: the site folder's name is empty (leave -s out to build the current folder)")
	}
	// The folder stays open while the builder reads it; a builder that a
	// config change replaced lets the collector close its folder.
	dir, err := sitefs.Open(s.dir)
	if err != nil {
		return nil, err
	}
	if err := checkSiteFolder(s.dir); err != nil {
		dir.Close()
		return nil, err
	}
	fsys := dir.FS
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, err
	}
	if s.baseURL != "" {
		cfg.SetBaseURL(s.baseURL, "--base-url")
		if err := cfg.Check(); err != nil {
			return nil, err
		}
	}
	dest := cmp.Or(s.dest, filepath.Join(s.dir, "public"))
	claimed := claimedDest(s.dir, dest, s.dest == "")
	if !s.dryRun {
		if err := checkDest(s.dir, dest, claimed); err != nil {
			return nil, err
		}
	}
	if _, err := buildDay(); err != nil {
		return nil, err
	}
	today := func() time.Time { t, _ := buildDay(); return t }
	opts := site.Options{Dest: dest, DestClaimed: claimed, Drafts: s.drafts, Future: s.future, Today: today, Verbose: s.verbose, DryRun: s.dryRun, WarnBaseURL: s.warnBaseURL, Waiting: func(pid int) { printWaiting(e, dest, pid) }}
	if s.cache {
		opts.CacheFile = buildcache.DefaultFile(dest)
	}
	b := site.NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), opts)
	return &loaded{builder: b, cfg: cfg, dest: dest, dir: dir}, nil
}

// claimedDest reports whether dest is the site folder dir's public/, its
// output by convention, however named: byDefault, when no -d was given,
// or -d naming that folder.
func claimedDest(dir, dest string, byDefault bool) bool {
	if byDefault {
		return true
	}
	a, errA := filepath.Abs(dest)
	b, errB := filepath.Abs(filepath.Join(dir, "public"))
	return errA == nil && errB == nil && a == b
}

// checkDest reports why a build of the site folder dir may not write its
// output to dest (see output.CheckDest). The site's public/ (claimed) is
// its output by convention; another folder is taken only when it is empty
// or a build wrote it.
func checkDest(dir, dest string, claimed bool) error {
	var sources []string
	for _, f := range slices.Concat(site.SourceFolders(), config.Files) {
		sources = append(sources, filepath.Join(dir, f))
	}
	return output.CheckDest(output.Place{
		Dest:    dest,
		Site:    dir,
		Sources: sources,
		Claimed: claimed,
	})
}

// workflowGivesBaseURL reports whether a GitHub Actions workflow of the
// site in dir builds it with --base-url.
func workflowGivesBaseURL(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, ".github", "workflows", "*.y*ml"))
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.Size() > 1<<20 {
			continue
		}
		if src, err := os.ReadFile(f); err == nil && bytes.Contains(src, []byte("plotline build --base-url")) {
			return true
		}
	}
	return false
}

// buildDay returns the day of a build: the day SOURCE_DATE_EPOCH names,
// in UTC, when it is set, as reproducible builds set it, or else today on
// this machine's clock, in its time zone.
func buildDay() (time.Time, error) {
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok && s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now(), nil
}

func runBuild(ctx context.Context, e *env, args []string) int {
	var sf siteFlags
	fs := newFlags(e, "build", "build the site into public/", "plotline build -s mysite --base-url https://user.github.io/repo/")
	sf.register(fs)
	quiet := fs.Bool("q", false, "leave out the line that sums up the build (errors and warnings still print)")
	noCache := fs.Bool("no-cache", false, "render every page, without reusing the previous build's")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file`")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to `file`")
	if code := parseFlags(e, fs, args); code >= 0 {
		return code
	}
	sf.cache = !*noCache
	// A site whose workflow passes --base-url, as plotline new's does, is
	// published with one: a build on the writer's machine lacks it on
	// purpose, and a warning at every build would be noise.
	sf.warnBaseURL = !workflowGivesBaseURL(sf.dir)
	l, err := sf.open(e)
	if err != nil {
		return report(e, err)
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return report(e, err)
		}
		defer stop()
	}
	stop := progressFor(e)
	res, err := l.builder.Build(ctx)
	stop()
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return report(e, err)
		}
	}
	if err != nil {
		return report(e, err) // its diagnostics hold the warnings too
	}
	printDiags(e, res.Warnings)
	if sf.dest == "" {
		// public/ may be a link out of the site (public -> ../notes), which
		// the build follows: it replaced the folder the link leads to.
		if real, ok := output.LinkOutOf(l.dest, sf.dir); ok {
			fmt.Fprintf(e.stderr, "%s: warning: a symbolic link to %s, outside the site folder: the build replaced that folder\n", l.dest, real)
		}
	}
	if !*quiet {
		reused := ""
		if res.Reused > 0 {
			reused = fmt.Sprintf("; %d unchanged pages reused", res.Reused)
		}
		if res.Kept {
			reused += "; output unchanged"
		}
		fmt.Fprintf(e.stdout, "built %d pages (%d files) in %.2f s%s\n", res.Pages, res.Files, res.Duration.Seconds(), reused)
	}
	return ExitOK
}

// printWaiting says that a build waits for another build of the output
// folder dest, run by process pid (0 when not known), to finish.
func printWaiting(e *env, dest string, pid int) {
	who := ""
	if pid > 0 {
		who = fmt.Sprintf(" (pid %d)", pid)
	}
	fmt.Fprintf(e.stderr, "plotline: waiting for another build of %s to finish%s\n", dest, who)
}

// report prints an error, one diagnostic a line, and returns the exit code.
func report(e *env, err error) int {
	if l, ok := errors.AsType[diag.List](err); ok {
		printDiags(e, l)
		return e.fail(ExitContent, "plotline: %d error%s; nothing was written", len(l.Errors()), plural(len(l.Errors())))
	}
	if errors.Is(err, context.Canceled) {
		return e.fail(ExitContent, "plotline: interrupted; the previous output is unchanged")
	}
	return e.fail(exitInternal, "plotline: %v", err)
}

func printDiags(e *env, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(e.stderr, d.String())
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// startCPUProfile starts writing a CPU profile to file and returns the
// function that stops it.
func startCPUProfile(file string) (func(), error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeapProfile writes the live heap to file.
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.WriteHeapProfile(f)
}

func runVersion(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "version", "print plotline's version, the Go it was built with and its platform", "plotline version --licences")
	var licences, licenses bool
	fs.BoolVar(&licences, "licences", false, "print the licences of plotline and of the software built into it instead")
	fs.BoolVar(&licenses, "licenses", false, "the same as -licences")
	if code := parseFlags(e, fs, args); code >= 0 {
		return code
	}
	if licences || licenses {
		fmt.Fprint(e.stdout, notices.Text())
		return ExitOK
	}
	fmt.Fprintf(e.stdout, "plotline %s %s %s/%s\n", e.version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitOK
}

// checkSiteFolder reports dir as no site when it holds neither content/
// nor a config file: the writer is most likely in the wrong folder, and a
// build there would only say that content/ is missing, a serve would
// serve nothing and a new article would start a second site. A folder
// inside dir that is a site is named, as a writer run from the folder
// above the site (after "plotline new site mysite") means it.
func checkSiteFolder(dir string) error {
	if isSiteFolder(dir) {
		return nil
	}
	msg := fmt.Sprintf("%s is not a site folder: it has no content/ folder and no %s; run plotline in the site's folder or name it with -s SITE (plotline new site DIR makes one)", dir, config.Files[0])
	entries, _ := os.ReadDir(dir)
	for _, ent := range entries {
		sub := filepath.Join(dir, ent.Name())
		if ent.IsDir() && !strings.HasPrefix(ent.Name(), ".") && isSiteFolder(sub) {
			msg += fmt.Sprintf("; did you mean -s %s?", shellQuote(sub))
			break
		}
	}
	return errors.New(msg)
}

// isSiteFolder reports whether dir holds content/ or a config file.
func isSiteFolder(dir string) bool {
	if st, err := os.Stat(filepath.Join(dir, "content")); err == nil && st.IsDir() {
		return true
	}
	return slices.ContainsFunc(config.Files, func(name string) bool {
		_, err := os.Stat(filepath.Join(dir, name))
		return err == nil
	})
}
