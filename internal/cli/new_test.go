package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func runMain(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := Main(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestNewSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := runMain("new", "site", dir)
	if code != ExitOK {
		t.Fatalf("new site: exit %d\n%s", code, stderr)
	}
	for _, f := range []string{"plotline.yaml", ".gitignore", ".github/workflows/pages.yml", "content/articles/returns-backlog.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("new site did not write %s: %v", f, err)
		}
	}
	if !strings.Contains(stdout, "\tcd "+dir+" && plotline serve\n") {
		t.Errorf("new site printed:\n%s\nwant the command to preview it", stdout)
	}

	// The site builds without a warning, and a second new site is refused
	// without writing anything.
	code, stdout, stderr = runMain("build", "-s", dir)
	if code != ExitOK || stderr != "" {
		t.Fatalf("building the new site: exit %d\n%s", code, stderr)
	}
	if !regexp.MustCompile(`^built \d+ pages \(\d+ files\) in \d+\.\d\d s\n$`).MatchString(stdout) {
		t.Errorf("build printed %q; want \"built N pages (M files) in X.XX s\"", stdout)
	}
	before := readTree(t, dir)
	code, stdout, stderr = runMain("new", "site", dir)
	if code != ExitContent || stdout != "" || !strings.Contains(stderr, "already exists and is not empty; nothing was written") {
		t.Errorf("new site over a site: exit %d, stdout %q, stderr %q; want %d and a refusal", code, stdout, stderr, ExitContent)
	}
	if diff := diffTrees(readTree(t, dir), before); diff != "" {
		t.Errorf("new site over a site changed it:\n%s", diff)
	}

	// A file where the folder should be is refused too.
	file := filepath.Join(t.TempDir(), "file")
	writeFile(t, file, "x")
	if code, _, _ := runMain("new", "site", file); code != ExitContent {
		t.Errorf("new site over a file: exit %d; want %d", code, ExitContent)
	}
}

func TestNewArticle(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"content/articles/x.md": "---\ntitle: X\ndate: 2025-01-01\n---\nX.\n"})
	now := time.Date(2025, 7, 9, 23, 30, 0, 0, time.Local)
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	if code := runNewArticle(e, []string{"Rain, rain: go away!", "-s", dir}, now); code != ExitOK {
		t.Fatalf("new article: exit %d\n%s", code, stderr.String())
	}
	file := filepath.Join(dir, "content", "articles", "rain-rain-go-away.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(src), "---\ntitle: \"Rain, rain: go away!\"\ndate: 2025-07-09\n") {
		t.Errorf("the new article starts:\n%.80s\nwant its title and today's date", src)
	}
	if code, _, stderr := runMain("build", "-s", dir, "-q"); code != ExitOK || stderr != "" {
		t.Errorf("building with the new article: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "articles", "rain-rain-go-away", "index.html")); err != nil {
		t.Errorf("the new article was not built: %v", err)
	}

	writeFile(t, file, "mine")
	stderr.Reset()
	if code := runNewArticle(e, []string{"-s", dir, "Rain rain go away"}, now); code != ExitContent {
		t.Errorf("new article over an existing file: exit %d; want %d", code, ExitContent)
	}
	if got, _ := os.ReadFile(file); string(got) != "mine" {
		t.Errorf("new article replaced an existing file with %q", got)
	}
}

func TestNewUsage(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, args := range [][]string{
		{"new"},
		{"new", "page", a},
		{"new", "site"},
		{"new", "site", a, b},
		{"new", "site", "--force", a},
		{"new", "article", "-s", dir},
		{"new", "article", "A", "B", "-s", dir},
		{"new", "article", "A", "--date", "9 July", "-s", dir},
		{"new", "article", "A", "--dir", "/tmp", "-s", dir},
		{"new", "article", "A", "--dir", "a/../../b", "-s", dir},
		{"new", "article", "---", "-s", dir},
		{"check", "--format", "yaml", "-s", dir},
		{"check", "extra", "-s", dir},
	} {
		if code, stdout, stderr := runMain(args...); code != ExitUsage || stdout != "" || stderr == "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d and a message on stderr", args, code, stdout, stderr, ExitUsage)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a wrong command line wrote %s", entries[0].Name())
	}
}

func TestParseWithArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		pos  []string
		s    string
	}{
		{[]string{"Title"}, []string{"Title"}, "."},
		{[]string{"-s", "x", "Title"}, []string{"Title"}, "x"},
		{[]string{"Title", "--s=x"}, []string{"Title"}, "x"},
		{[]string{"a", "-s", "x", "b"}, []string{"a", "b"}, "x"},
		{[]string{"-s", "x", "--", "-dash", "-s"}, []string{"-dash", "-s"}, "x"},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		s := fs.String("s", ".", "")
		pos, code := parseWithArgs(fs, tc.args)
		if code != -1 || !slices.Equal(pos, tc.pos) || *s != tc.s {
			t.Errorf("parseWithArgs(%q) = %q, %d, -s %q; want %q, -1, -s %q", tc.args, pos, code, *s, tc.pos, tc.s)
		}
	}
}

func TestHelp(t *testing.T) {
	code, stdout, _ := runMain("help")
	if code != ExitOK {
		t.Fatalf("help: exit %d", code)
	}
	for _, want := range []string{"\tnew ", "\tcheck ", "Exit status:", "\t0 ", "\t1 ", "\t2 "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help does not mention %q:\n%s", want, stdout)
		}
	}
	for _, cmd := range []string{"new", "check", "build"} {
		code, _, stderr := runMain("help", cmd)
		if code != ExitOK || !strings.Contains(stderr, "Example") {
			t.Errorf("help %s: exit %d, %q; want 0 and an example", cmd, code, stderr)
		}
	}
	for _, args := range [][]string{{"new", "site", "-h"}, {"new", "article", "-h"}, {"check", "-h"}} {
		code, _, stderr := runMain(args...)
		if code != ExitOK || !strings.Contains(stderr, "Example:\n\n\tplotline "+args[0]) {
			t.Errorf("%q: exit %d, %q; want 0 and an example", args, code, stderr)
		}
	}
}
