package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// MaxEmphasisWalk bounds how many markers goldmark may look back over in
// a file for emphasis closers that find no opener: each such closer looks
// back over every run of *, _ and ~ still waiting in its paragraph, those
// that can neither open nor close (2 * 3, a_b) too. About 8 ns a marker,
// so a file within it takes a tenth of a second at most; 40,000 "a * "
// then 40,000 "a* " would take 14 s.
const MaxEmphasisWalk = 1 << 24

// MaxLinkWalk bounds the work goldmark does in a file on the brackets
// of links, counted by linkWalk in units of about a nanosecond: for each
// "]" that closes an open "[", the bytes between them (goldmark looks
// through them for a link inside); for each "](", four units a byte of
// the address up to a space or its ")", which goldmark reads to the end
// of the line when there is none; and for each "]" not read as a link
// with an address or a reference, the lines of its paragraph after it
// (goldmark reads the label back from the paragraph's last line). A file
// within it takes half a second at most; 20,000 "[a](" on one line took 11 s,
// 80,000 lines "[a](" 6 s, and 80,000 "[" then as many "]" 4 s.
const MaxLinkWalk = 1 << 28

// MaxUnclosed bounds how many "[" in a file open a label that no "]"
// closes. goldmark keeps a node for each and converts every one of them
// back to text: about 350 bytes and 2 µs a bracket, so 8 MB of "[a" took
// 1.4 GB and well over ten seconds. A file within it takes a fifth of a
// second for them.
const MaxUnclosed = 100_000

// MaxTableCells bounds the cells of one table, its rows (the header's
// among them) times its columns, which are those of the row of dashes
// below the header. goldmark makes a node for every cell, the empty ones
// of a short row too, and plotline walks and writes each: a table of 1.4
// million rows of one column took 20 s and 1 GB to build, one of 100,000
// columns and 20 rows 33 s. A table of 10,000 rows of 20 columns is
// within it.
const MaxTableCells = 200_000

// MaxFootnotes bounds the footnotes of one file, counted by the lines
// that define one ("[^1]: …"). goldmark sorts a page's footnotes with an
// insertion sort that walks the whole sorted list for each footnote given
// in order: 30,000 footnotes took 13.6 s, 60,000 76 s. An article with a
// few hundred notes is far within it.
const MaxFootnotes = 2000

// MaxFootnoteRefs bounds the references to footnotes in one file ("[^1]"
// anywhere but at the start of a definition). Each writes a link to its
// note and one back from the note, about 220 bytes of the page for its
// five: 8 MB of "x[^1] " made a page of 300 MB in 115 s and 2.3 GB,
// refused at last by the bound on what the templates write, at a line of
// plotline's own article.html. An article that cites its notes a few
// hundred times is far within it.
const MaxFootnoteRefs = 10_000

// MaxHeadings bounds the headings of one file, counted by the lines that
// start with one to six "#" and a space, and the lines of "=" or "-"
// under a line of text. Each writes its id, a link to itself and a line
// of the page's contents, about 190 bytes for the five of "## a": 8 MB
// of them made a page of 300 MB. The budget's article of 20,000 headings
// is within it.
const MaxHeadings = 20_000

// MaxNesting is how deeply block quotes and lists may nest, and how many
// emphasis markers (*, _ or ~) of one kind may be open at once in a
// paragraph. goldmark's
// work grows with the square of these (100,000 ">" on one line take
// seconds, 400,000 more than a minute), so deeper Markdown is refused
// before it is parsed. No article needs a tenth of it.
const MaxNesting = 100

// TooDeep reads body once and returns the offset of, and the message a
// build gives for, the first place where Markdown nests more than
// MaxNesting deep or would take goldmark seconds to read; ok is false
// when body has none. Convert refuses such a body; a program that reads
// Markdown with goldmark for plotline (the importer) checks it first.
// The nesting is that of:
//
//   - block quotes and lists, counted on each line by the markers it starts
//     with (">", "-", "*", "+", "1." and "1)" followed by a space) plus its
//     indentation, two columns a level, which is the least a nested list
//     needs (the one space after a ">" is the marker's);
//   - emphasis, counted in each paragraph by the *, _ or ~ of the runs
//     that open and have not been closed by a run of the same character,
//     outside code spans, mathematics, autolinks, HTML tags and links'
//     addresses, where goldmark reads none (skipSpan).
//
// It also refuses the shapes that would take goldmark seconds, as
// MaxEmphasisWalk, MaxLinkWalk, MaxUnclosed, MaxTableCells, MaxFootnotes
// and MaxFootnoteRefs bound them.
// A table is counted from a row of dashes that follows a line of its
// paragraph to the paragraph's first blank line.
//
// Lines of fenced code are skipped, and so are indented code blocks for
// emphasis. It over-counts rather than misses: what it refuses is far
// deeper than any real article, and a line indented by 200 columns is
// refused even when it is code, but not a line of spaces alone.
func TooDeep(body []byte) (offset int, msg string, ok bool) {
	var fence byte // the fence character while inside fenced code
	fenceLen := 0
	var open [3]int     // emphasis runs of *, _ and ~ waiting in the paragraph
	var both [3][3]int  // runs that open and close too, by kind and length mod 3
	inert := 0          // runs that can neither open nor close, waiting too
	var spans spanState // whether code, mathematics and tags may be skipped
	walk := 0           // markers looked back over by closers with no opener, in the file
	var lw linkWalk
	inCode := false    // in an indented code block
	cols, rows := 0, 0 // of the table being read, if any
	prevBlank := true
	html := htmlNone // the kind of raw HTML block being read, if any
	footnotes := 0   // lines that define a footnote
	refs := 0        // references to footnotes
	headings := 0
	for start := 0; start < len(body); {
		end := start
		for end < len(body) && body[end] != '\n' {
			end++
		}
		line := body[start:end]
		next := end + 1
		depth, i, col := 0, 0, 0
		deepAt := -1 // the marker or indentation that passes MaxNesting
		afterQuote := false
	markers:
		for i < len(line) {
			at := i
			quote := false
			switch c := line[i]; {
			case c == ' ' && afterQuote:
				i++ // the space that belongs to a ">"
			case c == ' ':
				col++
				i++
			case c == '\t':
				col += 4 - col%4
				i++
			case c == '>':
				depth++
				i++
				quote = true
			case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t'):
				depth++
				i += 2
			case '0' <= c && c <= '9':
				j := i
				for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
					j++
				}
				if j+1 >= len(line) || (line[j] != '.' && line[j] != ')') || (line[j+1] != ' ' && line[j+1] != '\t') {
					break markers
				}
				depth++
				i = j + 2
			default:
				break markers
			}
			afterQuote = quote
			if depth+col/2 > MaxNesting {
				deepAt = at
				break
			}
		}
		rest := line[i:]
		blank := isBlank(rest)
		if fence != 0 {
			if n := run(rest, fence); n >= fenceLen && isBlank(rest[n:]) {
				fence = 0
			}
			start = next
			continue
		}
		if deepAt >= 0 && !(depth == 0 && blank) { // spaces alone nest nothing
			return start + deepAt, fmt.Sprintf("block quotes and lists nest more than %d deep here, counting their markers and indentation: plotline refuses Markdown this deep", MaxNesting), true
		}
		if html == htmlNone && depth == 0 && col == 0 && !blank {
			// A raw HTML block at the left margin, which ends the
			// paragraph before it wherever it stands.
			html = htmlBlockStart(rest)
		}
		if blank || html != htmlNone {
			// The paragraph ends; nothing is counted in raw HTML, so
			// that each of its lines ends it again changes nothing.
			open, both, inert, cols = [3]int{}, [3][3]int{}, 0, 0
			spans = spanState{}
			inCode = false
			if off, ok := lw.paragraph(); ok {
				return off, unclosedMessage(), true
			}
		}
		if html != htmlNone {
			// goldmark reads no emphasis, link or table in it.
			switch {
			case html == htmlToBlank && blank:
				html = htmlNone // and the blank line is read below
			case html == htmlToBlank:
				prevBlank = false
				start = next
				continue
			default:
				if htmlBlockEnds(html, rest) {
					html = htmlNone
				}
				prevBlank = true // what follows starts a block
				start = next
				continue
			}
		}
		switch {
		case run(rest, '`') >= 3:
			fence, fenceLen = '`', run(rest, '`')
		case run(rest, '~') >= 3:
			fence, fenceLen = '~', run(rest, '~')
		}
		if fence != 0 {
			cols = 0
		}
		switch {
		case blank: // the paragraph ended above
		case depth == 0 && col >= 4 && (prevBlank || inCode):
			inCode = true
		case fence == 0:
			inCode = false
			if cols > 0 {
				rows++
			} else if !prevBlank {
				cols, rows = tableColumns(rest), 1
			}
			def := bytes.HasPrefix(rest, []byte("[^")) && bytes.Contains(rest, []byte("]:"))
			if def {
				if footnotes++; footnotes > MaxFootnotes {
					return start + i, fmt.Sprintf("more than %d footnotes in this file: plotline refuses Markdown that would take seconds to read (goldmark sorts footnotes in time that grows with the square of their number)", MaxFootnotes), true
				}
			}
			if isHeading(rest, prevBlank) {
				if headings++; headings > MaxHeadings {
					return start + i, fmt.Sprintf("more than %d headings in this file: plotline refuses Markdown that would make a page thirty times its size (each heading writes its id, a link to itself and a line of the page's contents: split the article)", MaxHeadings), true
				}
			}
			for j := 0; ; j += 2 {
				k := bytes.Index(rest[j:], []byte("[^"))
				if k < 0 {
					break
				}
				if j += k; j == 0 && def {
					continue
				}
				if refs++; refs > MaxFootnoteRefs {
					return start + i + j, fmt.Sprintf("more than %d references to footnotes in this file: plotline refuses Markdown that would make a page forty times its size (each reference writes a link to its note and one back from the note: cite a note once where it applies, or name the source in the text)", MaxFootnoteRefs), true
				}
			}
			if cols > 0 && rows*cols > MaxTableCells {
				return start + i, fmt.Sprintf("this table has more than %d cells, counting its rows and the columns of its row of dashes: plotline refuses Markdown that would take seconds to read (split the table, or link to the data as a CSV file)", MaxTableCells), true
			}
			if off, ok := lw.line(line, start, i); ok {
				return start + off, "too many [ and ] of links in this paragraph, or a link address thousands of characters long without a space: plotline refuses Markdown that would take seconds to read (write \\[ and \\] for brackets, or break the paragraph up)", true
			}
			if off, closer, ok := emphasis(line, i, &open, &both, &inert, &walk, &spans); ok && closer {
				return start + off, fmt.Sprintf("too many %c that close no emphasis come after others that stay as they are (2 * 3, a_b): plotline refuses Markdown that would take seconds to read (%s)", line[off], escapeAdvice[line[off]]), true
			} else if ok {
				return start + off, fmt.Sprintf("more than %d emphasis markers (%c) are open at once in this paragraph: plotline refuses Markdown this deep (%s)", MaxNesting, line[off], escapeAdvice[line[off]]), true
			}
		}
		prevBlank = blank
		start = next
	}
	if off, ok := lw.paragraph(); ok {
		return off, unclosedMessage(), true
	}
	return 0, "", false
}

// isHeading reports whether line, after its block quote and list
// markers, is an ATX heading ("## a", "#"), or the "=" or "-" under a
// setext heading's text (after a line of text, not a blank one).
func isHeading(line []byte, afterBlank bool) bool {
	if n := run(line, '#'); n >= 1 && n <= 6 {
		return n == len(line) || line[n] == ' ' || line[n] == '\t' || line[n] == '\r'
	}
	if afterBlank || len(line) == 0 || (line[0] != '=' && line[0] != '-') {
		return false
	}
	return isBlank(line[run(line, line[0]):])
}

// The kinds of raw HTML block, by what ends them: a blank line (CommonMark's
// sixth kind, <div>), or the line holding a closer (the first to fifth:
// </pre>, -->, ?>, > and ]]>).
const (
	htmlNone = iota
	htmlToBlank
	htmlToPre
	htmlToComment
	htmlToQuestion
	htmlToGreater
	htmlToCDATA
)

// htmlPreOpenRE, htmlPreCloseRE and htmlBlockTagRE read the starts and
// the end of raw HTML blocks as goldmark's parser does.
var (
	htmlPreOpenRE  = regexp.MustCompile(`(?i)^<(?:script|pre|style|textarea)(?:\s.*|>.*|/>.*|)\r?$`)
	htmlPreCloseRE = regexp.MustCompile(`(?i)</(?:script|pre|style|textarea)>`)
	htmlBlockTagRE = regexp.MustCompile(`^<(?:/ *)?([a-zA-Z][a-zA-Z0-9-]*)(?: .*|>.*|/>.*|)\r?$`)
)

// htmlBlockTags are the element names that start a raw HTML block of
// the sixth kind, as goldmark lists them.
var htmlBlockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true, "basefont": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "col": true, "colgroup": true, "dd": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true, "frame": true,
	"frameset": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"head": true, "header": true, "hr": true, "html": true, "iframe": true, "legend": true,
	"li": true, "link": true, "main": true, "menu": true, "menuitem": true, "meta": true,
	"nav": true, "noframes": true, "ol": true, "optgroup": true, "option": true, "p": true,
	"param": true, "search": true, "section": true, "summary": true, "table": true, "tbody": true,
	"td": true, "tfoot": true, "th": true, "thead": true, "title": true, "tr": true,
	"track": true, "ul": true,
}

// htmlBlockStart returns the kind of raw HTML block that line, a line at
// the left margin, starts (one of the first six of CommonMark, which may
// end a paragraph), or htmlNone. The seventh, any other tag alone on its
// line, is left out: missing one over-counts, which is safe.
func htmlBlockStart(line []byte) int {
	if len(line) < 2 || line[0] != '<' {
		return htmlNone
	}
	switch {
	case htmlPreOpenRE.Match(line):
		return htmlToPre
	case bytes.HasPrefix(line, []byte("<!--")):
		return htmlToComment
	case line[1] == '?':
		return htmlToQuestion
	case bytes.HasPrefix(line, []byte("<![CDATA[")):
		return htmlToCDATA
	case line[1] == '!' && len(line) > 2 && 'A' <= line[2] && line[2] <= 'Z':
		return htmlToGreater
	}
	if m := htmlBlockTagRE.FindSubmatch(line); m != nil && htmlBlockTags[strings.ToLower(string(m[1]))] {
		return htmlToBlank
	}
	return htmlNone
}

// htmlBlockEnds reports whether line holds the closer of a raw HTML block
// of the kind html, the line then being its last.
func htmlBlockEnds(html int, line []byte) bool {
	switch html {
	case htmlToPre:
		return htmlPreCloseRE.Match(line)
	case htmlToComment:
		return bytes.Contains(line, []byte("-->"))
	case htmlToQuestion:
		return bytes.Contains(line, []byte("?>"))
	case htmlToGreater:
		return bytes.Contains(line, []byte(">"))
	case htmlToCDATA:
		return bytes.Contains(line, []byte("]]>"))
	}
	return false
}

// unclosedMessage returns TooDeep's message for the "[" past MaxUnclosed.
func unclosedMessage() string {
	return fmt.Sprintf("more than %d [ in this file open a link that no ] closes: plotline refuses Markdown that would take seconds to read (write \\[ for a bracket)", MaxUnclosed)
}

// escapeAdvice says, in TooDeep's messages, how to write each emphasis
// marker as itself.
var escapeAdvice = map[byte]string{
	'*': `write \* for a star that is no emphasis`,
	'_': `write \_ for an underscore that is no emphasis`,
	'~': `write \~ for a tilde that is no strikethrough`,
}

// spanState is what emphasis knows of the paragraph's code spans,
// mathematics and tags, which goldmark reads before emphasis and in
// which it finds none.
type spanState struct {
	// unsure is set once a line of the paragraph has a backtick, a "<",
	// or an opener of mathematics that nothing on the line closes:
	// goldmark may close it on a later line, and a line's own pairs may
	// then not be goldmark's. Nothing is skipped after it.
	unsure bool
}

// skipSpan returns the offset in line just past the code span, the
// mathematics (\(…\), \[…\], $$…$$), the autolink, the HTML tag or
// the link's destination ("](…)" after a "[" at label) that starts at
// line[i], when goldmark reads one there that ends on the line; and i when
// it reads none. It sets s.unsure where one may start and end on a later
// line. label is the offset of the "[" of a link's label that closes at
// line[i], or -1.
func skipSpan(line []byte, i, label int, s *spanState) int {
	if s.unsure {
		return i
	}
	switch c := line[i]; {
	case c == '`':
		n := run(line[i:], '`')
		for j := i + n; j < len(line); {
			if line[j] != '`' {
				j++
				continue
			}
			m := run(line[j:], '`')
			if m == n {
				return j + m
			}
			j += m
		}
		s.unsure = true
	case c == '\\' && i+1 < len(line) && (line[i+1] == '(' || line[i+1] == '['):
		closer := []byte(`\]`)
		if line[i+1] == '(' {
			closer = []byte(`\)`)
		}
		if k := bytes.Index(line[i+2:], closer); k >= 0 {
			return i + 2 + k + 2
		}
		s.unsure = true
	case c == '$' && i+1 < len(line) && line[i+1] == '$':
		if k := bytes.Index(line[i+2:], []byte("$$")); k >= 0 {
			return i + 2 + k + 2
		}
		s.unsure = true
	case c == '<':
		if k := util.FindEmailIndex(line[i+1:]); k >= 0 && i+1+k < len(line) && line[i+1+k] == '>' {
			return i + 1 + k + 1
		}
		if k := util.FindURLIndex(line[i+1:]); k >= 0 && i+1+k < len(line) && line[i+1+k] == '>' {
			return i + 1 + k + 1
		}
		if n := htmlTag(line[i:]); n > 0 {
			return i + n
		}
		s.unsure = true
	case c == ']' && label >= 0 && i+1 < len(line) && line[i+1] == '(':
		if !linkLabel(line[label+1 : i]) {
			break
		}
		if end, ok := linkDestination(line, i+2); ok {
			return end
		}
	}
	return i
}

// htmlTag returns the length of the HTML open or closing tag that b
// starts with, as CommonMark defines raw HTML, on one line: a name,
// attributes with their values unquoted, in single or in double quotes,
// and a ">" (or "/>"); 0 when it starts with none.
func htmlTag(b []byte) int {
	letter := func(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	i := 1
	name := func() bool {
		if i >= len(b) || !letter(b[i]) {
			return false
		}
		for i++; i < len(b) && (letter(b[i]) || digit(b[i]) || b[i] == '-'); i++ {
		}
		return true
	}
	space := func() int {
		start := i
		for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
			i++
		}
		return i - start
	}
	if i < len(b) && b[i] == '/' {
		i++
		if !name() {
			return 0
		}
		space()
		if i < len(b) && b[i] == '>' {
			return i + 1
		}
		return 0
	}
	if !name() {
		return 0
	}
	for {
		before := i
		if space() == 0 || i >= len(b) || !(letter(b[i]) || b[i] == '_' || b[i] == ':') {
			i = before
			break
		}
		for i++; i < len(b) && (letter(b[i]) || digit(b[i]) || bytes.IndexByte([]byte("_.:-"), b[i]) >= 0); i++ {
		}
		afterName := i
		if space(); i >= len(b) || b[i] != '=' {
			i = afterName
			continue
		}
		i++
		space()
		switch {
		case i >= len(b):
			return 0
		case b[i] == '"' || b[i] == '\'':
			end := bytes.IndexByte(b[i+1:], b[i])
			if end < 0 {
				return 0
			}
			i += end + 2
		default:
			start := i
			for i < len(b) && b[i] > ' ' && bytes.IndexByte([]byte("\"'=<>`"), b[i]) < 0 {
				i++
			}
			if i == start {
				return 0
			}
		}
	}
	space()
	if i < len(b) && b[i] == '/' {
		i++
	}
	if i < len(b) && b[i] == '>' {
		return i + 1
	}
	return 0
}

// linkLabel reports whether label, the text between a "[" and the "]"
// after it, is one that goldmark makes a link of when an address follows:
// no footnote's "^1", no task's "x" or " " (a list item's check box), no
// other bracket, and within the 999 characters a label may have.
func linkLabel(label []byte) bool {
	switch {
	case len(label) > 900, bytes.HasPrefix(label, []byte("^")), len(label) == 1 && bytes.ContainsAny(label, " xX"):
		return false
	}
	return !bytes.ContainsAny(label, "[]")
}

// linkDestination reads the address of a link from line[i], just after
// its "(", as goldmark does: spaces, then an address in <…> or one
// without spaces whose parentheses balance, then spaces and the closing
// ")". It returns the offset just past the ")", and false for anything
// else, a title too, which emphasis then counts through.
func linkDestination(line []byte, i int) (int, bool) {
	space := func() {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
	}
	space()
	switch {
	case i < len(line) && line[i] == '<':
		for i++; i < len(line) && line[i] != '>'; i++ {
			if line[i] == '\\' && i+1 < len(line) && util.IsPunct(line[i+1]) {
				i++
			}
		}
		if i >= len(line) {
			return 0, false
		}
		i++
	case i < len(line) && line[i] != ')':
		start, opened := i, 0
	address:
		for ; i < len(line); i++ {
			switch c := line[i]; {
			case c == '\\' && i+1 < len(line) && util.IsPunct(line[i+1]):
				i++
			case c == '(':
				opened++
			case c == ')':
				if opened--; opened < 0 {
					break address
				}
			case util.IsSpace(c):
				break address
			}
		}
		if i == start {
			return 0, false
		}
	}
	space()
	if i < len(line) && line[i] == ')' {
		return i + 1, true
	}
	return 0, false
}

// emphasis counts the runs of *, _ and ~ from line[i:] into open, the
// markers of each kind that are open in the paragraph, and into inert, the
// runs that can neither open nor close (a_b, 2 * 3), as CommonMark's
// flanking rules tell them apart. goldmark keeps both on one list, which
// a closer without an opener walks to its start: walk adds up those
// walks, and the closer that takes it past MaxEmphasisWalk is refused.
// A closer that one of the runs in both may not close (CommonMark's rule
// of three: a**b then c*) stays on the list too, and counts as inert.
// It returns the offset in line of the marker refused, and whether it is
// such a closer rather than one opener too many. Code spans, mathematics,
// autolinks, HTML tags and links' addresses, in which goldmark reads no
// emphasis, are skipped as skipSpan finds them.
func emphasis(line []byte, i int, open *[3]int, both *[3][3]int, inert, walk *int, spans *spanState) (int, bool, bool) {
	label := -1 // the "[" of a label that may be a link's, on this line
	for i < len(line) {
		if j := skipSpan(line, i, label, spans); j > i {
			i = j
			continue
		}
		c := line[i]
		k := 0
		switch c {
		case '[':
			label = i
			i++
			continue
		case ']':
			label = -1
			i++
			continue
		case '*':
			k = 0
		case '_':
			k = 1
		case '~':
			k = 2
		case '\\':
			i += 2
			continue
		default:
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == c {
			j++
		}
		before, after := ' ', ' '
		if i > 0 {
			before, _ = utf8.DecodeLastRune(line[:i])
		}
		if j < len(line) {
			after, _ = utf8.DecodeRune(line[j:])
		}
		left := !unicode.IsSpace(after) && (!isPunct(after) || unicode.IsSpace(before) || isPunct(before))
		right := !unicode.IsSpace(before) && (!isPunct(before) || unicode.IsSpace(after) || isPunct(after))
		if c == '_' {
			// Within a word an underscore neither opens nor closes.
			left, right = left && (!right || isPunct(before)), right && (!left || isPunct(after))
		}
		switch n := j - i; {
		case right && !left && n%3 != 0 && both[k][(3-n%3)%3] > 0:
			// It may find no opener it can close, yet keep looking:
			// goldmark leaves it on the list.
			*walk += *inert + open[0] + open[1] + open[2]
			*inert++
			if *walk > MaxEmphasisWalk {
				return i, true, true
			}
		case right && open[k] > 0:
			if open[k] = max(0, open[k]-n); open[k] == 0 {
				both[k] = [3]int{}
			}
		case right && !left:
			*walk += *inert + open[0] + open[1] + open[2]
			if *walk > MaxEmphasisWalk {
				return i, true, true
			}
		case left:
			open[k] += n
			if right {
				both[k][n%3]++
			}
			if open[k] > MaxNesting {
				return j - (open[k] - MaxNesting), false, true
			}
		case !right:
			*inert++
		}
		i = j
	}
	return 0, false, false
}

// linkWalk counts the work goldmark does on the brackets of links, in a
// file, as MaxLinkWalk describes it, and the open brackets and the labels
// read back of the paragraph being read. It over-counts: brackets in code
// spans and raw HTML count too.
type linkWalk struct {
	walk     int   // in the file
	unclosed int   // "[" of the paragraphs before that no "]" closed
	opens    []int // offsets in the body of the "[" still open in the paragraph
	back     int   // labels of the paragraph so far that goldmark reads back
}

// paragraph ends the paragraph, its open "[" counted as unclosed, and
// starts a new one. It returns the offset in the body of the "[" that
// takes the unclosed past MaxUnclosed, if one does.
func (w *linkWalk) paragraph() (int, bool) {
	w.unclosed += len(w.opens)
	if over := w.unclosed - MaxUnclosed; over > 0 {
		return w.opens[len(w.opens)-over], true
	}
	w.opens = w.opens[:0]
	w.back = 0
	return 0, false
}

// line counts the brackets of line[i:], the next line of the paragraph,
// which starts at offset at of the body. It returns the offset in line of
// the "]" that takes the work past MaxLinkWalk, if one does.
func (w *linkWalk) line(line []byte, at, i int) (int, bool) {
	// Each label read back so far is read over this line too.
	w.walk += w.back
	if len(w.opens) == 0 && bytes.IndexByte(line[i:], '[') < 0 {
		return 0, false // most lines: no bracket to open, none to close
	}
	for ; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '[':
			w.opens = append(w.opens, at+i)
		case ']':
			n := len(w.opens)
			if n == 0 {
				continue
			}
			w.walk += at + i - w.opens[n-1]
			w.opens = w.opens[:n-1]
			linked := i+1 < len(line) && line[i+1] == '['
			if i+1 < len(line) && line[i+1] == '(' {
				var read int
				read, linked = destination(line[i+2:], (MaxLinkWalk-w.walk)/4+1)
				w.walk += 4 * read
			}
			if !linked {
				w.back++
			}
			if w.walk > MaxLinkWalk {
				return i, true
			}
		}
	}
	return 0, false
}

// destination returns how many bytes of b goldmark reads for the address
// of a link whose "(" came just before b, up to limit: to the ">" of an
// address in <…>, or to a space or the ")" that closes the link; to the
// end of the line when there is none. It reports whether the address
// ended at the link's ")", where goldmark takes the link as one.
func destination(b []byte, limit int) (int, bool) {
	j := 0
	for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
		j++
	}
	angle := j < len(b) && b[j] == '<'
	opened := 0
	for ; j < len(b) && j < limit; j++ {
		switch c := b[j]; {
		case c == '\\':
			j++
		case angle && c == '>':
			return j, j+1 < len(b) && b[j+1] == ')'
		case angle:
		case c == '(':
			opened++
		case c == ')':
			if opened--; opened < 0 {
				return j, true
			}
		case c == ' ' || c == '\t':
			return j, false
		}
	}
	return j, false
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// tableColumns returns how many columns b has as the row of dashes below
// a table's header ("|---|:-:|", "--- | ---"), or 0 if it is not one: it
// holds nothing but "|", ":", "-", spaces and tabs, and a "-" that is not
// all of it. The columns are the parts between "|", less a blank first
// and a blank last one.
func tableColumns(b []byte) int {
	pipes := 0
	dash := false
	filled := false      // the part since the last "|" holds a "-" or ":"
	firstFilled := false // and the part before the first "|"
	for _, c := range b {
		switch c {
		case '|':
			if pipes == 0 {
				firstFilled = filled
			}
			pipes++
			filled = false
		case '-':
			dash, filled = true, true
		case ':':
			filled = true
		case ' ', '\t', '\r':
		default:
			return 0
		}
	}
	if !dash || run(b, '-') == len(b) {
		return 0
	}
	cols := pipes + 1
	if pipes > 0 && !firstFilled {
		cols--
	}
	if pipes > 0 && !filled {
		cols--
	}
	return cols
}

// run returns how many times c repeats at the start of b.
func run(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

// isBlank reports whether b holds nothing but spaces and tabs.
func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
