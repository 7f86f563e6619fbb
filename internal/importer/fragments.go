package importer

import (
	"bytes"
	"cmp"
	"html"
	"iter"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"

	"github.com/plotline/plotline/internal/anchor"
	"github.com/plotline/plotline/internal/diag"
)

// fragmentLink is a link with a #fragment, as written in a page's
// converted body.
type fragmentLink struct {
	pos  diag.Pos // its destination in the source
	at   int      // its destination's offset in the converted body
	dest string   // as written there: "/tinytex/faq/#faq-3", "#fn1"
}

// mendFragments drops the #fragment of each link to a page of the import
// that has no heading or element of that id. The source's pages had
// none either, or had one only once a script ran (a comment system's
// "#comment-4720783918"): the link now opens the page, and the report
// says so. A link to what is no page of the import is left for the
// build to check.
func (im *importer) mendFragments() {
	byURL := map[string]*page{}
	byFile := map[string]*page{}
	for _, p := range im.pages {
		byURL["/"+p.newURL] = p
		byFile[p.dest] = p
	}
	ids := map[*page]*pageAnchors{}
	// A page's links are mended in one pass over its text once each is
	// known (edits): rewriting the whole text for each link took time
	// in the number of links times the page's length, 50,000 links to
	// fragments a page lacks 22 s.
	type edit struct {
		at, n int // where the link's address is, and its length
		to    string
	}
	for _, p := range im.pages {
		var edits []edit
		for _, f := range slices.Backward(p.fragments) {
			where, frag, _ := strings.Cut(f.dest, "#")
			if dec, err := url.PathUnescape(frag); err == nil {
				frag = dec
			}
			target := p
			if where != "" {
				target = byURL[where]
				if target == nil && !strings.HasSuffix(where, "/") && path.Ext(where) == "" {
					// "/configuration/all#baseurl", which the server
					// redirects to its folder.
					target = byURL[where+"/"]
				}
			}
			if target == nil && markdownExt(where) && !strings.HasPrefix(where, "/") {
				// A link to the Markdown file, "../b/index.md#x", read
				// from the page's folder as plotline reads it.
				if file, err := url.PathUnescape(where); err == nil {
					target = byFile[path.Join(path.Dir(p.dest), file)]
				}
			}
			if target == nil || frag == "" {
				continue
			}
			known, ok := ids[target]
			if !ok {
				known = pageIDs(im.code, target.converted, im.conf.unsafe)
				ids[target] = known
			}
			if known.has(frag) {
				continue
			}
			if n := known.kramdownNote(frag); n != "" && im.kind == Jekyll {
				// kramdown names a footnote by its label, "#fn:aside";
				// plotline, as goldmark, by its number.
				edits = append(edits, edit{f.at, len(f.dest), where + "#" + n})
				im.done(f.pos, "link %s: footnotes are numbered, not named: written as %s", f.dest, where+"#"+n)
				continue
			}
			where = cmp.Or(where, "/"+p.newURL)
			edits = append(edits, edit{f.at, len(f.dest), where})
			if known.commented[frag] {
				im.done(f.pos, "link %s: that page has no #%s, as what made it is left in a comment, not converted: written as %s", f.dest, frag, where)
				continue
			}
			im.done(f.pos, "link %s: that page has no #%s (its old page had none either, or one a script made): written as %s", f.dest, frag, where)
		}
		if len(edits) == 0 {
			continue
		}
		slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
		var out bytes.Buffer
		out.Grow(len(p.converted))
		from := 0
		for _, e := range edits {
			out.Write(p.converted[from:e.at])
			out.WriteString(e.to)
			from = e.at + e.n
		}
		out.Write(p.converted[from:])
		p.converted = out.Bytes()
	}
}

var (
	// attrIDRE finds the ids of raw HTML elements and the names of
	// anchors: id="x", name='x'.
	attrIDRE = regexp.MustCompile(`\b(?:id|name)\s*=\s*["']([^"']+)["']`)
	// headingAttrRE finds the id in a heading's attributes: {#x .y}.
	headingAttrRE = regexp.MustCompile(`\s\{[^{}]*#([^\s{}]+)[^{}]*\}\s*$`)
	// inlineLinkRE finds a link or image, keeping its text.
	inlineLinkRE = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)|!?\[([^\]]*)\]\[[^\]]*\]`)
	// tagRE finds an HTML tag or comment.
	tagRE = regexp.MustCompile(`<!--.*?-->|<[^>]*>`)
	// footnoteRE finds a footnote's reference or, followed by a colon at
	// the start of a line, its definition: [^label].
	footnoteRE = regexp.MustCompile(`\[\^([^\]\n]+)\]`)
	// noteIDRE reads the id of a footnote or of a reference to it: "fn:3",
	// "fnref:aside", "fnref1:3" (goldmark's second reference).
	noteIDRE = regexp.MustCompile(`^(fn|fnref[0-9]*):(.+)$`)
)

// pageAnchors are the ids a page gives its headings and elements.
type pageAnchors struct {
	ids map[string]bool
	// commented are the ids named in the page's HTML comments, those
	// the import left there ({% include table.html id="x" %}), which no
	// element has.
	commented map[string]bool
	// notes numbers the page's footnotes by label, as they are numbered
	// on the page: in the order of their first reference.
	notes map[string]int
}

// has reports whether the page has the id frag: a heading's or an
// element's, or a footnote's ("fn:2") or its first reference's ("fnref:2").
func (a *pageAnchors) has(frag string) bool {
	if a.ids[frag] {
		return true
	}
	m := noteIDRE.FindStringSubmatch(frag)
	if m == nil {
		return false
	}
	n, err := strconv.Atoi(m[2])
	return err == nil && strconv.Itoa(n) == m[2] && n >= 1 && n <= len(a.notes)
}

// kramdownNote returns the id that frag, kramdown's id of a footnote or
// its first reference by label ("fn:aside"), has on the page ("fn:2"), or
// "" when frag is no such id.
func (a *pageAnchors) kramdownNote(frag string) string {
	m := noteIDRE.FindStringSubmatch(frag)
	if m == nil || a.notes[m[2]] == 0 {
		return ""
	}
	return m[1] + ":" + strconv.Itoa(a.notes[m[2]])
}

// footnoteNumbers numbers the footnotes of body by label as goldmark does:
// in the order of their first reference outside code; a footnote never
// referenced has no number.
func footnoteNumbers(body []byte, code []span) map[string]int {
	defined := map[string]bool{}
	var refs []string
	for _, m := range footnoteRE.FindAllSubmatchIndex(body, -1) {
		if inSpans(code, m[0]) {
			continue
		}
		label := string(body[m[2]:m[3]])
		lineStart := bytes.LastIndexByte(body[:m[0]], '\n') + 1
		if m[1] < len(body) && body[m[1]] == ':' && m[0]-lineStart <= 3 && len(bytes.TrimLeft(body[lineStart:m[0]], " ")) == 0 {
			defined[label] = true
			continue
		}
		refs = append(refs, label)
	}
	numbers := map[string]int{}
	for _, label := range refs {
		if defined[label] && numbers[label] == 0 {
			numbers[label] = len(numbers) + 1
		}
	}
	return numbers
}

// trailingBracesRE finds what may be a heading's attributes at the end of
// its text: " {.wide}".
var trailingBracesRE = regexp.MustCompile(`\s(\{[^{}]*\})\s*$`)

// withoutAttributes returns the text of a heading without the attributes
// it ends with, "Callouts" for "Callouts {.d-inline-block}", as goldmark
// reads them; braces goldmark does not read as attributes ("Use {x}")
// are text, and stay.
func withoutAttributes(text string) string {
	m := trailingBracesRE.FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	r := gtext.NewReader([]byte(text[m[2]:m[3]]))
	if _, ok := parser.ParseAttributes(r); !ok {
		return text
	}
	if rest, _ := r.PeekLine(); len(bytes.TrimSpace(rest)) > 0 {
		return text // more after the closing brace
	}
	return strings.TrimSpace(text[:m[0]])
}

// pageIDs returns the ids a converted body gives its headings and, when
// its raw HTML is published (rawHTML), its elements.
func pageIDs(md parser.Parser, body []byte, rawHTML bool) *pageAnchors {
	code, _ := codeSpans(md, body)
	ids := map[string]bool{}
	set := anchor.NewSet()
	var texts []string
	for _, text := range headings(body, code) {
		// Heading ids written by hand come first, as the converter
		// reserves them; ids of HTML elements do not take part.
		if id, ok := headingID(text); ok {
			set.Reserve(id)
			ids[id] = true
		} else {
			texts = append(texts, id)
		}
	}
	for _, text := range texts {
		ids[set.Add(text)] = true
	}
	commented := map[string]bool{}
	if rawHTML {
		for _, m := range attrIDRE.FindAllSubmatch(elementText(body, code), -1) {
			ids[string(m[1])] = true
		}
		for _, c := range commentRE.FindAll(body, -1) {
			for _, m := range attrIDRE.FindAllSubmatch(c, -1) {
				commented[string(m[1])] = true
			}
		}
	}
	return &pageAnchors{ids: ids, commented: commented, notes: footnoteNumbers(body, code)}
}

// commentRE finds an HTML comment.
var commentRE = regexp.MustCompile(`(?s)<!--.*?-->`)

// elementText returns body with its code (the spans code) and its HTML
// comments blanked, so that an id="x" in them, which names no element
// (an include left in a comment, "{% include table.html id="x" %}"),
// is not taken for one.
func elementText(body []byte, code []span) []byte {
	out := bytes.Clone(body)
	blank := func(start, end int) {
		for i := start; i < end && i < len(out); i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	for _, s := range code {
		blank(s.start, s.end)
	}
	for _, m := range commentRE.FindAllIndex(out, -1) {
		blank(m[0], m[1])
	}
	return out
}

// headingID returns the id a heading's text, as written, gives it in
// attributes ({#id}), or, with false, its words as a reader sees them,
// to make one from.
func headingID(text string) (string, bool) {
	if m := headingAttrRE.FindStringSubmatch(" " + text); m != nil {
		return m[1], true
	}
	text = tagRE.ReplaceAllString(withoutAttributes(text), "")
	text = inlineLinkRE.ReplaceAllString(text, "$1$2")
	return html.UnescapeString(strings.NewReplacer("\\", "", "`", "").Replace(text)), false // &#91; is [, as plotline reads it
}

// headings yields the headings of a converted body whose code is code:
// the offset where each one's line ends (a setext heading's, -1) and its
// text as written. A setext heading's text is the lines of text above
// its underline, as a paragraph's would be.
func headings(body []byte, code []span) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		var para []string // the lines of text since the last other line
		for off := 0; off < len(body); {
			next := lineEnd(body, off)
			line := strings.TrimRight(string(body[off:next]), " \t\r\n")
			trimmed := strings.TrimLeft(line, " ")
			level := run([]byte(trimmed), '#')
			switch {
			case inSpans(code, off) || len(line)-len(trimmed) > 3 && len(para) == 0:
				para = nil
			case len(para) > 0 && (trimmed != "" && strings.Trim(trimmed, "=") == "" || len(trimmed) > 1 && strings.Trim(trimmed, "-") == ""):
				// A setext heading: the paragraph above is its text.
				if !yield(-1, strings.Join(para, " ")) {
					return
				}
				para = nil
			case level >= 1 && level <= 6 && (len(trimmed) == level || trimmed[level] == ' ' || trimmed[level] == '\t'):
				text := strings.TrimSpace(trimmed[level:])
				if closing := strings.TrimRight(text, "#"); closing != text && (closing == "" || strings.HasSuffix(closing, " ")) {
					text = strings.TrimSpace(closing)
				}
				if !yield(off+len(line), text) {
					return
				}
				para = nil
			case trimmed != "" && !listItem([]byte(trimmed)) && trimmed[0] != '<' && trimmed[0] != '|':
				para = append(para, strings.TrimSpace(trimmed))
			default:
				para = nil
			}
			off = next
		}
	}
}

// blackfridayIDs writes, on a Hugo site whose headings had the ids of
// Hugo's old Markdown reader (autoHeadingIDType = "blackfriday"), the
// old id after each heading where plotline would make another,
// "### --fast-list {#fast-list}" (not "--fast-list"), so that the links
// to it, the site's and others', keep their target. p's fragment links
// move with its text.
func blackfridayIDs(md parser.Parser, p *page) {
	code, _ := codeSpans(md, p.converted)
	ours, old := anchor.NewSet(), anchor.NewSet()
	type insert struct {
		at int
		id string
	}
	var ins []insert
	for end, text := range headings(p.converted, code) {
		words, explicit := headingID(text)
		if explicit {
			continue
		}
		id, was := ours.Add(words), anchor.Blackfriday(words)
		if was != "" {
			if was = old.Take(was); was != id && end >= 0 {
				ins = append(ins, insert{end, " {#" + was + "}"})
			}
		}
	}
	if len(ins) == 0 {
		return
	}
	var out []byte
	from, shifts := 0, make([]int, len(ins)+1) // what the first n insert
	for n, in := range ins {
		out = append(append(out, p.converted[from:in.at]...), in.id...)
		from, shifts[n+1] = in.at, shifts[n]+len(in.id)
	}
	for k, f := range p.fragments {
		p.fragments[k].at += shifts[sort.Search(len(ins), func(n int) bool { return ins[n].at > f.at })]
	}
	p.converted = append(out, p.converted[from:]...)
}
