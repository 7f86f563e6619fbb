// Package highlight turns source code into HTML with chroma's CSS classes.
//
// Chroma lexes and formats every language. It takes about a millisecond
// for a 15-line snippet, so a Highlighter keeps the markup of the snippets
// it highlighted last, bounded in bytes: a rebuild that renders the same
// code again (after an edit to an article's prose, or to a template) does
// not lex it again. A cold build of distinct snippets gains nothing from it.
package highlight

import (
	"html"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// memoBytes is how much code and markup a Highlighter keeps for reuse:
// about 2,400 snippets of fifteen lines (3.4 KB each with their markup),
// so that a rebuild of a site with a thousand of them lexes none again.
const memoBytes = 8 << 20

// Highlighter renders code blocks as HTML. It is safe for concurrent use.
type Highlighter struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
	langs     sync.Map // lang → chroma.Lexer, nil when chroma knows no such language
	memo      *memo
}

// New returns a Highlighter.
func New() *Highlighter {
	return newHighlighter(memoBytes)
}

// newHighlighter returns a Highlighter that keeps up to limit bytes of
// recent snippets and their markup; a limit of 0 or less keeps none.
func newHighlighter(limit int) *Highlighter {
	return &Highlighter{
		formatter: chromahtml.New(chromahtml.WithClasses(true), chromahtml.TabWidth(4)),
		style:     styles.Fallback,
		memo:      newMemo(limit),
	}
}

// HTML returns code highlighted as the language lang, in a
// <pre class="chroma"><code> block followed by a newline. Code in a language
// chroma does not know is escaped and marked with a language-lang class.
func (h *Highlighter) HTML(lang, code string) string {
	if lang == "" {
		return plain(lang, code)
	}
	lexer := h.lookup(lang)
	if lexer == nil {
		return plain(lang, code)
	}
	k := key{lexer: lexer.Config().Name, code: code}
	if out, ok := h.memo.get(k); ok {
		return out
	}
	out, ok := h.format(lexer, code)
	if !ok {
		return plain(lang, code)
	}
	h.memo.put(k, out)
	return out
}

// lookup resolves lang once and remembers the answer.
func (h *Highlighter) lookup(lang string) chroma.Lexer {
	if v, ok := h.langs.Load(lang); ok {
		l, _ := v.(chroma.Lexer)
		return l
	}
	var l chroma.Lexer
	if found := lexers.Get(lang); found != nil {
		l = chroma.Coalesce(found)
	}
	v, _ := h.langs.LoadOrStore(lang, l)
	l, _ = v.(chroma.Lexer)
	return l
}

// format formats code with chroma's lexer and HTML formatter, and reports
// false if either fails.
func (h *Highlighter) format(lexer chroma.Lexer, code string) (string, bool) {
	it, err := lexer.Tokenise(nil, code)
	if err != nil {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(code)*12 + 64)
	if err := h.formatter.Format(&b, h.style, it); err != nil {
		return "", false
	}
	b.WriteByte('\n')
	return b.String(), true
}

// plain returns code escaped, without highlighting.
func plain(lang, code string) string {
	cls := ""
	if lang != "" {
		cls = ` class="language-` + html.EscapeString(lang) + `"`
	}
	return `<pre class="chroma"><code` + cls + `>` + html.EscapeString(code) + "</code></pre>\n"
}
