package site

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/render"
)

// TestReorder checks that reorder, which moves a few pages in a site order,
// gives the order sortOrder gives, after random runs of pages added,
// removed and moved to another date, some of them on dates other pages
// have too.
func TestReorder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	day := func() time.Time { return time.Date(2025, 1, 1+rng.IntN(20), 0, 0, 0, 0, time.UTC) }
	pages := map[string]*record{}
	for i := range 50 {
		p := fmt.Sprintf("content/a%02d.md", i)
		pages[p] = &record{path: p, date: day()}
	}
	order := sortOrder(pages)
	for step := range 500 {
		next := maps.Clone(pages)
		var moved []string
		for range 1 + rng.IntN(4) {
			p := fmt.Sprintf("content/a%02d.md", rng.IntN(70))
			moved = append(moved, p)
			switch rng.IntN(3) {
			case 0:
				delete(next, p)
			default:
				next[p] = &record{path: p, date: day()}
			}
		}
		got := reorder(order, pages, next, moved)
		want := sortOrder(next)
		if !slices.Equal(got, want) {
			t.Fatalf("step %d, moved %v:\nreorder  = %v\nwant      %v", step, moved, got, want)
		}
		pages, order = next, got
	}
}

// TestListingUpdate checks that a listing updated for the pages that
// moved is the listing made from every page, after random runs of
// articles and standalone pages added, removed, moved to another date
// and given other tags.
func TestListingUpdate(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	newRecord := func(p string) *record {
		kind := content.Article
		if rng.IntN(6) == 0 {
			kind = content.Standalone
		}
		s := &render.Summary{Title: p, URL: p + "/", Date: time.Date(2025, 1, 1+rng.IntN(20), 0, 0, 0, 0, time.UTC)}
		for i, tag := range []string{"a", "b", "c", "rare"} {
			// A rare tag comes and goes: its list is emptied and made.
			if i < 3 && rng.IntN(3) == 0 || rng.IntN(40) == 0 {
				s.Tags = append(s.Tags, render.Tag{Name: tag, Slug: tag, URL: "tags/" + tag + "/"})
			}
		}
		return &record{path: p, url: p + "/", kind: kind, date: s.Date, summary: s}
	}
	pages := map[string]*record{}
	for i := range 40 {
		p := fmt.Sprintf("content/a%02d.md", i)
		pages[p] = newRecord(p)
	}
	l := newListing(sortedRecords(pages))
	for step := range 500 {
		next := maps.Clone(pages)
		var moved []string
		for range 1 + rng.IntN(4) {
			p := fmt.Sprintf("content/a%02d.md", rng.IntN(60))
			moved = append(moved, p)
			if rng.IntN(3) == 0 {
				delete(next, p)
			} else {
				next[p] = newRecord(p)
			}
		}
		got, ok := l.update(pages, next, moved)
		if !ok {
			t.Fatalf("step %d, moved %v: update declined", step, moved)
		}
		want := newListing(sortedRecords(next))
		if diff := diffListings(got, want); diff != "" {
			t.Fatalf("step %d, moved %v: %s", step, moved, diff)
		}
		pages, l = next, got
	}
	// A listing that does not hold a page it should is declined.
	recs := sortedRecords(pages)
	gone := recs[slices.IndexFunc(recs, func(rec *record) bool { return rec.kind == content.Article })]
	other := maps.Clone(pages)
	delete(other, gone.path)
	stale := newListing(sortedRecords(other))
	if _, ok := stale.update(pages, other, []string{gone.path}); ok {
		t.Errorf("update of a listing without %s: not declined", gone.path)
	}
}

// sortedRecords returns the records of pages in site order.
func sortedRecords(pages map[string]*record) []*record {
	st := &state{pages: pages, order: sortOrder(pages)}
	return st.sortedRecords()
}

// diffListings describes how two listings differ, or returns "".
func diffListings(got, want *listing) string {
	paths := func(l articleList) []string {
		var out []string
		for i, rec := range l.recs {
			if l.sums[i] != rec.summary || l.keys[i] != rec.summaryKey() {
				out = append(out, "(entry out of step) ")
			}
			out = append(out, rec.path)
		}
		return out
	}
	if g, w := paths(got.home), paths(want.home); !slices.Equal(g, w) {
		return fmt.Sprintf("home = %v; want %v", g, w)
	}
	if g, w := slices.Sorted(maps.Keys(got.tags)), slices.Sorted(maps.Keys(want.tags)); !slices.Equal(g, w) {
		return fmt.Sprintf("tags = %v; want %v", g, w)
	}
	for slug := range want.tags {
		if g, w := paths(got.tags[slug]), paths(want.tags[slug]); !slices.Equal(g, w) {
			return fmt.Sprintf("tag %s = %v; want %v", slug, g, w)
		}
	}
	return ""
}
