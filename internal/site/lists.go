package site

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/render"
)

// Which lists renderLists writes.
const (
	listPages = 1 << iota // the home page, the tag pages and the sitemap
	listFeed              // the Atom feed
	listFixed             // 404.html, robots.txt, .nojekyll

	allLists = listPages | listFeed | listFixed
)

// renderLists writes the pages made from all the others — the home page,
// the tag pages, the feed and the sitemap — and the fixed files; which
// says which of them.
func (r *run) renderLists(which int) error {
	site := r.st.site
	records := r.st.sortedRecords()
	var articles []*render.Summary
	var feed []render.FeedEntry
	sitemap := []render.SitemapEntry{{URL: ""}, {URL: "tags/"}}
	for _, rec := range records {
		last := rec.summary.Date
		if !rec.summary.Updated.IsZero() {
			last = rec.summary.Updated
		}
		sitemap = append(sitemap, render.SitemapEntry{URL: rec.url, Lastmod: last})
		if rec.kind != content.Article {
			continue
		}
		articles = append(articles, rec.summary)
		if rec.feed != "" {
			feed = append(feed, render.FeedEntry{Summary: *rec.summary, Content: rec.feed})
		}
	}
	if which&listFeed != 0 {
		var buf bytes.Buffer
		if err := render.WriteFeed(&buf, site, feed); err != nil {
			return err
		}
		if err := r.write("feed.xml", buf.Bytes()); err != nil {
			return err
		}
	}
	if which&listFixed != 0 {
		notFound := &render.Page{Site: site, Kind: "404", Title: "Page not found", URL: "404.html", Canonical: site.AbsURL("404.html")}
		if err := r.writePage("404.html", notFound); err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := render.WriteRobots(&buf, site); err != nil {
			return err
		}
		if err := r.write("robots.txt", buf.Bytes()); err != nil {
			return err
		}
		if err := r.write(".nojekyll", nil); err != nil {
			return err
		}
	}
	if which&listPages == 0 {
		return nil
	}

	home := &render.Page{Site: site, Kind: "home", Title: site.Title, Description: site.Description, URL: "", Canonical: site.AbsURL(""), Articles: articles}
	if err := r.writePage("index.html", home); err != nil {
		return err
	}

	byTag := map[string]*render.Tag{}
	tagged := map[string][]*render.Summary{}
	for _, s := range articles {
		for _, t := range s.Tags {
			if _, ok := byTag[t.Slug]; !ok {
				tc := t
				byTag[t.Slug] = &tc
			}
			byTag[t.Slug].Count++
			tagged[t.Slug] = append(tagged[t.Slug], s)
		}
	}
	var tags []render.Tag
	for _, t := range byTag {
		tags = append(tags, *t)
	}
	slices.SortFunc(tags, func(a, b render.Tag) int { return strings.Compare(a.Slug, b.Slug) })
	for _, t := range tags {
		p := &render.Page{Site: site, Kind: "tag", Title: "Tagged " + t.Name, Description: fmt.Sprintf("Articles tagged %s.", t.Name), URL: t.URL, Canonical: site.AbsURL(t.URL), Articles: tagged[t.Slug], Tag: &t}
		if err := r.writePage(t.URL+"index.html", p); err != nil {
			return err
		}
		sitemap = append(sitemap, render.SitemapEntry{URL: t.URL})
	}
	tagsPage := &render.Page{Site: site, Kind: "tags", Title: "Tags", Description: "Every tag of " + site.Title + ".", URL: "tags/", Canonical: site.AbsURL("tags/"), Tags: tags}
	if err := r.writePage("tags/index.html", tagsPage); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render.WriteSitemap(&buf, site, sitemap); err != nil {
		return err
	}
	return r.write("sitemap.xml", buf.Bytes())
}
