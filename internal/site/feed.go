package site

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plotline/plotline/internal/content"
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
