package site

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
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
// says which of them. The templates' errors are returned as a diag.List.
func (r *run) renderLists(which int) error {
	site := r.st.site
	var diags diag.List // the templates' errors
	records := r.st.sortedRecords()
	var articles []*render.Summary
	var keys []uint64 // of articles, for listKey
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
		keys = append(keys, rec.summaryKey())
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
		if err := templateError(r.writePage("404.html", notFound), &diags); err != nil {
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
		return diags.Err()
	}

	// The list pages are collected, then rendered in parallel.
	var pending []listPage
	home := &render.Page{Site: site, Kind: "home", Title: site.Title, Description: site.Description}
	r.queueList("", home, articles, keys, &sitemap, &pending)

	byTag := map[string]*render.Tag{}
	tagged := map[string][]*render.Summary{}
	taggedKeys := map[string][]uint64{}
	for i, s := range articles {
		for _, t := range s.Tags {
			if _, ok := byTag[t.Slug]; !ok {
				tc := t
				byTag[t.Slug] = &tc
			}
			byTag[t.Slug].Count++
			tagged[t.Slug] = append(tagged[t.Slug], s)
			taggedKeys[t.Slug] = append(taggedKeys[t.Slug], keys[i])
		}
	}
	var tags []render.Tag
	for _, t := range byTag {
		tags = append(tags, *t)
	}
	slices.SortFunc(tags, func(a, b render.Tag) int { return strings.Compare(a.Slug, b.Slug) })
	for _, t := range tags {
		p := &render.Page{Site: site, Kind: "tag", Title: "Tagged " + t.Name, Description: fmt.Sprintf("Articles tagged %s.", t.Name), Tag: &t}
		r.queueList(t.URL, p, tagged[t.Slug], taggedKeys[t.Slug], &sitemap, &pending)
	}
	tagsPage := &render.Page{Site: site, Kind: "tags", Title: "Tags", Description: "Every tag of " + site.Title + ".", URL: "tags/", Canonical: site.AbsURL("tags/"), Tags: tags}
	pending = append(pending, listPage{"tags/index.html", tagsPage})
	if err := r.writeListPages(pending, &diags); err != nil {
		return err
	}
	if diags.HasErrors() {
		return diags.Err()
	}
	// The sitemap changes only with the set of pages and their dates.
	h := fnv.New64a()
	for _, e := range sitemap {
		fmt.Fprintf(h, "%s\x00%d\x00", e.URL, e.Lastmod.Unix())
	}
	if key := h.Sum64(); key != r.st.sitemapKey {
		r.st.sitemapKey = key
		var buf bytes.Buffer
		if err := render.WriteSitemap(&buf, site, sitemap); err != nil {
			return err
		}
		return r.write("sitemap.xml", buf.Bytes())
	}
	return nil
}

// listPage is a list page to render, at its site path.
type listPage struct {
	sitePath string
	page     *render.Page
}

// writeListPages renders and writes pages, as many at once as there are
// cores. The templates' errors go to diags.
func (r *run) writeListPages(pages []listPage, diags *diag.List) error {
	g, ctx := errgroup.WithContext(r.ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	var mu sync.Mutex
	for _, lp := range pages {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			var d diag.List
			err := templateError(r.writePage(lp.sitePath, lp.page), &d)
			mu.Lock()
			diags.Add(d...)
			mu.Unlock()
			return err
		})
	}
	return g.Wait()
}

// queueList adds to pending the list of articles at site path base, split
// into pages of the configured size: base, then base + "page/2/", and so
// on. A page whose articles and neighbours are as they were in the last
// build is not rendered again (the previous build's file is kept or
// linked instead). Every page but the first goes into the sitemap after
// the first.
func (r *run) queueList(base string, proto *render.Page, articles []*render.Summary, keys []uint64, sitemap *[]render.SitemapEntry, pending *[]listPage) {
	size := r.b.cfg.PageSize
	if size <= 0 || size > len(articles) {
		size = max(len(articles), 1)
	}
	total := max(1, (len(articles)+size-1)/size)
	pageURL := func(n int) string {
		if n == 1 {
			return base
		}
		return base + "page/" + strconv.Itoa(n) + "/"
	}
	if base != "" {
		*sitemap = append(*sitemap, render.SitemapEntry{URL: base})
	}
	for n := 1; n <= total; n++ {
		from, to := min((n-1)*size, len(articles)), min(n*size, len(articles))
		items := articles[from:to]
		p := new(render.Page)
		*p = *proto
		p.URL = pageURL(n)
		p.Canonical = r.st.site.AbsURL(p.URL)
		p.Articles = items
		p.Pager = &render.Pager{Number: n, Total: total}
		if n > 1 {
			p.Pager.Prev = pageURL(n - 1)
			p.Title = fmt.Sprintf("%s, page %d", proto.Title, n)
		}
		if n < total {
			p.Pager.Next = pageURL(n + 1)
		}
		if p.Tag != nil {
			tag := *p.Tag
			p.Tag = &tag
		}
		sitePath := p.URL + "index.html"
		key := listKey(p, keys[from:to])
		r.mu.Lock()
		same := r.st.lists[sitePath] == key
		r.st.lists[sitePath] = key
		r.mu.Unlock()
		if same {
			continue
		}
		if r.prev != nil {
			if c, ok := r.prev.Lists[sitePath]; ok && c.Key == key && r.unchanged(sitePath, c.File) {
				r.linkOld(sitePath, c.File)
				continue
			}
		}
		*pending = append(*pending, listPage{sitePath, p})
	}
}

// listKey fingerprints what a list page shows, so that an unchanged page
// is not rendered again; keys are those of its articles' summaries.
func listKey(p *render.Page, keys []uint64) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%d/%d\x00", p.URL, p.Title, p.Pager.Number, p.Pager.Total)
	if p.Tag != nil {
		fmt.Fprintf(h, "%s\x00%d\x00", p.Tag.Name, p.Tag.Count)
	}
	var b [8]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(b[:], k)
		h.Write(b[:])
	}
	return h.Sum64()
}

// summaryKey fingerprints what a list shows of rec's article. It is
// computed once per record.
func (rec *record) summaryKey() uint64 {
	if rec.listKey != 0 {
		return rec.listKey
	}
	s := rec.summary
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00%d\x00%d\x00", s.Title, s.Description, s.URL, s.Date.Unix(), s.Updated.Unix(), s.ReadingMinutes)
	for _, t := range s.Tags {
		fmt.Fprintf(h, "%s\x00", t.Name)
	}
	rec.listKey = h.Sum64() | 1 // never 0, which means "not computed"
	return rec.listKey
}
