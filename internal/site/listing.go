package site

import (
	"maps"
	"slices"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/render"
)

// listing is what the lists of a build show: every article in site order,
// and each tag's articles. A build makes it from every page; a rebuild
// updates the last build's for the pages that came, went or changed,
// rather than walk every page again. A listing is not changed once made,
// so that the last build's stays as it was should a rebuild fail.
type listing struct {
	home articleList
	tags map[string]articleList // by tag slug; never empty
	// mixed holds the slugs of the tags whose articles write names that
	// are not alike, "C++" and "C" (see run.tagSpellings).
	mixed map[string]bool
}

// articleList is a list of articles in site order, in parallel slices:
// each record, the summary it shows and its summaryKey.
type articleList struct {
	recs []*record
	sums []*render.Summary
	keys []uint64
}

// add appends rec to l.
func (l *articleList) add(rec *record) {
	l.recs = append(l.recs, rec)
	l.sums = append(l.sums, rec.summary)
	l.keys = append(l.keys, rec.summaryKey())
}

// newListing makes the listing of records, which are in site order.
func newListing(records []*record) *listing {
	l := &listing{tags: map[string]articleList{}}
	for _, rec := range records {
		if rec.kind != content.Article {
			continue
		}
		l.home.add(rec)
		for _, t := range rec.summary.Tags {
			tl := l.tags[t.Slug]
			tl.add(rec)
			l.tags[t.Slug] = tl
		}
	}
	l.mixed = map[string]bool{}
	for slug, tl := range l.tags {
		if tl.mixedNames(slug) {
			l.mixed[slug] = true
		}
	}
	return l
}

// mixedNames reports whether the articles of l, the list of the tag
// slug, write its name in two ways that are not alike
// (content.TagsAlike). Most write it as the first does, which is found
// without comparing letters.
func (l articleList) mixedNames(slug string) bool {
	first := ""
	for _, s := range l.sums {
		for _, t := range s.Tags {
			switch {
			case t.Slug != slug || t.Name == first:
			case first == "":
				first = t.Name
			case !content.TagsAlike(first, t.Name):
				return true
			}
		}
	}
	return false
}

// update returns the listing after the pages at the paths in moved went
// from their records in before (if any) to those in after (if any), and
// false when l does not hold the articles of before as it should: the
// caller then makes a new listing from every page.
func (l *listing) update(before, after map[string]*record, moved []string) (*listing, bool) {
	var drop, add []*record
	dropTags := map[string][]*record{}
	addTags := map[string][]*record{}
	seen := make(map[string]bool, len(moved))
	for _, p := range moved {
		if seen[p] {
			continue
		}
		seen[p] = true
		if rec, ok := before[p]; ok && rec.kind == content.Article {
			drop = append(drop, rec)
			for _, t := range rec.summary.Tags {
				dropTags[t.Slug] = append(dropTags[t.Slug], rec)
			}
		}
		if rec, ok := after[p]; ok && rec.kind == content.Article {
			add = append(add, rec)
			for _, t := range rec.summary.Tags {
				addTags[t.Slug] = append(addTags[t.Slug], rec)
			}
		}
	}
	next := &listing{tags: maps.Clone(l.tags), mixed: maps.Clone(l.mixed)}
	var ok bool
	if next.home, ok = l.home.splice(drop, add); !ok {
		return nil, false
	}
	for slug := range joinKeys(dropTags, addTags) {
		tl, ok := l.tags[slug].splice(dropTags[slug], addTags[slug])
		delete(next.mixed, slug)
		switch {
		case !ok:
			return nil, false
		case len(tl.recs) == 0:
			delete(next.tags, slug)
		default:
			next.tags[slug] = tl
			if tl.mixedNames(slug) {
				next.mixed[slug] = true
			}
		}
	}
	return next, true
}

// joinKeys returns the keys of a and b, each once.
func joinKeys(a, b map[string][]*record) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// splice returns a new list: l without the articles of drop, which it
// must hold, and with those of add at their places. It reports false when
// l does not hold one of drop where its date puts it.
func (l articleList) splice(drop, add []*record) (articleList, bool) {
	// at returns where rec goes among l's articles.
	at := func(rec *record) int {
		i, _ := slices.BinarySearchFunc(l.recs, rec, compareOrder)
		return i
	}
	var skip []int
	for _, rec := range drop {
		i := at(rec)
		if i >= len(l.recs) || l.recs[i].path != rec.path {
			return articleList{}, false
		}
		skip = append(skip, i)
	}
	type insert struct {
		i   int
		rec *record
	}
	ins := make([]insert, len(add))
	for k, rec := range add {
		ins[k] = insert{at(rec), rec}
	}
	slices.Sort(skip)
	skip = slices.Compact(skip)
	slices.SortFunc(ins, func(a, b insert) int {
		if a.i != b.i {
			return a.i - b.i
		}
		return compareOrder(a.rec, b.rec)
	})
	n := len(l.recs) - len(skip) + len(ins)
	out := articleList{recs: make([]*record, 0, n), sums: make([]*render.Summary, 0, n), keys: make([]uint64, 0, n)}
	from := 0 // l's entries from here on are not copied yet
	copyTo := func(to int) {
		for len(skip) > 0 && skip[0] < to {
			out.copyFrom(l, from, skip[0])
			from = skip[0] + 1
			skip = skip[1:]
		}
		out.copyFrom(l, from, to)
		from = to
	}
	for _, in := range ins {
		copyTo(in.i)
		out.add(in.rec)
	}
	copyTo(len(l.recs))
	return out, true
}

// copyFrom appends the entries i to j of src to l.
func (l *articleList) copyFrom(src articleList, i, j int) {
	l.recs = append(l.recs, src.recs[i:j]...)
	l.sums = append(l.sums, src.sums[i:j]...)
	l.keys = append(l.keys, src.keys[i:j]...)
}
