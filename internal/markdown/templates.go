package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Templates is the extension that recognises the template tags of other
// site generators, which writers bring with their posts: Liquid tags
// ({% include x.html %}, {% highlight go %}) from Jekyll and Hugo
// shortcodes ({{< figure src="x" >}}, {{% note %}}). Each is one error at
// its position that says what it is and what to write instead, and
// leaves nothing on the page; the end tag of one already reported is not
// reported again. A Liquid output tag ({{ site.title }}) is plotline's
// own {{ }}: the Values extension says what it looks like when it names
// no data block.
type Templates struct{}

// Extend implements goldmark.Extender.
func (*Templates) Extend(m goldmark.Markdown) {
	// Before the values (50), which would read {{< as a value.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(templateParser{}, 40)))
}

// templateKey holds the *templateState of the document being parsed.
var templateKey = parser.NewContextKey()

// templateState counts the tags reported on the page and not yet closed,
// by name, so that their end tags are not reported too. It also keeps,
// for the line being parsed, where the last of each closing marker is, so
// that a line of a million "{%" is read once, not once for each.
type templateState struct {
	open    map[string]int
	lineEnd int
	last    map[string]int // closing marker → body offset of its last one on the line
}

// closes reports whether line, which starts at body offset start and
// ends at lineEnd, has closer at or after from.
func (ts *templateState) closes(line []byte, start, lineEnd, from int, closer string) bool {
	if ts.lineEnd != lineEnd {
		ts.lineEnd = lineEnd
		clear(ts.last)
	}
	last, ok := ts.last[closer]
	if !ok {
		last = -1
		if i := bytes.LastIndex(line, []byte(closer)); i >= 0 {
			last = start + i
		}
		ts.last[closer] = last
	}
	return last >= from
}

type templateParser struct{}

func (templateParser) Trigger() []byte { return []byte{'{'} }

func (templateParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	var kind, closer string
	open := 3 // the opener's length
	switch {
	case bytes.HasPrefix(line, []byte("{{<")):
		kind, closer = "shortcode", ">}}"
	case bytes.HasPrefix(line, []byte("{{%")):
		kind, closer = "shortcode", "%}}"
	case bytes.HasPrefix(line, []byte("{%")):
		kind, closer, open = "liquid", "%}", 2
	default:
		return nil
	}
	ts, _ := pc.Get(templateKey).(*templateState)
	if ts == nil {
		ts = &templateState{open: map[string]int{}, lineEnd: -1, last: map[string]int{}}
		pc.Set(templateKey, ts)
	}
	end := -1
	if ts.closes(line, seg.Start, seg.Stop, seg.Start+open, closer) {
		end = bytes.Index(line[open:], []byte(closer))
	}
	if kind == "liquid" && end < 0 {
		return nil // "{%" with no "%}" on its line is text
	}
	if kind == "liquid" && escapedBrace(block.Source(), seg.Start-1) {
		// \{{% note %}}: a shortcode written as text, its first brace
		// escaped as the README says, and no Liquid tag.
		return nil
	}
	inside := line[open:min(len(line), open+200)] // enough for a name
	if end >= 0 {
		inside = line[open : open+end]
	}
	name, args := tagName(inside, kind)
	if kind == "liquid" && (!isTagName(name) || bytes.ContainsAny(inside, "{}")) {
		return nil
	}
	var length int // what the tag takes of the line
	tag := ""      // the tag as the message quotes it
	if end >= 0 {
		length = open + end + len(closer)
		tag = string(line[:length])
	} else {
		// A shortcode may run over several lines: the rest of its first
		// goes with it, one error however many "{{<" the line holds.
		length = len(bytes.TrimRight(line, "\r\n"))
		named := open + len(inside) - len(bytes.TrimLeft(inside, " \t-/*")) + len(name)
		tag = strings.TrimSpace(string(line[:min(max(named, open), length)])) + " …"
	}
	block.Advance(length)
	n := ast.NewString(nil) // the tag, taken out of the text
	state := pageOf(pc)
	if state == nil {
		return n
	}
	if closes, ok := closingTag(name, kind); ok {
		for _, c := range closes {
			if ts.open[c] > 0 {
				if !strings.HasPrefix(name, "else") && name != "when" {
					ts.open[c]--
				}
				return n
			}
		}
	}
	ts.open[name]++
	state.errorf(seg.Start, "%s", templateAdvice(tag, kind, name, args))
	return n
}

// escapedBrace reports whether src has at i a "{" that a backslash
// escapes: one preceded by an odd number of backslashes.
func escapedBrace(src []byte, i int) bool {
	if i < 0 || src[i] != '{' {
		return false
	}
	n := 0
	for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// tagName splits the inside of a tag into its name and the rest, with
// Liquid's "-" and Hugo's "/*" markers left out.
func tagName(inside []byte, kind string) (string, string) {
	s := strings.TrimSpace(string(inside))
	s = strings.TrimPrefix(s, "-")
	s = strings.TrimPrefix(s, "/*")
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, " \t\r\n")
	if i < 0 {
		i = len(s)
	}
	name, args := s[:i], strings.TrimSpace(s[i:])
	if kind == "shortcode" {
		name = strings.TrimSuffix(name, "/")
	}
	return name, args
}

// isTagName reports whether s can name a Liquid tag: a letter or _, then
// letters, digits and _.
func isTagName(s string) bool {
	for i, c := range s {
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// closingTag returns the names of the tags that a closing tag ends:
// "/note" ends "note", "endhighlight" ends "highlight", "else" and
// "elsif" are inside "if" or "unless", "when" inside "case".
func closingTag(name, kind string) ([]string, bool) {
	if kind == "shortcode" {
		if rest, ok := strings.CutPrefix(name, "/"); ok {
			return []string{rest}, true
		}
		return nil, false
	}
	switch name {
	case "else", "elsif":
		return []string{"if", "unless", "case", "for"}, true
	case "when":
		return []string{"case"}, true
	}
	if rest, ok := strings.CutPrefix(name, "end"); ok && rest != "" {
		return []string{rest}, true
	}
	return nil, false
}

// fenceAdvice says to write a fenced code block in the language that
// args, a highlight tag's arguments, give first ("go" when none).
func fenceAdvice(args string) string {
	lang := "go"
	if f := strings.Fields(args); len(f) > 0 && !strings.Contains(f[0], "=") {
		lang = strings.Trim(f[0], `"'`)
	}
	return fmt.Sprintf("; write a fenced code block, ```%s on the line before the code and ``` on the line after", lang)
}

// templateAdvice says what tag is and what to write instead.
func templateAdvice(tag, kind, name, args string) string {
	if kind == "shortcode" {
		what := fmt.Sprintf("%s: a Hugo shortcode, which plotline does not run", tag)
		switch strings.ToLower(strings.TrimPrefix(name, "/")) {
		case "figure", "img", "image":
			return what + `; write an image as ![text for readers who cannot see it](picture.png "caption")`
		case "highlight", "code":
			return what + fenceAdvice(args)
		case "ref", "relref":
			return what + "; write a Markdown link to the file, [text](other-article.md)"
		case "youtube", "vimeo", "tweet", "x", "instagram", "gist", "qr":
			return what + "; write a link to it, [title](https://…)"
		case "note", "tip", "hint", "info", "important", "warning", "caution", "danger", "callout", "notice", "alert", "admonition":
			return what + "; write a GitHub alert: a block quote whose first line is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]"
		case "details":
			return what + "; write <details><summary>…</summary>…</details> (raw HTML, which needs unsafe_html: true in the config)"
		case "param":
			return what + "; write the value itself, or put it in a data block and write {{ block.field }}"
		}
		return what + "; write its content in Markdown (or raw HTML, with unsafe_html: true in the config)"
	}
	what := fmt.Sprintf("%s: a Liquid tag, which plotline does not run", tag)
	switch name {
	case "include", "include_relative", "render":
		return what + "; write the included text here"
	case "highlight":
		return what + fenceAdvice(args)
	case "raw":
		return what + `; for two braces as text write \{{, or put the text in a code span or block`
	case "link", "post_url":
		return what + "; write a Markdown link to the file, [text](other-article.md)"
	case "comment":
		return what + "; write an HTML comment, <!-- … -->, which never reaches the page"
	case "if", "unless", "case", "for", "assign", "capture", "cycle", "increment", "decrement", "tablerow":
		return what + "; a page has no conditions, loops or variables: write the text itself"
	}
	return what + "; write its content in Markdown"
}
