package importer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark-emoji/definition"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/yamlpos"
)

// put sets m[k] to v, making the map first when it is nil.
func put[K comparable, V any](m *map[K]V, k K, v V) {
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[k] = v
}

// setOf returns the set of the words of s.
func setOf(s string) map[string]bool {
	set := map[string]bool{}
	for w := range strings.FieldsSeq(s) {
		set[w] = true
	}
	return set
}

// run counts the bytes c, an ASCII character, that s starts with.
func run(s []byte, c byte) int {
	return len(s) - len(bytes.TrimLeft(s, string(c)))
}

// listItem reports whether a line starts a list item.
func listItem(s []byte) bool { return listMarker(s) > 0 }

// listMarker returns the length of the list item's marker and the space
// after it that s starts with ("- ", "12. ", a number of nine digits at
// most, as CommonMark reads it), 0 when it starts none.
func listMarker(s []byte) int {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		return 2
	}
	n := len(s) - len(bytes.TrimLeft(s, "0123456789"))
	if n > 0 && n < 10 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && s[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// markdownLine reports whether the line rest starts with is Markdown that
// CommonMark would take into an HTML block above it: not blank, not an
// HTML tag and not a kramdown attribute list, which apply to that block.
func markdownLine(rest []byte) bool {
	t := bytes.TrimLeft(rest, " \t")
	return !blankLine(rest) && !bytes.HasPrefix(t, []byte("<")) && !bytes.HasPrefix(t, []byte("{:"))
}

// converter rewrites the body of one page.
type converter struct {
	im   *importer
	p    *page
	body []byte
	code []span
	// html are the raw HTML blocks of the body, which Hugo's goldmark
	// publishes as they are.
	html []span
	// rawText are the <script> and <style> elements of a Jekyll page,
	// whose text kramdown reads as no Markdown.
	rawText []span
	out     output
	at      int // body offset of the link destination being resolved
	// attrEdits are the converted addresses of raw HTML start tags
	// that have Liquid in them, by the body offset where each starts,
	// written when the conversion gets there (see rawAddresses).
	attrEdits map[int]attrEdit
	// ends are the end tags of the shortcodes of each name, by the
	// offsets of their start tags (see shortcodeEnd).
	ends map[string]map[int]int
	// loops are the Liquid tags of the body, read once for loopEnd.
	loops *loopTagIndex
	// noClose holds, for the end tag of a highlight and its delimiters,
	// the earliest place from which fence found none (see fence), and
	// for a word, the earliest place after which it is not (indexFrom).
	noClose map[string]int
	// tagEnds are the end tags of the HTML elements of each name, in
	// lower case, by the offsets where their insides start (see endTag).
	tagEnds map[string]map[int]int
	// leftOut counts the characters of the body left out as unprintable;
	// the last noted, leftOutRune, is in im.res.Notes[leftOutNote].
	leftOut, leftOutNote int
	leftOutRune          rune
	// labelEnd is where in out the text after Just the Docs' last label
	// would start, so that the next label's line, right under it, joins
	// it (see attributeList).
	labelEnd int
	// mathEnd is the body offset of the $$ that closes the kramdown math
	// being converted, and mathInline says whether it is written \).
	mathEnd    int
	mathInline bool
	// math are the $$…$$ of a Hugo page read without the passthrough
	// extension, as plotline will read them, or, with $…$ among that
	// extension's delimiters, what it read as mathematics; those before
	// the offset being converted dropped (hugoMath, dollarInline); on a
	// Jekyll page, its $…$ and $$…$$ when a script took them as
	// mathematics, and nothing else.
	math []span
	// mathCodes are the code spans of a Hugo page that the site's
	// math-code.js made mathematics, by the offsets of their opening
	// backticks (see mathCodeSpans).
	mathCodes map[int]mathCodeSpan
	// termIDs are the ids kramdown's {:auto_ids} gave the terms of
	// definition lists, by the body offset of each term's line, and
	// autoIDLists the offsets of those attribute lists.
	termIDs     map[int]string
	autoIDLists map[int]bool
	// quotes are the admonitions being written as alerts, by the body
	// offset of each one's end tag: where in the output its inside
	// starts, how many fragment links came before it, and how far its
	// start tag was indented (in a list item).
	quotes map[int][3]int
	// quoteFooters are the lines that end the block quotes of quotes,
	// by the same offsets: who a quote is by.
	quoteFooters map[int]string
	// mdOpen are the elements with kramdown's markdown attribute whose
	// end tags are yet to come, by the body offset of each end tag.
	mdOpen map[int]mdElement
	// detailsEnds are the end tags of the details shortcodes being
	// written, by body offset: true for a <details> of HTML.
	detailsEnds map[int]bool
	// wrapperEnds are the end tags of the shortcodes left out with their
	// start tags, as elements around their insides, by body offset.
	wrapperEnds map[int]bool
	// sideNotes are the footnotes made of side notes, written at the
	// end of the page, and noteLabels their labels.
	sideNotes  []sideNote
	noteLabels map[string]bool
	// lineTags are the comments of tags not converted that began a
	// line's text, kept for the end of that line (at body offset
	// lineTagsEnd), where they start no raw HTML block (see wrapAt).
	lineTags    []byte
	lineTagsEnd int
	// eol is the end of a line of the body that bodyLineEnd found, and
	// the offset on it from which it looked.
	eol struct{ from, end int }
	// places counts each place pos is asked for on from the last, as the
	// places of a page's notes mostly come in order: counted from the
	// top of the file each time, a page of one line with 50,000 tags
	// took more than a minute.
	places diag.Cursor
	// opens holds the output offset of each "[" of the body written so
	// far, by its body offset, so that a link's text can lose its
	// brackets with its link (unlink).
	opens map[int]int
	// dataVars are the variables assigned a data file, by name:
	// "rows" is "site.data.prices".
	dataVars map[string]string
	// nomarkdownEnds are the end tags of kramdown's {::nomarkdown}
	// whose insides are being converted, by body offset: their lengths.
	nomarkdownEnds map[int]int
	// tabpane holds the arguments of the Docsy tabpane whose tabs are
	// being converted, whose lang and text its tabs take (tabStart).
	tabpane args
	// blockHTML is kramdown's parse_block_html as the page's
	// {::options /} last set it, when blockHTMLSet; the site's config's
	// before (see parseBlockHTML).
	blockHTML, blockHTMLSet bool
}

// parseBlockHTML reports whether kramdown reads the inside of a block
// element of HTML as Markdown at this point of the page.
func (c *converter) parseBlockHTML() bool {
	if c.blockHTMLSet {
		return c.blockHTML
	}
	return c.im.conf.parseBlockHTML
}

// pos returns the source position of body offset off.
func (c *converter) pos(off int) diag.Pos {
	if c.places.Src == nil {
		c.places = diag.Cursor{Path: c.p.src, Src: c.p.source}
	}
	return c.places.At(c.p.bodyOff + off)
}

// inCode reports whether body offset off is in code.
func (c *converter) inCode(off int) bool { return inSpans(c.code, off) }

// inHTMLBlock reports whether body offset off is in a raw HTML block of
// a Hugo page. Hugo's Markdown reader, goldmark, reads neither a
// backslash escape nor a link there, and neither does the importer;
// kramdown's HTML blocks are not CommonMark's, and Jekyll's are left to
// the rest of the conversion.
func (c *converter) inHTMLBlock(off int) bool {
	return c.im.kind == Hugo && inSpans(c.html, off) || inSpans(c.rawText, off)
}

// literalBrace writes the brace at body offset i, which starts "{{" or
// "{%" that the page shows as typed, so that plotline shows it too: "\{"
// in Markdown; in a raw HTML block of a Jekyll page, where CommonMark
// would show the backslash, "&#123;", the brace's entity. Inside an
// element with kramdown's markdown attribute, whose HTML the importer
// reads again as Markdown, the backslash stays.
func (c *converter) literalBrace(i int) {
	if c.im.kind == Jekyll && len(c.mdOpen) == 0 && inSpans(c.html, i) {
		c.out.WriteString("&#123;")
		return
	}
	c.out.WriteString(`\{`)
}

// inSpans reports whether off is in one of spans, which are in order
// and apart. It looks the last that starts at off or before up, rather
// than going through those before it: a page of 32,000 code spans, each
// before a tag that asked, took 2 s.
func inSpans(spans []span, off int) bool {
	n, _ := slices.BinarySearchFunc(spans, off+1, func(s span, v int) int { return cmp.Compare(s.start, v) })
	return n > 0 && off < spans[n-1].end
}

// rawTagLineRE finds a line that holds nothing but a Liquid raw or
// endraw tag, which Liquid leaves blank.
var rawTagLineRE = regexp.MustCompile(`(?m)^[ \t]*\{%[ \t]*(?:end)?raw[ \t]*%\}[ \t]*$`)

// convertBody returns p's body with what plotline has an equivalent for
// converted and the rest wrapped in HTML comments.
func (im *importer) convertBody(p *page) []byte {
	c := &converter{im: im, p: p, body: p.body, opens: map[int]int{}}
	b := c.body
	// Text that plotline build refuses to read is not read here either,
	// as goldmark would take as long over it (or longer: a page may have
	// 100 MB): it is written as it is, and the build says where.
	if len(b) > sitefs.MaxFileSize {
		im.note(c.pos(0), "the text is %.1f MB, more than the %d MB plotline reads of a page: written as it is, not converted (split it into pages)", float64(len(b))/(1<<20), sitefs.MaxFileSize>>20)
		return b
	}
	if off, msg, ok := markdown.TooDeep(b); ok {
		im.note(c.pos(off), "%s: written as it is, not converted", msg)
		return b
	}
	var blockEnds, blanks map[int]bool
	if im.kind == Jekyll {
		// Code is found where kramdown finds it: the line after an HTML
		// block's end tag is Markdown. A blank line in the end tag's
		// place ends CommonMark's HTML block there too.
		blockEnds, blanks = kramdownBlockEnds(b, im.conf.parseBlockHTML)
		read := bytes.Clone(b) // the body as kramdown reads it
		for k := range blanks {
			read[k] = ' ' // no blank line: more of the HTML block
		}
		for nl := range blockEnds {
			for k := nl - 1; k >= 0 && read[k] != '\n'; k-- {
				read[k] = ' '
			}
		}
		// A <script> or <style> element is one raw HTML block to
		// kramdown, to its own end tag, whatever end tags of other raw
		// elements it holds, which would end it in CommonMark.
		var inner []int
		inner, _, c.rawText = rawInnerEnds(read, nil)
		for _, k := range inner {
			read[k+1] = '_'
		}
		// A raw or endraw tag alone on its line leaves a blank line,
		// which is what kramdown reads: indented lines after it are
		// code, not more of a paragraph.
		for _, r := range rawTagLineRE.FindAllIndex(read, -1) {
			for k := r[0]; k < r[1]; k++ {
				read[k] = ' '
			}
		}
		c.code, c.html = codeSpans(im.code, read)
		if (im.conf.chirpy && p.bool("math") || im.conf.dollarInline != nil) && bytes.IndexByte(b, '$') >= 0 {
			// Chirpy's MathJax, or the site's own, took $…$ as
			// mathematics, as Hugo's passthrough with those delimiters
			// does.
			if im.math == nil {
				im.math = newMathParser(&dollarDelims)
			}
			c.math = dollarMath(im.math, read)
		}
		var over int
		c.termIDs, c.autoIDLists, over = autoIDs(b, c.code)
		if over >= 0 {
			im.note(c.pos(over), "more than %d {:auto_ids} on the page: from here on, the terms of definition lists get no ids (add them by hand where links need them)", maxAutoIDs)
		}
	} else {
		c.code, c.html = codeSpans(im.code, b)
		if im.conf.mathCode && !p.html && bytes.IndexByte(b, '`') >= 0 {
			c.mathCodes = mathCodeSpans(im.code, b)
		}
		if !im.conf.passthrough && bytes.Contains(b, []byte("$$")) || im.conf.dollarInline != nil && bytes.IndexByte(b, '$') >= 0 {
			if im.math == nil {
				im.math = newMathParser(im.conf.dollarInline)
			}
			c.math = dollarMath(im.math, b)
		}
	}
	for i := 0; i < len(b); {
		if len(c.lineTags) > 0 && i >= c.lineTagsEnd {
			c.writeLineTags()
		}
		if c.out.Len() > sitefs.MaxFileSize {
			// A value of the config, the data or the front matter shown
			// many times: 2,000 times 1 MB made a page of 2 GB, which
			// took 4 GB and a minute, and which the build refuses.
			im.note(c.pos(i), "converted, the page has passed %d MB by here, the most plotline reads of a page (a long value of the config, the data or the front matter, shown many times?): written as it is, not converted", sitefs.MaxFileSize>>20)
			p.fragments = nil
			return b
		}
		if n := c.attrEditAt(i); n > 0 {
			i += n // an address after Liquid in a raw HTML tag
			continue
		}
		if blanks[i] {
			i++ // so too in the new page
			continue
		}
		if blockEnds[i] && markdownLine(b[i+1:]) && !bytes.HasSuffix(c.out.Bytes(), []byte("\n")) {
			// So too in the new page.
			c.out.WriteByte('\n')
		}
		if id, ok := c.termIDs[i]; ok {
			// An empty anchor at the term's start keeps its id.
			c.out.WriteString(`<a id="` + id + `"></a>`)
			delete(c.termIDs, i)
		}
		if n := c.unprintable(i); n > 0 {
			i += n
			continue
		}
		if len(im.conf.fenceLabels) > 0 && (i == 0 || b[i-1] == '\n') {
			c.fenceLabel(i)
		}
		if n := c.chartFence(i); n > 0 {
			i += n
			continue
		}
		if n := c.syntax(i); n > 0 {
			i += n
			continue
		}
		n := 0
		switch {
		case b[i] != '{' || i+1 >= len(b) || (b[i+1] != '{' && b[i+1] != '%'):
			if b[i] == '[' {
				c.opens[i] = c.out.Len()
			}
		case i > 0 && b[i-1] == '\\': // escaped
		case im.kind == Hugo:
			n = c.hugo(i)
		default:
			n = c.liquid(i)
		}
		if n == 0 {
			c.out.WriteByte(b[i])
			n = 1
		}
		i += n
	}
	c.writeLineTags()
	c.markdownUnended()
	if im.kind == Jekyll {
		c.rawElementEnds()
	}
	c.writeSideNotes()
	return c.out.Bytes()
}

// syntax converts what starts at body offset i in the syntax of the
// source's Markdown, kramdown's or Hugo's, other than its shortcodes and
// Liquid: each reader in turn, where its first byte and the site allow
// it. It returns how many bytes of the body the first reader that took
// any took, 0 when none did.
func (c *converter) syntax(i int) int {
	b, im := c.body, c.im
	lineStart := i == 0 || b[i-1] == '\n'
	jekyll, hugo, escapes := im.kind == Jekyll, im.kind == Hugo, !im.conf.passthrough
	// Each case asks a reader only when its conditions hold, and
	// matches when the reader took something: took keeps how much.
	var n int
	took := func(m int) bool { n = m; return m > 0 }
	switch {
	case hugo && b[i] == '`' && len(c.mathCodes) > 0 && !c.inHTMLBlock(i) && took(c.mathCode(i)):
	case im.conf.imageCaption != "" && im.conf.unsafe && b[i] == '!' && lineStart && took(c.captionedImage(i)):
	case jekyll && b[i] == '<' && !c.inCode(i) && (took(c.markdownEnd(i)) || took(c.markdownStart(i))):
	case jekyll && lineStart && !c.inCode(i) && (took(c.attributeList(i)) || took(c.tableTopLine(i))):
	case jekyll && b[i] == '{' && i+1 < len(b) && b[i+1] == ':' && !c.inCode(i) && took(c.kramdownSpan(i)):
	case jekyll && b[i] == '$' && took(c.kramdownMath(i)):
	case im.conf.mathScript && lineStart && b[i] == '\\' && took(c.mathEnvironment(i)):
	case escapes && b[i] == '\\' && took(c.escapedMath(i)):
	case (im.conf.dollarInline != nil || jekyll) && b[i] == '$' && len(c.math) > 0 && took(c.dollarInline(i)):
	case hugo && escapes && b[i] == '$' && len(c.math) > 0 && took(c.hugoMath(i)):
	case escapes && b[i] == '\\' && took(c.escapedBracket(i)):
	case hugo && lineStart && (im.conf.docsy || im.conf.alertHook) && !c.inCode(i) && !c.inHTMLBlock(i) && took(c.titledAlert(i)):
	case (b[i] == '{' || b[i] == '|') && !c.inCode(i) && took(c.pelicanMark(i)):
	case took(c.emoji(i)) || took(c.link(i)):
	case b[i] == '<' && !c.inCode(i) && took(c.rawAddresses(i)):
	default:
		return 0
	}
	return n
}

// fenceLabel writes, when a fenced code block opens on the line at body
// offset i with an attribute that the site's render hook showed above
// it ("```toml {filename=hugo.toml}"), that label, a code span in a
// paragraph of its own, indented as the fence is, before the block.
func (c *converter) fenceLabel(i int) {
	if !slices.ContainsFunc(c.code, func(s span) bool { return s.start == i }) {
		return
	}
	line := c.body[i:lineEnd(c.body, i)]
	fence := bytes.TrimLeft(line, " \t>")
	indent := line[:len(line)-len(fence)]
	if !bytes.HasPrefix(fence, []byte("```")) && !bytes.HasPrefix(fence, []byte("~~~")) {
		return
	}
	from := bytes.IndexByte(fence, '{')
	to := bytes.LastIndexByte(fence, '}')
	if from < 0 || to < from {
		return
	}
	attrs := parseArgs(string(fence[from+1 : to]))
	for _, k := range c.im.conf.fenceLabels {
		if v := strings.TrimSpace(attrs.named[k]); v != "" {
			label := "`" + v + "`"
			if strings.Contains(v, "`") {
				label = "`` " + v + " ``"
			}
			blank := string(bytes.TrimRight(indent, " \t")) + "\n"
			if out := c.out.Bytes(); len(out) > 0 && !bytes.HasSuffix(out, []byte("\n\n")) {
				c.out.WriteString(blank) // a paragraph of its own, not the end of the one above
			}
			c.wrote(string(indent)+label+"\n"+blank, 0)
			return
		}
	}
}

// chartFence writes the opening fence, at body offset i, of a fenced
// code block whose language is chart, a chart of the source's theme (a
// Chart.js configuration, as TeXt's chart: true pages draw), in another
// language: plotline reads ```chart as a chart of its own, and would
// refuse the theme's. The block is json when its inside is JSON, else
// text; it shows as code. It returns how many bytes of the body it took,
// 0 when no such fence starts at i.
func (c *converter) chartFence(i int) int {
	b := c.body
	if i > 0 && b[i-1] != '\n' {
		return 0
	}
	k, found := slices.BinarySearchFunc(c.code, i, func(s span, off int) int { return s.start - off })
	if !found {
		return 0
	}
	line := b[i:lineEnd(b, i)]
	fence := bytes.TrimLeft(line[quoteMarks(line):], " \t")
	if len(fence) < 3 || fence[0] != '`' && fence[0] != '~' || run(fence, fence[0]) < 3 {
		return 0
	}
	info := fence[run(fence, fence[0]):]
	word := bytes.TrimLeft(info, " \t")
	name := word
	if end := bytes.IndexAny(word, " \t\r\n{"); end >= 0 {
		name = word[:end]
	}
	if string(name) != "chart" {
		return 0
	}
	at := i + len(line) - len(word)
	var inside []byte
	for l := range bytes.Lines(b[lineEnd(b, i):c.code[k].end]) {
		inside = append(inside, l[quoteMarks(l):]...) // in a quote, its marks out
	}
	inside = bytes.TrimRight(bytes.TrimRight(inside, " \t\r\n"), string(fence[0]))
	lang := "text"
	if json.Valid(inside) {
		lang = "json"
	}
	c.out.Write(b[i:at])
	c.out.WriteString(lang)
	c.im.done(c.pos(at), "a code block of language chart, the theme's chart, which plotline would read as a chart of its own: written %s, shown as its code", lang)
	return at + len("chart") - i
}

// imageLineRE matches a line that is a Markdown image and nothing else:
// its text, its address and its title.
var imageLineRE = regexp.MustCompile(`^!\[([^\[\]\n]*)\]\(\s*([^\s()<>]+)(?:\s+"([^"\n]*)")?\s*\)[ \t]*$`)

// emLineRE matches a line of emphasis alone, "*Album cover*", which a
// site's style sheet showed as the caption of the image above it.
var emLineRE = regexp.MustCompile(`^(?:\*([^*\n]+)\*|_([^_\n]+)_)[ \t]*$`)

// ialLineRE matches a kramdown attribute list alone on its line, which
// the conversion leaves out (or keeps) as a line of its own.
var ialLineRE = regexp.MustCompile(`^[ \t]*\{:[^{}\n]*\}[ \t]*$`)

// shortcodeLineRE matches a line that is a Hugo shortcode's tag and
// nothing else, which Hugo wrote as a block of its own.
var shortcodeLineRE = regexp.MustCompile(`^\{\{[<%].*[>%]\}\}[ \t]*$`)

// captionedImage writes the image at body offset i, on a site whose image
// render hook showed a caption under it (see imageCaption), or whose
// style sheet showed the line of emphasis under it as its caption (a
// Jekyll site's "img + em"), as a <figure> with that caption, when the image is a line of its own between blank
// lines, other such images or shortcodes alone on their lines, as the
// hook's figure was a block of its own; and returns how many bytes of
// the body it took, 0 when it is no such image or has no caption.
func (c *converter) captionedImage(i int) int {
	b := c.body
	line := func(from int) []byte { return bytes.TrimRight(b[from:lineEnd(b, from)], "\r\n") }
	m := imageLineRE.FindSubmatch(line(i))
	if m == nil || c.inCode(i) {
		return 0
	}
	alone := func(l []byte) bool {
		return blankLine(l) || imageLineRE.Match(l) || shortcodeLineRE.Match(l) || ialLineRE.Match(l)
	}
	end := i + len(line(i))
	next := lineEnd(b, i)
	alt, title := string(m[1]), string(m[3])
	caption := alt
	switch c.im.conf.imageCaption {
	case "title":
		caption = title
	case "em":
		em := emLineRE.FindSubmatch(line(next))
		if em == nil {
			return 0
		}
		caption = string(em[1]) + string(em[2])
		end, next = next+len(line(next)), lineEnd(b, next)
	}
	if i > 0 && !alone(line(lineStart(b, i-1))) || next < len(b) && !alone(line(next)) || strings.TrimSpace(caption) == "" {
		return 0
	}
	caption, _ = plainText(c.im.code, caption) // the hook showed the HTML of its Markdown
	c.at = i
	c.figureHTML(c.mended(string(m[2])), stripTags(alt), caption, "")
	if next < len(b) && !blankLine(line(next)) && !imageLineRE.Match(line(next)) {
		c.out.WriteString("\n") // the line below is not the HTML block's
	}
	return end - i
}

// maxLeftOutNotes is the most characters left out of a page (see
// converter.unprintable) noted each at its place.
const maxLeftOutNotes = 10

// unprintable leaves out the character at body offset i when it is one
// a web page may not hold (see yamlpos.Unprintable), a control character
// that the source published and a reader saw as nothing or a box, and
// which plotline build refuses. It returns how many bytes it took, 0
// when the character is another.
func (c *converter) unprintable(i int) int {
	b := c.body
	if ch := b[i]; ch >= 0x20 && ch < 0x7f || ch == '\n' {
		return 0
	}
	off, r, ok := yamlpos.Unprintable(b[i:min(len(b), i+utf8.UTFMax)])
	if !ok || off != 0 {
		if !bytes.HasPrefix(b[i:], []byte("\uFEFF")) {
			return 0
		}
		// A byte order mark inside the text, which a spreadsheet's
		// cells leave behind: a web page shows it as nothing, and at
		// the start of a link's address it makes the address another.
		r = 0xFEFF
	}
	// The first ten are noted at their places; the others of the page
	// are counted in the tenth note, since finding each one's line and
	// column from the top of the file would take time in the square of
	// their number (60,000 in one page took 1.9 s).
	if c.leftOut < maxLeftOutNotes {
		c.im.done(c.pos(i), "%s: left out", leftOutWhat(r))
		c.leftOutNote, c.leftOutRune = len(c.im.res.Notes)-1, r
	} else {
		n := &c.im.res.Notes[c.leftOutNote]
		n.What = fmt.Sprintf("%s: left out (and %d more such characters of this page)", leftOutWhat(c.leftOutRune), c.leftOut-maxLeftOutNotes+1)
	}
	c.leftOut++
	return utf8.RuneLen(r)
}

// leftOutWhat says what r, a character converter.unprintable leaves out,
// is: a byte order mark, or what yamlpos.UnprintableWhat says.
func leftOutWhat(r rune) string {
	if r == 0xFEFF {
		return "the character U+FEFF, a byte order mark, which shows as nothing"
	}
	return yamlpos.UnprintableWhat(r)
}

// postref returns what blogdown's {{< blogdown/postref >}} stands for:
// the address of the page, under which the files of its bundle are
// published ("{{< blogdown/postref >}}index_files/x.js"). A translation
// whose files stayed in the default language's folder names them there.
func (c *converter) postref() string {
	dir := cmp.Or(c.p.filesDir, path.Dir(c.p.dest))
	if u, ok := c.im.bundleURL(dir); ok {
		return u
	}
	return "/" + c.p.newURL
}

// quoteFooter returns the line that names who a site's quote shortcode
// is by, from its parameters as themes name them (by, author, footer,
// and the source, cite, a link when it is an address); "" when it has
// none of them. For a template that cites its source (a <cite>, as
// Octopress's blockquote and its ports), cites says so, the source is
// its source, or else a link to its link with its title as the text,
// or else its title.
func quoteFooter(a args, cites bool) string {
	who := cmp.Or(a.named["by"], a.named["author"], a.named["footer"], a.named["attribution"])
	cite := a.named["cite"]
	if source, link, title := a.named["source"], a.named["link"], a.named["title"]; cite == "" && cites {
		switch {
		case source != "":
			cite = source
		case link != "" && strings.Contains(link, "://") && !strings.ContainsAny(link, " ()<>\n"):
			if title == "" {
				cite = "<" + link + ">"
			} else {
				cite = "[" + markdownText(title) + "](" + link + ")"
			}
			if who == "" {
				return cite
			}
			return who + ", " + cite
		default:
			cite = cmp.Or(title, link)
		}
	}
	switch {
	case cite == "":
		return who
	case strings.Contains(cite, "://") && !strings.ContainsAny(cite, " ()<>"):
		if who == "" {
			return "<" + cite + ">"
		}
		return who + " ([source](" + cite + "))"
	case who == "":
		return cite
	}
	return who + ", " + cite
}

// emoji writes the emoji that the short name at body offset i, ":eyes:",
// stood for on a source that showed them, and returns how many bytes of
// the body it took; 0 when there is none there, or it is in code or in
// a Hugo page's raw HTML block, which goldmark publishes as written.
func (c *converter) emoji(i int) int {
	b := c.body
	if !c.im.conf.emoji || b[i] != ':' || c.inCode(i) || c.inHTMLBlock(i) {
		return 0
	}
	end := i + 1
	for end < len(b) && end-i <= 40 && (b[end] >= 'a' && b[end] <= 'z' || b[end] >= '0' && b[end] <= '9' || strings.IndexByte("_+-", b[end]) >= 0) {
		end++
	}
	if end == i+1 || end >= len(b) || b[end] != ':' {
		return 0
	}
	e, ok := emojis.Get(string(b[i+1 : end]))
	if !ok {
		return 0
	}
	return c.wrote(string(e.Unicode), end+1-i)
}

// pelicanMark leaves out, at body offset i where a Markdown address
// starts, one of Pelican's marks of a link to a file of the site (see
// pelicanFile). It returns how many bytes of the body it took.
func (c *converter) pelicanMark(i int) int {
	if !addressStart(c.out.Bytes()) {
		return 0
	}
	end := upTo(c.body, i, " \t\n)\"'<>")
	rest, ok := c.pelicanFile(i, string(c.body[i:end]))
	if !ok {
		return 0
	}
	return c.converted(end - i - len(rest))
}

// pelicanFile returns dest, an address at body offset i, without the
// mark of Pelican's it starts with ({filename}, {static}, {attach}), when
// the path after the mark names a file of the new site: from the page's
// folder, or from the content folder's root after a slash, as Pelican
// read it. A site that moved from Pelican may keep such marks, which its
// new generator published as part of an address that led nowhere. A
// note says what went.
func (c *converter) pelicanFile(i int, dest string) (string, bool) {
	mark, rest, ok := content.PelicanMark(dest)
	if !ok || rest == "" {
		return "", false
	}
	file, _ := addressPath(rest)
	if rooted, ok := strings.CutPrefix(file, "/"); ok {
		if _, found := c.im.res.Files[path.Join("content", rooted)]; !found {
			return "", false
		}
	} else if !c.besidePage(file) {
		return "", false
	}
	c.im.done(c.pos(i), "%s, Pelican's mark of a link to a file of the site, which the address showed as typed and led nowhere: left out, the link is to %s", mark, rest)
	return rest, true
}

// fixedText returns s, a shortcode's fixed text, as Markdown that shows
// it as typed in a line (markdownText), and its braces, dollars, bars and
// tildes escaped too, which plotline (a value, mathematics) or a table
// or strikethrough might read.
func fixedText(s string) string {
	return fixedTextReplacer.Replace(markdownText(strings.Join(strings.Fields(s), " ")))
}

var fixedTextReplacer = strings.NewReplacer("{", `\{`, "$", `\$`, "|", `\|`, "~", `\~`)

// codeSpan returns s as a Markdown code span, which shows it as typed:
// its delimiter one backtick longer than any run of them in s.
func codeSpan(s string) string {
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// indentAsLine returns s with its lines after the first indented by the
// white space that begins the body's line of offset i, when only white
// space comes before i on that line.
func (c *converter) indentAsLine(i int, s string) string {
	start := bytes.LastIndexByte(c.body[:i], '\n') + 1
	lead := c.body[start:i]
	if len(bytes.TrimLeft(lead, " \t")) != 0 || len(lead) == 0 {
		return s
	}
	return strings.ReplaceAll(s, "\n", "\n"+string(lead))
}

// tag is a shortcode or Liquid tag read from the body.
type tag struct {
	start, end int    // its range in the body
	name       string // "figure", "/highlight", "endhighlight"
	args       string // the rest of its inside
	closing    bool   // {{< /name >}}
}

// readTag reads the tag that starts at i with open and ends with close.
func (c *converter) readTag(i int, open, close string) (tag, bool) {
	b := c.body
	if !bytes.HasPrefix(b[i:], []byte(open)) {
		return tag{}, false
	}
	// A tag is at most 4,000 bytes long: its end is looked for that far
	// and no further, so that a page of "{{<" that never end is read in
	// time linear in its length.
	j := bytes.Index(b[i+len(open):min(len(b), i+len(open)+4000+len(close))], []byte(close))
	if j < 0 || j > 4000 {
		return tag{}, false
	}
	inside := string(b[i+len(open) : i+len(open)+j])
	t := tag{start: i, end: i + len(open) + j + len(close)}
	inside = strings.TrimSpace(strings.Trim(strings.TrimSpace(inside), "-"))
	if rest, ok := strings.CutPrefix(inside, "/"); ok {
		// Hugo reads {{< / alert >}} as {{< /alert >}}.
		inside = "/" + strings.TrimSpace(rest)
	}
	name, args := inside, ""
	if k := strings.IndexAny(inside, " \t\n\r"); k >= 0 {
		name, args = inside[:k], inside[k:]
	}
	t.name, t.args, t.closing = name, strings.TrimSpace(args), strings.HasPrefix(name, "/")
	return t, true
}

// shortcodeTag reads the shortcode that starts at i, {{< >}} or {{% %}}.
func (c *converter) shortcodeTag(i int) (tag, bool) {
	t, ok := c.readTag(i, "{{<", ">}}")
	if !ok {
		t, ok = c.readTag(i, "{{%", "%}}")
	}
	// Hugo looks a shortcode up by its name in lower case: relRef is
	// relref.
	t.name = strings.ToLower(t.name)
	return t, ok
}

// hugo converts the shortcode or braces at body offset i, and returns
// how many bytes of the body it took; 0 leaves the byte as it is.
func (c *converter) hugo(i int) int {
	b := c.body
	code := c.inCode(i)
	// In code and in a raw HTML block plotline shows braces as they are.
	asTyped := code || c.inHTMLBlock(i)
	// An escaped shortcode, {{</* x */>}}, is Hugo's way to show one.
	for _, esc := range [][2]string{{"{{</*", "*/>}}"}, {"{{%/*", "*/%}}"}} {
		if t, ok := c.readTag(i, esc[0], esc[1]); ok {
			inside := string(b[i+len(esc[0]) : t.end-len(esc[1])])
			shown := esc[0][:3] + inside + esc[1][2:]
			if !asTyped {
				// Hugo put the shortcode in its page after Markdown, as
				// typed: a code span keeps it so, straight quotes and an
				// address in it not made a link.
				shown = codeSpan(shown)
			}
			return c.wrote(shown, t.end-i)
		}
	}
	if code {
		// Hugo ran shortcodes in code too: a param, plain text, is the
		// value Hugo showed there; any other stays as typed.
		t, ok := c.shortcodeTag(i)
		if ok && t.name == "param" && !t.closing {
			if v, ok := c.hugoParam(parseArgs(strings.TrimSuffix(t.args, "/")).get("name", 0)); ok {
				return c.wrote(v, t.end-i)
			}
		}
		if text := c.im.conf.shortcodes[t.name].text; ok && text != "" && !t.closing {
			// The site's shortcode of fixed text: that text, as typed.
			return c.wrote(text, t.end-i)
		}
		return 0
	}
	t, ok := c.shortcodeTag(i)
	if !ok {
		// Hugo leaves {{ and {% in content as they are: so must plotline.
		if !asTyped {
			c.out.WriteString(`\`)
		}
		c.out.WriteByte(b[i])
		return 1
	}
	if n := c.inlineShortcode(t); n > 0 {
		return n
	}
	args := parseArgs(strings.TrimSuffix(t.args, "/"))
	sc := c.im.conf.shortcodes[t.name]
	if sc.text != "" && !t.closing {
		// The site's shortcode of fixed text: that text, as the page
		// showed it. Hugo reads what {{% name %}} gives as Markdown: its
		// text is written as it is, its lines kept (indented as the
		// tag's line is, in a list item); {{< name >}} shows it as typed.
		if bytes.HasPrefix(c.body[i:], []byte("{{%")) {
			return c.wrote(c.indentAsLine(i, sc.text), t.end-i)
		}
		if c.inHTMLBlock(i) {
			return c.wrote(html.EscapeString(sc.text), t.end-i)
		}
		return c.wrote(fixedText(sc.text), t.end-i)
	}
	if sc.serverOnly && !t.closing {
		return c.serverOnly(t)
	}
	var n int
	took := func(m int) bool { n = m; return m > 0 } // as in syntax
	switch t.name {
	case "figure":
		c.figure(i, t.end, args)
		return t.end - i
	case "highlight":
		return c.fence(t, args.pos(0), "/highlight", [2]string{"{{<", ">}}"}, [2]string{"{{%", "%}}"})
	case "admonition":
		// A theme's admonition (LoveIt, DoIt, FixIt, even), {{<
		// admonition tip "Title" >}}: the alert nearest its type,
		// titled unless the title names the type; a type with no alert
		// is left. A type that is not the alert's kind (abstract, bug)
		// is the title when none is given, so that its word stays.
		typ := strings.ToLower(cmp.Or(args.get("type", 0), "note"))
		if kind := admonitionKinds[typ]; kind != "" && strings.EqualFold(typ, kind) {
			n = c.alertStart(t, kind, args.get("title", 1), typ)
		} else if kind != "" {
			n = c.alertStart(t, kind, cmp.Or(strings.TrimSpace(args.get("title", 1)), admonitionTitles[typ], capitalize(typ)))
		}
	case "param", "_param":
		// Hugo's own: the page's parameter, or else its language's or
		// the site's; Docsy's _param, of one parameter, is the same.
		if t.name == "_param" && (!c.im.conf.docsy || sc.own || len(args.posn) > 1) {
			break
		}
		if v, ok := c.hugoParam(args.get("name", 0)); ok && !t.closing {
			return c.wrote(v, t.end-i)
		}
	case "alert", "pageinfo":
		// Docsy's, where the site has no template of its own by that
		// name: the alert nearest its color, the first of its classes.
		if color, _, _ := strings.Cut(strings.TrimSpace(args.named["color"]), " "); c.im.conf.docsy && !sc.own {
			n = c.alertStart(t, cmp.Or(docsyKinds[strings.ToLower(color)], "NOTE"), args.named["title"])
		}
	case "callout":
		// Hextra's, by its type: default and info a NOTE.
		if kind, ok := hextraKinds[strings.ToLower(args.named["type"])]; ok && c.im.conf.hextra && !sc.own {
			n = c.alertStart(t, kind, "")
		}
	case "comment":
		// Hugo's own (0.137 on), or a site's whose template shows
		// nothing of its inside: the inside is for the writer alone.
		// An HTML comment keeps it so; plotline publishes none.
		if end := c.shortcodeEnd(t); (!sc.read || !sc.inner) && !strings.HasSuffix(t.args, "/") && end >= 0 {
			if et, ok := c.shortcodeTag(end); ok {
				return c.wrote("<!-- "+commentSafe(strings.TrimSpace(string(b[t.end:end])))+" -->", et.end-i)
			}
		}
	case "tabpane", "/tabpane":
		// Docsy's row of tabs, each of which shows its label
		// (tabStart) and takes the row's lang and text.
		if c.im.conf.docsy && !sc.read {
			c.tabpane = args
			if t.closing {
				c.tabpane = parseArgs("")
			}
			if out := c.out.Bytes(); c.aloneOnLine(i, t.end) && (len(out) == 0 || bytes.HasSuffix(out, []byte("\n\n"))) {
				return c.converted(afterLineEnd(b, t.end) - i) // its line too
			}
			return c.converted(t.end - i)
		}
	case "cards", "/cards", "tabs", "/tabs":
		// Hextra's grid of cards, which the cards inside it are the
		// items of (below), and its row of tabs, each of which shows
		// its name (tabStart): neither is text of its own.
		if c.im.conf.hextra && !sc.own {
			return c.converted(t.end - i)
		}
	case "card":
		// Hextra's card, a link to a page with its title and subtitle,
		// which a section's page lists its pages with: a list item.
		if title, link := strings.TrimSpace(args.named["title"]), strings.TrimSpace(args.named["link"]); c.im.conf.hextra && !sc.own && title != "" && link != "" && blankLine(c.body[lineStart(c.body, i):i]) && endsLine(c.body, t.end) {
			if indent := c.body[lineStart(c.body, i):i]; bytes.HasSuffix(c.out.Bytes(), indent) {
				c.out.Truncate(c.out.Len() - len(indent)) // the grid's, not the list's
			}
			c.out.WriteString("- [" + strings.NewReplacer("[", `\[`, "]", `\]`).Replace(title) + "](")
			c.writeAddress(c.mended(link), i)
			c.out.WriteString(")")
			if sub := strings.TrimSpace(args.named["subtitle"]); sub != "" {
				c.out.WriteString(": " + sub)
			}
			return c.converted(t.end - i)
		}
	case "badge":
		// Hextra's badge: its words, in bold.
		if text := strings.TrimSpace(cmp.Or(args.named["content"], args.pos(0))); c.im.conf.hextra && !sc.own && text != "" && !t.closing {
			return c.wrote(bold(text), t.end-i)
		}
	case "mermaid":
		// A theme's diagram (LoveIt, Docsy, Blowfish): its source in a
		// fence of that language, which is read as code, not prose,
		// and which a site's script may draw.
		return c.fence(t, "mermaid", "/mermaid", [2]string{"{{<", ">}}"}, [2]string{"{{%", "%}}"})
	case "ref", "relref":
		name, _, _ := strings.Cut(strings.Trim(strings.TrimSpace(args.get("path", 0)), `"'`), "#")
		if q := c.refPage(name); q != nil && q.draft && !c.p.draft && name != "" {
			// A draft (an expired page), which neither the source nor
			// plotline publishes: the link's text stays, without it.
			return c.wrapAt(i, t, fmt.Sprintf("%s to %s, a draft, which the source did not publish either,", t.name, q.src))
		}
		if u, ok := c.ref(args.get("path", 0)); ok {
			return c.converted(c.writeRef(i, t.end, u))
		}
		return c.wrapAt(i, t, fmt.Sprintf("%s: no page %q", t.name, args.get("path", 0)))
	case "blogdown/postref":
		return c.wrote(c.postref(), t.end-i)
	case "youtube", "vimeo", "vimeo_simple":
		// vimeo_simple: Hugo's of a still image and a link, before 0.142.
		if id := args.get("id", 0); id != "" {
			site := videoLinks[strings.TrimSuffix(t.name, "_simple")]
			return c.writeLink(i, t.end, site[0]+id, site[1]+id)
		}
	case "tweet", "x", "twitter", "twitter_simple", "x_simple":
		// Hugo's post of X (Twitter): {{< tweet user="u" id="1" >}}, or
		// the id alone in older sites.
		id := args.named["id"]
		if id == "" && len(args.named) == 0 {
			id = args.pos(0)
		}
		user := cmp.Or(args.named["user"], "i") // x.com finds a post by its id alone
		if id != "" && strings.Trim(id, "0123456789") == "" {
			return c.writeLink(i, t.end, "Post on X: "+id, "https://x.com/"+user+"/status/"+id)
		}
	case "bilibili":
		// Stack's, LoveIt's, FixIt's player of a Bilibili video, by its
		// BV or av number, and the part (p) of a video in parts.
		if id := strings.TrimSpace(args.get("id", 0)); bilibiliRE.MatchString(id) {
			u := "https://www.bilibili.com/video/" + id
			if part := strings.TrimSpace(args.get("p", 1)); part != "" && part != "1" && strings.Trim(part, "0123456789") == "" {
				u += "?p=" + part
			}
			return c.writeLink(i, t.end, "Bilibili: "+id, u)
		}
	case "tencent":
		// Stack's player of a Tencent Video, by its id.
		if id := strings.TrimSpace(args.pos(0)); tencentRE.MatchString(id) {
			return c.writeLink(i, t.end, "Tencent Video: "+id, "https://v.qq.com/x/page/"+id+".html")
		}
	case "gitlab":
		// Stack's script that shows a snippet of GitLab's, by its number.
		if id := strings.TrimSpace(args.pos(0)); id != "" && strings.Trim(id, "0123456789") == "" {
			return c.writeLink(i, t.end, "GitLab snippet "+id, "https://gitlab.com/-/snippets/"+id)
		}
	case "gist":
		if user, id := args.pos(0), args.pos(1); user != "" && id != "" {
			return c.writeLink(i, t.end, "Gist "+id, "https://gist.github.com/"+user+"/"+id)
		}
	}
	if icon := sc.iconAlert; icon != "" && n == 0 && !t.closing {
		// A box beside an icon: a warning, unless another icon is
		// named ({{< alert "twitter" >}}).
		kind := "NOTE"
		if strings.Contains(cmp.Or(args.named["icon"], args.pos(0), icon), "exclamation") {
			kind = "WARNING"
		}
		n = c.alertStart(t, kind, "")
	}
	switch open := !t.closing; {
	case n > 0: // an alert's start
		return n
	case t.closing && (took(c.admonitionEnd(t)) || took(c.detailsEnd(t))): // a site's quote's end, a fold's
		return n
	case open && (t.name == "details" && !sc.read || sc.details && !sc.code) && took(c.detailsStart(t, args)):
		// Hugo's details, or a site's shortcode of any name whose
		// template is a <details> of its inside (PaperMod's collapse);
		// one that highlights its inside is code (below).
		return n
	case open && sc.math && took(c.mathShortcode(t, args)),
		open && t.name == "tab" && (sc.read || c.im.conf.docsy || c.im.conf.hextra) && took(c.tabStart(t, args)):
		return n
	}
	if own := c.im.conf.shortcodes[strings.TrimPrefix(t.name, "/")]; own.bare && c.im.conf.unsafe && (t.closing || c.shortcodeEnd(t) >= 0) {
		// {{< rawhtml >}}…{{< /rawhtml >}}, whose template is its inside
		// alone: the inside, raw HTML, stays as written, without them.
		if c.aloneOnLine(i, t.end) {
			return c.converted(afterLineEnd(c.body, t.end) - i)
		}
		return c.converted(t.end - i)
	}
	end := -1
	if !t.closing && c.im.conf.shortcodes[t.name].wrapper && noArgs(t) {
		end = c.shortcodeEnd(t)
	}
	if c.wrapperEnds[i] || end >= 0 {
		// {{< gallery >}}…{{< /gallery >}} of hugo-easy-gallery: elements
		// around the figures inside it, and nothing of its own. The
		// inside stays, without it and its end.
		delete(c.wrapperEnds, i)
		if end >= 0 {
			put(&c.wrapperEnds, end, true)
		}
		if c.aloneOnLine(i, t.end) {
			return c.converted(afterLineEnd(c.body, t.end) - i)
		}
		return c.converted(t.end - i)
	}
	if el := c.im.conf.shortcodes[strings.TrimPrefix(t.name, "/")].inlineTag; el != "" && c.im.conf.unsafe && (t.closing || c.shortcodeEnd(t) >= 0) {
		// <mark>…</mark>, as the template wrote it; its inside Markdown.
		if t.closing {
			el = "/" + el
		}
		return c.wrote("<"+el+">", t.end-i)
	}
	if sc.link && !t.closing && took(c.linkShortcode(t, args)) {
		return n
	}
	if sc.textParam != "" && !t.closing && took(c.paramLink(t, sc, args)) {
		return n
	}
	if sc.include && !t.closing && c.p.includeDepth < maxIncludeDepth && !c.inHTMLBlock(i) {
		// The site's own shortcode that shows another page's text
		// (a snippet shared by many pages): that text, converted here.
		if q := c.refPage(strings.Trim(args.get("path", 0), `"'`)); q != nil && q != c.p && !q.html {
			if ok, why := c.mayInclude(len(q.body)); !ok {
				return c.wrapAt(i, t, fmt.Sprintf("shortcode %s: %s", t.name, why))
			}
			c.includeText(q.src, q.source, q.body, q.bodyOff)
			return t.end - i
		}
	}
	if sc.code && !t.closing && !strings.HasSuffix(t.args, "/") {
		language := ""
		if sc.codeLang {
			language = cmp.Or(args.named["language"], args.get("lang", max(sc.langPos-1, 0)))
			if _, named := args.named["lang"]; !named && args.named["language"] == "" && !chromaKnows(language) {
				// A file's name ("apache.conf"), where the template's
				// position was not read: a later argument that names
				// a language chroma knows ("apacheConf") is it.
				if k := slices.IndexFunc(args.posn, chromaKnows); k >= 0 && sc.langPos == 0 {
					language = args.posn[k]
				}
			}
			if sc.langLower {
				language = strings.ToLower(language)
			}
		}
		if n := c.siteCode(t, language); n > 0 {
			return n
		}
	}
	if sc.quote && !t.closing {
		kind := ""
		if k := classAlert(cmp.Or(args.pos(0), sc.kindDefault)); k != "" && sc.quoteKind {
			kind = k // a note of that kind: the alert nearest it
		} else if sc.note != "" {
			kind = sc.note // a note of its template's kind
		}
		if title := args.get("title", 1); kind != "" && sc.noteTitle && strings.TrimSpace(title) != "" {
			if n := c.alertStart(t, kind, title); n > 0 {
				return n
			}
		} else {
			header := ""
			if kind != "" {
				header = "[!" + kind + "]\n"
			}
			if n := c.quoteStart(t, header, quoteFooter(args, sc.cites)); n > 0 {
				return n
			}
		}
	}
	if sc.embed != "" && !t.closing {
		if u, id, ok := embedAddress(sc.embed, args); ok {
			// The site's own player of another site's video, code or
			// slides: a link to it, as YouTube's is, named by its host
			// and its id, or by its address when a parameter gives it.
			host := strings.TrimPrefix(u, "https://")
			host, _, _ = strings.Cut(host, "/")
			text := strings.TrimPrefix(host, "www.") + ": " + id
			if strings.HasPrefix(sc.embed, "{{") {
				text = u
			}
			return c.writeLink(i, t.end, text, u)
		}
	}
	if sc.media != "" && !t.closing && args.named["src"] != "" && c.siteImage(args.named["src"]) {
		// The site's own video or sound, which plays the file of its
		// src.
		c.media(i, t.end, sc, args)
		return t.end - i
	}
	if own := c.im.conf.shortcodes[strings.TrimPrefix(t.name, "/")]; own.figure && own.inner && t.closing {
		// The end of a figure's text (rOpenSci's imgtxt, a picture with
		// words beside it): the figure is written at its start, its
		// words after it.
		if c.aloneOnLine(i, t.end) {
			return c.converted(afterLineEnd(c.body, t.end) - i)
		}
		return c.converted(t.end - i)
	}
	if sc.figure && !t.closing && args.named["src"] != "" {
		// The site's own figure, which shows the image of its src.
		if !c.siteImage(args.named["src"]) {
			return c.wrapAt(i, t, fmt.Sprintf("shortcode %s: its src %s is no file of the new site (a resource its template made an image of?)", t.name, args.named["src"]))
		}
		c.figure(i, t.end, args)
		return t.end - i
	}
	if n := c.codeInside(t, args); n > 0 {
		return n
	}
	return c.wrapAt(i, t, "shortcode "+t.name)
}

// siteImage reports whether src, the image of the site's own figure
// shortcode, is an address (elsewhere, or from the root of the site, as
// a link's), or a relative path to a file of the new site: beside the
// page, or at a site path from the page's old address or from the
// site's root, as a template's relURL makes it. A relative path to
// nothing is one of the template's resources (of assets/, which it
// processed and published at an address of its making).
func (c *converter) siteImage(src string) bool {
	if k := strings.IndexAny(src, ":/?#"); k >= 0 && src[k] == ':' || strings.HasPrefix(src, "/") {
		return true
	}
	file, _ := addressPath(src)
	return c.besidePage(file) || c.im.onSite("/"+file) || c.p.oldURL != "" && c.im.onSite(path.Join(c.p.oldURL, file))
}

// besidePage reports whether file, a relative path, names a file of the
// new site from the page's folder, or from the folder its files stayed
// in (a translation by file name).
func (c *converter) besidePage(file string) bool {
	for _, dir := range []string{path.Dir(c.p.dest), c.p.filesDir} {
		if _, ok := c.im.res.Files[path.Join(dir, file)]; ok && dir != "" {
			return true
		}
	}
	return false
}

// serverOnly wraps the shortcode that starts with t, whose template shows
// its inside only under hugo server, in one HTML comment, from its start
// tag to its end tag when it has one: the published site showed none of
// it. It returns how many bytes of the body it took.
func (c *converter) serverOnly(t tag) int {
	b := c.body
	end := t.end
	if !strings.HasSuffix(t.args, "/") {
		for ct, ok := c.nextTag(t.end, "{{"); ok; ct, ok = c.nextTag(ct.start+2, "{{") {
			if ct.name == "/"+t.name {
				end = ct.end
				break
			}
		}
	}
	c.out.WriteString("<!-- plotline import: " + commentSafe(string(b[t.start:end])) + " -->")
	c.im.done(c.pos(t.start), "shortcode %s, whose template shows it only under hugo server: never published, so left out, whole, in a comment", t.name)
	return c.converted(end - t.start)
}

// inlineShortcode wraps Hugo's inline shortcode that starts with t
// ("{{< math.inline >}}" … "{{< /math.inline >}}", with
// enableInlineShortcodes) in one HTML comment, from its start tag to its
// end tag, when its inside is a template with actions ("{{ if … }}"):
// what it showed was what Hugo made of them, which its text is not. It
// returns how many bytes of the body it took, 0 when t is not such a
// shortcode (an inside without actions is its own output, and stays).
func (c *converter) inlineShortcode(t tag) int {
	script := c.im.conf.shortcodes[t.name].script
	if t.closing || !strings.HasSuffix(t.name, ".inline") && !script || strings.HasSuffix(t.args, "/") {
		return 0
	}
	b := c.body
	for ct, ok := c.nextTag(t.end, "{{"); ok; ct, ok = c.nextTag(ct.start+2, "{{") {
		if ct.name != "/"+t.name {
			continue
		}
		if !script && !bytes.Contains(bytes.ReplaceAll(b[t.end:ct.start], []byte("{{<"), nil), []byte("{{")) {
			return 0
		}
		c.out.WriteString("<!-- plotline import: " + commentSafe(string(b[t.start:ct.end])) + " -->")
		if script {
			c.im.note(c.pos(t.start), "shortcode %s, whose inside its template gave a script as code (a chart's settings and data): left out, whole; a data block and a chart block show such numbers", t.name)
		} else {
			c.im.note(c.pos(t.start), "inline shortcode %s, a template Hugo ran: left out, whole", t.name)
		}
		return ct.end - t.start
	}
	return 0
}

// liquid converts the Liquid tag or output at body offset i, and returns
// how many bytes of the body it took; 0 leaves the byte as it is.
func (c *converter) liquid(i int) int {
	b := c.body
	code := c.inCode(i)
	if t, ok := c.readTag(i, "{{", "}}"); ok && !bytes.HasPrefix(b[i:], []byte("{{<")) && !bytes.HasPrefix(b[i:], []byte("{{%")) {
		expr := strings.TrimSpace(strings.Trim(strings.TrimSpace(string(b[i+2:t.end-2])), "-"))
		s, ok := liquidPath(expr)
		if !ok {
			s, ok = c.im.siteVariable(expr)
		}
		if !ok && expr != "" && expr == c.im.conf.rootVar {
			s, ok = "", true // the site's root, as {{ site.baseurl }}
		}
		if ok && s == "" && !code && (t.end >= len(b) || b[t.end] != '/' && b[t.end] != '{') {
			// The site's root, and nothing after it.
			out := c.out.Bytes()
			switch {
			case addressStart(out):
				s = "/" // [home]({{ site.url }}): the home page
			case strings.Contains(expr, "url") && c.im.conf.publishedURL() != "":
				// In prose: the address Jekyll showed.
				s = strings.TrimSuffix(c.im.conf.publishedURL(), "/")
			}
		}
		if ok {
			c.im.res.Converted++
			// The site path the output begins, "{{ site.url }}/ru/", is
			// an address like any other: one the new site lacks keeps
			// the old site's.
			end := upTo(b, t.end, " \t\n)\"'<>[]{")
			for end > t.end && strings.IndexByte(".,;:!?", b[end-1]) >= 0 {
				end-- // the sentence's, as linkify leaves it out
			}
			if u := s + string(b[t.end:end]); !code && strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
				c.at = i
				if abs, ok := c.elsewhere(u, u); ok {
					c.out.WriteString(abs)
					return end - i
				}
			}
			c.out.WriteString(s)
			return t.end - i
		}
		if n := c.pageVariable(i, t, expr); n > 0 {
			return n
		}
		if code {
			return 0
		}
		return c.wrapAt(i, t, "Liquid output {{ "+expr+" }}")
	}
	t, ok := c.readTag(i, "{%", "%}")
	if !ok {
		if !code {
			c.literalBrace(i)
			return 1
		}
		return 0
	}
	switch t.name {
	case "raw":
		// What is between raw and endraw is shown as it is written.
		innerEnd, end, ok := c.rawEnd(t)
		if !ok {
			break
		}
		inner := b[t.end:innerEnd]
		for k := range inner {
			if inner[k] == '{' && k+1 < len(inner) && (inner[k+1] == '{' || inner[k+1] == '%') && !c.inCode(t.end+k) && (k == 0 || inner[k-1] != '\\') {
				c.literalBrace(t.end + k)
				continue
			}
			c.out.WriteByte(inner[k])
		}
		return c.converted(end - i)
	case "comment":
		if innerEnd, end, ok := c.endTagOf(t, "endcomment"); ok {
			return c.wrote("<!-- "+commentSafe(string(b[t.end:innerEnd]))+" -->", end-i)
		}
	}
	if code {
		return 0
	}
	if _, ok := c.im.conf.liquidNotes[t.name]; ok {
		// A note of the site's own plugin.
		if n := c.liquidNoteStart(t); n > 0 {
			return n
		}
	}
	if name, ok := strings.CutPrefix(t.name, "end"); ok && c.im.conf.liquidNotes[name] != "" {
		if n := c.admonitionEnd(t); n > 0 {
			return n
		}
	}
	var n int
	switch t.name {
	case "highlight":
		return c.fence(t, parseArgs(t.args).pos(0), "endhighlight", [2]string{"{%", "%}"})
	case "post_url", "link":
		arg := strings.TrimSpace(t.args)
		if u, ok := c.ref(arg); ok {
			return c.converted(c.writeRef(i, t.end, u))
		}
		if t.name == "post_url" {
			return c.wrapAt(i, t, "post_url: no post "+arg)
		}
		if _, ok := c.im.res.Files["content/"+strings.TrimPrefix(arg, "/")]; ok {
			return c.wrote("/"+strings.TrimPrefix(arg, "/"), t.end-i)
		}
		return c.wrapAt(i, t, "link: no page or file "+arg)
	case "include", "include_relative", "include_cached":
		// include_cached is jekyll-include-cache's include, which shows
		// the same text.
		c.include(t)
		return t.end - i
	case "figure":
		n = c.jekyllFigure(i, t)
	case "youtube", "vimeo":
		// A plugin's video ({% youtube gpz8aPXwd18 %}, the id first, its
		// size after): a link to it, as Hugo's youtube is.
		if text, u, ok := videoTag(b[t.start:t.end]); ok {
			return c.writeLink(i, t.end, text, u)
		}
	case "for":
		n = cmp.Or(c.collectionLoop(t), c.dataTable(t))
	case "assign":
		// A variable that names a data file, for dataTable; it shows
		// nothing.
		if name, v, ok := strings.Cut(t.args, "="); ok && strings.HasPrefix(strings.TrimSpace(v), "site.data.") && !strings.ContainsAny(strings.TrimSpace(v), " |") {
			put(&c.dataVars, strings.TrimSpace(name), strings.TrimSpace(v))
			return c.converted(t.end - i)
		}
	case "cite":
		n = c.cite(i, t)
	case "bibliography":
		if strings.Contains(t.args, "--cited") && len(c.noteLabels) > 0 {
			// The works cited, which are now the page's footnotes.
			c.im.done(c.pos(i), "jekyll-scholar's list of the works cited: left out, as they are the page's footnotes")
			return t.end - i
		}
	}
	if n > 0 {
		return n
	}
	return c.wrapAt(i, t, "Liquid tag "+t.name)
}

// liquidNoteStart begins the alert that a plugin's note tag t stands
// for, {% notice warning %} at the start of a line, with its end tag at
// the start of a later one: the alert nearest its first argument's
// class, or else the plugin's own. admonitionEnd quotes its inside at
// the end tag. It returns how many bytes of the body it took, 0 when t
// is not so placed.
func (c *converter) liquidNoteStart(t tag) int {
	b := c.body
	if lineStart(b, t.start) != t.start || c.out.Len() > 0 && !bytes.HasSuffix(c.out.Bytes(), []byte("\n")) {
		return 0
	}
	end := -1
	for in, ok := c.nextTag(t.end, "{%"); ok; in, ok = c.nextTag(in.end, "{%") {
		if in.name == t.name {
			return 0 // nested: left
		}
		if in.name == "end"+t.name {
			end = in.start
			break
		}
	}
	if end < 0 {
		return 0
	}
	kind := c.im.conf.liquidNotes[t.name]
	if f := strings.Fields(t.args); len(f) > 0 {
		kind = cmp.Or(classAlert(f[0]), kind)
	}
	put(&c.quotes, end, [3]int{c.out.Len(), len(c.p.fragments), 0})
	return c.wrote("[!"+kind+"]\n", afterLineEnd(b, t.end)-t.start)
}

// videoTagRE matches a plugin's video tag alone: {% youtube ID %} or
// {% vimeo ID %}, a size after the id or not.
var videoTagRE = regexp.MustCompile(`^\{%-?\s*(youtube|vimeo)\s+([A-Za-z0-9_-]+)(?:\s+[0-9]+)*\s*-?%\}$`)

// videoTag returns the text and address of the link that s, a plugin's
// video tag alone, stands for; false for anything else.
func videoTag(s []byte) (text, u string, ok bool) {
	m := videoTagRE.FindSubmatch(s)
	if m == nil {
		return "", "", false
	}
	v, id := videoLinks[string(m[1])], string(m[2])
	return v[0] + id, v[1] + id, true
}

// embedActionRE matches an action of an embed's address that gives a
// parameter: {{ .Get 0 }}, {{ .Get "id" }}, {{ index .Params 0 }}.
var embedActionRE = regexp.MustCompile(`\{\{-?\s*(?:\.Get\s+(?:(\d)|"(\w+)")|index\s+\.Params\s+(\d))\s*-?\}\}`)

// embedAddress returns the address that src, the template of an
// embed's address (shortcode.embed), makes of the parameters a, and the
// parameters it takes, joined by "/", the embed's id
// ("chriscoyier/gfdDu"); false when src has an action of another kind,
// or a parameter it takes is not given or is not a word (letters,
// digits, "-", "_", "."), but for an https address where src starts
// with it.
func embedAddress(src string, a args) (string, string, bool) {
	var ids []string
	ok := true
	u := embedActionRE.ReplaceAllStringFunc(src, func(act string) string {
		m := embedActionRE.FindStringSubmatch(act)
		var v string
		switch {
		case m[2] != "":
			v = a.named[m[2]]
		default:
			n, _ := strconv.Atoi(m[1] + m[3])
			v = a.pos(n)
		}
		v = strings.TrimSpace(v)
		word := v != "" && strings.Trim(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == ""
		// The first may be an address of its own, where src starts
		// with it: Google Slides' "https://docs.google.com/…".
		address := len(ids) == 0 && strings.HasPrefix(src, act) && strings.HasPrefix(v, "https://") && !strings.ContainsAny(v, " \t\"'<>{}")
		if !word && !address {
			ok = false
		}
		ids = append(ids, v)
		return v
	})
	if !ok || len(ids) == 0 || strings.Contains(u, "{{") {
		return "", "", false
	}
	if strings.HasPrefix(u, "//") {
		u = "https:" + u
	}
	return u, strings.Join(ids, "/"), true
}

// bilibiliRE matches a Bilibili video's number: BV1634y1t7xR, av170001.
var bilibiliRE = regexp.MustCompile(`^(?:[Bb][Vv][0-9A-Za-z]{10}|[Aa][Vv][0-9]+)$`)

// tencentRE matches the id of a Tencent Video: u00306ng962.
var tencentRE = regexp.MustCompile(`^[0-9A-Za-z]+$`)

// videoLinks are the text and the address of a link to a video, before
// its id, by the shortcode or tag that shows it.
var videoLinks = map[string][2]string{"youtube": {"YouTube: ", "https://www.youtube.com/watch?v="}, "vimeo": {"Vimeo: ", "https://vimeo.com/"}}

// figureArgRE matches an argument of jekyll-figure's figure tag:
// caption:"A *caption*", class:'wide'.
var figureArgRE = regexp.MustCompile(`(\w+):(?:"([^"]*)"|'([^']*)')`)

// imageRE matches a Markdown image, with an optional title, at the
// start of a text: ![alt](/src.png "title").
var imageRE = regexp.MustCompile(`^!\[([^\]\n]*)\]\(\s*<?([^\s()<>]+)>?(?:\s+"([^"\n]*)")?\s*\)`)

// linkedImageRE matches a Markdown image that is a link's text, at the
// start of a text: [![alt](/small.png)](/large.png).
var linkedImageRE = regexp.MustCompile(`^\[(!\[[^\]\n]*\]\([^()\n]*\))\]\(\s*<?([^\s()<>]+)>?\s*\)`)

// jekyllFigure writes jekyll-figure's {% figure caption:"…" %}, at body
// offset i, with nothing but Markdown images inside, one or more on a
// line (or images that are links' text), and its endfigure tag after
// it: one
// image as a figure of it with the caption, as Hugo's figure is written;
// more, on a site whose raw HTML is published, as one <figure> of them
// all with the caption. It returns how many bytes of the body it took,
// to the end of its endfigure tag; 0 for anything else inside, which is
// left.
func (c *converter) jekyllFigure(i int, t tag) int {
	innerEnd, stop, ok := c.endTagOf(t, "endfigure")
	if !ok {
		return 0
	}
	caption := ""
	for _, f := range figureArgRE.FindAllStringSubmatch(t.args, -1) {
		if f[1] == "caption" {
			caption = f[2] + f[3]
		}
	}
	if text, u, ok := videoTag(bytes.TrimSpace(c.body[t.end:innerEnd])); ok {
		// A plugin's video with its caption: the link to it in a
		// figure with the caption, where raw HTML is published.
		if !c.im.conf.unsafe || !c.aloneOnLine(i, stop) {
			return 0
		}
		caption, _ = plainText(c.im.code, caption)
		c.out.WriteString(`<figure><a href="` + html.EscapeString(u) + `">` + html.EscapeString(text) + `</a>`)
		c.endFigure(caption)
		return stop - i
	}
	type image struct {
		a  args
		at int // body offset of the image
	}
	var imgs []image
	off := t.end
	for l := range bytes.Lines(c.body[t.end:innerEnd]) {
		at := off
		off += len(l)
		// The images of the line, one after another.
		line := bytes.TrimRight(l, " \t\r\n")
		for k := 0; ; {
			k = afterSpaces(line, k)
			if k == len(line) {
				break
			}
			img, link, n := line[k:], "", 0
			if m := linkedImageRE.FindSubmatch(img); m != nil {
				// An image that links to a larger one.
				img, link, n = m[1], string(m[2]), len(m[0])
			}
			m := imageRE.FindSubmatch(img)
			if m == nil {
				return 0
			}
			n = cmp.Or(n, len(m[0]))
			imgs = append(imgs, image{args{named: map[string]string{"src": string(m[2]), "alt": string(m[1]), "title": string(m[3]), "link": link}}, at + k})
			k += n
		}
	}
	switch {
	case len(imgs) == 1:
		a := imgs[0].a
		if caption != "" {
			// The figure shows its caption; the image's title was a
			// tooltip.
			a.named["caption"], a.named["title"] = caption, ""
		}
		c.figure(i, stop, a)
	case len(imgs) > 1 && c.im.conf.unsafe && c.aloneOnLine(i, stop):
		c.out.WriteString("<figure>")
		for _, img := range imgs {
			c.at = img.at
			c.out.WriteString(c.figureImage(c.mended(img.a.named["src"]), stripTags(img.a.named["alt"]), img.a.named["link"]))
		}
		caption, _ = plainText(c.im.code, caption) // jekyll-figure made HTML of its Markdown
		c.endFigure(caption)
	default:
		return 0
	}
	return stop - i
}

// loopRE matches the inside of a Liquid loop over the pages of a
// collection or the posts, in the order Jekyll gives them or reversed:
// "post in site.publications reversed".
var loopRE = regexp.MustCompile(`^\w+\s+in\s+site\.(\w+)(\s+reversed)?$`)

// collectionLoop writes the Liquid loop t over the pages of a collection
// with output, or over the posts ({% for post in site.publications
// reversed %}, as academicpages lists its publications), as the list of
// links to those pages as they are now, in Jekyll's order: a Markdown
// list, or one of HTML in a raw HTML block. It returns how many bytes of
// the body it took, to the end of its endfor tag; 0 when the loop holds
// anything but text, HTML, outputs and includes (a condition, another
// loop), which choose what it shows, or is over something else.
func (c *converter) collectionLoop(t tag) int {
	m := loopRE.FindStringSubmatch(t.args)
	if m == nil || c.inCode(t.start) || c.im.conf.polyglot != nil {
		return 0 // polyglot lists each language's pages on its own
	}
	name, reversed := m[1], m[2] != ""
	dir := ""
	for _, coll := range c.im.conf.collections { // by folder
		if coll.name == name && coll.output {
			dir = coll.dir
		}
	}
	future, _ := lookup(c.im.conf.vars, "future").(bool)
	var pages []*page
	for _, p := range c.im.pages {
		if p.draft || p.unpublished || !future && p.date.After(c.im.now) {
			continue // Jekyll lists only what it publishes
		}
		if dir != "" && strings.HasPrefix(p.src, dir+"/") || name == "posts" && p.post {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		return 0
	}
	// The end tag, with nothing between that chooses what is shown.
	end := -1
	for in, ok := c.nextTag(t.end, "{%"); ok; in, ok = c.nextTag(in.end, "{%") {
		if in.name == "endfor" {
			end = in.end
			break
		}
		if in.name != "include" && in.name != "include_relative" && in.name != "include_cached" {
			return 0
		}
	}
	if end < 0 {
		return 0
	}
	// Jekyll orders a collection's documents by date, then path, and
	// gives site.posts newest first.
	slices.SortStableFunc(pages, func(a, b *page) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.src, b.src))
	})
	if name == "posts" != reversed {
		slices.Reverse(pages)
	}
	inHTML := inSpans(c.html, t.start)
	for k, p := range pages {
		switch {
		case inHTML:
			c.out.WriteString(`<li><a href="/` + html.EscapeString(p.newURL) + `">` + html.EscapeString(p.title) + "</a></li>")
		default:
			if k > 0 {
				c.out.WriteString("\n")
			}
			c.out.WriteString("- [" + linkText(p.title) + "](</" + p.newURL + ">)")
		}
	}
	c.im.done(c.pos(t.start), "a Liquid loop over site.%s: written as the list of its %d pages as they are now (new pages do not join it)", name, len(pages))
	return c.converted(end - t.start)
}

// addressStart reports whether out, what the converter has written, ends
// where an address starts: a Markdown link's, an attribute's value, a
// reference definition's.
func addressStart(out []byte) bool {
	return slices.ContainsFunc([]string{"](", "](<", `="`, `='`}, func(end string) bool { return bytes.HasSuffix(out, []byte(end)) }) ||
		refLabelEnd(bytes.TrimSuffix(refLine(out), []byte("<")))
}

// refLine returns the last line of out when it is short enough to be a
// reference definition's label and its colon ("[x]: "), which CommonMark
// bounds at 999 characters, and nil otherwise. It reads no further back
// than that: reading back to the line's start took, on a page of one
// line with many tags, time in the square of its length.
func refLine(out []byte) []byte {
	from := max(0, len(out)-4*999-16)
	k := bytes.LastIndexByte(out[from:], '\n')
	if k < 0 && from > 0 {
		return nil
	}
	return out[from+k+1:]
}

// liquidPath converts the Liquid outputs that name an address of the
// site: {{ site.baseurl }} and {{ site.url }} are the empty path,
// {{ "/x" | relative_url }} is "/x".
func liquidPath(expr string) (string, bool) {
	switch strings.ReplaceAll(expr, " ", "") {
	case "site.baseurl", "site.url", "site.github.url", "site.url|append:site.baseurl", "site.url|append:site.baseurl|append:\"/\"":
		return "", true
	}
	parts := strings.Split(expr, "|")
	if len(parts) < 2 {
		return "", false
	}
	lit := strings.TrimSpace(parts[0])
	if len(lit) < 2 || (lit[0] != '"' && lit[0] != '\'') || lit[len(lit)-1] != lit[0] {
		return "", false
	}
	u := lit[1 : len(lit)-1]
	for _, f := range parts[1:] {
		f = strings.ReplaceAll(strings.TrimSpace(f), " ", "")
		switch f {
		case "relative_url", "absolute_url":
			// Both begin a path with a slash: 'docs/a/' | relative_url
			// is /docs/a/ under the base URL.
			if k := strings.IndexAny(u, ":/?#"); !strings.HasPrefix(u, "/") && (k < 0 || u[k] != ':') {
				u = "/" + u
			}
		case "prepend:site.baseurl", "prepend:site.url":
		default:
			return "", false
		}
	}
	return u, true
}

// siteVariableRE matches a Liquid output that is a variable of the
// site's config and nothing else: site.license.url.
var siteVariableRE = regexp.MustCompile(`^site(\.[A-Za-z_][A-Za-z0-9_-]*)+$`)

// siteVariable returns the value that the Liquid output expr, a variable
// of the site's config ({{ site.license.url }}), has in _config.yml,
// when that is a string or a number.
func (im *importer) siteVariable(expr string) (string, bool) {
	if !siteVariableRE.MatchString(expr) {
		return "", false
	}
	key := strings.TrimPrefix(expr, "site.")
	if k, ok := strings.CutPrefix(key, "data."); ok {
		return valueText(im.dataVariable(k))
	}
	return valueText(lookup(im.conf.vars, key))
}

// valueText returns v, a variable's value, as Liquid writes it, when it
// is a string or a number.
func valueText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int, int64, uint64, float64:
		return fmt.Sprint(v), true
	}
	return "", false
}

// pageVariableRE matches a Liquid output that is a variable of the page
// and nothing else: page.root.
var pageVariableRE = regexp.MustCompile(`^page\.[A-Za-z_][A-Za-z0-9_-]*$`)

// pageVariable converts the Liquid output t at body offset i when it is
// a variable of the page ({{ page.root }}) that the page's front matter,
// or else the config's defaults, gives as a string or a number, and
// returns how many bytes of the body it took; 0 when it is none. In an
// address, a value that is a relative path to the site's root ("..", as
// a lesson's pages set page.root for links to the lesson's root) begins
// an address relative to the page's old address, written as the site
// path it meant; before a tag that gives a path from the root ("{{
// page.root }}{% link setup.md %}") it is left out.
func (c *converter) pageVariable(i int, t tag, expr string) int {
	if !pageVariableRE.MatchString(expr) {
		return 0
	}
	key := strings.TrimPrefix(expr, "page.")
	var v any
	if n := c.p.get(key); n != nil {
		v = fromNode(n)
	} else {
		v = c.im.pageDefault(c.p, strings.ToLower(key))
	}
	s, ok := valueText(v)
	if !ok {
		return 0
	}
	c.im.res.Converted++
	b := c.body
	if c.inCode(i) || !addressStart(c.out.Bytes()) || s == "" || strings.Trim(s, "./") != "" {
		c.out.WriteString(s)
		return t.end - i
	}
	if t.end < len(b) && b[t.end] == '{' {
		return t.end - i
	}
	end := upTo(b, t.end, " \t\n)\"'<>[]{")
	c.at = i
	u := c.mended(strings.TrimSuffix(s, "/") + "/" + strings.TrimPrefix(string(b[t.end:end]), "/"))
	if c.nowhere(u) && i >= 2 && string(b[i-2:i]) == "](" && bytes.HasSuffix(c.out.Bytes(), []byte("](")) && end < len(b) && b[end] == ')' {
		// No page of the new site, and no old site's address to keep:
		// the text stays, as text, as a link's does.
		c.out.Truncate(c.out.Len() - 2)
		c.unlink(i-2, "<!-- plotline import: ("+commentSafe(u)+") -->")
		c.im.note(c.pos(i), "link %s names nothing of this site, and the source has no base URL to keep its old address: its text is kept, without the link", u)
		return end + 1 - i
	}
	c.out.WriteString(u)
	return end - i
}

// dataVariable returns the value of key in the site's data files, as
// Liquid's site.data has it: "ruby.min_version" is the key min_version
// of _data/ruby.yml (or .yaml, .json), "team.core.lead" that of
// _data/team/core.yml if there is no _data/team.yml; nil when there is
// none.
func (im *importer) dataVariable(key string) any {
	parts := strings.Split(key, ".")
	dir := im.conf.dataDir
	for i, name := range parts[:len(parts)-1] {
		for _, ext := range []string{".yml", ".yaml", ".json"} {
			if m, ok := im.dataFile(path.Join(dir, name+ext)).(map[string]any); ok {
				return lookup(m, strings.Join(parts[i+1:], "."))
			}
		}
		dir = path.Join(dir, name)
	}
	return nil
}

// dataFile returns the decoded data file p of the source, read once, or
// nil when it cannot be read or decoded.
func (im *importer) dataFile(p string) any {
	if v, ok := im.conf.data[p]; ok {
		return v
	}
	var v any
	if data, err := readFile(im.src, p); err == nil {
		var doc yaml.Node
		if path.Ext(p) == ".json" {
			err = json.Unmarshal(data, &v)
		} else if err = yaml.Unmarshal(data, &doc); err == nil {
			im.lastKeys(p, &doc)
			v, err = yamlpos.Decode(&doc)
		}
		if err != nil {
			v = nil
		}
	}
	put(&im.conf.data, p, v)
	return v
}

// wrap writes the tag t inside an HTML comment, which plotline drops,
// and notes it.
func (c *converter) wrap(t tag, what string) {
	c.writeLineTags()
	c.ownLine()
	c.out.WriteString("<!-- plotline import: " + commentSafe(string(c.body[t.start:t.end])) + " -->")
	c.im.note(c.pos(t.start), "%s", what)
}

// wrapAt wraps the tag t at body offset i as wrap does, noting what, and
// returns how many bytes of the body it took. A tag in the address of a
// reference definition ("[x]: {{ … }}", "[x]: <{{% … %}}>") takes the
// definition into the comment, so that its links read as the plain text
// they show; one in the address of a link ("[x]({% post_url … %})",
// "<{{ … }}>", with more address after it or not) takes the address and
// its brackets, which cannot hold a comment.
func (c *converter) wrapAt(i int, t tag, what string) int {
	b := c.body
	if written := refLine(c.out.Bytes()); refLabelEnd(bytes.TrimSuffix(written, []byte("<"))) {
		rest, _, _ := bytes.Cut(b[t.end:], []byte("\n"))
		le := len(rest)
		c.out.Truncate(c.out.Len() - len(written))
		c.out.WriteString("<!-- plotline import: " + commentSafe(string(b[lineStart(b, i):t.end+le])) + " -->")
		c.im.note(c.pos(i), "%s as the address of a reference: left out", what)
		return t.end + le - i
	}
	if start, quote, ok := openAddressAttr(c.out.Bytes()); ok {
		// In the address of a raw HTML element, where a comment would
		// be part of the address: the attribute goes, the element
		// stays, as one whose address names nothing does.
		q := c.out.Bytes()[quote]
		if k := bytes.IndexAny(b[t.end:], string(q)+"<>\n"); k >= 0 && b[t.end+k] == q {
			c.out.Truncate(start)
			c.im.note(c.pos(i), "%s in the address of an HTML element: the attribute is left out", what)
			return t.end + k + 1 - i
		}
	}
	if openTagAttrs(c.out.Bytes()) {
		// Among the attributes of a raw HTML element (<a {{% _param
		// btn-lg %}} href="/docs/">), where a comment would break the
		// tag, which readers then saw as text: it goes, the tag stays.
		c.im.note(c.pos(i), "%s among the attributes of an HTML element: left out", what)
		end := t.end
		if end < len(b) && (b[end] == ' ' || b[end] == '\t') {
			end++ // one space between the attributes around it
		}
		return end - i
	}
	if k, ok := midAddress(b, i); ok {
		// Inside a link's address, after its start
		// ("(https://github.com/x/blob/{{< latest >}}/a.yaml)"): the
		// link becomes its text, the address a comment after it.
		out := c.out.Bytes()
		end := upTo(b, t.end, ") \t\r\n<")
		tail := max(0, len(out)-maxAddress)
		if o := bytes.LastIndex(out[tail:], []byte("](")); o >= 0 && !bytes.ContainsAny(out[tail+o+2:], " \t\n()") && end < len(b) && b[end] == ')' {
			o += tail
			c.out.Truncate(o + 1)
			c.wrapAddress(k, tag{start: k + 2, end: end}, what)
			return end + 1 - i
		}
	}
	var closer byte
	switch {
	case i > 0 && b[i-1] == '<':
		closer = '>'
	case i > 1 && b[i-1] == '(' && b[i-2] == ']', bytes.HasSuffix(c.out.Bytes(), []byte("](")):
		// In a link's address, at its start or after other Liquid
		// output that made nothing: "({{ site.url }}{% post_url x %})".
		closer = ')'
	}
	if closer != 0 {
		end := upTo(b, t.end, string(closer)+" \t\r\n<")
		if closer == ')' && end < len(b) && b[end] == ' ' {
			// A title after the address: ({% post_url x %} "Title").
			if k := titleEnd(b, end); k < len(b) && b[k] == ')' {
				end = k
			}
		}
		if end < len(b) && b[end] == closer {
			if closer == '>' && i > 2 && b[i-2] == '(' && b[i-3] == ']' && end+1 < len(b) && b[end+1] == ')' {
				// "[x](<{{% … %}}>)": the parentheses go too.
				c.out.Truncate(c.out.Len() - 2)
				c.wrapAddress(i-3, tag{start: t.start, end: end}, what)
				return end + 2 - i
			}
			c.out.Truncate(c.out.Len() - 1)
			if closer == '>' {
				c.wrap(tag{start: t.start, end: end}, what+" as an address")
				return end + 1 - i
			}
			k := i - 2
			if b[i-1] != '(' || b[k] != ']' {
				ls := bytes.LastIndexByte(b[:i], '\n') + 1
				k = ls + bytes.LastIndex(b[ls:i], []byte("]("))
			}
			c.wrapAddress(k, tag{start: t.start, end: end}, what)
			return end + 1 - i
		}
	}
	only, past := false, false
	if !c.p.html && !c.inHTMLBlock(i) {
		only, past = markersOnly(c.out.Bytes())
	}
	if rest := b[t.end:c.bodyLineEnd(t.end)]; only && len(bytes.TrimSpace(rest)) > 0 && bytes.TrimLeft(rest, " \t")[0] != '<' {
		// A comment that begins a line starts a raw HTML block, which
		// would show the rest of the line as typed, or, with raw HTML
		// not published, not at all: it goes at the line's end.
		c.lineTags = append(c.lineTags, "<!-- plotline import: "+commentSafe(string(b[t.start:t.end]))+" -->"...)
		c.lineTagsEnd = t.end + len(rest)
		c.im.note(c.pos(t.start), "%s", what)
		return t.end + len(rest) - len(bytes.TrimLeft(rest, " \t")) - i
	}
	if past {
		what += fmt.Sprintf(" (after more than %d bytes of what may be the marks of block quotes and list items, the most plotline looks back over: its comment is where it was, which would begin a raw HTML block if they are)", maxMarkers)
	}
	c.wrap(t, what)
	return t.end - i
}

// midAddress returns where the "](" is that opens the link address the
// body offset i is inside of, past its first byte, on i's line and at
// most maxAddress bytes back: none of the address before i is a space or
// a bracket. The bound keeps a line of 50,000 tags in linear time.
func midAddress(b []byte, i int) (int, bool) {
	from := max(0, i-maxAddress)
	ls := from + bytes.LastIndexByte(b[from:i], '\n') + 1
	k := bytes.LastIndex(b[ls:i], []byte("]("))
	if k < 0 || ls+k+2 >= i || bytes.ContainsAny(b[ls+k+2:i], " \t()<>") {
		return 0, false
	}
	return ls + k, true
}

// maxAddress is the longest start of a link's address, before a tag in
// it, that midAddress looks back over.
const maxAddress = 2048

// bodyLineEnd returns the offset of the line feed that ends the line of
// the body at offset i, or the body's length. The end found last is
// kept for the offsets before it on its line, so that the tags of one
// long line do not each read the rest of it.
func (c *converter) bodyLineEnd(i int) int {
	if c.eol.from <= i && i <= c.eol.end && c.eol.end > 0 {
		return c.eol.end
	}
	e := len(c.body)
	if k := bytes.IndexByte(c.body[i:], '\n'); k >= 0 {
		e = i + k
	}
	c.eol.from, c.eol.end = i, e
	scanned.Add(int64(e - i))
	return e
}

// markersOnly reports whether the last line of out holds only the
// markers of block quotes and list items and indentation, so that what
// is written next begins a block's text.
//
// It looks back from the end of out over markers alone, and over
// maxMarkers bytes of them at most: a page of unconverted shortcodes on
// one line had it read the whole line at each, 10,000 pairs of them
// 10 s. A line of more is taken for text, and past says so (the tag's
// comment is then written where the tag was, as one after text is).
func markersOnly(out []byte) (only, past bool) {
	ls := len(out)
	defer func() { scanned.Add(int64(len(out) - ls)) }()
	for ; ls > 0 && out[ls-1] != '\n'; ls-- {
		if !strings.ContainsRune(" \t>-*+.)0123456789", rune(out[ls-1])) {
			return false, false
		}
		if len(out)-ls >= maxMarkers {
			return false, true
		}
	}
	line := out[ls:]
	for {
		if line = bytes.TrimLeft(line, " \t>"); len(line) == 0 {
			return true, false
		}
		n := listMarker(line)
		if n == 0 {
			return false, false
		}
		line = line[n:]
	}
}

// maxMarkers bounds the markers of block quotes and list items that
// markersOnly reads before a line's text: a line deeper than
// markdown.TooDeep lets a page be is far shorter.
const maxMarkers = 1000

// writeLineTags writes the comments kept for the end of a line, after
// its text, with a space between.
func (c *converter) writeLineTags() {
	if len(c.lineTags) == 0 {
		return
	}
	c.ownLine()
	if out := c.out.Bytes(); len(out) > 0 && out[len(out)-1] != ' ' && out[len(out)-1] != '\n' {
		c.out.WriteByte(' ')
	}
	c.out.Write(c.lineTags)
	c.lineTags = c.lineTags[:0]
}

// ownLine ends the line written last when it is a link reference
// definition ("[13]: https://…", the last line of an include), which a
// comment after its address would make a line of text.
//
// It is called at each tag wrapped, so it reads a bounded part of the
// line: where the line starts is kept from one call to the next
// (output.lineStart), and its label is looked for in its first
// maxRefStart bytes. A page of unconverted shortcodes on one line had
// it read the whole line at each, 10,000 pairs of them 10 s.
func (c *converter) ownLine() {
	out := c.out.Bytes()
	ls := c.out.lineStart()
	line := out[ls:]
	if k := bytes.Index(line[:min(len(line), maxRefStart)], []byte("]:")); k > 0 && bytes.ContainsFunc(line[k+2:], func(r rune) bool { return !unicode.IsSpace(r) }) && lineStartsRef(out, ls+k) {
		c.out.WriteByte('\n')
	}
}

// maxRefStart bounds the start of a reference definition's line, to the
// end of its label: the marks of block quotes, which nest
// markdown.MaxNesting deep at most (two bytes each), three spaces, and a
// label of 999 characters at most (of four bytes each at most), with its
// brackets and colon.
const maxRefStart = 2*markdown.MaxNesting + 3 + 4*999 + 3

// output is the converted body being written. It counts the times it
// was cut short, so that where its last line starts can be kept from
// one look to the next, and found again only in what was written since.
type output struct {
	bytes.Buffer
	cuts int
	// seen is how much of the output lineStart looked at last, at cuts
	// seenCuts, and lineAt where the last line of that started.
	seen, seenCuts, lineAt int
}

// Truncate cuts the output to its first n bytes.
func (o *output) Truncate(n int) {
	o.Buffer.Truncate(n)
	o.cuts++
}

// lineStart returns the offset where the last line of the output
// starts. It reads only what was written since it was last called, when
// nothing was cut in between.
func (o *output) lineStart() int {
	b := o.Bytes()
	from, at := 0, 0
	if o.seenCuts == o.cuts && o.seen <= len(b) {
		from, at = o.seen, o.lineAt
	}
	if k := bytes.LastIndexByte(b[from:], '\n'); k >= 0 {
		at = from + k + 1
		scanned.Add(int64(len(b) - at))
	} else {
		scanned.Add(int64(len(b) - from))
	}
	o.seen, o.seenCuts, o.lineAt = len(b), o.cuts, at
	return at
}

// openAddressAttr reports whether out ends inside the value of an href
// or src attribute, as `<a href="../../` does: it returns the offsets of
// the space before the attribute's name and of the quote that opens its
// value. It looks back over maxAddressScan bytes of the value at most,
// so that each Liquid tag of a page of one long line costs the same.
func openAddressAttr(out []byte) (start, quote int, ok bool) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	i := len(out) - 1
	for limit := max(0, len(out)-maxAddressScan); i >= limit && !strings.ContainsRune("\"'<>\n", rune(out[i])); i-- {
	}
	if i < 0 || out[i] != '"' && out[i] != '\'' {
		return 0, 0, false
	}
	quote = i
	for i--; i >= 0 && isSpace(out[i]) && out[i] != '\n'; i-- {
	}
	if i < 0 || out[i] != '=' {
		return 0, 0, false
	}
	for i--; i >= 0 && isSpace(out[i]) && out[i] != '\n'; i-- {
	}
	for _, name := range []string{"href", "src"} {
		at := i + 1 - len(name)
		if at >= 1 && strings.EqualFold(string(out[at:i+1]), name) && isSpace(out[at-1]) {
			return at - 1, quote, true
		}
	}
	return 0, 0, false
}

// openTagAttrs reports whether out ends inside an HTML start tag on its
// last line, among its attributes: after "<name" and a space, no ">"
// since, and no quoted value left open.
func openTagAttrs(out []byte) bool {
	from := max(0, len(out)-maxAddressScan)
	k := bytes.LastIndexByte(out[from:], '<')
	if k < 0 {
		return false
	}
	rest := out[from+k+1:]
	if len(rest) == 0 || rest[0]|0x20 < 'a' || rest[0]|0x20 > 'z' || bytes.ContainsAny(rest, ">\n") {
		return false
	}
	n := bytes.IndexAny(rest, " \t")
	if n < 0 || bytes.ContainsFunc(rest[:n], func(r rune) bool { return !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) }) {
		return false
	}
	return bytes.Count(rest, []byte{'"'})%2 == 0 && bytes.Count(rest, []byte{'\''})%2 == 0
}

// maxAddressScan bounds the value of an address openAddressAttr reads
// back over: no address of a page is longer.
const maxAddressScan = 4096

// wrapAddress wraps t, the address of a link whose text ends with the
// "]" at body offset k, the last byte written, in a comment, noting what:
// the text stays, without its link (unlink).
func (c *converter) wrapAddress(k int, t tag, what string) {
	out := c.out.Bytes()
	if k < 0 || c.body[k] != ']' || len(out) == 0 || out[len(out)-1] != ']' {
		c.wrap(t, what+" as an address")
		return
	}
	c.out.Truncate(len(out) - 1)
	c.unlink(k, "<!-- plotline import: "+commentSafe(string(c.body[t.start:t.end]))+" -->")
	c.im.note(c.pos(t.start), "%s as an address", what)
}

// commentSafe makes s fit inside an HTML comment: no "--" (a run of three
// dashes, parted once, keeps one), and no blank line, which would end the
// paragraph the comment is in.
func commentSafe(s string) string {
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	for strings.Contains(s, "\n\n") || strings.Contains(s, "\n \n") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\n\n", "\n"), "\n \n", "\n")
	}
	return s
}

// args are a shortcode's arguments: named, or by position.
type args struct {
	named map[string]string
	posn  []string
}

func (a args) pos(i int) string {
	if i < len(a.posn) {
		return a.posn[i]
	}
	return ""
}

// get returns the argument named name, or else the one at position i.
func (a args) get(name string, i int) string {
	if v, ok := a.named[name]; ok {
		return v
	}
	return a.pos(i)
}

// parseArgs reads `a="b c" d=e "f" g`, and `a = "b"`: Hugo's lexer
// takes spaces around the = of a named argument.
func parseArgs(s string) args {
	a := args{named: map[string]string{}}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		key := ""
		if k := strings.IndexAny(s, "= \t\r\n\"'`"); k > 0 {
			if rest := strings.TrimLeft(s[k:], " \t\r\n"); strings.HasPrefix(rest, "=") {
				key, s = s[:k], strings.TrimLeft(rest[1:], " \t\r\n")
				if s == "" {
					a.named[key] = "" // "x=" at the end
					break
				}
			}
		}
		var val string
		if q := s[0]; q == '"' || q == '\'' || q == '`' {
			end := strings.IndexByte(s[1:], q)
			for end >= 0 && q == '"' && s[end] == '\\' {
				next := strings.IndexByte(s[end+2:], q)
				if next < 0 {
					end = -1
					break
				}
				end += next + 1
			}
			if end < 0 {
				val, s = s[1:], ""
			} else {
				val, s = s[1:1+end], s[2+end:]
			}
			if q == '"' {
				val = strings.ReplaceAll(val, `\"`, `"`)
			}
		} else {
			end := strings.IndexAny(s, " \t\n")
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		if key != "" {
			a.named[key] = val
		} else {
			a.posn = append(a.posn, val)
		}
	}
	return a
}

// figure writes Hugo's figure as a Markdown image with a title.
func (c *converter) figure(i, end int, a args) {
	// Its addresses are converted as a link's are: an image of the old
	// site's assets/, which Hugo published, keeps its old address.
	c.at = i
	src := c.mended(a.get("src", 0))
	title := cmp.Or(a.named["caption"], a.named["title"])
	// An alt attribute is text, kept whole, HTML in it as typed, as
	// Hugo wrote it into the attribute; one made of the caption, which
	// Hugo made HTML of, is its words.
	alt := cmp.Or(a.named["alt"], stripTags(title))
	if c.nowhere(src) {
		// An image the source lacks too, with no old site's address to
		// keep: its words stay, as a link's text does.
		words := cmp.Or(strings.Trim(a.named["title"]+": "+a.named["caption"], ": "), alt)
		c.out.WriteString(html.EscapeString(stripTags(words)) + "<!-- plotline import: (" + commentSafe(src) + ") -->")
		c.im.note(c.pos(i), "image %s names nothing of this site, and the source has no base URL to keep its old address: its words are kept, without the image", src)
		return
	}
	if c.inHTMLBlock(i) {
		// In a raw HTML block, where Hugo's figure wrote HTML, Markdown
		// would be shown as typed: HTML, as the figure was.
		c.figureHTML(src, alt, title, a.named["link"])
		return
	}
	// Alone on its line, or at the end of a line of a paragraph's text,
	// outside a list, a quote or a table.
	alone := c.aloneOnLine(i, end)
	endsText := endsLine(c.body, end) && !blockMarkRE.Match(c.body[lineStart(c.body, i):i])
	if caption := strings.Join(slices.DeleteFunc([]string{a.named["title"], a.named["caption"]}, func(s string) bool { return strings.TrimSpace(s) == "" }), " "); caption != "" && c.im.conf.unsafe && (alone || endsText) {
		// Hugo showed the caption (and the title) under the image; an
		// image's title is no more than a tooltip: a figure of HTML, a
		// block of its own, as Hugo's was, which the site's raw HTML
		// lets through. One that ends a line of a paragraph, which the
		// browser showed below the paragraph, is a block after it.
		if !alone {
			c.out.WriteString("\n\n")
		}
		if t, ok := plainText(c.im.code, caption); ok || strings.Contains(caption, "$$") {
			// Markdown, which Hugo made HTML of (a link to the data's
			// source, code), or mathematics, which the page's script
			// typeset: the caption is a paragraph of Markdown, in which
			// the build reads it, and the image's text its words alone,
			// which a screen reader reads without an address.
			if ok && a.named["alt"] == "" {
				alt = t
			}
			c.out.WriteString("<figure>" + c.figureImage(src, strings.ReplaceAll(alt, "$$", ""), a.named["link"]) + "<figcaption>\n\n")
			c.paramText(i, end, caption)
			c.out.WriteString("\n\n</figcaption></figure>")
		} else {
			c.figureHTML(src, alt, caption, a.named["link"])
		}
		if k := afterSpaces(c.body, end); k < len(c.body) && c.body[k] == '\n' && !blankLine(c.body[k+1:]) {
			c.out.WriteString("\n") // the text below is not the HTML block's
		}
		return
	}
	dest := src
	if strings.ContainsAny(dest, " ()<>") {
		dest = "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(dest) + ">"
	}
	if t, ok := plainText(c.im.code, title); ok {
		// The caption's Markdown has no place in an image's text or
		// title: its words do ("Data from the BLS", not its address).
		if a.named["alt"] == "" {
			alt = t
		}
		title = t
	}
	img := "![" + markdownText(alt) + "](" + dest
	if title != "" {
		img += ` "` + strings.NewReplacer(`"`, `\"`, "\n", " ").Replace(title) + `"`
	}
	img += ")"
	if link := a.named["link"]; link != "" {
		img = "[" + img + "](" + c.mended(link) + ")"
	}
	c.wrote(img, 0)
}

// media writes the site's shortcode s from body offset i to end, which
// plays the video or sound of its src: on a site whose raw HTML is
// published, that element with its controls, in a <figure> with its
// caption when the template showed one; on another, a link to the file.
func (c *converter) media(i, end int, s shortcode, a args) {
	c.at = i
	src := c.mended(a.named["src"])
	el, caption := s.media, a.named[s.caption] // parseArgs names no argument ""
	if !c.im.conf.unsafe {
		text := map[string]string{"video": "Video", "audio": "Sound"}[el]
		if caption != "" {
			text += ": " + caption
		}
		c.writeLink(i, end, strings.NewReplacer("[", `\[`, "]", `\]`, "\n", " ").Replace(text), src)
		return
	}
	player := "<" + el + ` controls src="` + html.EscapeString(src) + `"></` + el + ">"
	if caption != "" && c.aloneOnLine(i, end) {
		player = "<figure>" + player + "<figcaption>" + html.EscapeString(stripTags(caption)) + "</figcaption></figure>"
		if k := afterSpaces(c.body, end); k < len(c.body) && c.body[k] == '\n' && !blankLine(c.body[k+1:]) {
			player += "\n" // the text below is not the HTML block's
		}
	}
	c.wrote(player, 0)
}

// writeLink writes a link with text to u, in place of the shortcode at
// body offsets i to end: Markdown, or HTML in a raw HTML block, where
// Markdown would be shown as typed, a paragraph of its own when the
// shortcode stands alone on its line, as the video it stood for did. It
// counts the conversion and returns end-i, the bytes of the body taken.
func (c *converter) writeLink(i, end int, text, u string) int {
	if !c.inHTMLBlock(i) {
		return c.wrote("["+text+"]("+u+")", end-i)
	}
	a := `<a href="` + html.EscapeString(u) + `">` + html.EscapeString(text) + `</a>`
	if b := c.body; blankLine(b[lineStart(b, i):i]) && blankLine(b[end:end+lineEnd(b[end:], 0)]) {
		a = "<p>" + a + "</p>"
	}
	return c.wrote(a, end-i)
}

// figureHTML writes a figure of the image at src, with its alt text
// (plain text), its caption and the address it links to, if any, as
// HTML.
func (c *converter) figureHTML(src, alt, caption, link string) {
	c.out.WriteString("<figure>" + c.figureImage(src, alt, link))
	c.endFigure(caption)
}

// endFigure ends a figure the output has open, with caption, as plain
// text, when there is one, and counts it converted.
func (c *converter) endFigure(caption string) {
	if caption != "" {
		c.out.WriteString("<figcaption>" + html.EscapeString(stripTags(caption)) + "</figcaption>")
	}
	c.out.WriteString("</figure>")
	c.im.res.Converted++
}

// figureImage returns the <img> of a figure of HTML, with alt, plain
// text, inside a link to link when there is one.
func (c *converter) figureImage(src, alt, link string) string {
	img := `<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(alt) + `">`
	if link != "" {
		img = `<a href="` + html.EscapeString(c.mended(link)) + `">` + img + `</a>`
	}
	return img
}

// noArgs reports whether the shortcode tag t has no parameters.
func noArgs(t tag) bool {
	return strings.TrimSpace(t.args) == ""
}

// aloneOnLine reports whether the shortcode from body offset i to end
// stands alone on its line, at its start, outside a list or a quote.
func (c *converter) aloneOnLine(i, end int) bool {
	return (i == 0 || c.body[i-1] == '\n') && endsLine(c.body, end)
}

// endsLine reports whether only spaces stand between offset end of b
// and the end of its line.
func endsLine(b []byte, end int) bool {
	k := afterSpaces(b, end)
	return k == len(b) || b[k] == '\n' || b[k] == '\r'
}

// blockMarkRE matches the start of a line that is not a paragraph's at
// the left margin: indented, or in a list, a quote or a table.
var blockMarkRE = regexp.MustCompile(`^(?:[ \t>|*+-]|\d+[.)])`)

// htmlAsText returns s, a description that a Jekyll theme wrote into
// its pages as it is, as the text readers saw: without its HTML tags,
// its character references read, its runs of space one; and whether s
// held a tag.
func htmlAsText(s string) (string, bool) {
	t := stripTags(s)
	if t == s {
		return s, false
	}
	return strings.Join(strings.Fields(html.UnescapeString(t)), " "), true
}

// stripTags leaves out the HTML tags of s, for alt text: a "<" that
// starts no tag ("1 < 2", "a <3", one no ">" closes) is text, and kept.
func stripTags(s string) string {
	var b strings.Builder
	for {
		k := strings.IndexByte(s, '<')
		if k < 0 {
			break
		}
		end := strings.IndexByte(s[k:], '>')
		if end < 0 || !startsTag(s[k+1:]) {
			b.WriteString(s[:k+1])
			s = s[k+1:]
			continue
		}
		b.WriteString(s[:k])
		s = s[k+end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// startsTag reports whether s, what follows a "<", begins an HTML tag, a
// comment or a declaration: a letter, or "/", "!" or "?" before one.
func startsTag(s string) bool {
	letter := func(s string) bool { return s != "" && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z') }
	if s != "" && s[0] == '!' || s != "" && s[0] == '?' {
		return true
	}
	return letter(s) || strings.HasPrefix(s, "/") && letter(s[1:])
}

// markdownText returns s, plain text, as Markdown that shows it as typed
// in a line, a link's or an image's text: its marks of emphasis, code,
// links and HTML and its entities escaped, a line break a space.
var markdownText = strings.NewReplacer(
	"\\", "\\\\", "[", "\\[", "]", "\\]", "<", "\\<", "&", "\\&", "*", "\\*", "_", "\\_", "`", "\\`", "\n", " ",
).Replace

// siteCode turns the site's own code shortcode t (one whose template
// highlights its inside), standing at the start of its line, and what is
// up to its end tag into a fenced code block in language, and returns
// how many bytes of the body it took; 0 when t is not so placed or has
// no end tag.
func (c *converter) siteCode(t tag, language string) int {
	b := c.body
	if len(bytes.TrimSpace(b[lineStart(b, t.start):t.start])) > 0 {
		return 0
	}
	for ct, ok := c.nextTag(t.end, "{{"); ok; ct, ok = c.nextTag(ct.start+2, "{{") {
		if ct.closing && ct.name == "/"+t.name {
			return c.fence(t, language, "/"+t.name, [2]string{"{{<", ">}}"}, [2]string{"{{%", "%}}"})
		}
	}
	return 0
}

// fence turns a highlight tag t and what is up to its end tag into a
// fenced code block in language: the first tag named closeName between any
// of the delimiters delims, however spaced ({{< /highlight >}},
// {{</highlight >}}, {{< / highlight >}}).
func (c *converter) fence(t tag, language, closeName string, delims ...[2]string) int {
	b := c.body
	end, closeLen := -1, 0
	for _, d := range delims {
		// A search that found no end tag to the end of the body finds
		// none from any later place either (but where a raw tag, which
		// the search steps over, may stand between): many highlight
		// tags without end tags each searched to the end, 20,000 of
		// them 37 s.
		key := closeName + " " + d[0]
		if f, ok := c.noClose[key]; ok && t.end >= f && (d[0] != "{%" || !bytes.Contains(b, []byte("raw"))) {
			continue
		}
		for from := t.end; end < 0 || from < t.end+end; {
			k := bytes.Index(b[from:], []byte(d[0]))
			if k < 0 {
				c.noneAfter(key, t.end)
				break
			}
			ct, ok := c.readTag(from+k, d[0], d[1])
			if ok && (ct.name == closeName || d[0] != "{%" && strings.EqualFold(ct.name, closeName)) { // Hugo's names in any case
				if end < 0 || from+k-t.end < end {
					end, closeLen = from+k-t.end, ct.end-ct.start
				}
				break
			}
			if _, rawEnd, isRaw := c.rawEnd(ct); ok && d[0] == "{%" && isRaw {
				// Liquid shows what is in raw as it is: an end tag
				// there ends nothing.
				from = rawEnd
				continue
			}
			from += k + len(d[0])
		}
	}
	if end < 0 {
		c.wrap(t, "highlight without its end tag")
		return t.end - t.start
	}
	inner := c.unraw(t.end, t.end+end)
	inner = strings.TrimPrefix(strings.TrimPrefix(inner, "\r"), "\n")
	inner = strings.TrimRight(inner, " \t")
	inner = strings.TrimSuffix(strings.TrimSuffix(inner, "\n"), "\r")
	if c.inHTMLBlock(t.start) {
		// In a raw HTML block, where Hugo's highlight wrote HTML, a
		// fence would be shown as typed: HTML, each blank line a
		// character reference, so that the block does not end there.
		c.out.WriteString(`<pre><code`)
		if language != "" {
			c.out.WriteString(` class="language-` + html.EscapeString(language) + `"`)
		}
		lines := strings.Split(inner, "\n")
		for k, l := range lines {
			if strings.TrimSpace(l) == "" {
				l = ""
			}
			lines[k] = html.EscapeString(l)
		}
		code := strings.ReplaceAll(strings.Join(lines, "\n"), "\n\n", "\n&#10;")
		return c.wrote(">"+code+"</code></pre>", t.end+end+closeLen-t.start)
	}
	// The fence takes the indentation of the tag's line, as in a list.
	indent := string(b[lineStart(b, t.start):t.start])
	if strings.TrimSpace(indent) != "" {
		indent = ""
		c.out.WriteString("\n\n")
	}
	if indent != "" {
		// A line without the indentation would end the list item.
		lines := strings.Split(inner, "\n")
		for k, l := range lines {
			if l != "" && !strings.HasPrefix(l, indent) {
				lines[k] = indent + l
			}
		}
		inner = strings.Join(lines, "\n")
	}
	fence := strings.Repeat("`", max(3, longestRun(inner, '`')+1))
	c.out.WriteString(fence + language + "\n")
	if inner != "" {
		c.out.WriteString(inner + "\n")
	}
	c.out.WriteString(indent + fence)
	after := t.end + end + closeLen
	if after < len(b) && b[after] != '\n' && b[after] != '\r' {
		c.out.WriteString("\n")
	}
	return c.converted(after - t.start)
}

// admonitionKinds are the GitHub alerts that the admonition types of
// Hugo themes (LoveIt, DoIt, FixIt) are closest to.
var admonitionKinds = map[string]string{
	"note": "NOTE", "abstract": "NOTE", "info": "NOTE", "question": "NOTE", "example": "NOTE", "quote": "NOTE", "seealso": "NOTE",
	"tip": "TIP", "success": "TIP", "hint": "TIP",
	"important": "IMPORTANT",
	"warning":   "WARNING", "attention": "WARNING",
	"caution": "CAUTION", "failure": "CAUTION", "danger": "CAUTION", "bug": "CAUTION", "error": "CAUTION",
}

// admonitionTitles are the words of the admonition types whose name is
// not one (reStructuredText's seealso, as Sphinx shows it).
var admonitionTitles = map[string]string{"seealso": "See also"}

// alertStart begins, as quoteStart does, the alert of kind that the
// paired shortcode t stands for, > [!TIP], with title in bold at its top
// when it says more than kind or any of same.
func (c *converter) alertStart(t tag, kind, title string, same ...string) int {
	header := "[!" + kind + "]\n"
	if title = strings.TrimSpace(title); title != "" && !slices.ContainsFunc(append(same, kind), func(s string) bool { return strings.EqualFold(title, s) }) {
		header += bold(title) + "\n\n"
	}
	return c.quoteStart(t, header, "")
}

// bold returns s as one line of bold text.
func bold(s string) string {
	return "**" + strings.NewReplacer("*", `\*`, "\n", " ").Replace(s) + "**"
}

// hugoParam returns the value that Hugo's param shortcode shows for
// key (dotted, "a.b", in any case): the page's front matter (a key of
// its own or of its params:), else the params of the page's language,
// else the site's; false when none has it as a string or a number, or
// it holds what Markdown or HTML would read as markup.
func (c *converter) hugoParam(key string) (string, bool) {
	key = strings.ToLower(strings.TrimSpace(key))
	if key == "" {
		return "", false
	}
	first, _, _ := strings.Cut(key, ".")
	var v any
	if n := c.p.get(first); n != nil {
		v = lookup(lowerKeys(map[string]any{first: fromNode(n)}), key)
	}
	if n := c.p.get("params"); v == nil && n != nil {
		v = lookup(lowerKeys(map[string]any{"params": fromNode(n)}), "params."+key)
	}
	for dir := path.Dir(c.p.rel); v == nil && c.p.rel != ""; dir = path.Dir(dir) {
		// A section page above it (or itself) cascades it.
		if s := c.im.cascades[c.p.lang+"|"+dir]; s != nil {
			cascade := lowerKeys(map[string]any{"cascade": fromNode(s.get("cascade"))})
			if v = lookup(cascade, "cascade."+key); v == nil {
				v = lookup(cascade, "cascade.params."+key)
			}
		}
		if dir == "." {
			break
		}
	}
	if v == nil && c.p.lang != "" {
		v = lookup(c.im.conf.vars, "languages."+strings.ToLower(c.p.lang)+".params."+key)
	}
	if v == nil {
		v = lookup(c.im.conf.vars, "params."+key)
	}
	s, ok := valueText(v)
	if !ok || strings.ContainsAny(s, "<>{}[]*_`\n\\") {
		return "", false
	}
	return s, true
}

// docsyKinds are the GitHub alerts that the colors of Docsy's alert
// and pageinfo shortcodes are closest to; any other color (primary,
// info, secondary) is a NOTE.
var docsyKinds = map[string]string{"success": "TIP", "warning": "WARNING", "danger": "CAUTION"}

// hextraKinds are the GitHub alerts of the types of Hextra's callout.
var hextraKinds = map[string]string{"": "NOTE", "default": "NOTE", "info": "NOTE", "important": "IMPORTANT", "warning": "WARNING", "error": "CAUTION"}

// alertLineRE reads the first line of a block quote that is an alert as
// Hugo reads one for a render hook: "> [!DANGER]- Title", its type any
// word, then a sign (+ or -, foldable) and a title.
var alertLineRE = regexp.MustCompile(`^( {0,3}> ?)\[!([A-Za-z]+)\]([+-]?)(?:[ \t]+(.*?))?[ \t]*\r?$`)

// titledAlert rewrites, at body offset i, a line's start, the first
// line of a block quote that a Hugo theme's render hook showed as an
// alert but plotline would not: one of a type GitHub lacks ("> [!NB]",
// "> [!DANGER]"), with a sign, or with a title after its marker ("> [!TIP]
// Before you start"). It becomes the alert nearest its type, its title in
// bold on the line below. It returns how many bytes it took, 0 when the
// line is none such, or a GitHub alert plotline reads as it is.
func (c *converter) titledAlert(i int) int {
	b := c.body
	end := lineEnd(b, i)
	m := alertLineRE.FindSubmatch(bytes.TrimSuffix(b[i:end], []byte("\n")))
	if m == nil {
		return 0
	}
	if i > 0 {
		// The quote's first line: the line above is no line of it.
		prev := bytes.TrimLeft(b[lineStart(b, i-1):i-1], " ")
		if len(prev) > 0 && prev[0] == '>' {
			return 0
		}
	}
	typ, sign, title := strings.ToLower(string(m[2])), string(m[3]), strings.TrimSpace(string(m[4]))
	kind := strings.ToUpper(typ)
	switch kind {
	case "NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION":
		if sign == "" && title == "" {
			return 0
		}
	default:
		kind = cmp.Or(admonitionKinds[typ], docsyKinds[typ], "NOTE")
	}
	prefix := string(m[1])
	c.out.WriteString(prefix + "[!" + kind + "]\n")
	what := ""
	if title != "" {
		c.out.WriteString(prefix + "**" + title + "**\n")
		what = ", its title in bold at its top"
		if next := bytes.TrimSpace(b[end:lineEnd(b, end)]); len(next) > 1 && next[0] == '>' {
			// The title is a paragraph of its own, not the first words
			// of the next line's.
			c.out.WriteString(strings.TrimRight(prefix, " ") + "\n")
		}
	}
	c.im.done(c.pos(i+len(m[1])), "alert [!%s]%s: written as the alert [!%s]%s", m[2], sign, kind, what)
	return c.converted(end - i)
}

// quoteStart begins the block quote of the inside of the paired
// shortcode t, which starts a line, with header at its top and footer,
// when there is one, at its foot: what follows is converted as ever and
// quoted when its end tag is reached (admonitionEnd). It returns how many
// bytes of the body it took, 0 when t is not at a line's start or has no
// end tag.
func (c *converter) quoteStart(t tag, header, footer string) int {
	ls := lineStart(c.body, t.start)
	indent := t.start - ls
	if len(bytes.TrimLeft(c.body[ls:t.start], " ")) > 0 {
		return 0
	}
	// Indented, in a list item: the spaces before it are written.
	end := c.blockEnd(tag{start: ls, end: t.end, name: t.name, args: t.args})
	if indent > 0 && end >= 0 {
		end = c.shortcodeEnd(t)
	}
	if end < 0 {
		return 0
	}
	put(&c.quotes, end, [3]int{c.out.Len(), len(c.p.fragments), indent})
	if footer != "" {
		put(&c.quoteFooters, end, footer)
	}
	return c.wrote(header, afterLineEnd(c.body, t.end)-t.start)
}

// blockEnd is shortcodeEnd for a shortcode that holds blocks of its own
// (a quote, a fold): -1 also when t does not start a line of the body
// and of the output.
func (c *converter) blockEnd(t tag) int {
	if out := bytes.TrimRight(c.out.Bytes(), " "); lineStart(c.body, t.start) != t.start || !bytes.HasSuffix(out, []byte("\n")) && len(out) > 0 {
		return -1
	}
	return c.shortcodeEnd(t)
}

// shortcodeEnd returns the body offset of the end tag of the shortcode t
// ("{{< /quote >}}" for "{{< quote >}}", shortcodes of its name between
// them nested), or -1 when it has none. The ends of the shortcodes of a
// name are matched once a body, in one pass over its tags (endsOf): a
// search from each start tag to the end of the body took time in the
// square of their number when they had no end tags, 20,000 lines of
// {{< details >}} a minute.
func (c *converter) shortcodeEnd(t tag) int {
	ends, ok := c.ends[t.name]
	if !ok {
		ends = c.endsOf(t.name)
		put(&c.ends, t.name, ends)
	}
	if end, ok := ends[t.start]; ok {
		return end
	}
	return c.scanEnd(t) // a tag the pass did not meet: inside another's
}

// endsOf returns, for each start tag of the shortcode name in the body,
// by its offset, the offset of its end tag, or -1: as scanEnd finds it,
// an end tag closing the latest start tag not yet closed.
func (c *converter) endsOf(name string) map[int]int {
	ends := map[int]int{}
	var open []int
	for et, ok := c.nextTag(0, "{{"); ok; et, ok = c.nextTag(et.end, "{{") {
		switch {
		case et.name == name && !strings.HasSuffix(et.args, "/"):
			open = append(open, et.start)
		case et.name == "/"+name && len(open) > 0:
			ends[open[len(open)-1]] = et.start
			open = open[:len(open)-1]
		}
	}
	for _, start := range open {
		ends[start] = -1
	}
	return ends
}

// scanEnd is shortcodeEnd for a start tag that endsOf did not meet.
func (c *converter) scanEnd(t tag) int {
	depth := 0
	for et, ok := c.nextTag(t.end, "{{"); ok; et, ok = c.nextTag(et.end, "{{") {
		switch {
		case et.name == t.name && !strings.HasSuffix(et.args, "/"): // {{< x />}} has no end tag
			depth++
		case et.name == "/"+t.name:
			depth--
		}
		if depth < 0 {
			return et.start
		}
	}
	return -1
}

// nextTag reads the first tag that opens with open, "{{" for a shortcode
// or "{%" for a Liquid tag, at body offset from or after it.
func (c *converter) nextTag(from int, open string) (tag, bool) {
	read := c.shortcodeTag
	if open == "{%" {
		read = func(i int) (tag, bool) { return c.readTag(i, "{%", "%}") }
	}
	b := c.body
	for from < len(b) {
		k := bytes.Index(b[from:], []byte(open))
		if k < 0 {
			break
		}
		if t, ok := read(from + k); ok {
			return t, true
		}
		from += k + 2
	}
	return tag{}, false
}

// detailsStart begins the fold that Hugo's details shortcode (or a
// site's own whose template is a <details>, of that name or another)
// stands for, {{< details summary="Why?" >}} at the start of a line: on a site
// whose raw HTML is published, a <details> with its <summary>, its
// inside Markdown between blank lines; on another, its summary in bold
// above its inside, which then shows unfolded. The end tag is written
// by detailsEnd. It returns how many bytes of the body it took, 0 when
// the shortcode is not one it can write so.
func (c *converter) detailsStart(t tag, a args) int {
	summary := strings.TrimSpace(cmp.Or(a.named["summary"], a.named["title"], a.named["text"], a.pos(0), "Details"))
	open := a.named["open"] == "true" || a.named["openByDefault"] == "true" || slices.Contains(a.posn, "open")
	if c.im.conf.hextra && !c.im.conf.shortcodes[t.name].read {
		open = a.named["closed"] != "true" // Hextra's is open unless closed
	}
	return c.labelStart(t, summary, c.im.conf.unsafe, open)
}

// mathShortcode writes the site's shortcode t whose template wrote its
// inside as mathematics for a script to typeset, hugo-book's {{< katex
// >}}\pi(x){{< /katex >}}, as plotline's mathematics: \(…\) in a line,
// and, with display=true, $$…$$ on lines of their own when the
// shortcode stands on its own lines (else \[…\]). Its inside is kept as
// written, as Hugo passed it to the template. It returns how many bytes
// of the body it took, 0 when it has no end tag or no inside.
func (c *converter) mathShortcode(t tag, a args) int {
	if strings.HasSuffix(t.args, "/") {
		return 0 // {{< katex />}}, which only loads the script
	}
	end := c.shortcodeEnd(t)
	if end < 0 {
		return 0
	}
	et, ok := c.shortcodeTag(end)
	inner := strings.TrimSpace(string(c.body[t.end:end]))
	if !ok || inner == "" || strings.Contains(inner, "\n\n") {
		return 0
	}
	switch {
	case a.named["display"] != "true" && a.named["display"] != "block":
		c.out.WriteString(`\(` + inner + `\)`)
	case lineStart(c.body, t.start) == t.start && c.aloneOnLine(end, et.end):
		c.out.WriteString("$$\n" + inner + "\n$$")
	default:
		c.out.WriteString(`\[` + inner + `\]`)
	}
	return c.converted(et.end - t.start)
}

// linkShortcode writes a site's own shortcode whose template is a link
// of its inside to its href (Congo's button) as that link, when its
// inside is a line of plain text. It returns how many bytes of the body
// it took, 0 when it left the shortcode.
func (c *converter) linkShortcode(t tag, a args) int {
	end, href := c.shortcodeEnd(t), strings.TrimSpace(a.named["href"])
	if end < 0 || href == "" {
		return 0
	}
	et, ok := c.shortcodeTag(end)
	text := strings.Join(strings.Fields(string(c.body[t.end:end])), " ")
	if !ok || text == "" || strings.ContainsAny(text, "[]{}<") || bytes.Contains(c.body[t.end:end], []byte("\n\n")) {
		return 0
	}
	return c.shortcodeLink(t.start, et.end, text, href)
}

// shortcodeLink writes the shortcode from start to end as a link of text
// to href, mended as a link's address is, and returns how many bytes of
// the body it took.
func (c *converter) shortcodeLink(start, end int, text, href string) int {
	u := c.mended(href)
	if c.inHTMLBlock(start) {
		return c.writeLink(start, end, text, u)
	}
	c.out.WriteString("[" + text + "](")
	c.writeAddress(u, start)
	return c.wrote(")", end-start)
}

// paramLink writes the shortcode at t whose template is one link showing
// its parameter sc.textParam (see paramLink): that text, a link to the
// address of sc.hrefParam when it has one. It returns how many bytes of
// the body it took, 0 when the text is missing or holds Markdown's marks.
func (c *converter) paramLink(t tag, sc shortcode, a args) int {
	arg := func(name string) string {
		if n, err := strconv.Atoi(name); err == nil {
			return a.pos(n)
		}
		return a.named[name]
	}
	text := strings.Join(strings.Fields(arg(sc.textParam)), " ")
	if text == "" || strings.ContainsAny(text, "[]{}<*_`\\") {
		return 0
	}
	href := strings.TrimSpace(arg(sc.hrefParam))
	if sc.hrefParam == "" || href == "" {
		return c.wrote(text, t.end-t.start)
	}
	return c.shortcodeLink(t.start, t.end, text, href)
}

// tabStart begins the tab of a theme's tabs, {{% tab "macOS" %}} (its
// label the first parameter, or header, name or title, as hugo-book,
// Docsy and others name it) at the start of a line: its label in bold
// above its inside, as the tabs show one after another, so that the
// reader still knows which system or language the inside is for. It
// returns how many bytes of the body it took, 0 when it has no label or
// no end tag.
//
// Docsy's tab shows its inside as code, highlighted in the language of
// its lang, or its tabpane's, or with the tabpane's langEqualsHeader
// its label, unless its text (or the tabpane's) is true: such a tab is
// its label above a fenced code block of its inside in that language.
func (c *converter) tabStart(t tag, a args) int {
	label := strings.TrimSpace(cmp.Or(a.named["header"], a.named["name"], a.named["title"], a.pos(0)))
	if label == "" {
		return 0
	}
	if c.im.conf.docsy && !c.im.conf.shortcodes[t.name].read && strings.HasSuffix(t.args, "/") {
		// A tab without an inside, {{< tab header="Configuration
		// file:" disabled=true />}}: a label before the others, which
		// says what they are.
		if c.aloneOnLine(t.start, t.end) {
			return c.wrote(bold(label)+"\n", t.end-t.start)
		}
		return 0
	}
	if c.im.conf.docsy && !c.im.conf.shortcodes[t.name].read {
		pane := c.tabpane
		lang := cmp.Or(a.named["lang"], pane.named["lang"])
		if lang == "" && pane.named["langEqualsHeader"] == "true" {
			lang = label
		}
		text := cmp.Or(a.named["text"], pane.named["text"]) == "true"
		if end := c.blockEnd(t); lang != "" && !text && end >= 0 && !fenced(c.body[t.end:end]) {
			label, _ = plainText(c.im.code, label)
			c.out.WriteString(bold(label) + "\n\n")
			n := c.fence(t, lang, "/tab", [2]string{"{{<", ">}}"}, [2]string{"{{%", "%}}"})
			if end := t.start + n; end < len(c.body) && endsLine(c.body, end) {
				c.out.WriteString("\n") // a blank line before the next tab
			}
			return n
		}
	}
	return c.labelStart(t, label, false, false)
}

// fenced reports whether inside, a shortcode's, starts with a code
// fence of its own: it is Markdown, its code already in a fenced block.
func fenced(inside []byte) bool {
	inside = bytes.TrimLeft(inside, " \t\r\n")
	return bytes.HasPrefix(inside, []byte("```")) || bytes.HasPrefix(inside, []byte("~~~"))
}

// labelStart writes the start of a shortcode, at the start of a line,
// that shows its inside under a label: a <details> with the label its
// <summary> when fold is set (open when open is), else the label in
// bold above the inside. Its end tag is written by detailsEnd. It
// returns how many bytes of the body it took, 0 when the shortcode is
// not at the start of a line or has no end tag.
//
// The line may be indented, in a list item. It may also start a block
// quote whose only words are the start tag, the end tag outside it
// ("   > {{< collapse >}}" in PaperMod's own pages): Hugo showed the
// whole shortcode inside that quote, and the label is written in its
// place, without it.
func (c *converter) labelStart(t tag, label string, fold, open bool) int {
	b := c.body
	ls := lineStart(b, t.start)
	before := b[ls:t.start]
	marks := quoteMarks(before)
	if len(bytes.TrimLeft(before[marks:], " ")) > 0 {
		return 0
	}
	var end int
	if marks == 0 {
		end = c.blockEnd(tag{start: ls, end: t.end, name: t.name, args: t.args})
		if end >= 0 && ls != t.start {
			end = c.shortcodeEnd(t)
		}
	} else {
		out := c.out.Bytes()
		head, ok := bytes.CutSuffix(out, before)
		if !ok || len(head) > 0 && head[len(head)-1] != '\n' {
			return 0
		}
		end = c.shortcodeEnd(t)
		if end < 0 || quoteMarks(b[lineStart(b, end):end]) > 0 || !blankLine(b[t.end:lineEnd(b, t.end)]) {
			return 0 // the quote holds more than the start tag
		}
		gt := bytes.IndexByte(before, '>')
		c.out.Truncate(len(head) + gt)
		c.im.done(c.pos(ls+gt), "block quote of the start of shortcode %s alone, its end outside the quote: written without the quote, which Hugo showed around the whole shortcode", t.name)
	}
	if end < 0 {
		return 0
	}
	label, _ = plainText(c.im.code, label)
	if fold {
		attr := ""
		if open {
			attr = " open"
		}
		c.out.WriteString("<details" + attr + "><summary>" + html.EscapeString(label) + "</summary>\n\n")
	} else {
		c.out.WriteString(bold(label) + "\n\n")
	}
	put(&c.detailsEnds, end, fold)
	return c.converted(afterLineEnd(b, t.end) - t.start)
}

// detailsEnd writes the end of the fold whose end tag is t (see
// detailsStart), and returns how many bytes of the body it took, 0 when
// t ends no such fold.
func (c *converter) detailsEnd(t tag) int {
	fold, ok := c.detailsEnds[t.start]
	if !ok {
		return 0
	}
	delete(c.detailsEnds, t.start)
	indent := c.body[lineStart(c.body, t.start):t.start]
	if len(bytes.TrimLeft(indent, " ")) > 0 {
		indent = nil
	}
	if !fold && len(indent) > 0 {
		// The end tag's own indent, before nothing now.
		if out := c.out.Bytes(); bytes.HasSuffix(out, append([]byte("\n"), indent...)) {
			c.out.Truncate(len(out) - len(indent))
		}
	}
	if fold {
		out := bytes.TrimRight(c.out.Bytes(), " \t\r\n")
		c.out.Truncate(len(out))
		// At the end tag's indent, in a list item, so that the item
		// holds the whole fold.
		c.out.WriteString("\n\n" + string(indent) + "</details>")
		if k := afterSpaces(c.body, t.end); k < len(c.body) && c.body[k] == '\n' && !blankLine(c.body[k+1:]) {
			c.out.WriteString("\n") // the text below is not the HTML block's
		}
	}
	return c.converted(t.end - t.start)
}

// admonitionEnd ends the alert whose end tag is t, which may follow its
// last words on their line: what was written of it since
// alertStart is quoted, line by line, and the fragment links in it
// are moved with their lines. It returns how many bytes of
// the body it took, 0 when t ends no such alert.
func (c *converter) admonitionEnd(t tag) int {
	q, ok := c.quotes[t.start]
	if !ok {
		return 0
	}
	delete(c.quotes, t.start)
	out := c.out.Bytes()
	inside := bytes.TrimRight(out[q[0]:], " \t\r\n")
	var quoted bytes.Buffer
	// moved holds, by the offset in inside of each quoted line, how far
	// its text moves.
	moved := map[int]int{}
	for off := 0; off < len(inside); {
		next := lineEnd(inside, off)
		line := bytes.TrimSuffix(inside[off:next], []byte("\n"))
		// The first line follows the indent already written; each
		// other is quoted at the indent, its own spaces up to it cut.
		pad, cut := "", 0
		if off > 0 {
			pad, cut = strings.Repeat(" ", q[2]), min(q[2], len(line)-len(bytes.TrimLeft(line, " ")))
		}
		if len(bytes.TrimSpace(line)) == 0 {
			quoted.WriteString(pad + ">\n")
		} else {
			quoted.WriteString(pad + "> ")
			moved[off] = quoted.Len() - off - cut
			quoted.Write(line[cut:])
			quoted.WriteByte('\n')
		}
		off = next
	}
	for k := q[1]; k < len(c.p.fragments); k++ {
		f := &c.p.fragments[k]
		f.at += moved[lineStart(inside, min(f.at-q[0], len(inside)))]
	}
	maps.DeleteFunc(c.opens, func(_, o int) bool { return o >= q[0] }) // written over
	if footer, ok := c.quoteFooters[t.start]; ok {
		// Who said it, and where, as the site's template showed it.
		quoted.WriteString(">\n> — " + strings.ReplaceAll(footer, "\n", " ") + "\n")
		delete(c.quoteFooters, t.start)
	}
	c.out.Truncate(q[0])
	c.out.Write(quoted.Bytes())
	b := c.body
	// Text after the end tag is a paragraph of its own, and a line right
	// after it would join the quote: a line feed goes between.
	after := afterLineEnd(b, t.end)
	if after < len(b) && (b[after-1] != '\n' || !blankLine(b[after:])) {
		c.out.WriteByte('\n')
	}
	return c.converted(after - t.start)
}

// rawEnd returns, for t, a Liquid raw tag, the body offsets where its
// text ends and where its endraw tag ends; false when t is no raw tag or
// has no end.
func (c *converter) rawEnd(t tag) (innerEnd, end int, ok bool) {
	if t.name != "raw" || t.closing {
		return 0, 0, false
	}
	return c.endTagOf(t, "endraw")
}

// endTagOf returns, for the Liquid tag t, the body offsets where its
// text ends and where its end tag, the first {% … %} after it that holds
// word, ends; false when there is none.
func (c *converter) endTagOf(t tag, word string) (innerEnd, end int, ok bool) {
	b := c.body
	k := c.indexFrom(t.end, word)
	if k < 0 {
		return 0, 0, false
	}
	closeStart := bytes.LastIndex(b[t.end:t.end+k], []byte("{%"))
	closeEnd := bytes.Index(b[t.end+k:], []byte("%}"))
	if closeStart < 0 || closeEnd < 0 {
		return 0, 0, false
	}
	return t.end + closeStart, t.end + k + closeEnd + 2, true
}

// indexFrom returns bytes.Index(body[from:], word): the offset from from
// of the first word in the body after it, or -1. A word not found after
// a place is not after any later place either: that is remembered, so
// that many tags whose end tag is missing ({% comment %} 80,000 times
// took 32 s) search the rest of the body once.
func (c *converter) indexFrom(from int, word string) int {
	if f, ok := c.noClose[word]; ok && from >= f {
		return -1
	}
	k := bytes.Index(c.body[from:], []byte(word))
	if k < 0 {
		c.noneAfter(word, from)
	}
	return k
}

// noneAfter remembers in noClose that key is not found after body
// offset from, nor, then, after any later one.
func (c *converter) noneAfter(key string, from int) {
	if f, ok := c.noClose[key]; !ok || from < f {
		put(&c.noClose, key, from)
	}
}

// unraw returns the body from offset start to end with each Liquid raw
// tag of a Jekyll page replaced by its text, as Liquid shows it.
func (c *converter) unraw(start, end int) string {
	b := c.body
	if c.im.kind != Jekyll {
		return string(b[start:end])
	}
	var out strings.Builder
	for i := start; i < end; {
		k := bytes.Index(b[i:end], []byte("{%"))
		if k < 0 {
			out.Write(b[i:end])
			break
		}
		out.Write(b[i : i+k])
		t, ok := c.readTag(i+k, "{%", "%}")
		innerEnd, rawEnd, isRaw := c.rawEnd(t)
		if !ok || !isRaw || rawEnd > end {
			out.WriteString("{%")
			i += k + 2
			continue
		}
		out.Write(b[t.end:innerEnd])
		i = rawEnd
	}
	return out.String()
}

// longestRun returns the length of the longest run of c, an ASCII
// character, in s.
func longestRun(s string, c byte) int {
	best := 0
	for r := range strings.FieldsFuncSeq(s, func(r rune) bool { return r != rune(c) }) {
		best = max(best, len(r))
	}
	return best
}

// ref returns the plotline URL of the page a ref, relref, link or
// post_url names, with its #fragment.
func (c *converter) ref(name string) (string, bool) {
	name = strings.TrimSpace(strings.Trim(name, `"'`))
	name, frag, _ := strings.Cut(name, "#")
	if frag != "" {
		frag = "#" + frag
	}
	if name == "" {
		return frag, frag != ""
	}
	q := c.refPage(name)
	switch {
	case q == nil:
		return "", false
	case q.taxonomy:
		return c.im.taxonomyURL(q) + frag, true
	}
	return "/" + q.newURL + frag, true
}

// refPage returns the page that name, a path as ref, relref and GetPage
// take it (from the page's folder or the content folder, with or
// without its extension), names, or nil.
func (c *converter) refPage(name string) *page {
	clean := strings.TrimPrefix(path.Clean("/"+name), "/")
	var cands []string
	if !strings.HasPrefix(name, "/") {
		// From the page's folder in its content folder, which is a
		// language's ("content/en") on a site that gives each its own.
		rel := cmp.Or(c.p.rel, strings.TrimPrefix(c.p.src, "content/"))
		cands = append(cands, path.Join(path.Dir(rel), name), path.Join(path.Dir(c.p.src), name))
	}
	cands = append(cands, clean, strings.TrimSuffix(clean, path.Ext(clean)), strings.TrimSuffix(clean, "/"))
	if strings.HasPrefix(name, "/") {
		// A path from the content folder names the page there, and
		// not one of that name in another folder: "/faq" is
		// content/faq, not content/docs/layouts/faq.
		for _, k := range cands {
			rooted := slices.DeleteFunc(slices.Clone(c.im.byKey[k]), func(q *page) bool { return !slices.Contains(q.rootKeys(), k) })
			if q := pickLang(rooted, c.p.lang); q != nil {
				return q
			}
		}
	}
	for _, k := range cands {
		if q := pickLang(c.im.byKey[k], c.p.lang); q != nil {
			return q
		}
	}
	// Hugo finds a page whatever the letter case of the path
	// ("Community" for community/); a page of the very path comes first.
	for _, k := range cands {
		if q := pickLang(c.im.byLowerKey[strings.ToLower(k)], c.p.lang); q != nil {
			return q
		}
	}
	return nil
}

// pickLang returns the one page of ps in lang, as Hugo's ref finds the
// page of the linking page's language, or else the one page of ps in
// the default language; nil when there is no such one page.
func pickLang(ps []*page, lang string) *page {
	if len(ps) == 1 {
		return ps[0]
	}
	for _, l := range []string{lang, ""} {
		if in := slices.DeleteFunc(slices.Clone(ps), func(p *page) bool { return p.lang != l }); len(in) == 1 {
			return in[0]
		}
	}
	return nil
}

// include inlines a Jekyll include that is plain Markdown or HTML, or
// leaves a marked TODO.
func (c *converter) include(t tag) {
	fields := strings.Fields(t.args)
	if len(fields) == 0 {
		c.wrap(t, "include without a file")
		return
	}
	name := fields[0]
	file := path.Join("_includes", name)
	if t.name == "include_relative" {
		file = path.Join(path.Dir(c.p.src), name)
	}
	data, err := readFile(c.im.src, file)
	todo := func(why string) {
		c.out.WriteString("<!-- plotline import: TODO " + commentSafe(string(c.body[t.start:t.end])) + " -->")
		c.im.note(c.pos(t.start), "TODO: include %s %s", name, why)
	}
	liquid := bytes.Contains(data, []byte("{%")) || bytes.Contains(data, []byte("{{"))
	var why string // why mayInclude refused it
	mayInclude := func() bool {
		ok, w := c.mayInclude(len(data))
		why = w
		return ok
	}
	switch {
	case t.name != "include_relative" && name == "base_path.html" && c.im.conf.rootVar != "":
		// It only sets the variable of the site's root, which the
		// importer reads as the root: it shows nothing.
		c.im.res.Converted++
	case t.name != "include_relative" && c.themeInclude(t, name, data, err == nil),
		err == nil && len(fields) > 1 && c.shapedInclude(t, name, data):
		// written as what its template showed
	case errors.Is(err, fs.ErrNotExist):
		todo("names no file " + file)
	case errors.Is(err, fs.ErrInvalid):
		todo("names " + file + ", outside the site")
	case err != nil:
		todo(file + ": " + sitefs.DescribeReadError(err))
	case len(fields) > 1:
		todo("has parameters: inline it by hand")
	case liquid && (!markdownExt(file) || liquidFlowRE.Match(data) || c.p.includeDepth >= maxIncludeDepth):
		todo("uses Liquid: inline it by hand")
	case !mayInclude():
		todo(why)
	case liquid, markdownExt(file), unprintableIn(data):
		// Markdown, with Liquid outputs and includes in it or not, but
		// no loop or condition (a lesson's list of link definitions,
		// shared by its pages): converted as part of the page, as
		// Jekyll reads it, each note at its place in the include, so
		// that its mistakes are mended as the page's are (a link
		// address in brackets of its own). So is HTML with a character
		// a web page may not hold, which is left out as the page's own
		// are.
		c.includeText(file, data, data, 0)
	default:
		c.out.Write(bytes.TrimRight(data, "\n"))
		c.im.res.Converted++
	}
}

// unprintableIn reports whether data holds a character that
// converter.unprintable leaves out: one yamlpos.Unprintable finds, or a
// byte order mark.
func unprintableIn(data []byte) bool {
	_, _, ok := yamlpos.Unprintable(data)
	return ok || bytes.Contains(data, []byte("\uFEFF"))
}

// themeInclude converts the include t of name when it is one of
// minimal-mistakes' own, which a site whose theme it is shows from the
// theme (found is false) or from its copy of the theme's file, data: the
// figure (image_path, alt, caption) is an image with its caption, as
// Hugo's figure is, and a video of YouTube or Vimeo (id, provider) a link
// to it. It reports whether it wrote t.
func (c *converter) themeInclude(t tag, name string, data []byte, found bool) bool {
	ours := map[string]string{"figure": "include.image_path", "video": "include.provider"}[name]
	if ours == "" || found && !bytes.Contains(data, []byte(ours)) || !found && !c.im.conf.minimalMistakes {
		return false
	}
	a := parseArgs(strings.TrimPrefix(strings.TrimSpace(t.args), name))
	id, provider := a.named["id"], a.named["provider"]
	switch v := videoLinks[provider]; {
	case name == "figure" && a.named["image_path"] != "":
		c.figure(t.start, t.end, args{named: map[string]string{"src": a.named["image_path"], "alt": a.named["alt"], "caption": a.named["caption"]}})
	case name == "video" && id != "" && provider == "youtube":
		c.writeLink(t.start, t.end, v[0]+id, v[1]+url.QueryEscape(id))
	case name == "video" && id != "" && provider == "vimeo":
		c.writeLink(t.start, t.end, v[0]+id, v[1]+url.PathEscape(id))
	default:
		return false
	}
	return true
}

// includeImgRE finds an <img> of an include's template whose src ends
// with a parameter, and what the template writes before it ("{{
// site.baseurl }}/": the parameter is a path from the site's root).
var includeImgRE = regexp.MustCompile(`<img\b[^>]*?\bsrc\s*=\s*"([^"]*?)\{\{-?\s*include\.(\w+)\s*-?\}\}"`)

// includeAltRE finds the parameter an include's <img> takes its alt from,
// and includeTextRE the first one its template shows as text.
var (
	includeAltRE  = regexp.MustCompile(`<img\b[^>]*?\balt\s*=\s*"\{\{-?\s*include\.(\w+)\s*-?\}\}"`)
	includeTextRE = regexp.MustCompile(`>\s*\{\{-?\s*include\.(\w+)\s*-?\}\}`)
)

// includeNoteRE finds the parameter an include's template shows as a
// side or margin note (tufte-jekyll's sidenote and marginnote).
var includeNoteRE = regexp.MustCompile(`class\s*=\s*"(?:[^"]*\s)?(?:side|margin)-?note(?:\s[^"]*)?"[^>]*>\s*\{\{-?\s*include\.(\w+)\s*-?\}\}`)

// shapedInclude converts the include t of name, with parameters, by what
// its template data shows of them: an <img> of one, an image with the
// parameter shown as text as its caption (tufte-jekyll's marginfigure,
// maincolumn_img and fullwidth); else one shown as a side or margin
// note, a footnote; else a link to an address made of them, with no text
// or one as its text, that link. It reports whether it wrote t.
func (c *converter) shapedInclude(t tag, name string, data []byte) bool {
	a := parseArgs(strings.TrimPrefix(strings.TrimSpace(t.args), name))
	param := func(re *regexp.Regexp) string {
		if m := re.FindSubmatch(data); m != nil {
			return a.named[string(m[1])]
		}
		return ""
	}
	if imgs := includeImgRE.FindAllSubmatch(data, -1); imgs != nil {
		src := a.named[string(imgs[0][2])]
		if src == "" {
			return false
		}
		for _, m := range imgs {
			if bytes.HasSuffix(m[1], []byte("/")) && !strings.HasPrefix(src, "/") && !strings.Contains(src, "://") {
				src = "/" + src
				break
			}
		}
		caption := param(includeTextRE)
		c.figure(t.start, t.end, args{named: map[string]string{"src": src, "alt": cmp.Or(param(includeAltRE), caption), "caption": caption}})
		return true
	}
	if note := param(includeNoteRE); note != "" {
		c.sideNote(t, a.named["id"], note)
		return true
	}
	if kind, msg, ok := noteInclude(data, a); ok && c.aloneOnLine(t.start, t.end) {
		// A box of a note's class that shows its message parameter
		// (bulma-clean-theme's notification.html): plotline's alert.
		c.wrote("> [!"+kind+"]\n> "+strings.Join(strings.Split(msg, "\n"), "\n> "), t.end-t.start)
		return true
	}
	if m := includeLinkRE.FindSubmatch(data); m != nil && !liquidFlowRE.Match(data) {
		// A link made of parameters (an embedded post's, whose script
		// drew the post from it): the link.
		missing := false
		u := includeParamRE.ReplaceAllStringFunc(string(m[1]), func(p string) string {
			v := a.named[includeParamRE.FindStringSubmatch(p)[1]]
			missing = missing || v == ""
			return v
		})
		if !missing && !strings.ContainsAny(u, "{} ") && (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) {
			c.writeLink(t.start, t.end, cmp.Or(a.named[string(m[2])], u), u)
			return true
		}
	}
	return false
}

// Of an include's template: includeBoxRE finds the class of an element
// of a note's class (a notification, an alert, a callout), and
// includeMessageRE a parameter it shows as Markdown, {{ include.message
// | markdownify }}; includeKindRE a parameter in that class, and a
// default for it: class="notification {{ include.status | default:
// 'is-warning' }}".
var (
	includeBoxRE     = regexp.MustCompile(`class\s*=\s*"([^"]*\b(?:notification|notice|alert|callout|admonition)\b[^"]*)"`)
	includeMessageRE = regexp.MustCompile(`\{\{-?\s*include\.(\w+)\s*\|\s*markdownify\s*-?\}\}`)
	includeKindRE    = regexp.MustCompile(`\{\{-?\s*include\.(\w+)(?:\s*\|\s*default:\s*['"]([\w-]+)['"])?\s*-?\}\}`)
)

// noteInclude returns the alert that an include's template, data, makes
// of the parameters a when it is a box of a note's class around one
// parameter it shows as Markdown (includeBoxRE, includeMessageRE): the
// kind its class names, of the parameter in it (is-warning, alert-info)
// or of its words, NOTE by default; and that parameter's text. False
// when it is no such box, or the parameter is not given or holds Liquid.
func noteInclude(data []byte, a args) (string, string, bool) {
	box := includeBoxRE.FindSubmatch(data)
	msg := includeMessageRE.FindAllSubmatch(data, -1)
	if box == nil || len(msg) != 1 {
		return "", "", false
	}
	text := strings.TrimSpace(a.named[string(msg[0][1])])
	if text == "" || strings.Contains(text, "{{") || strings.Contains(text, "{%") {
		return "", "", false // none, or Liquid, which the import would have to run
	}
	kindOf := func(class string) string {
		class = strings.ToLower(strings.TrimSpace(class))
		for _, prefix := range []string{"is-", "alert-", "notice--", "callout-"} {
			class = strings.TrimPrefix(class, prefix)
		}
		return classAlert(class)
	}
	kind := ""
	if m := includeKindRE.FindSubmatch(box[1]); m != nil {
		kind = kindOf(cmp.Or(strings.TrimSpace(a.named[string(m[1])]), string(m[2])))
	}
	if kind == "" {
		var words []string
		for w := range strings.FieldsSeq(includeKindRE.ReplaceAllString(string(box[1]), "")) {
			words = append(words, strings.TrimPrefix(strings.TrimPrefix(w, "is-"), "alert-"))
		}
		kind = cmp.Or(classesAlert(words), "NOTE")
	}
	return kind, text, true
}

// includeLinkRE finds a link of an include's template whose address holds
// a parameter and whose text is none or a parameter, and includeParamRE
// a parameter.
var (
	includeLinkRE  = regexp.MustCompile(`<a\b[^>]*?\bhref\s*=\s*"([^"]*\{\{-?\s*include\.\w+\s*-?\}\}[^"]*)"[^>]*>\s*(?:\{\{-?\s*include\.(\w+)\s*-?\}\}\s*)?</a>`)
	includeParamRE = regexp.MustCompile(`\{\{-?\s*include\.(\w+)\s*-?\}\}`)
)

// sideNote writes the include t, a note in the margin of the source's
// page, as a footnote: its reference here, and its text, converted as
// the page's, in a definition at the end of the page (writeSideNotes).
func (c *converter) sideNote(t tag, id, note string) {
	if !footnoteLabelRE.MatchString(id) || c.noteLabels[id] {
		id = fmt.Sprintf("note-%d", len(c.sideNotes)+1)
	}
	put(&c.noteLabels, id, true)
	at, frags := c.out.Len(), len(c.p.fragments)
	c.paramText(t.start, t.end, note)
	text := strings.ReplaceAll(string(c.out.Bytes()[at:]), "\n", " ")
	c.out.Truncate(at)
	n := sideNote{label: id, text: text}
	for _, f := range c.p.fragments[frags:] {
		f.at -= at
		n.frags = append(n.frags, f)
	}
	c.p.fragments = c.p.fragments[:frags]
	c.sideNotes = append(c.sideNotes, n)
	c.out.WriteString("[^" + id + "]")
}

// paramText writes s, a parameter of the tag from body offset i to end,
// converted as Markdown of the page, its notes at its place in the tag.
func (c *converter) paramText(i, end int, s string) {
	off := max(0, bytes.Index(c.body[i:end], []byte(s)))
	c.includeText(c.p.src, c.p.source, []byte(s), c.p.bodyOff+i+off)
}

// footnoteLabelRE matches an id that may be a footnote's label as it is.
var footnoteLabelRE = regexp.MustCompile(`^[\w-]+$`)

// sideNote is a footnote made of a side note, and the links with a
// #fragment in its text, at their offsets in it.
type sideNote struct {
	label, text string
	frags       []fragmentLink
}

// writeSideNotes writes the definitions of the footnotes sideNote made,
// at the end of the page.
func (c *converter) writeSideNotes() {
	for _, n := range c.sideNotes {
		for !bytes.HasSuffix(c.out.Bytes(), []byte("\n\n")) {
			c.out.WriteByte('\n')
		}
		c.out.WriteString("[^" + n.label + "]: ")
		for _, f := range n.frags {
			f.at += c.out.Len()
			c.p.fragments = append(c.p.fragments, f)
		}
		c.out.WriteString(n.text + "\n")
	}
}

// liquidFlowRE finds a Liquid tag that makes what a template shows
// depend on data: a loop, a condition, a variable set.
var liquidFlowRE = regexp.MustCompile(`\{%-?\s*(?:for|if|unless|case|assign|capture|tablerow|cycle|increment|decrement)\s`)

// maxIncludeDepth bounds how deep Markdown includes are converted within
// one another, so that one that includes itself ends.
const maxIncludeDepth = 4

// maxIncludes and maxIncludedBytes bound the includes taken into one
// page, all of them counted, each as often as it is taken in: a
// thousand, and 8 MB of their text, the most plotline reads of an
// article (sitefs.MaxFileSize). Without them, an include that includes
// itself, or another, a few dozen times grows the page by that many
// times at each of maxIncludeDepth levels: 60 times made 13 million
// copies, an import that ran for hours.
const (
	maxIncludes      = 1000
	maxIncludedBytes = sitefs.MaxFileSize
)

// tooMuchIncluded is the note of an include that maxIncludes or
// maxIncludedBytes leave out.
const tooMuchIncluded = "would take the page past 1000 includes or 8 MB of included text, the most plotline reads of a page (does an include include itself, or another many times?): inline it by hand"

// maxImportIncludedBytes bounds the text of the includes taken into all
// the pages of an import together, each as often as it is taken in: 64
// MB, eight pages at maxIncludedBytes each. The bounds of each page do
// not bound the whole: a site of tiny pages each of which includes an
// include of 8 KB a thousand times over (through one that includes it
// 31 times) made each page 7.5 MB, 40 pages of 640 bytes 298 MB
// written and 650 MB of memory, a thousand of them gigabytes; every
// page is held until the new site is written. A real site's shared
// includes (a lesson's list of links, a footer) are a few kilobytes, a
// few megabytes over a thousand pages, far below it.
// (A variable for a test to lower.)
var maxImportIncludedBytes = 8 * maxIncludedBytes

// tooMuchIncludedInAll is the note of an include that
// maxImportIncludedBytes leaves out, after the page where it was
// reached.
const tooMuchIncludedInAll = "would take the import past 64 MB of included text, all its pages together, the most plotline takes into the pages of one import (does an include include another many times?): inline it by hand"

// mayInclude reports whether the page being converted may take in one
// more include, of n bytes, and counts it when it may. When it may not,
// why is the note of the include left out.
func (c *converter) mayInclude(n int) (ok bool, why string) {
	if c.p.included == nil {
		c.p.included = &includeCount{page: path.Join(c.im.srcDir, c.p.src)}
	}
	in := c.p.included
	switch {
	case in.files+1 > maxIncludes || in.bytes+n > maxIncludedBytes:
		return false, tooMuchIncluded
	case c.im.includedBytes+n > maxImportIncludedBytes:
		if c.im.includedPast == "" {
			c.im.includedPast = in.page
		}
		return false, tooMuchIncludedInAll + " (reached at " + c.im.includedPast + ")"
	}
	in.files++
	in.bytes += n
	c.im.includedBytes += n
	return true, ""
}

// includeCount counts the includes taken into a page and their bytes;
// page is the page's source file.
type includeCount struct {
	files, bytes int
	page         string
}

// includeText writes body, the text of the source file src (whose whole
// text is source, body from offset bodyOff on), converted in the page's
// place: its links are resolved from the page's address, its fragments
// checked as the page's, and its notes are at their places in src, each
// once however many pages include it.
func (c *converter) includeText(src string, source, body []byte, bodyOff int) {
	inc := &page{
		src: src, source: source, body: bytes.TrimRight(body, "\n"), bodyOff: bodyOff, dest: c.p.dest, oldURL: c.p.oldURL,
		newURL: c.p.newURL, filesDir: c.p.filesDir, draft: c.p.draft, includeDepth: c.p.includeDepth + 1,
		included: c.p.included,
	}
	// The notes src had before are those its new ones are judged by:
	// while it converts, its set is set aside, and an include of it
	// inside it starts one of its own.
	seen := c.im.notesOf(src)
	delete(c.im.notesAt, src)
	from := len(c.im.res.Notes)
	out := c.im.convertBody(inc)
	kept := slices.DeleteFunc(c.im.res.Notes[from:], func(n Note) bool {
		dup := seen[n]
		seen[n] = true
		return dup
	})
	c.im.res.Notes = c.im.res.Notes[:from+len(kept)]
	c.im.notesAt[src] = seen
	at := c.out.Len()
	for _, f := range inc.fragments {
		f.at += at
		c.p.fragments = append(c.p.fragments, f)
	}
	c.out.Write(out)
	c.im.res.Converted++
}

// link rewrites the destination of a Markdown link or image at body
// offset i ("](dest" or a line "[ref]: dest") when it is relative: the
// source resolved it against the page's old address, plotline resolves
// it against the file, so it is written as the site path it meant. A
// destination that names a file beside the page is left as it is. It
// returns how many bytes it wrote, 0 when there is no link at i.
func (c *converter) link(i int) int {
	b := c.body
	var start int
	switch {
	case b[i] == ']' && i+1 < len(b) && b[i+1] == '(':
		// Spaces, and one line's end, may come before the address:
		// "[x]( /a/)" is a link to /a/.
		start = afterSpaces(b, i+2)
		if start < len(b) && b[start] == '\n' {
			start = afterSpaces(b, start+1)
		}
	case b[i] == ']' && i+1 < len(b) && b[i+1] == ':' && lineStartsRef(b, i):
		start = afterSpaces(b, i+2)
	default:
		return 0
	}
	if c.inCode(i) || c.inHTMLBlock(i) || start >= len(b) {
		return 0
	}
	lead, trail, innerEnd := 0, 0, 0
	if b[i+1] == '(' {
		lead, trail, innerEnd = strayBrackets(b, start)
		switch {
		case lead > 1 && b[start+lead-1] == '(':
			c.im.done(c.pos(start), "link address %s is a link of its own: written as its address, %s", b[start:innerEnd+trail], b[start+lead:innerEnd])
		case lead > 0:
			c.im.done(c.pos(start), "link address %s in brackets of its own: written without them", b[start+lead:innerEnd])
		}
		start += lead
	}
	inv := invisibleLead(b[start:])
	invAt, invRune := start, rune(0)
	if inv > 0 {
		invRune, _ = utf8.DecodeRune(b[start:])
		start += inv
	}
	end := upTo(b, start, " \t\n)\"")
	if lead > 0 {
		end = innerEnd
	}
	if rootEnd, ok := c.rootedAtNothing(start); ok && lead == 0 {
		// "({{ site.url }}/static/x.pdf)": the spaces in the Liquid
		// are the address's.
		end = rootEnd
	}
	if k := afterSpaces(b, end); k > end && k < len(b) && !strings.ContainsRune("\"')\n", rune(b[k])) && (b[k] != '(' || b[i+1] == ':') {
		// Words after the address, not a title: "[x](You and Your
		// Research)" is no link to CommonMark, and stays as written.
		return 0
	}
	dest := string(b[start:end])
	if inv > 0 {
		c.im.done(c.pos(invAt), "link address %s starts with %U, an invisible character that made it another address, one that led nowhere: left out", dest, invRune)
	}
	c.at = start
	u, ok := c.resolve(dest)
	target := cmp.Or(u, dest)
	// "({{ site.url }}/static/x.pdf)", of a file the source lacks, too.
	gone := c.nowhere(target) || c.rootedNowhere(dest)
	if inner, ok := strings.CutPrefix(dest, "<"); !gone && ok && strings.HasSuffix(inner, ">") && c.im.conf.publishedURL() == "" {
		// "(<docs link>)", an address in angle brackets, which may
		// hold what a bare one may not.
		inner = strings.TrimSuffix(inner, ">")
		if v, _ := c.resolve(inner); inner != "" && c.nowhere(cmp.Or(v, inner)) {
			gone, target = true, cmp.Or(v, inner)
		}
	}
	if gone {
		// No page of the new site, and no old site's address to keep
		// (the source has no base URL): the text stays, as text.
		if b[i+1] == ':' {
			c.out.Truncate(c.out.Len() - len(lastLine(c.out.Bytes())))
			c.out.WriteString("<!-- plotline import: " + commentSafe(string(b[lineStart(b, i):end])) + " -->")
			c.im.note(c.pos(start), "link %s names nothing of this site, and the source has no base URL to keep its old address: the reference definition is left out", target)
			return end - i
		}
		if k := titleEnd(b, end+trail); k < len(b) && b[k] == ')' {
			c.unlink(i, "<!-- plotline import: ("+commentSafe(target)+") -->")
			c.im.note(c.pos(start), "link %s names nothing of this site, and the source has no base URL to keep its old address: its text is kept, without the link", target)
			return k + 1 - i
		}
	}
	if d := c.draftLinked(u, ok, dest); d != nil && !c.p.draft && b[i+1] == ':' {
		// A reference definition of a draft's address: the definition
		// goes, and its links read as their text.
		c.im.note(c.pos(start), "link %s is to %s, a draft, which the source did not publish either: the reference definition is left out, its links kept as text", dest, d.src)
		return c.dropRef(i) - i
	}
	if d := c.draftLinked(u, ok, dest); d != nil && !c.p.draft && end+trail < len(b) && b[end+trail] == ')' && b[i+1] == '(' {
		// A draft, which neither the source nor plotline publishes: the
		// link led nowhere, and plotline would refuse it.
		c.unlink(i, "<!-- plotline import: ("+commentSafe(cmp.Or(u, dest))+") -->")
		c.im.note(c.pos(start), "link %s is to %s, a draft, which the source did not publish either: its text is kept, without the link", dest, d.src)
		return end + trail + 1 - i
	}
	switch {
	case ok:
		c.im.res.Converted++
	case strings.Contains(dest, "#") && !strings.ContainsAny(dest, "{<"):
		u = dest // kept, and remembered for mendFragments
	case lead > 0 || inv > 0:
		u = dest // kept, without its brackets or invisible characters
	default:
		return 0
	}
	c.out.Write(b[i : start-lead-inv])
	c.writeAddress(u, start)
	return end + trail - i
}

// invisibleLead returns how many bytes of b, a link's address, are
// characters that show as nothing (a zero-width joiner or non-joiner, a
// direction mark), typed before it in right-to-left and Indic text; a
// byte order mark is left to converter.unprintable.
func invisibleLead(b []byte) int {
	if n := bytes.IndexFunc(b, func(r rune) bool { return !unicode.Is(unicode.Cf, r) || r == 0xFEFF }); n >= 0 {
		return n
	}
	return len(b)
}

// strayBrackets reads the address of an inline link whose destination
// starts at offset start of b, and finds whether it is written in
// brackets of its own: "[x]((/a/))", "[x]([https://a.example/)" or
// "[x]({https://a.example/})", which a browser took for a relative
// address, a link that led nowhere; or is a whole Markdown link,
// "[x]([y](https://a.example/))", whose brackets and text the browser
// took for part of a relative address too. It returns how many bytes
// open the address (more than 1 for a link's "[y](") and how many
// close it, and the offset just after the address inside them; lead is
// 0 when the address is not such. What is inside must be a site path or
// have a scheme, with no space.
func strayBrackets(b []byte, start int) (lead, trail, innerEnd int) {
	if start >= len(b) || !strings.ContainsRune("([{", rune(b[start])) {
		return 0, 0, 0
	}
	if b[start] == '[' {
		if lead, innerEnd := linkAsAddress(b, start); lead > 0 {
			return lead, 1, innerEnd
		}
	}
	closer := map[byte]byte{'(': ')', '[': ']', '{': '}'}[b[start]]
	from := afterSpaces(b, start+1)
	end, ok := bareAddress(b, from)
	if !ok || end >= len(b) {
		return 0, 0, 0
	}
	switch k := afterSpaces(b, end); {
	case k < len(b) && b[k] == closer && outerEnd(b, k+1):
		// "[x]((/a/))", "[x](( /a/ ))", "[x]((/a/) "title")".
		return from - start, k + 1 - end, end
	case b[start] == '[' && b[end] == ')' && from == start+1:
		// Only the opening one: "[x]([https://a.example/)".
		return 1, 0, end
	}
	return 0, 0, 0
}

// outerEnd reports whether what follows offset k of b ends a link's
// destination: its ")", or a title after a space.
func outerEnd(b []byte, k int) bool {
	j := afterSpaces(b, k)
	return j < len(b) && (b[j] == ')' || j > k && (b[j] == '"' || b[j] == '\''))
}

// linkAsAddress finds whether the link address that starts at offset
// start of b, at a "[", is a Markdown link of its own, "[y](/a/)"
// followed by the outer link's ")", and returns the length of its "[y]("
// and the offset just after its address; 0 when it is not.
func linkAsAddress(b []byte, start int) (lead, innerEnd int) {
	close := upTo(b, start+1, "[]\n")
	if close+1 >= len(b) || b[close] != ']' || b[close+1] != '(' {
		return 0, 0
	}
	end, ok := bareAddress(b, close+2)
	if !ok || end+1 >= len(b) || b[end] != ')' || b[end+1] != ')' {
		return 0, 0
	}
	return close + 2 - start, end
}

// bareAddress returns the end of the address at offset from of b, up to
// a space, a quote or a bracket, and whether it is one: not empty, and a
// site path or with a scheme.
func bareAddress(b []byte, from int) (int, bool) {
	end := upTo(b, from, " \t\n\"'()[]{}<>")
	inner := string(b[from:end])
	return end, end > from && (strings.Contains(inner, "://") || strings.HasPrefix(inner, "/") && !strings.HasPrefix(inner, "//"))
}

// afterLineEnd returns the offset in b past the spaces and the line end
// at or after i: where the next line starts, when only spaces stand
// between i and it (the inside of a shortcode whose tag ends its line).
func afterLineEnd(b []byte, i int) int {
	i = afterSpaces(b, i)
	if i < len(b) && b[i] == '\r' {
		i++
	}
	if i < len(b) && b[i] == '\n' {
		i++
	}
	return i
}

// upTo returns the offset of the first byte of b at or after from that
// is one of stops, ASCII characters, or len(b) when there is none.
func upTo(b []byte, from int, stops string) int {
	if k := bytes.IndexAny(b[from:], stops); k >= 0 {
		return from + k
	}
	return len(b)
}

// afterSpaces returns the offset of the first byte at or after i of b
// that is no space or tab.
func afterSpaces(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// draftLinked returns the draft that a link to dest leads to, or nil:
// u is dest resolved (when ok), the page's new address; a dest that
// resolve leaves as it is may still be a draft's address, or its file
// beside the page ("faq.md").
func (c *converter) draftLinked(u string, ok bool, dest string) *page {
	if ok {
		return c.im.draftAt(u)
	}
	if strings.HasPrefix(dest, "/") {
		return c.im.draftAt(dest)
	}
	file, _ := splitSuffix(dest)
	if file == "" || strings.Contains(file, ":") {
		return nil
	}
	if pg := c.im.dests[path.Join(path.Dir(c.p.dest), file)]; pg != nil && pg.draft {
		return pg
	}
	return nil
}

// titleEnd returns the offset in b past the title of a link that may
// follow its address at k (` "Logo")`: the offset of its ')'), and k when
// there is none.
func titleEnd(b []byte, k int) int {
	j := afterSpaces(b, k)
	if j == k || j >= len(b) || !strings.ContainsRune(`"'`, rune(b[j])) {
		return k
	}
	if n := bytes.IndexByte(b[j+1:], b[j]); n >= 0 && !bytes.Contains(b[j+1:j+1+n], []byte("\n\n")) {
		return afterSpaces(b, j+1+n+1)
	}
	return k
}

// ruleRE matches a thematic break.
var ruleRE = regexp.MustCompile(`^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)

// unlink ends the text of the link whose "]" is at body offset i, a link
// the new site is to do without, with comment (which keeps its address
// for the writer) in place of its address. The text's brackets go, so
// that the reader sees the text alone, as does the "!" of an image, whose
// text is then shown in its place. They stay where the text would start
// a block of its own without them ("[1. Setup](x)" alone on its line),
// and where the "[" is not found in what was written.
func (c *converter) unlink(i int, comment string) {
	b := c.body
	j, depth := i-1, 0
	for ; j >= 0; j-- {
		if b[j] == '\n' && j > 0 && blankLine(b[lineStart(b, j):j]) {
			j = -1 // a paragraph's text goes no further back
			break
		}
		if c.inCode(j) || (b[j] != '[' && b[j] != ']') || escaped(b[:j]) {
			continue
		}
		if b[j] == ']' {
			depth++
		} else if depth == 0 {
			break
		} else {
			depth--
		}
	}
	o, ok := c.opens[j]
	out := c.out.Bytes()
	if j < 0 || !ok || o >= len(out) || out[o] != '[' || startsBlock(out, o) {
		c.out.WriteString("]" + comment)
		return
	}
	n := 1
	if o > 0 && out[o-1] == '!' && !escaped(out[:o-1]) {
		o, n = o-1, 2
	}
	c.cut(o, n)
	c.out.WriteString(comment)
}

// startsBlock reports whether the text after the "[" at offset o of out
// would start a block, a heading, a list item, a quote or the like, were
// the bracket not there: the line has only containers' markers before
// it, and the text starts as such a block does.
func startsBlock(out []byte, o int) bool {
	before := out[lineStart(out, o):o]
	if len(bytes.Trim(before, " \t>*+-.)0123456789")) > 0 {
		return false
	}
	text, _, _ := bytes.Cut(out[o+1:], []byte("\n"))
	if len(text) == 0 {
		return true
	}
	switch c := text[0]; {
	case c == ' ' || c == '\t' || c == '|':
		return true
	case c == ':': // a definition, in a definition list
		return len(text) == 1 || text[1] == ' ' || text[1] == '\t'
	case c == '<':
		return len(text) > 1 && (text[1] == '/' || text[1] == '!' || text[1] == '?' ||
			'a' <= text[1]|0x20 && text[1]|0x20 <= 'z')
	}
	return blockMark(text) >= 0
}

// cut removes n bytes of the output at offset at, and moves the output
// offsets held for later that were after them.
func (c *converter) cut(at, n int) {
	out := c.out.Bytes()
	copy(out[at:], out[at+n:])
	c.out.Truncate(len(out) - n)
	c.moveOffsets(at+1, -n)
}

// insert writes s into the output at offset at, and moves the output
// offsets held for later from at on.
func (c *converter) insert(at int, s string) {
	tail := bytes.Clone(c.out.Bytes()[at:])
	c.out.Truncate(at)
	c.out.WriteString(s)
	c.out.Write(tail)
	c.moveOffsets(at, len(s))
}

// holdsOffsetFrom reports whether the converter holds an output offset
// from from on for later, of a fragment link or a kramdown element (see
// moveOffsets): what is written there may not be rewritten. (The
// brackets of link texts are held too, but each is used only before
// its link ends.)
func (c *converter) holdsOffsetFrom(from int) bool {
	if slices.ContainsFunc(c.p.fragments, func(f fragmentLink) bool { return f.at >= from }) {
		return true
	}
	for _, e := range c.mdOpen {
		if e.out >= from {
			return true
		}
	}
	return false
}

// moveOffsets adds n to each output offset from from on that the
// converter holds for later: fragment links, kramdown's elements, link
// texts' brackets.
func (c *converter) moveOffsets(from, n int) {
	for k := range c.p.fragments {
		if c.p.fragments[k].at >= from {
			c.p.fragments[k].at += n
		}
	}
	for k, e := range c.mdOpen {
		if e.out >= from {
			e.out += n
			c.mdOpen[k] = e
		}
	}
	for k, o := range c.opens {
		if o >= from {
			c.opens[k] = o + n
		}
	}
}

// converted counts a conversion in the import's result and returns n,
// how many bytes of the body it took.
func (c *converter) converted(n int) int {
	c.im.res.Converted++
	return n
}

// wrote writes s and is converted(n): s stands for n bytes of the body.
func (c *converter) wrote(s string, n int) int {
	c.out.WriteString(s)
	return c.converted(n)
}

// writeRef writes u, the address of a page that the tag from body offset
// i to end stands for, with the #fragment that follows the tag, if any,
// as in "{% link a.md %}#usage"; a fragment is remembered for
// mendFragments. It returns how many bytes of the body it took.
func (c *converter) writeRef(i, end int, u string) int {
	b := c.body
	fragEnd := end
	if fragEnd < len(b) && b[fragEnd] == '#' {
		fragEnd = upTo(b, end, " \t\n)\"'<>")
		u += string(b[end:fragEnd])
	}
	c.writeAddress(u, i)
	return fragEnd - i
}

// emojis are GitHub's emoji by their short names, as Hugo's enableEmoji
// and Jekyll's jemoji read them; made once.
var emojis = definition.Github()

var (
	// addressTagRE finds the start of an HTML element that links to or
	// shows another file, or loads one (a style sheet, a script): the
	// elements whose href or src plotline build checks.
	addressTagRE = regexp.MustCompile(`^<(?i:a|img|area|source|iframe|video|audio|embed|track|link|script|input)[\s/>]`)
	// addressAttrRE finds the address attributes of an HTML start tag
	// (a video's poster image too, which plotline build checks as well).
	addressAttrRE = regexp.MustCompile(`\s(?i:href|src|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>\x60]+))`)
	// srcsetAttrRE finds the srcset attribute of an HTML start tag, its
	// value a list of addresses, each with its width or density after
	// it ("a.png 1x, b.png 2x").
	srcsetAttrRE = regexp.MustCompile(`\s(?i:srcset)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// attrEdit is a converted address of a raw HTML start tag: the body
// from start to stop is written as text (see writeAddress).
type attrEdit struct {
	start, stop int
	text        string
}

// rawAddresses converts the addresses of the raw HTML start tag at body
// offset i (href, src and poster) as link converts a Markdown link's, and
// returns how many bytes of the body it took; 0 leaves the tag to the
// rest of the conversion (no such tag). In a tag with a shortcode or
// Liquid inside, whose own conversion makes what it stands for, the
// addresses without one are converted all the same: it takes the tag
// up to the first, and leaves the addresses after it in attrEdits.
func (c *converter) rawAddresses(i int) int {
	b := c.body
	if !addressTagRE.Match(b[i:min(len(b), i+8)]) {
		return 0
	}
	end := tagEnd(b, i)
	if end < 0 {
		return 0
	}
	tagText := b[i : end+1]
	attrs := addressAttrRE.FindAllSubmatchIndex(tagText, -1)
	liquid := len(tagText)
	for _, d := range []string{"{{", "{%"} {
		for k := 0; ; {
			j := bytes.Index(tagText[k:], []byte(d))
			if j < 0 {
				break
			}
			k += j
			if !postrefAt(tagText, attrs, k) {
				liquid = min(liquid, k)
				break
			}
			k += len(d)
		}
	}
	var edits []attrEdit
	for _, m := range srcsetAttrRE.FindAllSubmatchIndex(tagText, -1) {
		start, stop := m[2], m[3]
		if start < 0 {
			start, stop = m[4], m[5]
		}
		if start >= liquid || c.im.conf.publishedURL() != "" {
			continue // Liquid, or an old site's address to keep each under
		}
		for cand := range strings.SplitSeq(html.UnescapeString(string(tagText[start:stop])), ",") {
			f := strings.Fields(cand)
			if len(f) == 0 {
				continue
			}
			c.at = i + start
			u, _ := c.resolve(f[0])
			if target := cmp.Or(u, f[0]); c.nowhere(target) {
				// "doc/images/x.png 1x" of a file the source lacks: the
				// element goes without its sources, as without an address.
				edits = append(edits, attrEdit{start: i + m[0], stop: i + m[1]})
				c.im.note(c.pos(i+start), "address %s in a srcset names nothing of this site, and the source has no base URL to keep its old address: the attribute is left out", target)
				break
			}
		}
	}
	for _, m := range attrs {
		start, stop := attrValue(m)
		if rest, ok := postrefAddress(tagText[start:stop]); ok {
			// "{{< blogdown/postref >}}index_files/x.png": the page's
			// address, so the file beside it, converted as a relative
			// address is; one the source lacks as such an address is.
			c.at = i + start
			u, ok := c.resolve(rest)
			if target := cmp.Or(u, rest); ok && c.nowhere(target) {
				edits = append(edits, attrEdit{start: i + m[0], stop: i + m[1]})
				c.im.note(c.pos(i+start), "address %s names nothing of this site, and the source has no base URL to keep its old address: the attribute is left out", target)
				continue
			}
			if !ok {
				u = c.postref() + rest // a file of the page's bundle
			}
			c.im.res.Converted++
			edits = append(edits, attrEdit{start: i + start, stop: i + stop, text: html.EscapeString(u)})
			continue
		}
		if bytes.Contains(tagText[start:stop], []byte("{{")) || bytes.Contains(tagText[start:stop], []byte("{%")) {
			if c.rootedNowhere(string(tagText[start:stop])) {
				edits = append(edits, attrEdit{start: i + m[0], stop: i + m[1]})
				c.im.note(c.pos(i+start), "address %s names nothing of this site, and the source has no base URL to keep its old address: the attribute is left out", tagText[start:stop])
			}
			continue // the Liquid's conversion makes its address
		}
		start, stop = i+start, i+stop
		// An attribute's value may hold character references, which
		// the browser read: "Twitter&#39;s%20Point.png" names
		// "Twitter's Point.png".
		dest := html.UnescapeString(string(b[start:stop]))
		c.at = start
		rest, pelican := c.pelicanFile(start, dest)
		if pelican {
			dest = rest
		}
		u, ok := c.resolve(dest)
		if target := cmp.Or(u, dest); c.nowhere(target) {
			// As a Markdown link's text stays without its link, the
			// element stays without its address.
			edits = append(edits, attrEdit{start: i + m[0], stop: i + m[1]})
			c.im.note(c.pos(start), "address %s names nothing of this site, and the source has no base URL to keep its old address: the attribute is left out", target)
			continue
		}
		switch {
		case ok:
			c.im.res.Converted++
		case strings.Contains(dest, "#"):
			u = dest // kept, and remembered for mendFragments
		case pelican:
			c.im.res.Converted++
			u = dest
		default:
			continue
		}
		u = html.EscapeString(u)
		edits = append(edits, attrEdit{start: start, stop: stop, text: u})
	}
	from, last := i, i+liquid
	if liquid == len(tagText) {
		last = end + 1
	}
	slices.SortFunc(edits, func(a, b attrEdit) int { return a.start - b.start })
	for _, e := range edits {
		if e.start >= last {
			put(&c.attrEdits, e.start, e)
			continue
		}
		c.out.Write(b[from:e.start])
		c.writeAddress(e.text, e.start)
		from = e.stop
		// An attribute left out whole, its Liquid with it: the rest
		// of the tag is read from after it.
		last = max(last, from)
	}
	c.out.Write(b[from:last])
	return last - i
}

// attrValue returns where the value of an address attribute that
// addressAttrRE matched, m, starts and stops in the tag, without its
// quotes.
func attrValue(m []int) (start, stop int) {
	for k := 2; k+1 < len(m); k += 2 {
		if m[k] >= 0 {
			return m[k], m[k+1]
		}
	}
	return m[len(m)-2], m[len(m)-1]
}

// postrefAddressRE matches an address that starts with blogdown's
// {{< blogdown/postref >}}, the page's own address, and goes on with a
// path relative to it and no other shortcode: that path in its group.
var postrefAddressRE = regexp.MustCompile(`^\{\{[<%]\s*blogdown/postref\s*[>%]\}\}([^{}/#?\s][^{}\s]*)$`)

// postrefAddress returns the path after {{< blogdown/postref >}} in v,
// an address attribute's value (see postrefAddressRE).
func postrefAddress(v []byte) (string, bool) {
	m := postrefAddressRE.FindSubmatch(v)
	if m == nil {
		return "", false
	}
	return html.UnescapeString(string(m[1])), true
}

// postrefAt reports whether offset k of tagText starts an address
// attribute's value, among attrs, that postrefAddress converts.
func postrefAt(tagText []byte, attrs [][]int, k int) bool {
	for _, m := range attrs {
		if start, stop := attrValue(m); start == k {
			_, ok := postrefAddress(tagText[start:stop])
			return ok
		}
	}
	return false
}

// attrEditAt writes the converted address that attrEdits holds for body
// offset i, and returns how many bytes of the body it stands for; 0 when
// there is none.
func (c *converter) attrEditAt(i int) int {
	e, ok := c.attrEdits[i]
	if !ok {
		return 0
	}
	delete(c.attrEdits, i)
	c.writeAddress(e.text, e.start)
	return e.stop - i
}

// writeAddress writes u, the address that body offset at stands for,
// and remembers it for mendFragments when it has a #fragment.
func (c *converter) writeAddress(u string, at int) {
	if strings.Contains(u, "#") {
		c.p.fragments = append(c.p.fragments, fragmentLink{pos: c.pos(at), at: c.out.Len(), dest: u})
	}
	c.out.WriteString(u)
}

// tagEnd returns the offset of the ">" that ends the HTML tag at offset
// i of b, outside quoted attribute values, or -1 when there is none in
// the next 8 KB.
func tagEnd(b []byte, i int) int {
	var quote byte
	for end := i + 1; end < len(b) && end-i < 8192; end++ {
		switch ch := b[end]; {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '"' || ch == '\'':
			quote = ch
		case ch == '>':
			return end
		}
	}
	return -1
}

// lineStartsRef reports whether the "]" at i closes a link reference
// definition's label at the start of its line, or of its text in a
// block quote ("> [x]: /a/").
func lineStartsRef(b []byte, i int) bool {
	ls := bytes.LastIndexByte(b[:i], '\n') + 1
	ls += quoteMarks(b[ls:i])
	line := bytes.TrimLeft(b[ls:i], " ")
	return len(line) > 1 && line[0] == '[' && line[1] != '^' && len(b[ls:i])-len(line) <= 3 && !bytes.ContainsAny(line[1:], "[]")
}

// quoteMarks returns how many bytes at the start of line are the marks
// of block quotes, each ">" after at most three spaces, with the one
// space after it: 2 for "> [x]".
func quoteMarks(line []byte) int {
	n := 0
	for {
		rest := bytes.TrimLeft(line[n:], " ")
		if len(line)-n-len(rest) > 3 || !bytes.HasPrefix(rest, []byte(">")) {
			return n
		}
		n = len(line) - len(rest) + 1
		if n < len(line) && line[n] == ' ' {
			n++
		}
	}
}

// dropRef writes, in place of the reference definition whose label's
// "]" is at body offset i, an HTML comment of it to the end of its
// line, after the quote marks its line starts with, and returns the
// offset of that end: its links read as the plain text they show.
func (c *converter) dropRef(i int) int {
	b := c.body
	written := lastLine(c.out.Bytes())
	c.out.Truncate(c.out.Len() - len(written) + quoteMarks(written))
	ls := lineStart(b, i)
	from := ls + quoteMarks(b[ls:i])
	end := lineEnd(b, i)
	if end > i && b[end-1] == '\n' {
		end--
	}
	c.out.WriteString("<!-- plotline import: " + commentSafe(strings.TrimRight(string(b[from:end]), " \t\r")) + " -->")
	return end
}

// previewed returns the site path of dest, a full address on the
// writer's own machine at the source's base URL
// ("http://localhost:1313/posts/b/", where hugo server previewed it), when
// it names something of the new site: readers cannot follow the address
// itself. The second result is false for any other address.
func (c *converter) previewed(dest string) (string, bool) {
	if !localHost(dest) {
		return "", false
	}
	p, ok := c.im.onOwnHost(dest)
	if !ok {
		return "", false
	}
	u, ok := c.rooted(p)
	if !ok {
		if at, _ := addressPath(p); !c.im.onSite(at) {
			return "", false
		}
		u = p
	}
	c.im.done(c.pos(c.at), "link %s is on the writer's own machine, where %s previewed the site: written as %s, its address on this site", dest, map[Kind]string{Hugo: "hugo server", Jekyll: "jekyll serve"}[c.im.kind], u)
	return u, true
}

// rootedAtNothing returns the end of the address at body offset start
// of a Jekyll page when it is the site's root written in Liquid, and a
// path after it that names nothing of the new site while the source has
// no base URL ("{{ site.url }}/static/x.pdf", of a file the source
// lacks): an address whose Liquid may hold spaces, which the
// conversion of the Liquid would write as "/static/x.pdf".
func (c *converter) rootedAtNothing(start int) (int, bool) {
	b := c.body
	if c.im.kind != Jekyll || !bytes.HasPrefix(b[start:], []byte("{{")) {
		return 0, false
	}
	m := siteRootPrefixRE.Find(b[start:min(len(b), start+200)])
	if m == nil {
		return 0, false
	}
	end := upTo(b, start+len(m), " \t\n)\"")
	if !c.rootedNowhere(string(b[start:end])) {
		return 0, false
	}
	return end, true
}

// rootedNowhere reports whether addr, an address of a Jekyll page, is the
// site's root written in Liquid and a path after it that names nothing of
// the new site while the source has no base URL ("{{ site.url
// }}/static/x.zip", of a file the source lacks): the same address, to the
// import, as "/static/x.zip".
func (c *converter) rootedNowhere(addr string) bool {
	root := siteRootRE.FindStringSubmatch(addr)
	return root != nil && c.im.kind == Jekyll && c.nowhere(root[1])
}

// siteRootPrefixRE matches the root of a Jekyll site in Liquid at the
// start of an address: {{ site.url }}, {{ site.baseurl }}, or both.
var siteRootPrefixRE = regexp.MustCompile(`^(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})+`)

// siteRootRE matches an address that starts with the root of a Jekyll
// site (siteRootPrefixRE) and has no other Liquid: the path after the
// root in its first group.
var siteRootRE = regexp.MustCompile(siteRootPrefixRE.String() + `(/[^{}]*)$`)

// refLabelEnd reports whether line, the start of a line up to a
// destination, is a reference definition's label and colon: "[x]: ".
func refLabelEnd(line []byte) bool {
	head := bytes.TrimRight(line, " \t")
	if !bytes.HasSuffix(head, []byte("]:")) {
		return false
	}
	return lineStartsRef(head, len(head)-2)
}

// resolve returns the site path a relative destination meant, and false
// when it is not relative or names a file beside the page.
func (c *converter) resolve(dest string) (string, bool) {
	if marks, meant, ok := content.StrayBeforeScheme(dest); ok {
		// "(.https://github.com/x)": the dot made the rest a path of
		// the source's site, which led nowhere; the writer meant the
		// address after it.
		scheme, _, _ := strings.Cut(meant, "//")
		c.im.done(c.pos(c.at), "link %s: the %q before %s// made it a path of the site, which led nowhere: written as %s", dest, marks, scheme, meant)
		return meant, true
	}
	if strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") {
		return c.rooted(dest)
	}
	if dest == "" || c.p.oldURL == "" || strings.IndexByte(`/#<{\(`, dest[0]) >= 0 {
		return "", false
	}
	if k := strings.IndexAny(dest, ":/?#"); k >= 0 && dest[k] == ':' {
		return c.previewed(dest) // a scheme: mailto:, https:
	}
	file, frag, _ := strings.Cut(dest, "#")
	file, _, _ = strings.Cut(file, "?")
	if file == "" {
		return "", false
	}
	withFrag := func(u string) string {
		if frag != "" {
			return u + "#" + frag
		}
		return u
	}
	beside := path.Join(path.Dir(c.p.dest), file)
	if name := path.Base(beside); strings.TrimSuffix(name, path.Ext(name)) == "_index" && c.im.dests[beside] == nil {
		// A section's page, now its folder's index.md.
		if index := path.Join(path.Dir(beside), "index.md"); c.im.dests[index] != nil {
			return withFrag("/" + newURL(index, "")), true
		}
	}
	if _, ok := c.im.res.Files[beside]; ok || c.im.dests[beside] != nil {
		if t, ok := c.im.tagURL(withFrag("/" + strings.TrimPrefix(beside, "content/"))); ok {
			return t, true // a tag's _index.md: its list
		}
		return "", false
	}
	if dir := c.p.filesDir; dir != "" && dir != path.Dir(c.p.dest) {
		// A translation by file name, whose files stayed in the
		// default language's folder: the file's site path.
		there := path.Join(dir, file)
		if _, ok := c.im.res.Files[there]; ok {
			return withFrag(c.im.fileURL(there)), true
		}
	}
	base := c.p.oldURL
	if !strings.HasSuffix(base, "/") {
		base = path.Dir(base) + "/"
	}
	u := path.Join(base, file)
	if strings.HasSuffix(file, "/") && u != "/" {
		u += "/"
	}
	if host, ok := content.SchemelessHost(file); ok && !c.im.onSite(u) {
		// "www.robots.ox.ac.uk/~vgg/": another site's address, which
		// the source published as a path of its own that led nowhere.
		c.im.done(c.pos(c.at), "link %s: %s, without https:// before it, made it a path of the site, which led nowhere: written as https://%s", dest, host, dest)
		return "https://" + dest, true
	}
	u = withFrag(u)
	if abs, ok := c.elsewhere(u, u); ok {
		return abs, true
	}
	return u, true
}

// mended returns what resolve makes of dest, or dest when it leaves it
// as it is.
func (c *converter) mended(dest string) string {
	if u, ok := c.resolve(dest); ok {
		return u
	}
	return dest
}

// rooted returns what to write for dest, an address from the root of
// the source's host, as resolve does. On a site published under a path
// (https://h.example/mwe/), an address under it ("/mwe/x/") is the site
// path after it ("/x/"); one outside it is a site path when it names
// something of the site, as the writer meant, and otherwise the address
// on the host it led to ("https://h.example/other/"), with a note.
func (c *converter) rooted(dest string) (string, bool) {
	if clean, ok := c.dotSegments(dest); ok {
		if u, ok := c.rooted(clean); ok {
			return u, true
		}
		return clean, true
	}
	base, err := url.Parse(c.im.conf.baseURL)
	prefix := ""
	if err == nil && base.Host != "" {
		prefix = strings.TrimSuffix(base.Path, "/")
	}
	if prefix == "" {
		if local := c.langLink(dest); local != dest {
			return local, true
		}
		return c.elsewhere(dest, dest)
	}
	if rest, ok := strings.CutPrefix(dest, prefix); ok && (rest == "" || strings.ContainsRune("/?#", rune(rest[0]))) {
		site := "/" + strings.TrimPrefix(rest, "/")
		if abs, ok := c.elsewhere(site, dest); ok {
			return abs, true
		}
		if t, ok := c.im.tagURL(site); ok {
			return t, true
		}
		return site, true
	}
	if p, _ := addressPath(dest); c.im.onSite(p) || c.im.conf.publishedURL() == "" {
		return c.elsewhere(dest, dest)
	}
	abs := base.Scheme + "://" + base.Host + dest
	c.im.done(c.pos(c.at), "link %s names nothing of this site: written as %s", dest, abs)
	return abs, true
}

// dotSegments returns dest, an address from the root of the site, with
// its "." and ".." segments and empty ones taken out, as browsers read
// the first ("/./assets/x.png" is "/assets/x.png") and servers the
// others ("/figs/a//x.svg"), when that names something of the new site
// and dest as written does not; ok is false otherwise.
func (c *converter) dotSegments(dest string) (string, bool) {
	p, rest := splitSuffix(dest)
	if !strings.Contains(p, "//") && !strings.Contains(p+"/", "/./") && !strings.Contains(p+"/", "/../") {
		return "", false
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	was, _ := addressPath(dest)
	now, _ := addressPath(clean)
	if c.im.onSite(was) || !c.im.onSite(now) {
		return "", false
	}
	c.im.done(c.pos(c.at), "link %s: written as %s, the address browsers and servers read it as", dest, clean+rest)
	return clean + rest, true
}

// langLink returns the address under the page's language of dest, a
// site path in a page of a language other than the default that led to
// a page of that language, now under its folder; dest itself when it
// led elsewhere, is under the language's folder already, or the page is
// of the default language. On a jekyll-polyglot site, which rewrote
// "/seo/" in a page of /es/ as "/es/seo/", it led there when that was a
// translation's address (not the default language's page, its
// fallback); on a multihost Hugo site, where "/blogue/" in a page of fr
// led to that language's host, when something of the new site is at
// /fr/blogue/ (not a static file, which every host published).
func (c *converter) langLink(dest string) string {
	p, _ := addressPath(dest)
	l, there := c.p.polyLang, false
	if pl := c.im.conf.polyglot; pl != nil && l != "" {
		p, _ = splitSuffix(dest)
		there = pl.translated["/"+l+p]
	} else if l = c.p.lang; l != "" && c.im.conf.hosts[l] != "" {
		there = c.im.onSite("/" + l + p)
	}
	if !there || strings.HasPrefix(p, "/"+l+"/") {
		return dest
	}
	return "/" + l + dest
}

// elsewhere returns the full address of the site path u when it names
// nothing of the new site: a page the source linked to on its own host
// that it did not build itself (another site under the same domain, a
// feed), which keeps its address. The second result is false when u is
// on the site, or the source has no base URL. The note names the link
// as written.
func (c *converter) elsewhere(u, written string) (string, bool) {
	if t, ok := c.im.tagURL(u); ok {
		// The list of a tag, at the address plotline gives it.
		return t, t != u
	}
	filePath, rest := addressPath(u)
	if moved, ok := c.im.movedFile(filePath); ok && !c.im.onSite(filePath) {
		// A file of a page bundle at its page's old address.
		return (&url.URL{Path: moved}).EscapedPath() + rest, true
	}
	f := strings.Trim(filePath, "/")
	_, file := c.im.known[f]
	if _, dir := c.im.known[f+"/index.html"]; file && !dir && strings.HasSuffix(filePath, "/") {
		// "./x.html/": a file, which no server answers with a "/" after.
		c.im.done(c.pos(c.at), "link %s names the file /%s with a / after it, an address that led nowhere: written without the /", written, f)
		return (&url.URL{Path: "/" + f}).EscapedPath() + rest, true
	}
	if _, page := c.im.known[f+".html"]; f != "" && path.Ext(f) == "" && !strings.HasSuffix(filePath, "/") && (page || plotlineWrites[f+".html"] != "") && !c.im.onSite(filePath) {
		// "/404": GitHub Pages, and Jekyll's own server, answered it
		// with 404.html, as plotline's server does not.
		c.im.done(c.pos(c.at), "link %s names /%s.html, which GitHub Pages answered it with: written so", written, f)
		return (&url.URL{Path: "/" + f + ".html"}).EscapedPath() + rest, true
	}
	base := c.im.conf.publishedURL()
	if base == "" {
		return "", false
	}
	if c.im.onSite(filePath) {
		return "", false
	}
	abs := strings.TrimSuffix(base, "/") + u
	c.im.done(c.pos(c.at), "link %s names nothing of this site: written as %s", written, abs)
	return abs, true
}

// nowhere reports whether dest, a link's destination from the site's
// root ("/tooltips.html"), names nothing of the new site while the source
// has no base URL under which its old address could be kept.
func (c *converter) nowhere(dest string) bool {
	if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") || strings.ContainsAny(dest, "{<") {
		return false
	}
	if c.im.conf.publishedURL() != "" {
		return false
	}
	p, _ := addressPath(dest)
	if _, ok := c.im.tagURL(p); ok {
		return false
	}
	if _, ok := c.im.movedFile(p); ok {
		return false
	}
	return !c.im.onSite(p)
}

// splitSuffix splits the address u into its path and its query and
// fragment: "/a/x.png?w=1#f" is "/a/x.png" and "?w=1#f".
func splitSuffix(u string) (string, string) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i], u[i:]
	}
	return u, ""
}

// addressPath is splitSuffix with the path unescaped, where it can be:
// "/a%20b/?w=1" is "/a b/" and "?w=1".
func addressPath(u string) (string, string) {
	p, rest := splitSuffix(u)
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	return p, rest
}

// attributeList reads a kramdown attribute list on a line of its own at
// i, "{: #apt}" or "{:.note}", and returns its length, or 0 when there is
// none. After a heading its id and classes become the heading's
// attributes, "### apt {#apt}", as plotline writes them; anywhere else it
// is left out, and noted.
func (c *converter) attributeList(i int) int {
	b := c.body
	text, _, _ := bytes.Cut(b[i:], []byte("\n"))
	e := i + len(text)
	quote := quotePrefix(text)
	line := bytes.TrimSpace(b[i+quote : e])
	if !bytes.HasPrefix(line, []byte("{:")) || bytes.HasPrefix(line, []byte("{::")) || !bytes.HasSuffix(line, []byte("}")) {
		return 0 // {::nomarkdown} and the like are kramdownSpan's
	}
	if _, ok := c.nomarkdownEnds[i+bytes.Index(b[i:e], []byte("{:"))]; ok {
		return 0 // the end tag {:/} of a {::nomarkdown}: kramdownSpan's too
	}
	whole := e - i // the line with its line feed, which a quote's line must take
	if e < len(b) {
		whole++
	}
	if c.fenceLanguage(line) {
		// kramdown names the language of the code block above:
		// {: .language-r} is the fence's info string r.
		return c.converted(whole)
	}
	if alert := c.ialAlert(line); alert != "" {
		// Chirpy's prompts, {: .prompt-tip} after or before a block
		// quote, and Just the Docs' callouts: plotline's alerts,
		// > [!TIP].
		if c.quoteAlert(alert) {
			return c.converted(whole)
		}
		if out := c.out.Bytes(); e < len(b) && bytes.HasPrefix(bytes.TrimLeft(b[e+1:], " "), []byte(">")) &&
			afterBlank(out) {
			// Before a block quote, and not right after another block,
			// which kramdown would give the list to.
			if title, n := c.calloutTitle(line, b[e+1:]); n > 0 {
				return c.wrote("> [!"+alert+"]\n> "+bold(title)+"\n", whole+n)
			}
			return c.wrote("> [!"+alert+"]\n", whole)
		}
		if k, ok := paragraphBefore(c.out.Bytes()); ok && quote == 0 {
			// Right after a paragraph, the list is the paragraph's:
			// the alert's line before it takes it into a quote.
			c.insert(k, "> [!"+alert+"]\n")
			return c.converted(whole)
		}
		if e < len(b) && quote == 0 && paragraphAfter(c.out.Bytes(), b[e+1:]) {
			// Before a paragraph, after a blank line, the list is
			// the paragraph's (a site's note, {: .note .info}): the
			// alert's line takes it into a quote as its lazy
			// continuation.
			return c.wrote("> [!"+alert+"]\n", whole)
		}
	}
	if c.autoIDLists[i] {
		// {:auto_ids}: its definition list's terms have their ids.
		if fields := strings.Fields(string(line[2 : len(line)-1])); len(fields) > 1 {
			c.im.note(c.pos(i), "kramdown attribute list %s: only its auto_ids kept", line)
		}
		return c.converted(whole)
	}
	if slices.Contains(strings.Fields(string(line[2:len(line)-1])), ".solution") && c.solutionFold(b[i:i+quote]) {
		return c.converted(whole)
	}
	if quote > 0 {
		// In a block quote ("> {: .solution}"), left out as a line of
		// its own would be at the top level; a blank line would end
		// the quote.
		c.im.note(c.pos(i+bytes.Index(b[i:e], []byte("{:"))), "kramdown attribute list %s, left out", line)
		return whole
	}
	if toc := bytes.TrimSpace(line[2 : len(line)-1]); string(toc) == "toc" {
		// kramdown's table of contents replaces the list item before
		// it ("* Table of contents"); plotline makes its own.
		out := c.out.Bytes()
		if len(out) > 0 && out[len(out)-1] == '\n' {
			prev := bytes.TrimSpace(lastLine(out[:len(out)-1]))
			if len(prev) > 2 && (prev[0] == '*' || prev[0] == '-' || prev[0] == '+' || bytes.HasPrefix(prev, []byte("1."))) {
				c.out.Truncate(len(out) - len(lastLine(out[:len(out)-1])) - 1)
			}
		}
		c.im.note(c.pos(i), "kramdown table of contents {:toc}, left out: plotline makes its own")
		// A paragraph of one line that led into it ("Skip to:", after a
		// blank line, a rule or a heading) would lead to nothing.
		out = c.out.Bytes()
		end := len(bytes.TrimRight(out, "\n"))
		ls := bytes.LastIndexByte(out[:end], '\n') + 1
		prev := bytes.TrimSpace(lastLine(out[:max(ls-1, 0)]))
		if lead := out[ls:end]; bytes.HasSuffix(lead, []byte(":")) && len(lead) < 80 && blockMark(lead) < 0 && !htmlBlock(lead) &&
			strings.IndexByte(" \t#>|", lead[0]) < 0 && (len(prev) == 0 || prev[0] == '#' || ruleRE.Match(prev)) {
			c.im.done(c.pos(i), "the line before it, %q, which led into it: left out with it", lead)
			c.out.Truncate(ls)
		}
		return whole
	}
	var attrs []string
	for f := range strings.FieldsSeq(string(line[2 : len(line)-1])) {
		if strings.HasPrefix(f, "#") || strings.HasPrefix(f, ".") {
			attrs = append(attrs, f)
		}
	}
	out := c.out.Bytes()
	if len(out) > 0 && out[len(out)-1] == '\n' {
		prev := lastLine(out[:len(out)-1])
		if len(attrs) > 0 && bytes.HasPrefix(prev, []byte("#")) && !bytes.HasSuffix(bytes.TrimSpace(prev), []byte("}")) {
			c.out.Truncate(len(out) - 1)
			return c.wrote(" {"+strings.Join(attrs, " ")+"}", e-i)
		}
	}
	if id := listID(attrs); id != "" && len(out) > 0 && out[len(out)-1] == '\n' && len(bytes.TrimSpace(lastLine(out[:len(out)-1]))) > 0 {
		// After a paragraph the id names the paragraph: an empty
		// anchor at its start keeps the links to it working.
		anchor := `<a id="` + id + `"></a>`
		at := blockStart(out)
		if htmlBlock(out[at:]) {
			// Raw HTML, which an anchor in front could turn into a
			// paragraph: the anchor goes on a line of its own after it.
			c.out.WriteString(anchor)
		} else {
			c.insert(at, anchor)
			if e+1 < len(b) && b[e+1] == '\n' {
				e++ // the attribute list's line is gone: so is its line feed
			}
		}
		c.keptID(i, line, attrs, "")
		return e - i
	}
	if id := listID(attrs); id != "" && e < len(b) && (paragraphAfter(c.out.Bytes(), b[e+1:]) || tableAfter(c.out.Bytes(), b[e+1:])) {
		// Before a paragraph or a table, after a blank line, the id
		// names what follows: an empty anchor at its start, in a
		// table's first cell, keeps the links to it working. After a
		// row's leading "|", as before it the anchor would be a cell of
		// its own, and the rows no table.
		n := whole
		if b[e+1] == '|' {
			c.out.WriteByte('|')
			n++
		}
		c.out.WriteString(`<a id="` + id + `"></a>`)
		c.keptID(i, line, attrs, "")
		return n
	}
	if prev := lastLine(out[:max(len(out)-1, 0)]); c.im.conf.justTheDocs && len(bytes.TrimSpace(prev)) > 0 && out[len(out)-1] == '\n' &&
		slices.ContainsFunc(attrs, func(a string) bool { return a == ".label" || strings.HasPrefix(a, ".label-") }) {
		// Just the Docs' label, a badge: its words stay as text, and a
		// run of labels, side by side on the old page, is one paragraph.
		if start := len(out) - 1 - len(prev); start == c.labelEnd && start >= 2 {
			words := slices.Clone(out[start:])
			c.out.Truncate(len(bytes.TrimRight(out[:start-2], " \t")))
			c.out.WriteString(" · ")
			c.out.Write(words)
		}
		c.labelEnd = c.out.Len() + 1 // after the line feed the list's line leaves
		c.im.done(c.pos(i), "Just the Docs' label %s: its words kept as text; labels on lines one under another are one paragraph, parted by ·", line)
		return e - i
	}
	c.im.note(c.pos(i), "kramdown attribute list %s, left out", line)
	return e - i
}

// tableDelimiterRE matches the delimiter row of a table, "--- | :---:".
var tableDelimiterRE = regexp.MustCompile(`^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$`)

// tableAfter reports whether rest, the body after an attribute list's
// line, starts with a table, its header row then its delimiter row, and
// out, what was written before it, ends with a blank line (or is the
// start of the page, see afterBlank).
func tableAfter(out, rest []byte) bool {
	if !afterBlank(out) {
		return false
	}
	end := lineEnd(rest, 0)
	header := rest[:end]
	if !bytes.Contains(header, []byte("|")) || header[0] == ' ' || header[0] == '\t' {
		return false
	}
	delim := bytes.TrimSuffix(rest[end:lineEnd(rest, end)], []byte("\n"))
	return bytes.Contains(delim, []byte("-")) && tableDelimiterRE.Match(delim)
}

// kramdownSpan converts the kramdown extension or attribute list at i
// within a line, and returns its length, or 0 for none: {::nomarkdown}…{:/}
// keeps what it holds as raw HTML, {::comment}…{:/} becomes an HTML
// comment, and an attribute list right after a link or image,
// "![x](y){: .right}", is left out with a note (plotline has no classes
// for them).
func (c *converter) kramdownSpan(i int) int {
	b := c.body
	for _, ext := range []string{"nomarkdown", "comment"} {
		open := "{::" + ext + "}"
		if !bytes.HasPrefix(b[i:], []byte(open)) {
			continue
		}
		rest := b[i+len(open):]
		end, closeLen := -1, 0
		for _, cl := range []string{"{:/" + ext + "}", "{:/}"} {
			if k := bytes.Index(rest, []byte(cl)); k >= 0 && (end < 0 || k < end) {
				end, closeLen = k, len(cl)
			}
		}
		if end < 0 {
			return 0
		}
		switch {
		case ext == "comment":
			c.out.WriteString("<!-- " + commentSafe(string(rest[:end])) + " -->")
		case bytes.Contains(rest[:end], []byte("{{")) || bytes.Contains(rest[:end], []byte("{%")):
			// Liquid, which Jekyll ran before kramdown read the rest:
			// the inside is converted as the page's text is, and its
			// end tag goes when the conversion gets there.
			put(&c.nomarkdownEnds, i+len(open)+end, closeLen)
			return c.converted(len(open))
		default:
			c.out.Write(rest[:end])
		}
		return c.converted(len(open) + end + closeLen)
	}
	if n, ok := c.nomarkdownEnds[i]; ok {
		delete(c.nomarkdownEnds, i)
		return n
	}
	if m := kramdownExtRE.Find(b[i:min(len(b), i+4000)]); m != nil {
		if v := parseBlockHTMLRE.FindSubmatch(m); v != nil {
			// {::options parse_block_html="true" /}: the inside of a
			// block element below is Markdown, as with markdown="1"
			// (see markdownStart).
			c.blockHTML, c.blockHTMLSet = string(v[1]) == "true", true
			if c.aloneOnLine(i, i+len(m)) {
				return c.converted(afterLineEnd(b, i+len(m)) - i) // its line too
			}
			return c.converted(len(m))
		}
		// An extension without a body, {::options toc_levels="2..4" /},
		// which shows nothing.
		c.im.note(c.pos(i), "kramdown extension %s, left out", m)
		return len(m)
	}
	e := bytes.IndexAny(b[i:], "}\n")
	if e <= 0 || b[i+e] != '}' {
		return 0 // an attribute list ends on its line
	}
	if listItemStartRE.Match(b[lineStart(b, i):i]) {
		// At a list item's start, "* {: .field-required} Required", the
		// list is the item's: its id is kept as an empty anchor there,
		// its classes go.
		ial := b[i : i+e+1]
		attrs := strings.Fields(string(ial[2 : len(ial)-1]))
		n := e + 1
		if i+n < len(b) && b[i+n] == ' ' {
			n++
		}
		if id := listID(attrs); id != "" {
			c.out.WriteString(`<a id="` + id + `"></a>`)
			c.keptID(i, ial, attrs, " of a list item")
			return n
		}
		c.im.note(c.pos(i), "kramdown attribute list %s of a list item, left out", ial)
		return n
	}
	if i == 0 || strings.IndexByte(")]*_`>", b[i-1]) < 0 {
		return 0
	}
	what := "a span"
	if b[i-1] == ')' || b[i-1] == ']' {
		what = "a link or image"
	}
	if b[i-1] == ')' && c.im.conf.unsafe {
		if left, ok := c.sizedImage(b[i:i+e+1], blankLine(b[i+e+1:lineEnd(b, i+e+1)])); ok {
			if left != "" {
				left = "; " + left + " left out"
			}
			c.im.done(c.pos(i), "kramdown attribute list %s after an image: the image written as an <img> of its size%s", b[i:i+e+1], left)
			c.im.res.Converted++
			return c.moreLists(i, e+1, what)
		}
	}
	c.im.note(c.pos(i), "kramdown attribute list %s after %s, left out", b[i:i+e+1], what)
	return c.moreLists(i, e+1, what)
}

// moreLists returns n, the length of the kramdown attribute list at i
// after what, with that of each list right after it, each noted and
// left out.
func (c *converter) moreLists(i, n int, what string) int {
	b := c.body
	for j := i + n; bytes.HasPrefix(b[j:], []byte("{:")) && !bytes.HasPrefix(b[j:], []byte("{::")); j = i + n {
		// Another right after it, {:.info}{:.big}, which kramdown
		// adds to the same span.
		k := bytes.IndexAny(b[j:], "}\n")
		if k <= 0 || b[j+k] != '}' {
			break
		}
		c.im.note(c.pos(j), "kramdown attribute list %s after %s, left out", b[j:j+k+1], what)
		n += k + 1
	}
	return n
}

// ialSizeRE matches an attribute of a kramdown attribute list and its
// value: width="300", height='50%', style="width: 60%".
var ialSizeRE = regexp.MustCompile(`([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))`)

// pixelsRE matches a size in pixels, as an <img>'s width takes it: 300,
// 300px.
var pixelsRE = regexp.MustCompile(`^([0-9]+)(?:px)?$`)

// sizedImage writes the image that the output ends with, "![x](y)", as
// an <img> of the width, height and style that ial, the kramdown
// attribute list after it ({:width="300"}), gives it: a width or height
// in pixels as the attribute, any other (50%, 20em) in its style. It
// returns what of ial it left out (a class, an id, another attribute),
// and false when the output ends with no image or ial gives it no size.
// An image alone on its line (ial the last of it: lineDone) is a
// paragraph of its own, as kramdown wrote it, not the start of a block
// of raw HTML that the images after it would join.
func (c *converter) sizedImage(ial []byte, lineDone bool) (string, bool) {
	out := c.out.Bytes()
	k := bytes.LastIndex(out, []byte("!["))
	if k < 0 || bytes.IndexByte(out[k:], '\n') >= 0 {
		return "", false
	}
	m := imageRE.FindSubmatch(out[k:])
	if m == nil || len(m[0]) != len(out)-k || c.holdsOffsetFrom(k) {
		return "", false
	}
	inside := string(ial[2 : len(ial)-1])
	var attrs, styles, left []string
	for _, a := range ialSizeRE.FindAllStringSubmatch(inside, -1) {
		name, value := strings.ToLower(a[1]), a[2]+a[3]+a[4]
		switch {
		case (name == "width" || name == "height") && pixelsRE.MatchString(value):
			attrs = append(attrs, name+`="`+pixelsRE.FindStringSubmatch(value)[1]+`"`)
		case name == "width" || name == "height":
			styles = append(styles, name+": "+value)
		case name == "style":
			styles = append(styles, strings.TrimSuffix(strings.TrimSpace(value), ";"))
		default:
			left = append(left, a[0])
		}
	}
	if len(attrs) == 0 && len(styles) == 0 {
		return "", false
	}
	left = append(left, strings.Fields(ialSizeRE.ReplaceAllString(inside, ""))...) // a class or an id: .border, #x
	img := `<img src="` + html.EscapeString(string(m[2])) + `" alt="` + html.EscapeString(string(m[1])) + `"`
	if len(m[3]) > 0 {
		img += ` title="` + html.EscapeString(string(m[3])) + `"`
	}
	for _, a := range attrs {
		img += " " + a
	}
	if len(styles) > 0 {
		img += ` style="` + html.EscapeString(strings.Join(styles, "; ")) + `"`
	}
	img += ">"
	if lineDone && blankLine(out[lineStart(out, k):k]) {
		img = "<p>" + img + "</p>"
	}
	c.out.Truncate(k)
	c.out.WriteString(img)
	return strings.Join(left, " "), true
}

// listItemStartRE matches a line up to the text of a list item: its
// indentation and its marker, "    * " or "1. ".
var listItemStartRE = regexp.MustCompile(`^[ \t]*(?:[*+-]|[0-9]{1,9}[.)])[ \t]+$`)

// kramdownExtRE finds a kramdown extension that has no body, "{::options
// parse_block_html="true" /}".
var kramdownExtRE = regexp.MustCompile(`^\{::[a-z]+(?:\s[^{}\n]*)?/\}`)

// parseBlockHTMLRE matches kramdown's options of parse_block_html alone,
// {::options parse_block_html="true" /}: its value in the first group.
var parseBlockHTMLRE = regexp.MustCompile(`^\{::options\s+parse_block_html\s*=\s*["']?(true|false)["']?\s*/\}$`)

// htmlBlock reports whether text, the start of a block, starts raw HTML
// (as CommonMark reads it) rather than a paragraph: a block-level
// element, or a tag alone on its line.
func htmlBlock(text []byte) bool {
	if len(text) < 2 || text[0] != '<' {
		return false
	}
	line, _, _ := bytes.Cut(text, []byte("\n"))
	line = bytes.TrimSpace(line)
	if line[len(line)-1] == '>' && bytes.Count(line, []byte("<")) == 1 {
		return true
	}
	name := bytes.TrimPrefix(line[1:], []byte("/"))
	n := len(name) - len(bytes.TrimLeft(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
	if n == 0 {
		return len(name) > 0 && (name[0] == '!' || name[0] == '?')
	}
	return strings.Contains(htmlBlockNames, " "+strings.ToLower(string(name[:n]))+" ")
}

// htmlBlockNames are the elements that start an HTML block in CommonMark
// wherever they stand on their line, each between spaces.
const htmlBlockNames = " address article aside base basefont blockquote body caption center col" +
	" colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset" +
	" h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol" +
	" optgroup option p param search section summary table tbody td tfoot th thead title tr track ul" +
	" pre script style textarea "

// listID returns the id of a kramdown attribute list's attributes, "#fn1"
// giving "fn1", or "" when it has none or one plotline would not write.
func listID(attrs []string) string {
	for _, a := range attrs {
		if id, ok := strings.CutPrefix(a, "#"); ok && id != "" && strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.") == "" {
			return id
		}
	}
	return ""
}

// lastLine returns the text after the last line feed of b.
func lastLine(b []byte) []byte {
	return b[bytes.LastIndexByte(b, '\n')+1:]
}

// blockStart returns the offset in out, which ends with a line feed, of
// the first text of the block its last lines make: after the blank line,
// heading or code fence before them, and after the quote and list markers and
// indentation of that first line.
func blockStart(out []byte) int {
	start, end := 0, len(out)-1
	for end > 0 {
		ls := bytes.LastIndexByte(out[:end], '\n') + 1
		line := bytes.TrimSpace(out[ls:end])
		if len(line) == 0 || line[0] == '#' || bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")) {
			start = end + 1
			break
		}
		start, end = ls, ls-1
	}
	for start < len(out) {
		if c := out[start]; c == ' ' || c == '\t' || c == '>' {
			start++
		} else if n := listMarker(out[start:]); n > 0 {
			start += n
		} else {
			break
		}
	}
	return start
}

// bracketEntities are what an escaped bracket of a page becomes:
// the character, which neither plotline's mathematics (\[…\], \(…\))
// nor a link reads.
var bracketEntities = map[byte]string{'[': "&#91;", ']': "&#93;", '(': "&#40;", ')': "&#41;"}

// escapedBracket writes the escaped bracket at body offset i of a page,
// "\[" as pandoc writes "[", as the character it showed, and returns 2;
// 0 when there is none. Without Hugo's passthrough extension, and always
// in kramdown (whose mathematics is "$$…$$"), "\[below\]" is the text
// "[below]", where plotline would read mathematics.
func (c *converter) escapedBracket(i int) int {
	b := c.body
	if i+1 >= len(b) || c.inCode(i) || c.inHTMLBlock(i) {
		return 0
	}
	ent, ok := bracketEntities[b[i+1]]
	if !ok || escaped(b[:i]) {
		return 0 // "\\[" is a backslash, then a bracket
	}
	c.out.WriteString(ent)
	return 2
}

// escaped reports whether b, the text before a character, ends in an odd
// number of backslashes, which escape it, counted in its last 64 bytes.
func escaped(b []byte) bool {
	b = b[max(0, len(b)-64):]
	return (len(b)-len(bytes.TrimRight(b, `\`)))%2 == 1
}

// kramdownMath converts kramdown's mathematics at body offset i, and
// returns how many bytes of the body it took, or 0 when there is none.
// "$$…$$" is a block when it stands alone between blank lines, as
// plotline reads it too; within a paragraph it is kramdown's inline
// mathematics, which plotline writes "\(…\)" (a "$$" in a line would
// end plotline's paragraph). What is between the delimiters is converted
// as the rest of the body is (Jekyll runs Liquid over it).
func (c *converter) kramdownMath(i int) int {
	b := c.body
	if i+1 >= len(b) || b[i+1] != '$' || c.inCode(i) || inSpans(c.rawText, i) {
		return 0
	}
	if c.mathEnd > 0 && i == c.mathEnd {
		if c.mathInline {
			c.out.WriteString(`\)`)
		} else {
			c.out.WriteString("$$")
		}
		c.mathEnd = 0
		return 2
	}
	if c.mathEnd > 0 || i > 0 && b[i-1] == '\\' {
		return 0
	}
	// The closing $$, within the paragraph.
	end := -1
	for k := i + 2; k+1 < len(b); k++ {
		if b[k] == '\n' && blankLine(b[k+1:]) {
			break
		}
		if b[k] == '$' && b[k+1] == '$' && b[k-1] != '\\' {
			end = k
			break
		}
	}
	if end < 0 || end == i+2 || c.inCode(end) {
		return 0
	}
	c.mathEnd = end
	c.mathInline = !mathBlock(b, i, end)
	if c.mathInline {
		return c.wrote(`\(`, 2)
	}
	c.out.WriteString("$$")
	return 2
}

// mathBlock reports whether the $$…$$ from body offset i to end (its
// closing $$) is a block as kramdown reads it: its first $$ starts its
// line (after quote and list markers) at the start of a block, and its
// last $$ ends its line at the end of one.
func mathBlock(b []byte, i, end int) bool {
	ls := bytes.LastIndexByte(b[:i], '\n') + 1
	prefix := bytes.TrimLeft(b[ls:i], " \t>")
	item := len(prefix) > 0 && listItem([]byte(string(bytes.TrimSpace(prefix))+" x"))
	if len(bytes.TrimSpace(prefix)) > 0 && !item {
		return false
	}
	if !item && ls > 0 {
		prev := bytes.LastIndexByte(b[:ls-1], '\n') + 1
		if len(bytes.Trim(b[prev:ls-1], " \t\r>")) > 0 {
			return false
		}
	}
	line, next, more := bytes.Cut(b[end+2:], []byte("\n"))
	return len(bytes.TrimSpace(line)) == 0 && (!more || blankLine(next))
}

// blankLine reports whether rest starts with a blank line (quote markers
// aside) or is empty.
func blankLine(rest []byte) bool {
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	return len(bytes.Trim(line, " \t\r>")) == 0
}

// convertHTML returns the body of p, a page written in HTML, with the
// addresses of its elements converted as those of a Markdown page's raw
// HTML are, as one raw HTML block (see htmlBody).
func (im *importer) convertHTML(p *page) []byte {
	c := &converter{im: im, p: p, body: p.body, opens: map[int]int{}}
	b := c.body
	// The body is HTML, published as one raw HTML block: what is
	// converted in it is written as HTML.
	c.html = []span{{start: 0, end: len(b)}}
	for i := 0; i < len(b); {
		var n int
		took := func(m int) bool { n = m; return m > 0 } // as in syntax
		switch t, _ := c.readTag(i, "{{<", ">}}"); {
		case took(c.attrEditAt(i)) || took(c.unprintable(i)): // an address after a shortcode in a raw HTML tag
		case t.name == "blogdown/postref":
			// Hugo runs the shortcodes of a page written in HTML too,
			// and blogdown writes this one in its script and style
			// sheet addresses.
			n = c.wrote(c.postref(), t.end-i)
		case b[i] == '<' && took(c.rawAddresses(i)), b[i] == '{' && took(c.htmlShortcode(i)):
		default:
			c.out.WriteByte(b[i])
			n = 1
		}
		i += n
	}
	return htmlBody(c.out.Bytes(), p.fragments)
}

// htmlShortcodes are the shortcodes that a page written in HTML gets in
// HTML: a figure, highlighted code, a video's or a post's link, a page's
// address.
var htmlShortcodes = setOf("figure highlight youtube vimeo gist tweet x ref relref")

// htmlShortcode converts the shortcode at body offset i of a Hugo page
// written in HTML, whose shortcodes Hugo ran too, and returns how many
// bytes of the body it took, 0 when there is none: one of
// htmlShortcodes, or the site's own figure, as HTML; an escaped one as
// typed; any other wrapped in a comment and noted, as in Markdown.
func (c *converter) htmlShortcode(i int) int {
	b := c.body
	if bytes.HasPrefix(b[i:], []byte("{{</*")) || bytes.HasPrefix(b[i:], []byte("{{%/*")) {
		return c.hugo(i)
	}
	t, ok := c.shortcodeTag(i)
	if !ok {
		return 0
	}
	if htmlShortcodes[t.name] || t.name == "/highlight" || c.im.conf.shortcodes[t.name].figure && !t.closing {
		if n := c.hugo(i); n > 0 {
			return n
		}
	}
	return c.wrapAt(i, t, "shortcode "+t.name)
}

// htmlBody returns the body of a page written in HTML as Markdown that
// publishes it as it is: one raw HTML block. CommonMark ends such a block
// at a blank line, after which text would be read as Markdown (and
// indented lines as code), so blank lines go: those outside a <pre> or
// <textarea> mean nothing in HTML, and one inside becomes a &#10; at the
// end of the line before it, the same line break. A body that does not
// start with a block-level element is put in a <div>, which starts a
// block that runs to the end. Each of frags, a link at an offset in
// body of the text of a line, is moved to the same text's offset in
// what it returns.
func htmlBody(body []byte, frags []fragmentLink) []byte {
	var out bytes.Buffer
	inPre := false
	first := true
	wrap := false
	at := 0 // offset in body of the line read
	orig := slices.Clone(frags)
	for line := range bytes.Lines(body) {
		from := at
		at += len(line)
		text := bytes.TrimRight(line, " \t\r\n")
		if len(bytes.TrimSpace(text)) == 0 {
			if inPre && out.Len() > 0 {
				out.Truncate(len(bytes.TrimRight(out.Bytes(), "\r\n")))
				out.WriteString("&#10;\n")
			}
			continue
		}
		if first {
			first = false
			// A body is wrapped, too, when it starts with an element
			// whose HTML block ends at its end tag, not at a blank line.
			lower := bytes.ToLower(bytes.TrimSpace(text))
			wrap = !htmlBlock(bytes.TrimSpace(text)) || slices.ContainsFunc([]string{"<pre", "<script", "<style", "<textarea", "<!", "<?"}, func(name string) bool {
				return bytes.HasPrefix(lower, []byte(name))
			})
			if wrap {
				out.WriteString("<div>\n")
			}
		}
		for k, f := range orig {
			if f.at >= from && f.at < at {
				frags[k].at = out.Len() + f.at - from
			}
		}
		out.Write(bytes.TrimRight(line, "\r\n"))
		out.WriteByte('\n')
		lower := bytes.ToLower(line)
		for _, name := range []string{"pre", "textarea"} {
			opens := bytes.Count(lower, []byte("<"+name+">")) + bytes.Count(lower, []byte("<"+name+" "))
			closes := bytes.Count(lower, []byte("</"+name+">"))
			switch {
			case opens > closes:
				inPre = true
			case closes > opens:
				inPre = false
			}
		}
	}
	if wrap {
		out.WriteString("</div>\n")
	}
	return out.Bytes()
}

// quotePrefix returns the length of the block-quote markers a line
// starts with ("> > "), with the spaces around them; 0 when it has none.
func quotePrefix(line []byte) int {
	n := 0
	for k := range line {
		switch line[k] {
		case '>':
			n = k + 1
		case ' ', '\t':
		default:
			return n
		}
	}
	return n
}

// ialAlert returns the kind of GitHub alert that a kramdown attribute
// list names with one of Chirpy's prompt classes, {: .prompt-tip} giving
// TIP, or with one of the callouts of the site's config (Just the Docs'
// callouts:, {: .warning} giving WARNING), or else with the class of a
// note as sites and themes name them ({: .note .info}, Minimal Mistakes'
// {: .notice--warning}, beautiful-jekyll's {: .box-warning}), the
// gravest of them; or "".
func (c *converter) ialAlert(line []byte) string {
	var classes []string
	for f := range strings.FieldsSeq(string(line[2 : len(line)-1])) {
		name, class := strings.CutPrefix(f, ".")
		if kind := c.im.conf.callouts[strings.TrimSuffix(name, "-title")]; kind != "" && class {
			return kind
		}
		if kind := promptKinds[f]; kind != "" {
			return kind
		}
		if class {
			classes = append(classes, name)
		}
	}
	return classesAlert(classes)
}

// calloutTitle returns the title of one of Just the Docs' titled
// callouts, a class of the config's callouts: with "-title" after it
// ({: .warning-title}), which shows the first paragraph of the block
// quote below, rest, as its title, and the length of that paragraph's
// line; 0 when line names no such class or the paragraph is not one
// line of plain text.
func (c *converter) calloutTitle(line, rest []byte) (string, int) {
	titled := false
	for f := range strings.FieldsSeq(string(line[2 : len(line)-1])) {
		name, ok := strings.CutSuffix(strings.TrimPrefix(f, "."), "-title")
		titled = titled || ok && strings.HasPrefix(f, ".") && c.im.conf.callouts[name] != ""
	}
	first, after, _ := bytes.Cut(rest, []byte("\n"))
	title := bytes.TrimSpace(first[quotePrefix(first):])
	if next, _, _ := bytes.Cut(after, []byte("\n")); !titled || len(title) == 0 || bytes.ContainsAny(title, "[]<>`{}*_\\") ||
		len(bytes.TrimSpace(next[quotePrefix(next):])) > 0 {
		return "", 0
	}
	return string(title), len(first) + 1
}

// promptKinds are the alerts of Chirpy's prompt classes.
var promptKinds = map[string]string{".prompt-tip": "TIP", ".prompt-info": "NOTE", ".prompt-warning": "WARNING", ".prompt-danger": "CAUTION"}

// classesAlert returns the kind of GitHub alert nearest the gravest of
// classes that names a note as sites and themes name them ("note",
// "info", Minimal Mistakes' "notice--warning", beautiful-jekyll's
// "box-error", jekyll-gitbook's "block-tip", a plain "notice"), or "".
func classesAlert(classes []string) string {
	best := -1
	for _, name := range classes {
		if rest, ok := strings.CutPrefix(name, "notice--"); ok {
			name = rest
		} else if rest, ok := strings.CutPrefix(name, "box-"); ok {
			name = rest // beautiful-jekyll's box-note, box-error
		} else if rest, ok := strings.CutPrefix(name, "block-"); ok {
			name = rest // jekyll-gitbook's block-tip, block-danger
		} else if name == "notice" {
			name = "note"
		}
		best = max(best, slices.Index(alertClasses, name))
	}
	if best < 0 {
		return ""
	}
	return alertKinds[best]
}

// classAlert returns the alert nearest the note whose class is class
// ("warning", "info"), and "" when it names none.
func classAlert(class string) string {
	if k := slices.Index(alertClasses, strings.ToLower(strings.TrimSpace(class))); k >= 0 {
		return alertKinds[k]
	}
	return ""
}

// alertClasses are the classes of notes that sites and themes write, and
// alertKinds the alert of each, from the mildest to the gravest.
var (
	alertClasses = []string{"note", "info", "information", "primary", "callout", "tip", "success", "important", "warning", "caution", "danger", "error"}
	alertKinds   = []string{"NOTE", "NOTE", "NOTE", "NOTE", "NOTE", "TIP", "TIP", "IMPORTANT", "WARNING", "CAUTION", "CAUTION", "CAUTION"}
)

// paragraphBefore returns the offset in out of the paragraph that out
// ends with (its last line, then a line feed), and false when out ends
// with something else: a blank line, a list, a heading, a fence, HTML.
func paragraphBefore(out []byte) (int, bool) {
	if len(out) < 2 || out[len(out)-1] != '\n' || out[len(out)-2] == '\n' {
		return 0, false
	}
	k := bytes.LastIndex(out[:len(out)-1], []byte("\n\n"))
	k++
	if k > 0 {
		k++
	}
	block := out[k : len(out)-1]
	for l := range bytes.Lines(block) {
		t := bytes.TrimLeft(l, " \t")
		if len(t) < len(l) || blockMark(t) >= 0 || htmlBlock(t) || bytes.HasPrefix(t, []byte("|")) || bytes.HasPrefix(t, []byte("<!--")) {
			// Indented, the paragraph may be a list item's: left.
			return 0, false
		}
	}
	return k, true
}

// paragraphAfter reports whether a kramdown attribute list on a line of
// its own, after out and before rest, is that of the paragraph rest
// starts: out ends with a blank line (or is empty), and rest's first
// line is text that starts no other block.
func paragraphAfter(out, rest []byte) bool {
	if !afterBlank(out) {
		return false
	}
	l := rest[:lineEnd(rest, 0)]
	if len(bytes.TrimSpace(l)) == 0 || l[0] == ' ' || l[0] == '\t' {
		return false
	}
	return blockMark(l) < 0 && !bytes.HasPrefix(l, []byte("{:")) && !bytes.HasPrefix(l, []byte("|")) && !htmlBlock(l)
}

// afterBlank reports whether what out ends with is a blank line (of
// spaces or none), or the start of the page (nothing, or only blank
// lines: the line after the front matter). It looks back from the end
// of out over white space to its second line feed at most, not over the
// whole of out: a page of attribute lists alone, each leaving out a
// line, had it read all it had written at each, 200,000 lines 33 s.
func afterBlank(out []byte) bool {
	feeds := 0
	i := len(out)
	defer func() { scanned.Add(int64(len(out) - i)) }()
	for i > 0 {
		r, n := utf8.DecodeLastRune(out[:i])
		switch {
		case r == '\n':
			if feeds++; feeds == 2 {
				return true
			}
		case !unicode.IsSpace(r):
			return false
		}
		i -= n
	}
	return true
}

// scanned counts the bytes of the output and the body that afterBlank,
// markersOnly, output.lineStart and bodyLineEnd read, for a test that
// what they read at each tag is a bounded part of the page.
var scanned atomic.Int64

// quoteAlert makes the block quote that the output ends with (its lines
// each starting with ">") an alert of kind, "> [!TIP]" before its first
// line, and reports whether there is such a quote.
func (c *converter) quoteAlert(kind string) bool {
	out := c.out.Bytes()
	if len(out) == 0 || out[len(out)-1] != '\n' {
		return false
	}
	at := -1
	indent := -1 // the quote's lines are indented alike
	for end := len(out) - 1; end > 0; {
		ls := bytes.LastIndexByte(out[:end], '\n') + 1
		line := out[ls:end]
		n := len(line) - len(bytes.TrimLeft(line, " "))
		if !bytes.HasPrefix(line[n:], []byte(">")) || indent >= 0 && n != indent {
			break
		}
		at, end, indent = ls, ls-1, n
	}
	if at < 0 {
		return false
	}
	line := out[at:]
	prefix := line[:bytes.IndexByte(line, '>')+1]
	if bytes.HasPrefix(bytes.TrimSpace(line[len(prefix):]), []byte("[!")) {
		return false // an alert already
	}
	if n := kindHeading(line, len(prefix), kind); n > 0 {
		// "> ##### TIP" above the words of {: .block-tip }: the alert
		// says TIP itself.
		c.cut(at, n)
	}
	c.insert(at, string(prefix)+" [!"+kind+"]\n")
	return true
}

// kindHeading returns the length of the first lines of quote, a block
// quote whose marks end at prefix ("> "), when its first line is a
// heading whose text is only the name of the alert kind ("##### TIP",
// "### Warning"), with the empty quoted line after it; 0 otherwise.
func kindHeading(quote []byte, prefix int, kind string) int {
	first := lineEnd(quote, 0)
	text := bytes.TrimSpace(quote[prefix:first])
	words := bytes.TrimLeft(text, "#")
	if len(words) == len(text) || len(text)-len(words) > 6 || len(words) == 0 || words[0] != ' ' ||
		!strings.EqualFold(string(bytes.TrimSpace(words)), kind) {
		return 0
	}
	n := first
	if next := lineEnd(quote, n); n < len(quote) && len(bytes.TrimSpace(bytes.TrimLeft(bytes.TrimSpace(quote[n:next]), ">"))) == 0 {
		n = next // the quoted blank line under it
	}
	return n
}

// solutionFold writes the block quote that the output ends with, a
// Carpentries lesson's solution ("> ## Solution" and its answer, in the
// quote of a challenge whose lines begin with outer), as a folded
// <details> of the heading's text: what the lesson's theme showed. It
// reports whether there was such a quote; one that holds an offset the
// converter keeps for later stays as it is.
func (c *converter) solutionFold(outer []byte) bool {
	out := c.out.Bytes()
	if len(out) == 0 || out[len(out)-1] != '\n' {
		return false
	}
	inner := func(line []byte) ([]byte, bool) {
		rest, ok := bytes.CutPrefix(line, outer)
		rest = bytes.TrimLeft(rest, " ")
		if !ok || !bytes.HasPrefix(rest, []byte(">")) {
			return nil, false
		}
		rest = rest[1:]
		if len(rest) > 0 && rest[0] == ' ' {
			rest = rest[1:]
		}
		return rest, true
	}
	at := -1
	for end := len(out) - 1; end > 0; {
		ls := bytes.LastIndexByte(out[:end], '\n') + 1
		if _, ok := inner(out[ls:end]); !ok {
			break
		}
		at, end = ls, ls-1
	}
	if at < 0 {
		return false
	}
	lines := bytes.Split(out[at:len(out)-1], []byte("\n"))
	first, _ := inner(lines[0])
	if !bytes.HasPrefix(first, []byte("#")) {
		return false
	}
	title := strings.TrimSpace(strings.TrimLeft(string(first), "#"))
	if title == "" {
		return false
	}
	if c.holdsOffsetFrom(at) {
		return false
	}
	blank := string(bytes.TrimRight(outer, " "))
	prefix := ""
	if blank != "" {
		prefix = blank + " "
	}
	var w strings.Builder
	w.WriteString(prefix + "<details><summary>" + summaryText(title) + "</summary>\n" + blank + "\n")
	body := lines[1:]
	for len(body) > 0 {
		if l, _ := inner(body[0]); len(bytes.TrimSpace(l)) == 0 {
			body = body[1:]
			continue
		}
		break
	}
	for _, line := range body {
		if l, _ := inner(line); len(l) > 0 {
			w.WriteString(prefix + string(l) + "\n")
		} else {
			w.WriteString(blank + "\n")
		}
	}
	// A blank line after it ends the HTML block, which would take the
	// next line in.
	w.WriteString(blank + "\n" + prefix + "</details>\n" + blank + "\n")
	c.out.Truncate(at)
	maps.DeleteFunc(c.opens, func(_, o int) bool { return o >= at }) // written over
	c.out.WriteString(w.String())
	return true
}

// summaryText returns the Markdown heading text s as the HTML of a
// <summary>: escaped, its code spans code elements.
func summaryText(s string) string {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 {
		return html.EscapeString(s) // a backtick without its pair
	}
	var w strings.Builder
	for k, p := range parts {
		if k%2 == 1 {
			w.WriteString("<code>" + html.EscapeString(p) + "</code>")
		} else {
			w.WriteString(html.EscapeString(p))
		}
	}
	return w.String()
}

// fenceLanguage gives the fenced code block that the output ends with
// (its closing fence the last line, in a quote or not) the language the
// kramdown attribute list line names for code, "{: .language-r}" giving
// the info string "r", unless it has one, and reports whether it names a
// language and there is such a block.
func (c *converter) fenceLanguage(line []byte) bool {
	lang := ""
	for f := range strings.FieldsSeq(string(line[2 : len(line)-1])) {
		if l, ok := strings.CutPrefix(f, ".language-"); ok && l != "" && !strings.ContainsAny(l, "`~{}") {
			lang = l
			break
		}
	}
	out := c.out.Bytes()
	if lang == "" || len(out) == 0 || out[len(out)-1] != '\n' {
		return false
	}
	lines := bytes.SplitAfter(out[:len(out)-1], []byte("\n"))
	last := lines[len(lines)-1]
	closing := bytes.TrimSpace(last[quotePrefix(last):])
	if len(closing) < 3 || (closing[0] != '`' && closing[0] != '~') || run(closing, closing[0]) != len(closing) {
		return false
	}
	at := len(out) - 1 - len(last)
	for k := len(lines) - 2; k >= 0; k-- {
		at -= len(lines[k])
		l := lines[k]
		q := quotePrefix(l)
		text := bytes.TrimLeft(l[q:], " \t")
		if run(text, closing[0]) < len(closing) {
			continue
		}
		info := bytes.TrimSpace(text[run(text, closing[0]):])
		if len(info) == 0 {
			c.insert(at+(len(l)-len(text))+run(text, closing[0]), lang)
		}
		return true
	}
	return false
}

// keptID counts a kramdown attribute list at i, list as written with the
// attributes attrs, whose id an empty anchor keeps, and notes that its
// other attributes are left out; of says what it stood on ("" or " of a
// list item").
func (c *converter) keptID(i int, list []byte, attrs []string, of string) {
	c.im.res.Converted++
	if len(attrs) > 1 {
		c.im.note(c.pos(i), "kramdown attribute list %s%s: only its id kept", list, of)
	}
}
