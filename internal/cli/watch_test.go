package cli

import (
	"bytes"
	"testing"

	"github.com/plotline/plotline/internal/diag"
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
		paths, sources []string
		want           string
	}{
		{[]string{"content/a.md"}, nil, "content/a.md"},
		{[]string{"content/a.md~"}, []string{"content/a.md"}, "content/a.md"},
		{[]string{"templates/partials/\x1b[2Jx.html"}, nil, "templates/partials/\ufffd[2Jx.html"},
		{[]string{"content/\u202efdp.exe.png", "content/caf\xe9.md"}, nil, "content/\ufffdfdp.exe.png, content/caf\ufffd.md"},
		{[]string{"a", "b", "c", "d\x07"}, nil, "a, b and 2 more"},
	} {
		if got := describeChanges(tc.paths, tc.sources); got != tc.want {
			t.Errorf("describeChanges(%q, %q) = %q; want %q", tc.paths, tc.sources, got, tc.want)
		}
	}
}
