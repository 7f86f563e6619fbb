package markdown

import (
	"bytes"
	"html"
	"slices"

	xhtml "golang.org/x/net/html"
)

// rawAttr is an attribute of a tag in raw HTML, as a browser reads it.
type rawAttr struct {
	tag, key string // lower case
	val      string // with its character references undone
	// keyAt is the index of the attribute's name in the text read;
	// valStart and valEnd bound its value as written (inside its quotes),
	// and quote is the quote around it, or 0.
	keyAt, valStart, valEnd int
	quote                   byte
}

// scanTags reads text, a run of raw HTML, with an HTML tokenizer, and
// calls fn with each attribute of each start tag, in order. Comments, and
// the text of <script>, <style>, <textarea> and the like, hold no tags.
// Where an attribute sits in text is found by reading the tag again as
// the tokenizer reads it; a tag where the two disagree is left out.
func scanTags(text []byte, fn func(rawAttr)) {
	z := xhtml.NewTokenizer(bytes.NewReader(text))
	off := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		spans := attrSpans(raw)
		name, more := z.TagName()
		tag := string(name)
		var attrs []rawAttr
		for more {
			var key, val []byte
			key, val, more = z.TagAttr()
			attrs = append(attrs, rawAttr{tag: tag, key: string(key), val: string(val)})
		}
		if len(attrs) != len(spans) {
			continue
		}
		ok := true
		for i := range attrs {
			s := spans[i]
			if !bytes.EqualFold(raw[s.keyAt:s.keyEnd], []byte(attrs[i].key)) {
				ok = false
				break
			}
			attrs[i].keyAt, attrs[i].valStart, attrs[i].valEnd, attrs[i].quote = start+s.keyAt, start+s.valStart, start+s.valEnd, s.quote
		}
		if !ok {
			continue
		}
		for _, a := range attrs {
			fn(a)
		}
	}
}

// attrSpan is where an attribute is in the text of its tag.
type attrSpan struct {
	keyAt, keyEnd, valStart, valEnd int
	quote                           byte
}

// attrSpans returns where the attributes of raw, a start tag ("<img
// src=a.png>"), are, as golang.org/x/net/html reads them (its readTag,
// after WHATWG's tokenizer): a name ends at white space, "/", ">" or "="
// (but for a leading "="), a value is quoted or runs to white space or
// ">", and an attribute named again is left out.
func attrSpans(raw []byte) []attrSpan {
	i := 1 // past "<"
	isSpace := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }
	skipSpace := func() {
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
	}
	// The tag's name.
	for i++; i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>'; i++ {
	}
	skipSpace()
	var out []attrSpan
	seen := map[string]bool{}
	for i < len(raw) && raw[i] != '>' {
		s := attrSpan{keyAt: i}
		// The name.
		for ; i < len(raw); i++ {
			c := raw[i]
			if c == '=' && i == s.keyAt {
				continue
			}
			if c == '=' || isSpace(c) || c == '/' || c == '>' {
				break
			}
		}
		s.keyEnd = i
		s.valStart, s.valEnd = i, i
		// The value.
		skipSpace()
		switch {
		case i >= len(raw):
		case raw[i] == '/':
			i++
		case raw[i] != '=':
		default:
			i++
			skipSpace()
			switch {
			case i >= len(raw):
			case raw[i] == '>':
			case raw[i] == '"' || raw[i] == '\'':
				s.quote = raw[i]
				i++
				s.valStart = i
				for i < len(raw) && raw[i] != s.quote {
					i++
				}
				s.valEnd = i
				if i < len(raw) {
					i++
				}
			default:
				s.valStart = i
				for i < len(raw) && !isSpace(raw[i]) && raw[i] != '>' {
					i++
				}
				s.valEnd = i
			}
		}
		key := string(bytes.ToLower(raw[s.keyAt:s.keyEnd]))
		if s.keyAt != s.keyEnd && !seen[key] {
			seen[key] = true
			out = append(out, s)
		}
		skipSpace()
	}
	return out
}

// rawURLAttrs are the attributes of raw HTML that hold an address a
// browser follows, with the tags they do so on.
var rawURLAttrs = map[string][]string{
	"href":   {"a", "area", "link"},
	"src":    {"img", "source", "video", "audio", "track", "iframe", "embed", "script", "input"},
	"srcset": {"img", "source"},
	"poster": {"video"},
	"data":   {"object"},
}

// isURLAttr reports whether a holds an address (see rawURLAttrs).
func isURLAttr(a rawAttr) bool {
	return slices.Contains(rawURLAttrs[a.key], a.tag)
}

// isAnchor reports whether a names a place a fragment scrolls to: an id,
// or the name of an <a>.
func isAnchor(a rawAttr) bool {
	return a.key == "id" || a.key == "name" && a.tag == "a"
}

// srcsetURLs returns where the addresses of a srcset value are: each
// candidate is an address followed by an optional descriptor ("2x",
// "640w"), candidates are separated by commas.
func srcsetURLs(v string) [][2]int {
	var out [][2]int
	isSpace := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }
	for i := 0; i < len(v); {
		for i < len(v) && (isSpace(v[i]) || v[i] == ',') {
			i++
		}
		start := i
		for i < len(v) && !isSpace(v[i]) {
			i++
		}
		end := i
		for end > start && v[end-1] == ',' {
			end--
		}
		if end > start {
			out = append(out, [2]int{start, end})
		}
		if end < i {
			continue // the address ended the candidate
		}
		for i < len(v) && v[i] != ',' {
			i++
		}
	}
	return out
}

// rawEdit replaces text[start:end] of the HTML of a raw HTML node with
// with, when it is written.
type rawEdit struct {
	start, end int
	with       string
}

// rawEditsAttr is the goldmark attribute of a raw HTML node that holds
// its edits ([]rawEdit), made by the Links extension and written by the
// HTML one.
const rawEditsAttr = "plotline-raw-edits"

// applyEdits returns text with edits, sorted and apart, made.
func applyEdits(text []byte, edits []rawEdit) []byte {
	if len(edits) == 0 {
		return text
	}
	out := make([]byte, 0, len(text)+64)
	from := 0
	for _, e := range edits {
		out = append(out, text[from:e.start]...)
		out = append(out, e.with...)
		from = e.end
	}
	return append(out, text[from:]...)
}

// escapeAttr escapes s for an attribute value, quoted or not.
func escapeAttr(s string) string { return html.EscapeString(s) }
