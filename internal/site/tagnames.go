package site

import (
	"maps"
	"slices"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// tagSpellings returns a warning for each tag name that shares its page
// with another name of the site's articles that is not alike
// (content.TagsAlike): "C" in one article and "C++" in another both make
// tags/c/, whose readers find the articles of both under the name the
// newest of them writes. The warning stands at the newest article that
// writes the other name. The listing knows which tags have such names
// (listing.mixed), kept as pages come and go; their places are read from
// the pages now, so that a clean build and a rebuild say the same.
func (r *run) tagSpellings() diag.List {
	l := r.st.listing
	if l == nil {
		l = newListing(r.st.sortedRecords())
	}
	var out diag.List
	// Where each record writes each tag with two names, found once a
	// record: an article of 30,000 such tags was read through for each.
	where := map[*record]map[string][]int{}
	at := func(rec *record, slug string) []int {
		bySlug, ok := where[rec]
		if !ok {
			bySlug = map[string][]int{}
			for i, t := range rec.summary.Tags {
				if l.mixed[t.Slug] {
					bySlug[t.Slug] = append(bySlug[t.Slug], i)
				}
			}
			where[rec] = bySlug
		}
		return bySlug[slug]
	}
	for _, slug := range slices.Sorted(maps.Keys(l.mixed)) {
		type spelling struct {
			name string
			pos  diag.Pos
		}
		var names []spelling
		for _, rec := range l.tags[slug].recs {
			// The page as it is now: a rebuild that leaves the lists
			// as they were keeps the listing's record of an edited
			// page, whose tags may have moved to another line.
			if now := r.st.pages[rec.path]; now != nil && now.summary != nil {
				rec = now
			}
			for _, i := range at(rec, slug) {
				t := rec.summary.Tags[i]
				if slices.ContainsFunc(names, func(s spelling) bool { return content.TagsAlike(s.name, t.Name) }) {
					continue
				}
				var pos diag.Pos
				if i < len(rec.tagPos) {
					pos = rec.tagPos[i]
				}
				names = append(names, spelling{t.Name, pos})
			}
		}
		for _, s := range names[min(1, len(names)):] {
			out.Warnf(s.pos, "tags: %q has the page of %q (%s), tags/%s/, which lists the articles of both under %q: spell them alike, or rename one", s.name, names[0].name, names[0].pos, slug, names[0].name)
		}
	}
	return out
}
