package claim

import (
	"slices"
	"strings"
)

// parser walks the tokens of one phrase. Every method that reads
// something either consumes it and reports true, or leaves the position as
// it was and reports false, so alternatives can be tried one after another.
type parser struct {
	toks   []token
	pos    int
	reason string // why a phrase of the right kind is wrong, once known
	noAnd  bool   // "and" ends a number, as in "between a hundred and fifty"
}

func newParser(phrase string) *parser { return &parser{toks: lex(phrase)} }

// done reports whether every token has been read.
func (p *parser) done() bool { return p.pos == len(p.toks) }

// peek returns the token i places ahead, or a zero token past the end.
func (p *parser) peek(i int) token {
	if p.pos+i < len(p.toks) {
		return p.toks[p.pos+i]
	}
	return token{kind: -1}
}

// seq consumes the tokens whose texts are ws, in order, or nothing.
func (p *parser) seq(ws ...string) bool {
	if !p.matches(ws) {
		return false
	}
	p.pos += len(ws)
	return true
}

// back returns to start, where a reader began, and reports false: what
// it reads is not there.
func (p *parser) back(start int) bool {
	p.pos = start
	return false
}

// opt consumes the token w if it comes next.
func (p *parser) opt(w string) { p.seq(w) }

// oneOf consumes the next token if its text is one of ws and returns it.
func (p *parser) oneOf(ws ...string) (string, bool) {
	t := p.peek(0)
	if t.kind < 0 || !slices.Contains(ws, t.text) {
		return "", false
	}
	p.pos++
	return t.text, true
}

// phrase is one entry of a vocabulary table: a run of words and what it stands for.
type phrase[T any] struct {
	words []string
	is    T
}

// longest consumes the longest entry of table that comes next and returns
// what it stands for.
func longest[T any](p *parser, table []phrase[T]) (T, bool) {
	best := -1
	for i, e := range table {
		if (best < 0 || len(e.words) > len(table[best].words)) && p.matches(e.words) {
			best = i
		}
	}
	if best < 0 {
		var zero T
		return zero, false
	}
	p.pos += len(table[best].words)
	return table[best].is, true
}

// matches reports whether the next tokens are ws, without consuming them.
func (p *parser) matches(ws []string) bool {
	for i, w := range ws {
		if t := p.peek(i); t.kind < 0 || t.text != w {
			return false
		}
	}
	return true
}

// pick returns a when cond holds, and b otherwise.
func pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}

// runs returns a table entry for each run of words of alts, split by
// "|", each standing for is.
func runs[T any](is T, alts string) []phrase[T] {
	var out []phrase[T]
	for _, run := range strings.Split(alts, "|") {
		out = append(out, phrase[T]{strings.Fields(run), is})
	}
	return out
}
