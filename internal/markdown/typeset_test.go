package markdown

import (
	"strings"
	"testing"

	"github.com/plotline/plotline/internal/diag"
)

var (
	germanQuotes = Quotes{"„", "“", "‚", "‘"}
	frenchQuotes = Quotes{"«\u202f", "\u202f»", "«\u202f", "\u202f»"}
)

// TestTypeset checks the plain text of titles, deks and captions: the
// marks the prose gets, in the page's language, and nothing else of
// Markdown read.
func TestTypeset(t *testing.T) {
	for _, tc := range []struct {
		quotes   Quotes
		in, want string
	}{
		{Quotes{}, "How long can Millbrook's fund last?", "How long can Millbrook’s fund last?"},
		{Quotes{}, `The "rainy-day" fund's 'floor'`, "The “rainy-day” fund’s ‘floor’"},
		{Quotes{}, "2024--25, not---ever...", "2024–25, not—ever…"},
		{Quotes{}, "<<Le Monde>>", "«Le Monde»"},
		{Quotes{}, "*Not* _emphasis_, [a](b), `code`, <b>x</b>, a\\'b, AT&amp;T", "*Not* _emphasis_, [a](b), `code`, <b>x</b>, a\\'b, AT&amp;T"},
		{Quotes{}, "- not a list -- 'a'", "- not a list – ‘a’"},
		{Quotes{}, "# 1. [x]: y", "# 1. [x]: y"},
		{Quotes{}, "  spaces kept 'a'  ", "  spaces kept ‘a’  "},
		{Quotes{}, "no marks at all", "no marks at all"},
		{Quotes{}, "", ""},
		{Quotes{}, "two\nlines' end", "two\nlines’ end"},
		{germanQuotes, `Das "Sondervermögen" des Bundes`, "Das „Sondervermögen“ des Bundes"},
		{germanQuotes, `Er sagt: "Das 'Ende' kommt"`, "Er sagt: „Das ‚Ende‘ kommt“"},
		{frenchQuotes, `Le "fonds" de l'État`, "Le «\u202ffonds\u202f» de l’État"},
	} {
		c := New(Options{Quotes: tc.quotes})
		if got := c.Typeset(tc.in); got != tc.want {
			t.Errorf("Typeset(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestQuotesInProse checks that the prose gets the quotes of the site's
// language, and English's entities by default and for English's marks.
func TestQuotesInProse(t *testing.T) {
	for _, tc := range []struct {
		quotes Quotes
		want   string
	}{
		{Quotes{}, "<p>Das &ldquo;Wort&rdquo; und &lsquo;das&rsquo; Wort&rsquo;s.</p>"},
		{Quotes{"“", "”", "‘", "’"}, "<p>Das &ldquo;Wort&rdquo; und &lsquo;das&rsquo; Wort&rsquo;s.</p>"},
		{germanQuotes, "<p>Das „Wort“ und ‚das‘ Wort&rsquo;s.</p>"},
		{frenchQuotes, "<p>Das «\u202fWort\u202f» und «\u202fdas\u202f» Wort&rsquo;s.</p>"},
	} {
		src := []byte("Das \"Wort\" und 'das' Wort's.\n")
		var diags diag.List
		res, err := New(Options{Quotes: tc.quotes}).Convert(&Page{Path: "a.md", Source: src, Values: fuzzValues{}, Charts: fuzzCharts{}, Links: fuzzLinks{}}, &diags)
		if err != nil || diags.HasErrors() {
			t.Fatal(err, diags.Error())
		}
		if got := strings.TrimSpace(string(res.HTML)); got != tc.want {
			t.Errorf("%q: %s; want %s", tc.quotes, got, tc.want)
		}
	}
}
