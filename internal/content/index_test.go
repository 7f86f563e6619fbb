package content

import (
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline/internal/diag"
)

func TestScanFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		slug      string
		draft, ok bool
	}{
		{"none", "---\ntitle: A\ndate: 2025-01-01\n---\nx", "", false, true},
		{"plain", "---\ntitle: A\nslug: my-page\ndraft: true\n---\n", "my-page", true, true},
		{"quoted", "---\nslug: \"my-page\"\ndraft: false\n---\n", "my-page", false, true},
		{"single quoted", "---\nslug: 'x'\n---\n", "x", false, true},
		{"comment", "---\nslug: x # the old one\n---\n", "x", false, true},
		{"nested slug is not the page's", "---\ndata:\n  b:\n    slug: no\n---\n", "", false, true},
		{"escapes", "---\nslug: \"a\\u0041\"\n---\n", "", false, false},
		{"flow value", "---\nslug: [a]\n---\n", "", false, false},
		{"block value", "---\nslug: |\n  a\n---\n", "", false, false},
		{"anchor", "---\nslug: &s a\n---\n", "", false, false},
		{"merge key", "---\n<<: *base\ntitle: A\n---\n", "", false, false},
		{"quoted key", "---\n\"slug\": a\n---\n", "", false, false},
		{"twice", "---\nslug: a\nslug: b\n---\n", "", false, false},
		{"draft yes", "---\ndraft: yes\n---\n", "", false, false},
		{"toml", "+++\nslug = \"a\"\n+++\n", "", false, false},
		{"unclosed", "---\nslug: a\n", "", false, false},
		{"crlf", "---\r\nslug: a\r\ndraft: true\r\n---\r\n", "a", true, true},
		{"bom", "\ufeff---\nslug: a\n---\n", "a", false, true},
		{"comment lines after", "---\nslug: a\n# c\n\n  # d\ntitle: A\n---\n", "a", false, true},
		// A value may go on over indented lines, past blank lines and
		// comments, or be a list on the next lines.
		{"value on the next line", "---\nslug: \n 0\n---", "", false, false},
		{"value after a comment", "---\nslug:\n# c\n  a\n---\n", "", false, false},
		{"draft on the next line", "---\ndraft:\n  true\n---\n", "", false, false},
		{"value over two lines", "---\nslug: a\n\n  b\n---\n", "", false, false},
		{"list value", "---\nslug:\n- a\n---\n", "", false, false},
		{"space before the colon", "---\nslug : x\n---\n", "", false, false},
	}
	for _, tt := range tests {
		slug, draft, ok := ScanFrontMatter([]byte(tt.src))
		if ok != tt.ok || slug != tt.slug || draft != tt.draft {
			t.Errorf("%s: ScanFrontMatter = %q, %v, %v; want %q, %v, %v", tt.name, slug, draft, ok, tt.slug, tt.draft, tt.ok)
		}
		if !ok {
			continue
		}
		// Whenever the scan answers, the full parse must agree with it.
		var diags diag.List
		p := Parse("content/x.md", []byte(tt.src), &diags)
		if p.Slug != slug || p.Draft != draft {
			t.Errorf("%s: scan says slug %q draft %v; the full parse says %q, %v", tt.name, slug, draft, p.Slug, p.Draft)
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
