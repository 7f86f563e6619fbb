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
		// A dash or a quotation mark of more than one byte before them.
		{"", "The crowd grew—over", "over", 2},
		{"", "the organisers said “over", "over", 2},
		{"", "more\u00a0than", "more than", 2},
		{"", "more&nbsp;than ", "more than", 2},
		// A negation turns a plain bound, as a claim writes it.
		{"", "The crowd never fell below ", "at least", 1},
		{"", "it was not over ", "at most", -1},
		{"", "It has never exceeded ", "at most", -1},
		{"", "The ward won’t have fewer than ", "at least", 1},
		{"", "did not reach at least", "less than", -2},
		{"", "isn't more than", "at most", -1},
		{"", "not nearly", "", 0},
		{"", "It is not only more than ", "more than", 2},
		{"", "not long before", "", 0},
		{"", "not much more than", "", 0},
		{"", "not clear whether more than", "more than", 2},
		{"", "not a tenth of the stock, and under", "under", -2},
		// Only a negation in the bound's own clause turns it; "not as
		// many as" and "whether or not" bound nothing, or as written.
		{"", "Hospitals were not full. Admissions rose above ", "above", 2},
		{"", "Prices did not fall; they rose above ", "above", 2},
		{"", "Not surprisingly, it rose above ", "above", 2},
		{"", "Not-for-profits hold over ", "over", 2},
		{"", "There were not as many as ", "", 0},
		{"", "It is not up to ", "", 0},
		{"", "Whether or not the count stays above ", "above", 2},
		{"", "The count was not significantly above ", "above", 2},
		{"", "No ward has more than ", "at most", -1},
		{"", "The count is no longer above ", "at most", -1},
		{"", "Not once did it fall below ", "at least", 1},
		{"", "It failed to rise above ", "at most", -1},
		{"de", "Die Zahl fiel nie unter ", "mindestens", 1},
		// A negation further back, at the start of a longer subject.
		{"", "None of the wards in the county has more than ", "at most", -1},
		{"", "Not a single ward has more than ", "at most", -1},
		{"", "At no point did the ward hold more than ", "at most", -1},
		{"", "Officials did not say how many wards hold more than ", "more than", 2},
		{"", "They do not know why the count stays above ", "above", 2},
		{"", "Nobody in the county expected it to climb above ", "at most", -1},
		// A negation further back that governs words of its own, before a
		// number, or in another cell or clause, turns nothing.
		{"", "Without new funding the county has fewer than ", "fewer than", -2},
		{"", "Despite no new funding the county has fewer than ", "fewer than", -2},
		{"", "Ward No 3 holds more than ", "more than", 2},
		{"", "| North | none | more than ", "more than", 2},
		{"", "Not surprisingly the count stays above ", "above", 2},
		{"", "It will be full by May, if not over ", "over", 2},
		{"de", "Die Klinik stellt kein Personal ein und hat mehr als ", "mehr als", 2},
		{"", "The ward won’t have fewer than ", "at least", 1},
		// "up to" after a verb of a rise is where it went.
		{"", "The new rules took the total up to ", "", 0},
		{"", "Fines could go up to ", "up to", -1},
		{"", "The trust can add up to ", "up to", -1},
		{"", "The count went up to ", "", 0},
		{"", "That adds up to ", "", 0},
		{"", "It brings the total up to ", "", 0},
		{"", "prices could rise by up to ", "up to", -1},
		{"", "it costs up to ", "up to", -1},
		{"", "killing up to ", "up to", -1},
		// Words that qualify the value between the bound and it: an
		// article and a word of where the number comes from or that it
		// adds to. The bound is read without them; said keeps them.
		{"", "The county now needs more than an estimated ", "more than", 2},
		{"", "Fewer than a reported ", "fewer than", -2},
		{"", "more than a record ", "more than", 2},
		{"", "under an expected ", "under", -2},
		{"", "over a projected ", "over", 2},
		{"", "more than a total of ", "more than", 2},
		{"", "at least a further ", "at least", 1},
		{"", "no more than an additional ", "no more than", -1},
		{"", "more than an extra ", "more than", 2},
		{"", "The crowd never fell below an estimated ", "at least", 1},
		{"", "an estimated ", "", 0},
		{"", "more than the ", "", 0}, // "more than the 1,205 beds it has": another number
		{"", "more than a ", "", 0},
		{"", "twice as many as an estimated ", "", 0},
		// "a minimum of", "a maximum of", "beneath"; "past" after a verb
		// of motion or of being, not "the past".
		{"", "The ward held a minimum of ", "a minimum of", 1},
		{"", "It can take a maximum of ", "a maximum of", -1},
		{"", "at a minimum ", "at a minimum", 1},
		{"", "The count reached a maximum of ", "", 0}, // the peak itself
		{"", "Stocks fell to a minimum of ", "", 0},
		{"", "The count stayed beneath ", "beneath", -2},
		{"", "Demand rose past ", "past", 2},
		{"", "The count went past ", "past", 2},
		{"", "Demand is now past ", "past", 2},
		{"", "The new rules pushed the total past ", "past", 2},
		{"", "in the past ", "", 0},
		{"", "Demand rose over the past ", "", 0},
		{"", "Admissions rose for the past ", "", 0},
		{"", "his past ", "", 0},
		{"", "past ", "", 0},
		// "over" after a noun of dispute or feeling is "about".
		{"", "Unions are in a row over ", "", 0},
		{"", "Fears over ", "", 0},
		{"", "The dispute over ", "", 0},
		{"", "concerns over ", "", 0},
		{"", "talks over ", "", 0},
		{"", "the bitter debates over ", "", 0},
		{"", "a row over an estimated ", "", 0},
		{"", "Job cuts rose over ", "over", 2},
		{"", "The union has over ", "over", 2},
		{"de", "Wir berichten über ", "", 0},
		{"de", "Die Debatte über ", "", 0},
		{"de", "der Streit über ", "", 0},
		{"de", "Die Zahl stieg auf über ", "über", 2},
		{"fr", "En plus de ", "", 0},
		{"fr", "Il reste plus de ", "plus de", 2},
		// "over" after a verb of dispute, or of spreading across a span;
		// "über" after more verbs of speech and dispute; "half past".
		{"", "Ministers clashed over ", "", 0},
		{"", "Unions and bosses argued over ", "", 0},
		{"", "The council is split over ", "", 0},
		{"", "A stand-off over ", "", 0},
		{"", "Concerns have been raised over ", "", 0},
		{"", "The payments were spread over a total of ", "", 0},
		{"", "The cost is spread over ", "", 0},
		{"de", "Beschäftigte klagen über ", "", 0},
		{"de", "Gewerkschaft und Vorstand streiten über ", "", 0},
		{"de", "Der Konzern informierte über ", "", 0},
		{"de", "Das Land entscheidet über ", "", 0},
		{"", "It was half past ", "", 0},
		// "to a maximum of": a ceiling after "limited", the value's
		// peak after a verb of its motion.
		{"", "Stays are limited to a maximum of ", "a maximum of", -1},
		{"", "Bonuses are capped at a maximum of ", "at a maximum of", -1},
		{"", "Stocks fell to a minimum of ", "", 0},
		{"", "Prices stood at a maximum of ", "", 0},
	} {
		words, dir, _ := Bound(tc.text, Options{Language: tc.lang})
		if words != tc.words || dir != tc.dir {
			t.Errorf("Bound(%q) in %q = %q, %d; want %q, %d", tc.text, tc.lang, words, dir, tc.words, tc.dir)
		}
	}
}

// TestBoundSaid checks the words Bound says the page wrote: the bound with
// the words that qualify the number after it, which a message quotes.
func TestBoundSaid(t *testing.T) {
	for text, want := range map[string]string{
		"The county now needs more than an estimated ": "more than an estimated",
		"over a total of ":                "over a total of",
		"It never fell below a reported ": "never fell below a reported",
		"more than ":                      "more than",
	} {
		if _, _, said := Bound(text, Options{}); said != want {
			t.Errorf("Bound(%q) said %q, want %q", text, said, want)
		}
	}
}
