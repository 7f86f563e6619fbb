// Package content reads a site's content/ folder: it splits each Markdown
// file's front matter from its body without losing line numbers, decodes the
// front matter into a node tree that keeps positions, checks the fields
// plotline knows, and works out each page's URL. It reports every problem as
// a diag.Diagnostic and never stops at the first.
package content

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
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
}

// Page is one Markdown file of content/, parsed.
type Page struct {
	Path       string // slash path relative to the site, "content/articles/kursk.md"
	Source     []byte // the whole file, front matter included
	BodyOffset int    // offset in Source where the Markdown body starts
	Format     Format

	Kind        Kind
	Title       string
	Description string
	Author      string
	Date        time.Time
	Updated     time.Time // zero when the page has no "updated"
	Tags        []string
	Draft       bool
	Slug        string
	Sources     []Source
	TOC         bool       // whether to show a table of contents (default true for articles)
	Data        *yaml.Node // the value of the "data" key, nil when absent
	DataPos     diag.Pos

	// URL is the page's path below the site root, with a trailing slash and
	// no leading one: "articles/kursk/". The home page would be "".
	URL string
	// Dir is the slash folder of the file relative to the site: "content/articles".
	Dir string
	// Broken is set when the page has errors: it is reported, not rendered.
	Broken bool
}

// Body returns the Markdown body of p.
func (p *Page) Body() []byte { return p.Source[p.BodyOffset:] }

// Pos returns the position of byte offset off of p.Source.
func (p *Page) Pos(off int) diag.Pos { return diag.At(p.Path, p.Source, off) }

// knownKeys lists the front-matter keys plotline reads.
var knownKeys = map[string]bool{
	"title": true, "date": true, "description": true, "tags": true, "draft": true,
	"slug": true, "author": true, "updated": true, "sources": true, "data": true,
	"type": true, "toc": true,
}

// Parse parses the Markdown file at path (slash path relative to the site
// root, under content/) with contents src. Problems are added to diags; the
// page is returned even when it has errors, as far as it could be read.
func Parse(filePath string, src []byte, diags *diag.List) *Page {
	p := &Page{Path: filePath, Source: src, Dir: path.Dir(filePath), TOC: true}
	before := len(*diags)
	defer func() { p.Broken = p.Broken || (*diags)[before:].HasErrors() }()
	if len(src) > MaxFileSize {
		diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "%s", readError(&TooLargeError{Size: int64(len(src)), Limit: MaxFileSize}))
		return p
	}
	if !utf8.Valid(src) {
		off := FirstInvalidUTF8(src)
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
	fm, fmStart, bodyStart, format, ok, closed := split(src)
	p.Format = format
	var lines yamlLines
	if format == YAML {
		lines = newYAMLLines(fm)
	}
	fmPos := func(line, col int) diag.Pos {
		// line counts within the front matter; the fence line comes first.
		base := diag.At(filePath, p.Source, bom+fmStart)
		line, col = lines.pos(line, col)
		return diag.Pos{Path: filePath, Line: base.Line + line - 1, Col: col}
	}
	switch {
	case !ok:
		diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "missing front matter: the file must start with a line \"---\" followed by at least title and date")
		return p
	case !closed:
		diags.Errorf(diag.Pos{Path: filePath, Line: 1, Col: 1}, "front matter is never closed: add a line %q after it", map[Format]string{YAML: "---", TOML: "+++"}[format])
		return p
	}
	p.BodyOffset = bodyStart

	var root *yaml.Node
	var errLine int
	var err error
	if format == TOML {
		root, errLine, err = decodeTOML(fm)
	} else {
		root, errLine, err = decodeYAML(fm)
	}
	if err != nil {
		line := max(errLine, 1)
		diags.Errorf(fmPos(line, 1), "front matter: %v", err)
		return p
	}
	if root == nil {
		root = &yaml.Node{Kind: yaml.MappingNode}
	}
	if root.Kind != yaml.MappingNode {
		diags.Errorf(fmPos(root.Line, root.Column), "front matter must be a mapping of keys to values")
		return p
	}
	// Node positions are relative to the front matter; shift them so they
	// count lines of the file.
	movePositions(root, fmPos)
	p.decode(root, fmPos(1, 1), diags)
	return p
}

// movePositions sets the position of every node of the tree at n, which
// counts within the front matter, to the place in the file that at gives.
func movePositions(n *yaml.Node, at func(line, col int) diag.Pos) {
	if n.Line > 0 {
		pos := at(n.Line, n.Column)
		n.Line, n.Column = pos.Line, pos.Col
	}
	for _, c := range n.Content {
		movePositions(c, at)
	}
}

// FirstInvalidUTF8 returns the offset of the first byte of b that is not
// part of a UTF-8 character, or len(b) when b is all UTF-8.
func FirstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// decode reads the known fields out of the front-matter mapping.
// start is the first line of the front matter, where missing keys are reported.
func (p *Page) decode(root *yaml.Node, start diag.Pos, diags *diag.List) {
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{Path: p.Path, Line: n.Line, Col: n.Column} }
	seen := map[string]bool{}
	var titleSeen, dateSeen bool
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], resolveAlias(root.Content[i+1])
		key := k.Value
		if seen[key] {
			diags.Errorf(at(k), "%s: key appears twice", key)
			continue
		}
		seen[key] = true
		if !knownKeys[key] {
			diags.Warnf(at(k), "unknown front-matter key %q (known: author, data, date, description, draft, slug, sources, tags, title, toc, type, updated)", key)
			continue
		}
		switch key {
		case "title":
			titleSeen = true
			p.Title = scalarString(v, key, at, diags)
			if strings.TrimSpace(p.Title) == "" && v.Kind == yaml.ScalarNode {
				diags.Errorf(at(v), "title: must not be empty")
			}
		case "description":
			p.Description = scalarString(v, key, at, diags)
		case "author":
			p.Author = scalarString(v, key, at, diags)
		case "date":
			dateSeen = true
			p.Date, _ = parseDate(v, key, at, diags)
		case "updated":
			p.Updated, _ = parseDate(v, key, at, diags)
		case "draft":
			p.Draft = parseBool(v, key, at, diags)
		case "toc":
			p.TOC = parseBool(v, key, at, diags)
		case "slug":
			p.Slug = scalarString(v, key, at, diags)
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
			p.Tags = parseTags(v, at, diags)
		case "sources":
			p.Sources = parseSources(v, at, diags)
		case "data":
			p.Data = v
			p.DataPos = at(k)
		}
	}
	if !titleSeen {
		diags.Errorf(start, "missing title: add \"title: …\" to the front matter")
	}
	if !dateSeen {
		diags.Errorf(start, "missing date: add \"date: YYYY-MM-DD\" to the front matter")
	}
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		case "!!null":
			return "nothing"
		}
		return "a string"
	}
	return "an alias"
}

func scalarString(v *yaml.Node, key string, at func(*yaml.Node) diag.Pos, diags *diag.List) string {
	if v.Kind != yaml.ScalarNode {
		diags.Errorf(at(v), "%s: want text, got %s", key, kindName(v))
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

// dateLayouts are the spellings of a date or time front matter accepts.
var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// ParseDate parses a front-matter date: YYYY-MM-DD, optionally with a time.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot parse %q as a date (want YYYY-MM-DD)", s)
}

func parseDate(v *yaml.Node, key string, at func(*yaml.Node) diag.Pos, diags *diag.List) (time.Time, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		diags.Errorf(at(v), "%s: want a date (YYYY-MM-DD), got %s", key, kindName(v))
		return time.Time{}, false
	}
	t, err := ParseDate(v.Value)
	if err != nil {
		diags.Errorf(at(v), "%s: %v", key, err)
		return time.Time{}, false
	}
	if t.Year() < minYear {
		diags.Errorf(at(v), "%s: %s is before the year %d, most likely a mistyped year", key, strings.TrimSpace(v.Value), minYear)
		return time.Time{}, false
	}
	return t, true
}

// minYear is the earliest year a publication date may have. An earlier
// one is nearly always a typo (0205 for 2025), and year 1 is the zero
// date, which would read as no date at all.
const minYear = 1000

func parseTags(v *yaml.Node, at func(*yaml.Node) diag.Pos, diags *diag.List) []string {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
		v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{v}}
	}
	if v.Kind != yaml.SequenceNode {
		diags.Errorf(at(v), "tags: want a list of words, got %s", kindName(v))
		return nil
	}
	var tags []string
	seen := map[string]bool{}
	for _, t := range v.Content {
		t = resolveAlias(t)
		if t.Kind != yaml.ScalarNode {
			diags.Errorf(at(t), "tags: want a word, got %s", kindName(t))
			continue
		}
		name := strings.TrimSpace(t.Value)
		slug := Slugify(name)
		if slug == "" {
			diags.Errorf(at(t), "tags: tag %q has no letters or digits", t.Value)
			continue
		}
		if !seen[slug] {
			seen[slug] = true
			tags = append(tags, name)
		}
	}
	return tags
}

func parseSources(v *yaml.Node, at func(*yaml.Node) diag.Pos, diags *diag.List) []Source {
	if v.Kind != yaml.SequenceNode {
		diags.Errorf(at(v), "sources: want a list of {name, url}, got %s", kindName(v))
		return nil
	}
	var out []Source
	for _, item := range v.Content {
		item = resolveAlias(item)
		switch item.Kind {
		case yaml.ScalarNode:
			out = append(out, Source{Name: item.Value})
		case yaml.MappingNode:
			var s Source
			for i := 0; i+1 < len(item.Content); i += 2 {
				k, val := item.Content[i], resolveAlias(item.Content[i+1])
				switch k.Value {
				case "name":
					s.Name = scalarString(val, "sources.name", at, diags)
				case "url":
					s.URL = scalarString(val, "sources.url", at, diags)
				default:
					diags.Warnf(at(k), "sources: unknown key %q (known: name, url)", k.Value)
				}
			}
			if s.Name == "" && s.URL == "" {
				diags.Errorf(at(item), "sources: an entry needs a name or a url")
				continue
			}
			if s.Name == "" {
				s.Name = s.URL
			}
			out = append(out, s)
		default:
			diags.Errorf(at(item), "sources: want {name, url}, got %s", kindName(item))
		}
	}
	return out
}

// checkSlug returns why s cannot be a slug, or "" when it can.
func checkSlug(s string) string {
	switch {
	case s == "":
		return "is empty"
	case strings.Contains(s, ".."):
		return "must not contain \"..\""
	case strings.ContainsAny(s, "/\\"):
		return "must not contain a slash"
	case strings.ContainsAny(s, "?#%\"<>` \t\n"):
		return "must not contain spaces or any of ?#%\"<>`"
	case s == "." || s == "tags" || s == "_plotline":
		return "is reserved"
	}
	return ""
}

// Slugify turns a title or tag into a URL segment: lower case letters and
// digits separated by single hyphens.
func Slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			hyphen = false
		case r > 127 && unicode.IsLetter(r):
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
