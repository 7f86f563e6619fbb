package importer

import (
	"cmp"
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// polyglot is what a Jekyll site's config says of jekyll-polyglot, the
// plugin that builds the site once for each of its languages, the
// default language's at the root and each other's under /LANG/.
type polyglot struct {
	def   string   // the default language, "en"
	langs []string // the other languages, as the config writes them: "es", "pt-BR"
	// exclude are the folders and files of exclude_from_localization,
	// which polyglot published for the default language only.
	exclude []string
	// segment matches a segment of an address that names one of langs,
	// "/es/" or ".es/".
	segment *regexp.Regexp
	// translated holds the old address of each page of a language other
	// than the default, "/es/about/".
	translated map[string]bool
	// refused are the languages of the config that are no language code
	// ("../../x", "a/b", ".git", "index.html") or name a folder plotline
	// keeps for its own pages ("tags"), under which their pages would be
	// written: they are not taken for languages.
	refused []string
}

// readPolyglot reads the config of jekyll-polyglot, when the site's
// plugins name it, and returns nil otherwise.
func readPolyglot(conf map[string]any) *polyglot {
	list, _ := lookup(conf, "languages").([]any)
	if !hasPlugin(conf, "jekyll-polyglot") || len(list) == 0 {
		return nil
	}
	pl := &polyglot{def: cmp.Or(lookupString(conf, "default_lang"), "en"), translated: map[string]bool{}}
	var alts []string
	for _, l := range list {
		s, ok := l.(string)
		if ok && !languageCode(s) {
			pl.refused = append(pl.refused, s)
			continue
		}
		if ok && !strings.EqualFold(s, pl.def) {
			pl.langs = append(pl.langs, s)
			alts = append(alts, regexp.QuoteMeta(s))
		}
	}
	pl.segment = regexp.MustCompile(`[/.](?:` + strings.Join(alts, "|") + `)[/.]`)
	pl.exclude = lookupPaths(conf, "exclude_from_localization")
	return pl
}

// languageCodeRE matches a language code as polyglot's languages are
// written: letters and digits, in parts joined by hyphens ("pt-BR") or
// underscores ("zh_CN").
var languageCodeRE = regexp.MustCompile(`^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$`)

// languageCode reports whether s, a language of polyglot's config, is a
// language code that may name the folder its pages are imported under.
// A name that is none was taken for a folder as it was: ".git",
// ".plotline" and "..." hold pages the build leaves out, "index.html"
// one it cannot make, "tags" and "theme" pages whose addresses plotline
// keeps for its own, and "../../x" one outside the new site.
func languageCode(s string) bool {
	return languageCodeRE.MatchString(s) && !strings.EqualFold(s, "tags") && !strings.EqualFold(s, "theme")
}

// entryPos returns where in the YAML text data the top-level key's list
// holds the item value (of the key's last entry, which is the one read),
// or the key itself when its list does not hold it, or the start of the
// file when there is no such key.
func entryPos(name string, data []byte, key, value string) diag.Pos {
	pos := diag.Pos{Path: name}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return pos
	}
	root := doc.Content[0].Content
	for k := 0; k+1 < len(root); k += 2 {
		if root[k].Value != key {
			continue
		}
		pos = diag.Pos{Path: name, Line: root[k].Line, Col: root[k].Column}
		for _, e := range root[k+1].Content {
			if e.Kind == yaml.ScalarNode && e.Value == value {
				pos = diag.Pos{Path: name, Line: e.Line, Col: e.Column}
				break
			}
		}
	}
	return pos
}

// langOf returns the language of the page p as polyglot reads it: its
// front matter's lang, in the config's case, or the default one; and
// false for a lang the config does not list, whose page polyglot leaves
// out.
func (pl *polyglot) langOf(p *page) (string, bool) {
	l := strings.TrimSpace(p.str("lang"))
	if l == "" || strings.EqualFold(l, pl.def) {
		return pl.def, true
	}
	if k := slices.IndexFunc(pl.langs, func(c string) bool { return strings.EqualFold(c, l) }); k >= 0 {
		return pl.langs[k], true
	}
	return l, false
}

// plain returns the address u without the segments that name a language,
// "/about.es/" as "/about/", as polyglot matches a page with its
// translations.
func (pl *polyglot) plain(u string) string {
	if len(pl.langs) == 0 {
		return u
	}
	return pl.segment.ReplaceAllString(u, "/")
}

// polyglotPages places the pages of a jekyll-polyglot site's languages
// other than the default under a folder of their code, "content/es/",
// each at its old address under "/es/", and gives each page of the
// default language the addresses polyglot published it at under each
// other language that has no translation of it (its fallback).
func (im *importer) polyglotPages(confName string) {
	pl := im.conf.polyglot
	if pl == nil {
		return
	}
	type key struct{ lang, id string }
	have := map[key]bool{}
	langOf := map[*page]string{}
	count := map[string]int{}
	for _, p := range im.pages {
		lang, ok := pl.langOf(p)
		if !ok && slices.Contains(pl.refused, lang) {
			// polyglot published it under a folder of that name, which
			// the new site cannot have; under the default language it
			// would be a page at an address the old site never had.
			p.draft, p.unpublished = true, true
			im.done(p.fieldPos("lang"), "lang %q is no language code (see the config's languages): imported as a draft, its text kept; polyglot wrote it under the folder /%s/, which the new site cannot have", lang, lang)
			continue
		}
		if !ok {
			p.draft, p.unpublished = true, true
			im.done(p.fieldPos("lang"), "lang %q is none of the site's languages, and polyglot published no page of it: imported as a draft, its text kept", lang)
			continue
		}
		id := cmp.Or(p.str("page_id"), pl.plain(p.oldURL))
		have[key{lang, id}] = true
		langOf[p] = lang
		// The language's code goes from the file's name, about.es.md
		// (about.en.md too), and from its folders, _posts/es/.
		var parts []string
		for s := range strings.SplitSeq(strings.TrimPrefix(p.dest, "content/"), "/") {
			if lang == pl.def || !strings.EqualFold(s, lang) {
				parts = append(parts, s)
			}
		}
		file := parts[len(parts)-1]
		stem := strings.TrimSuffix(file, ".md")
		if ext := path.Ext(stem); strings.EqualFold(ext, "."+lang) {
			parts[len(parts)-1] = strings.TrimSuffix(stem, ext) + ".md"
		}
		dir := "content/"
		if lang != pl.def {
			count[lang]++
			p.polyLang = lang
			p.oldURL = "/" + lang + pl.plain(p.oldURL)
			pl.translated[p.oldURL] = true
			dir += lang + "/"
		}
		p.dest = dir + strings.Join(parts, "/")
		p.newURL = newURL(p.dest, p.slug)
	}
	fallbacks := 0
	for _, p := range im.pages {
		if langOf[p] != pl.def || pl.excluded(p.src) {
			continue
		}
		id := cmp.Or(p.str("page_id"), pl.plain(p.oldURL))
		for _, l := range pl.langs {
			if !have[key{l, id}] {
				p.fallbacks = append(p.fallbacks, "/"+l+p.oldURL)
				fallbacks++
			}
		}
	}
	for _, l := range pl.langs {
		if n := count[l]; n > 0 {
			im.done(diag.Pos{Path: confName}, "jekyll-polyglot: %d %s of language %s imported under content/%s/, each at its old /%s/ address", n, plural(n, "page", "pages"), l, l, l)
		}
	}
	if fallbacks > 0 {
		im.done(diag.Pos{Path: confName}, "jekyll-polyglot: %d addresses under another language's folder at which polyglot published a page of the default language %s, having no translation of it, redirect to that page", fallbacks, pl.def)
	}
}

// excluded reports whether exclude_from_localization names the source
// file src or a folder above it.
func (pl *polyglot) excluded(src string) bool {
	return slices.ContainsFunc(pl.exclude, func(e string) bool { return src == e || strings.HasPrefix(src, e+"/") })
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
