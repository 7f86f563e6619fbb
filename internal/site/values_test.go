package site

import (
	"testing"
	"time"

	"github.com/plotline/plotline/internal/data"
)

// TestResolveValueArguments checks how a format's argument is read: a
// quoted one is unquoted exactly once, so quotes escaped inside it stay.
func TestResolveValueArguments(t *testing.T) {
	start := time.Date(2024, 12, 5, 0, 0, 0, 0, time.UTC)
	b := &data.Block{Name: "losses", Series: []data.Point{{Date: start, Value: 0}}}
	v := values{blocks: map[string]*data.Block{"losses": b}}
	for _, tt := range []struct{ expr, want string }{
		{`losses.first.date | date "Jan 2006"`, "Dec 2024"},
		{`losses.first.date | date "\"Jan\" 2006"`, `"Dec" 2024`},
		{`losses.first.date | date "\"Jan\""`, `"Dec"`},
		{`losses.first.date | date Jan`, "Dec"},
		{`losses.first.value | round 2`, "0.00"},
	} {
		got, err := v.ResolveValue(tt.expr)
		if err != nil || got != tt.want {
			t.Errorf("ResolveValue(%s) = %q, %v; want %q", tt.expr, got, err, tt.want)
		}
	}
	if _, err := v.ResolveValue(`losses.first.date | date "Jan`); err == nil {
		t.Errorf("an unclosed quote: no error")
	}
}
