package chart

import (
	"strings"
	"testing"

	"github.com/plotline/plotline/internal/diag"
)

// TestParseSpecPositions checks positions in chart blocks written in
// unusual ways: a carriage return alone, a byte-order mark, bytes that are
// not UTF-8 (which the YAML decoder would otherwise read as UTF-16).
func TestParseSpecPositions(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"carriage return alone", "data: losses\rheight: tall\r\ntype: pie\n",
			`content/a.md:20:22: chart: height must be a whole number of pixels, got "tall"` + "\n" +
				`content/a.md:21:7: chart: unknown type "pie" (want projection, line or bar)`},
		{"byte-order mark", "\ufeffdata: {a: 1}\n", "content/a.md:20:8: chart: data must name a data block or list data blocks, got a mapping"},
		{"UTF-16 byte-order mark", "\xfe\xff\xfe\xff (0000", "content/a.md:20:1: chart: the block is not valid UTF-8"},
		{"not UTF-8", "data: caf\xe9\n", "content/a.md:20:1: chart: the block is not valid UTF-8"},
	} {
		var diags diag.List
		ParseSpec("content/a.md", []byte(tc.src), 20, &diags)
		diags.Sort()
		if got := diags.Error(); got != tc.want {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", tc.name, got, tc.want)
		}
	}
}

// TestManyEvents checks that a chart block of more than MaxEvents events
// is an error at the first past them, and that the rest are not read:
// an alias listed a million times drew a million rules and labels.
func TestManyEvents(t *testing.T) {
	one := "  - {date: 2025-01-02, label: a}\n"
	for _, tc := range []struct{ name, events string }{
		{"written out", strings.Repeat(one, 1001)},
		{"through an alias", "  - &e {date: 2025-01-02, label: a}\n" + strings.Repeat("  - *e\n", 1000)},
	} {
		var diags diag.List
		// Line 20 of the file is the block's first: the 1,001st event is
		// on its line 1,003.
		spec, _ := ParseSpec("content/a.md", []byte("data: x\nevents:\n"+tc.events), 20, &diags)
		want := "content/a.md:1022:5: chart: more than 1000 events: a chart marks 1000 dates at most, each drawn with its rule and label"
		if got := diags.Error(); got != want {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", tc.name, got, want)
		}
		if len(spec.Events) != MaxEvents {
			t.Errorf("%s: %d events read; want %d", tc.name, len(spec.Events), MaxEvents)
		}
	}
	var diags diag.List
	ParseSpec("content/a.md", []byte("data: x\nevents:\n"+strings.Repeat(one, 1000)), 20, &diags)
	if len(diags) != 0 {
		t.Errorf("1,000 events: %v", diags)
	}
}
