package locale

import (
	"maps"
	"os"
	"regexp"
	"slices"
	"testing"
)

// TestTablesAsGo compares every locale of dates_cldr.tsv and
// quotes_cldr.tsv with the Go tables they replace, cldr.go and
// quotes_cldr.go: the same locales, the same calendars and marks.
func TestTablesAsGo(t *testing.T) {
	cases := regexp.MustCompile(`(?m)^\tcase "([^"]+)":$`)
	goTags := func(file string) []string {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var tags []string
		for _, m := range cases.FindAllStringSubmatch(string(src), -1) {
			tags = append(tags, m[1])
		}
		return tags
	}
	dates := goTags("cldr.go")
	if got := slices.Sorted(maps.Keys(calendarLines())); !slices.Equal(got, dates) {
		t.Fatalf("dates_cldr.tsv has %d locales, cldr.go %d", len(got), len(dates))
	}
	for _, tag := range dates {
		want, _ := cldrCalendar(tag)
		if got := readCalendar(calendarLines()[tag]); got != want {
			t.Errorf("%s: dates_cldr.tsv has\n%+v\ncldr.go has\n%+v", tag, got, want)
		}
	}
	quotes := goTags("quotes_cldr.go")
	if got := slices.Sorted(maps.Keys(quoteLines())); !slices.Equal(got, quotes) {
		t.Fatalf("quotes_cldr.tsv has %d locales, quotes_cldr.go %d", len(got), len(quotes))
	}
	for _, tag := range quotes {
		want, _ := cldrQuotes(tag)
		if got := quoteLines()[tag]; got != want.Open+"\t"+want.Close+"\t"+want.InnerOpen+"\t"+want.InnerClose {
			t.Errorf("%s: quotes_cldr.tsv has %q, quotes_cldr.go %+v", tag, got, want)
		}
	}
	t.Logf("%d calendars and %d sets of quotation marks alike", len(dates), len(quotes))
}
