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
