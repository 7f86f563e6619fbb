package importer

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// pathRules are the config keys that change how Hugo makes a path:
// disablePathToLower keeps its case, removePathAccents takes the accents
// off its letters ("é" is "e").
type pathRules struct{ keepCase, noAccents bool }

// path makes s a path as Hugo does for URLs: lower case, only letters,
// digits, marks and ./_-~+#@% kept, and a run of spaces between two of
// them one hyphen, none beside a hyphen ("a - b" is "a-b") or at the
// start of a part of the path ("/« x »-y" is "/x-y").
func (r pathRules) path(s string) string {
	if !r.keepCase {
		s = strings.ToLower(s)
	}
	if r.noAccents {
		s = norm.NFC.String(strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Mn, r) {
				return -1
			}
			return r
		}, norm.NFD.String(s)))
	}
	var b strings.Builder
	space, hyphen := false, false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r), strings.ContainsRune("./_-~+#@%", r):
			if space && r != '-' {
				b.WriteByte('-')
			}
			space, hyphen = false, r == '-'
			b.WriteRune(r)
		case unicode.IsSpace(r) && b.Len() > 0 && !hyphen && !strings.HasSuffix(b.String(), "/"):
			space = true
		}
	}
	return b.String()
}

// urlize is Hugo's urlize of a title for :title and :slug.
func (r pathRules) urlize(s string) string {
	s = r.path(strings.TrimSpace(s))
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "/", ""), "#", "")
}

// hugoURL returns the address Hugo gave the page rel (relative to
// content/), whose file name without extension is name (the folder's
// name for a page bundle). branch reports whether a folder of content/
// is a section of its own, a branch bundle with an _index file (nil: any
// folder is): a page's :sections are those of the nearest folder above
// it that is, or of the top one, as Hugo's are those of its current
// section.
func hugoURL(p *page, rel string, permalinks map[string]string, rules pathRules, branch func(dir string) bool) string {
	if u := p.str("url"); u != "" {
		return "/" + strings.TrimPrefix(u, "/")
	}
	dir := path.Dir(rel)
	file := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	bundle := file == "index"
	if bundle || file == "_index" {
		file = path.Base(dir)
		dir = path.Dir(dir)
	}
	if dir == "." {
		dir = ""
	}
	if strings.TrimSuffix(path.Base(rel), path.Ext(rel)) == "_index" {
		// A section's page, whose sections are its own path.
		sections := path.Join(dir, file)
		top, _, _ := strings.Cut(sections, "/")
		if pattern, ok := permalinks[sectionPermalink+top]; ok && sections != "." {
			return expandHugo(pattern, p, sections, top, file, rules)
		}
		return "/" + rules.path(sections) + "/"
	}
	section, _, _ := strings.Cut(dir, "/")
	pattern, ok := permalinks[section]
	if !ok && dir == "" {
		pattern, ok = permalinks["/"]
	}
	if ok {
		sections := dir
		for branch != nil && strings.Contains(pattern, ":sections") && strings.Contains(sections, "/") && !branch(sections) {
			sections = path.Dir(sections)
		}
		return expandHugo(pattern, p, sections, section, file, rules)
	}
	return "/" + rules.path(path.Join(dir, cmp.Or(p.slug, file))) + "/"
}

// expandHugo fills in Hugo's permalink pattern for page p.
func expandHugo(pattern string, p *page, dir, section, file string, rules pathRules) string {
	d := p.date
	slug := cmp.Or(p.slug, rules.urlize(p.title))
	fields := map[string]string{
		"year": fmt.Sprintf("%04d", d.Year()), "month": fmt.Sprintf("%02d", int(d.Month())),
		"monthname": d.Month().String(), "day": fmt.Sprintf("%02d", d.Day()),
		"weekday": fmt.Sprint(int(d.Weekday())), "weekdayname": d.Weekday().String(),
		"yearday": fmt.Sprint(d.YearDay()), "section": section, "sections": dir,
		"title": rules.urlize(p.title), "slug": slug, "filename": file, "contentbasename": file,
		"slugorfilename": file, "slugorcontentbasename": file,
	}
	if p.slug != "" {
		fields["slugorfilename"], fields["slugorcontentbasename"] = p.slug, p.slug
	}
	// A token that gave nothing leaves "//": "/d/:sections[1:]/" of
	// the section docs is /d/.
	u := cleanURL(rules.path("/" + strings.TrimPrefix(expand(expandSections(pattern, dir), fields), "/")))
	if !strings.HasSuffix(u, "/") && !strings.HasSuffix(u, ".html") {
		u += "/"
	}
	return u
}

// sectionsSliceRE finds Hugo's :sections with a slice of them:
// :sections[1:], :sections[last], :sections[:last], :sections[1:2].
var sectionsSliceRE = regexp.MustCompile(`:sections\[([^\]]*)\]`)

// expandSections replaces each :sections[…] of pattern with the sections
// of dir, "docs/guide/setup", that its slice selects, as Hugo does: a
// number or "last" (the index of the last one) on either side of a
// colon, or one alone for that section only; a number past the end
// selects none, and a slice it cannot read all of them.
func expandSections(pattern, dir string) string {
	var parts []string
	if dir != "" {
		parts = strings.Split(dir, "/")
	}
	index := func(s string, low bool) (int, bool) {
		switch s = strings.TrimSpace(s); {
		case s == "" && low:
			return 0, true
		case s == "":
			return len(parts), true
		case s == "last":
			return len(parts) - 1, true
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, false
		}
		return max(n, 0), true
	}
	return sectionsSliceRE.ReplaceAllStringFunc(pattern, func(m string) string {
		cut := strings.ToLower(strings.TrimSpace(sectionsSliceRE.FindStringSubmatch(m)[1]))
		lo, hi, colon := strings.Cut(cut, ":")
		if cut == "" {
			return dir
		}
		i, ok1 := index(lo, true)
		j, ok2 := i+1, true
		if colon {
			j, ok2 = index(hi, false)
		}
		switch {
		case !ok1 || !ok2:
			return dir
		case i < 0 || i >= len(parts) || j <= i:
			return ""
		}
		return strings.Join(parts[i:min(j, len(parts))], "/")
	})
}

// expand replaces each :name of pattern that fields knows, the longest
// name first: ":title.html" is :title then ".html".
func expand(pattern string, fields map[string]string) string {
	var pairs []string
	for _, name := range slices.SortedFunc(maps.Keys(fields), func(a, b string) int { return len(b) - len(a) }) {
		pairs = append(pairs, ":"+name, fields[name])
	}
	return strings.NewReplacer(pairs...).Replace(pattern)
}

// jekyllStyles are Jekyll's named permalink styles.
var jekyllStyles = map[string]string{
	"date":     "/:categories/:year/:month/:day/:title:output_ext",
	"pretty":   "/:categories/:year/:month/:day/:title/",
	"ordinal":  "/:categories/:year/:y_day/:title:output_ext",
	"weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
	"none":     "/:categories/:title:output_ext",
}

// jekyllStyle returns the pattern of the permalink style named
// permalink, or permalink itself when it names none.
func jekyllStyle(permalink string) string { return cmp.Or(jekyllStyles[permalink], permalink) }

// jekyllSlugify is Jekyll's slugify: runs of characters other than letters
// and digits (and, in pretty mode, ._~!$&'()+,;=@) become one hyphen,
// hyphens at the ends go; lower case unless cased.
func jekyllSlugify(s string, pretty, cased bool) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || pretty && strings.ContainsRune("._~!$&'()+,;=@", r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if !cased {
		out = strings.ToLower(out)
	}
	return out
}

// jekyllPostURL returns the address Jekyll gave the post p, whose file
// name without date and extension is name.
func jekyllPostURL(p *page, name, permalink string) string {
	pattern := cmp.Or(p.str("permalink"), p.permalink, jekyllStyle(cmp.Or(permalink, "date")))
	d := p.date
	title := cmp.Or(p.slug, name)
	var cats []string
	seen := map[string]bool{}
	for _, c := range p.cats {
		c = strings.ToLower(c)
		if !seen[c] {
			seen[c] = true
			cats = append(cats, c)
		}
	}
	_, week := d.ISOWeek()
	fields := map[string]string{
		"year": fmt.Sprintf("%04d", d.Year()), "short_year": fmt.Sprintf("%02d", d.Year()%100),
		"month": fmt.Sprintf("%02d", int(d.Month())), "i_month": fmt.Sprint(int(d.Month())),
		"short_month": d.Month().String()[:3], "long_month": d.Month().String(),
		"day": fmt.Sprintf("%02d", d.Day()), "i_day": fmt.Sprint(d.Day()),
		"y_day": fmt.Sprintf("%03d", d.YearDay()), "hour": fmt.Sprintf("%02d", d.Hour()),
		"minute": fmt.Sprintf("%02d", d.Minute()), "second": fmt.Sprintf("%02d", d.Second()),
		"week": fmt.Sprintf("%02d", week), "short_day": d.Weekday().String()[:3], "long_day": d.Weekday().String(),
		"title": jekyllSlugify(title, true, true), "slug": jekyllSlugify(title, false, false),
		"name": jekyllSlugify(name, false, false), "categories": strings.Join(cats, "/"),
		"output_ext": ".html",
	}
	return cleanURL(expand(pattern, fields))
}

// jekyllPageURL returns the address Jekyll gave the page at rel, relative
// to the site's root.
func jekyllPageURL(p *page, rel, permalink string) string {
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	pattern := "/:path/:basename:output_ext"
	if strings.HasSuffix(jekyllStyle(permalink), "/") {
		pattern = "/:path/:basename/"
	}
	pattern = cmp.Or(p.str("permalink"), p.permalink, pattern)
	fields := map[string]string{"path": dir, "basename": base, "output_ext": ".html", "title": base}
	return indexless(expand(pattern, fields))
}

// jekyllDocURL returns the address Jekyll gave the document p of the
// collection c, whose path in the collection's folder without its
// extension is noExt ("sub/installation"), and whose name without the
// date Jekyll read from it is undated (:title and :slug, as a post's).
func jekyllDocURL(p *page, c collection, noExt, undated string) string {
	pattern := cmp.Or(p.str("permalink"), p.permalink, c.permalink)
	name := path.Base(noExt)
	title := cmp.Or(p.slug, undated)
	d := p.date
	fields := map[string]string{
		"collection": c.name, "path": noExt, "name": jekyllSlugify(name, false, false),
		"title": jekyllSlugify(title, true, true), "slug": jekyllSlugify(title, false, false),
		"output_ext": ".html", "year": fmt.Sprintf("%04d", d.Year()),
		"month": fmt.Sprintf("%02d", int(d.Month())), "day": fmt.Sprintf("%02d", d.Day()),
	}
	return indexless(expand(pattern, fields))
}

// indexless returns the site path u of a Jekyll page or document as its
// address: its first "/index.html" is "/", and an "index/" at its end
// goes.
func indexless(u string) string {
	u = strings.Replace(u, "/index.html", "/", 1)
	if strings.HasSuffix(u, "/index/") {
		u = strings.TrimSuffix(u, "index/")
	}
	return cleanURL(u)
}

// cleanURL makes u a site path: one leading slash, no doubled slashes.
func cleanURL(u string) string {
	for strings.Contains(u, "//") {
		u = strings.ReplaceAll(u, "//", "/")
	}
	return "/" + strings.TrimPrefix(u, "/")
}

// aliases sets the aliases of p: the addresses it had in the source (its
// computed address, and those its front matter names) that differ from
// its plotline URL. An address another file of the new site takes is
// left out, with a note.
func (im *importer) aliases(p *page, taken map[string]string) {
	// A candidate is an old address and the front-matter key that gives
	// it, to note a problem at; the computed address is at the key that
	// set it, if one did. An address given twice (a url, which is also
	// the computed address) is looked at once.
	type cand struct{ addr, key string }
	var cands []cand
	if p.unpublished {
		return
	}
	if p.oldURL != "" {
		key := ""
		for _, k := range []string{"url", "permalink", "slug"} {
			if p.has(k) && !(k == "url" && im.kind == Jekyll) {
				key = k
				break
			}
		}
		cands = append(cands, cand{p.oldURL, key})
	}
	for _, k := range []string{"aliases", "redirect_from", "permalink", "url"} {
		if k == "url" && im.kind == Jekyll {
			// Data to Jekyll, a person's website: the address is the
			// permalink's.
			continue
		}
		for _, a := range p.list(k, false) {
			if p.polyLang != "" && (k == "permalink" || k == "redirect_from") && !strings.Contains(a, "://") {
				// polyglot published the page, and its redirects, under
				// its language's folder.
				if a = "/" + strings.TrimPrefix(a, "/"); !strings.HasPrefix(a, "/"+p.polyLang+"/") {
					a = "/" + p.polyLang + a
				}
			}
			if k == "url" && im.kind == Hugo && p.lang != "" && a != "" && !strings.HasPrefix(a, "/") && !strings.Contains(a, "://") {
				// A relative url of a page in a language other than the
				// default: Hugo published it under its language's
				// folder, where the default language's page of that url
				// is at the root.
				a = "/" + p.lang + "/" + a
			}
			if (k == "aliases" || k == "url") && p.lang != "" && im.conf.hosts[p.lang] != "" && strings.HasPrefix(a, "/") && !strings.HasPrefix(a, "/"+p.lang+"/") {
				// On a multihost site, Hugo published a language's pages
				// and aliases on its host, whose addresses are under its
				// folder here.
				a = "/" + p.lang + a
			}
			if k == "aliases" && !strings.HasPrefix(a, "/") && !strings.Contains(a, "://") {
				// Hugo reads an alias without a leading slash relative to
				// the page's section.
				a = path.Join(path.Dir(strings.TrimSuffix(p.oldURL, "/")), a)
				if strings.HasSuffix(a, "/") {
					a += "/"
				}
			}
			if k == "aliases" && im.kind == Hugo && a != "" && !strings.Contains(a, "://") && !strings.HasSuffix(a, "/") && !strings.HasSuffix(strings.ToLower(a), ".html") {
				// Hugo writes an alias that does not end in .html as a
				// folder's index.html: "stat545.com" of a page of
				// /project/ was /project/stat545.com/, not a file.
				a += "/"
			}
			if strings.Contains(a, ":") && (k == "permalink" || k == "url") {
				continue // a pattern, expanded into oldURL already
			}
			cands = append(cands, cand{a, k})
		}
	}
	for _, a := range p.fallbacks {
		cands = append(cands, cand{a, ""})
	}
	seen := map[string]bool{}
	looked := map[string]bool{}
	left, leftAt := 0, diag.Pos{}
	for _, c := range cands {
		a := c.addr
		if looked[a] {
			continue
		}
		looked[a] = true
		if i := strings.Index(a, "://"); i > 0 {
			// A full address: keep its path when it is on this site.
			rest := a[i+3:]
			j := strings.IndexByte(rest, '/')
			if j < 0 || !strings.Contains(im.conf.baseURL, rest[:j]) {
				im.note(p.fieldPos(c.key), "alias %q is on another site: left out", a)
				continue
			}
			a = rest[j:]
		}
		file, msg := content.AliasFile(a)
		if msg != "" {
			if file == "" && msg == "is the home page" {
				if c.key == "permalink" || c.key == "url" {
					// The page was the site's home page (academicpages'
					// about page); plotline makes its own.
					im.done(p.fieldPos(c.key), "old address / is the home page, which plotline makes (a list of the articles): this page is at /%s", p.newURL)
				}
				continue
			}
			im.note(p.fieldPos(c.key), "alias %q %s: left out", a, msg)
			continue
		}
		if file == p.newURL+"index.html" || seen[file] {
			continue
		}
		seen[file] = true
		if strings.EqualFold(file, p.newURL+"index.html") {
			// Hugo wrote /git/x/ of content/Git/x.md, where plotline
			// keeps the folder's capital; Jekyll's permalink: /R/ is
			// /r/ of R.md to plotline.
			im.note(p.fieldPos(c.key), "old address %s is the page's own, /%s, in other case: where file names ignore case (macOS, Windows) its redirect is the page's file, and a build there replaces the page with it; build on Linux, or give the page the old address's case (its folder's name, or slug:) and drop the alias", a, p.newURL)
		}
		if other, ok := taken[file]; ok {
			if other != p.src {
				im.note(diag.Pos{Path: p.src, Line: 1, Col: 1}, "old address %s is taken by %s in the new site: no redirect", a, other)
			}
			continue
		}
		if len(p.aliases) == content.MaxAliases {
			// The build refuses a page of more: keep the first, as the
			// source lists them.
			if left++; left == 1 {
				leftAt = p.fieldPos(c.key)
			}
			continue
		}
		taken[file] = p.src
		p.aliases = append(p.aliases, a)
		im.res.Aliases++
	}
	if left > 0 {
		im.note(leftAt, "%d old addresses past the first %d left out: a page has at most %d aliases, each a page of its own (add back those that links and bookmarks still use, in place of others)", left, content.MaxAliases, content.MaxAliases)
	}
}

// fieldPos returns where key is written in p's front matter, or its
// first line.
func (p *page) fieldPos(key string) diag.Pos {
	if f := p.field(key); f != nil {
		return f.pos
	}
	return diag.Pos{Path: p.src, Line: 1, Col: 1}
}
