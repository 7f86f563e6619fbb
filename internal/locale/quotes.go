package locale

import (
	"strings"

	"golang.org/x/text/language"
)

// Quotes are the quotation marks a language writes: Open and Close around
// a quotation, InnerOpen and InnerClose around a quotation inside one.
type Quotes struct {
	Open, Close, InnerOpen, InnerClose string
}

// englishQuotes are English's marks, “…” and ‘…’, which CLDR's root
// locale has too.
var englishQuotes = Quotes{"“", "”", "‘", "’"}

// Quotes returns the quotation marks of l's language as CLDR gives them
// (German „…“ and ‚…‘, Dutch ‘…’, Portuguese of Portugal «…» and “…”),
// with French's narrow no-break space inside its guillemets, « … », which
// CLDR's marks leave to the writer. The nil Locale writes English's.
func (l *Locale) Quotes() Quotes {
	if l == nil || l.quotes == (Quotes{}) {
		return englishQuotes
	}
	return l.quotes
}

// quotesOf returns the marks of t: those of t or of the closest of its
// CLDR parents that has its own (pt-AO's are pt-PT's), else English's.
// The table, quotes_cldr.go, is made by tools/cldrquotes.
func quotesOf(t language.Tag) Quotes {
	q, ok := ownOrParents(t, cldrQuotes)
	if !ok {
		q = englishQuotes
	}
	if base, _, _ := t.Raw(); base.String() == "fr" {
		q = Quotes{spaced(q.Open, true), spaced(q.Close, false), spaced(q.InnerOpen, true), spaced(q.InnerClose, false)}
	}
	return q
}

// spaced puts a narrow no-break space inside a guillemet, after an
// opening one and before a closing one; other marks are returned as they
// are.
func spaced(mark string, open bool) string {
	if !strings.ContainsAny(mark, "«»‹›") {
		return mark
	}
	if open {
		return mark + "\u202f"
	}
	return "\u202f" + mark
}
