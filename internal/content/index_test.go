package content

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline/internal/diag"
)

// TestIndexSlugAndDraft checks that the index reads the slug and draft
// of a page as its full parse does, however they are written.
func TestIndexSlugAndDraft(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		slug  string
		draft bool
	}{
		{"none", "---\ntitle: A\ndate: 2025-01-01\n---\nx", "", false},
		{"plain", "---\ntitle: A\ndate: 2025-01-01\nslug: my-page\ndraft: true\n---\n", "my-page", true},
		{"quoted", "---\ntitle: A\ndate: 2025-01-01\nslug: \"my-page\"\ndraft: false\n---\n", "my-page", false},
		{"comment", "---\ntitle: A\ndate: 2025-01-01\nslug: x # the old one\n---\n", "x", false},
		{"nested slug is not the page's", "---\ntitle: A\ndate: 2025-01-01\ndata:\n  b:\n    slug: no\n---\n", "", false},
		{"escapes", "---\ntitle: A\ndate: 2025-01-01\nslug: \"a\\u0041\"\n---\n", "aA", false},
		{"block value", "---\ntitle: A\ndate: 2025-01-01\nslug: |-\n  a\n---\n", "a", false},
		{"anchor and alias", "---\ntitle: &t a\ndate: 2025-01-01\nslug: *t\n---\n", "a", false},
		{"value on the next line", "---\ntitle: A\ndate: 2025-01-01\nslug:\n  b\ndraft:\n  true\n---\n", "b", true},
		{"crlf", "---\r\ntitle: A\r\ndate: 2025-01-01\r\nslug: a\r\ndraft: true\r\n---\r\n", "a", true},
		{"bom", "\ufeff---\ntitle: A\ndate: 2025-01-01\nslug: a\n---\n", "a", false},
		{"toml", "+++\ntitle = \"A\"\ndate = 2025-01-01\nslug = \"a\"\ndraft = true\n+++\n", "a", true},
		{"a slug that cannot be one", "---\ntitle: A\ndate: 2025-01-01\nslug: ../x\n---\n", "", false},
		{"draft yes is not a boolean", "---\ntitle: A\ndate: 2025-01-01\ndraft: yes\n---\n", "", false},
		{"broken front matter", "---\ntitle: [A\nslug: a\ndraft: true\n---\n", "", false},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"content/x.md": {Data: []byte(tt.src)}}
		var diags diag.List
		site := LoadIndex(fsys, Options{Drafts: true}, &diags)
		if len(site.Pages) != 1 {
			t.Errorf("%s: LoadIndex found %d pages; want 1", tt.name, len(site.Pages))
			continue
		}
		if p := site.Pages[0]; p.Slug != tt.slug || p.Draft != tt.draft {
			t.Errorf("%s: index has slug %q, draft %v; want %q, %v", tt.name, p.Slug, p.Draft, tt.slug, tt.draft)
		}
		var full diag.List
		if p := Parse("content/x.md", []byte(tt.src), &full); p.Slug != tt.slug || p.Draft != tt.draft {
			t.Errorf("%s: Parse has slug %q, draft %v; want %q, %v", tt.name, p.Slug, p.Draft, tt.slug, tt.draft)
		}
	}
}

func TestLoadIndex(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":       {Data: []byte("---\ntitle: A\ndate: 2025-01-01\nslug: alpha\n---\n")},
		"content/b.md":       {Data: []byte("---\ntitle: B\ndate: 2025-01-01\ndraft: true\n---\n")},
		"content/c.md":       {Data: []byte("---\ntitle: C\ndate: 2025-01-01\nslug: alpha\n---\n")},
		"content/d.md":       {Data: []byte("+++\ntitle = \"D\"\ndate = 2025-01-01\nslug = \"delta\"\n+++\n")},
		"content/photo.png":  {Data: []byte("png")},
		"content/.hidden.md": {Data: []byte("x")},
	}
	var diags diag.List
	site := LoadIndex(fsys, Options{}, &diags)
	urls := map[string]string{}
	for _, p := range site.Pages {
		if p.Source != nil {
			t.Errorf("%s: the index keeps the source", p.Path)
		}
		urls[p.Path] = p.URL
	}
	if len(urls) != 3 || urls["content/a.md"] != "alpha/" || urls["content/d.md"] != "delta/" {
		t.Errorf("URLs = %v; want a → alpha/, c → alpha/, d → delta/ and no draft", urls)
	}
	if got := diags.Errors(); len(got) != 2 {
		t.Errorf("errors = %v; want the duplicate URL at both files", got)
	}
	if len(site.Assets) != 1 || site.Assets[0] != "content/photo.png" {
		t.Errorf("Assets = %v; want [content/photo.png]", site.Assets)
	}
}

// TestAssetTwins checks that two files of content/ whose names differ only
// in how an accent is encoded, é as one character (NFC) or as e and a
// combining accent (NFD), are an error at each: they look the same, and a
// link to either found one of them, whichever came last.
func TestAssetTwins(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":                      {Data: []byte("---\ntitle: A\ndate: 2025-01-01\n---\n")},
		"content/a/photo-\u00e9.png":        {Data: []byte("composed")},
		"content/a/photo-e\u0301.png":       {Data: []byte("decomposed")},
		"content/a/caf\u00e9/map.png":       {Data: []byte("one folder")},
		"content/a/cafe\u0301/map.png":      {Data: []byte("the other")},
		"content/a/caf\u00e9/only.png":      {Data: []byte("alone")},
		"content/a/photo-\u00e8-\u00e9.png": {Data: []byte("other letters")},
	}
	var diags diag.List
	LoadIndex(fsys, Options{}, &diags)
	diags.Sort()
	const nfc, nfd = "composed (NFC: é as one character)", "decomposed (NFD: é as e and a combining accent)"
	checkDiags(t, diags,
		"content/a/cafe\u0301/map.png:1:1: is also content/a/caf\u00e9/map.png in looks: its accented letters are "+nfd+", the other's "+nfc+", and links and macOS take the two for one: rename one of them",
		"content/a/caf\u00e9/map.png:1:1: is also content/a/cafe\u0301/map.png in looks: its accented letters are "+nfc+", the other's "+nfd+", and links and macOS take the two for one: rename one of them",
		"content/a/photo-e\u0301.png:1:1: is also content/a/photo-\u00e9.png in looks: its accented letters are "+nfd+", the other's "+nfc+", and links and macOS take the two for one: rename one of them",
		"content/a/photo-\u00e9.png:1:1: is also content/a/photo-e\u0301.png in looks: its accented letters are "+nfc+", the other's "+nfd+", and links and macOS take the two for one: rename one of them",
	)
}

// TestWindowsDevices checks that a file of content/ whose path holds a
// name Windows keeps for a device (con, aux.png, a folder lpt1), or a page
// whose slug is one, is a warning at it: the site would build where it is,
// and fail to be checked out on Windows. com10 and a name that only starts
// like one (console) are no devices.
func TestWindowsDevices(t *testing.T) {
	page := func(slug string) *fstest.MapFile {
		fm := "---\ntitle: A\ndate: 2025-01-01\n"
		if slug != "" {
			fm += "slug: " + slug + "\n"
		}
		return &fstest.MapFile{Data: []byte(fm + "---\n")}
	}
	fsys := fstest.MapFS{
		"content/con.md":         page(""),
		"content/s.md":           page("NUL"),
		"content/a/Aux.png":      {Data: []byte("png")},
		"content/lpt1/x.csv":     {Data: []byte("date,value\n")},
		"content/com10.md":       page(""),
		"content/console.md":     page(""),
		"content/notes/prn-1.md": page(""),
	}
	var diags diag.List
	LoadIndex(fsys, Options{}, &diags)
	diags.Sort()
	checkDiags(t, diags,
		"content/a/Aux.png:1:1: warning: Windows keeps the name Aux.png for a device, so the site could not be checked out or built there: rename it",
		"content/con.md:1:1: warning: Windows keeps the name con.md for a device, so the site could not be checked out or built there: rename it",
		"content/lpt1/x.csv:1:1: warning: Windows keeps the name lpt1 for a device, so the site could not be checked out or built there: rename it",
		`content/s.md:4:7: warning: slug "NUL": Windows keeps the name NUL for a device, so the site could not be built there: choose another slug`,
	)
}

// TestNavBounded checks that a site whose navigation would name more than
// MaxNavPages pages is an error at the nav key of the first page past
// them, by file name, and that MaxNavPages are not: each page writes the
// whole navigation, and 2,000 such pages made 246 MB of output.
func TestNavBounded(t *testing.T) {
	site := func(n int) fstest.MapFS {
		fsys := fstest.MapFS{"content/plain.md": {Data: []byte("---\ntitle: P\ndate: 2025-01-01\n---\n")}}
		for i := range n {
			src := fmt.Sprintf("---\ntitle: A\ndate: 2025-01-01\nnav: Page %d\n---\n", i)
			fsys[fmt.Sprintf("content/p%03d.md", i)] = &fstest.MapFile{Data: []byte(src)}
		}
		return fsys
	}
	var diags diag.List
	LoadIndex(site(MaxNavPages), Options{}, &diags)
	checkDiags(t, diags)

	diags = nil
	LoadIndex(site(MaxNavPages+20), Options{}, &diags)
	checkDiags(t, diags,
		"content/p100.md:4:6: nav: 120 pages have a nav key, more than the 100 the site's navigation may name, and this is the first past them by file name: every page writes the whole navigation; keep nav for a few pages, and link the others from a page of their own",
	)
}
