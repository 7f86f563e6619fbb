package claim

import "testing"

// TestBound checks which words before a number Bound reads as a bound,
// in English and in the page's language, the longest run first, and
// whether they leave the number itself out (±2) or let it in (±1).
func TestBound(t *testing.T) {
	for _, tc := range []struct {
		lang, text, words string
		dir               int
	}{
		{"", "There will be no fewer than ", "no fewer than", 1},
		{"", "no more than", "no more than", -1},
		{"", "(more than", "more than", 2},
		{"", "people came, over ", "over", 2},
		{"", "greater than", "greater than", 2},
		{"", "the count was nearly ", "nearly", -2},
		{"", "spent within the next ", "within the next", -1},
		{"", "in less than", "in less than", -2},
		{"", "at most", "at most", -1},
		{"", "at least", "at least", 1},
		{"", "about ", "", 0},
		{"", "twice as many as ", "", 0}, // a comparison: the number is the other side's
		{"", "nearly as many as", "", 0},
		{"", "far more than", "", 0},
		{"", "as many as", "as many as", -1}, // "up to", as a claim reads it
		{"", "slightly more than", "slightly more than", 2},
		{"de", "doppelt so viele wie", "", 0},
		{"", "the tally reached, by the latest count, ", "", 0},
		{"", "nicht weniger als", "", 0}, // German on an English page
		{"de", "Nicht weniger als ", "nicht weniger als", 1},
		{"de", "sind es knapp ", "knapp", -2},
		{"de", "innerhalb von", "innerhalb von", -1},
		{"de", "in weniger als", "in weniger als", -2},
		{"de", "more than", "more than", 2}, // English on any page
		{"fr", "pas plus de", "pas plus de", -1},
		{"fr", "épuisées d’ici ", "d'ici", -1},
		{"fr", "jusqu’à", "jusqu'à", -1},
		{"fr", "au moins", "au moins", 1},
		{"fr", "en moins de", "en moins de", -2},
		// A number or a stop between the words and the value: the words
		// bound that number, not the value.
		{"", "Most patients were under 18 (", "", 0},
		{"", "Of those aged over 65, ", "", 0},
		{"", "Children (under 18): ", "", 0},
		{"", "Under 18: ", "", 0},
		{"", "more than: ", "", 0},
		{"", "more than **", "more than", 2},
		{"", "under $", "under", -2},
		// HTML between them is passed over.
		{"", "more than&nbsp;", "more than", 2},
		{"", "more than&#160;", "more than", 2},
		{"", "more than&#xA0;", "more than", 2},
		{"", "more than <strong>", "more than", 2},
		{"", "more than <span class=\"n\"> ", "more than", 2},
		{"", "more than&amp ", "", 0},
		{"", "more than 5 > ", "", 0},
		// A table's cell, a dash's aside or a slash between them.
		{"", "| 65 and over | ", "", 0},
		{"", "Patients aged 65 and over – ", "", 0},
		{"", "Ages 65 and over / ", "", 0},
	} {
		words, dir := Bound(tc.text, Options{Language: tc.lang})
		if words != tc.words || dir != tc.dir {
			t.Errorf("Bound(%q) in %q = %q, %d; want %q, %d", tc.text, tc.lang, words, dir, tc.words, tc.dir)
		}
	}
}
