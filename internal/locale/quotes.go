package locale

import (
	_ "embed"
	"strings"
	"sync"

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

// quotesTable is CLDR's quotation marks, made by tools/cldrquotes: a line
// a locale, its name and its four marks, separated by tabs.
//
//go:embed quotes_cldr.tsv
var quotesTable string

// quoteLines indexes quotesTable once a process, on first use.
var quoteLines = sync.OnceValue(func() map[string]string { return tableLines(quotesTable) })

// quotesOf returns the marks of t: those of t or of the closest of its
// CLDR parents that has its own (pt-AO's are pt-PT's), else English's.
func quotesOf(t language.Tag) Quotes {
	q := englishQuotes
	if line, ok := ownOrParents(t, quoteLines()); ok {
		m := strings.Split(line, "\t")
		q = Quotes{m[0], m[1], m[2], m[3]}
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
