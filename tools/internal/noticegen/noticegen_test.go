package noticegen

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestIsNotice(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"LICENSE", true},
		{"LICENSE.md", true},
		{"license.txt", true},
		{"LICENCE", true},
		{"COPYING", true},
		{"NOTICE", true},
		{"PATENTS", true},
		{"LICENSE-MIT", true},
		{"README.md", false},
		{"LICENSES_TEST.go", false},
		{"licensecheck.go", false},
		{"go.mod", false},
	} {
		if got := IsNotice(tc.name); got != tc.want {
			t.Errorf("IsNotice(%q) = %v; want %v", tc.name, got, tc.want)
		}
	}
}

func TestParseList(t *testing.T) {
	got, err := parseList([]byte("a.org/m@v1.0.0\t/mod/a\t/mod/a/sub\nb.org/n@v2.0.0 => ../n\t/src/n\t/src/n\n"))
	want := []pkg{{"a.org/m@v1.0.0", "/mod/a", "/mod/a/sub"}, {"b.org/n@v2.0.0 => ../n", "/src/n", "/src/n"}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("parseList = %v, %v; want %v", got, err, want)
	}
	// A module the go command knows of but has not got has no folder.
	if _, err := parseList([]byte("a.org/m@v1.0.0\t\t\n")); !errors.Is(err, ErrModuleMissing) {
		t.Errorf("parseList(no folder) = %v; want ErrModuleMissing", err)
	}
	if _, err := parseList([]byte("a.org/m@v1.0.0 /mod/a\n")); err == nil || errors.Is(err, ErrModuleMissing) {
		t.Errorf("parseList(one field) = %v; want another error", err)
	}
}

// TestModuleSources checks the union over platforms: a module compiled in
// on some platforms only says which, and a package folder of a module is
// looked into for licence files.
func TestModuleSources(t *testing.T) {
	platforms := []string{"linux/amd64", "windows/amd64", "darwin/arm64"}
	all := pkg{"z.org/all@v1.0.0", "/m/all", "/m/all"}
	sub := pkg{"z.org/all@v1.0.0", "/m/all", "/m/all/x/y"}
	win := pkg{"a.org/win@v0.1.0", "/m/win", "/m/win/w"}
	unix := pkg{"m.org/unix@v0.2.0", "/m/unix", "/m/unix"}
	got := moduleSources(platforms, [][]pkg{{all, unix}, {all, sub, win, win}, {unix, all}})
	want := []source{
		{name: "a.org/win@v0.1.0", dir: "/m/win", files: []string{".", "w"}, only: []string{"windows/amd64"}},
		{name: "m.org/unix@v0.2.0", dir: "/m/unix", files: []string{"."}, only: []string{"linux/amd64", "darwin/arm64"}},
		{name: "z.org/all@v1.0.0", dir: "/m/all", files: []string{".", "x/y"}},
	}
	if len(got) != len(want) {
		t.Fatalf("moduleSources = %+v; want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.name != w.name || g.dir != w.dir || !slices.Equal(g.files, w.files) || !slices.Equal(g.only, w.only) {
			t.Errorf("source %d = %+v; want %+v", i, g, w)
		}
	}
}

// TestRender checks the layout of the notices on a made-up module: the
// list, then each licence file under a heading, those of its package
// folders included; and that a source without a licence is an error.
func TestRender(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mod/LICENSE", "the module's licence\n\n\n")
	write("mod/NOTICE.md", "its notice")
	write("mod/README.md", "not a licence")
	write("mod/sub/COPYING", "a package's own licence\n")
	write("mod/other/LICENSE", "a folder not compiled in\n")
	write("bare/main.go", "package bare\n")
	got, err := render([]string{"linux/amd64", "windows/amd64"}, []source{
		{name: "m.org/mod@v1.0.0", dir: filepath.Join(dir, "mod"), files: []string{".", "sub"}, only: []string{"windows/amd64"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	rule := strings.Repeat("=", 72)
	want := "plotline holds the software listed below, whose licences and notices follow.\n" +
		"The Go modules are those compiled into plotline for any of\nlinux/amd64, windows/amd64.\n" +
		"This file is written by go run ./tools/notices.\n\n" +
		"\tm.org/mod@v1.0.0 (only for windows/amd64)\n" +
		"\n" + rule + "\nm.org/mod@v1.0.0, LICENSE\n" + rule + "\n\nthe module's licence\n" +
		"\n" + rule + "\nm.org/mod@v1.0.0, NOTICE.md\n" + rule + "\n\nits notice\n" +
		"\n" + rule + "\nm.org/mod@v1.0.0, sub/COPYING\n" + rule + "\n\na package's own licence\n"
	if string(got) != want {
		t.Errorf("render =\n%s\nwant\n%s", got, want)
	}
	_, err = render(nil, []source{{name: "bare", dir: filepath.Join(dir, "bare")}})
	if err == nil || !strings.Contains(err.Error(), "bare has no licence file") {
		t.Errorf("render(no licence) = %v; want an error naming the source", err)
	}
}

// TestVendoredComplete fails when a folder of vendored files holds a
// licence that the notices leave out: every file there is a licence the
// list names, the vendored payload itself, or its README.
func TestVendoredComplete(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	listed := map[string]bool{}
	dirs := map[string]bool{}
	for _, v := range vendored() {
		dirs[v.dir] = true
		for _, f := range v.files {
			listed[v.dir+"/"+f] = true
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(v.dir), filepath.FromSlash(f))); err != nil {
				t.Errorf("%s lists %s: %v", v.name, f, err)
			}
		}
	}
	payload := func(name string) bool {
		return name == "README.md" || strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".ttf")
	}
	for dir := range dirs {
		err := filepath.WalkDir(filepath.Join(root, filepath.FromSlash(dir)), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if !listed[rel] && !payload(d.Name()) {
				t.Errorf("%s is neither a licence the notices list (add it to vendored) nor a vendored file", rel)
			}
			return nil
		})
		if err != nil {
			t.Error(err)
		}
	}
}

// TestModuleMissing runs the generator with an empty module cache and no
// downloads: it must say that a module is missing, which the test of the
// committed file turns into a skip outside CI.
func TestModuleMissing(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Generate(context.Background(), Options{
		Root:      root,
		Platforms: []string{"linux/amd64"},
		Env:       []string{"GOPROXY=off", "GOMODCACHE=" + t.TempDir()},
	})
	if !errors.Is(err, ErrModuleMissing) {
		t.Errorf("Generate with an empty module cache = %v; want ErrModuleMissing", err)
	}
}
