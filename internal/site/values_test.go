package site

import (
	"testing"
	"time"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
)

// TestResolveValueArguments checks how a format's argument is read: a
// quoted one is unquoted exactly once, so quotes escaped inside it stay.
func TestResolveValueArguments(t *testing.T) {
	start := time.Date(2024, 12, 5, 0, 0, 0, 0, time.UTC)
	b := &data.Block{Name: "losses", Series: []data.Point{{Date: start, Value: 0}}}
	v := values{scope: data.NewScope([]*data.Block{b})}
	at := diag.Pos{Path: "content/a.md", Line: 5, Col: 1}
	for _, tt := range []struct{ expr, want string }{
		{`losses.first.date | date "Jan 2006"`, "Dec 2024"},
		{`losses.first.date | date "\"Jan\" 2006"`, `"Dec" 2024`},
		{`losses.first.date | date "\"Jan\""`, `"Dec"`},
		{`losses.first.date | date Jan`, "Dec"},
		{`losses.first.value | round 2`, "0.00"},
		{`"13 January"`, "13 January"},
	} {
		got, _, err := v.ResolveValue(tt.expr, "", "", at)
		if err != nil || got != tt.want {
			t.Errorf("ResolveValue(%s) = %q, %v; want %q", tt.expr, got, err, tt.want)
		}
	}
	if _, _, err := v.ResolveValue(`losses.first.date | date "Jan`, "", "", at); err == nil {
		t.Errorf("an unclosed quote: no error")
	}
	// A block with errors of its own is not reported again at each reference.
	broken := &data.Block{Name: "broken", Broken: true}
	v = values{scope: data.NewScope([]*data.Block{broken})}
	if got, _, err := v.ResolveValue("broken.crossing", "", "", at); got != "" || err != nil {
		t.Errorf("ResolveValue(broken.crossing) = %q, %v; want \"\", nil", got, err)
	}
}
