// Package cli is plotline's command line: it parses the subcommands and
// their flags and wires the site builder, the watcher and the preview
// server together. Main is shared by the binary and the end-to-end tests.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/overlay"
	"github.com/plotline/plotline/internal/site"
	"github.com/plotline/plotline/internal/sitefs"
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
	version   print plotline's version
	help      show help for a command

Run "plotline help <command>" for a command's flags and an example.

Exit status:

	0   success (warnings allowed)
	1   the site has errors, the build failed, or a file would be overwritten
	2   the command line is wrong
`

// command is one subcommand.
type command struct {
	name    string
	summary string
	example string
	run     func(ctx context.Context, env *env, args []string) int
}

// env is what a command writes to.
type env struct {
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{name: "new", summary: "start a new site, or a new article in a site", example: "plotline new site mysite", run: runNew},
		{name: "build", summary: "build the site into public/", example: "plotline build -s mysite --base-url https://user.github.io/repo/", run: runBuild},
		{name: "check", summary: "report every error and warning of a build, without writing the site", example: "plotline check -s mysite --format json", run: runCheck},
		{name: "watch", summary: "build the site, then rebuild it on every change", example: "plotline watch -s mysite", run: runWatch},
		{name: "serve", summary: "preview the site locally with live reload", example: "plotline serve -s mysite --port 1313 --open", run: runServe},
		{name: "version", summary: "print plotline's version", example: "plotline version", run: runVersion},
	}
}

// Main runs the plotline command line with args (without the program name)
// and returns the process exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			for _, c := range commands() {
				if c.name == rest[0] {
					return c.run(ctx, e, []string{"-h"})
				}
			}
			fmt.Fprintf(stderr, "plotline help: unknown command %q\n", rest[0])
			return ExitUsage
		}
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, e, rest)
		}
	}
	fmt.Fprintf(stderr, "plotline: unknown command %q\n\n%s", name, usage)
	return ExitUsage
}

// newFlags returns a flag set that prints its usage with an example.
func newFlags(e *env, name, summary, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: plotline %s [flags]\n\n%s.\n\nFlags:\n", name, strings.ToUpper(summary[:1])+summary[1:])
		fs.PrintDefaults()
		fmt.Fprintf(e.stderr, "\nExample:\n\n\t%s\n", example)
	}
	return fs
}

// parseFlags parses args and returns the exit code to stop with, or -1.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "plotline %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return ExitUsage
	}
	return -1
}

// siteFlags are the flags every command that builds shares.
type siteFlags struct {
	dir     string
	dest    string
	baseURL string
	drafts  bool
	cache   bool // reuse the previous build's pages (build only)
}

func (s *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.dir, "s", ".", "the site `folder`")
	fs.StringVar(&s.dest, "d", "", "the output `folder` (default SITE/public)")
	fs.StringVar(&s.baseURL, "base-url", "", "the `URL` the site is published at (overrides the config file)")
	fs.BoolVar(&s.drafts, "drafts", false, "build pages marked draft: true")
}

// load reads the site's config and returns a builder for it.
func (s *siteFlags) load() (*site.Builder, config.Config, string, error) {
	// The folder stays open while the builder reads it; a builder that a
	// config change replaced lets the collector close its folder.
	dir, err := sitefs.Open(s.dir)
	if err != nil {
		return nil, config.Config{}, "", err
	}
	fsys := dir.FS
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, cfg, "", err
	}
	if s.baseURL != "" {
		cfg.BaseURL = s.baseURL
		if err := cfg.Check(); err != nil {
			return nil, cfg, "", err
		}
	}
	dest := s.dest
	if dest == "" {
		dest = filepath.Join(s.dir, "public")
	}
	opts := site.Options{Dest: dest, Drafts: s.drafts}
	if s.cache {
		opts.CacheFile = site.DefaultCacheFile(dest)
	}
	b := site.NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), opts)
	return b, cfg, dest, nil
}

func runBuild(ctx context.Context, e *env, args []string) int {
	var sf siteFlags
	fs := newFlags(e, "build", "build the site into public/", "plotline build -s mysite --base-url https://user.github.io/repo/")
	sf.register(fs)
	quiet := fs.Bool("q", false, "print nothing but errors")
	noCache := fs.Bool("no-cache", false, "render every page, without reusing the previous build's")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file`")
	memProfile := fs.String("memprofile", "", "write a heap profile at the end of the build to `file`")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	sf.cache = !*noCache
	b, _, _, err := sf.load()
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
	res, err := b.Build(ctx)
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

// report prints an error, one diagnostic a line, and returns the exit code.
func report(e *env, err error) int {
	var l diag.List
	if errors.As(err, &l) {
		printDiags(e, l)
		fmt.Fprintf(e.stderr, "plotline: %d error%s; nothing was written\n", len(l.Errors()), plural(len(l.Errors())))
		return ExitContent
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(e.stderr, "plotline: interrupted; the previous output is unchanged")
		return ExitContent
	}
	fmt.Fprintf(e.stderr, "plotline: %v\n", err)
	return exitInternal
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
	fs := newFlags(e, "version", "print plotline's version", "plotline version")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	v := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok {
		if info.Main.Version != "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && v == "(devel)" {
				v += " " + s.Value[:min(12, len(s.Value))]
			}
		}
	}
	fmt.Fprintf(e.stdout, "plotline %s\n", v)
	return ExitOK
}
