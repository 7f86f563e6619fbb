package site

import (
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// tagSpellings returns a warning for each tag name that shares its page
// with another name of the site's articles that is not alike
// (content.TagsAlike): "C" in one article and "C++" in another both make
// tags/c/, whose readers find the articles of both under the name the
// newest of them writes. The warning stands at the newest article that
// writes the other name. It is found over every page, as a clean build
// and a rebuild both see them.
func (r *run) tagSpellings() diag.List {
	type spelling struct {
		name string
		pos  diag.Pos
	}
	bySlug := map[string][]spelling{}
	var slugs []string // in the order first met, for the warnings' order
	for _, rec := range r.st.sortedRecords() {
		if rec == nil || rec.kind != content.Article || rec.summary == nil {
			continue
		}
		for i, t := range rec.summary.Tags {
			known := bySlug[t.Slug]
			met := false
			for _, s := range known {
				met = met || content.TagsAlike(s.name, t.Name)
			}
			if met {
				continue
			}
			if len(known) == 0 {
				slugs = append(slugs, t.Slug)
			}
			var pos diag.Pos
			if i < len(rec.tagPos) {
				pos = rec.tagPos[i]
			}
			bySlug[t.Slug] = append(known, spelling{t.Name, pos})
		}
	}
	var l diag.List
	for _, slug := range slugs {
		names := bySlug[slug]
		for _, s := range names[1:] {
			l.Warnf(s.pos, "tags: %q has the page of %q (%s), tags/%s/, which lists the articles of both under %q: spell them alike, or rename one", s.name, names[0].name, names[0].pos, slug, names[0].name)
		}
	}
	return l
}
