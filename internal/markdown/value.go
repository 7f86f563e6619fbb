package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// valueParser parses {{ expression }} into a ValueNode. It triggers on '{'
// and checks for the second brace itself, so heading attributes ({#id})
// are left alone, and it consumes the whole reference at once so emphasis
// and the typographer never see its inside.
type valueParser struct{}

func (valueParser) Trigger() []byte { return []byte{'{'} }

func (valueParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line[2:], []byte("}}"))
	if end < 0 {
		return nil
	}
	// In a table cell a pipe must be written "\|", as in GFM code spans.
	expr := bytes.TrimSpace(bytes.ReplaceAll(line[2:2+end], []byte(`\|`), []byte("|")))
	n := &ValueNode{Expr: string(expr), Offset: seg.Start}
	block.Advance(2 + end + 2)
	return n
}
