package site

import (
	"slices"
	"strings"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// feedOf returns the articles of a full build that keep their HTML for
// the feed: the feed's articles among pages, as the index read them. They
// are the n newest in site order (newest first, then by path), as newest
// picks them from the rendered pages.
func feedOf(pages []*content.Page, n int) feedSet {
	var articles []*content.Page
	for _, p := range pages {
		if p.Kind == content.Article {
			articles = append(articles, p)
		}
	}
	slices.SortFunc(articles, func(a, b *content.Page) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	set := feedSet{}
	for _, p := range articles[:min(n, len(articles))] {
		set[p.Path] = true
	}
	return set
}

// feedSet holds the source paths of the pages that keep their HTML for
// the feed as they render.
type feedSet map[string]bool

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
