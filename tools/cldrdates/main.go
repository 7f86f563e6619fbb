// Command cldrdates writes internal/locale/dates_cldr.tsv: how every CLDR
// locale writes a date, read from CLDR's JSON release (the npm package
// cldr-dates-full, its main/*/ca-gregorian.json): the month and weekday
// names of a date, the month names of a month without its day where they
// differ ("ноябрь" for a date's "ноября"), and the patterns of a date in
// full (dateFormats' long, "d MMMM y 'г'.") and of the shorter forms
// plotline writes, by their skeletons: a date with its month shortened
// (yMMMd), a day and a month (MMMd, MMMMd), a month of a year (yMMMM,
// yMMM). A locale whose months are CLDR's placeholders (M01 to M12) is
// left out, and writes English. A locale that writes
// dates as its parent does is left out, so that package locale finds them
// by walking the tag's parents, as it does for quotation marks. The data
// is taken at generation time: nothing of the package is in the binary
// but these names and patterns.
//
// Each line of the file is a locale and its fields, separated by tabs, in
// the order of columns; a field of names holds them separated by "|",
// January or Sunday first, and is empty where the names are those of the
// field before it (a month's names without its day, where they are a
// date's).
//
// Usage, with the package unpacked in DIR (npm pack cldr-dates-full@48,
// then tar -xzf):
//
//	go run ./tools/cldrdates -cldr DIR/package -o internal/locale/dates_cldr.tsv
package main

import (
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/plotline/plotline/tools/internal/cldrjson"
)

func main() {
	cldrjson.Table{
		Tool: "cldrdates", Package: "cldr-dates-full", File: "ca-gregorian.json", Out: "dates_cldr.tsv",
		About: "CLDR's Gregorian calendar", Line: read,
		// As package locale's calendar names them.
		Columns: []string{"months", "monthsShort", "monthsAlone", "monthsAloneShort", "weekdays", "weekdaysShort",
			"long", "medium", "dayMonth", "longDayMonth", "monthYear", "monthYearShort", "monthAlone"},
	}.Main()
}

// names are CLDR's names of a calendar's months or days, by their keys
// ("1" to "12", "sun" to "sat").
type names struct{ Wide, Abbreviated map[string]string }

// read returns the fields of the locale, in the order of the columns, or
// nil for a locale whose months are CLDR's placeholders.
func read(loc cldrjson.Locale) ([]string, error) {
	own, err := cldrjson.Read[struct {
		Dates struct {
			Calendars struct {
				Gregorian struct {
					Months struct {
						Format     names `json:"format"`
						StandAlone names `json:"stand-alone"`
					}
					Days struct {
						Format names `json:"format"`
					}
					Eras struct {
						EraAbbr map[string]string
					}
					DateFormats     struct{ Long string }
					DateTimeFormats struct {
						AvailableFormats map[string]string
					}
				}
			}
		}
	}](loc)
	if err != nil {
		return nil, err
	}
	g := own.Dates.Calendars.Gregorian
	// An era in a pattern (Thai's "d MMMM G y") is written as that of the
	// years after Christ's birth, the years plotline's data are in.
	era := func(pattern string) string {
		return strings.ReplaceAll(pattern, "G", "'"+strings.ReplaceAll(g.Eras.EraAbbr["1"], "'", "''")+"'")
	}
	skeleton := func(s string) string { return era(g.DateTimeFormats.AvailableFormats[s]) }
	patterns := []string{era(g.DateFormats.Long), skeleton("yMMMd"), skeleton("MMMd"), skeleton("MMMMd"), skeleton("yMMMM"), skeleton("yMMM")}
	if slices.Contains(patterns, "") {
		return nil, fmt.Errorf("a pattern is missing: %q", patterns)
	}
	// A month alone (MMM) is kept only where it is more than the month's
	// short name: Lithuanian's and Bulgarian's number ("MM"), Japanese's
	// "M月".
	monthAlone := skeleton("MMM")
	if monthAlone == "LLL" || monthAlone == "MMM" {
		monthAlone = ""
	}
	monthKeys := strings.Fields("1 2 3 4 5 6 7 8 9 10 11 12")
	dayKeys := strings.Fields("sun mon tue wed thu fri sat")
	months, monthsShort := list(g.Months.Format.Wide, monthKeys), list(g.Months.Format.Abbreviated, monthKeys)
	alone, aloneShort := list(g.Months.StandAlone.Wide, monthKeys), list(g.Months.StandAlone.Abbreviated, monthKeys)
	// Stand-alone names the same as a date's are left out.
	if alone == months {
		alone = ""
	}
	if aloneShort == monthsShort {
		aloneShort = ""
	}
	if strings.HasPrefix(months, "M01|") {
		return nil, nil
	}
	fields := []string{months, monthsShort, alone, aloneShort, list(g.Days.Format.Wide, dayKeys), list(g.Days.Format.Abbreviated, dayKeys)}
	return append(slices.Concat(fields, patterns), monthAlone), nil
}

// list joins the names of keys, in their order, with "|".
func list(names map[string]string, keys []string) string {
	var out []string
	for _, k := range keys {
		if strings.Contains(names[k], "|") {
			log.Fatalf("the name %q holds a \"|\"", names[k])
		}
		out = append(out, names[k])
	}
	return strings.Join(out, "|")
}
