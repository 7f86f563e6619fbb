// Command cldrcompact writes internal/locale/compact_cldr.tsv: how every
// CLDR locale writes a large number with a word, in full ("84 Millionen")
// and short ("84 Mio."), read from CLDR's JSON release (the npm package
// cldr-numbers-full, its main/*/numbers.json: the long and short
// decimalFormats of the locale's default numbering system). Only the
// patterns of a million and up are taken, nine magnitudes from 10⁶ to
// 10¹⁴, as plotline writes smaller numbers in digits. A locale that
// writes them as its parent does is left out, so that package locale
// finds them by walking the tag's parents.
//
// Each line of the file is a locale, its long patterns and its short
// ones, separated by tabs; the patterns of the nine magnitudes are
// separated by "|", and each holds its plural forms as "one=0 Million;
// other=0 Millionen", with CLDR's quoting taken out and only the positive
// pattern kept. A magnitude the locale writes in digits is "0".
//
// Usage, with the package unpacked in DIR (npm pack cldr-numbers-full@48,
// then tar -xzf):
//
//	go run ./tools/cldrcompact -cldr DIR/package -o internal/locale/compact_cldr.tsv
package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/plotline/plotline/tools/internal/cldrjson"
)

// forms are CLDR's plural forms, in the order a line writes them.
var forms = []string{"zero", "one", "two", "few", "many", "other"}

func main() {
	cldrjson.Table{
		Tool: "cldrcompact", Package: "cldr-numbers-full", File: "numbers.json", Out: "compact_cldr.tsv",
		About: "CLDR's compact decimal formats", Line: read,
	}.Main()
}

// read returns the fields of the locale: its long patterns and its short
// ones.
func read(loc cldrjson.Locale) ([]string, error) {
	own, err := cldrjson.Read[struct{ Numbers map[string]json.RawMessage }](loc)
	if err != nil {
		return nil, err
	}
	var system string
	if err := json.Unmarshal(own.Numbers["defaultNumberingSystem"], &system); err != nil {
		return nil, err
	}
	var s struct {
		Long, Short struct {
			DecimalFormat map[string]string
		}
	}
	if err := json.Unmarshal(own.Numbers["decimalFormats-numberSystem-"+system], &s); err != nil {
		return nil, fmt.Errorf("decimal formats of %s: %v", system, err)
	}
	long, err := magnitudes(s.Long.DecimalFormat)
	if err != nil {
		return nil, fmt.Errorf("long: %v", err)
	}
	short, err := magnitudes(s.Short.DecimalFormat)
	if err != nil {
		return nil, fmt.Errorf("short: %v", err)
	}
	return []string{long, short}, nil
}

// magnitudes writes the patterns of 10⁶ to 10¹⁴ of one style, keyed as
// CLDR keys them ("1000000-count-one").
func magnitudes(formats map[string]string) (string, error) {
	var fields []string
	for mag := 6; mag <= 14; mag++ {
		key := "1" + strings.Repeat("0", mag)
		var field []string
		for _, form := range forms {
			p, ok := formats[key+"-count-"+form]
			if !ok {
				continue
			}
			p = unquote(strings.SplitN(p, ";", 2)[0])
			if strings.ContainsAny(p, "\t|;=\n") || strings.Count(p, "0") == 0 {
				return "", fmt.Errorf("%s-count-%s: pattern %q", key, form, p)
			}
			field = append(field, form+"="+p)
		}
		if len(field) == 0 || len(field) == 1 && strings.HasSuffix(field[0], "=0") {
			field = []string{"0"}
		}
		fields = append(fields, strings.Join(field, ";"))
	}
	return strings.Join(fields, "|"), nil
}

// unquote takes CLDR's quoting out of a pattern: a text between
// apostrophes is that text, and two apostrophes in a row are one.
func unquote(p string) string {
	if !strings.Contains(p, "'") {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\'' && i+1 < len(p) && p[i+1] == '\'':
			b.WriteByte('\'')
			i++
		case p[i] == '\'':
		default:
			b.WriteByte(p[i])
		}
	}
	return b.String()
}
