package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// hangLimit is how long a single hostile input may take before the test
// calls it a hang. It only catches hangs: real times are milliseconds.
const hangLimit = 10 * time.Second

// within runs f and fails t if f has not returned after hangLimit.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(hangLimit):
		t.Fatalf("still running after %v", hangLimit)
	}
}

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileFiles parses files that are wrong as a whole, or written in
// an unusual way, and expects one clear diagnostic each, or none.
func TestHostileFiles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		title string
		diags []string
	}{
		{
			name:  "not UTF-8",
			src:   "---\ntitle: caf\xe9\ndate: 2025-01-01\n---\n",
			diags: []string{"content/a.md:2:11: file is not valid UTF-8 (save it as UTF-8)"},
		},
		{
			// Where the file was "missing front matter", or its first NUL
			// byte a character no page may hold.
			name:  "UTF-16 with its byte-order mark",
			src:   "\xff\xfe-\x00-\x00-\x00\x0a\x00t\x00i\x00t\x00l\x00e\x00:\x00 \x00A\x00\x0a\x00d\x00a\x00t\x00e\x00:\x00 \x002\x000\x002\x005\x00-\x000\x001\x00-\x000\x001\x00\x0a\x00-\x00-\x00-\x00\x0a\x00H\x00i\x00\x0a\x00",
			diags: []string{"content/a.md:1:1: file is in UTF-16 (as Notepad's \"Unicode\" saves text), not UTF-8: save it as UTF-8"},
		},
		{
			// Where the file was "missing front matter", or its first NUL
			// byte a character no page may hold.
			name:  "UTF-16, little-endian, without a byte-order mark",
			src:   "-\x00-\x00-\x00\x0a\x00t\x00i\x00t\x00l\x00e\x00:\x00 \x00A\x00\x0a\x00d\x00a\x00t\x00e\x00:\x00 \x002\x000\x002\x005\x00-\x000\x001\x00-\x000\x001\x00\x0a\x00-\x00-\x00-\x00\x0a\x00H\x00i\x00\x0a\x00",
			diags: []string{"content/a.md:1:1: file is in UTF-16 (as Notepad's \"Unicode\" saves text), not UTF-8: save it as UTF-8"},
		},
		{
			// Where the file was "missing front matter", or its first NUL
			// byte a character no page may hold.
			name:  "UTF-16, big-endian, without a byte-order mark",
			src:   "\x00-\x00-\x00-\x00\x0a\x00t\x00i\x00t\x00l\x00e\x00:\x00 \x00A\x00\x0a\x00d\x00a\x00t\x00e\x00:\x00 \x002\x000\x002\x005\x00-\x000\x001\x00-\x000\x001\x00\x0a\x00-\x00-\x00-\x00\x0a\x00H\x00i\x00\x0a",
			diags: []string{"content/a.md:1:1: file is in UTF-16 (as Notepad's \"Unicode\" saves text), not UTF-8: save it as UTF-8"},
		},
		{
			name:  "byte-order mark",
			src:   "\ufeff---\ntitle: A\ndate: 2025-02-30\n---\n",
			diags: []string{`content/a.md:3:7: date: cannot parse "2025-02-30" as a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional offset such as +01:00 or +0100, or RFC 3339 such as 2025-01-10T10:00:00Z)`},
		},
		{
			name:  "CRLF",
			src:   "---\r\ntitle: A\r\ndate: 2025-02-30\r\n---\r\nHello\r\n",
			diags: []string{`content/a.md:3:7: date: cannot parse "2025-02-30" as a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional offset such as +01:00 or +0100, or RFC 3339 such as 2025-01-10T10:00:00Z)`},
		},
		{
			name:  "a year that is most likely a typo",
			src:   "---\ntitle: A\ndate: 0205-01-01\nupdated: 0001-01-01\n---\n",
			diags: []string{`content/a.md:3:7: date: 0205-01-01 is before the year 1000, most likely a mistyped year`, `content/a.md:4:10: updated: 0001-01-01 is before the year 1000, most likely a mistyped year`},
		},
		{
			// 9999-12-31T23:00:00-05:00 is 04:00 on 1 January 10000
			// in UTC, which the feed wrote as "10000-01-01T04:00:00Z".
			name:  "a time past the year 9999 in UTC",
			src:   "---\ntitle: A\ndate: 9999-12-31T23:00:00-05:00\nupdated: 9999-12-31\n---\n",
			diags: []string{`content/a.md:3:7: date: 9999-12-31T23:00:00-05:00 is in the year 10000 in UTC, the time the feed gives, which writes four-digit years: check the year, or leave out the time and its offset`},
		},
		{
			name:  "CRLF, good",
			src:   "---\r\ntitle: A\r\ndate: 2025-01-01\r\n---\r\nHello\r\n",
			title: "A",
		},
		{
			name:  "carriage returns alone end lines for YAML, not for the file",
			src:   "---\ntitle: A\rdate: 2025-02-30\r\ntags: [a\r, [b]]\n---\n",
			diags: []string{`content/a.md:2:16: date: cannot parse "2025-02-30" as a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional offset such as +01:00 or +0100, or RFC 3339 such as 2025-01-10T10:00:00Z)`, `content/a.md:3:12: tags: want a word, got a list`},
		},
		{
			name:  "a byte-order mark inside the front matter counts as a character",
			src:   "---\n\ufefftitle: [a]\ndate: 2025-01-01\n---\n",
			diags: []string{`content/a.md:2:9: title: want text, got a list`},
		},
		{
			name:  "no final newline",
			src:   "---\ntitle: A\ndate: 2025-01-01\n---",
			title: "A",
		},
		{
			name:  "no front matter",
			src:   "# Just Markdown\n",
			diags: []string{`content/a.md:1:1: missing front matter: the file must start with a line "---" followed by at least title and date`},
		},
		{
			// An editor may show its lines; plotline, as diag.At, reads
			// one line, and says why.
			name:  "every line ends with a carriage return alone",
			src:   "---\rtitle: A\rdate: 2025-01-01\r---\rText\r",
			diags: []string{`content/a.md:1:4: the lines of this file end with a carriage return alone (as on old Macs), which plotline does not take for line ends: save it with LF or CRLF line endings`},
		},
		{
			name:  "JSON front matter without fences",
			src:   "{\n  \"title\": \"A\",\n  \"date\": \"2025-01-01\"\n}\nText\n",
			diags: []string{`content/a.md:1:1: missing front matter: JSON front matter goes between lines "---", as YAML, which it is too: add a line "---" before its "{" and one after its "}"`},
		},
		{
			name:  "Markdown that starts with a value",
			src:   "{{ a.b }} and text\n",
			diags: []string{`content/a.md:1:1: missing front matter: the file must start with a line "---" followed by at least title and date`},
		},
		{
			name:  "empty file",
			src:   "",
			diags: []string{`content/a.md:1:1: missing front matter: the file must start with a line "---" followed by at least title and date`},
		},
		{
			name:  "never closed",
			src:   "---\ntitle: A\ndate: 2025-01-01\n",
			diags: []string{`content/a.md:1:1: front matter is never closed: add a line "---" after it`},
		},
		{
			name:  "TOML key given twice",
			src:   "+++\ntitle = \"A\"\ndate = 2025-01-01\n[data.a]\nunit = \"x\"\nunit = \"y\"\n+++\n",
			diags: []string{`content/a.md:6:1: front matter: duplicate key "data.a.unit" (first at line 5)`},
		},
		{
			name:  "TOML never closed",
			src:   "+++\ntitle = \"A\"\n",
			diags: []string{`content/a.md:1:1: front matter is never closed: add a line "+++" after it`},
		},
		{
			name:  "YAML flow list never closed",
			src:   "---\ntitle: A\ndate: 2025-01-01\ntags: [a, b\ndescription: x\n---\n",
			diags: []string{`content/a.md:4:7: front matter: this "[" is never closed: end the list with "]"`},
		},
		{
			name:  "YAML list, then a key",
			src:   "---\n- a\nb: 1\n---\n",
			diags: []string{"content/a.md:3:1: front matter: did not find expected '-' indicator"},
		},
		{
			name:  "YAML key indented too far",
			src:   "---\ntitle: A\ndate: 2025-01-01\ndata:\n  a: 1\n b: 2\n---\n",
			diags: []string{"content/a.md:6:2: front matter: this line is indented 1 space; its siblings 2"},
		},
		{
			name:  "YAML unknown alias",
			src:   "---\ntitle: A\ndate: 2025-01-01\ntags: *nowhere\n---\n",
			diags: []string{"content/a.md:4:7: front matter: no anchor &nowhere above for *nowhere to repeat: if the value is text, put it in quotes"},
		},
		{
			name:  "YAML nested 100,000 deep",
			src:   "---\ntitle: A\ndate: 2025-01-01\ndata: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n---\n",
			diags: []string{"content/a.md:4:1: front matter: exceeded max depth of 10000"},
		},
		{
			name:  "TOML arrays nested 200,000 deep",
			src:   "+++\ntitle = \"A\"\ndate = 2025-01-01\ndata = " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "\n+++\n",
			diags: []string{"content/a.md:4:1: front matter: nested more than 100 levels deep"},
		},
		{
			name:  "TOML inline tables nested 200,000 deep",
			src:   "+++\ntitle = \"A\"\ndate = 2025-01-01\ndata = " + strings.Repeat("{a=", 200000) + "1" + strings.Repeat("}", 200000) + "\n+++\n",
			diags: []string{"content/a.md:4:1: front matter: nested more than 100 levels deep"},
		},
		{
			name:  "TOML dotted key 5,000 deep",
			src:   "+++\ntitle = \"A\"\ndate = 2025-01-01\n" + strings.Repeat("a.", 5000) + "a = 1\n+++\n",
			diags: []string{"content/a.md:4:1: front matter: nested more than 100 levels deep"},
		},
		{
			name: "TOML brackets in strings and comments do not count",
			src: "+++\ntitle = \"" + strings.Repeat("[{.", 200) + "\"\ndate = 2025-01-01\n" +
				"description = '''\n" + strings.Repeat("[", 200) + "\n'''\n# " + strings.Repeat("{", 200) + "\n+++\n",
			title: strings.Repeat("[{.", 200),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			var p *Page
			within(t, func() { p = Parse("content/a.md", []byte(tc.src), &diags) })
			checkDiags(t, diags.Errors(), tc.diags...)
			if p.Broken != (len(tc.diags) > 0) {
				t.Errorf("Broken = %v with %d errors", p.Broken, len(tc.diags))
			}
			if tc.title != "" && p.Title != tc.title {
				t.Errorf("Title = %q; want %q", p.Title, tc.title)
			}
		})
	}
}

// billionLaughs returns YAML front matter whose aliases would expand to
// 9^levels strings if anything followed them all.
func billionLaughs(levels int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Laughs\ndate: 2025-01-01\nl00: &l00 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= levels; i++ {
		b.WriteString("l" + itoa(i) + ": &l" + itoa(i) + " [")
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	last := "*l" + itoa(levels)
	b.WriteString("tags: " + last + "\nsources: " + last + "\ndescription: " + last + "\ndata: " + last + "\n---\n")
	return b.String()
}

func itoa(i int) string { return string(rune('0'+i/10)) + string(rune('0'+i%10)) }

// TestAliasBomb parses front matter whose aliases would expand to 9^12
// (282 billion) strings: the node tree keeps each alias as one node, and
// nothing in Parse follows an alias more than one step, so it is quick and
// small.
func TestAliasBomb(t *testing.T) {
	src := []byte(billionLaughs(12))
	var diags diag.List
	var p *Page
	var alloc uint64
	within(t, func() {
		alloc = allocated(func() { p = Parse("content/a.md", src, &diags) })
	})
	if !p.Broken {
		t.Errorf("the page is not broken; want errors for tags, sources and description")
	}
	if alloc > 4<<20 {
		t.Errorf("parsing %d bytes allocated %d bytes; want under 4 MB", len(src), alloc)
	}
	for _, want := range []string{"tags: want a word, got a list", "sources: want {name, url}, got a list", "description: want text, got a list"} {
		if !strings.Contains(diags.Error(), want) {
			t.Errorf("diagnostics:\n%s\nwant one with %q", diags.Error(), want)
		}
	}
	if p.Data == nil || p.Data.Kind == 0 {
		t.Errorf("Data = %v; want the aliased list, passed on as it is", p.Data)
	}
}

// TestLargeArticle puts a 50 MB article under content/ and expects a
// clear error at once, without the file being read.
func TestLargeArticle(t *testing.T) {
	const size = 50 << 20
	dir := t.TempDir()
	file := filepath.Join(dir, "content", "big.md")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("---\ntitle: Big\ndate: 2025-01-01\n---\n")
	line := bytes.Repeat([]byte("All work and no play makes a very long article. "), 20)
	line = append(line, "\n\n"...)
	for written := 0; written < size; written += len(line) {
		if _, err := f.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content", "small.md"), []byte("---\ntitle: Small\ndate: 2025-01-01\n---\n"), 0o644)

	const want = "content/big.md:1:1: file is 50.0 MB, more than the 8 MB plotline reads (split it into smaller articles)"
	for _, load := range []struct {
		name string
		f    func(fs.FS, Options, *diag.List) *Site
	}{{"LoadIndex", LoadIndex}, {"load", load}} {
		t.Run(load.name, func(t *testing.T) {
			var diags diag.List
			var site *Site
			var alloc uint64
			within(t, func() {
				alloc = allocated(func() { site = load.f(os.DirFS(dir), Options{}, &diags) })
			})
			checkDiags(t, diags, want)
			if len(site.Pages) != 1 || site.Pages[0].Path != "content/small.md" {
				t.Errorf("pages = %v; want only content/small.md", paths(site.Pages))
			}
			if alloc > 4<<20 {
				t.Errorf("loading allocated %d bytes; want under 4 MB (the big file must not be read)", alloc)
			}
		})
	}

	// Parse, given the bytes by a caller that read them anyway, refuses
	// them too.
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	within(t, func() { Parse("content/big.md", src, &diags) })
	checkDiags(t, diags, want)
}

// TestReadFileGrowing reads a file whose Stat says it is small but which
// holds more: sitefs.ReadFile stops after limit+1 bytes.
func TestReadFileGrowing(t *testing.T) {
	fsys := lyingFS{data: bytes.Repeat([]byte("x"), 1000), n: new(int)}
	_, err := sitefs.ReadFile(fsys, "content/a.md", 100)
	var tl *sitefs.TooLargeError
	if !errors.As(err, &tl) || tl.Size != 101 {
		t.Fatalf("sitefs.ReadFile = %v; want a sitefs.TooLargeError after 101 bytes", err)
	}
	if fsys.read() > 101 {
		t.Errorf("read %d bytes; want at most 101", fsys.read())
	}
}

// lyingFS serves one file whose Stat reports size 0.
type lyingFS struct {
	data []byte
	n    *int
}

func (l lyingFS) read() int { return *l.n }

func (l lyingFS) Open(name string) (fs.File, error) {
	return &lyingFile{fs: l}, nil
}

type lyingFile struct {
	fs  lyingFS
	off int
}

func (f *lyingFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"a": {}}.Stat("a")
}

func (f *lyingFile) Read(b []byte) (int, error) {
	n := copy(b, f.fs.data[f.off:])
	f.off += n
	*f.fs.n += n
	if n == 0 {
		return 0, errors.New("EOF expected earlier")
	}
	return n, nil
}

func (f *lyingFile) Close() error { return nil }

// TestSymlinks puts links that lead nowhere, to themselves and to folders
// under content/ and expects an error at each, while a link to a file is
// read as that file.
func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	c := filepath.Join(dir, "content")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(c, "sub"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "real.md"), []byte("---\ntitle: Linked\ndate: 2025-01-01\n---\n"), 0o644))
	for link, target := range map[string]string{
		"loop.md":   "loop.md",
		"ping.md":   "pong.md",
		"pong.md":   "ping.md",
		"gone.png":  "nowhere.png",
		"self":      ".",
		"sub/up":    "..",
		"linked.md": "../real.md",
	} {
		must(os.Symlink(target, filepath.Join(c, link)))
	}
	var diags diag.List
	var site *Site
	within(t, func() { site = LoadIndex(os.DirFS(dir), Options{}, &diags) })
	checkDiags(t, diags,
		"content/gone.png:1:1: cannot read: it is a link to a file that does not exist",
		"content/loop.md:1:1: cannot read: too many levels of symbolic links",
		"content/ping.md:1:1: cannot read: too many levels of symbolic links",
		"content/pong.md:1:1: cannot read: too many levels of symbolic links",
		"content/self:1:1: is a link to a folder, and plotline does not follow links to folders (copy the folder, or link its files one by one)",
		"content/sub/up:1:1: is a link to a folder, and plotline does not follow links to folders (copy the folder, or link its files one by one)",
	)
	if got := paths(site.Pages); len(got) != 1 || got[0] != "content/linked.md" {
		t.Errorf("pages = %v; want [content/linked.md]", got)
	}
	if len(site.Assets) != 0 {
		t.Errorf("assets = %v; want none", site.Assets)
	}
}

// TestUnreadable expects a file that cannot be read to be reported at its
// path. chmod 000 does not stop root from reading, so that half is skipped
// when the tests run as root (as they do in CI); the other half uses a
// file system that refuses the read.
func TestUnreadable(t *testing.T) {
	t.Run("permission denied", func(t *testing.T) {
		fsys := deniedFS{fstest.MapFS{
			"content/a.md": page("A", "2025-01-01"),
			"content/b.md": page("B", "2025-01-02"),
		}, "content/a.md"}
		for _, load := range []func(fs.FS, Options, *diag.List) *Site{load, LoadIndex} {
			var diags diag.List
			site := load(fsys, Options{}, &diags)
			checkDiags(t, diags, "content/a.md:1:1: cannot read: permission denied")
			if got := paths(site.Pages); len(got) != 1 || got[0] != "content/b.md" {
				t.Errorf("pages = %v; want [content/b.md]", got)
			}
		}
	})
	t.Run("chmod 000", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root, which reads a file whatever its mode")
		}
		dir := t.TempDir()
		file := filepath.Join(dir, "content", "a.md")
		os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, []byte("---\ntitle: A\ndate: 2025-01-01\n---\n"), 0o000); err != nil {
			t.Fatal(err)
		}
		var diags diag.List
		LoadIndex(os.DirFS(dir), Options{}, &diags)
		checkDiags(t, diags, "content/a.md:1:1: cannot read: permission denied")
	})
}

// deniedFS is a file system in which one file cannot be opened.
type deniedFS struct {
	fs.FS
	denied string
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if name == d.denied {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}

// TestNamesNotUTF8 checks that a file or folder of content/ whose name is
// not valid UTF-8 (a name from an old Windows or Mac archive, in Latin-1)
// is an error that says so, at the name shown with U+FFFD for the bad
// bytes, where the build said "cannot read: invalid argument", at the
// bytes as they are; what such a folder holds is not looked at.
func TestNamesNotUTF8(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the file system takes only names in Unicode")
	}
	dir := t.TempDir()
	c := filepath.Join(dir, "content")
	for _, name := range []string{"caf\xe9.md", "photo\xff.png", "d\xfe/a.md", "a.md"} {
		p := filepath.Join(c, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: A\ndate: 2025-01-01\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var diags diag.List
	site := LoadIndex(s, Options{}, &diags)
	checkDiags(t, diags,
		"content/caf\uFFFD.md:1:1: the file's name is not valid UTF-8, which a web address needs: rename it (it may be in Latin-1, from an old archive)",
		"content/d\uFFFD: the folder's name is not valid UTF-8, which a web address needs: rename it (it may be in Latin-1, from an old archive)",
		"content/photo\uFFFD.png:1:1: the file's name is not valid UTF-8, which a web address needs: rename it (it may be in Latin-1, from an old archive)",
	)
	if len(site.Pages) != 1 || len(site.Assets) != 0 {
		t.Errorf("%d pages and assets %q; want a.md alone", len(site.Pages), site.Assets)
	}
}

// TestNamesUnseen checks that a file or folder whose name holds a
// character a reader of its address cannot see, or that reorders what
// follows it, is an error at its path, shown with U+FFFD in its place so
// that the message itself reads in order; Persian's zero-width non-joiner
// is part of a word, and is no error.
func TestNamesUnseen(t *testing.T) {
	page := &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2025-01-01\n---\n")}
	fsys := fstest.MapFS{
		"content/\u202efdp.exe.md":                  page,
		"content/a\u200bb.md":                       page,
		"content/line\nbreak.png":                   {Data: []byte("png")},
		"content/x\u2066y/a.md":                     page,
		"content/\u0645\u06cc\u200c\u062e\u0648.md": page,
	}
	var diags diag.List
	site := LoadIndex(fsys, Options{}, &diags)
	diags.Sort()
	checkDiags(t, diags,
		"content/a\uFFFDb.md:1:1: the file's name holds U+200B (shown here as \uFFFD), an invisible character, which makes the name look like another: rename it without it",
		"content/line\uFFFDbreak.png:1:1: the file's name holds U+000A (shown here as \uFFFD), a control character: rename it without it",
		"content/x\uFFFDy: the folder's name holds U+2066 (shown here as \uFFFD), a bidi control, which changes the order its letters are shown in: rename it without it",
		"content/\uFFFDfdp.exe.md:1:1: the file's name holds U+202E (shown here as \uFFFD), a bidi control, which changes the order its letters are shown in: rename it without it",
	)
	if len(site.Pages) != 1 || len(site.Assets) != 0 {
		t.Errorf("%d pages and assets %q; want the Persian name alone", len(site.Pages), site.Assets)
	}
}

// TestManyParams checks that params of 100,000 keys (1.5 MB) are read in
// time linear in their number: yaml.v3 compares each key of a mapping
// with every other, and 40,000 took 29 s of CPU to build. Each key is
// read, nested ones too.
func TestManyParams(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 1.5 MB of front matter against a limit of time, which the race detector's slowness could pass")
	}
	var b strings.Builder
	b.WriteString("---\ntitle: A\ndate: 2025-01-01\nparams:\n  nested:\n")
	for i := range 50_000 {
		fmt.Fprintf(&b, "    n%d: %d\n", i, i)
	}
	for i := range 50_000 {
		fmt.Fprintf(&b, "  k%d: v\n", i)
	}
	b.WriteString("---\nText.\n")
	var diags diag.List
	var p *Page
	within(t, func() { p = Parse("content/a.md", []byte(b.String()), &diags) })
	nested, _ := p.Params["nested"].(map[string]any)
	if len(diags) > 0 || len(p.Params) != 50_001 || p.Params["k49999"] != "v" || len(nested) != 50_000 || nested["n7"] != 7 {
		t.Errorf("%d params, %d nested, k49999 %v, n7 %v, diagnostics %v; want all of them read", len(p.Params), len(nested), p.Params["k49999"], nested["n7"], diags)
	}
}

// TestManyTOMLParams checks that TOML params of 50,000 keys (700 KB) are
// placed in time linear in their number: each key's value was found by
// reading the front matter from its start to its line, and 20,000 took 7
// s of CPU to build. A mistake after them is reported at its place.
func TestManyTOMLParams(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 700 KB of front matter against a limit of time, which the race detector's slowness could pass")
	}
	var b strings.Builder
	b.WriteString("+++\ntitle = \"A\"\ndate = 2025-01-01\n[params]\n")
	for i := range 50_000 {
		fmt.Fprintf(&b, "k%d = \"v\"\n", i)
	}
	b.WriteString("[[sources]]\nname = \"Bell \\u0007\"\n+++\nText.\n")
	var diags diag.List
	var p *Page
	within(t, func() { p = Parse("content/a.md", []byte(b.String()), &diags) })
	if want := "content/a.md:50006:8: name: the character U+0007 cannot be shown in a web page: remove it"; len(p.Params) != 50_000 || p.Params["k49999"] != "v" || diags.Error() != want {
		t.Errorf("%d params, k49999 %v, diagnostics:\n%s\nwant all of them read, and %s", len(p.Params), p.Params["k49999"], diags.Error(), want)
	}
}

// TestParamsAliasBomb parses params whose many aliases each name a list
// of 500 words, each too small for yaml.v3 to count when decoded on its
// own: params are refused as yaml.v3 refuses them, where decoding a key
// at a time expanded each alias alone, 10,000,000 words for an article of
// 81 KB, 24 s of CPU and 400 MB.
func TestParamsAliasBomb(t *testing.T) {
	src := "---\ntitle: A\ndate: 2025-01-01\nparams:\n  a: &a [" + strings.Repeat("x, ", 499) + "x]\n  b: [" + strings.Repeat("*a, ", 4999) + "*a]\n---\nText.\n"
	var diags diag.List
	var p *Page
	alloc := allocated(func() { p = Parse("content/a.md", []byte(src), &diags) })
	if want := "content/a.md:5:3: params: document contains excessive aliasing"; diags.Error() != want || p.Params != nil {
		t.Errorf("diagnostics:\n%s\nparams of %d keys; want %s, and no params", diags.Error(), len(p.Params), want)
	}
	if alloc > 32<<20 {
		t.Errorf("parsing %d bytes allocated %d MB; want under 32 MB", len(src), alloc>>20)
	}
	// Beside 40,000 other keys, the params were refused and then decoded
	// by yaml.v3 whole for its words, which compared each key with every
	// other, 29 s of CPU.
	if testing.Short() {
		return
	}
	var b strings.Builder
	for i := range 40_000 {
		fmt.Fprintf(&b, "  k%d: v\n", i)
	}
	src = strings.Replace(src, "params:\n", "params:\n"+b.String(), 1)
	diags = nil
	within(t, func() { p = Parse("content/a.md", []byte(src), &diags) })
	if want := "content/a.md:5:3: params: document contains excessive aliasing"; diags.Error() != want || p.Params != nil {
		t.Errorf("beside 40,000 keys, diagnostics:\n%s\nparams of %d keys; want %s, and no params", diags.Error(), len(p.Params), want)
	}
}
