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
