package importer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/yamlpos"
)

// page is one Markdown page of the source on its way to the new site.
type page struct {
	// preview is the image: of the new page, its link preview image,
	// a file relative to it, when the source named one its own way.
	preview string

	src     string // slash path in the source
	dest    string // slash path in the new site, "content/posts/x.md"
	source  []byte // the whole source file
	toml    bool   // the front matter is TOML
	fields  []field
	body    []byte
	bodyOff int // offset of body in source

	// rel is the path of a Hugo page in its content folder, without the
	// language of its file name: "posts/p/index.md" for
	// "content/posts/p/index.es.md".
	rel string
	// lang is the language of a page of a multilingual Hugo site other
	// than the default, "es"; filesDir is the folder of the new site
	// that holds the files beside its source, "content/posts/p".
	lang, filesDir string
	// html is set on a Hugo page written in HTML (blogdown's
	// index.html), whose body is published as it is.
	html bool
	// foldKeys is set on a Hugo page, whose front-matter keys Hugo
	// reads in any case.
	foldKeys bool

	title  string
	date   time.Time
	slug   string
	post   bool // an article; otherwise type: page
	draft  bool
	cats   []string // Jekyll: categories, for :categories
	oldURL string   // the address the source gave the page, "/2014/12/23/hub.html"
	newURL string   // the page's plotline URL, "posts/hub/"
	// permalink is the permalink the defaults: of a Jekyll config give
	// the page, which its own permalink: outweighs (Chirpy's
	// "/posts/:title/"), or "".
	permalink string
	// setDate is the date the importer gives a page that names none.
	setDate time.Time
	aliases []string // old addresses, as written in aliases:
	// polyLang is the language of a page of a jekyll-polyglot site other
	// than the default, under whose /LANG/ polyglot published it; and
	// fallbacks the addresses under other languages at which it published
	// a page of the default language that has no translation.
	polyLang  string
	fallbacks []string
	// unpublished is set for a page the source published no page of,
	// which has no old address to keep.
	unpublished bool
	// redirect is the address a Jekyll page was published as a redirect
	// to, by jekyll-redirect-from's redirect_to or by a layout that is
	// only a refresh to a value of the page ({{ page.redirect_url }});
	// redirectKey is the front matter key that names it.
	redirect, redirectKey string

	// section is set on a Hugo section's page (_index.md), which lists
	// the pages of its folder; taxonomy on the page of a tag or category,
	// or of all of them, which plotline's own lists stand for.
	section, taxonomy bool
	// term is set on the page of a term of another taxonomy than tags
	// and categories, a section page that lists the pages naming the
	// term: the taxonomy's name, "authors". termTitle is set while the
	// page waits for its title, the term as its pages write it.
	term      string
	termTitle bool

	converted []byte // the body, converted (convertBody)
	// includeDepth is set on the text of a Jekyll include converted as
	// part of a page: how deep in includes it is.
	includeDepth int
	// included counts the includes converted into the page so far,
	// shared by the page and the includes in it (see maxIncludes); nil
	// until the page takes in its first.
	included  *includeCount
	fragments []fragmentLink // the links with a #fragment in converted
}

// field is one front-matter key and its value.
type field struct {
	key string
	val *yaml.Node
	pos diag.Pos
}

// keys returns the names a ref, link or post_url may give p by.
func (p *page) keys() []string {
	rel := strings.TrimPrefix(p.src, "content/")
	noExt := strings.TrimSuffix(rel, path.Ext(rel))
	base := path.Base(noExt)
	keys := []string{p.src, rel, noExt, base, path.Base(rel)}
	if p.rel != "" && p.rel != rel {
		// A Hugo page by its path in its content folder, as ref names
		// it: "posts/p/index.md" for "content/en/posts/p/index.es.md".
		rel = p.rel
		noExt = strings.TrimSuffix(rel, path.Ext(rel))
		base = path.Base(noExt)
		keys = append(keys, rel, noExt, base, path.Base(rel))
	}
	if sub, ok := strings.CutPrefix(noExt, "_posts/"); ok && sub != base {
		// {% post_url notes/2012-08-31-name %}: a post in a folder of
		// _posts is named with the folder.
		keys = append(keys, sub)
	}
	if base == "index" || base == "_index" {
		keys = append(keys, path.Dir(rel), path.Base(path.Dir(rel)))
	}
	return keys
}

// rootKeys returns the keys of p that are its path from the content
// folder ("faq", "faq/index.md" for content/faq/index.md), without those
// of its name alone, which pages in other folders may share.
func (p *page) rootKeys() []string {
	var keys []string
	for _, rel := range []string{strings.TrimPrefix(p.src, "content/"), p.rel} {
		if rel == "" {
			continue
		}
		noExt := strings.TrimSuffix(rel, path.Ext(rel))
		keys = append(keys, rel, noExt)
		if base := path.Base(noExt); base == "index" || base == "_index" {
			keys = append(keys, path.Dir(rel))
		}
	}
	return keys
}

// readPage splits the source file at p into front matter and body and
// decodes the front matter. A file without front matter returns false;
// Hugo's JSON front matter, an object the file starts with, is read as
// the YAML it also is.
func (im *importer) readPage(src string, data []byte) (*page, bool) {
	p := &page{src: src, source: data, foldKeys: im.kind == Hugo}
	fm, fmLine, bodyOff, format, ok := splitFrontMatter(data)
	if n, lines := blankLead(data); !ok && im.kind == Hugo && n > 0 {
		// Hugo skips blank lines before the front matter.
		if f, l, b, form, found := splitFrontMatter(data[n:]); found {
			fm, fmLine, bodyOff, format, ok = f, l+lines, b+n, form, true
		}
	}
	json := false
	if !ok && im.kind == Hugo {
		fm, bodyOff, ok = jsonFrontMatter(data)
		fmLine, json = 1, true
	}
	if !ok {
		return nil, false
	}
	p.body, p.bodyOff, p.toml = data[bodyOff:], bodyOff, format == '+'
	var err error
	deep := 0 // the line where TOML front matter nests too deep
	if p.toml {
		if deep = yamlpos.TOMLTooDeep(fm, yamlpos.MaxTOMLDepth); deep == 0 {
			p.fields, err = tomlFields(fm, src, fmLine)
		}
	} else {
		p.fields, err = yamlFields(fm, src, fmLine)
	}
	if err != nil || deep > 0 {
		// The decoder's error, at the line and column of the file.
		t := yamlpos.New(src, fm, fmLine)
		var pos diag.Pos
		var msg string
		switch {
		case deep > 0:
			pos, msg = t.Pos(deep, 1), fmt.Sprintf("nested more than %d levels deep", yamlpos.MaxTOMLDepth)
		case p.toml:
			pos, msg = t.TOMLError(err)
		default:
			pos, msg = t.Error(err)
		}
		im.note(pos, "front matter could not be read (%s): written as it is", msg)
		p.fields = nil
		p.body, p.bodyOff = data, 0
		return p, true
	}
	if !p.toml {
		im.laterKeys(p, json)
	}
	im.mendText(p)
	p.title = p.str("title")
	p.slug = p.str("slug")
	p.draft = p.bool("draft") || p.has("published") && !p.bool("published")
	if d := p.str("date"); d != "" {
		p.date, _ = parseDate(d)
	}
	return p, true
}

// laterKeys leaves out of p's YAML (or JSON) front matter each key that
// a later line gives again, with a note at the later one: the last value
// is the page's, as Hugo's YAML reader before Hugo 0.152 (yaml.v2), and
// its JSON reader, and Jekyll's (Psych) took it. Hugo 0.152 and later
// refuse such front matter ("mapping key already defined"), and so fail
// the build: the site was published with the last value.
func (im *importer) laterKeys(p *page, json bool) {
	last := map[string]int{}
	for k, f := range p.fields {
		last[f.key] = k
	}
	if len(last) == len(p.fields) {
		return
	}
	kept := p.fields[:0:0]
	for k, f := range p.fields {
		if l := last[f.key]; l != k {
			later := p.fields[slices.IndexFunc(p.fields[k+1:], func(g field) bool { return g.key == f.key })+k+1]
			how := "as Jekyll read it"
			switch {
			case im.kind == Hugo && json:
				how = "as Hugo reads JSON"
			case im.kind == Hugo:
				how = "as Hugo read it before 0.152, which refuses a key given twice"
			}
			im.done(later.pos, "front matter key %s given again (first at line %d): the later value is kept, %s", f.key, f.pos.Line, how)
			continue
		}
		kept = append(kept, f)
	}
	p.fields = kept
}

// mendText mends p's front-matter values, but for its old addresses,
// which keep every character they have: each byte order mark (U+FEFF),
// which a spreadsheet's cells leave behind and the source showed as
// nothing, is left out (yaml.v3 would write a value that holds one as a
// row of \x escapes), and a value that spells UTF-8 one byte a character
// is read as that UTF-8 (see yamlpos.SpeltUTF8). A note at each key says what
// changed.
func (im *importer) mendText(p *page) {
	for _, f := range p.fields {
		if slices.ContainsFunc([]string{"permalink", "url", "aliases", "redirect_from"}, func(k string) bool { return p.is(f.key, k) }) {
			continue
		}
		var boms bool
		spelt := map[string]string{}
		mendScalars(f.val, func(v string) string {
			if strings.ContainsRune(v, '\uFEFF') {
				v, boms = strings.ReplaceAll(v, "\uFEFF", ""), true
			}
			return yamlpos.SpeltUTF8(v, spelt)
		})
		if boms {
			im.done(f.pos, "%s: the character U+FEFF, a byte order mark, which shows as nothing: left out", f.key)
		}
		for _, from := range slices.Sorted(maps.Keys(spelt)) {
			im.done(f.pos, "%s: %+q, the bytes of %s in UTF-8 read one a character (as a WordPress export writes them, \\x escapes in YAML), which the source showed as %d characters: written %s", f.key, from, spelt[from], utf8.RuneCountInString(from), spelt[from])
		}
	}
}

// mendScalars replaces the value of each scalar in n, or below it, by
// what fix makes of it.
func mendScalars(n *yaml.Node, fix func(string) string) {
	if n.Kind == yaml.ScalarNode {
		n.Value = fix(n.Value)
	}
	for _, c := range n.Content {
		mendScalars(c, fix)
	}
}

// splitFrontMatter finds the front matter of src between "---" or "+++"
// lines: its text, the line it starts on, and where the body starts.
func splitFrontMatter(src []byte) (fm []byte, line, bodyOff int, format byte, ok bool) {
	s := bytes.TrimPrefix(src, []byte("\ufeff"))
	bom := len(src) - len(s)
	line1, rest, found := bytes.Cut(s, []byte("\n"))
	first := bytes.TrimRight(line1, " \t\r")
	if !found || (string(first) != "---" && string(first) != "+++") {
		return nil, 0, 0, 0, false
	}
	fence := string(first)
	off := bom + len(line1) + 1 // "+++\r\n" of a file saved on Windows too
	start := off
	for len(rest) > 0 {
		l, r, _ := bytes.Cut(rest, []byte("\n"))
		next := off + len(l) + 1
		if t := string(bytes.TrimRight(l, " \t\r")); t == fence || (fence == "---" && t == "...") {
			return src[start:off], 2, min(next, len(src)), fence[0], true
		}
		off, rest = next, r
	}
	return nil, 0, 0, 0, false
}

// blankLead returns how many bytes of blank lines src starts with, which
// Hugo skips before a page's front matter (Jekyll does not), and how many
// lines they are.
func blankLead(src []byte) (n, lines int) {
	for n < len(src) {
		l, _, found := bytes.Cut(src[n:], []byte("\n"))
		if !found || len(bytes.Trim(l, " \t\r")) > 0 {
			break
		}
		n += len(l) + 1
		lines++
	}
	return n, lines
}

// jsonFrontMatter finds the JSON object src starts with, as Hugo reads
// front matter: its text, and where the body starts (the line after the
// object's closing brace).
func jsonFrontMatter(src []byte) (fm []byte, bodyOff int, ok bool) {
	s := bytes.TrimPrefix(src, []byte("\ufeff"))
	if len(s) == 0 || s[0] != '{' {
		return nil, 0, false
	}
	start := len(src) - len(s)
	dec := json.NewDecoder(bytes.NewReader(s))
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		return nil, 0, false
	}
	end := start + int(dec.InputOffset())
	bodyOff = end
	if line, _, _ := bytes.Cut(src[end:], []byte("\n")); len(bytes.TrimSpace(line)) == 0 {
		bodyOff = min(end+len(line)+1, len(src))
	}
	// JSON is YAML but for one escape, \/, which the YAML reader lacks.
	// A backslash of valid JSON is in a string, before the character it
	// escapes.
	fm = make([]byte, 0, end-start)
	for i := start; i < end; i++ {
		if src[i] == '\\' && i+1 < end {
			if src[i+1] != '/' {
				fm = append(fm, '\\')
			}
			i++
		}
		fm = append(fm, src[i])
	}
	return fm, bodyOff, true
}

func yamlFields(fm []byte, src string, line int) ([]field, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("not a mapping")
	}
	var fs []field
	for k, v := range yamlpos.Pairs(root) {
		if v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		fs = append(fs, field{key: k.Value, val: v, pos: diag.Pos{Path: src, Line: line - 1 + k.Line, Col: k.Column}})
	}
	return fs, nil
}

func tomlFields(fm []byte, src string, line int) ([]field, error) {
	var m map[string]any
	md, err := toml.Decode(string(fm), &m)
	if err != nil {
		return nil, err
	}
	var fs []field
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue
		}
		fs = append(fs, field{key: k[0], val: toNode(m[k[0]]), pos: diag.Pos{Path: src, Line: line, Col: 1}})
	}
	return fs, nil
}

// seqNode is toNode for a list (of texts, a list of their scalars).
func seqNode[T any](v []T) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, x := range v {
		n.Content = append(n.Content, toNode(x))
	}
	return n
}

// toNode turns a decoded TOML value into a YAML node, dates tagged
// !!timestamp.
func toNode(v any) *yaml.Node {
	switch v := v.(type) {
	case string:
		return scalar(v)
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v, 10)}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(v, 'g', -1, 64)}
	case time.Time:
		// As written, never with this machine's offset.
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: content.TOMLTime(v)}
	case []any:
		return seqNode(v)
	case []map[string]any:
		return seqNode(v)
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			n.Content = append(n.Content, scalar(k), toNode(v[k]))
		}
		return n
	}
	return scalar(fmt.Sprint(v))
}

// fromNode turns a YAML node back into a value the TOML encoder writes.
func fromNode(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return fromNode(n.Alias)
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, fromNode(c))
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		for k, v := range yamlpos.Pairs(n) {
			out[k.Value] = fromNode(v)
		}
		return out
	}
	switch n.ShortTag() {
	case "!!bool":
		b, _ := strconv.ParseBool(n.Value)
		return b
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return i
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	case "!!timestamp":
		if t, err := time.Parse(time.RFC3339, n.Value); err == nil {
			return t
		}
	}
	return n.Value
}

func scalar(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// field returns the front-matter field key, nil when the page has none;
// a Hugo page's keys are read in any case, as Hugo reads them ("Title:"
// is the title), the key written as asked for first.
func (p *page) field(key string) *field {
	k := slices.IndexFunc(p.fields, func(f field) bool { return f.key == key })
	if k < 0 {
		k = slices.IndexFunc(p.fields, func(f field) bool { return p.is(f.key, key) })
	}
	if k < 0 {
		return nil
	}
	return &p.fields[k]
}

// get returns the value of the front-matter key key (see field), nil
// when the page has none.
func (p *page) get(key string) *yaml.Node {
	if f := p.field(key); f != nil {
		return f.val
	}
	return nil
}

// is reports whether the front-matter key k, as written, is key: on a
// Hugo page in any case, on a Jekyll page as written.
func (p *page) is(k, key string) bool {
	return k == key || p.foldKeys && strings.EqualFold(k, key)
}

func (p *page) has(key string) bool { return p.get(key) != nil }

// str returns the value of key as text, "" when it is absent or not a
// scalar.
func (p *page) str(key string) string {
	n := p.get(key)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *page) bool(key string) bool {
	b, _ := strconv.ParseBool(p.str(key))
	return b
}

// list returns the value of key as a list of words: a YAML or TOML list,
// or a text of words separated by spaces (Jekyll's form) when split is
// set, or else one word.
func (p *page) list(key string, split bool) []string {
	n := p.get(key)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" || strings.TrimSpace(n.Value) == "" {
			return nil
		}
		if split {
			return strings.Fields(n.Value)
		}
		return []string{strings.TrimSpace(n.Value)}
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind == yaml.AliasNode {
				c = c.Alias
			}
			if c.Kind == yaml.ScalarNode && strings.TrimSpace(c.Value) != "" && c.ShortTag() != "!!null" {
				out = append(out, strings.TrimSpace(c.Value))
			}
		}
		return out
	}
	return nil
}

// dateLayouts are the forms of dates the generators read that plotline
// may not (content.ParseDate reads its own, a fraction of a second after
// the seconds too): they are rewritten as RFC 3339.
var dateLayouts = []string{
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05-0700",
	"2006-01-02 15:04:05-07:00",
	// What else Hugo reads (through spf13/cast): the RFC forms of mail
	// and feeds, and a day written out.
	time.RFC1123Z,
	time.RFC1123,
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"02 Jan 2006",
	"2 January 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	// Ruby's parser, with which Jekyll reads a date, also takes the
	// day first with a comma before the year, as knitr writes it in an
	// R Markdown post's date ('%d %B, %Y').
	"2 January, 2006",
	"2 Jan, 2006",
}

// typedBraces returns s, a title or a description that the source showed
// as typed, with each {{ written \{{, which plotline shows as two braces
// where it would read a value.
func typedBraces(s string) string { return strings.ReplaceAll(s, "{{", `\{{`) }

// parseDate reads a date as plotline does, or in one of the other forms
// the generators accept. A date without an offset, or with a zone's name
// other than UTC or GMT (PST; IST names three zones), is read at its
// clock time in UTC, as Hugo reads it by default: time.Parse would read
// it in the importing machine's zone, and its day, with the old address
// a permalink pattern makes of it, would depend on that machine.
//
// A month or a day written with one digit, 2014-1-21 09:30:00 +0100, as
// Ruby's parser reads it, is read with its zero.
func parseDate(s string) (time.Time, bool) {
	if m := shortDayRE.FindStringSubmatch(s); m != nil {
		s = fmt.Sprintf("%s-%02s-%02s%s", m[1], m[2], m[3], m[4])
	}
	if t, err := content.ParseDate(s); err == nil {
		return t, true
	}
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
			return content.OwnOffset(t), true
		}
	}
	return time.Time{}, false
}

// shortDayRE matches a date whose month or day has one digit, and what
// follows it.
var shortDayRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?$`)

// render writes the page's new front matter and its converted body.
func (im *importer) render(p *page) []byte {
	var out []field
	add := func(key string, v *yaml.Node) { out = append(out, field{key: key, val: v}) }
	params := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	// A key given twice under params is given once, the first, told in
	// a set: looked for among those before it, a page of 200,000 keys
	// took more than ten minutes.
	inParams := map[string]bool{}
	param := func(f field) {
		if !inParams[f.key] {
			inParams[f.key] = true
			params.Content = append(params.Content, scalar(f.key), f.val)
		}
	}
	consumed := map[string]bool{"title": true, "tags": true, "categories": true, "category": im.kind == Jekyll,
		"draft": true, "published": true, "aliases": true, "redirect_from": true, "permalink": true, "url": im.kind == Hugo}
	add("title", scalar(typedBraces(p.title)))
	day := "" // the page's date, as YYYY-MM-DD
	if !p.setDate.IsZero() {
		add("date", scalar(p.setDate.Format("2006-01-02")))
		day = p.setDate.Format("2006-01-02")
	} else if n := p.dateNode("date"); n != nil {
		add("date", n)
		consumed["date"] = true
		if t, ok := parseDate(n.Value); ok {
			day = t.Format("2006-01-02")
		}
	}
	if k, n := p.updated(); n != nil {
		if t, ok := parseDate(n.Value); ok && day != "" && t.Format("2006-01-02") < day {
			// A talk's date is the day it was given, after the page was
			// last changed (Hugo Apéro's lastmod, copied from its
			// archetype): plotline would warn that the page says it
			// was updated before it was published.
			im.done(p.fieldPos(k), "%s %s is before the page's date, %s: not its updated:, which would say it was updated before it was published; kept under params:", k, t.Format("2006-01-02"), day)
		} else {
			add("updated", n)
			consumed[k] = true
		}
	}
	for _, k := range []string{"description", "summary", "excerpt"} {
		if s := p.get(k); s != nil && s.Kind == yaml.ScalarNode && strings.TrimSpace(s.Value) != "" {
			d := strings.TrimSpace(s.Value)
			if plain, ok := plainText(im.code, d); ok {
				// A theme ran it through Markdown; plotline shows a
				// description as it is, in lists and link previews.
				d = plain
				im.done(p.fieldPos(k), "%s: its Markdown (links, emphasis, code) written as plain text, as plotline shows a description", k)
			}
			if t, ok := htmlAsText(d); ok && im.kind == Jekyll {
				// Liquid wrote it into the page as it is.
				d = t
				im.done(p.fieldPos(k), "%s: its HTML written as the text it showed, as plotline shows a description as text", k)
			}
			add("description", scalar(typedBraces(d)))
			consumed[k] = true
			break
		}
	}
	if a := p.get("author"); a != nil && a.Kind == yaml.ScalarNode && a.Value != "" {
		add("author", a)
		consumed["author"] = true
	}
	var tags []string
	seen := map[string]bool{}
	for _, k := range im.tagKeys() {
		list := p.list(k, im.kind == Jekyll)
		if n := p.get(k); k == "tags" && im.kind == Jekyll && n != nil && n.Kind == yaml.ScalarNode && strings.Contains(n.Value, ",") {
			// "tags: web, javascript": Jekyll split it at its spaces
			// only, into "web," and "javascript"; the writer meant a
			// list at its commas. (Categories stay as Jekyll read them,
			// as an address made of them kept the commas.)
			list = nil
			for t := range strings.SplitSeq(n.Value, ",") {
				if t = strings.TrimSpace(t); t != "" {
					list = append(list, t)
				}
			}
			im.done(p.fieldPos(k), "tags: written with commas, which Jekyll split at spaces only (\"web,\"): read as a list at its commas")
		}
		for _, t := range list {
			s := content.Slugify(t)
			if s == "" || seen[s] || len(s) > content.MaxNameBytes {
				continue
			}
			seen[s] = true
			tags = append(tags, t)
		}
	}
	if len(tags) > 0 {
		seq := seqNode(tags)
		seq.Style = yaml.FlowStyle
		add("tags", seq)
	}
	if p.draft {
		add("draft", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if p.slug != "" && validSlug(p.slug) {
		add("slug", scalar(p.slug))
		consumed["slug"] = true
	}
	if p.preview != "" {
		add("image", scalar(p.preview))
		consumed["image"] = p.str("image") == p.preview
	}
	if t := p.get("toc"); t != nil && t.ShortTag() == "!!bool" {
		add("toc", t)
		consumed["toc"] = true
	} else if t := p.get("showtoc"); t != nil && t.ShortTag() == "!!bool" && p.foldKeys {
		// PaperMod's ShowToc, read in any case, as Hugo reads keys.
		add("toc", t)
		consumed["showtoc"] = true
	} else if at, ok := ownContents(p.body); ok && !p.html {
		// The writer's own: plotline's would show the list again.
		add("toc", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"})
		pos := (&diag.Cursor{Path: p.src, Src: p.source}).At(p.bodyOff + at)
		im.done(pos, "a table of contents of its own, a list of links to its sections under this heading: kept, and plotline's left out (toc: false), so that the page shows one")
	}
	if !p.post {
		add("type", scalar("page"))
	}
	if name, ok := p.mainMenu(p.title); ok {
		key := "menu" // the key a note points at
		if !p.has(key) {
			key = "menus"
		}
		if p.lang != "" {
			// Hugo's menus are each language's own; plotline's one
			// navigation is the site's, on every page of every language.
			im.done(p.fieldPos(key), "in the main menu of language %s: no nav:, the menu left under params, as plotline's one navigation is in the site's language (a template may read .Article.Params.menu)", p.lang)
		} else if n := utf8.RuneCountInString(name); n > content.MaxNavRunes {
			// A menu named by a long title: the build refuses it.
			im.note(p.fieldPos(key), "menu name of %d characters, more than the %d a name in plotline's navigation may have: left out of the navigation (give the page a shorter nav:)", n, content.MaxNavRunes)
		} else {
			add("nav", scalar(name))
		}
		consumed["menu"], consumed["menus"] = p.lang == "", p.lang == ""
	}
	if len(p.aliases) > 0 {
		add("aliases", seqNode(p.aliases))
	}
	code := p.lang
	if own := p.str("lang"); languageTag(own) != "" && (code == "" || strings.EqualFold(own, code)) {
		// The page's own lang:, which Jekyll's themes and SEO tag
		// write on its <html>, as plotline does.
		code, consumed["lang"] = own, true
	}
	if code != "" {
		// Quoted: YAML 1.1 reads a bare no as false. A code that is no
		// language tag (Hugo's [languages.english]) stays the site's own.
		lang := field{key: "lang", val: &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: code, Style: yaml.DoubleQuotedStyle}}
		if lang.val.Value = languageTag(cmp.Or(im.conf.langTags[code], code)); lang.val.Value != "" {
			add(lang.key, lang.val)
		} else {
			lang.val.Value = code
			param(lang)
		}
	}
	// Everything else is the site's own: under params.
	for _, f := range p.fields {
		switch {
		case p.is(f.key, "params") && f.val.Kind == yaml.MappingNode:
			for k, v := range yamlpos.Pairs(f.val) {
				param(field{key: k.Value, val: v})
			}
		case !consumed[f.key] && !(p.foldKeys && consumed[strings.ToLower(f.key)]):
			param(f)
		}
	}
	if len(params.Content) > 0 {
		add("params", params)
	}
	body := p.converted
	var b bytes.Buffer
	if p.toml {
		b.WriteString("+++\n")
		for _, f := range out {
			if f.val.Kind == yaml.ScalarNode && f.val.ShortTag() == "!!timestamp" {
				// TOML writes dates bare, as RFC 3339 or YYYY-MM-DD.
				fmt.Fprintf(&b, "%s = %s\n", f.key, f.val.Value)
				continue
			}
			enc := toml.NewEncoder(&b)
			enc.Indent = "  "
			if err := enc.Encode(map[string]any{f.key: fromNode(f.val)}); err != nil {
				fmt.Fprintf(&b, "# %s: %v\n", f.key, err)
			}
		}
		b.WriteString("+++\n")
	} else {
		root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, f := range out {
			root.Content = append(root.Content, scalar(f.key), clean(f.val))
		}
		b.WriteString("---\n")
		var y bytes.Buffer
		enc := yaml.NewEncoder(&y)
		enc.SetIndent(2)
		root, back := astralOut(root)
		if err := enc.Encode(root); err != nil {
			fmt.Fprintf(&y, "# %v\n", err)
		}
		enc.Close()
		back.WriteString(&b, y.String())
		b.WriteString("---\n")
	}
	b.Write(body)
	return b.Bytes()
}

// clean drops the comments and anchors of n, which would not make sense
// in their new place.
func clean(n *yaml.Node) *yaml.Node {
	c := *n
	c.HeadComment, c.LineComment, c.FootComment, c.Anchor = "", "", "", ""
	if c.Tag == "!!timestamp" {
		c.Tag = ""
	}
	c.Content = nil
	for _, x := range n.Content {
		if x.Kind == yaml.AliasNode {
			x = x.Alias
		}
		c.Content = append(c.Content, clean(x))
	}
	return &c
}

// dateNode returns the value of the date key, rewritten when plotline
// would not read its form; nil when it is no date.
func (p *page) dateNode(key string) *yaml.Node {
	n := p.get(key)
	if n == nil || n.Kind != yaml.ScalarNode {
		return nil
	}
	s := strings.TrimSpace(n.Value)
	if s == "" || n.ShortTag() == "!!null" {
		return nil // Hugo and Jekyll take an empty date as none
	}
	if _, err := content.ParseDate(s); err == nil {
		return n
	}
	if t, ok := parseDate(s); ok {
		layout := time.RFC3339
		if !strings.ContainsRune(s, ':') {
			layout = time.DateOnly // a day alone, 2013-1-20, stays one
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: t.Format(layout)}
	}
	return n
}

// updated returns the key of the page's date of its last change, the
// first of lastmod, last_modified_at, updated and modified it has, and
// its value as the new front matter's updated: takes it (dateNode); nil
// when it has none.
func (p *page) updated() (string, *yaml.Node) {
	for _, k := range []string{"lastmod", "last_modified_at", "updated", "modified"} {
		if n := p.dateNode(k); n != nil {
			return k, n
		}
	}
	return "", nil
}

// mainMenu reports whether the page is in Hugo's main menu, as "menu:
// main", "menu: [main]" or "menu: {main: {name: About}}" (or "menus"),
// and the name its link shows there: the menu entry's name, or else its
// linkTitle, or the page's title.
func (p *page) mainMenu(title string) (string, bool) {
	for _, key := range []string{"menu", "menus"} {
		n := p.get(key)
		if n == nil {
			continue
		}
		name := cmp.Or(p.str("linkTitle"), p.str("linktitle"), title)
		switch n.Kind {
		case yaml.ScalarNode:
			return name, n.Value == "main"
		case yaml.SequenceNode:
			if slices.ContainsFunc(n.Content, func(c *yaml.Node) bool { return c.Kind == yaml.ScalarNode && c.Value == "main" }) {
				return name, true
			}
		case yaml.MappingNode:
			for k, e := range yamlpos.Pairs(n) {
				if k.Value != "main" {
					continue
				}
				for ek, ev := range yamlpos.Pairs(e) {
					if ek.Value == "name" && ev.Kind == yaml.ScalarNode && ev.Value != "" {
						name = ev.Value
					}
				}
				return name, true
			}
		}
	}
	return "", false
}

// validSlug reports whether plotline takes s as a slug as it is.
func validSlug(s string) bool {
	return s != "" && s == strings.TrimSpace(s) && !strings.ContainsAny(s, "/\\?#%\"<>`\t\n") && s != "." && s != ".."
}

// yamlString writes s as a YAML scalar, quoted when it must be.
func yamlString(s string) string {
	var v any = s
	back := strings.NewReplacer()
	if strings.ContainsFunc(s, func(r rune) bool { return r > 0xFFFF }) {
		v, back = astralOut(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
	}
	out, err := yaml.Marshal(v)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(back.Replace(string(out)), "\n")
}

// astralOut returns a copy of n in which each character above U+FFFF
// (an emoji: "🚀") is one of the Unicode private use area's that n has
// nowhere, and the replacer that puts them back. The YAML emitter
// writes such a character as an escape, "\U0001F680", which YAML reads
// as the character but a writer can hardly read or edit; the private
// use characters it writes as they are, so that the replacer, run over
// what it wrote, gives the characters themselves, as valid YAML of the
// same values (a plain or quoted scalar may hold any of them). When the
// private use area has too few free characters, the rest stay escapes.
func astralOut(n *yaml.Node) (*yaml.Node, *strings.Replacer) {
	used := map[rune]bool{}
	var astral []rune
	var scan func(n *yaml.Node)
	scan = func(n *yaml.Node) {
		for _, r := range n.HeadComment + n.LineComment + n.FootComment {
			used[r] = true
		}
		for _, r := range n.Value {
			if r > 0xFFFF && !used[r] {
				astral = append(astral, r)
			}
			used[r] = true
		}
		for _, c := range n.Content {
			scan(c)
		}
	}
	scan(n)
	if len(astral) == 0 {
		return n, strings.NewReplacer()
	}
	stand := map[rune]rune{}
	var pairs []string
	free := rune(0xE000)
	for _, r := range astral {
		for free <= 0xF8FF && used[free] {
			free++
		}
		if free > 0xF8FF {
			break
		}
		stand[r] = free
		pairs = append(pairs, string(free), string(r))
		free++
	}
	var copyNode func(n *yaml.Node) *yaml.Node
	copyNode = func(n *yaml.Node) *yaml.Node {
		c := *n
		c.Value = strings.Map(func(r rune) rune {
			if s, ok := stand[r]; ok {
				return s
			}
			return r
		}, n.Value)
		c.Content = make([]*yaml.Node, len(n.Content))
		for k, m := range n.Content {
			c.Content[k] = copyNode(m)
		}
		return &c
	}
	return copyNode(n), strings.NewReplacer(pairs...)
}

// written returns the file of the new site p is written to: its dest,
// but for a tag's page, which plotline publishes none of, a .txt file
// beside it, which the build neither reads nor warns at as it would at
// an _index.md.
func (p *page) written() string {
	if p.taxonomy {
		return strings.TrimSuffix(p.dest, path.Ext(p.dest)) + ".txt"
	}
	return p.dest
}

// contentsHeadingRE matches a heading that names a table of contents,
// "## Table of contents", as a writer heads one made by hand.
var contentsHeadingRE = regexp.MustCompile(`(?mi)^#{1,6}[ \t]+(?:table of contents|contents|toc|on this page|in this (?:post|article|page))[ \t]*:?[ \t]*(?:\{[^}\n]*\})?[ \t]*$`)

// contentsItemRE matches an item of a list of links to a page's own
// sections: "- [Availability](#availability)", indented in a nested one.
var contentsItemRE = regexp.MustCompile(`^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\n]+\]\(#[^)\s]+\)[ \t]*$`)

// ownContents returns the offset in body of the heading of a table of
// contents the writer made by hand, a heading that names one over a list
// of two links or more, each to a section of the page, and whether body
// has one.
func ownContents(body []byte) (int, bool) {
	for _, m := range contentsHeadingRE.FindAllIndex(body, -1) {
		items, blank := 0, false
		rest := body[m[1]:]
		for len(rest) > 0 {
			line, after, _ := bytes.Cut(rest, []byte("\n"))
			rest = after
			line = bytes.TrimRight(line, "\r")
			switch {
			case len(bytes.TrimSpace(line)) == 0:
				blank = true
				continue
			case contentsItemRE.Match(line):
				items++
				blank = false
				continue
			}
			if !blank {
				items = 0 // text runs on after the list: it is no list of links alone
			}
			break
		}
		if items >= 2 {
			return m[0], true
		}
	}
	return 0, false
}
