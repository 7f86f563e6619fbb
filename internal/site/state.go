package site

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/render"
	"github.com/plotline/plotline/internal/words"
)

// state is what a successful build leaves for the next one.
type state struct {
	site    *render.Site
	layouts *render.Layouts
	// words are plotline's own words in the site's language, read with
	// the templates from the built-in tables and the site's i18n folder.
	words *words.Table
	// mdWords are the words of words that the Markdown extensions write.
	mdWords *markdown.Words
	theme   map[string]string // theme file → short content hash
	pages   map[string]*record
	order   []string              // page paths in site order: newest first, then by path
	ix      *linkIndex            // every page and file, for links
	assets  []string              // content files that are not Markdown, sorted
	bundles content.Bundles       // where the files of page bundles are published; never changed
	outputs map[string]uint64     // site path → hash of what the output holds
	owners  map[string]string     // site path → what wrote it, to tell two writers of one file
	dirs    map[string]int        // folder site path → how many files of owners lie below it
	lists   map[string]uint64     // list page site path → fingerprint of what it shows
	aliasAt map[aliasKey]diag.Pos // a redirect page and the page that writes it → where its alias is written
	listing *listing              // the articles of the lists, once they are rendered

	// templateWarnings are about files of templates/ that no page is
	// made with, addresses in the templates and the theme's style
	// sheets outside the base path, and folders of a Hugo or Jekyll site
	// that plotline does not read; said by every build, rebuilds too,
	// as they are read with the templates.
	templateWarnings diag.List
	// chartWarnings are about templates that never run the chart
	// loader and a stylesheet without the charts' rules; said by a
	// build whose pages have charts (hasCharts).
	chartWarnings diag.List

	// dataPages are the pages with data blocks, by source path: while
	// there is one, site.HasData is set, and every page says so.
	dataPages map[string]bool
	// feedCopies are the copies of the feed at its old addresses, from
	// the config; a config that changes makes a full build.
	feedCopies []feedCopy
	// tagFeedCopies are the copies of tags' feeds at their old
	// addresses, from the config's tag_feed_aliases.
	tagFeedCopies []tagFeedCopy

	sitemapKey uint64    // fingerprint of the sitemap's entries
	feedKey    uint64    // fingerprint of the feed's entries (see feedChanged)
	today      time.Time // the day of the build (see Options.Today); zero for none
	// devices is whether the site has names Windows keeps for devices,
	// which only a full build warns of: every rebuild is one then.
	devices bool
}

// clone returns a copy of st that a rebuild may change, leaving st as it
// was should the rebuild fail.
func (st *state) clone() *state {
	next := *st
	next.pages = maps.Clone(st.pages)
	next.ix = st.ix.clone()
	next.assets = slices.Clone(st.assets)
	next.outputs = maps.Clone(st.outputs)
	next.owners = maps.Clone(st.owners)
	next.dirs = maps.Clone(st.dirs)
	next.lists = maps.Clone(st.lists)
	next.aliasAt = maps.Clone(st.aliasAt)
	next.dataPages = maps.Clone(st.dataPages)
	return &next
}

// aliasKey names a redirect page written for an alias: its site path and
// the page whose alias it is. Two pages may claim the same path, which is
// then reported at both aliases.
type aliasKey struct {
	sitePath, owner string
}

// record is what a build remembers of one page: enough to list it and to
// know when to render it again, not its source.
type record struct {
	path    string
	url     string
	kind    content.Kind
	date    time.Time
	summary *render.Summary
	feed    string                 // the page's HTML for the feed; kept only for the newest articles
	deps    []string               // other content files it reads (CSV)
	links   []string               // site paths it links to ("articles/x/", "img/map.png")
	checks  []buildcache.LinkCheck // its links to check once every page is rendered
	ids     []string               // the ids of its HTML, sorted
	outputs []string               // site paths it writes
	key     buildcache.Key         // the hash of its inputs, when the build keeps a cache
	listKey uint64                 // see summaryKey
	card    buildcache.Key         // the hash of its preview card, if it drew one
	unknown []content.UnknownKey   // front-matter keys plotline does not read
	tagPos  []diag.Pos             // where each of its summary's tags is written
	// warnings are the page's own warnings, from reading and rendering
	// it; a page taken from the cache reports them again.
	warnings diag.List
}

// hasCharts reports whether a page of st has a chart: it writes the
// chart's SVG file.
func (st *state) hasCharts() bool {
	for _, rec := range st.pages {
		if slices.ContainsFunc(rec.outputs, func(o string) bool { return strings.HasSuffix(o, ".svg") }) {
			return true
		}
	}
	return false
}

// sortedRecords returns the pages of st in site order: newest first.
func (st *state) sortedRecords() []*record {
	out := make([]*record, len(st.order))
	for i, p := range st.order {
		out[i] = st.pages[p]
	}
	return out
}

// reorder returns the site order of the pages in after, given order, the
// site order of the pages in before, when the two differ only at the
// paths in moved (pages added, removed, or changed in date). The other
// pages keep their places, found by binary search; each of moved that
// after holds goes to its own (see spliced).
func reorder(order []string, before, after map[string]*record, moved []string) []string {
	// at returns where rec goes among order, compared by before's records.
	at := func(rec *record) int {
		i, _ := slices.BinarySearchFunc(order, rec, func(p string, rec *record) int {
			return compareOrder(before[p], rec)
		})
		return i
	}
	var drop []int
	var ins []string
	for _, p := range slices.Compact(slices.Sorted(slices.Values(moved))) {
		if rec, ok := before[p]; ok {
			i := at(rec)
			if i >= len(order) || order[i] != p {
				return sortOrder(after) // order is not before's: start again
			}
			drop = append(drop, i)
		}
		if _, ok := after[p]; ok {
			ins = append(ins, p)
		}
	}
	return spliced(order, drop, ins, func(p string) int { return at(after[p]) }, func(a, b string) int { return compareOrder(after[a], after[b]) })
}

// spliced returns s without its elements at the indexes drop and with
// those of ins, each at the index of s that at gives it, those at one
// index in the order compare gives them. It costs a copy of s, not a
// sort.
func spliced[T any](s []T, drop []int, ins []T, at func(T) int, compare func(a, b T) int) []T {
	type insert struct {
		i int
		v T
	}
	places := make([]insert, len(ins))
	for k, v := range ins {
		places[k] = insert{at(v), v}
	}
	slices.Sort(drop)
	drop = slices.Compact(drop)
	slices.SortFunc(places, func(a, b insert) int { return cmp.Or(a.i-b.i, compare(a.v, b.v)) })
	out := make([]T, 0, len(s)-len(drop)+len(places))
	from := 0 // s[from:] is not yet copied
	// copyTo copies s[from:to] but the dropped entries.
	copyTo := func(to int) {
		for len(drop) > 0 && drop[0] < to {
			out = append(out, s[from:drop[0]]...)
			from = drop[0] + 1
			drop = drop[1:]
		}
		out = append(out, s[from:to]...)
		from = to
	}
	for _, p := range places {
		copyTo(p.i)
		out = append(out, p.v)
	}
	copyTo(len(s))
	return out
}

// compareOrder compares two pages by site order: newest first, then by
// path.
func compareOrder(a, b *record) int { return orderOf(a.date, a.path, b.date, b.path) }

// orderOf is compareOrder for pages known by their dates and paths.
func orderOf(aDate time.Time, aPath string, bDate time.Time, bPath string) int {
	return cmp.Or(bDate.Compare(aDate), strings.Compare(aPath, bPath))
}

// sortOrder returns the paths of pages in site order, newest first, then
// by path.
func sortOrder(pages map[string]*record) []string {
	return slices.SortedFunc(maps.Keys(pages), func(a, b string) int {
		return orderOf(pages[a].date, a, pages[b].date, b)
	})
}
