package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Expr is a parsed {{ … }} expression. It is one of
//
//	{{ losses.crossing }}                          a value, shown the default way
//	{{ losses.crossing | approx }}                 a value through a format (see Format)
//	{{ losses.first.date | date "2 January" }}     a format with an argument
//	{{ losses.crossing | claim "by spring 2025" }} a checked claim: shows the phrase
//	{{ wounded.last.value | claim "nine times as many as" killed.last.value }}
//	{{ "13 January" }}                             a literal the writer means to type
//
// A quoted string may be written in single quotes as well, '…', so that an
// expression fits in a double-quoted YAML string: title: "… {{ x | claim
// 'by spring' }}". A single-quoted string has no escapes and ends at the
// next ', so a phrase with an apostrophe goes in double quotes.
type Expr struct {
	// Literal is the text of {{ "…" }}, set when IsLiteral: words the
	// writer typed on purpose, which the check for hand-typed numbers
	// leaves alone.
	Literal   string
	IsLiteral bool
	Ref       Ref    // the value referred to
	Format    string // the format's name; "" for the default
	Arg       string // the format's argument, unquoted
	Claim     *Claim // set for `| claim "…"`
	// Abs is set for `| abs | FORMAT`: the format shows the number
	// without its sign, as abs alone does.
	Abs bool
}

// absExpr returns the expression that shows e's number as e does, but
// without its sign: "lake.rate | abs", "bal.last.value | abs | approx".
func absExpr(e Expr) string {
	switch {
	case e.Format == "" || e.Format == "abs":
		return e.Ref.String() + " | abs"
	case e.Arg != "":
		return fmt.Sprintf("%s | abs | %s %s", e.Ref, e.Format, e.Arg)
	}
	return fmt.Sprintf("%s | abs | %s", e.Ref, e.Format)
}

// absolute reports whether e shows its number without its sign: `| abs`,
// `| abs 1`, `| abs | approx`.
func (e Expr) absolute() bool { return e.Abs || e.Format == "abs" }

// Ref names a field of a data block: losses.crossing.
type Ref struct {
	Block, Field string
}

// String returns the reference as it is written: "losses.crossing".
func (r Ref) String() string { return r.Block + "." + r.Field }

// Claim is what `| claim "phrase" [other.ref]` asks: that the phrase is
// true of the value, or, with Other, of the value compared with Other's.
type Claim struct {
	Phrase string
	Other  *Ref
}

// ParseExpr parses the text between the braces of a {{ … }} expression.
func ParseExpr(src string) (Expr, error) {
	src = strings.TrimSpace(src)
	if isQuoted(src) {
		s, rest, err := unquote(src)
		if err != nil {
			return Expr{}, err
		}
		if strings.TrimSpace(rest) != "" {
			return Expr{}, fmt.Errorf("a quoted literal stands alone: {{ %q }}", s)
		}
		return Expr{Literal: s, IsLiteral: true}, nil
	}
	refText, pipeline, piped := strings.Cut(src, "|")
	ref, err := parseRef(strings.TrimSpace(refText))
	if err != nil {
		return Expr{}, err
	}
	e := Expr{Ref: ref}
	if !piped {
		return e, nil
	}
	pipeline = strings.TrimSpace(pipeline)
	if rest, ok := strings.CutPrefix(pipeline, "abs"); ok {
		if next, ok := strings.CutPrefix(strings.TrimSpace(rest), "|"); ok {
			// "a deficit of {{ bal.last.value | abs | approx }}".
			e.Abs, pipeline = true, strings.TrimSpace(next)
		}
	}
	name, arg, _ := strings.Cut(pipeline, " ")
	arg = strings.TrimSpace(arg)
	if name == "" {
		return Expr{}, errors.New("want a format after |, such as | approx")
	}
	if e.Abs && (name == "claim" || name == "abs" || name == "date") {
		return Expr{}, fmt.Errorf("abs may come before one format of a number, such as | abs | approx, not before %s", name)
	}
	if name == "claim" {
		c, err := parseClaim(arg)
		if err != nil {
			return Expr{}, err
		}
		e.Claim = c
		return e, nil
	}
	if isQuoted(arg) {
		s, rest, err := unquote(arg)
		if err != nil {
			if arg[0] == '\'' {
				return Expr{}, fmt.Errorf("format %s: %v", name, err)
			}
			return Expr{}, fmt.Errorf("format %s: argument %s is not a quoted string", name, arg)
		}
		if strings.TrimSpace(rest) != "" {
			if strings.Contains(rest, "|") {
				return Expr{}, errors.New("only one format may follow a reference, and abs before it: | abs | approx")
			}
			return Expr{}, fmt.Errorf("format %s: unexpected %q after its argument", name, strings.TrimSpace(rest))
		}
		arg = s
	} else if strings.Contains(pipeline, "|") {
		return Expr{}, errors.New("only one format may follow a reference, and abs before it: | abs | approx")
	}
	e.Format, e.Arg = name, arg
	return e, nil
}

// MaxClaimRunes is the most characters a claim's phrase may have. The
// longest phrase plotline reads has about fifty ("between a hundred and
// twenty and a hundred and fifty"); reading one and finding a phrase one
// slip away takes time that grows faster than its length, so that a
// phrase of 48 KB took 39 s and one of 1 MB did not end.
const MaxClaimRunes = 200

// parseRef reads block.field.
func parseRef(s string) (Ref, error) {
	name, field, ok := strings.Cut(s, ".")
	if !ok || !isIdent(name) || field == "" || strings.ContainsAny(field, " \t\"") {
		return Ref{}, fmt.Errorf("want a reference such as losses.crossing, got %q", s)
	}
	return Ref{Block: name, Field: field}, nil
}

// parseClaim reads what follows `claim`: a quoted phrase and, for a
// comparison, the reference it compares with.
func parseClaim(s string) (*Claim, error) {
	if !isQuoted(s) {
		return nil, errors.New(`claim: want a phrase in quotes, such as | claim "by spring 2025"`)
	}
	phrase, rest, err := unquote(s)
	if err != nil {
		return nil, fmt.Errorf("claim: %v", err)
	}
	if strings.TrimSpace(phrase) == "" {
		return nil, errors.New(`claim: the phrase is empty (want one such as "by spring 2025")`)
	}
	if n := utf8.RuneCountInString(phrase); n > MaxClaimRunes {
		return nil, fmt.Errorf(`claim: the phrase has %d characters, more than the %d a claim's phrase may have: a claim is a few words, such as "by spring 2025" or "nine times as many as"`, n, MaxClaimRunes)
	}
	c := &Claim{Phrase: phrase}
	if rest = strings.TrimSpace(rest); rest != "" {
		if strings.Contains(rest, "|") {
			return nil, errors.New("claim: nothing may follow a claim")
		}
		other, err := parseRef(rest)
		if err != nil {
			return nil, fmt.Errorf("claim %q: %v", phrase, err)
		}
		c.Other = &other
	}
	return c, nil
}

// isQuoted reports whether s starts with a quoted string, in double or
// single quotes.
func isQuoted(s string) bool {
	return strings.HasPrefix(s, `"`) || strings.HasPrefix(s, "'")
}

// unquote reads the quoted string at the start of s, double-quoted with
// Go's escapes or single-quoted without any, and returns it and what
// follows it.
func unquote(s string) (string, string, error) {
	if s[0] == '\'' {
		end := strings.IndexByte(s[1:], '\'')
		if end < 0 {
			return "", "", fmt.Errorf("unclosed quote in %s", s)
		}
		q, rest := s[1:1+end], s[2+end:]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
			// "New Year's Day": the apostrophe ended the text.
			meant := q + "'" + rest
			if i := strings.LastIndexByte(rest, '\''); i >= 0 {
				meant = q + "'" + rest[:i]
			}
			return "", "", fmt.Errorf("the ' after %q ends the quoted text: write a text with an apostrophe in double quotes, %q", q, meant)
		}
		return q, rest, nil
	}
	end := 1
	for end < len(s) && s[end] != '"' {
		if s[end] == '\\' {
			end++
		}
		end++
	}
	if end >= len(s) {
		return "", "", fmt.Errorf("unclosed quote in %s", s)
	}
	q, err := strconv.Unquote(s[:end+1])
	if err != nil {
		return "", "", fmt.Errorf("%s is not a quoted string", s[:end+1])
	}
	return q, s[end+1:], nil
}
