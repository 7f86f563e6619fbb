package site

import (
	"maps"
	"slices"
	"strings"

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
	all := make(map[string]bool, len(l.tags))
	for slug := range l.tags {
		all[slug] = true
	}
	l.mixed = mixedNames(l.tags, all)
	return l
}

// mixedNames returns those of slugs whose articles, listed in tags by
// slug, write the tag's name in two ways that are not alike
// (content.TagsAlike). Most write it as the first does, which is found
// without comparing letters. Each article's tags are read once, however
// many of slugs it has: an article of 30,000 tags read them all for each
// of its tags, 900 million, and took most of 30 s to build.
func mixedNames(tags map[string]articleList, slugs map[string]bool) map[string]bool {
	mixed := map[string]bool{}
	first := make(map[string]string, len(slugs))
	read := map[*render.Summary]bool{}
	for slug := range slugs {
		for _, s := range tags[slug].sums {
			if read[s] {
				continue
			}
			read[s] = true
			for _, t := range s.Tags {
				f, ok := first[t.Slug]
				switch {
				case !slugs[t.Slug] || t.Name == f || mixed[t.Slug]:
				case !ok:
					first[t.Slug] = t.Name
				case !content.TagsAlike(f, t.Name):
					mixed[t.Slug] = true
				}
			}
		}
	}
	return mixed
}

// update returns the listing after the pages at the paths in moved went
// from their records in before (if any) to those in after (if any), and
// false when l does not hold the articles of before as it should: the
// caller then makes a new listing from every page.
func (l *listing) update(before, after map[string]*record, moved []string) (*listing, bool) {
	var drop, add []*record
	dropTags := map[string][]*record{}
	addTags := map[string][]*record{}
	for _, p := range slices.Compact(slices.Sorted(slices.Values(moved))) {
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
	kept := map[string]bool{} // the tags whose lists changed and stay
	slugs := maps.Clone(dropTags)
	maps.Copy(slugs, addTags)
	for slug := range slugs {
		tl, ok := l.tags[slug].splice(dropTags[slug], addTags[slug])
		delete(next.mixed, slug)
		switch {
		case !ok:
			return nil, false
		case len(tl.recs) == 0:
			delete(next.tags, slug)
		default:
			next.tags[slug] = tl
			kept[slug] = true
		}
	}
	for slug := range mixedNames(next.tags, kept) {
		next.mixed[slug] = true
	}
	return next, true
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
	recs := spliced(l.recs, skip, add, at, compareOrder)
	out := articleList{recs: recs, sums: make([]*render.Summary, len(recs)), keys: make([]uint64, len(recs))}
	for i, rec := range recs {
		out.sums[i], out.keys[i] = rec.summary, rec.summaryKey()
	}
	return out, true
}

// tagList returns every tag of the listing, as the newest of its articles
// writes it, with the number of its articles, in the order of their
// slugs. The tags of each article are read once: an article of 30,000
// tags was searched through for each of them.
func (l *listing) tagList() []render.Tag {
	tags := make([]render.Tag, 0, len(l.tags))
	newest := map[*render.Summary]map[string]render.Tag{} // the tags of an article by slug
	for slug, tl := range l.tags {
		s := tl.sums[0]
		bySlug, ok := newest[s]
		if !ok {
			bySlug = make(map[string]render.Tag, len(s.Tags))
			for _, t := range s.Tags {
				if _, seen := bySlug[t.Slug]; !seen {
					bySlug[t.Slug] = t
				}
			}
			newest[s] = bySlug
		}
		t := bySlug[slug]
		t.Count = len(tl.recs)
		tags = append(tags, t)
	}
	slices.SortFunc(tags, func(a, b render.Tag) int { return strings.Compare(a.Slug, b.Slug) })
	return tags
}
