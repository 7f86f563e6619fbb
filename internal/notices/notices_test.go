package notices

import (
	"strings"
	"testing"
)

// TestText checks that the embedded text is the notices: plotline's own
// licence first, and Go's. tools/notices checks the rest of it against
// go.mod.
func TestText(t *testing.T) {
	got := Text()
	for _, want := range []string{
		"plotline holds the software listed below",
		"\nplotline, LICENSE\n",
		"Copyright (c) The plotline authors",
		"\nGo, the standard library and runtime, LICENSE\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Text() has no %q", want)
		}
	}
}
