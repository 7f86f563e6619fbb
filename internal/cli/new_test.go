package cli

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline/internal/scaffold"
	"github.com/plotline/plotline/internal/version"
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
	// A test binary is a development build: the workflow names a
	// placeholder, and a warning says so.
	if want := "plotline new site: warning: this plotline is a development build, "; !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, "replace VERSION in "+filepath.ToSlash(dir)+"/.github/workflows/pages.yml") {
		t.Errorf("new site by a development build printed on stderr:\n%s\nwant a warning starting %q that names the workflow", stderr, want)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml")); !bytes.Contains(src, []byte("plotline/cmd/plotline@VERSION\n")) {
		t.Errorf("the workflow of a development build does not install plotline@VERSION:\n%s", src)
	}

	// The site builds without a warning once it has the address it is
	// published at, and a second new site is refused without writing
	// anything.
	code, stdout, stderr = runMain("build", "-s", dir, "--base-url", "https://user.github.io/site/")
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

// TestNewSitePins checks that the workflow of a new site installs the
// plotline that wrote it and the Go of its go.mod, and that only a binary
// that knows no installable version warns.
func TestNewSitePins(t *testing.T) {
	for _, tc := range []struct {
		v       version.Info
		install string
		warn    bool
	}{
		{version.Info{Release: "v1.2.3", Module: version.Devel}, "v1.2.3", false},
		{version.Info{Module: "v1.4.0"}, "v1.4.0", false},
		{version.Info{Module: "v0.0.0-20261126111256-e5815da47025"}, "v0.0.0-20261126111256-e5815da47025", false},
		{version.Info{Module: "v0.0.0-20261126111256-e5815da47025+dirty", Revision: "e5815da47025230cc97e03c22b805b8f05e5c89d", Modified: true}, "VERSION", true},
		{version.Info{Module: version.Devel, Revision: "e5815da47025230cc97e03c22b805b8f05e5c89d"}, "VERSION", true},
	} {
		dir := filepath.Join(t.TempDir(), "site")
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr, version: tc.v}
		if code := runNewSite(e, []string{dir}); code != ExitOK {
			t.Fatalf("%s: new site: exit %d\n%s", tc.v, code, stderr.String())
		}
		src, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"\n        run: go install github.com/plotline/plotline/cmd/plotline@" + tc.install + "\n",
			"\n          go-version: '" + version.Go + "'",
		} {
			if !bytes.Contains(src, []byte(want)) {
				t.Errorf("%s: the workflow has no line %q:\n%s", tc.v, strings.TrimSpace(want), src)
			}
		}
		if gotWarn := strings.Contains(stderr.String(), "warning:"); gotWarn != tc.warn {
			t.Errorf("%s: stderr %q; want a warning: %v", tc.v, stderr.String(), tc.warn)
		}
		said := strings.Contains(stdout.String(), "The workflow builds it with plotline "+tc.install+" and Go "+version.Go+".\n")
		if said == tc.warn {
			t.Errorf("%s: stdout:\n%s\nwant the pinned versions said: %v", tc.v, stdout.String(), !tc.warn)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, tc := range []struct {
		v    version.Info
		want string
	}{
		{version.Info{Release: "v1.2.3", Module: version.Devel}, "plotline v1.2.3 "},
		{version.Info{Module: "v1.4.0"}, "plotline v1.4.0 "},
		{version.Info{Module: version.Devel, Revision: "e5815da47025230cc97e03c22b805b8f05e5c89d", Modified: true}, "plotline (devel) e5815da47025+dirty "},
	} {
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr, version: tc.v}
		code := runVersion(context.Background(), e, nil)
		want := tc.want + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
		if code != ExitOK || stdout.String() != want || stderr.Len() > 0 {
			t.Errorf("version with %+v: exit %d, stdout %q, stderr %q; want 0, %q", tc.v, code, stdout.String(), stderr.String(), want)
		}
	}
	if code, stdout, stderr := runMain("version", "extra"); code != ExitUsage || stdout != "" || stderr == "" {
		t.Errorf("version extra: exit %d, stdout %q, stderr %q; want %d and a message on stderr", code, stdout, stderr, ExitUsage)
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
	// A draft: built with --drafts only.
	if code, _, stderr := runMain("build", "-s", dir, "-q", "--base-url", "https://example.org/"); code != ExitOK || stderr != "" {
		t.Errorf("building with the new article: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "articles", "rain-rain-go-away", "index.html")); err == nil {
		t.Errorf("the new article, a draft, was published")
	}
	if code, _, stderr := runMain("build", "-s", dir, "-q", "--drafts", "--base-url", "https://example.org/"); code != ExitOK || stderr != "" {
		t.Errorf("building with the new article and drafts: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "articles", "rain-rain-go-away", "index.html")); err != nil {
		t.Errorf("the new article was not built with --drafts: %v", err)
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

// TestNewArticleUnseenFolder checks that new article writes no file in a
// folder whose name holds a character a web address must not (a bidi
// control), which every build would then refuse.
func TestNewArticleUnseenFolder(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"content/articles/x.md": "---\ntitle: X\ndate: 2025-01-01\n---\nX.\n"})
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr}
	now := time.Date(2025, 7, 9, 12, 0, 0, 0, time.UTC)
	if code := runNewArticle(e, []string{"Notes", "-s", dir, "--dir", "x\u202ey"}, now); code != ExitUsage {
		t.Errorf("new article --dir x\\u202ey: exit %d; want %d", code, ExitUsage)
	}
	want := `plotline new article: --dir "x\u202ey" holds U+202E, a bidi control, which changes the order its letters are shown in, which a web address must not hold: name another folder` + "\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr = %q; want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "x\u202ey")); err == nil {
		t.Errorf("the folder was made")
	}
}

// TestNewArticleTitleRefused checks that a title the build refuses is
// refused before anything is written, where the article was written and
// then failed every build with --drafts, as plotline serve --drafts runs.
func TestNewArticleTitleRefused(t *testing.T) {
	for _, tc := range []struct {
		title, want string
	}{
		{"Bell \a here", "plotline new article: title: the character U+0007 cannot be shown in a web page: remove it\n"},
		{"Up \u202e12", "plotline new article: title: the character U+202E, a bidi override, shows what follows it in reverse order, so that a reader takes 12 for 21 (to set a phrase right to left, put it between U+2067 and U+2069): remove it\n"},
		{strings.Repeat("word ", 200) + "end", "plotline new article: the title has 1003 characters, more than the 1000 a title may have: give a shorter one\n"},
	} {
		dir := t.TempDir()
		writeSite(t, dir, map[string]string{"content/articles/x.md": "---\ntitle: X\ndate: 2025-01-01\n---\nX.\n"})
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr}
		now := time.Date(2025, 7, 9, 12, 0, 0, 0, time.UTC)
		if code := runNewArticle(e, []string{tc.title, "-s", dir}, now); code != ExitUsage {
			t.Errorf("new article %.20q: exit %d; want %d", tc.title, code, ExitUsage)
		}
		if got := stderr.String(); got != tc.want {
			t.Errorf("new article %.20q: stderr = %q; want %q", tc.title, got, tc.want)
		}
		if entries, _ := os.ReadDir(filepath.Join(dir, "content", "articles")); len(entries) != 1 {
			t.Errorf("new article %.20q: content/articles holds %d files; want only x.md", tc.title, len(entries))
		}
	}
	// 1,000 characters, and a line break and a tab, which a page may
	// hold, are a title like any.
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"content/articles/x.md": "---\ntitle: X\ndate: 2025-01-01\n---\nX.\n"})
	for _, title := range []string{strings.Repeat("word ", 199) + "words", "Two\nlines\tand a tab"} {
		var stdout, stderr bytes.Buffer
		if code := runNewArticle(&env{stdout: &stdout, stderr: &stderr}, []string{title, "-s", dir}, time.Date(2025, 7, 9, 12, 0, 0, 0, time.UTC)); code != ExitOK {
			t.Errorf("new article %.20q: exit %d, stderr %q; want %d", title, code, stderr.String(), ExitOK)
		}
	}
}

// TestNewArticleDirRefused checks that a --dir the build cannot read, or
// the system cannot make, leaves nothing behind: a folder 150 deep made
// an article at which every build stopped, and a path too long for the
// system left the folders made before it failed.
func TestNewArticleDirRefused(t *testing.T) {
	for _, tc := range []struct {
		dir, want string
		code      int
	}{
		{strings.Repeat("d/", 149) + "d", "plotline new article: --dir lies 150 folders below content/, deeper than the 100 plotline reads, so every build would stop at it: name a folder nearer the top\n", ExitUsage},
		{strings.Repeat(strings.Repeat("x", 250)+"/", 29) + "x", "file name too long", -1},
	} {
		dir := t.TempDir()
		writeSite(t, dir, map[string]string{"content/articles/x.md": "---\ntitle: X\ndate: 2025-01-01\n---\nX.\n"})
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr}
		code := runNewArticle(e, []string{"Deep", "-s", dir, "--dir", tc.dir}, time.Date(2025, 7, 9, 12, 0, 0, 0, time.UTC))
		if tc.code >= 0 && code != tc.code || code == ExitOK {
			t.Errorf("new article --dir %.20q…: exit %d; want %d", tc.dir, code, tc.code)
		}
		if got := stderr.String(); !strings.Contains(got, tc.want) {
			t.Errorf("new article --dir %.20q…: stderr = %.300q; want %q", tc.dir, got, tc.want)
		}
		if entries, _ := os.ReadDir(filepath.Join(dir, "content")); len(entries) != 1 {
			t.Errorf("new article --dir %.20q…: content/ holds %d entries; want only articles/", tc.dir, len(entries))
		}
	}
}

// TestNewSiteHalfWay makes a new site in a folder whose path is so long
// that Linux (whose paths have 4,095 bytes at most) takes the site's
// shorter files and refuses its longest: what was made is taken away
// again, where half a site was left, which the next new site into the
// folder refused as not empty.
func TestNewSiteHalfWay(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the bound on a path's length is Linux's")
	}
	files := scaffold.Site(scaffold.Pins{Go: "1.26"})
	longest := slices.IndexFunc(files, func(f scaffold.File) bool {
		return !slices.ContainsFunc(files, func(g scaffold.File) bool { return len(g.Path) > len(f.Path) })
	})
	if longest == 0 {
		t.Skip("the longest file of a new site is written first")
	}
	second := 0
	for i, f := range files {
		if i != longest && len(f.Path) > second {
			second = len(f.Path)
		}
	}
	if second == len(files[longest].Path) {
		t.Skip("two files of a new site have the longest path")
	}
	// A folder whose path leaves room for the second longest file and
	// its separator, and not for the longest.
	parent := t.TempDir()
	dir := parent
	for want := 4095 - second - 1; len(dir) < want; {
		dir = filepath.Join(dir, strings.Repeat("s", min(200, want-len(dir)-1)))
	}
	var stdout, stderr bytes.Buffer
	code := runNewSite(&env{stdout: &stdout, stderr: &stderr, version: version.Info{}}, []string{dir})
	if code != ExitContent {
		t.Errorf("new site in a folder of %d bytes: exit %d; want %d", len(dir), code, ExitContent)
	}
	if got := stderr.String(); !strings.Contains(got, "file name too long; nothing was written") {
		t.Errorf("new site in a folder of %d bytes: stderr = %q; want the system's error and nothing was written", len(dir), got)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("new site in a folder of %d bytes left %d entries; want none", len(dir), len(entries))
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
		pos, code := parseWithArgs(&env{stdout: io.Discard, stderr: io.Discard}, fs, tc.args)
		if code != -1 || !slices.Equal(pos, tc.pos) || *s != tc.s {
			t.Errorf("parseWithArgs(%q) = %q, %d, -s %q; want %q, -1, -s %q", tc.args, pos, code, *s, tc.pos, tc.s)
		}
	}
}

// TestHelp checks that help asked for goes to stdout with exit 0, and that
// help after a mistake goes to stderr with exit 2.
func TestHelp(t *testing.T) {
	code, stdout, stderr := runMain("help")
	if code != ExitOK || stderr != "" {
		t.Fatalf("help: exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
	for _, want := range []string{"\tnew ", "\tcheck ", "Exit status:", "\t0 ", "\t1 ", "\t2 "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help does not mention %q:\n%s", want, stdout)
		}
	}
	for _, cmd := range []string{"new", "build", "check", "watch", "serve", "version"} {
		code, stdout, stderr := runMain("help", cmd)
		if code != ExitOK || stderr != "" || !strings.Contains(stdout, "Example") || !strings.HasPrefix(stdout, "usage: plotline "+cmd) {
			t.Errorf("help %s: exit %d, stdout %q, stderr %q; want 0, the usage and an example on stdout, nothing on stderr", cmd, code, stdout, stderr)
		}
	}
	for _, args := range [][]string{
		{"new", "-h"},
		{"new", "site", "-h"},
		{"new", "article", "-h"},
		{"new", "article", "--help", "A title"},
		{"build", "-h"},
		{"build", "--help"},
		{"check", "-h"},
		{"watch", "-h"},
		{"serve", "-help"},
		{"version", "-h"},
	} {
		code, stdout, stderr := runMain(args...)
		if code != ExitOK || stderr != "" || !strings.HasPrefix(stdout, "usage: plotline "+args[0]) || !regexp.MustCompile(`\nExamples?:\n\n\tplotline `+args[0]).MatchString(stdout) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 0 and the usage with an example on stdout", args, code, stdout, stderr)
		}
	}
	for _, args := range [][]string{
		{"build", "--no-such-flag"},
		{"new", "site", "--force", "x"},
		{"new", "article", "-date"},
		{"serve", "--port", "many"},
	} {
		code, stdout, stderr := runMain(args...)
		if code != ExitUsage || stdout != "" || !strings.Contains(stderr, "usage: plotline ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d and the error with the usage on stderr", args, code, stdout, stderr, ExitUsage)
		}
	}
	if code, stdout, stderr := runMain("help", "nothing"); code != ExitUsage || stdout != "" || !strings.Contains(stderr, `unknown command "nothing"`) {
		t.Errorf("help nothing: exit %d, stdout %q, stderr %q; want %d and an error on stderr", code, stdout, stderr, ExitUsage)
	}
}
