// Package content reads a site's content/ folder: it splits each Markdown
// file's front matter from its body without losing line numbers, decodes the
// front matter into a node tree that keeps positions, checks the fields
// plotline knows, and works out each page's URL. It reports every problem as
// a diag.Diagnostic and never stops at the first.
package content

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/unicode/norm"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/yamlpos"
)

// Kind says how a page takes part in the site.
type Kind int

const (
	// Article is listed on the home page, its tags and the feed.
	Article Kind = iota
	// Standalone is a page such as "About": rendered, in the sitemap, never listed.
	Standalone
)

// Source is one entry of an article's sources list.
type Source struct {
	Name string
	URL  string
	// NamePos is where the name's value starts, for the {{ }} values it
	// may hold.
	NamePos diag.Pos
}

// Link returns the source's URL, its spaces trimmed, when it is an http
// or https address, the only ones a page links to; "" otherwise.
func (s Source) Link() string {
	u := strings.TrimSpace(s.URL)
	if l := strings.ToLower(u); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}

// Page is one Markdown file of content/, parsed.
type Page struct {
	Path       string // slash path relative to the site, "content/articles/kursk.md"
	Source     []byte // the whole file, front matter included
	BodyOffset int    // offset in Source where the Markdown body starts

	Kind           Kind
	Title          string
	TitlePos       diag.Pos // where the title's value starts; zero when it has none
	Description    string
	DescriptionPos diag.Pos
	Author         string
	Date           time.Time
	DatePos        diag.Pos  // where the date is written: its value, or 1:1 for a file name's
	Updated        time.Time // zero when the page has no "updated"
	Tags           []string
	TagPos         []diag.Pos // where each of Tags is written
	Draft          bool
	Slug           string
	SlugPos        diag.Pos // where the slug's value starts; zero when it has none
	Sources        []Source
	TOC            bool       // whether to show a table of contents (default true for articles)
	Nav            string     // the "nav" key: the page's name in the site's navigation, or ""
	NavPos         diag.Pos   // where the nav key's value starts; zero when it has none
	Lang           string     // the "lang" key: the page's own language tag, or "" for the site's
	LangPos        diag.Pos   // where the lang key's value starts
	Image          string     // the "image" key: a chart's number, a file, "none" or ""
	ImagePos       diag.Pos   // where the image key's value starts
	Data           *yaml.Node // the value of the "data" key, nil when absent
	DataPos        diag.Pos
	// HasData is set when the data key holds a block: the page computes
	// numbers from data. A page of an index (LoadIndex) has it, without
	// its Data.
	HasData bool
	// Aliases are the old addresses of the page, each of which gets a
	// redirect page.
	Aliases []Alias
	// Params is the "params" mapping: the site's own keys, for its
	// templates; nil when absent.
	Params map[string]any
	// Unknown lists the keys of the front matter that plotline does not
	// read, in order. A build sums them up over the site.
	Unknown []UnknownKey

	// URL is the page's path below the site root, with a trailing slash and
	// no leading one: "articles/kursk/". The home page would be "".
	URL string
	// Dir is the slash folder of the file relative to the site: "content/articles".
	Dir string
	// Broken is set when the page has errors: it is reported, not rendered.
	Broken bool
	// Decoded is set when the front matter was read as a mapping of keys
	// to values, whatever mistakes those values have: the body of a
	// Broken page that is Decoded can still be checked, with its data.
	Decoded bool
}

// Alias is an old address of a page, where a redirect to it is written.
type Alias struct {
	File string   // the site path of the redirect: "old/index.html", "2014/12/23/hub.html"
	Pos  diag.Pos // where the alias is written
}

// Target returns the site path a link to the alias names: the folder of
// an index.html, or the file.
func (a Alias) Target() string { return strings.TrimSuffix(a.File, "index.html") }

// UnknownKey is a front-matter key plotline does not read, where it is
// written.
type UnknownKey struct {
	Key string
	Pos diag.Pos
}

// sortedKnownKeys are the keys of knownKeys in order, for Suggest.
var sortedKnownKeys = slices.Sorted(maps.Keys(knownKeys))

// Suggest returns the front-matter key plotline reads that key, one it
// does not, is a slip of (see diag.Slip): "title" for "titel", "tags" for
// "tag", both for "dat", "data or date"; or the one plotline reads for
// what other generators call key ("description" for Hugo's "summary" and
// Jekyll's "excerpt"). It returns "" when there is none.
func Suggest(key string) string {
	if k, ok := otherNames[strings.ToLower(key)]; ok {
		return k
	}
	var found []string
	for _, k := range sortedKnownKeys {
		if strings.EqualFold(k, key) && k != key {
			return k
		}
		if k != key && diag.Slip(key, k) {
			found = append(found, k)
		}
	}
	return strings.Join(found, " or ")
}

// Future reports whether p is dated after the day today: its calendar
// date, as written, is later than today's. A zero today is no day at
// all: no page is in the future.
func (p *Page) Future(today time.Time) bool {
	if today.IsZero() || p.Date.IsZero() {
		return false
	}
	return dayOf(p.Date).After(dayOf(today))
}

// FutureWarning is the warning at the date of a page left out because it
// is dated after today.
func (p *Page) FutureWarning(today time.Time, diags *diag.List) {
	diags.Warnf(p.DatePos, "dated %s, after today (%s): not built until that day; --future builds it now", p.Date.Format("2006-01-02"), today.Format("2006-01-02"))
}

// Body returns the Markdown body of p.
func (p *Page) Body() []byte { return p.Source[p.BodyOffset:] }

// Pos returns the position of byte offset off of p.Source.
func (p *Page) Pos(off int) diag.Pos { return diag.At(p.Path, p.Source, off) }

// ValuePositions returns, for a text value found at start in src (the
// file at path) and read as value, the position in the file of each byte
// offset of value. A value written as it reads, plain or in quotes without
// escapes, maps one to one. One whose quotes, escapes or folded lines
// shift what the writer typed against what it reads as (an apostrophe
// doubled in single quotes, "a \"quoted\" word", a title over two lines)
// is read alongside its source, so that each offset still finds the
// character it came from. Where that fails (a block scalar, |), "{{" is
// written as it reads: the one at off is the same-numbered "{{" from start
// on, and any other offset gives start.
//
// The value's place in src is looked up when a position is first asked
// for, not before: finding a line reads the file from its start, and a
// page of thousands of chart event labels, whose positions are asked for
// only when one holds a value or a mistake, took seconds.
func ValuePositions(path string, src []byte, start diag.Pos, value string) func(off int) diag.Pos {
	var at func(off int) diag.Pos
	return func(off int) diag.Pos {
		if at == nil {
			at = valuePositions(path, src, start, value)
		}
		return at(off)
	}
}

// valuePositions is ValuePositions, the value's place looked up at once.
func valuePositions(path string, src []byte, start diag.Pos, value string) func(off int) diag.Pos {
	base := diag.Offset(src, start.Line, start.Col)
	if body := base + 1; base < len(src) && (src[base] == '"' || src[base] == '\'') && bytes.HasPrefix(src[body:], []byte(value)) {
		return func(off int) diag.Pos { return diag.At(path, src, body+min(max(off, 0), len(value))) }
	}
	if bytes.HasPrefix(src[base:], []byte(value)) {
		return func(off int) diag.Pos { return diag.At(path, src, base+min(max(off, 0), len(value))) }
	}
	if offs, ok := alignScalar(src, base, value); ok {
		return func(off int) diag.Pos { return diag.At(path, src, offs[min(max(off, 0), len(value))]) }
	}
	return func(off int) diag.Pos {
		if off < 0 || off+2 > len(value) || value[off:off+2] != "{{" {
			return start
		}
		k := strings.Count(value[:off], "{{")
		i := base
		for {
			j := bytes.Index(src[i:], []byte("{{"))
			if j < 0 {
				return start
			}
			i += j
			if k == 0 {
				return diag.At(path, src, i)
			}
			k--
			i += 2
		}
	}
}

// alignScalar reads the scalar that starts at src[base], single-quoted,
// double-quoted or plain, alongside value, what it reads as, and returns
// the offset in src of each byte of value, and of its end. It reads the
// escapes of a double-quoted scalar (YAML's and TOML's), the doubled quote
// of a single-quoted one, and folded lines; it returns false where the
// two part, as for a block scalar.
func alignScalar(src []byte, base int, value string) ([]int, bool) {
	offs := make([]int, len(value)+1)
	i, quote := base, byte(0)
	if i < len(src) && (src[i] == '\'' || src[i] == '"') {
		quote, i = src[i], i+1
	}
	for j := 0; j < len(value); {
		if i >= len(src) {
			return nil, false
		}
		// text is what the n bytes of src at i read as: themselves, or
		// a fold, a doubled quote or an escape.
		text, n := string(src[i:i+1]), 1
		switch run, breaks := foldAt(src, i); {
		case breaks > 0:
			// Folded lines read as a space, or as breaks when blank
			// lines are between; an escaped break as nothing.
			text, n = " ", run
			if breaks > 1 {
				text = strings.Repeat("\n", breaks-1)
			}
			if i > 0 && src[i-1] == '\\' && quote == '"' {
				text = ""
			}
		case quote == '\'' && src[i] == '\'' && i+1 < len(src) && src[i+1] == '\'':
			text, n = "'", 2
		case quote == '"' && src[i] == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i++ // an escaped line break: the fold reads it
			continue
		case quote == '"' && src[i] == '\\':
			var ok bool
			if text, n, ok = unescape(src[i:]); !ok {
				return nil, false
			}
		}
		if !strings.HasPrefix(value[j:], text) {
			return nil, false
		}
		for k := range text {
			offs[j+k] = i
		}
		i, j = i+n, j+len(text)
	}
	offs[len(value)] = i
	return offs, true
}

// foldAt returns the length of the run of spaces and line breaks at
// src[i], and how many line breaks it holds: 0 when it holds none, and
// the run is then not a fold.
func foldAt(src []byte, i int) (int, int) {
	k, breaks := i, 0
	for k < len(src) {
		switch src[k] {
		case ' ', '\t':
		case '\n':
			breaks++
		case '\r':
			if k+1 >= len(src) || src[k+1] != '\n' {
				breaks++
			}
		default:
			return k - i, breaks
		}
		k++
	}
	return k - i, breaks
}

// unescape reads the escape at the start of s, a backslash and what
// follows it in a double-quoted YAML or TOML string, and returns the text
// it stands for and its length in s.
func unescape(s []byte) (string, int, bool) {
	if len(s) < 2 {
		return "", 0, false
	}
	simple := map[byte]string{
		'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
		'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\", 'N': "\u0085",
		'_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
	}
	if text, ok := simple[s[1]]; ok {
		return text, 2, true
	}
	digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
	if digits == 0 || len(s) < 2+digits {
		return "", 0, false
	}
	var r rune
	for _, h := range s[2 : 2+digits] {
		d := strings.IndexByte("0123456789abcdef", h|0x20)
		if d < 0 {
			return "", 0, false
		}
		r = r<<4 | rune(d)
	}
	return string(r), 2 + digits, true
}

// otherNames are the front-matter keys of other generators and
// newsrooms' tools, lower-case, and the key plotline reads for the same.
var otherNames = map[string]string{
	"summary": "description", "excerpt": "description", "subtitle": "description", "dek": "description",
	"standfirst": "description", "abstract": "description", "lede": "description",
	"authors": "author", "byline": "author", "categories": "tags", "keywords": "tags",
	"publishdate": "date", "pubdate": "date", "published": "date", "lastmod": "updated", "last_modified_at": "updated",
	"cover": "image", "featured_image": "image", "og_image": "image", "permalink": "slug",
}

// knownKeys lists the front-matter keys plotline reads.
var knownKeys = map[string]bool{
	"title": true, "date": true, "description": true, "tags": true, "draft": true,
	"slug": true, "author": true, "updated": true, "sources": true, "data": true,
	"type": true, "toc": true, "image": true, "aliases": true, "params": true,
	"nav": true, "lang": true,
}

// Parse parses the Markdown file at path (slash path relative to the site
// root, under content/) with contents src. Problems are added to diags; the
// page is returned even when it has errors, as far as it could be read.
func Parse(filePath string, src []byte, diags *diag.List) *Page {
	return parse(filePath, src, diags, true)
}

// parse is Parse; the checks that find nothing but mistakes in the text
// (characters no page may hold) run only when checkText is set, as the
// index, which reports no mistakes, leaves them to the render.
func parse(filePath string, src []byte, diags *diag.List, checkText bool) *Page {
	p := &Page{Path: filePath, Source: src, Dir: path.Dir(filePath), TOC: true}
	before := len(*diags)
	defer func() { p.Broken = p.Broken || (*diags)[before:].HasErrors() }()
	if len(src) > sitefs.MaxFileSize {
		diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "%s", readError(&sitefs.TooLargeError{Size: int64(len(src)), Limit: sitefs.MaxFileSize}))
		return p
	}
	if sitefs.UTF16(src) {
		diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "file is in UTF-16 (as Notepad's \"Unicode\" saves text), not UTF-8: save it as UTF-8")
		return p
	}
	if !utf8.Valid(src) {
		off := sitefs.FirstInvalidUTF8(src)
		diags.Errorf(diag.At(filePath, src, off), "file is not valid UTF-8 (save it as UTF-8)")
		return p
	}
	bom := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		// A byte-order mark is harmless: skip it, keeping offsets in the file.
		bom = 3
		src = src[bom:]
		defer func() { p.BodyOffset += bom }()
	}
	fm, fmStart, bodyStart, fence, ok, closed := split(src)
	switch {
	case !ok:
		switch first, _ := cutLine(src); {
		case (bytes.HasPrefix(first, []byte("---\r")) || bytes.HasPrefix(first, []byte("+++\r"))) && !bytes.HasPrefix(first[3:], []byte("\r\n")):
			diags.Errorf(diag.At(filePath, p.Source, bom+3), "the lines of this file end with a carriage return alone (as on old Macs), which plotline does not take for line ends: save it with LF or CRLF line endings")
		case looksLikeJSON(src):
			diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "missing front matter: JSON front matter goes between lines \"---\", as YAML, which it is too: add a line \"---\" before its \"{\" and one after its \"}\"")
		default:
			diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "missing front matter: the file must start with a line \"---\" followed by at least title and date")
		}
		return p
	case !closed:
		diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "front matter is never closed: add a line %q after it", fence)
		return p
	}
	p.BodyOffset = bodyStart
	// The front matter starts on the line after the fence.
	text := yamlpos.New(filePath, fm, diag.At(filePath, p.Source, bom+fmStart).Line)

	if pos, msg, ok := text.HiddenBreak(); ok && fence != "+++" {
		diags.Errorf(pos, "front matter: %s", msg)
		return p
	}
	var root *yaml.Node
	var errPos diag.Pos
	var err error
	if fence == "+++" {
		root, errPos, err = decodeTOML(text, fm)
	} else {
		root, errPos, err = decodeYAML(text, fm)
	}
	if err != nil {
		diags.Errorf(errPos, "front matter: %v", err)
		return p
	}
	if root == nil {
		root = &yaml.Node{Kind: yaml.MappingNode}
	}
	if root.Kind != yaml.MappingNode {
		if pos, msg, ok := text.Mistake(); ok && fence == "---" {
			diags.Errorf(pos, "front matter: %s", msg)
		} else {
			diags.Errorf(text.NodePos(root), "front matter must be a mapping of keys to values, got %s", yamlpos.Describe(root))
		}
		return p
	}
	p.Decoded = true
	// Node positions are relative to the front matter; move them so they
	// count lines of the file.
	text.MoveNodes(root)
	if checkText {
		at := func(n *yaml.Node) diag.Pos { return diag.Pos{Path: p.Path, Line: n.Line, Col: n.Column} }
		for k, v := range yamlpos.Pairs(root) {
			if k.Value != "slug" { // which has a message of its own
				yamlpos.CheckUnprintable(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}, "", at, diags)
			}
		}
	}
	p.decode(root, text.Pos(1, 1), diags)
	if checkText {
		checkBody(p, diags)
	}
	return p
}

// checkBody reports each character of the page's body that a web page
// may not hold (see yamlpos.Unprintable), at its place: the first
// maxUnprintable of them, then how many more there are, at the next.
func checkBody(p *Page, diags *diag.List) {
	body := p.Source[p.BodyOffset:]
	var more diag.Pos
	n := 0
	for from := 0; ; n++ {
		off, r, ok := yamlpos.Unprintable(body[from:])
		if !ok {
			break
		}
		at := p.BodyOffset + from + off
		switch {
		case n < maxUnprintable:
			diags.Errorf(diag.At(p.Path, p.Source, at), "%s", yamlpos.UnprintableMessage(r))
		case n == maxUnprintable:
			more = diag.At(p.Path, p.Source, at)
		}
		from += off + utf8.RuneLen(r)
	}
	if n > maxUnprintable {
		diags.Errorf(more, "%d more characters that cannot be shown in a web page from here on: remove them", n-maxUnprintable)
	}
}

// maxUnprintable is how many characters checkBody reports one by one.
const maxUnprintable = 10

// decode reads the known fields out of the front-matter mapping.
// start is the first line of the front matter, where missing keys are reported.
func (p *Page) decode(root *yaml.Node, start diag.Pos, diags *diag.List) {
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{Path: p.Path, Line: n.Line, Col: n.Column} }
	seen := map[string]bool{}
	var updatedPos diag.Pos
	// slip is an unknown key that stands for a known one the page needs:
	// an error at it, not a warning.
	type slip struct {
		UnknownKey
		known, why string
	}
	var slipped []slip
	defer func() {
		for _, s := range slipped {
			if seen[s.known] {
				continue // the page has the key too: the warning says it
			}
			diags.Errorf(s.Pos, "unknown key %q: did you mean %s? (%s)", s.Key, s.known, s.why)
			p.Unknown = slices.DeleteFunc(p.Unknown, func(u UnknownKey) bool { return u == s.UnknownKey })
		}
	}()
	// missing reports the key known, which the page lacks, at an unknown
	// key that is a slip of it, or else at start.
	missing := func(known, msg string) {
		for _, u := range p.Unknown {
			if diag.Slip(u.Key, known) {
				slipped = append(slipped, slip{u, known, "the page has no " + known})
				return
			}
		}
		diags.Errorf(start, "%s", msg)
	}
	dup := func(k, first *yaml.Node) {
		diags.Errorf(at(k), "%s", yamlpos.Duplicate(k.Value, "", first.Line))
	}
	for k, v := range yamlpos.Keys(root, dup) {
		key := k.Value
		seen[key] = true
		if !knownKeys[key] {
			p.Unknown = append(p.Unknown, UnknownKey{Key: key, Pos: at(k)})
			if diag.Slip(key, "draft") && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!bool" && strings.EqualFold(v.Value, "true") {
				slipped = append(slipped, slip{UnknownKey{Key: key, Pos: at(k)}, "draft", "without it the page is published: write draft: true"})
			}
			continue
		}
		switch key {
		case "author", "nav", "slug", "image", "tags", "aliases", "lang":
			if p.noValues(key, "write it as text", v, at, diags) {
				continue // {{ x }} without quotes: not read as the key's value too
			}
		}
		switch key {
		case "title":
			p.Title, p.TitlePos = scalarString(v, key, at, diags), at(v)
			if strings.TrimSpace(p.Title) == "" && v.Kind == yaml.ScalarNode {
				diags.Errorf(at(v), "title: must not be empty")
			}
			checkListedLength(key, p.Title, MaxTitleRunes, at(v), diags)
		case "description":
			p.Description, p.DescriptionPos = scalarString(v, key, at, diags), at(v)
			checkListedLength(key, p.Description, MaxDescriptionRunes, at(v), diags)
		case "author":
			p.Author = scalarString(v, key, at, diags)
		case "date":
			p.Date, p.DatePos = parseDate(v, key, at, diags), at(v)
		case "updated":
			p.Updated, updatedPos = parseDate(v, key, at, diags), at(v)
		case "draft":
			p.Draft = parseBool(v, key, at, diags)
		case "toc":
			p.TOC = parseBool(v, key, at, diags)
		case "nav":
			p.Nav, p.NavPos = strings.TrimSpace(scalarString(v, key, at, diags)), at(v)
			if n := utf8.RuneCountInString(p.Nav); n > MaxNavRunes {
				diags.Errorf(at(v), "nav: %d characters, more than the %d a name in the site's navigation may have: it is written on every page", n, MaxNavRunes)
			}
		case "lang":
			// Checked by the site, which reads language tags.
			p.Lang, p.LangPos = strings.TrimSpace(scalarString(v, key, at, diags)), at(v)
		case "image":
			// Checked by the site, which knows the page's charts and files.
			p.Image, p.ImagePos = scalarString(v, key, at, diags), at(v)
		case "slug":
			p.Slug, p.SlugPos = scalarString(v, key, at, diags), at(v)
			if msg := checkSlug(p.Slug); msg != "" && v.Kind == yaml.ScalarNode {
				diags.Errorf(at(v), "slug %q %s", p.Slug, msg)
				p.Slug = ""
			}
		case "type":
			switch t := scalarString(v, key, at, diags); t {
			case "article", "":
				p.Kind = Article
			case "page":
				p.Kind = Standalone
			default:
				diags.Errorf(at(v), "type: unknown page type %q (want article or page)", t)
			}
		case "tags":
			p.Tags, p.TagPos = parseTags(v, at, diags)
		case "sources":
			p.Sources = parseSources(v, at, diags)
			if v.Kind == yaml.SequenceNode {
				// A name is text with values; an address is used as
				// written.
				for _, item := range v.Content {
					if item = yamlpos.Resolve(item); item.Kind == yaml.MappingNode {
						for k, v := range yamlpos.Pairs(item) {
							if k.Value == "url" {
								p.noValues("sources: url", "write the address in full", v, at, diags)
							}
						}
					}
				}
			}
		case "aliases":
			p.Aliases = parseAliases(v, at, diags)
		case "params":
			p.Params = parseParams(v, at, diags)
		case "data":
			p.Data, p.DataPos = v, at(k)
			p.HasData = len(yamlpos.Resolve(v).Content) > 0
		}
	}
	if !seen["title"] {
		missing("title", "missing title: add \"title: …\" to the front matter")
	}
	fileDate, _, prefixed, err := FileDate(p.Path)
	if err != nil {
		diags.Errorf(diag.Pos{Path: p.Path, Line: 1, Col: 1}, "%v", err)
	}
	switch {
	case seen["date"]:
	case prefixed && err == nil:
		p.Date = fileDate
		p.DatePos = diag.Pos{Path: p.Path, Line: 1, Col: 1}
	default:
		missing("date", "missing date: add \"date: YYYY-MM-DD\" to the front matter")
	}
	if !p.Updated.IsZero() && !p.Date.IsZero() && dayOf(p.Updated).Before(dayOf(p.Date)) {
		diags.Warnf(updatedPos, "updated: %s is before the page's date, %s: the page would say it was updated before it was published", p.Updated.Format(time.DateOnly), p.Date.Format(time.DateOnly))
	}
}

// dayOf returns the calendar day of t as written, at midnight UTC.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// FileDate reads the date a file name starts with, as Jekyll names its
// posts: "content/articles/2014-12-23-hub.md" is dated 2014-12-23 and its
// name without the date is "hub.md". prefixed reports whether the name
// starts with YYYY-MM-DD- at all; err says why such a prefix is not a
// date.
func FileDate(filePath string) (date time.Time, rest string, prefixed bool, err error) {
	name := path.Base(filePath)
	if len(name) < 12 || name[10] != '-' || strings.TrimSuffix(name[11:], ".md") == "" {
		return time.Time{}, name, false, nil
	}
	for i, c := range []byte(name[:10]) {
		digit := c >= '0' && c <= '9'
		if (i == 4 || i == 7) != (c == '-') || (i != 4 && i != 7 && !digit) {
			return time.Time{}, name, false, nil
		}
	}
	t, perr := time.Parse("2006-01-02", name[:10])
	if perr != nil || t.Year() < MinYear {
		return time.Time{}, name, true, fmt.Errorf("the file name starts with %s, which is not a date: write a real date (YYYY-MM-DD-name.md) or rename the file", name[:10])
	}
	return t, name[11:], true, nil
}

func scalarString(v *yaml.Node, key string, at func(*yaml.Node) diag.Pos, diags *diag.List) string {
	if v.Kind != yaml.ScalarNode {
		diags.Errorf(at(v), "%s: want text, got %s", key, yamlpos.Describe(v))
		return ""
	}
	if v.Tag == "!!null" {
		return ""
	}
	return v.Value
}

func parseBool(v *yaml.Node, key string, at func(*yaml.Node) diag.Pos, diags *diag.List) bool {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		diags.Errorf(at(v), "%s: want true or false, got %q", key, v.Value)
		return false
	}
	return v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
}

// dateLayouts are the spellings of a date or time front matter accepts:
// a calendar date; RFC 3339; Jekyll's documented "2006-01-02 15:04:05
// -0700" and its spelling with a colon in the offset; and a date and time
// without an offset, read as UTC.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04 -0700",
	"2006-01-02 15:04 -07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

// acceptedDates lists the spellings of dateLayouts for a message.
const acceptedDates = "want YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional offset such as +01:00 or +0100, or RFC 3339 such as 2025-01-10T10:00:00Z"

// ParseDate parses a front-matter date: YYYY-MM-DD, optionally with a
// time and an offset (see dateLayouts). The time keeps the offset it was
// written with (see OwnOffset), so that its calendar date is the one
// written; pages are ordered by the instant.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return OwnOffset(t), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot parse %q as a date (%s)%s", s, acceptedDates, yamlpos.DateHint(s))
}

// OwnOffset returns t in a zone that is its offset from UTC and nothing
// else: UTC for an offset of zero, a fixed zone without a name for any
// other. time.Parse, and a gob decoder, give a time the build machine's
// local zone whenever that zone has the time's offset on its day; the
// zone's name (PDT, IST) and rules would then make what a template prints
// of a date ({{ .Date }}, {{ date "15:04 MST" .Date }}) depend on the
// machine that builds the site.
func OwnOffset(t time.Time) time.Time {
	_, off := t.Zone()
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

// parseDate reads the date of the key, or reports why it cannot and
// returns the zero time.
func parseDate(v *yaml.Node, key string, at func(*yaml.Node) diag.Pos, diags *diag.List) time.Time {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		diags.Errorf(at(v), "%s: want a date (YYYY-MM-DD), got %s", key, yamlpos.Describe(v))
		return time.Time{}
	}
	t, err := ParseDate(v.Value)
	if err != nil {
		diags.Errorf(at(v), "%s: %v", key, err)
		return time.Time{}
	}
	if t.Year() < MinYear {
		diags.Errorf(at(v), "%s: %s is before the year %d, most likely a mistyped year", key, strings.TrimSpace(v.Value), MinYear)
		return time.Time{}
	}
	if t.UTC().Year() > 9999 {
		// The feed writes the time in UTC, with a four-digit year.
		diags.Errorf(at(v), "%s: %s is in the year %d in UTC, the time the feed gives, which writes four-digit years: check the year, or leave out the time and its offset", key, strings.TrimSpace(v.Value), t.UTC().Year())
		return time.Time{}
	}
	return t
}

// MinYear is the earliest year a publication date may have. An earlier
// one is nearly always a typo (0205 for 2025), and year 1 is the zero
// date, which would read as no date at all.
const MinYear = 1000

// MaxTags is how many tags a page may have: each makes a page of the
// site, and 20,000 tags in 129 KB of front matter made 20,005 pages and a
// tag list of 3 MB.
const MaxTags = 100

func parseTags(v *yaml.Node, at func(*yaml.Node) diag.Pos, diags *diag.List) ([]string, []diag.Pos) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
		v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{v}}
	}
	if v.Kind != yaml.SequenceNode {
		diags.Errorf(at(v), "tags: want a list of words, got %s", yamlpos.Describe(v))
		return nil, nil
	}
	var tags []string
	var pos []diag.Pos
	seen := map[string]int{} // the index in tags of each slug
	for i, t := range v.Content {
		if i == MaxTags {
			diags.Errorf(at(t), "tags: more than %d tags: a page has %d at most, each a page of the site and a link on every list that shows it; keep the ones a reader would follow", MaxTags, MaxTags)
			break
		}
		t = yamlpos.Resolve(t)
		if t.Kind != yaml.ScalarNode {
			diags.Errorf(at(t), "tags: want a word, got %s", yamlpos.Describe(t))
			continue
		}
		name := strings.TrimSpace(t.Value)
		slug := Slugify(name)
		if slug == "" {
			diags.Errorf(at(t), "tags: tag %q has no letters or digits", t.Value)
			continue
		}
		if n := utf8.RuneCountInString(name); n > MaxTagRunes {
			// Its page name may be short ("a" for "a!!!…"), but the
			// tag is written as it is on every list of the page.
			diags.Errorf(at(t), "tags: tag %q has %d characters, more than the %d a tag may have: it is written on every list that shows the page", yamlpos.Shorten(t.Value), n, MaxTagRunes)
			continue
		}
		if len(slug) > MaxNameBytes {
			diags.Errorf(at(t), "tags: tag %q makes a page name of %d bytes; a file name may have %d at most", yamlpos.Shorten(t.Value), len(slug), MaxNameBytes)
			continue
		}
		if i, dup := seen[slug]; dup {
			// One page for both: "C" beside "C++".
			if !TagsAlike(tags[i], name) {
				diags.Warnf(at(t), "tags: %q has the page of %q (line %d), tags/%s/, so the article is listed once, under %q: spell them alike, or rename one", name, tags[i], pos[i].Line, slug, tags[i])
			}
			continue
		}
		seen[slug] = len(tags)
		tags = append(tags, name)
		pos = append(pos, at(t))
	}
	return tags, pos
}

// TagsAlike reports whether a and b name one tag written two ways: alike
// in their letters and digits, whatever their case and the spaces and
// punctuation between them ("Climate change", "climate-change"; "U.S.",
// "US"). A + or a # is part of a name, as in C++ and C#: two tags that
// make one page (Slugify), "C++" and "C", are two names that a reader of
// the page would not take for one.
func TagsAlike(a, b string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '+' || r == '#':
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	return norm(a) == norm(b)
}

func parseParams(v *yaml.Node, at func(*yaml.Node) diag.Pos, diags *diag.List) map[string]any {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		diags.Errorf(at(v), "params: want a mapping of the site's own keys to values, got %s", yamlpos.Describe(v))
		return nil
	}
	if !checkParamKeys(v, at, diags) {
		return nil
	}
	x, err := yamlpos.Decode(v)
	if err != nil {
		// What the walk above does not foresee, such as an alias
		// expanded too many times: the decoder's words on one line.
		msg := strings.Join(strings.Fields(strings.TrimPrefix(err.Error(), "yaml: ")), " ")
		diags.Errorf(at(v), "params: %s", msg)
		return nil
	}
	m, _ := x.(map[string]any)
	return m
}

// checkParamKeys reports, at its place, each key of the params node n, at
// any depth, that the decoder would refuse: a key given twice, or one
// that is not text. It reports false when it found one. Aliases are not
// followed: the node they name is checked where it is written.
func checkParamKeys(n *yaml.Node, at func(*yaml.Node) diag.Pos, diags *diag.List) bool {
	ok := true
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			ok = checkParamKeys(c, at, diags) && ok
		}
	case yaml.MappingNode:
		seen := map[string]*yaml.Node{}
		for k, v := range yamlpos.Pairs(n) {
			switch {
			case k.Kind != yaml.ScalarNode:
				diags.Errorf(at(k), "params: a key must be text, got %s", yamlpos.Describe(k))
				ok = false
			case k.Value == "<<" && k.ShortTag() == "!!merge":
				// A merge key, which may come more than once.
			case seen[k.Value] != nil:
				diags.Errorf(at(k), "%s", yamlpos.Duplicate(k.Value, "in params", seen[k.Value].Line))
				ok = false
			default:
				seen[k.Value] = k
			}
			ok = checkParamKeys(v, at, diags) && ok
		}
	}
	return ok
}

// MaxFeedAliases is how many old addresses the site's feed may have
// (the config's feed_aliases): each is a copy of the whole feed,
// rewritten whenever it changes; a site moved twice has two or three.
const MaxFeedAliases = 10

// MaxTagFeedAliases is how many old addresses tags' feeds may have (the
// config's tag_feed_aliases): each is a copy of a tag's feed, a few
// kilobytes of summaries; an imported Hugo site has one for each of its
// tags and categories.
const MaxTagFeedAliases = 2000

// MaxAliases is how many old addresses a page may have. Each is a
// redirect page of its own, a folder and a file: 100,000 of them (an
// article of 1.4 MB) took 29 s of CPU and 785 MB of disk.
const MaxAliases = 1000

func parseAliases(v *yaml.Node, at func(*yaml.Node) diag.Pos, diags *diag.List) []Alias {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
		v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{v}}
	}
	if v.Kind != yaml.SequenceNode {
		diags.Errorf(at(v), "aliases: want a list of site paths (\"/old/\"), got %s", yamlpos.Describe(v))
		return nil
	}
	var out []Alias
	seen := map[string]int{}
	for i, n := range v.Content {
		if i == MaxAliases {
			diags.Errorf(at(n), "aliases: more than %d old addresses: each is written as a page of its own; keep those that links and bookmarks still use", MaxAliases)
			break
		}
		n = yamlpos.Resolve(n)
		if n.Kind != yaml.ScalarNode {
			diags.Errorf(at(n), "aliases: want a site path, got %s", yamlpos.Describe(n))
			continue
		}
		file, msg := AliasFile(n.Value)
		if msg != "" {
			diags.Errorf(at(n), "aliases: %q %s", n.Value, msg)
			continue
		}
		if line, dup := seen[file]; dup {
			diags.Errorf(at(n), "aliases: %q is on line %d already", n.Value, line)
			continue
		}
		seen[file] = n.Line
		out = append(out, Alias{File: file, Pos: at(n)})
	}
	return out
}

// AliasFile returns the site path of the redirect page for alias, an old
// address of a page below the site's base path: "/old/" and "/old" are
// "old/index.html", "/2014/12/23/hub.html" is itself without the leading
// slash. Percent-encoding is undone. The second result says why alias
// cannot be one, when it cannot.
func AliasFile(alias string) (string, string) {
	s := strings.TrimSpace(alias)
	if dec, err := url.PathUnescape(s); err == nil {
		s = dec
	}
	switch {
	case s == "" || s == "/":
		return "", "is the home page"
	case strings.ContainsAny(s, "?#\\"):
		return "", "is not a site path: leave out ?, # and backslashes"
	case strings.ContainsFunc(s, unicode.IsControl) || !utf8.ValidString(s):
		return "", "must not contain control characters"
	case strings.Contains(s, "://") || strings.HasPrefix(s, "//"):
		return "", "is not a site path: write the path below the base URL, \"/old/\""
	}
	dir := strings.HasSuffix(s, "/")
	clean := strings.TrimPrefix(path.Clean("/"+s), "/")
	parts := strings.Split(s, "/")
	if slices.Contains(parts, "..") {
		return "", "must not contain \"..\""
	}
	if i := slices.IndexFunc(parts, sitefs.DotsOnly); i >= 0 {
		return "", fmt.Sprintf("has a part, %q, that %s", parts[i], sitefs.DotsOnlyWhy)
	}
	if clean == "" {
		return "", "is the home page"
	}
	// The redirect page is written at the address: each part names a
	// folder or a file, and the system takes paths of a few thousand
	// bytes at most, the build's temporary folder's name included.
	for part := range strings.SplitSeq(clean, "/") {
		if len(part) > MaxNameBytes {
			return "", fmt.Sprintf("has a part of %d bytes; a file name may have %d at most", len(part), MaxNameBytes)
		}
	}
	if len(clean) > MaxAliasBytes {
		return "", fmt.Sprintf("is %d bytes long; an old address may have %d at most, as its redirect page is written at that path", len(clean), MaxAliasBytes)
	}
	if dir || !strings.Contains(path.Base(clean), ".") {
		return clean + "/index.html", ""
	}
	return clean, ""
}

// MaxSources is how many sources a page's front matter may list: each is
// a line of the page, and a YAML alias listed a million times (7 MB) made
// a list of a million lines, 40 MB, in 17 s of CPU.
const MaxSources = 1000

// SchemelessHost reports whether target, the path of a link that names
// nothing of the site, starts with a host name of the web written
// without its scheme ("www.robots.ox.ac.uk/~vgg/", "youtu.be/x"): a
// first part with a dot, under a suffix ICANN runs (publicsuffix), with
// a path after it, www. before, or a suffix that is no file's extension
// (bareHostSuffix), so that a file's name ("notes.md", Moldova's suffix)
// is none. It returns the host.
func SchemelessHost(target string) (string, bool) {
	host, rest, slash := strings.Cut(target, "/")
	if strings.HasPrefix(target, "/") || !strings.Contains(host, ".") {
		return "", false
	}
	suffix, icann := publicsuffix.PublicSuffix(strings.ToLower(host))
	if !icann || strings.HasPrefix(rest, "/") || !slash && !strings.HasPrefix(host, "www.") && !bareHostSuffix(suffix) {
		return "", false
	}
	eTLD, err := publicsuffix.EffectiveTLDPlusOne(strings.ToLower(host))
	return host, err == nil && eTLD != ""
}

// bareHostSuffix reports whether suffix, a public suffix, makes a name
// with no path after it a host ("ragnar.tidyverse.org", "data.gov.uk"):
// one of two parts or more, or a generic one that no common kind of file
// ends with, as md (Moldova), py (Paraguay), zip or ai do.
func bareHostSuffix(suffix string) bool {
	switch suffix {
	case "com", "org", "net", "edu", "gov", "io", "dev", "info":
		return true
	}
	return strings.Contains(suffix, ".")
}

// StrayBeforeScheme splits an address with marks typed before its
// scheme, ".https://x.org/", which make the rest a path of the site: the
// marks, and the address meant after them; ok is false for any other.
func StrayBeforeScheme(dest string) (marks, meant string, ok bool) {
	m := strayBeforeSchemeRE.FindStringSubmatch(dest)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2] + m[3], true
}

// strayBeforeSchemeRE matches an address with marks before its scheme:
// the marks in the first group, the scheme and its slashes in the
// second, the rest in the third.
var strayBeforeSchemeRE = regexp.MustCompile(`^([./\\]+)(https?://)(.+)$`)

// hostHint says how to write u, a source's address without its scheme
// ("www.ons.gov.uk/data"): ": write https://www.ons.gov.uk/data". It is
// "" for one that names no host ("/about/", "javascript:x").
func hostHint(u string) string {
	host, _, _ := strings.Cut(u, "/")
	if strings.Contains(host, ":") || !strings.Contains(strings.Trim(host, "."), ".") {
		return ""
	}
	return ": write https://" + u
}

func parseSources(v *yaml.Node, at func(*yaml.Node) diag.Pos, diags *diag.List) []Source {
	if v.Kind != yaml.SequenceNode {
		diags.Errorf(at(v), "sources: want a list of {name, url}, got %s", yamlpos.Describe(v))
		return nil
	}
	var out []Source
	for i, item := range v.Content {
		if i == MaxSources {
			diags.Errorf(at(item), "sources: more than %d sources: a page lists %d at most; keep those its figures come from", MaxSources, MaxSources)
			break
		}
		item = yamlpos.Resolve(item)
		switch item.Kind {
		case yaml.ScalarNode:
			out = append(out, Source{Name: item.Value, NamePos: at(item)})
		case yaml.MappingNode:
			if yamlpos.UnquotedBraces(item) {
				// A name may hold a value, in quotes.
				diags.Errorf(at(item), "sources: want a name or {name, url}, got %s", yamlpos.Describe(item))
				continue
			}
			var s Source
			dup := func(k, first *yaml.Node) {
				diags.Errorf(at(k), "%s", yamlpos.Duplicate(k.Value, "in a source", first.Line))
			}
			for k, val := range yamlpos.Keys(item, dup) {
				switch k.Value {
				case "name":
					s.Name, s.NamePos = scalarString(val, "sources.name", at, diags), at(val)
				case "url":
					s.URL = scalarString(val, "sources.url", at, diags)
					if strings.TrimSpace(s.URL) != "" && s.Link() == "" {
						diags.Warnf(at(val), "sources: url %q is not an http or https address, so the source is shown without a link%s", s.URL, hostHint(strings.TrimSpace(s.URL)))
					}
				default:
					diags.Warnf(at(k), "sources: unknown key %q (known: name, url)", k.Value)
				}
			}
			if s.Name == "" && s.URL == "" {
				diags.Errorf(at(item), "sources: an entry needs a name or a url")
				continue
			}
			s.Name = cmp.Or(s.Name, s.URL)
			out = append(out, s)
		default:
			diags.Errorf(at(item), "sources: want {name, url}, got %s", yamlpos.Describe(item))
		}
	}
	return out
}

// noValues reports a {{ }} in the value v of key, or in an item of it, a
// key whose text is used as written: it would be shown as typed. fix says
// what to write instead. A {{ x }} without quotes, which YAML reads as a
// mapping, is reported the same way, at its brace, rather than as a
// mapping that quotes would mend; noValues reports whether it found one.
func (p *Page) noValues(key, fix string, v *yaml.Node, at func(*yaml.Node) diag.Pos, diags *diag.List) (unquoted bool) {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	const msg = "%s: {{ }} is not read here, and would be shown as typed: %s (values go in the prose, the title, the description and a chart's title, caption and event labels)"
	for _, n := range items {
		if yamlpos.UnquotedBraces(n) {
			diags.Errorf(at(n), msg, key, fix)
			unquoted = true
			continue
		}
		n = yamlpos.Resolve(n)
		if n.Kind != yaml.ScalarNode {
			continue
		}
		if i := strings.Index(n.Value, "{{"); i >= 0 {
			diags.Errorf(ValuePositions(p.Path, p.Source, at(n), n.Value)(i), msg, key, fix)
		}
	}
	return unquoted
}

// looksLikeJSON reports whether src starts as a JSON object with a key,
// {"title": …, and not as Markdown that starts with a value, {{ a.b }}.
func looksLikeJSON(src []byte) bool {
	rest, ok := bytes.CutPrefix(bytes.TrimLeft(src, " \t\r\n"), []byte("{"))
	return ok && bytes.HasPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte(`"`))
}

// checkSlug returns why s cannot be a slug, or "" when it can.
func checkSlug(s string) string {
	r, why, unseen := sitefs.UnseenRune(s)
	switch {
	case s == "":
		return "is empty"
	case strings.Contains(s, ".."):
		return "must not contain \"..\""
	case sitefs.DotsOnly(s):
		return sitefs.DotsOnlyWhy
	case strings.ContainsAny(s, "/\\"):
		return "must not contain a slash"
	case strings.ContainsAny(s, "?#%\"<>`\t\n"):
		return "must not contain tabs or any of ?#%\"<>`"
	case strings.TrimSpace(s) != s:
		return "must not start or end with a space"
	case strings.ContainsFunc(s, unicode.IsControl) || !utf8.ValidString(s):
		return "must not contain control characters"
	case unseen:
		return fmt.Sprintf("must not contain U+%04X, %s", r, why)
	case len(s) > MaxNameBytes:
		return fmt.Sprintf("is %d bytes long; a file name may have %d at most", len(s), MaxNameBytes)
	case s == "." || s == "tags" || s == "_plotline":
		return "is reserved"
	}
	return ""
}

// MaxTitleRunes and MaxDescriptionRunes bound a page's title and
// description, in characters. Both are written on every list that shows
// the page, each of its tags' pages among them: a title of 2 MB on a page
// of 200 tags made 394 MB of output, and the 8 MB an article may have,
// with a thousand tags, gigabytes. No headline or summary comes near.
const (
	MaxTitleRunes       = 1000
	MaxDescriptionRunes = 5000
)

// MaxNavRunes is the most characters a page's name in the site's
// navigation (its nav key) may have: the navigation is written on every
// page, and five pages named in 2 MB each made each page of the site
// 10 MB.
const MaxNavRunes = 100

// MaxNavPages is the most pages a site's navigation may name: each page
// writes every name of it, so that 2,000 pages with a nav key made 2,000
// names on each page, 246 MB of output for pages of a line each. A site's
// navigation names a few pages.
const MaxNavPages = 100

// MaxTagRunes is the most characters a tag may have, as written: a page
// lists up to 8 of its tags, on every list that shows it, and eight tags
// of 200,000 "!" after a letter, on 21 pages, made 398 MB of output.
const MaxTagRunes = 255

// checkListedLength reports a title or description of more than limit
// characters at pos.
func checkListedLength(key, s string, limit int, pos diag.Pos, diags *diag.List) {
	if n := utf8.RuneCountInString(s); n > limit {
		diags.Errorf(pos, "%s: %d characters, more than the %d a %s may have: it is written on every list that shows the page (the home page, the feed and each of its tags' pages)", key, n, limit, key)
	}
}

// MaxAliasBytes is the longest an old address under aliases may be, in
// bytes: many times any real address, and well within the paths a system
// takes once the output folder's own path is put before it.
const MaxAliasBytes = 1000

// MaxNameBytes is the longest a slug or a tag's URL segment may be, in
// bytes: each names a folder of the output, and file systems take names
// of 255 bytes at most.
const MaxNameBytes = 255

// Slugify turns a title or tag into a URL segment: lower case letters and
// digits separated by single hyphens. The marks that belong to a letter
// (an accent, a vowel sign of Devanagari) stay with it, and a letter and
// its accent written apart become one character (Unicode normal form C),
// so that the same word makes the same segment however it was typed.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(norm.NFC.String(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			hyphen = false
		case r > 127 && unicode.IsLetter(r), r > 127 && unicode.IsMark(r) && !hyphen && b.Len() > 0:
			b.WriteRune(r)
			hyphen = false
		default:
			if !hyphen && b.Len() > 0 {
				b.WriteByte('-')
				hyphen = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
