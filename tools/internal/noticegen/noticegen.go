// Package noticegen makes the text of plotline's NOTICES.txt: plotline's
// own licence, then the licences and notices of Go, of the files vendored
// into the repository (the ECharts bundle, the preview images' fonts) and
// of every Go module compiled into plotline on any release platform.
//
// It is the one place that decides what the notices hold: the command
// tools/notices writes its text to internal/notices/NOTICES.txt, which the
// binary embeds, and tools/release packs the same text into every archive.
package noticegen

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// File is where the notices are kept, relative to the module root.
const File = "internal/notices/NOTICES.txt"

// ErrModuleMissing is returned, wrapped, when the module cache lacks a
// module compiled into plotline and the go command may not download it.
var ErrModuleMissing = errors.New("a module compiled into plotline is not in the module cache")

// Platforms returns the GOOS/GOARCH pairs whose builds the notices cover:
// the platforms plotline is released for.
func Platforms() []string {
	return []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64"}
}

// Options says what Generate looks at.
type Options struct {
	// Root is the module root, the folder of plotline's go.mod.
	Root string
	// Platforms are the GOOS/GOARCH pairs to cover; nil means Platforms().
	Platforms []string
	// Env is added to the go command's environment, such as GOPROXY=off
	// to forbid downloads.
	Env []string
}

// A source is one piece of software the notices name, and the files that
// hold its licence.
type source struct {
	name  string   // as the notices name it
	dir   string   // the folder holding its files
	files []string // its licence files, relative to dir
	only  []string // the platforms it is compiled in for, when not all
}

// vendored lists the software kept in plotline's own repository that it
// ships: the ECharts bundle, which the binary embeds and every site with a
// chart serves, and the fonts internal/ogimage draws with. Their licence
// files are relative to the module root; TestVendoredComplete checks that
// none in these folders is left out.
func vendored() []source {
	return []source{
		{name: "Apache ECharts, with code of d3 and zrender (theme/vendor/echarts)", dir: "theme/vendor/echarts",
			files: []string{"LICENSE", "NOTICE", "licenses/LICENSE-d3", "licenses/LICENSE-zrender"}},
		{name: "Unicode CLDR's dates and quotation marks, taken by tools/cldrdates and tools/cldrquotes from cldr-dates-full and cldr-misc-full (internal/locale/dates_cldr.tsv, quotes_cldr.tsv)", dir: "internal/locale/licenses",
			files: []string{"LICENSE-CLDR"}},
		{name: "Charis SIL, the preview images' serif font (internal/ogimage/fonts)", dir: "internal/ogimage/fonts",
			files: []string{"OFL.txt"}},
		{name: "Go Regular and Go Bold, the preview images' sans-serif font (internal/ogimage/fonts)", dir: "internal/ogimage/fonts",
			files: []string{"GO-LICENSE"}},
	}
}

// Generate returns the text of NOTICES.txt. The go command lists the
// packages compiled into ./cmd/plotline for each platform, as a release
// builds it (CGO_ENABLED=0, no build tags). When a module is missing from
// the module cache and cannot be downloaded, the error wraps
// ErrModuleMissing.
func Generate(ctx context.Context, opts Options) ([]byte, error) {
	platforms := opts.Platforms
	if platforms == nil {
		platforms = Platforms()
	}
	goroot, err := goCommand(ctx, opts, "", "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	sources := []source{
		{name: "plotline", dir: opts.Root, files: []string{"LICENSE"}},
		{name: "Go, the standard library and runtime", dir: strings.TrimSpace(string(goroot))},
	}
	for _, v := range vendored() {
		v.dir = filepath.Join(opts.Root, filepath.FromSlash(v.dir))
		sources = append(sources, v)
	}
	var lists [][]pkg
	for _, p := range platforms {
		pkgs, err := listDeps(ctx, opts, p)
		if err != nil {
			return nil, err
		}
		lists = append(lists, pkgs)
	}
	sources = append(sources, moduleSources(platforms, lists)...)
	return render(platforms, sources)
}

// pkg is a package compiled into plotline, from a module other than
// plotline's.
type pkg struct {
	module    string // path@version
	moduleDir string
	dir       string // the package's folder
}

// listFormat is the template for go list -deps: one line a package that
// belongs to a module other than plotline.
const listFormat = `{{with .Module}}{{if not .Main}}{{.Path}}@{{.Version}}{{with .Replace}} => {{.Path}}{{with .Version}}@{{.}}{{end}}{{end}}` +
	"\t{{.Dir}}\t{{$.Dir}}{{end}}{{end}}"

// listDeps lists the packages from other modules that plotline is built
// from on platform p.
func listDeps(ctx context.Context, opts Options, p string) ([]pkg, error) {
	out, err := goCommand(ctx, opts, p, "list", "-deps", "-f", listFormat, "./cmd/plotline")
	if err != nil {
		return nil, err
	}
	return parseList(out)
}

// parseList reads the output of go list with listFormat.
func parseList(out []byte) ([]pkg, error) {
	var pkgs []pkg
	for line := range strings.SplitSeq(string(out), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("go list: unexpected line %q", line)
		}
		if f[1] == "" {
			return nil, fmt.Errorf("%w: %s (run go mod download)", ErrModuleMissing, f[0])
		}
		pkgs = append(pkgs, pkg{module: f[0], moduleDir: f[1], dir: f[2]})
	}
	return pkgs, nil
}

// moduleSources returns one source a module, sorted by path, from the
// packages compiled in on each platform (lists[i] for platforms[i]). A
// module's licence files are those at its root and any in the folders of
// its packages; a module not compiled in everywhere says where it is.
func moduleSources(platforms []string, lists [][]pkg) []source {
	type module struct {
		dir   string
		files []string
		on    []string
	}
	mods := map[string]*module{}
	for i, pkgs := range lists {
		for _, p := range pkgs {
			m := mods[p.module]
			if m == nil {
				m = &module{dir: p.moduleDir}
				mods[p.module] = m
			}
			if !slices.Contains(m.on, platforms[i]) {
				m.on = append(m.on, platforms[i])
			}
			if rel, err := filepath.Rel(p.moduleDir, p.dir); err == nil && rel != "." && !slices.Contains(m.files, rel) {
				m.files = append(m.files, rel) // a folder, turned into its licence files by render
			}
		}
	}
	var out []source
	for name, m := range mods {
		s := source{name: name, dir: m.dir, files: append([]string{"."}, m.files...)}
		if len(m.on) < len(platforms) {
			s.only = m.on
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b source) int { return strings.Compare(a.name, b.name) })
	return out
}

// IsNotice reports whether a file named name is a licence or a notice that
// goes with a copy of the code beside it.
func IsNotice(name string) bool {
	n := strings.ToUpper(name)
	return slices.ContainsFunc([]string{"LICENSE", "LICENCE", "COPYING", "NOTICE", "PATENTS"}, func(p string) bool {
		return n == p || strings.HasPrefix(n, p+".") || strings.HasPrefix(n, p+"-")
	})
}

// noticeFiles returns the licence files of s, relative to s.dir. A source
// with no files listed has those at the top of its folder; an entry "." or
// a folder among a module's files stands for the licence files in it.
func noticeFiles(s source) ([]string, error) {
	if s.files == nil {
		s.files = []string{"."}
	}
	var out []string
	for _, f := range s.files {
		full := filepath.Join(s.dir, filepath.FromSlash(f))
		info, err := os.Stat(full)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, f)
			continue
		}
		entries, err := os.ReadDir(full)
		if err != nil {
			return nil, err
		}
		for _, e := range entries { // sorted by name
			if e.Type().IsRegular() && IsNotice(e.Name()) {
				out = append(out, filepath.ToSlash(filepath.Join(f, e.Name())))
			}
		}
	}
	return out, nil
}

// render writes the notices: a heading, the list of sources, then each
// source's licence files.
func render(platforms []string, sources []source) ([]byte, error) {
	rule := strings.Repeat("=", 72)
	var b bytes.Buffer
	fmt.Fprintf(&b, "plotline holds the software listed below, whose licences and notices follow.\n")
	fmt.Fprintf(&b, "The Go modules are those compiled into plotline for any of\n%s.\n", strings.Join(platforms, ", "))
	fmt.Fprintf(&b, "This file is written by go run ./tools/notices.\n\n")
	for _, s := range sources {
		fmt.Fprintf(&b, "\t%s", s.name)
		if s.only != nil {
			fmt.Fprintf(&b, " (only for %s)", strings.Join(s.only, ", "))
		}
		b.WriteByte('\n')
	}
	for _, s := range sources {
		files, err := noticeFiles(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s has no licence file in %s", s.name, s.dir)
		}
		for _, f := range files {
			text, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(f)))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", s.name, err)
			}
			fmt.Fprintf(&b, "\n%s\n%s, %s\n%s\n\n", rule, s.name, f, rule)
			b.Write(bytes.TrimRight(text, "\n"))
			b.WriteByte('\n')
		}
	}
	return b.Bytes(), nil
}

// goCommand runs the go command in opts.Root with args, building for
// platform p (GOOS/GOARCH, or "" for the host) as a release does, and
// returns its standard output.
func goCommand(ctx context.Context, opts Options, p string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = opts.Root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=")
	if p != "" {
		goos, goarch, _ := strings.Cut(p, "/")
		cmd.Env = append(cmd.Env, "GOOS="+goos, "GOARCH="+goarch)
	}
	cmd.Env = append(cmd.Env, opts.Env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "disabled by GOPROXY=off") {
			return nil, fmt.Errorf("%w (run go mod download): go %s: %s", ErrModuleMissing, args[0], msg)
		}
		return nil, fmt.Errorf("go %s for %s: %w\n%s", strings.Join(args[:1], " "), cmp.Or(p, "this platform"), err, msg)
	}
	return out, nil
}

// ModuleRoot returns the folder of plotline's go.mod, as the go command
// finds it from the working directory.
func ModuleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run this inside the plotline repository")
	}
	return filepath.Dir(gomod), nil
}
