package site

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/overlay"
	"github.com/plotline/plotline/internal/render"
)

// TestItemCopiedOnce checks that an article's list entry, which the build
// keeps for every article until its end, is made in one allocation beyond
// the template's own: a strings.Builder grown by doubling took five more
// and kept up to twice the entry's length.
func TestItemCopiedOnce(t *testing.T) {
	if raceEnabled {
		t.Skip("allocations are not counted under the race detector")
	}
	cfg, err := config.Load(os.DirFS(repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	bl := NewBuilder(cfg, overlay.New(os.DirFS(repoRoot), plotline.Defaults()), Options{DryRun: true})
	st := &state{site: renderSite(&cfg, locale.New(cfg.Language)), pages: map[string]*record{}}
	tx, err := output.Begin("", output.Options{Mode: output.DryRun})
	if err != nil {
		t.Fatal(err)
	}
	r := bl.newRun(context.Background(), st, tx)
	var diags diag.List
	if err := r.loadTheme(&diags); err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	if err := r.parseLayouts(&diags); err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	s := &render.Summary{
		Title: "What 13 months of data say", Description: strings.Repeat("One tally matches the visible province. ", 8),
		URL: "articles/a/", Date: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), ReadingMinutes: 5,
		Tags: []render.Tag{{Name: "data", Slug: "data", URL: "tags/data/"}, {Name: "environment", Slug: "environment", URL: "tags/environment/"}},
	}
	var want strings.Builder
	if err := r.st.layouts.ExecuteItem(&want, s); err != nil {
		t.Fatal(err)
	}
	var got string
	// No collection while counting: it empties the pools of buffers and
	// of the template's fmt calls, and their refills would be counted.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	tmpl := leastAllocs(20, func() {
		if err := r.st.layouts.ExecuteItem(io.Discard, s); err != nil {
			t.Fatal(err)
		}
	})
	item := leastAllocs(20, func() {
		h, err := r.item(s)
		if err != nil {
			t.Fatal(err)
		}
		got = string(h)
	})
	if got != want.String() {
		t.Errorf("item = %q; want %q", got, want.String())
	}
	if item > tmpl+1 {
		t.Errorf("the entry took %v allocations; want the template's %v and one more", item, tmpl)
	}
}

// leastAllocs returns the fewest allocations of n calls of f, each
// counted alone: testing.AllocsPerRun counts those of the whole process,
// and a goroutine an earlier test left running (a server's, a browser's)
// adds its own to some calls, never takes any away.
func leastAllocs(n int, f func()) float64 {
	least := testing.AllocsPerRun(1, f)
	for range n - 1 {
		least = min(least, testing.AllocsPerRun(1, f))
	}
	return least
}
