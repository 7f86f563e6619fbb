package importer

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/plotline/plotline/internal/diag"
)

// autoIDsRE matches the reference of a kramdown attribute list that gives
// the terms of a definition list ids: "auto_ids", or "auto_ids-g-" whose
// ids start with "g-".
var autoIDsRE = regexp.MustCompile(`^auto_ids(?:-([\w-]+))?$`)

// autoIDs finds kramdown's {:auto_ids} attribute lists that give their
// ids to the terms of a definition list, on a line of their own directly
// after the list or, after a blank line, directly before it. It returns
// the id of each term, by the body offset of the term's line, and the
// body offsets of those attribute lists. A term whose text is Liquid, or
// that names its own id, is left out. Only the first maxAutoIDs of them
// are read; over is the body offset of the one past them, or -1.
func autoIDs(body []byte, code []span) (terms map[int]string, lists map[int]bool, over int) {
	over = -1
	read := 0
	var lines [][2]int // each line's start and end, without its line feed
	for off := 0; off < len(body); off = lineEnd(body, off) {
		l, _, _ := bytes.Cut(body[off:], []byte("\n"))
		lines = append(lines, [2]int{off, off + len(l)})
	}
	text := func(k int) []byte { return body[lines[k][0]:lines[k][1]] }
	for k := range lines {
		line := bytes.TrimSpace(text(k))
		if !bytes.HasPrefix(line, []byte("{:")) || bytes.HasPrefix(line, []byte("{::")) || !bytes.HasSuffix(line, []byte("}")) || inSpans(code, lines[k][0]) {
			continue
		}
		prefix, ok := "", false
		for f := range strings.FieldsSeq(string(line[2 : len(line)-1])) {
			if m := autoIDsRE.FindStringSubmatch(f); m != nil {
				prefix, ok = m[1], true
				break
			}
		}
		if !ok {
			continue
		}
		if read++; read > maxAutoIDs {
			// Each reads its list to its end, which may be the page's.
			over = lines[k][0]
			break
		}
		// kramdown gives a block attribute list to the block it follows,
		// and to the next one only after a blank line.
		var dl []int
		if k > 0 && len(bytes.TrimSpace(text(k-1))) > 0 {
			for s := k - 1; s >= 0; s-- {
				if t := text(s); len(bytes.TrimSpace(t)) == 0 || t[0] == ' ' || t[0] == '\t' || t[0] == ':' || s > 0 && len(bytes.TrimSpace(text(s-1))) > 0 {
					continue // not where a list's terms may start
				}
				found, end := definitionTerms(body, lines, s)
				if found == nil || end != k {
					break
				}
				dl = found // an earlier start may take in more of the list
			}
		} else if k+1 < len(lines) {
			dl, _ = definitionTerms(body, lines, k+1)
		}
		if dl == nil {
			continue
		}
		if lists == nil {
			terms, lists = map[int]string{}, map[int]bool{}
		}
		lists[lines[k][0]] = true
		seen := map[string]bool{}
		for _, t := range dl {
			term := bytes.TrimSpace(text(t))
			if bytes.Contains(term, []byte("{{")) || bytes.Contains(term, []byte("{%")) || bytes.Contains(term, []byte("{:")) {
				continue
			}
			id := kramdownID(string(term))
			if id == "" || seen[id] {
				continue // kramdown would repeat it; the first keeps the links
			}
			seen[id] = true
			terms[lines[t][0]] = prefix + id
		}
	}
	return terms, lists, over
}

// maxAutoIDs bounds the {:auto_ids} of a page that autoIDs reads. Each
// reads its definition list to its end, and lists may run into one
// another to the end of the page: 20,000 of them, each before a term,
// took more than 30 s. A page has one or two.
const maxAutoIDs = 100

// definitionTerms reads the kramdown definition list that starts at line
// k of body, whose lines are lines, and returns the line numbers of its
// terms and the number of the line after its last one; nil when no
// definition list starts there. A term is a line of a paragraph that a
// definition (":   …") follows; a definition runs on over indented lines,
// and over blank lines before indented ones.
func definitionTerms(body []byte, lines [][2]int, k int) (terms []int, end int) {
	text := func(k int) []byte { return body[lines[k][0]:lines[k][1]] }
	blank := func(k int) bool { return len(bytes.TrimSpace(text(k))) == 0 }
	indented := func(k int) bool { t := text(k); return len(t) > 0 && (t[0] == ' ' || t[0] == '\t') }
	definition := func(k int) bool {
		t := bytes.TrimLeft(text(k), " ")
		return len(text(k))-len(t) <= 3 && len(t) > 1 && t[0] == ':' && (t[1] == ' ' || t[1] == '\t')
	}
	n := len(lines)
	for j := k; j < n; {
		first := j
		for j < n && !blank(j) && !indented(j) && !definition(j) {
			j++
		}
		if j == first || j >= n || !definition(j) {
			break
		}
		for t := first; t < j; t++ {
			terms = append(terms, t)
		}
		last := j
	definitions:
		for j++; j < n; j++ {
			switch {
			case definition(j), indented(j) && !blank(j):
				last = j
			case blank(j):
				m := j
				for m < n && blank(m) {
					m++
				}
				if m < n && (definition(m) || indented(m)) {
					j = m - 1
					continue
				}
				break definitions
			case j+1 < n && definition(j+1):
				break definitions // the next term
			case bytes.HasPrefix(text(j), []byte("{:")) || bytes.IndexByte([]byte("#<>`~|"), text(j)[0]) >= 0:
				break definitions // an attribute list, or a block of another kind
			default:
				last = j // a lazy line of the definition
			}
		}
		end = last + 1
		for j < n && blank(j) {
			j++
		}
	}
	return terms, end
}

// kramdownID returns the id kramdown makes of text: what follows its
// first ASCII letter, with only ASCII letters, digits, spaces and "-"
// kept, spaces made "-", in lower case.
func kramdownID(text string) string {
	start := strings.IndexFunc(text, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' })
	if start < 0 {
		return ""
	}
	var b strings.Builder
	for _, r := range text[start:] {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// markdownAttrRE finds kramdown's markdown attribute among a tag's
// attributes: markdown="1", markdown='block', markdown=span.
var markdownAttrRE = regexp.MustCompile(`(?i)\s+markdown\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+)`)

// startTagRE matches an HTML start tag, its name and attributes apart.
var startTagRE = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?)*)\s*(/?)>`)

// markdownBlocks are the elements whose Markdown inside kramdown's
// markdown="1" reads as blocks, and that start an HTML block in
// CommonMark: blank lines inside them let plotline read it so too.
var markdownBlocks = setOf("address article aside blockquote center details dialog div fieldset figure" +
	" footer form header hgroup main nav search section")

// markdownSpans are the elements whose inside kramdown's markdown="1"
// reads as text, one paragraph's, in which a line starting "- " or "#"
// starts no block.
var markdownSpans = setOf("a abbr acronym b bdo big button caption cite del dfn dt em h1 h2 h3 h4 h5 h6" +
	" i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt")

// markdownRaw are the elements whose text kramdown keeps as it is even
// with markdown="1".
var markdownRaw = setOf("pre script style textarea code kbd samp var math option")

// How the Markdown inside an element with kramdown's markdown attribute
// is written.
const (
	mdBlock     = iota // blank lines after the start tag and before the end tag
	mdParagraph        // a <p> without other attributes: a paragraph of its own
	mdInline           // converted to HTML by the importer
)

// mdElement is an element with kramdown's markdown attribute whose end
// tag the converter has yet to reach.
type mdElement struct {
	name     string
	value    string // its markdown attribute's: "1", "block" or "span"
	how      int
	start    int // body offset of its start tag
	out      int // offset in the output where its inside starts
	fragment int // the page's fragment links before its inside
}

// markdownStart converts the start tag at body offset i when it has
// kramdown's markdown attribute, and returns how many bytes of the body
// it took, or 0 when there is none. The attribute goes; so that the
// Markdown inside is read as Markdown, a block element (div, section…)
// gets blank lines inside it, a <p> of no other attribute becomes a
// paragraph, and any other element's inside is converted to HTML when
// its end tag is reached (markdownEnd).
func (c *converter) markdownStart(i int) int {
	b := c.body
	m := startTagRE.FindSubmatchIndex(b[i:min(len(b), i+4000)])
	if m == nil {
		return 0
	}
	attrs := b[i+m[4] : i+m[5]]
	name := strings.ToLower(string(b[i+m[2] : i+m[3]]))
	a := markdownAttrRE.FindSubmatchIndex(attrs)
	var value, rest string
	switch {
	case a != nil:
		value = strings.ToLower(strings.Trim(string(attrs[a[2]:a[3]]), `"'`))
		rest = string(attrs[:a[0]]) + string(attrs[a[1]:])
	case c.parseBlockHTML() && markdownBlocks[name] && m[7] == m[6]:
		// kramdown's parse_block_html: a block element's inside is
		// Markdown, as with markdown="1" (Minimal Mistakes' <div
		// class="notice--info"> of a bold line and a list).
		value, rest = "1", string(attrs)
	default:
		return 0
	}
	tagEnd := i + m[1]
	startTag := "<" + string(b[i+m[2]:i+m[3]]) + rest + string(b[i+m[6]:i+m[7]]) + ">"
	var how int
	switch {
	case value == "0" || value == "1" && markdownRaw[name] || m[7] > m[6]:
		// Nothing inside to read as Markdown: the attribute goes.
		if bytes.Contains(attrs, []byte("{{")) || bytes.Contains(attrs, []byte("{%")) {
			// Liquid in the tag's other attributes, which the rest of
			// the conversion makes: the attribute goes when it gets
			// there.
			put(&c.attrEdits, i+m[4]+a[0], attrEdit{start: i + m[4] + a[0], stop: i + m[4] + a[1]})
			return c.wrote(string(b[i:i+m[4]]), m[4])
		}
		return c.wrote(startTag, tagEnd-i)
	case value == "block" || value == "1" && markdownBlocks[name]:
		how = mdBlock
	case value == "span" || value == "1":
		how = mdInline
	default:
		return 0
	}
	end := c.endTag(name, tagEnd)
	if end < 0 {
		c.im.note(c.pos(i), "kramdown markdown=%q on <%s> without its end tag: its Markdown is published as written", value, name)
		c.out.Write(b[i:tagEnd])
		return tagEnd - i
	}
	ls := bytes.LastIndexByte(b[:i], '\n') + 1
	line, _, _ := bytes.Cut(b[end:], []byte("\n"))
	le := len(line)
	alone := len(bytes.TrimSpace(tagRE.ReplaceAll(b[ls:i], nil))) == 0
	inner := b[tagEnd:end]
	if how == mdBlock && !(alone && markdownBlocks[name] && shallow(inner)) {
		how = mdInline
	}
	// The end tag may itself run over lines (</p\n>): what follows it on
	// its line starts after its '>'.
	after := end + bytes.IndexByte(b[end:], '>') + 1
	if how == mdInline && name == "p" && strings.TrimSpace(rest) == "" && alone && onePara(inner) &&
		after <= end+le && len(bytes.TrimSpace(tagRE.ReplaceAll(b[after:end+le], nil))) == 0 {
		how = mdParagraph
	}
	switch how {
	case mdBlock:
		c.out.WriteString(startTag + "\n\n")
	case mdParagraph:
		c.paragraphBreak()
	default:
		c.out.WriteString(startTag)
	}
	put(&c.mdOpen, end, mdElement{name: name, value: value, how: how, start: i, out: c.out.Len(), fragment: len(c.p.fragments)})
	if how == mdInline {
		return tagEnd - i
	}
	// The inside starts on a line of its own, without the spaces before.
	return end - len(bytes.TrimLeft(b[tagEnd:end], " \t\r\n")) - i
}

// markdownEnd writes the end tag at body offset i of an element that
// markdownStart began, and returns how many bytes of the body it took, or
// 0 when the tag there ends no such element.
func (c *converter) markdownEnd(i int) int {
	e, ok := c.mdOpen[i]
	if !ok {
		return 0
	}
	delete(c.mdOpen, i)
	b := c.body
	tagLen := bytes.IndexByte(b[i:], '>') + 1
	k := len(b) - len(bytes.TrimLeft(b[i+tagLen:], " \t\r")) // past the spaces after the end tag
	switch e.how {
	case mdBlock:
		if at := bytes.LastIndex(c.out.Bytes()[:e.out], []byte("<")); e.name == "details" && at >= 0 &&
			summaryOnlyRE.Match(c.out.Bytes()[e.out:]) {
			// Just the Docs' table of contents, a fold around {:toc},
			// which plotline makes itself: an empty fold goes with it.
			c.refind(e, nil)
			c.out.Truncate(at)
			c.im.done(c.pos(e.start), "<details> that held only kramdown's table of contents: left out with it")
			return c.converted(tagLen)
		}
		c.paragraphBreak()
		c.out.Write(b[i : i+tagLen])
		// kramdown reads the line after the end tag as Markdown;
		// CommonMark would take it into the HTML block the end tag
		// starts, up to a blank line: one goes between.
		if k < len(b) && b[k] == '\n' && markdownLine(b[k+1:]) {
			c.out.WriteByte('\n')
		}
	case mdParagraph:
		c.paragraphBreak()
		// What follows on the line starts after the blank line.
		if k < len(b) && b[k] == '\n' {
			k++
		}
		return c.converted(k - i)
	default:
		// A span element's inside kramdown read as one paragraph's text.
		html, ok := inlineHTML(c.out.Bytes()[e.out:], e.value == "span" || e.value == "1" && markdownSpans[e.name])
		if !ok {
			c.im.note(c.pos(e.start), "kramdown markdown=%q on <%s>: its Markdown is published as written", e.value, e.name)
			c.out.Write(b[i : i+tagLen])
			return tagLen
		}
		c.refind(e, html)
		c.out.Write(b[i : i+tagLen])
	}
	return c.converted(tagLen)
}

// summaryOnlyRE matches the inside of a <details> that holds nothing
// but its <summary>.
var summaryOnlyRE = regexp.MustCompile(`^\s*<summary\b[^>]*>[^<]*</summary>\s*$`)

// paragraphBreak ends the output's last line without its trailing
// spaces, and ends it with a blank line.
func (c *converter) paragraphBreak() {
	out := c.out.Bytes()
	c.out.Truncate(len(bytes.TrimRight(out, " \t")))
	out = c.out.Bytes()
	switch {
	case len(out) == 0 || bytes.HasSuffix(out, []byte("\n\n")):
	case out[len(out)-1] == '\n':
		c.out.WriteByte('\n')
	default:
		c.out.WriteString("\n\n")
	}
}

// refind replaces the output of e's inside, from e.out on, with html,
// and moves the fragment links written there to their addresses in it;
// one it cannot find there is left to the build.
func (c *converter) refind(e mdElement, html []byte) {
	c.out.Truncate(e.out)
	maps.DeleteFunc(c.opens, func(_, o int) bool { return o >= e.out }) // written over
	links := c.p.fragments[e.fragment:]
	c.p.fragments = c.p.fragments[:e.fragment]
	from := 0
	for _, f := range links {
		k := bytes.Index(html[from:], []byte(`href="`+f.dest+`"`))
		if k < 0 {
			continue
		}
		from += k + len(`href="`)
		f.at = e.out + from
		c.p.fragments = append(c.p.fragments, f)
	}
	c.out.Write(html)
}

// endTag returns the body offset of the end tag of the element name
// whose inside starts at from, or -1 when it has none. The end tags of
// the elements of a name are matched once a body, in one pass
// (endTagsOf): a search from each start tag to the end of the body took
// time in the square of their number when they had no end tags, 20,000
// lines <div markdown="1"> more than a minute and a half.
func (c *converter) endTag(name string, from int) int {
	key := strings.ToLower(name)
	ends, ok := c.tagEnds[key]
	if !ok {
		ends = c.endTagsOf(name)
		put(&c.tagEnds, key, ends)
	}
	if end, ok := ends[from]; ok {
		return end
	}
	return c.scanEndTag(name, from)
}

// endTagsOf returns, for each start tag of the element name in the body
// outside code, by the offset where its inside starts, the offset of its
// end tag or -1, as scanEndTag finds it: the end tag that closes the
// latest start tag not yet closed. It returns nil, and leaves every
// search to scanEndTag, when a start tag holds a "<" in its attributes,
// which a search from inside the tag does not read and one from before
// it does.
func (c *converter) endTagsOf(name string) map[int]int {
	b := c.body
	ends := map[int]int{}
	var open []int
	for k := range b {
		closing, at, ok := c.elementTagAt(k, name)
		if !ok {
			continue
		}
		switch {
		case !closing:
			m := startTagRE.Find(b[k:min(len(b), k+4000)])
			if m == nil || bytes.HasSuffix(m, []byte("/>")) {
				continue
			}
			if bytes.IndexByte(m[1:], '<') >= 0 {
				return nil
			}
			open = append(open, k+len(m))
		case len(open) > 0:
			end := k
			if bytes.IndexByte(b[at:], '>') < 0 {
				end = -1
			}
			ends[open[len(open)-1]] = end
			open = open[:len(open)-1]
		}
	}
	for _, start := range open {
		ends[start] = -1
	}
	return ends
}

// elementTagAt reports whether a start or end tag of the element name
// begins at body offset k, outside code; if so, whether it is an end
// tag, and the offset of the name in it.
func (c *converter) elementTagAt(k int, name string) (closing bool, at int, ok bool) {
	b := c.body
	if b[k] != '<' || c.inCode(k) {
		return false, 0, false
	}
	closing = k+1 < len(b) && b[k+1] == '/'
	at = k + 1
	if closing {
		at++
	}
	if at+len(name) >= len(b) || !strings.EqualFold(string(b[at:at+len(name)]), name) || !strings.ContainsRune(" \t\r\n/>", rune(b[at+len(name)])) {
		return false, 0, false
	}
	return closing, at, true
}

// scanEndTag is endTag for a start tag that endTagsOf did not meet.
func (c *converter) scanEndTag(name string, from int) int {
	b := c.body
	depth := 0
	for k := from; k < len(b); k++ {
		closing, at, ok := c.elementTagAt(k, name)
		if !ok {
			continue
		}
		switch {
		case !closing:
			if m := startTagRE.Find(b[k:min(len(b), k+4000)]); m != nil && !bytes.HasSuffix(m, []byte("/>")) {
				depth++
			}
		case depth == 0:
			if bytes.IndexByte(b[at:], '>') < 0 {
				return -1
			}
			return k
		default:
			depth--
		}
	}
	return -1
}

// shallow reports whether the Markdown inside a block element, once
// blank lines are around it, reads as Markdown rather than as indented
// code: some line of it is indented by less than four spaces.
func shallow(inner []byte) bool {
	lines := bytes.Split(inner, []byte("\n"))
	text := false
	for k, l := range lines {
		t := bytes.TrimLeft(l, " ")
		if k == 0 || len(bytes.TrimSpace(t)) == 0 {
			continue
		}
		text = true
		if len(l)-len(t) < 4 && (len(t) == 0 || t[0] != '\t') {
			return true
		}
	}
	first := len(lines) > 0 && len(bytes.TrimSpace(lines[0])) > 0
	return first || !text
}

// markdownUnended notes the elements with kramdown's markdown attribute
// whose end tags the converter never reached, taken into something it
// converted (a Liquid tag's comment, say): their inside is as written.
func (c *converter) markdownUnended() {
	left := slices.SortedFunc(maps.Values(c.mdOpen), func(a, b mdElement) int { return a.start - b.start })
	for _, e := range left {
		c.im.note(c.pos(e.start), "kramdown markdown=%q on <%s>, whose end tag is in something converted: its Markdown is published as written", e.value, e.name)
	}
}

// onePara reports whether the inside of a <p>, on lines of its own,
// reads as one paragraph: no blank line, and no line that would start
// another block.
func onePara(inner []byte) bool {
	for k, l := range bytes.Split(bytes.TrimSpace(inner), []byte("\n")) {
		t := bytes.TrimSpace(l)
		if len(t) == 0 {
			return false
		}
		if k == 0 {
			// A mark that would start a block, "- @name", is text
			// in kramdown's <p>: the inside is converted to HTML.
			if blockMark(t) >= 0 {
				return false
			}
			continue
		}
		heading := t[0] == '#' && (len(t) == run(t, '#') || t[run(t, '#')] == ' ')
		rule := len(bytes.Trim(t, "=")) == 0 || len(bytes.Trim(t, "-* ")) == 0
		fence := bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~"))
		if heading || rule || fence || t[0] == '>' || t[0] == '|' || listItem(t) || htmlBlock(t) {
			return false
		}
	}
	return true
}

// inlineMarkdown renders the inside of an element that kramdown read as
// Markdown: CommonMark, raw HTML kept.
var inlineMarkdown = goldmark.New(goldmark.WithRendererOptions(html.WithUnsafe()))

// inlineHTML returns the HTML of md, Markdown that kramdown read within
// an element, as one line of text and tags; false when it is more than
// a paragraph of text, or too long to read here. With span, md is the
// inside of a span element, which kramdown read as text: a line of it
// starts no block.
func inlineHTML(md []byte, span bool) ([]byte, bool) {
	if len(md) > 64<<10 {
		return nil, false
	}
	// kramdown reads the inside of a span element as one paragraph,
	// blank lines or not.
	text := bytes.TrimSpace(md)
	for bytes.Contains(text, []byte("\n\n")) {
		text = bytes.ReplaceAll(text, []byte("\n\n"), []byte("\n"))
	}
	if len(text) == 0 {
		return nil, true
	}
	if span {
		text = spanLines(text)
	}
	var out bytes.Buffer
	if err := inlineMarkdown.Convert(text, &out); err != nil {
		return nil, false
	}
	h, ok := bytes.CutPrefix(bytes.TrimSuffix(out.Bytes(), []byte("\n")), []byte("<p>"))
	h, ok2 := bytes.CutSuffix(h, []byte("</p>"))
	if !ok || !ok2 || bytes.Contains(h, []byte("<p>")) || bytes.Contains(h, []byte("\n\n")) {
		return nil, false
	}
	return markdownSafe(h), true
}

// spanLines escapes the mark at the start of each line of text that would
// start a block in CommonMark ("- @name", "# 1", "> x", "2019. Then"),
// as kramdown reads the inside of a span element as text within one
// paragraph, where such a mark is only a character.
func spanLines(text []byte) []byte {
	var out bytes.Buffer
	for l := range bytes.Lines(text) {
		t := bytes.TrimLeft(l, " \t")
		out.Write(l[:len(l)-len(t)])
		if k := blockMark(t); k >= 0 {
			out.Write(t[:k])
			out.WriteByte('\\')
			t = t[k:]
		}
		out.Write(t)
	}
	return out.Bytes()
}

// blockMark returns the offset of the character in line, a line of text
// without its indentation, that makes it start a block in CommonMark (a
// list's bullet or an ordered item's '.', a heading's or a quote's mark,
// a fence, a rule or a setext underline), or -1 when it starts none.
func blockMark(line []byte) int {
	t := bytes.TrimRight(line, " \t\r\n")
	if len(t) == 0 {
		return -1
	}
	switch t[0] {
	case '>':
		return 0
	case '#':
		if n := run(t, '#'); n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t') {
			return 0
		}
	case '-', '+', '*':
		if len(t) == 1 || t[1] == ' ' || t[1] == '\t' || len(bytes.Trim(t, string(t[0])+" \t")) == 0 {
			return 0
		}
	case '=':
		if len(bytes.Trim(t, "= \t")) == 0 {
			return 0
		}
	case '`', '~':
		if run(t, t[0]) >= 3 {
			return 0
		}
	case '_':
		if len(bytes.Trim(t, "_ \t")) == 0 && bytes.Count(t, []byte("_")) >= 3 {
			return 0
		}
	}
	n := len(t) - len(bytes.TrimLeft(t, "0123456789"))
	if n > 0 && n < 10 && n < len(t) && (t[n] == '.' || t[n] == ')') && (n+1 == len(t) || t[n+1] == ' ' || t[n+1] == '\t') {
		return n
	}
	return -1
}

// markdownSafe writes the characters of html's text that Markdown (and
// plotline's {{ }}) would read as their entities, so that the HTML reads
// the same within a paragraph as in an HTML block; tags stay as they are.
func markdownSafe(html []byte) []byte {
	var out bytes.Buffer
	inTag := false
	for _, ch := range html {
		switch {
		case ch == '<':
			inTag = true
		case ch == '>':
			inTag = false
		case !inTag && strings.IndexByte("*_`[]{}\\$~", ch) >= 0:
			fmt.Fprintf(&out, "&#%d;", ch)
			continue
		}
		out.WriteByte(ch)
	}
	return out.Bytes()
}

// kramdownBlocks are the elements that start an HTML block in kramdown
// and in CommonMark alike.
var kramdownBlocks = setOf("table ul ol dl p")

// kramdownBlockEnds returns the body offsets of the line feeds that end
// a line on which an HTML block of kramdown ends: "</div>", closing the
// element that a line at the left margin opened ("<div class=x>"), or a
// one-line element ("<p>x</p>"). kramdown reads the line after it as
// Markdown; CommonMark reads it as more of the HTML block, up to a blank
// line, so that a fence right under "</div>" would be published as text.
// Fenced code is skipped. blanks are the offsets of the bytes of the
// blank lines inside such a block, which kramdown reads as raw HTML to
// its end tag, but for the inside of a <pre> and of an element with
// kramdown's markdown attribute, or of any block element where
// parse_block_html is on (the site's, parseBlockHTML, until a line of
// {::options parse_block_html="…" /} sets it); CommonMark would end the
// block at them, and read the rest as Markdown, an indented line as code.
func kramdownBlockEnds(body []byte, parseBlockHTML bool) (ends, blanks map[int]bool) {
	ends, blanks = map[int]bool{}, map[int]bool{}
	var fence []byte
	name, depth, pre, raw := "", 0, 0, false
	var inside []int // the blank lines' bytes of the block, kept if it ends
	for off := 0; off < len(body); {
		next := lineEnd(body, off)
		line := bytes.TrimRight(body[off:next], "\r\n")
		trimmed := bytes.TrimSpace(line)
		switch {
		case fence != nil:
			if bytes.HasPrefix(trimmed, fence) && len(bytes.Trim(trimmed, string(fence[:1]))) == 0 {
				fence = nil
			}
		case name == "" && (bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~"))):
			fence = line[:run(line, line[0])]
		case name == "":
			if v := parseBlockHTMLRE.FindSubmatch(trimmed); v != nil {
				parseBlockHTML = string(v[1]) == "true"
				break
			}
			m := startTagRE.FindSubmatch(line)
			if m == nil {
				break
			}
			if n := strings.ToLower(string(m[1])); markdownBlocks[n] || kramdownBlocks[n] {
				name, depth, pre, inside = n, 0, 0, nil
				raw = !bytes.Contains(bytes.ToLower(m[2]), []byte("markdown")) && !(parseBlockHTML && markdownBlocks[n])
			}
		case len(trimmed) == 0 && raw && depth > 0 && pre <= 0:
			for k := off; k < next; k++ {
				inside = append(inside, k)
			}
		}
		if name != "" {
			depth += elementDepth(line, name)
			pre += elementDepth(line, "pre")
			if depth <= 0 {
				if bytes.HasSuffix(bytes.ToLower(trimmed), []byte("</"+name+">")) && next > off && body[next-1] == '\n' {
					ends[next-1] = true
				}
				for _, k := range inside {
					blanks[k] = true
				}
				name = ""
			}
		}
		off = next
	}
	return ends, blanks
}

// elementDepth returns how many more elements name line opens than it
// closes.
func elementDepth(line []byte, name string) int {
	l := bytes.ToLower(line)
	n := 0
	for prefix, step := range map[string]int{"<": 1, "</": -1} {
		tag := []byte(prefix + name)
		for k := 0; ; {
			j := bytes.Index(l[k:], tag)
			if j < 0 {
				break
			}
			k += j + len(tag)
			if k < len(l) && l[k] != '>' && l[k] != ' ' && l[k] != '\t' && l[k] != '/' {
				continue // <divx>, <p> in <pre>
			}
			n += step
		}
	}
	return n
}

// tableTopLine leaves out the line at body offset i when it is a
// separator line ("| --- | --- |") that starts a kramdown table, above
// its header row and the separator under it. kramdown ignores it;
// CommonMark's tables start with their header row, and the line would be
// a paragraph of dashes above the table. It returns how many bytes it
// took, 0 when the line is another.
func (c *converter) tableTopLine(i int) int {
	b := c.body
	lines := bytes.SplitAfterN(b[i:], []byte("\n"), 4)
	if len(lines) < 3 || !tableSeparator(lines[0]) || tableSeparator(lines[1]) || !tableRow(lines[1]) || !tableSeparator(lines[2]) {
		return 0
	}
	if i > 0 && tableRow(b[lineStart(b, i-1):i-1]) {
		return 0 // inside a table, where it separates parts
	}
	c.im.done(c.pos(i), "kramdown table's separator line above its header, a line of dashes to CommonMark: left out")
	return c.converted(len(lines[0]))
}

// tableRow reports whether line is a row of a kramdown table: it starts
// with a "|".
func tableRow(line []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(line, " "), []byte("|"))
}

// tableSeparator reports whether line is a separator line of a table:
// "|", then dashes, colons, pluses, bars and spaces, with a dash.
func tableSeparator(line []byte) bool {
	t := bytes.TrimSpace(line)
	return tableRow(t) && bytes.Contains(t, []byte("-")) && len(bytes.Trim(t, "|-:+ \t")) == 0
}

// rawStartRE finds the start tag of a <script> or <style> element at the
// start of a line, which starts a raw HTML block in CommonMark.
var rawStartRE = regexp.MustCompile(`(?im)^ {0,3}<(script|style)(?:[\s>]|$)`)

// rawEndRE finds an end tag that ends such a block in CommonMark:
// that of any of the four elements whose text is raw.
var rawEndRE = regexp.MustCompile(`(?i)</(script|style|pre|textarea)`)

// rawInnerEnds returns the offsets in b of the end tags of other raw
// elements inside each <script> and <style> element of b that starts a
// line outside code: each would end its raw HTML block in CommonMark
// (a </textarea> in a string of jQuery), which kramdown reads whole, to
// the element's own end tag. It returns, too, the offset of each such
// element's start tag, by the offset of its first inner end tag, and
// the span of every element.
func rawInnerEnds(b []byte, code []span) (inner []int, starts map[int]int, elements []span) {
	from := 0
	for _, m := range rawStartRE.FindAllSubmatchIndex(b, -1) {
		if m[0] < from || slices.ContainsFunc(code, func(s span) bool { return s.start <= m[0] && m[0] < s.end }) {
			continue
		}
		name := string(b[m[2]:m[3]])
		var ends []int
		end := -1
		for _, e := range rawEndRE.FindAllSubmatchIndex(b[m[1]:], -1) {
			if strings.EqualFold(string(b[m[1]+e[2]:m[1]+e[3]]), name) {
				end = m[1] + e[1]
				break
			}
			ends = append(ends, m[1]+e[0])
		}
		if end < 0 {
			break // no end tag: the block goes on to the end
		}
		from = end
		elements = append(elements, span{m[0], end})
		if len(ends) > 0 {
			put(&starts, ends[0], m[0])
			inner = append(inner, ends...)
		}
	}
	return inner, starts, elements
}

// rawElementEnds keeps each <script> and <style> element of the output
// one raw HTML block, as kramdown read it: an end tag of another raw
// element in it (rawInnerEnds) is written <\/textarea>, which a script's
// string and a style sheet read the same.
func (c *converter) rawElementEnds() {
	out := c.out.Bytes()
	if !rawStartRE.Match(out) {
		return
	}
	code, _ := codeSpans(c.im.code, out)
	inner, starts, _ := rawInnerEnds(out, code)
	for _, at := range inner {
		if start, ok := starts[at]; ok {
			name := strings.ToLower(string(rawStartRE.FindSubmatch(out[start:])[1]))
			// Noted where the page's text has the element's line, when
			// it has it once (not in an include), else at its top.
			pos, line := diag.Pos{Path: c.p.src, Line: 1, Col: 1}, out[start:lineEnd(out, start)]
			if bytes.Count(c.body, line) == 1 {
				pos = c.pos(bytes.Index(c.body, line))
			}
			c.im.done(pos, "a <%s> element with an end tag of another raw element in it (%s), which would end it in CommonMark, where kramdown read it whole: written with <\\/, which it reads the same", name, rawEndRE.Find(out[at:]))
		}
	}
	for _, i := range slices.Backward(inner) {
		c.insert(i+1, "\\")
	}
}
