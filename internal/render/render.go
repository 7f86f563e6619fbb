// Package render executes the site's html/template layouts and writes the
// feed, sitemap and robots.txt. Every URL it writes honours the base URL's
// path, so a site published under https://user.github.io/repo/ works as is.
package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"iter"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/words"
)

// Site is what every template sees of the site.
type Site struct {
	Title       string
	Description string
	Language    string
	// Direction is "rtl" when Language is written from right to left,
	// "" otherwise: the pages' dir attribute.
	Direction string
	// Digits is CLDR's name of the digits Language writes numbers with
	// when they are not 0 to 9 ("arab" for Arabic-Indic, "arabext" for
	// Persian), "" otherwise: the pages' data-digits attribute, by which
	// the style sheet numbers ordered lists in the same digits.
	Digits string
	// OpenGraphLocale is Language as og:locale writes it ("en_US"), ""
	// when it cannot be written so.
	OpenGraphLocale string
	Author          string
	BaseURL         string // absolute, with a trailing slash; "" when unknown
	BasePath        string // "/" or "/repo/", percent-encoded as a link writes it
	// Nav are the pages that ask to be in the site's navigation (the
	// "nav" key), in the order of their names.
	Nav []NavLink
	// HasData is set when a page of the site has data blocks, whose
	// numbers its prose and charts show: the footer then says that its
	// numbers are computed, which a site of none could not say.
	HasData bool
}

// NavLink is a page in the site's navigation.
type NavLink struct {
	Name string // what the link says: "About"
	URL  string // site path: "about/"
}

// URL returns the root-relative URL of a site path such as "articles/x/",
// percent-encoded: "articles/café menu/" is "/articles/caf%C3%A9%20menu/".
func (s *Site) URL(sitePath string) string {
	return s.BasePath + EscapePath(strings.TrimPrefix(sitePath, "/"))
}

// AbsURL returns the absolute URL of a site path, percent-encoded like
// URL, or the root-relative one when the site has no base URL.
func (s *Site) AbsURL(sitePath string) string {
	if s.BaseURL == "" {
		return s.URL(sitePath)
	}
	return strings.TrimSuffix(s.BaseURL, "/") + "/" + EscapePath(strings.TrimPrefix(sitePath, "/"))
}

// EscapePath percent-encodes a site path for a URL, leaving its slashes:
// spaces, non-ASCII letters and the characters a URL reserves are
// written as %XX.
func EscapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// Tag is a tag with the site path of its page.
type Tag struct {
	Name  string
	Slug  string
	URL   string // "tags/economy/"
	Count int
}

// FeedURL is the site path of the tag's feed, beside its list:
// "tags/economy/feed.xml" (see WriteTagFeed).
func (t Tag) FeedURL() string { return t.URL + TagFeedFile }

// Heading is an entry of an article's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Section is an entry of an article's table of contents with the
// entries under it: an h2 and the h3s that follow it.
type Section struct {
	// The heading's own fields, not an embedded Heading: a template
	// finds a promoted field only by reflect's slow search, which
	// allocates at every {{ .ID }}.
	Level int
	ID    string
	Text  string
	Sub   []Heading
}

// Source is an entry of an article's sources list; Link is set only for
// http(s) URLs.
type Source struct {
	Name string
	Link string
}

// Summary is what a list shows of an article.
type Summary struct {
	Title       string
	Description string
	URL         string
	Date        time.Time
	Updated     time.Time
	// DataDate is the date of the newest observation of the article's
	// data blocks, zero without one. The feed and the sitemap count the
	// article as updated on it when it is later than Date and Updated,
	// so that new data read from a CSV file moves them as a new
	// updated: would (Modified), and so does the page's own "Updated"
	// line.
	DataDate time.Time
	// DataForm is how DataDate is shown to readers: as its observation
	// was written, locale.LongMonthYear for a month ("June 2024"),
	// locale.Year for a year, locale.Long for a day.
	DataForm       locale.DateForm
	Author         string
	Tags           []Tag
	ReadingMinutes int
	// Excerpt is the text of the article before a <!--more--> line, for
	// lists and the feed when it has no Description; "" without one.
	Excerpt string
	// Item is the article's entry in a list: the article-item template
	// executed with this summary, once per build, however many lists
	// show the article. It is empty when the templates define no
	// article-item.
	Item template.HTML
}

// ListTags is how many of an article's tags its entry in a list shows.
// Each tag has a page that lists its articles: were every entry to show
// every tag, an article with thousands of tags would make each of those
// pages show all of them, and the site would grow with the square of the
// tags.
const ListTags = 8

// Teaser returns what lists and the feed show under an article's title:
// its Description, or else its Excerpt.
func (s *Summary) Teaser() string {
	return cmp.Or(s.Description, s.Excerpt)
}

// ListTags returns the tags an entry in a list shows: the first ListTags.
func (s *Summary) ListTags() []Tag {
	return s.Tags[:min(len(s.Tags), ListTags)]
}

// MoreTags returns how many tags the entry in a list leaves out.
func (s *Summary) MoreTags() int {
	return max(0, len(s.Tags)-ListTags)
}

// Modified returns when the article last changed: the latest of its Date,
// its Updated and its DataDate. The feed's updated, the sitemap's lastmod
// and the page's article:modified_time all give it.
func (s *Summary) Modified() time.Time {
	return slices.MaxFunc([]time.Time{s.Date, s.Updated, s.DataDate}, time.Time.Compare)
}

// ModifiedForm returns how Modified is shown to readers, for the page's
// "Updated" line ({{ longdate .Modified .ModifiedForm }}): at the grain
// of the data when the newest observation is what updated the article,
// "June 2024" of a monthly series, whose first of June is no day the
// data holds; in full otherwise. Machines are given the full date.
func (s *Summary) ModifiedForm() locale.DateForm {
	if s.DataDate.After(s.Date) && s.DataDate.After(s.Updated) {
		return s.DataForm
	}
	return locale.Long
}

// Article is an article or standalone page, rendered.
type Article struct {
	Summary
	// Params is the article's "params" front matter: the site's own keys,
	// for its templates ({{ .Article.Params.layout }}).
	Params   map[string]any
	Content  template.HTML
	Headings []Heading
	Sources  []Source
	ShowTOC  bool
}

// Sections returns the article's headings as its table of contents nests
// them: each h3 under the h2 before it. An h3 that no h2 comes before is
// an entry of its own.
func (a *Article) Sections() []Section {
	var out []Section
	for _, h := range a.Headings {
		if n := len(out); n > 0 && h.Level > out[n-1].Level {
			out[n-1].Sub = append(out[n-1].Sub, h)
			continue
		}
		out = append(out, Section{Level: h.Level, ID: h.ID, Text: h.Text})
	}
	return out
}

// Page is the data a layout executes with.
type Page struct {
	Site        *Site
	Kind        string // home, article, page, tag, tags, 404
	Title       string
	Description string
	URL         string // site path of the page
	Canonical   string
	HasChart    bool
	// Image is the page's preview image for link previews (Open Graph
	// and Twitter cards); nil for none. Its URL is absolute.
	Image    *Image
	Article  *Article
	Articles []*Summary
	Tag      *Tag
	Tags     []Tag
	Pager    *Pager // for a list split over several pages; nil otherwise
}

// Image is an image that stands for a page in link previews.
type Image struct {
	URL           string // absolute
	Type          string // "image/png"
	Width, Height int    // in pixels
	Alt           string // what it shows, for readers who cannot see it
}

// Pager says where a page of a long list sits among its pages.
type Pager struct {
	Number int    // from 1
	Total  int    // number of pages
	Prev   string // site path of the previous page ("/" for the home page), "" on the first
	Next   string // site path of the next page, "" on the last
}

// Layouts are the parsed templates of a site, one per page kind.
type Layouts struct {
	byKind map[string]*template.Template
	embed  *template.Template // templates/embed.html, with base and the partials
	item   *template.Template // article-item; nil when not defined
	chart  *template.Template // chart; nil when not defined
	// src holds the text of each template file by its path, for the
	// columns of execution errors, which the templates count in bytes.
	src map[string]string
	// shared are base.html and the partials, in the order parsed, and
	// funcs the functions they were parsed with: what an error that
	// html/template places nowhere is looked for in (see endContext).
	shared []string
	funcs  template.FuncMap
	// ends holds endContext's finding for each file and template run
	// (an endFound), which every page made with them would look for
	// again.
	ends sync.Map
	// maxOutput is the most one execution may write: MaxOutputBytes.
	maxOutput int
	// ids are what IDs returns, found once.
	ids []string
}

// Kinds are the page kinds and the template file each uses.
var Kinds = map[string]string{
	"home":    "home.html",
	"article": "article.html",
	"page":    "page.html",
	"tag":     "tag.html",
	"tags":    "tags.html",
	"404":     "404.html",
}

// PageTemplates returns the site paths of the template files plotline
// makes pages with, sorted: templates/base.html, the embed page's and
// each kind's; the partials of templates/partials/ come besides.
func PageTemplates() []string {
	files := []string{"templates/base.html", EmbedTemplate}
	for _, f := range Kinds {
		files = append(files, "templates/"+f)
	}
	slices.Sort(files)
	return files
}

// Funcs returns the template functions for a site; loc is how its
// language writes dates (locale.New of site.Language, made once for the
// build), w plotline's own words in it (made once too), asset gives the URL of a theme file (with a content hash, so
// browsers refetch it when it changes), or an error for a name that is no
// theme file. longdate writes a date in the site's language ("4. November
// 2025" in German); date writes Go's layout as it is, for machines as much
// as readers. T writes one of plotline's own words ({{ T "download_csv" }},
// {{ T "page_of" .Number .Total }}; see words.Table.Func), its numbers in
// the site's digits; Tjs gives the same text as a JavaScript string
// literal, for a script; Tlang gives the language tag a word's text is in,
// "en" when the language has no text for it; count writes a whole number
// in the site's digits, ungrouped (a tag's number of articles).
func Funcs(site *Site, loc *locale.Locale, w *words.Table, asset func(string) (string, error)) template.FuncMap {
	// A count in a sentence (5 min read, Page 2 of 7, and 9992 more) is
	// written in the language's digits, ungrouped, as it always was in
	// English.
	number := func(n int64) string { return loc.Digits(strconv.FormatInt(n, 10)) }
	key := func(name string) (words.Key, error) {
		if k, ok := w.Lookup(name); ok {
			return k, nil
		}
		return 0, fmt.Errorf("unknown key %q", name)
	}
	return template.FuncMap{
		"T": w.Func(number),
		"Tjs": func(name string) (template.JS, error) {
			k, err := key(name)
			return jsString(w.Text(k)), err
		},
		"Tlang": func(name string) (string, error) {
			k, err := key(name)
			return w.Lang(k), err
		},
		"url":     site.URL,
		"absurl":  site.AbsURL,
		"asset":   asset,
		"isodate": func(t time.Time) string { return t.Format("2006-01-02") },
		"longdate": func(t time.Time, form ...locale.DateForm) (string, error) {
			if len(form) > 1 {
				return "", fmt.Errorf("longdate takes a date and at most one form, got %d forms", len(form))
			}
			return loc.Date(t, append(form, locale.Long)[0]), nil
		},
		"date":        func(layout string, t time.Time) string { return t.Format(layout) },
		"readableurl": ReadableURL,
		"count":       func(n int) string { return number(int64(n)) },
	}
}

// jsString returns s as a JavaScript string literal in single quotes,
// with every character beyond ASCII, every control character and those
// that could end a script or a string escaped, so that it may stand in a
// script element: "Press Ctrl+C or ⌘C" is 'Press Ctrl+C or \u2318C'.
func jsString(s string) template.JS {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\\' || r == '\'' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == '<' || r == '>' || r == '&' || r > 0x7e:
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, "\\u%04x", u)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return template.JS(b.String())
}

// ReadableURL returns the address u as a reader would read it, as a
// browser's address bar shows it: the escapes of each character beyond
// ASCII decoded ("caf%C3%A9" is "café"), and every other escape (%20,
// %3F, %25, a byte of no character, an invisible or space character's)
// kept, so that what it shows still names the same page.
func ReadableURL(u string) string {
	if !strings.Contains(u, "%") {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(u); {
		// The run of escapes of bytes from 0x80 up that starts at i.
		var raw []byte
		j := i
		for j+2 < len(u) && u[j] == '%' {
			v, err := strconv.ParseUint(u[j+1:j+3], 16, 8)
			if err != nil || v < 0x80 {
				break
			}
			raw = append(raw, byte(v))
			j += 3
		}
		if len(raw) == 0 {
			b.WriteByte(u[i])
			i++
			continue
		}
		// Decode the whole characters of the run; a byte of none stays
		// escaped.
		for k := 0; k < len(raw); {
			r, size := utf8.DecodeRune(raw[k:])
			if r == utf8.RuneError && size <= 1 || !unicode.IsGraphic(r) || unicode.IsSpace(r) {
				b.WriteString(u[i+3*k : i+3*k+3*size])
			} else {
				b.Write(raw[k : k+size])
			}
			k += size
		}
		i = j
	}
	return b.String()
}

// ParseLayouts parses templates/base.html, templates/partials/*.html
// (leaving out the names sitefs.LeftOut does, such as an editor's lock
// .#footer.html), one template per kind and templates/embed.html from fsys. Errors carry the
// template's file name and line. The functions that make texts, Go's
// printf among them, refuse one longer than a page may be (see
// textFuncs).
func ParseLayouts(fsys fs.FS, funcs template.FuncMap) (*Layouts, error) {
	var diags diag.List
	if d, ok := templatesTooLarge(fsys); ok {
		diags.Add(d)
		return nil, diags.Err()
	}
	src := map[string]string{}
	l := &Layouts{byKind: map[string]*template.Template{}, src: src, maxOutput: MaxOutputBytes}
	l.funcs = l.textFuncs(funcs)
	common := template.New("").Funcs(l.funcs)
	shared := []string{"templates/base.html"}
	partials, _ := fs.Glob(fsys, "templates/partials/*.html")
	for _, p := range partials {
		if !sitefs.LeftOut(path.Base(p)) {
			shared = append(shared, p)
		}
	}
	// A template that two shared files define is the later file's: which
	// one the pages get would depend on the files' names. It is an error
	// at both, one of which may be plotline's own file.
	defined := map[string]diag.Pos{} // template name → its {{ define }}
	for _, name := range shared {
		if err := parseFile(common, fsys, name, src); err != nil {
			diags.Add(templateDiag(name, err, src[name], funcs))
			continue
		}
		at := diag.Cursor{Path: name, Src: []byte(src[name])}
		for off, def := range defines(src[name]) {
			pos := at.At(off)
			other, ok := defined[def]
			if !ok || other.Path == name {
				defined[def] = pos
				continue
			}
			const twice = "template %q is defined here and in %s, and which one the pages get depends on the files' names: define it in one file (to replace one of plotline's templates, give the file its name)"
			diags.Errorf(pos, twice, def, other.Path)
			diags.Errorf(other, twice, def, name)
		}
	}
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	l.shared = shared
	// Each page template is parsed into a copy of the shared ones, which
	// have not been executed, the one case in which Clone fails.
	parse := func(name string) *template.Template {
		t := template.Must(common.Clone())
		if err := parseFile(t, fsys, name, src); err != nil {
			diags.Add(templateDiag(name, err, src[name], funcs))
		}
		return t
	}
	for kind, file := range Kinds {
		l.byKind[kind] = parse("templates/" + file)
	}
	l.embed = parse(EmbedTemplate)
	if err := diags.Err(); err != nil {
		return nil, err
	}
	l.item = common.Lookup(ItemTemplate)
	l.chart = common.Lookup(ChartTemplate)
	l.ids = literalIDs(append(slices.Clone(shared), "templates/"+Kinds["article"], "templates/"+Kinds["page"]), src)
	// Templates that call each other whatever the data would run on
	// every page until Go's stop them 100,000 calls deep, 14 s a page.
	type run struct {
		t    *template.Template
		name string
	}
	runs := []run{{l.embed, EmbedTemplate}, {common, ItemTemplate}, {common, ChartTemplate}}
	for _, t := range l.byKind {
		runs = append(runs, run{t, "base"})
	}
	for _, r := range runs {
		if calls, at := l.callLoop(r.t, r.name, true); len(calls) > 0 {
			diags.Errorf(at, "the templates call each other in a loop that no {{ if }}, {{ range }} or {{ with }} ends, so that every page would run them until Go's templates stop 100,000 calls deep: %s", strings.Join(calls, ", "))
		}
	}
	// A {{ range }} over a large number, or templates whose calls
	// multiply, would run for hours without writing a byte: nothing
	// else stops them (see tooManySteps).
	for _, t := range append([]*template.Template{common, l.embed}, slices.Collect(maps.Values(l.byKind))...) {
		diags.Add(l.tooManySteps(t)...)
	}
	if err := diags.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// MaxTemplateSize is the size in bytes of the largest template file
// plotline reads, and MaxTemplatesSize that of all the template files of a
// site together, plotline's own among them (16 KB). The templates are
// parsed, and copied for each kind of page, whether a page calls them or
// not: 20 MB of them took 82 s and 3 GB, and the 100 MB a file of the site
// may have would fill the memory.
const (
	MaxTemplateSize  = 1 << 20
	MaxTemplatesSize = 4 << 20
)

// templatesTooLarge returns an error at the template file of fsys, in the
// order of their names, with which the templates pass MaxTemplatesSize
// together, and false when they do not. A file that parseFile refuses
// (too large, or no regular file) is not counted.
func templatesTooLarge(fsys fs.FS) (diag.Diagnostic, bool) {
	partials, _ := fs.Glob(fsys, "templates/partials/*.html")
	var total int64
	for _, name := range slices.Sorted(slices.Values(slices.Concat(PageTemplates(), partials))) {
		info, err := fs.Stat(fsys, name)
		if err != nil || !info.Mode().IsRegular() || info.Size() > MaxTemplateSize || sitefs.LeftOut(path.Base(name)) {
			continue
		}
		total += info.Size()
		if total > MaxTemplatesSize {
			msg := fmt.Sprintf("with this file the templates hold %.1f MB, more than the %d MB plotline reads of them in all: each is parsed, and copied for each kind of page, whether a page calls it or not", float64(total)/(1<<20), MaxTemplatesSize>>20)
			return diag.Diagnostic{Pos: diag.Pos{Path: name, Line: 1, Col: 1}, Message: msg}, true
		}
	}
	return diag.Diagnostic{}, false
}

// parseFile parses the template file name of fsys into t, and keeps its
// text in texts. A byte-order mark that starts the file is left out: it
// is no column of the file (see diag.At), and not to be copied into a
// page.
func parseFile(t *template.Template, fsys fs.FS, name string, texts map[string]string) error {
	src, err := sitefs.ReadFile(fsys, name, MaxTemplateSize)
	if err != nil {
		return err
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	texts[name] = string(src)
	_, err = t.New(name).Parse(string(src))
	return err
}

// templateDiag turns a template error ("template: NAME:LINE: msg") into a
// diagnostic at the template file's line. An action never closed, which
// the templates report at the end of the file, is placed at its "{{";
// src is the file's text. A function that neither Go nor funcs defines
// is named at its column, with what Hugo's function of that name is
// written as here and the functions there are.
func templateDiag(name string, err error, src string, funcs template.FuncMap) diag.Diagnostic {
	var pe *fs.PathError
	var tl *sitefs.TooLargeError
	if errors.As(err, &pe) || errors.As(err, &tl) {
		return diag.Diagnostic{Pos: diag.Pos{Path: name, Line: 1, Col: 1}, Message: sitefs.DescribeReadError(err)}
	}
	msg := err.Error()
	line := 0
	prefix := "template: " + name + ":"
	if rest, ok := strings.CutPrefix(msg, prefix); ok {
		var n int
		if _, scanErr := fmt.Sscanf(rest, "%d:", &n); scanErr == nil {
			line = n
			msg = strings.TrimSpace(rest[len(fmt.Sprint(n))+1:])
		}
	}
	if msg == "unexpected EOF" {
		if a, ok := unclosedAction(src); ok {
			return diag.Diagnostic{Pos: diag.At(name, []byte(src), a.off), Message: fmt.Sprintf("this {{ %s }} is never closed: add {{ end }} where what it holds ends", a.word)}
		}
	}
	col := 0
	if m := undefinedFuncRE.FindStringSubmatch(msg); m != nil {
		if line > 0 {
			col = funcColumn(src, line, m[1])
		}
		msg += undefinedFuncHint(m[1], funcs)
	}
	if col == 0 && line > 0 {
		col = onlyAction(src, line)
	}
	return diag.Diagnostic{Pos: diag.Pos{Path: name, Line: line, Col: col}, Message: msg}
}

// onlyAction returns the column, in characters from 1, of the "{{" of the
// one action that starts on line (from 1) of src, where the templates'
// parser names the line of a mistake but not its column: the mistake is in
// that action. It returns 0 when the line starts no action or several, or
// ends one before its "{{" (an action begun on an earlier line), where
// the mistake could be in another.
func onlyAction(src string, line int) int {
	start, end, ok := lineBounds(src, line)
	if !ok {
		return 0
	}
	text := src[start:end]
	open := strings.Index(text, "{{")
	if open < 0 || strings.Count(text, "{{") != 1 || strings.Contains(text[:open], "}}") {
		return 0
	}
	return diag.At("", []byte(src), start+open).Col
}

// undefinedFuncRE matches the templates' error for a function that no
// template function is named.
var undefinedFuncRE = regexp.MustCompile(`^function "([^"]+)" not defined$`)

// funcColumn returns the column, in characters from 1, of the first word
// fn inside an action on line (from 1) of src, or 0 when there is none.
// The word may be followed by a field of what it returns (site.Title,
// now.Year), but not be one itself (.Site.site).
func funcColumn(src string, line int, fn string) int {
	start, end, ok := lineBounds(src, line)
	if !ok {
		return 0
	}
	word := func(b byte) bool {
		return b == '_' || b == '.' || b == '$' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	}
	for i := start; i < end; {
		j := strings.Index(src[i:end], fn)
		if j < 0 {
			return 0
		}
		at := i + j
		i = at + len(fn)
		if at > 0 && word(src[at-1]) || i < len(src) && src[i] != '.' && word(src[i]) {
			continue
		}
		if open := strings.LastIndex(src[:at], "{{"); open >= 0 && strings.LastIndex(src[:at], "}}") < open {
			return diag.At("", []byte(src), at).Col
		}
	}
	return 0
}

// lineBounds returns the byte offsets in src of the start and the end
// (before its line feed) of line, counted from 1; ok is false when src
// has fewer lines.
func lineBounds(src string, line int) (start, end int, ok bool) {
	for range line - 1 {
		i := strings.IndexByte(src[start:], '\n')
		if i < 0 {
			return 0, 0, false
		}
		start += i + 1
	}
	end = len(src)
	if i := strings.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i
	}
	return start, end, true
}

// defines yields, for each {{ define }} action of src, a template, in
// order, the offset of its "{{" and the name it defines. A {{ block }},
// which gives a template a default that a {{ define }} may replace, is
// left out.
func defines(src string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for start, text := range actions(src) {
			f := strings.Fields(text)
			if len(f) < 2 || f[0] != "define" {
				continue
			}
			if n, err := strconv.Unquote(f[1]); err == nil && !yield(start, n) {
				return
			}
		}
	}
}

// action is an action of a template that a {{ end }} closes, or that
// {{ end }} itself: its first word and the offset of its "{{".
type action struct {
	word string
	off  int
}

// unclosedAction finds the action of src, a template, that no {{ end }}
// closes: the innermost left open at the end of the text. When the file's
// last action is an {{ end }} and what is left open is a {{ define }}
// around the rest, that end is taken for the define's, as writers put
// it there, and the action reported is the one inside it. It reports
// false when it finds none.
func unclosedAction(src string) (action, bool) {
	var acts []action
	for start, text := range actions(src) {
		word, _, _ := strings.Cut(text, " ")
		switch word {
		case "if", "range", "with", "define", "block", "end":
			acts = append(acts, action{word, start})
		}
	}
	open := func(acts []action) []action {
		var stack []action
		for _, a := range acts {
			if a.word != "end" {
				stack = append(stack, a)
			} else if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		return stack
	}
	stack := open(acts)
	if len(stack) == 0 {
		return action{}, false
	}
	if last := len(acts) - 1; acts[last].word == "end" && (stack[0].word == "define" || stack[0].word == "block") {
		if inner := open(acts[:last]); len(inner) > 1 {
			return inner[len(inner)-1], true
		}
	}
	return stack[len(stack)-1], true
}

// actions yields, for each action of src, a template, in order, the
// offset of its "{{" and its text without the trim markers and the
// spaces around it; it stops at an action without its "}}".
func actions(src string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := 0; ; {
			j := strings.Index(src[i:], "{{")
			if j < 0 {
				return
			}
			start := i + j
			body, end := actionBody(src, start+2)
			if end < 0 || !yield(start, strings.TrimSpace(strings.Trim(strings.TrimSpace(body), "-"))) {
				return
			}
			i = end
		}
	}
}

// actionBody returns the text of the action whose "{{" ends at from, and
// the offset past its "}}", or -1 when it has none. Quoted text and
// comments inside the action are stepped over.
func actionBody(src string, from int) (string, int) {
	for i := from; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"' || c == '\'' || c == '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' && c != '`' {
					i++
				}
			}
		case strings.HasPrefix(src[i:], "/*"):
			k := strings.Index(src[i:], "*/")
			if k < 0 {
				return "", -1
			}
			i += k + 1
		case strings.HasPrefix(src[i:], "}}"):
			return src[from:i], i + 2
		}
	}
	return "", -1
}

// ItemTemplate is the template that renders one article of a list; its
// output is Summary.Item.
const ItemTemplate = "article-item"

// ExecuteItem renders s with the article-item template into w, and writes
// nothing when the templates define none.
func (l *Layouts) ExecuteItem(w io.Writer, s *Summary) error {
	if l.item == nil {
		return nil
	}
	return l.execute(l.item, w, l.item.Name(), s, "")
}

// literalID finds an id="…" or id='…' written in a template as it is,
// with no action inside it.
var literalID = regexp.MustCompile(`\sid=(?:"([^"{}]+)"|'([^'{}]+)')`)

// IDs returns, sorted and each once, the ids the templates write as they
// are (base.html's id="main"), which a page's own headings must not take:
// those of base.html, the partials and the templates of the pages with
// Markdown of their own, articles and pages. It returns nil for nil, the
// templates of a build that could not parse them.
func (l *Layouts) IDs() []string {
	if l == nil {
		return nil
	}
	return l.ids
}

// literalIDs finds the ids IDs returns in the template files names, whose
// text src holds.
func literalIDs(names []string, src map[string]string) []string {
	var ids []string
	for _, name := range names {
		for _, m := range literalID.FindAllStringSubmatch(src[name], -1) {
			ids = append(ids, m[1]+m[2])
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// ChartTemplate is the template that renders the figure of a chart,
// defined by templates/partials/chart.html.
const ChartTemplate = "chart"

// ExecuteChart renders the figure of a chart with the chart template into
// w; v is what package chart says of the chart (a chart.View).
func (l *Layouts) ExecuteChart(w io.Writer, v any) error {
	if l.chart == nil {
		return fmt.Errorf("the templates define no %q template (the default is in templates/partials/chart.html)", ChartTemplate)
	}
	return l.execute(l.chart, w, l.chart.Name(), v, "")
}

// EmbedTemplate is the file of the embed page's template: a whole HTML
// document, which may use the partials.
const EmbedTemplate = "templates/embed.html"

// Embed is what templates/embed.html executes with: one chart of an
// article, on a page of its own that other sites show in an iframe.
type Embed struct {
	Site *Site
	// Title is the chart's title, or the article's when the chart has
	// none.
	Title   string
	Article *Summary // the article the chart is drawn in
	// ArticleURL is the article's absolute URL, or its root-relative one
	// when the site has no base URL.
	ArticleURL string
	URL        string // site path of the embed page
	Chart      any    // what the chart partial shows (a chart.View)
}

// ExecuteEmbed renders the embed page e with templates/embed.html into w.
func (l *Layouts) ExecuteEmbed(w io.Writer, e *Embed) error {
	return l.execute(l.embed, w, EmbedTemplate, e, EmbedTemplate)
}

// execErrorRE matches what text/template and html/template say of a
// template that failed to run: "template: templates/x.html:12:5: executing
// ..." or "html/template:templates/x.html:12:5: ...".
var execErrorRE = regexp.MustCompile(`(?s)^(?:template: |html/template:)(.+?):(\d+):(\d+): (.*)$`)

// ExecError is an error of a template's execution, as the Execute methods
// of Layouts return it: where in the template file it is, its column
// counted in characters, and the templates' own error.
type ExecError struct {
	Diag diag.Diagnostic
	Err  error
}

// Error returns the diagnostic as text.
func (e *ExecError) Error() string { return e.Diag.String() }

// Unwrap returns the templates' own error.
func (e *ExecError) Unwrap() error { return e.Err }

// execError returns err, an error of executing the templates, as an
// *ExecError whose column counts characters of the template's line, not
// bytes as the templates do; any other error as it is. file is the
// template file parsed over the shared ones for what was executed (a
// kind's, or the embed page's), "" for none; data is what it ran with,
// whose fields a field that does not exist is told with (withHint).
func (l *Layouts) execError(err error, file string, data any) error {
	if d, ok := l.endContext(err, file); ok {
		return &ExecError{Diag: d, Err: err}
	}
	d, ok := execDiag(err)
	if !ok {
		return err
	}
	if src, ok := l.src[d.Pos.Path]; ok && d.Pos.Line > 0 {
		d.Pos.Col = charColumn(src, d.Pos.Line, d.Pos.Col-1)
	}
	d.Message = withHint(d.Message, data)
	m := noTemplateRE.FindStringSubmatch(d.Message)
	if m != nil && !strings.Contains(m[1], "/") {
		// A site's partial that replaces the default one but does not
		// define its template: the mistake is in the partial, not in the
		// template that calls it, which the site may not have.
		file := "templates/partials/" + m[1] + ".html"
		if _, ok := l.src[file]; ok {
			return &ExecError{Diag: diag.Diagnostic{
				Pos:     diag.Pos{Path: file, Line: 1, Col: 1},
				Message: fmt.Sprintf("defines no template %q, which %s uses: wrap it in {{ define %q }}…{{ end }}", m[1], d.Pos, m[1]),
			}, Err: err}
		}
	}
	if m != nil {
		d.Message += l.templateHint(m[1])
	}
	return &ExecError{Diag: d, Err: err}
}

// noTemplateRE matches the error of a {{ template "name" }} whose template
// no file defines; the name may be a file's path.
var noTemplateRE = regexp.MustCompile(`^no such template "([^"]+)"$`)

// charColumn returns the column, from 1 in characters, of the byte
// offset col (from 0) into line (from 1) of src.
func charColumn(src string, line, col int) int {
	start, end, ok := lineBounds(src, line)
	if !ok {
		return col + 1
	}
	return utf8.RuneCountInString(src[start:min(start+col, end)]) + 1
}

// ExecDiag turns an error of a template's execution (a missing field, a
// function that failed, an action html/template cannot escape) into a
// diagnostic at the template's file, line and column. It reports false
// for any other error.
func ExecDiag(err error) (diag.Diagnostic, bool) {
	if e, ok := errors.AsType[*ExecError](err); ok {
		return e.Diag, true
	}
	return execDiag(err)
}

// execDiag is ExecDiag for an error the templates returned, its column
// counted in bytes.
func execDiag(err error) (diag.Diagnostic, bool) {
	var msg string
	var ee texttemplate.ExecError
	var he *template.Error
	switch {
	case errors.As(err, &ee):
		msg = ee.Err.Error()
	case errors.As(err, &he):
		msg = he.Error()
	default:
		return diag.Diagnostic{}, false
	}
	m := execErrorRE.FindStringSubmatch(msg)
	if m == nil {
		return diag.Diagnostic{}, false
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3]) // the templates count bytes from 0
	return diag.Diagnostic{Pos: diag.Pos{Path: m[1], Line: line, Col: col + 1}, Message: m[4]}, true
}

// Execute renders page p with its kind's layout into w.
func (l *Layouts) Execute(w io.Writer, p *Page) error {
	t, ok := l.byKind[p.Kind]
	if !ok {
		return fmt.Errorf("no layout for page kind %q", p.Kind)
	}
	return l.execute(t, w, "base", p, "templates/"+Kinds[p.Kind])
}
