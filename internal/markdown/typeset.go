package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Quotes are the marks straight quotes become in the text, in the page's
// language: Open and Close for "…", InnerOpen and InnerClose for '…'. An
// apostrophe is always ’. The zero Quotes writes English's, “…” and ‘…’.
type Quotes struct {
	Open, Close, InnerOpen, InnerClose string
}

// englishQuotes are the marks goldmark's typographer writes by default,
// as the entities &ldquo;, &rdquo;, &lsquo; and &rsquo;.
var englishQuotes = Quotes{"“", "”", "‘", "’"}

// typographerOptions returns the options of goldmark's typographer that
// write q: none for English's, whose entities it writes by default.
func (q Quotes) typographerOptions() []extension.TypographerOption {
	if q == (Quotes{}) || q == englishQuotes {
		return nil
	}
	return []extension.TypographerOption{extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  q.Open,
		extension.RightDoubleQuote: q.Close,
		extension.LeftSingleQuote:  q.InnerOpen,
		extension.RightSingleQuote: q.InnerClose,
	})}
}

// newTypesetter returns the parser Typeset reads a line of text with:
// paragraphs and the typographer, nothing else of Markdown.
func newTypesetter(q Quotes) parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 100)),
		parser.WithInlineParsers(util.Prioritized(extension.NewTypographerParser(q.typographerOptions()...), 100)),
	)
}

// Typeset returns text, plain text such as a page's title, dek or a
// chart's caption, with the marks the typographer gives the prose: quotes
// and apostrophes in the page's language, – for --, — for ---, … for ...,
// « and » for << and >>. Nothing else of Markdown is read: *, _, [, `
// and < stay as they are, and so do spaces at either end. With
// Options.Straight it returns text as it is.
func (c *Converter) Typeset(s string) string {
	if c.typesetter == nil || !strings.ContainsAny(s, `'"-.<>`) {
		return s
	}
	body := strings.TrimSpace(s)
	lead := s[:strings.Index(s, body)]
	src := []byte(body)
	doc := c.typesetter.Parse(text.NewReader(src))
	var b strings.Builder
	b.WriteString(lead)
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.Paragraph:
			if n.PreviousSibling() != nil {
				b.WriteString("\n\n")
			}
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(n.Value)))
		}
		return ast.WalkContinue
	})
	b.WriteString(s[len(lead)+len(body):])
	return b.String()
}
