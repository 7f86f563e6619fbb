package site

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/render"
	"github.com/plotline/plotline/internal/words"
)

// Which lists renderLists writes.
const (
	listPages = 1 << iota // the home page, the tag pages and their feeds, and the sitemap
	listFeed              // the Atom feed
	listFixed             // 404.html, robots.txt, .nojekyll, the output marker

	allLists = listPages | listFeed | listFixed
)

// renderLists writes the pages made from all the others — the home page,
// the tag pages and their feeds, the feed and the sitemap — and the fixed
// files; which says which of them. The templates' errors are returned as
// a diag.List.
func (r *run) renderLists(which int) error {
	site := r.st.site
	var diags diag.List // the templates' errors
	l := r.listing()
	// The feed shows the newest articles, the ones that keep their HTML
	// for it (see feedOf, feedSetOf and Builder.dropFeed).
	var feed []render.FeedEntry
	var feedKeys []uint64 // of feed, for feedChanged
	for i := range min(r.b.cfg.FeedItems, len(l.home.recs)) {
		if rec := r.st.pages[l.home.recs[i].path]; rec.feed != "" {
			feed = append(feed, render.FeedEntry{Summary: *rec.summary, Content: rec.feed})
			feedKeys = append(feedKeys, l.home.keys[i])
		}
	}
	sitemap := []render.SitemapEntry{{URL: ""}, {URL: "tags/"}}
	if site.BaseURL != "" {
		// Every page, in site order; a site without a base URL has no
		// sitemap (see below).
		for _, rec := range r.st.sortedRecords() {
			sitemap = append(sitemap, render.SitemapEntry{URL: rec.url, Lastmod: rec.summary.Modified()})
		}
	}
	if which&listFeed != 0 && r.feedChanged(feed, feedKeys) {
		var buf bytes.Buffer
		if err := render.WriteFeed(&buf, site, feed); err != nil {
			return err
		}
		if err := r.write("feed.xml", "Atom feed", buf.Bytes()); err != nil {
			return err
		}
		for _, c := range r.st.feedCopies {
			r.mu.Lock()
			r.st.aliasAt[aliasKey{c.file, r.b.cfg.File}] = c.pos
			r.mu.Unlock()
			if err := r.write(c.file, r.b.cfg.File, buf.Bytes()); err != nil {
				return err
			}
		}
	}
	if which&listFixed != 0 {
		notFound := &render.Page{Site: site, Kind: "404", Title: r.st.words.Text(words.PageNotFound), URL: "404.html", Canonical: site.AbsURL("404.html")}
		if _, err := r.writePage("404.html", "404 page", notFound, nil); err != nil {
			if err := templateError(err, &diags); err != nil {
				return err
			}
		}
		var robots bytes.Buffer
		if err := render.WriteRobots(&robots, site); err != nil {
			return err
		}
		for _, f := range [...][3]string{{"robots.txt", "robots.txt", robots.String()}, {".nojekyll", ".nojekyll", ""}, {output.MarkerName, "output marker", output.MarkerText}} {
			if err := r.write(f[0], f[1], []byte(f[2])); err != nil {
				return err
			}
		}
	}
	if which&listPages == 0 {
		return diags.Err()
	}

	// The list pages are collected, then rendered in parallel.
	var pending []listPage
	home := &render.Page{Site: site, Kind: "home", Title: site.Title, Description: site.Description}
	seen := map[string]bool{}
	r.queueList("", "home page", home, l.home.sums, l.home.keys, &sitemap, &pending, seen)

	tags := l.tagList()
	// The copies of each tag's feed, by the tag's slug: looked up once a
	// tag, where going through them all for each tag took tags × copies.
	copies := map[string][]tagFeedCopy{}
	for _, c := range r.st.tagFeedCopies {
		copies[c.slug] = append(copies[c.slug], c)
	}
	for _, t := range tags {
		tl := l.tags[t.Slug]
		p := &render.Page{Site: site, Kind: "tag", Title: r.st.words.Format(words.TaggedTitle, t.Name), Description: r.st.words.Format(words.TaggedDescription, t.Name), Tag: &t}
		// Named by its address, which stays when the name the page
		// shows does ("C" once an article writes "C++" after it), so
		// that a rebuild knows its own page.
		r.queueList(t.URL, "list of the tag "+t.Slug, p, tl.sums, tl.keys, &sitemap, &pending, seen)
		if err := r.writeTagFeed(t, p.Title, tl, copies[t.Slug], seen); err != nil {
			return err
		}
	}
	tagsPage := &render.Page{Site: site, Kind: "tags", Title: r.st.words.Text(words.Tags), Description: r.st.words.Format(words.TagsDescription, site.Title), URL: "tags/", Canonical: site.AbsURL("tags/"), Tags: tags}
	pending = append(pending, listPage{"tags/index.html", "list of tags", tagsPage})
	if err := r.writeListPages(pending, &diags); err != nil {
		return err
	}
	if err := r.writeSections(l.home.sums, seen); err != nil {
		return err
	}
	if diags.HasErrors() {
		return diags.Err()
	}
	// The pages of a tag no article has any more, and the last pages of a
	// list that has become shorter, go.
	for sitePath := range r.st.lists {
		if !seen[sitePath] {
			r.remove(sitePath)
			delete(r.st.lists, sitePath)
		}
	}
	if site.BaseURL == "" {
		// A sitemap lists absolute addresses: without a base URL there
		// are none to list (see Options.WarnBaseURL).
		return nil
	}
	// The sitemap changes only with the set of pages and their dates.
	var h maphash.Hash
	h.SetSeed(r.b.seed)
	for _, e := range sitemap {
		h.WriteString(e.URL)
		maphash.WriteComparable(&h, e.Lastmod.Unix())
	}
	if key := h.Sum64(); key != r.st.sitemapKey {
		r.st.sitemapKey = key
		var buf bytes.Buffer
		if err := render.WriteSitemap(&buf, site, sitemap); err != nil {
			return err
		}
		return r.write("sitemap.xml", "sitemap", buf.Bytes())
	}
	return nil
}

// sectionOf returns the top folder of the site path of an article,
// "articles" for "articles/kursk/", and "" for an article at the top
// ("kursk/").
func sectionOf(url string) string {
	first, rest, _ := strings.Cut(url, "/")
	if rest == "" {
		return ""
	}
	return first
}

// writeSections writes a redirect page to the home page, which lists the
// articles, at the address of each top folder that articles are in
// ("articles/index.html" for "articles/kursk/"), as Hugo answers at a
// section's address, unless a page, a redirect page or a file of the
// site is there; seen is renderLists', for the sections no article is in
// any more to go. A site of 10,000 articles in one folder gets one file.
func (r *run) writeSections(articles []*render.Summary, seen map[string]bool) error {
	site := r.st.site
	done := map[string]bool{}
	for _, a := range articles {
		s := sectionOf(a.URL)
		if s == "" || done[s] {
			continue
		}
		done[s] = true
		sitePath, owner := s+"/index.html", "redirect page of the folder "+s+"/"
		r.mu.Lock()
		other, taken := r.st.owners[sitePath]
		r.mu.Unlock()
		if taken && other != owner {
			continue
		}
		seen[sitePath] = true
		h := fnv.New64a()
		fmt.Fprintf(h, "section\x00%s\x00%s\x00%s\x00%s", sitePath, site.Title, site.AbsURL(""), site.Language)
		if r.listCurrent(sitePath, owner, h.Sum64()) {
			continue
		}
		var buf bytes.Buffer
		if err := render.WriteRedirect(&buf, site, r.st.words, words.ListedOn, site.Title, ""); err != nil {
			return err
		}
		if err := r.write(sitePath, owner, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// listing returns the listing of the run's pages, and keeps it in the
// state: the last build's updated for the pages this run moved, or, in a
// full build, one made from every page.
func (r *run) listing() *listing {
	if r.st.listing != nil && r.b.last != nil {
		if l, ok := r.st.listing.update(r.b.last.pages, r.st.pages, r.moved); ok {
			r.st.listing = l
			return l
		}
	}
	r.st.listing = newListing(r.st.sortedRecords())
	return r.st.listing
}

// feedChanged reports whether the feed of entries, whose summaries have
// the keys of summaryKey, differs from the one the state's output holds,
// and records it as the one it holds.
func (r *run) feedChanged(entries []render.FeedEntry, keys []uint64) bool {
	var h maphash.Hash
	h.SetSeed(r.b.seed)
	for i, e := range entries {
		h.WriteString(e.Content)
		h.WriteByte(0)
		// Author is the one field the list key leaves out.
		h.WriteString(e.Author)
		h.WriteByte(0)
		maphash.WriteComparable(&h, keys[i])
	}
	key := h.Sum64()
	same := r.st.feedKey == key && r.st.feedKey != 0
	r.st.feedKey = key
	return !same
}

// writeTagFeed writes the feed of the tag t, of the newest articles of
// its list tl, called title as its list page is, and copies, its copies
// at the config's tag_feed_aliases, each unless the output holds it as
// it is (see listCurrent). seen collects their site paths, as queueList
// collects the list's: the feed of a tag no article has any more goes
// with its list.
func (r *run) writeTagFeed(t render.Tag, title string, tl articleList, copies []tagFeedCopy, seen map[string]bool) error {
	sitePath := t.FeedURL()
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00", sitePath, title)
	entries := make([]render.FeedEntry, min(r.b.cfg.FeedItems, len(tl.sums)))
	var b [8]byte
	for i := range entries {
		entries[i] = render.FeedEntry{Summary: *tl.sums[i]}
		// Author is the one field of the feed the list key leaves out.
		binary.LittleEndian.PutUint64(b[:], tl.keys[i])
		h.Write(b[:])
		fmt.Fprintf(h, "%s\x00", tl.sums[i].Author)
	}
	key := h.Sum64()
	// The feed, and a copy at each old address of it (tag_feed_aliases),
	// each written unless the output holds it as it is.
	type target struct{ file, owner string }
	targets := []target{{sitePath, "feed of the tag " + t.Slug}}
	for _, c := range copies {
		targets = append(targets, target{c.file, r.b.cfg.File})
		r.mu.Lock()
		r.st.aliasAt[aliasKey{c.file, r.b.cfg.File}] = c.pos
		r.mu.Unlock()
	}
	var buf bytes.Buffer
	for _, tg := range targets {
		seen[tg.file] = true
		if r.listCurrent(tg.file, tg.owner, key) {
			continue
		}
		if buf.Len() == 0 {
			if err := render.WriteTagFeed(&buf, r.st.site, t, title, entries); err != nil {
				return err
			}
		}
		if err := r.write(tg.file, tg.owner, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// tagFeedCopiesOfNoTag reports each of the config's tag_feed_aliases
// whose tag no article of st's listing has: its copy would be of no feed.
// It is checked with the links, once the lists are made.
func (st *state) tagFeedCopiesOfNoTag(diags *diag.List) {
	if st.listing == nil {
		return
	}
	for _, c := range st.tagFeedCopies {
		if _, ok := st.listing.tags[c.slug]; !ok {
			diags.Errorf(c.pos, "tag_feed_aliases: no article has the tag %s, whose feed would be written at %s: tag an article %s, or remove the address", c.tag, c.file, c.tag)
		}
	}
}

// listPage is a list page to render, at its site path, for owner.
type listPage struct {
	sitePath string
	owner    string
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
			_, err := r.writePage(lp.sitePath, lp.owner, lp.page, nil)
			err = templateError(err, &d)
			mu.Lock()
			diags.Add(d...)
			mu.Unlock()
			return err
		})
	}
	return g.Wait()
}

// queueList adds to pending the list of articles at site path base, made
// by owner, split into pages of the configured size: base, then base +
// "page/2/", and so on. A page whose articles and neighbours are as they
// were in the last build is not rendered again (the previous build's file
// is kept or linked instead). Every page but the first goes into the
// sitemap after the first. seen collects the site paths of the pages.
func (r *run) queueList(base, owner string, proto *render.Page, articles []*render.Summary, keys []uint64, sitemap *[]render.SitemapEntry, pending *[]listPage, seen map[string]bool) {
	size, total := paging(len(articles), r.b.cfg.PageSize)
	pageURL := func(n int) string { return listPageURL(base, n) }
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
			// The home page's site path is "": it is "/" here, so that
			// a pager's {{ if .Prev }} links back to it.
			p.Pager.Prev = cmp.Or(pageURL(n-1), "/")
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
		seen[sitePath] = true
		if r.listCurrent(sitePath, owner, listKey(p, keys[from:to])) {
			continue
		}
		*pending = append(*pending, listPage{sitePath, owner, p})
	}
}

// listCurrent records key as what the list page at sitePath shows, and
// reports whether the page need not be rendered: the state already holds
// it with that key, or it is taken unchanged from the previous output.
func (r *run) listCurrent(sitePath, owner string, key uint64) bool {
	r.mu.Lock()
	same := r.st.lists[sitePath] == key
	r.st.lists[sitePath] = key
	r.mu.Unlock()
	return same || r.reuseList(sitePath, owner, key)
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
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%d\x00%d\x00%d\x00%d\x00%d\x00", s.Title, s.Description, s.Excerpt, s.URL, s.Date.Unix(), s.Updated.Unix(), s.DataDate.Unix(), s.DataForm, s.ReadingMinutes)
	for _, t := range s.Tags {
		fmt.Fprintf(h, "%s\x00", t.Name)
	}
	rec.listKey = h.Sum64() | 1 // never 0, which means "not computed"
	return rec.listKey
}

// paging returns how many articles each page of a list of count articles
// shows and how many pages it has, with pageSize articles a page (all on
// one when pageSize is 0).
func paging(count, pageSize int) (size, total int) {
	size = pageSize
	if size <= 0 || size > count {
		size = max(count, 1)
	}
	return size, max(1, (count+size-1)/size)
}

// listPageURL returns the site path of page n of the list at base:
// base itself, then base + "page/2/" and so on.
func listPageURL(base string, n int) string {
	if n == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// listURLs returns the site paths of every list page the pages of st
// make: the pages of the home page's list and of each tag's, each tag's
// feed, the list of tags, and the redirect page of each top folder
// articles are in. failed are the pages that had errors of their own, in
// place of what st knows of them: their tags make lists once they are
// mended.
func (st *state) listURLs(pageSize int, failed map[string]*record) map[string]bool {
	counts := map[string]int{"": 0} // articles by the list they are in
	out := map[string]bool{"tags/": true}
	for _, rec := range st.records(failed) {
		if rec.kind != content.Article || rec.summary == nil {
			continue
		}
		counts[""]++
		if s := sectionOf(rec.url); s != "" {
			out[s+"/"] = true // its folder's redirect page (writeSections)
		}
		for _, t := range rec.summary.Tags {
			counts[t.URL]++
		}
	}
	for base, n := range counts {
		_, total := paging(n, pageSize)
		for i := 1; i <= total; i++ {
			out[listPageURL(base, i)] = true
		}
		if base != "" {
			out[render.Tag{URL: base}.FeedURL()] = true // its feed (writeTagFeed)
		}
	}
	return out
}
