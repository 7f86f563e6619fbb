package claim

import "testing"

// TestBound checks which words before a number Bound reads as a bound,
// in English and in the page's language, the longest run first.
func TestBound(t *testing.T) {
	for _, tc := range []struct {
		lang, text, words string
		dir               int
	}{
		{"", "There will be no fewer than ", "no fewer than", 1},
		{"", "no more than", "no more than", -1},
		{"", "(more than", "more than", 1},
		{"", "people came, over ", "over", 1},
		{"", "greater than", "greater than", 1},
		{"", "the count was nearly ", "nearly", -1},
		{"", "spent within the next ", "within the next", -1},
		{"", "in less than", "in less than", -1},
		{"", "about ", "", 0},
		{"", "twice as many as ", "", 0}, // a comparison: the number is the other side's
		{"", "nearly as many as", "", 0},
		{"", "far more than", "", 0},
		{"", "as many as", "as many as", -1}, // "up to", as a claim reads it
		{"", "slightly more than", "slightly more than", 1},
		{"de", "doppelt so viele wie", "", 0},
		{"", "the tally reached, by the latest count, ", "", 0},
		{"", "nicht weniger als", "", 0}, // German on an English page
		{"de", "Nicht weniger als ", "nicht weniger als", 1},
		{"de", "sind es knapp ", "knapp", -1},
		{"de", "innerhalb von", "innerhalb von", -1},
		{"de", "more than", "more than", 1}, // English on any page
		{"fr", "pas plus de", "pas plus de", -1},
		{"fr", "épuisées d’ici ", "d'ici", -1},
		{"fr", "jusqu’à", "jusqu'à", -1},
		{"fr", "au moins", "au moins", 1},
	} {
		words, dir := Bound(tc.text, Options{Language: tc.lang})
		if words != tc.words || dir != tc.dir {
			t.Errorf("Bound(%q) in %q = %q, %d; want %q, %d", tc.text, tc.lang, words, dir, tc.words, tc.dir)
		}
	}
}
