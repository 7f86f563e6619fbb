// Package highlight turns source code into HTML with chroma's CSS classes.
//
// Go and Python are lexed by hand-written scanners that follow chroma's own
// lexer rules and produce the same markup chroma's HTML formatter would, at a
// small fraction of the cost. Every other language, and any input a scanner
// does not model (a Go raw string holding a template, an unterminated Go
// string), is handed to chroma itself.
package highlight

import (
	"html"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Highlighter renders code blocks as HTML. It is safe for concurrent use.
type Highlighter struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
	langs     sync.Map // lang → *language
}

// language is what a fence's language name resolves to.
type language struct {
	chroma chroma.Lexer // nil when chroma knows no such language
	scan   *scanner     // nil when there is no hand-written scanner
}

// scanner is a hand-written lexer.
type scanner struct {
	// lex lexes e.src into e and reports false when it meets input it
	// does not model, in which case the caller falls back to chroma.
	lex func(e *emitter) bool
	// ratio estimates the size of the HTML per byte of code.
	ratio int
}

// New returns a Highlighter.
func New() *Highlighter {
	return &Highlighter{
		formatter: chromahtml.New(chromahtml.WithClasses(true), chromahtml.TabWidth(4)),
		style:     styles.Fallback,
	}
}

// HTML returns code highlighted as the language lang, in a
// <pre class="chroma"><code> block followed by a newline. Code in a language
// chroma does not know is escaped and marked with a language-lang class.
func (h *Highlighter) HTML(lang, code string) string {
	if lang == "" {
		return plain(lang, code)
	}
	l := h.lookup(lang)
	if l.chroma == nil {
		return plain(lang, code)
	}
	if l.scan != nil {
		if out, ok := scan(l.scan, code); ok {
			return out
		}
	}
	return h.viaChroma(l.chroma, lang, code)
}

// lookup resolves lang once and remembers the answer.
func (h *Highlighter) lookup(lang string) *language {
	if v, ok := h.langs.Load(lang); ok {
		return v.(*language)
	}
	l := &language{chroma: lexers.Get(lang)}
	if l.chroma != nil {
		switch l.chroma.Config().Name {
		case "Go":
			l.scan = &scanner{lex: scanGo, ratio: 12}
		case "Python":
			l.scan = &scanner{lex: scanPython, ratio: 9}
		}
		l.chroma = chroma.Coalesce(l.chroma)
	}
	v, _ := h.langs.LoadOrStore(lang, l)
	return v.(*language)
}

// viaChroma formats code with chroma's own lexer and HTML formatter.
func (h *Highlighter) viaChroma(lexer chroma.Lexer, lang, code string) string {
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return plain(lang, code)
	}
	var b strings.Builder
	if err := h.formatter.Format(&b, h.style, it); err != nil {
		return plain(lang, code)
	}
	b.WriteByte('\n')
	return b.String()
}

// plain returns code escaped, without highlighting.
func plain(lang, code string) string {
	cls := ""
	if lang != "" {
		cls = ` class="language-` + html.EscapeString(lang) + `"`
	}
	return `<pre class="chroma"><code` + cls + `>` + html.EscapeString(code) + "</code></pre>\n"
}

const (
	preOpen  = `<pre class="chroma"><code>`
	preClose = "</code></pre>\n"
)

// scan runs s over code, normalised the way chroma normalises its input.
func scan(s *scanner, code string) (string, bool) {
	code = normalize(code)
	e := &emitter{src: code}
	e.b.Grow(len(preOpen) + len(preClose) + len(code)*s.ratio + 64)
	e.b.WriteString(preOpen)
	if !s.lex(e) {
		return "", false
	}
	e.finish()
	e.b.WriteString(preClose)
	return e.b.String(), true
}

// normalize turns CRLF and lone CR line endings into LF and replaces each
// byte of invalid UTF-8 with U+FFFD, as chroma does before lexing.
func normalize(code string) string {
	if strings.IndexByte(code, '\r') >= 0 {
		b := make([]byte, 0, len(code))
		for i := 0; i < len(code); i++ {
			c := code[i]
			if c == '\r' {
				if i+1 < len(code) && code[i+1] == '\n' {
					continue
				}
				c = '\n'
			}
			b = append(b, c)
		}
		code = string(b)
	}
	if !utf8.ValidString(code) {
		code = string([]rune(code))
	}
	return code
}
