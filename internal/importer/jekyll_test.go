package importer

import (
	"fmt"
	"testing"
	"testing/fstest"
)

// A source: that names no folder of the site is an error, as Jekyll's
// build would fail; "." is the site's folder.
func TestJekyllSourceErrors(t *testing.T) {
	for _, tc := range []struct{ source, want string }{
		{"../elsewhere", "_config.yml: source: ../elsewhere is not a folder of the site"},
		{"/abs", "_config.yml: source: /abs is not a folder of the site"},
		{"missing", "_config.yml: source: missing is not a folder"},
		{"_posts/2020-01-01-a.md", "_config.yml: source: _posts/2020-01-01-a.md is not a folder"},
		{".", ""},
	} {
		src := fstest.MapFS{
			"_config.yml":            {Data: []byte("source: " + tc.source + "\n")},
			"_posts/2020-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n")},
		}
		_, err := Import(src, Jekyll, caseNow)
		if got := fmt.Sprint(err); tc.want == "" && err != nil || tc.want != "" && got != tc.want {
			t.Errorf("source: %s: error %v; want %q", tc.source, err, tc.want)
		}
	}
}

// TestExcluded checks the entries of exclude: by path, by folder and by
// pattern, against the paths Jekyll leaves out.
func TestExcluded(t *testing.T) {
	im := &importer{}
	im.conf.exclude = map[string]bool{"vendor": true, "docs/old": true, "notes.md": true}
	im.conf.excludePattern = []string{"*.log", "drafts/*.md"}
	for p, want := range map[string]bool{
		"vendor": true, "vendor/a/b.md": true, "docs/old/x.md": true, "docs/older.md": false,
		"docs/old": true, "notes.md": true, "a/notes.md": false, "build.log": true,
		"a/b/build.log": true, "drafts/x.md": true, "drafts/x/y.md": false, "vendors/a.md": false,
	} {
		if got := im.excluded(p); got != want {
			t.Errorf("excluded(%q) = %v; want %v", p, got, want)
		}
	}
}

// BenchmarkExcluded checks 5,000 posts against an exclude: list of
// 20,000 paths, which took 21 s when each post was compared with every
// entry.
func BenchmarkExcluded(b *testing.B) {
	im := &importer{}
	im.conf.exclude = map[string]bool{}
	for i := range 20_000 {
		im.conf.exclude[fmt.Sprintf("assets/generated/f%05d.js", i)] = true
	}
	for b.Loop() {
		for i := range 5_000 {
			im.excluded(fmt.Sprintf("_posts/2020-01-01-post-%d.md", i))
		}
	}
}
