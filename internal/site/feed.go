package site

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// feedPolicy decides which rendered articles keep their HTML for the feed.
type feedPolicy interface {
	// wants reports whether p's feed HTML may be needed.
	wants(p *content.Page) bool
	// wantsDated is wants for a page known by its kind, date and path.
	wantsDated(kind content.Kind, date time.Time, path string) bool
	// keep is told of each record that has feed HTML; it may drop it.
	keep(rec *record)
}

// newestFeed keeps the feed HTML of the n newest articles of a full build
// as pages render in any order, so that no more than n are held at once.
type newestFeed struct {
	n    int
	mu   sync.Mutex
	kept []*record // newest first
}

// newer reports whether an article of date d at path p comes before rec in
// site order.
func newer(d time.Time, p string, rec *record) bool {
	if c := d.Compare(rec.date); c != 0 {
		return c > 0
	}
	return p < rec.path
}

func (f *newestFeed) wants(p *content.Page) bool { return f.wantsDated(p.Kind, p.Date, p.Path) }

func (f *newestFeed) wantsDated(kind content.Kind, date time.Time, path string) bool {
	if kind != content.Article || f.n == 0 {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.kept) < f.n || newer(date, path, f.kept[len(f.kept)-1])
}

func (f *newestFeed) keep(rec *record) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i, _ := slices.BinarySearchFunc(f.kept, rec, func(a, b *record) int {
		if c := b.date.Compare(a.date); c != 0 {
			return c
		}
		return strings.Compare(a.path, b.path)
	})
	f.kept = slices.Insert(f.kept, i, rec)
	if len(f.kept) > f.n {
		f.kept[len(f.kept)-1].feed = ""
		f.kept = f.kept[:f.n]
	}
}

// feedSet is the policy of an incremental build: the pages named keep
// their HTML.
type feedSet map[string]bool

func (s feedSet) wants(p *content.Page) bool { return s[p.Path] }
func (s feedSet) wantsDated(_ content.Kind, _ time.Time, path string) bool {
	return s[path]
}
func (s feedSet) keep(*record) {}

// feedSetOf returns which of pages the feed needs HTML for, given the
// site order of st.
func (b *Builder) feedSetOf(st *state, pages []*content.Page) feedSet {
	changed := map[string]bool{}
	for _, p := range pages {
		changed[p.Path] = true
	}
	set := feedSet{}
	for _, rec := range b.newest(st) {
		if changed[rec.path] {
			set[rec.path] = true
		}
	}
	return set
}

// newest returns the articles of the feed: the newest feed_items.
func (b *Builder) newest(st *state) []*record {
	var out []*record
	for _, p := range st.order {
		if len(out) == b.cfg.FeedItems {
			break
		}
		if rec := st.pages[p]; rec.kind == content.Article {
			out = append(out, rec)
		}
	}
	return out
}

// feedMissing returns the newest articles that have no feed HTML.
func (b *Builder) feedMissing(st *state) []string {
	var out []string
	for _, rec := range b.newest(st) {
		if rec.feed == "" {
			out = append(out, rec.path)
		}
	}
	return out
}

// dropFeed forgets the feed HTML of articles that left the feed.
func (b *Builder) dropFeed(st *state) {
	in := map[string]bool{}
	for _, rec := range b.newest(st) {
		in[rec.path] = true
	}
	for _, rec := range st.pages {
		if rec.feed != "" && !in[rec.path] {
			cp := *rec
			cp.feed = ""
			st.pages[rec.path] = &cp
		}
	}
}

// reparse reads and renders the pages at paths again, for the feed.
func (b *Builder) reparse(r *run, paths []string) ([]*record, diag.List, error) {
	var diags diag.List
	var pages []*content.Page
	inFeed := feedSet{}
	for _, p := range paths {
		src, err := sitefs.ReadFile(b.fsys, p, sitefs.MaxFileSize)
		if err != nil {
			return nil, nil, err
		}
		page := content.Parse(p, src, &diags)
		page.URL = r.st.pages[p].url
		pages = append(pages, page)
		inFeed[p] = true
	}
	if diags.HasErrors() {
		return nil, diags, nil
	}
	recs, more, err := r.renderPages(pages, inFeed)
	diags.Add(more...)
	return recs, diags, err
}
