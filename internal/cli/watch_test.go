package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/serve"
)

// TestPublishErrorSaysWhatIsServed checks the line that ends a failed
// build's report: serve still serves its last good build, and watch,
// which serves nothing, leaves the output as it was.
func TestPublishErrorSaysWhatIsServed(t *testing.T) {
	var l diag.List
	l.Errorf(diag.Pos{Path: "content/a.md", Line: 5, Col: 1}, "{{ nope.x }}: no data block %q on this page (it has none)", "nope")
	var stderr bytes.Buffer
	publishError(&env{stdout: &bytes.Buffer{}, stderr: &stderr}, nil, l)
	want := "content/a.md:5:1: {{ nope.x }}: no data block \"nope\" on this page (it has none)\n" +
		"plotline: 1 error; the output is left as it was\n"
	if got := stderr.String(); got != want {
		t.Errorf("watch printed\n%s\nwant\n%s", got, want)
	}
}

// TestDescribeChanges checks the names of the rebuild line: a file's name
// that holds an escape, a bidi control or bytes of no character is shown
// with U+FFFD in their place, as the build's messages show it, so that
// saving templates/partials/\x1b[2Jx.html does not clear the terminal.
func TestDescribeChanges(t *testing.T) {
	for _, tc := range []struct {
		paths, sources, passing []string
		want                    string
	}{
		{[]string{"content/a.md"}, nil, nil, "content/a.md"},
		{[]string{"content/a.md~"}, []string{"content/a.md"}, nil, "content/a.md"},
		// A data file is named, not the article it rendered again.
		{[]string{"content/articles/lake.csv"}, []string{"content/articles/x.md"}, nil, "content/articles/lake.csv"},
		{[]string{"templates/partials/\x1b[2Jx.html"}, nil, nil, "templates/partials/\ufffd[2Jx.html"},
		{[]string{"content/\u202efdp.exe.png", "content/caf\xe9.md"}, nil, nil, "content/\ufffdfdp.exe.png, content/caf\ufffd.md"},
		{[]string{"a", "b", "c", "d\x07"}, nil, nil, "a, b and 2 more"},
		// sed -i writes a temporary file and renames it over the article.
		{[]string{"content/articles/a.md", "content/articles/sedq1Xz9"}, []string{"content/articles/a.md"}, []string{"content/articles/sedq1Xz9"}, "content/articles/a.md"},
		// A file that came and went alone is still named: something was seen.
		{[]string{"content/4913"}, nil, []string{"content/4913"}, "content/4913"},
	} {
		if got := describeChanges(tc.paths, tc.sources, tc.passing); got != tc.want {
			t.Errorf("describeChanges(%q, %q, %q) = %q; want %q", tc.paths, tc.sources, tc.passing, got, tc.want)
		}
	}
}

// TestRebuildMovesPreview runs the build the watch loop is given for a
// site whose base_url moved it to /desk/ while the preview is at /repo/:
// once the build has written, the preview is at /desk/, and /repo/ leads
// there. The loop takes no outcome of a build that a change cancelled as
// it ended; the preview must follow what the build wrote all the same,
// or its pages link under a path it does not serve.
func TestRebuildMovesPreview(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"plotline.yaml":         "title: Desk\nbase_url: https://example.org/desk/\n",
		"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nHello.\n",
	})
	e := &env{stdout: io.Discard, stderr: io.Discard}
	sf := siteFlags{dir: dir}
	l, err := sf.open(e)
	if err != nil {
		t.Fatal(err)
	}
	srv := serve.New(l.dest, "/repo/", serve.Options{})
	build := rebuildWith(l.builder, srv, l.cfg.BasePath())
	if _, _, err := build(t.Context(), []string{"content/articles/a.md"}); err != nil {
		t.Fatal(err)
	}

	ln, err := serve.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln, func(url string) { served <- url }) }()
	defer func() { cancel(); <-done }()
	u, err := url.Parse(<-served)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{"/desk/articles/a/": "200 ", "/repo/articles/a/": "302 /desk/articles/a/"} {
		resp, err := client.Get("http://" + u.Host + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := fmt.Sprintf("%d %s", resp.StatusCode, resp.Header.Get("Location")); got != want {
			t.Errorf("GET %s after the build: %q; want %q", path, got, want)
		}
	}
}
