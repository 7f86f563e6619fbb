package site

import (
	"slices"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// feedOf returns the articles of a full build that keep their HTML for
// the feed: the feed's articles among pages, as the index read them. They
// are the n newest in site order (orderOf), as newest picks them from the
// rendered pages.
func feedOf(pages []*content.Page, n int) feedSet {
	articles := slices.DeleteFunc(slices.Clone(pages), func(p *content.Page) bool { return p.Kind != content.Article })
	slices.SortFunc(articles, func(a, b *content.Page) int { return orderOf(a.Date, a.Path, b.Date, b.Path) })
	set := feedSet{}
	for _, p := range articles[:min(n, len(articles))] {
		set[p.Path] = true
	}
	return set
}

// feedSet holds the source paths of the pages that keep their HTML for
// the feed as they render.
type feedSet map[string]bool

// feedSetOf returns the articles of the feed in the site order of st:
// those of its pages that a rebuild renders keep their HTML for it.
func (b *Builder) feedSetOf(st *state) feedSet {
	set := feedSet{}
	for _, rec := range b.newest(st) {
		set[rec.path] = true
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

// dropFeed forgets the feed HTML of articles that left the feed.
func (b *Builder) dropFeed(st *state) {
	in := b.feedSetOf(st)
	for _, rec := range st.pages {
		if rec.feed != "" && !in[rec.path] {
			cp := *rec
			cp.feed = ""
			st.pages[rec.path] = &cp
		}
	}
}

// settleFeed gives the feed's articles, the newest of st, their HTML
// for it, and takes it from the others. An article of the feed without
// it is read and rendered again: it entered the feed after it was
// rendered (a rebuild), or its date changed after the index read it (a
// full build). It returns the records rendered, now in st, and their
// diagnostics; when those hold errors, st is left as it was.
func (b *Builder) settleFeed(r *run, st *state) ([]*record, diag.List, error) {
	var diags diag.List
	var pages []*content.Page
	inFeed := feedSet{}
	for _, rec := range b.newest(st) {
		if rec.feed != "" {
			continue
		}
		src, err := sitefs.ReadFile(b.fsys, rec.path, sitefs.MaxFileSize)
		if err != nil {
			return nil, nil, err
		}
		page := content.Parse(rec.path, src, &diags)
		page.URL = rec.url
		pages = append(pages, page)
		inFeed[rec.path] = true
	}
	if diags.HasErrors() {
		return nil, diags, nil
	}
	var recs []*record
	if len(pages) > 0 {
		var more diag.List
		var err error
		recs, more, err = r.renderPages(pages, inFeed)
		diags.Add(more...)
		if err != nil || diags.HasErrors() {
			return nil, diags, err
		}
	}
	for _, rec := range recs {
		st.pages[rec.path] = rec
	}
	b.dropFeed(st)
	return recs, diags, nil
}
