package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// refreshRE finds a refresh to a value of the page in a Jekyll layout:
// <meta http-equiv="refresh" content="0;url={{ page.redirect_url }}">.
var refreshRE = regexp.MustCompile(`(?i)http-equiv\s*=\s*["']?refresh["']?\s+content\s*=\s*["']\s*\d+\s*;\s*url\s*=\s*\{\{-?\s*page\.([A-Za-z0-9_-]+)\s*-?\}\}`)

// contentRE finds the output of a page's text in a layout.
var contentRE = regexp.MustCompile(`\{\{-?\s*content[\s|}-]`)

// refreshLayout returns the key of the page's value to which the Jekyll
// layout name sends its reader, when the layout is a redirect: a
// refresh to {{ page.KEY }} that does not show the page's text. It
// returns "" for any other layout.
func (im *importer) refreshLayout(name string) string {
	if key, ok := im.refreshLayouts[name]; ok {
		return key
	}
	key, data := "", jekyllLayout(im.src, name)
	if m := refreshRE.FindSubmatch(data); m != nil && !contentRE.Match(data) {
		key = string(m[1])
	}
	put(&im.refreshLayouts, name, key)
	return key
}

// redirectOf sets where the Jekyll page p was published as a redirect
// to, if it was: the address its redirect_to names (jekyll-redirect-from),
// or the value of it that its layout refreshes to.
func (im *importer) redirectOf(p *page) {
	if to := p.list("redirect_to", false); len(to) > 0 && strings.TrimSpace(to[0]) != "" {
		p.redirect, p.redirectKey = strings.TrimSpace(to[0]), "redirect_to"
		return
	}
	if key := im.refreshLayout(p.str("layout")); key != "" {
		if to := strings.TrimSpace(p.str(key)); to != "" {
			p.redirect, p.redirectKey = to, key
		}
	}
}

// redirects turns each page that the source published as a redirect
// into a draft, its text kept, and gives its old addresses to the page
// it sent its reader to, as aliases; when that is no page of the new
// site (the home page, another site), the redirect the source published
// is written at the page's old address, a file. taken holds the files
// the new site has, by site path, and gets each written.
func (im *importer) redirects(taken map[string]string) {
	byOld := im.byOldURL()
	// target follows the redirects from p to the page they end at, or
	// to the address that is none, "" for a loop. Every page on the way
	// ends where p does, and keeps it in ends: each page of a chain of
	// 20,000 followed it to its end, 66 s of CPU.
	type end struct {
		q  *page
		to string
	}
	ends := map[*page]*end{}
	target := func(p *page) (*page, string) {
		e := &end{} // a loop's, unless an end is found
		var way []*page
		for {
			if known, ok := ends[p]; ok {
				e = known // this walk's own when p is met again: a loop
				break
			}
			ends[p] = e
			way = append(way, p)
			to := p.redirect
			if rest, ok := im.onOwnHost(to); ok {
				to = rest
			}
			q := byOld[redirectKey(to)]
			if q == nil || q.redirect == "" {
				e.q, e.to = q, to
				break
			}
			p = q
		}
		for _, w := range way {
			ends[w] = e
		}
		return e.q, e.to
	}
	// The redirects are found before any is made a draft below.
	pages := slices.DeleteFunc(slices.Clone(im.pages), func(p *page) bool { return p.redirect == "" || p.draft })
	for _, p := range pages {
		q, to := target(p)
		pos := p.fieldPos(p.redirectKey)
		p.draft, p.unpublished = true, true
		file, msg := content.AliasFile(p.oldURL)
		other, isTaken := taken[file]
		switch what := "the source published this page as a redirect to " + p.redirect; {
		case to == "":
			im.note(pos, "%s, one of a loop of redirects: imported as a draft, its text kept, and its old address has no redirect", what)
		case q != nil:
			q.fallbacks = append(append(q.fallbacks, p.oldURL), p.list("redirect_from", false)...)
			im.done(pos, "%s: its old address is an alias of the page it led to, %s, and the page a draft, its text kept", what, q.src)
		case msg != "":
			im.note(pos, "%s: imported as a draft, its text kept; its old address %s %s, and has no redirect", what, p.oldURL, msg)
		case isTaken:
			im.note(pos, "%s: imported as a draft, its text kept; its old address %s is taken by %s in the new site: no redirect", what, p.oldURL, other)
		default:
			taken[file] = p.src
			im.res.Files["content/"+file] = File{Data: redirectFile(fromFile(file, to))}
			if to != p.redirect {
				what += ", and on to " + to
			}
			im.done(pos, "%s, which is no page of the new site: that redirect is written at its old address, %s, and the page is a draft, its text kept", what, p.oldURL)
		}
	}
}

// fromFile returns the address to, a site path ("/x/") or another
// site's, as a link from file: relative, so that it stays right under
// any base path ("/" from 2017/08/11/x.html is "../../../").
func fromFile(file, to string) string {
	if !strings.HasPrefix(to, "/") || strings.HasPrefix(to, "//") {
		return to
	}
	return cmp.Or(strings.Repeat("../", strings.Count(file, "/"))+strings.TrimPrefix(to, "/"), "./")
}

// themeLists are the layouts of a theme's pages that only listed what
// plotline lists itself (Stack's, PaperMod's and Chirpy's archives,
// search, categories and tags), each with the address of that list.
var themeLists = map[string]string{"archives": "/", "archive": "/", "search": "/", "categories": "/tags/", "tags": "/tags/"}

// themeList notes the page p, which its theme's layout made a list
// without text of its own: not imported, its old address leads to
// plotline's list, a redirect written there unless plotline's list, or
// another file, is at it.
func (im *importer) themeList(p *page, taken map[string]string) {
	layout := p.str("layout")
	to := themeLists[strings.ToLower(layout)]
	list := map[string]string{"/": "the home page, plotline's list of the articles", "/tags/": "plotline's list of tags"}[to]
	// What was noted of it as a page (its date, its title) is moot.
	im.dropNotes(p.src)
	what := fmt.Sprintf("no text of its own: its layout %s, the theme's, made the page, a list: not imported", layout)
	file, msg := content.AliasFile(p.oldURL)
	other, isTaken := taken[file]
	switch {
	case msg != "":
		im.note(p.fieldPos("layout"), "%s; its old address %s %s, and has no redirect", what, p.oldURL, msg)
	case redirectKey(p.oldURL) == to:
		im.done(p.fieldPos("layout"), "%s; its old address %s is %s", what, p.oldURL, list)
	case isTaken:
		im.note(p.fieldPos("layout"), "%s; its old address %s is taken by %s in the new site: no redirect", what, p.oldURL, other)
	default:
		taken[file] = p.src
		im.res.Files["content/"+file] = File{Data: redirectFile(fromFile(file, to))}
		im.done(p.fieldPos("layout"), "%s; its old address %s leads to %s", what, p.oldURL, list)
	}
}

// redirectKey returns the old address u as the pages are found by it:
// without a query or fragment, and with a trailing slash when it names
// no file ("/x" is "/x/").
func redirectKey(u string) string {
	u, _, _ = strings.Cut(u, "#")
	u, _, _ = strings.Cut(u, "?")
	if u != "" && !strings.HasSuffix(u, "/") && path.Ext(u) == "" {
		u += "/"
	}
	return u
}

// onOwnHost returns the site path of u, a full address on the source's
// own host under its base URL ("https://blog.example.org/x/" is "/x/"),
// and false for any other address.
func (im *importer) onOwnHost(u string) (string, bool) {
	base := strings.TrimSuffix(im.conf.baseURL, "/")
	_, b, ok1 := strings.Cut(base, "://")
	_, rest, ok2 := strings.Cut(u, "://")
	if !ok1 || !ok2 || b == "" {
		return "", false
	}
	if p, ok := strings.CutPrefix(rest, b); ok && (p == "" || strings.HasPrefix(p, "/")) {
		return "/" + strings.TrimPrefix(p, "/"), true
	}
	return "", false
}

// redirectFile returns a page that sends its reader to target at once,
// as the source's redirect did.
func redirectFile(target string) []byte {
	t := html.EscapeString(target)
	return fmt.Appendf(nil, `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Redirect</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=%s">
</head>
<body>
<p><a href="%s">%s</a></p>
</body>
</html>
`, t, t, t)
}

// byOldURL returns the published pages by their old addresses and their
// new ones ("/posts/x/").
func (im *importer) byOldURL() map[string]*page {
	byOld := map[string]*page{}
	for _, p := range im.pages {
		if p.oldURL != "" && !p.draft {
			byOld[p.oldURL] = p
			byOld["/"+p.newURL] = p
		}
	}
	return byOld
}

// netlifyRedirects reads the _redirects file the source published at
// its root, Netlify's list of redirects ("/old/ /new/ 301"): each from a
// site path to a page of the new site becomes an alias of that page, so
// that the old address answers wherever the new site is served. The
// file is copied all the same. A redirect with a placeholder (*,
// :splat), to another site, or a rewrite (200) is left to the host.
func (im *importer) netlifyRedirects() {
	f, ok := im.res.Files["content/_redirects"]
	if !ok || f.Src == "" {
		return
	}
	data, err := readFile(im.src, f.Src)
	if err != nil {
		return
	}
	byOld := im.byOldURL()
	n := 0
	for l := range bytes.Lines(data) {
		n++
		fields := strings.Fields(string(l))
		if len(fields) < 2 || strings.HasPrefix(fields[0], "#") || !strings.HasPrefix(fields[0], "/") {
			continue
		}
		from, to := fields[0], fields[1]
		if rest, ok := im.onOwnHost(to); ok {
			to = rest
		}
		if len(fields) > 2 && !strings.HasPrefix(fields[2], "30") || strings.ContainsAny(from+to, "*:") {
			continue // a rewrite, a condition, a placeholder, another site
		}
		q := byOld[redirectKey(to)]
		if q == nil {
			continue
		}
		q.fallbacks = append(q.fallbacks, from)
		im.done(diag.Pos{Path: f.Src, Line: n, Col: 1}, "a redirect of Netlify's _redirects, from %s: an alias of %s", from, q.src)
	}
}
