package site

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"

	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/render"
)

// linkIndex knows every path of the site being built, so that a link
// written in Markdown can be checked as a browser would follow it before
// anything is published. Its keys are in Unicode's composed form (NFC),
// so that a file whose name was saved decomposed (as macOS does) is found
// from a link typed the usual way; the values are the paths as they are.
type linkIndex struct {
	basePath string
	pages    map[string]string   // page URL ("articles/x/") → as it is
	files    map[string]string   // page file ("content/articles/x.md") → its URL
	assets   map[string]string   // site path of every other file → as it is
	sources  map[string]string   // site path of a file of content/ → that file ("content/a/map.png")
	bundles  content.Bundles     // where the files of page bundles are published
	aliases  map[string]string   // site path of a redirect page ("old/index.html") → as it is
	aliasOf  map[string][]string // page file → the site paths of its redirect pages
	// unbuilt are the pages left out of the build (drafts), by URL and
	// by file, each with why, for the message of a link to one.
	unbuilt      map[string]unbuiltPage
	unbuiltFiles map[string]unbuiltPage

	// near finds the page files of a folder by their names in lower
	// case with one byte left out, and as they are (nearPage); made on
	// the first link to a page that does not exist, and made again after
	// a page comes or goes.
	nearMu sync.Mutex
	near   map[string]map[string][]string
}

// unbuiltPage is a page of content/ that the build leaves out.
type unbuiltPage struct {
	file    string
	url     string
	aliases []string // the link targets of its aliases, its old addresses: "p/4yj2hzf/"
	why     string   // the message of a link to it, or to one of its aliases
}

// fixedFiles are the files every site has besides its pages and assets
// (a site with a base URL has a sitemap.xml too).
var fixedFiles = []string{"feed.xml", "robots.txt", "404.html", "tags/index.html"}

// newLinkIndex returns an index that knows the files every site has; a
// sitemap when it has a base URL. bundles says where the files of page
// bundles are published; it is not changed afterwards.
func newLinkIndex(basePath string, sitemap bool, bundles content.Bundles) *linkIndex {
	ix := &linkIndex{basePath: basePath, pages: map[string]string{}, files: map[string]string{}, assets: map[string]string{}, sources: map[string]string{}, bundles: bundles, aliases: map[string]string{}, aliasOf: map[string][]string{},
		unbuilt: map[string]unbuiltPage{}, unbuiltFiles: map[string]unbuiltPage{}}
	for _, f := range fixedFiles {
		ix.assets[f] = f
	}
	if sitemap {
		ix.assets["sitemap.xml"] = "sitemap.xml"
	}
	return ix
}

// clone returns a copy of ix that can change without changing ix.
func (ix *linkIndex) clone() *linkIndex {
	return &linkIndex{basePath: ix.basePath, pages: maps.Clone(ix.pages), files: maps.Clone(ix.files), assets: maps.Clone(ix.assets), sources: maps.Clone(ix.sources), bundles: ix.bundles, aliases: maps.Clone(ix.aliases), aliasOf: maps.Clone(ix.aliasOf),
		unbuilt: maps.Clone(ix.unbuilt), unbuiltFiles: maps.Clone(ix.unbuiltFiles)}
}

// nfc returns s in Unicode's composed form.
func nfc(s string) string { return norm.NFC.String(s) }

// addPage records the page in file at url.
func (ix *linkIndex) addPage(file, url string) {
	ix.pages[nfc(url)] = url
	ix.files[nfc(file)] = url
	ix.near = nil
}

// removePage forgets the page in file, and its aliases.
func (ix *linkIndex) removePage(file string) {
	if u, ok := ix.files[nfc(file)]; ok {
		delete(ix.pages, nfc(u))
		delete(ix.files, nfc(file))
		ix.near = nil
	}
	ix.setAliases(file, nil)
}

// addUnbuilt records a page of content/ that the build leaves out, at
// url, and why, as a link to it will say.
func (ix *linkIndex) addUnbuilt(u unbuiltPage) {
	ix.unbuilt[nfc(u.url)] = u
	for _, a := range u.aliases {
		// A link to a draft's old address is a link to the draft, which
		// its redirect page, unwritten, would have led to.
		if _, ok := ix.unbuilt[nfc(a)]; !ok {
			ix.unbuilt[nfc(a)] = u
		}
	}
	ix.unbuiltFiles[nfc(u.file)] = u
}

// removeUnbuilt forgets that the page in file was left out.
func (ix *linkIndex) removeUnbuilt(file string) {
	if u, ok := ix.unbuiltFiles[nfc(file)]; ok {
		delete(ix.unbuilt, nfc(u.url))
		for _, a := range u.aliases {
			if ix.unbuilt[nfc(a)].file == u.file {
				delete(ix.unbuilt, nfc(a))
			}
		}
		delete(ix.unbuiltFiles, nfc(file))
	}
}

// aliasTargets returns the link targets of aliases.
func aliasTargets(aliases []content.Alias) []string {
	var out []string
	for _, a := range aliases {
		out = append(out, a.Target())
	}
	return out
}

// laterReason is what a link to a page dated after today says.
func laterReason(p *content.Page) string {
	return fmt.Sprintf("links to %s, dated %s, after today: it is built from that day on, or now with --future", p.Path, p.Date.Format("2006-01-02"))
}

// withheldReason is what a link to a file of a page bundle left out (a
// draft's, or one dated after today) says.
func withheldReason(file string) string {
	return fmt.Sprintf("links to %s, a file of a page that is not built (a draft, or dated after today): it is published with its page", file)
}

// dropBreaks takes the tabs and line breaks out of an address.
var dropBreaks = strings.NewReplacer("\t", "", "\n", "", "\r", "")

// hostPortRE matches a host and a port written without a scheme, and a
// path after them: "127.0.0.1:4000", "example.org:8080/x".
var hostPortRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]*:[0-9]{1,5}(/.*)?$`)

// draftReason is what a link to a draft says.
func draftReason(file string) string {
	return fmt.Sprintf("links to a draft (%s): remove draft: true there, or the link", file)
}

// setAliases records the redirect pages of the page in file, in place of
// those it had, and returns the site paths of those it no longer has.
func (ix *linkIndex) setAliases(file string, aliases []content.Alias) []string {
	var lost []string
	for _, a := range ix.aliasOf[file] {
		delete(ix.aliases, nfc(a))
		if !slices.ContainsFunc(aliases, func(b content.Alias) bool { return b.File == a }) {
			lost = append(lost, a)
		}
	}
	delete(ix.aliasOf, file)
	for _, a := range aliases {
		ix.aliases[nfc(a.File)] = a.File
		ix.aliasOf[file] = append(ix.aliasOf[file], a.File)
	}
	return lost
}

// folders returns the folders of the output that pages and redirect
// pages are written in, each with what is written there first (a page's
// file, or the redirect page's site path), by its site path in normal
// form C ("articles/x" and "articles" for articles/x/index.html).
func (ix *linkIndex) folders() map[string]string {
	out := map[string]string{}
	add := func(sitePath, by string) {
		for dir := path.Dir(strings.TrimSuffix(sitePath, "/") + "/index.html"); dir != "." && dir != "/"; dir = path.Dir(dir) {
			if _, ok := out[nfc(dir)]; ok {
				return // and so are the folders around it
			}
			out[nfc(dir)] = by
		}
	}
	for _, file := range slices.Sorted(maps.Keys(ix.files)) {
		add(ix.files[file], file)
	}
	for _, a := range slices.Sorted(maps.Keys(ix.aliases)) {
		add(path.Dir(ix.aliases[a]), "the redirect page "+ix.aliases[a])
	}
	return out
}

// fileFolder reports whether the site path of a file lies in a folder
// named as a file plotline writes at the top of the output (feed.xml/x),
// and returns that folder.
func fileFolder(sitePath string) (string, bool) {
	first, _, nested := strings.Cut(sitePath, "/")
	if nested && (slices.Contains(fixedFiles, first) || first == "sitemap.xml") {
		return first, true
	}
	return "", false
}

// addAsset records a content file that is not Markdown ("content/a.png").
func (ix *linkIndex) addAsset(file string) {
	rel := ix.bundles.SitePath(file)
	ix.assets[nfc(rel)] = rel
	ix.sources[nfc(rel)] = file
}

// removeAsset forgets a content file that is not Markdown.
func (ix *linkIndex) removeAsset(file string) {
	rel := nfc(ix.bundles.SitePath(file))
	delete(ix.assets, rel)
	delete(ix.sources, rel)
}

// listPageRE matches the site paths of the pages plotline makes from the
// others: a tag's list ("tags/economy/"), the further pages of a list
// ("page/2/", "tags/economy/page/3/") and the redirect page of a top
// folder articles are in ("articles/").
var listPageRE = regexp.MustCompile(`^((tags/[^/]+/)?(page/[1-9][0-9]*/)?|[^/]+/)$`)

// tagFeedRE matches the site path of a tag's feed, which plotline makes
// beside its list ("tags/economy/feed.xml").
var tagFeedRE = regexp.MustCompile(`^tags/[^/]+/` + regexp.QuoteMeta(render.TagFeedFile) + `$`)

// resolve checks dest, written in the page at from, as a browser follows
// it: tabs and newlines dropped, backslash escapes and entities undone,
// then percent-decoding. It
// returns the URL to write in its place (root-relative, under the base
// path), the site path it leads to ("articles/x/", "img/map.png"), and,
// for a link whose target depends on the pages rendered later, the check
// to make once they are: a fragment, which must name an id of its page,
// and a list page, which must exist.
func (ix *linkIndex) resolve(from *content.Page, dest string) (string, string, *buildcache.LinkCheck, error) {
	// A browser first drops the spaces and controls at an address's
	// ends and every tab and newline within it (an <img src> broken
	// over two lines).
	dest = strings.TrimFunc(dest, func(r rune) bool { return r <= ' ' })
	dest = dropBreaks.Replace(dest)
	if r, _ := utf8.DecodeRuneInString(dest); unicode.Is(unicode.Cf, r) {
		// A zero-width non-joiner typed before "https://" in Persian
		// text: the browser keeps it, and reads a path of this site.
		return "", "", nil, fmt.Errorf("starts with %U, an invisible character, which makes the rest an address on this site: delete the character", r)
	}
	u, err := url.Parse(string(util.URLEscape([]byte(dest), true)))
	if err != nil && hostPortRE.MatchString(dest) {
		// "127.0.0.1:4000", a local server's address as a tutorial
		// writes it: a browser reads it as a path of this site.
		return "", "", nil, fmt.Errorf("is a host and a port without a scheme, which a browser reads as a path of this site: write http://%s", dest)
	}
	if marks, meant, ok := content.StrayBeforeScheme(dest); ok {
		// "(.https://github.com/x)": the dot makes the rest a path of
		// this site, which a browser follows to nothing.
		scheme, _, _ := strings.Cut(meant, "//")
		return "", "", nil, fmt.Errorf("has %q before %s//, which makes the rest a path of this site: write %s", marks, scheme, meant)
	}
	if inner, ok := quoted(dest); ok && (err != nil || u.Scheme != "" || u.Host != "") {
		// ("https://example.org"): the quotes are part of the address.
		return "", "", nil, fmt.Errorf("is in quotation marks, which are part of the address: write (%s)", inner)
	}
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", nil, errors.New("is not an address plotline can follow")
	}
	target, frag := nfc(u.Path), u.Fragment
	suffix := ""
	if u.RawQuery != "" || u.ForceQuery {
		suffix = "?" + u.RawQuery
	}
	if u.Fragment != "" {
		suffix += "#" + u.EscapedFragment()
	}
	if word, rest, ok := content.PelicanMark(target); ok {
		// Pelican's {filename}images/x.svg, left in a site that moved on
		// from it: a browser reads the braces as part of a path.
		why := "starts with " + word + ", Pelican's mark of a link to a file of the site, which a browser reads as part of the path"
		if rest != "" {
			if _, _, _, err := ix.resolve(from, rest+suffix); err == nil {
				return "", "", nil, fmt.Errorf("%s: write %s", why, rest+suffix)
			}
		}
		return "", "", nil, fmt.Errorf("%s; plotline links to a file by its path (no file of the site is at %q)", why, rest)
	}
	if target == "" {
		// The page itself: "#sources".
		return dest, from.URL, check(from.URL, frag, false), nil
	}
	var c string // the site path target names
	if strings.HasPrefix(target, "/") {
		c = strings.TrimPrefix(path.Clean(target), "/")
		if strings.HasSuffix(target, "/") && c != "" {
			c += "/"
		}
	} else {
		// Relative to the Markdown file first: "other.md", "chart.png".
		file := path.Join(nfc(from.Dir), target)
		if u, ok := ix.files[file]; ok {
			return ix.basePath + render.EscapePath(u) + suffix, u, check(u, frag, false), nil
		}
		if u, ok := ix.unbuiltFiles[file]; ok {
			return "", "", nil, errors.New(u.why)
		}
		if strings.HasPrefix(file, "content/") {
			if a, ok := ix.assets[nfc(ix.bundles.SitePath(file))]; ok {
				return ix.basePath + render.EscapePath(a) + suffix, a, nil, nil
			}
		}
		// Then as a browser would read it from the page's own URL.
		c = path.Join(nfc(from.URL), target)
		if strings.HasSuffix(target, "/") {
			c += "/"
		}
	}
	if strings.HasPrefix(c, "..") {
		return "", "", nil, fmt.Errorf("points outside the site")
	}
	if site, page, ok := ix.lookup(c); ok {
		var ch *buildcache.LinkCheck
		if page {
			ch = check(site, frag, false)
		}
		return ix.basePath + render.EscapePath(site) + suffix, site, ch, nil
	}
	if tagFeedRE.MatchString(c) {
		// A tag's feed, made with its list: whether it exists is known
		// once the pages are all rendered, as the list's is.
		return ix.basePath + render.EscapePath(c) + suffix, c, check(c, "", true), nil
	}
	// A page that is not built (a draft) says so before its address is
	// taken for a list: a folder's redirect page is at "about/" too.
	page := strings.TrimSuffix(strings.TrimSuffix(c, "index.html"), "/") + "/"
	if u, ok := ix.unbuilt[page]; ok {
		return "", "", nil, errors.New(u.why)
	}
	if listPageRE.MatchString(page) && page != "/" {
		// A list plotline makes from the pages: whether it exists is
		// known once they are all rendered.
		return ix.basePath + render.EscapePath(page) + suffix, page, check(page, "", true), nil
	}
	if strings.HasSuffix(target, ".md") {
		if near := ix.nearPage(path.Join(nfc(from.Dir), target), nfc(from.Path)); near != "" {
			return "", "", nil, fmt.Errorf("no such page in content/: did you mean %s?", path.Join(path.Dir(target), near))
		}
		return "", "", nil, fmt.Errorf("no such page in content/")
	}
	if host, ok := content.SchemelessHost(target); ok {
		return "", "", nil, fmt.Errorf("no page or file of the site has this address: %s, without https:// before it, is read as a folder of this site: write https://%s", host, dest)
	}
	return "", "", nil, fmt.Errorf("no page or file of the site has this address")
}

// nearPage returns the name of a page file in the folder of file, a page
// that does not exist, that is one slip away from its name ("lake-mead.md"
// for "lake-med.md"), or "" when there is none. Names of fewer than three
// letters before ".md" are too short to guess from, and self, the page
// that links, is never the guess. Of several, the first in order of names.
//
// A name one slip away shares a key with it once a byte is left out of
// one or both (an insertion, a deletion, a change or a swap), so the
// names looked at are those that share one: each link read every page
// file of the site, and 2,000 pages of 200 such links each took 93 s of
// CPU to report.
func (ix *linkIndex) nearPage(file, self string) string {
	dir, name := path.Split(file)
	if len(strings.TrimSuffix(name, ".md")) < 3 {
		return ""
	}
	ix.nearMu.Lock()
	if ix.near == nil {
		ix.near = map[string]map[string][]string{}
		for f := range ix.files {
			d, n := path.Split(f)
			if ix.near[d] == nil {
				ix.near[d] = map[string][]string{}
			}
			for _, k := range leftOut(strings.ToLower(n), true) {
				ix.near[d][k] = append(ix.near[d][k], n)
			}
		}
	}
	keys := ix.near[dir]
	ix.nearMu.Unlock()
	lower := strings.ToLower(name)
	var near []string
	for _, k := range leftOut(lower, false) {
		for _, n := range keys[k] {
			if dir+n != self && diag.OneEdit(lower, strings.ToLower(n)) {
				near = append(near, n)
			}
		}
	}
	if len(near) == 0 {
		return ""
	}
	return slices.Min(near)
}

// leftOut returns the keys of nearPage for s: s with each of its bytes
// left out, each with a "-" before it, and, for a name of the index
// (indexed), s itself with a "=" before it, or, for a name looked up, s
// with a "-" before it.
func leftOut(s string, indexed bool) []string {
	keys := []string{"-" + s}
	if indexed {
		keys[0] = "=" + s
	}
	for i := range len(s) {
		keys = append(keys, "-"+s[:i]+s[i+1:])
		if !indexed {
			keys = append(keys, "="+s[:i]+s[i+1:])
		}
	}
	return keys
}

// check returns the check a link to target needs: its fragment, or, for
// a list, its existence; nil when there is nothing to check.
func check(target, frag string, list bool) *buildcache.LinkCheck {
	if frag == "" && !list {
		return nil
	}
	return &buildcache.LinkCheck{Target: target, Fragment: frag, List: list}
}

// resolveFile checks dest, written in the page at from as a link would be,
// and returns the site path of the file of content/ it names, and that
// file; a page is not a file.
func (ix *linkIndex) resolveFile(from *content.Page, dest string) (string, string, error) {
	_, target, _, err := ix.resolve(from, dest)
	if err != nil {
		return "", "", err
	}
	if _, ok := ix.assets[target]; !ok {
		return "", "", fmt.Errorf("is a page, not a file")
	}
	file, ok := ix.sources[nfc(target)]
	if !ok {
		return "", "", fmt.Errorf("is a file plotline makes, not one of content/")
	}
	return target, file, nil
}

// lookup finds a site path, accepting a page URL with or without its
// trailing slash or index.html, and returns its canonical spelling and
// whether it is a content page.
func (ix *linkIndex) lookup(p string) (string, bool, bool) {
	if p == "" || p == "." || p == "/" || p == "index.html" {
		return "", false, true
	}
	if a, ok := ix.assets[p]; ok {
		return a, false, true
	}
	if a, ok := ix.aliases[p]; ok {
		return content.Alias{File: a}.Target(), false, true
	}
	page := strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/") + "/"
	if u, ok := ix.pages[page]; ok {
		return u, true, true
	}
	if a, ok := ix.assets[page+"index.html"]; ok {
		return strings.TrimSuffix(a, "index.html"), false, true
	}
	if a, ok := ix.aliases[page+"index.html"]; ok {
		return strings.TrimSuffix(a, "index.html"), false, true
	}
	return "", false, false
}

// verifyLinks makes the checks of every page's links that depend on the
// other pages, once all are rendered: a fragment must name an id of its
// target page (a heading, a footnote, an id written {#like-this}, a
// chart), and a list page (a tag's, a page of a list) must be one the
// pages make. A link to a file, or to a list, with a fragment is left
// alone: plotline does not know what ids they hold. failed holds what is
// known of the pages that had errors of their own, by source path: their
// links are checked too, so that a build reports every problem at once,
// and their tags count for the lists. unread says that some page was not
// read for its own errors, so that which lists the pages make is not
// known: links to lists are then not checked.
func (st *state) verifyLinks(pageSize int, failed map[string]*record, unread bool, diags *diag.List) {
	// Few pages have links to check; the maps they are checked against
	// cost a walk of every page, and are made only when needed.
	var paths []string
	for path, rec := range st.records(failed) {
		if len(rec.checks) > 0 {
			paths = append(paths, path)
		}
	}
	if len(paths) == 0 {
		return
	}
	slices.Sort(paths)
	page := func(path string) *record {
		if rec, ok := failed[path]; ok {
			return rec
		}
		return st.pages[path]
	}
	var byURL map[string]*record
	var lists map[string]bool
	for _, path := range paths {
		for _, c := range page(path).checks {
			switch {
			case c.List:
				if unread {
					continue
				}
				if lists == nil {
					lists = st.listURLs(pageSize, failed)
				}
				if !lists[c.Target] {
					diags.Errorf(c.Pos, "link %q: no page or file of the site has this address", c.Dest)
				}
			case c.Fragment != "":
				if byURL == nil {
					byURL = make(map[string]*record, len(st.pages)+len(failed))
					for _, rec := range st.records(failed) {
						byURL[rec.url] = rec
					}
				}
				target, ok := byURL[c.Target]
				if ok && !slices.Contains(target.ids, c.Fragment) {
					what := target.path
					if what == path {
						what = "this page"
					}
					diags.Errorf(c.Pos, "link %q: %s has no #%s (there is no heading, footnote or element with that id)", c.Dest, what, c.Fragment)
				}
			}
		}
	}
}

// records yields the source path and the record of every page of st and
// of failed, what failed holds of a page in place of what st does.
func (st *state) records(failed map[string]*record) iter.Seq2[string, *record] {
	return func(yield func(string, *record) bool) {
		for path, rec := range st.pages {
			if _, ok := failed[path]; !ok && !yield(path, rec) {
				return
			}
		}
		for path, rec := range failed {
			if !yield(path, rec) {
				return
			}
		}
	}
}

// quoted returns s without the quotation marks around it, straight or
// curly, and whether it had them.
func quoted(s string) (string, bool) {
	for _, q := range [][2]string{{`"`, `"`}, {"'", "'"}, {"“", "”"}} {
		if len(s) > len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return s[len(q[0]) : len(s)-len(q[1])], true
		}
	}
	return "", false
}
