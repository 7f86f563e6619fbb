// Package anchor makes the id of a heading from its text, by the rule
// GitHub and Hugo follow, so that a link written for a page on either
// keeps its target here. The Markdown converter gives headings these
// ids; the importer uses the same rule to tell a link to a heading of
// the source from one to nothing.
package anchor

import (
	"cmp"
	"strconv"
	"strings"
	"unicode"
)

// Name returns the id of a heading whose text, as a reader sees it, is
// text: lower-cased, letters, digits and marks of every script kept, a
// space made "-", "-" and "_" kept, everything else dropped. It is ""
// when nothing is left. Making ids unique on a page is the caller's
// part.
func Name(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || r == '_':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}

// Blackfriday returns the id Hugo gave a heading whose text is text on
// a site with autoHeadingIDType = "blackfriday" (Hugo's Markdown reader
// before 0.60): lower-cased letters and digits, each run of anything
// else between them one "-", none at either end ("--fast-list" is
// "fast-list").
func Blackfriday(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Set hands out the ids of one page's headings: each unique on the page.
type Set struct {
	used map[string]bool
	// next is, for each id Add has handed out, the first suffix not yet
	// tried: a page of many headings alike takes time in proportion to
	// their number, not its square.
	next map[string]int
}

// NewSet returns an empty Set.
func NewSet() *Set { return &Set{used: map[string]bool{}, next: map[string]int{}} }

// Reserve takes id, one the writer chose, so that no heading is given it.
func (s *Set) Reserve(id string) { s.used[id] = true }

// Add returns the id of a heading whose text is text, and takes it:
// Name(text), "heading" when that is empty, with "-1", "-2" and so on
// added when the page has it already.
func (s *Set) Add(text string) string {
	return s.Take(cmp.Or(Name(text), "heading"))
}

// Take returns id, with "-1", "-2" and so on added when the page has it
// already, and takes it.
func (s *Set) Take(id string) string {
	unique := id
	i := max(s.next[id], 1)
	for ; s.used[unique]; i++ {
		unique = id + "-" + strconv.Itoa(i)
	}
	s.next[id] = i
	s.used[unique] = true
	return unique
}

// Has reports whether the page has the id.
func (s *Set) Has(id string) bool { return s.used[id] }
