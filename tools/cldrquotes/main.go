// Command cldrquotes writes internal/locale/quotes_cldr.tsv: the quotation
// marks of every CLDR locale whose marks are not those of its parent
// locale (English's “…” and ‘…’ at the root), read from CLDR's JSON
// release (the npm package cldr-misc-full, its main/*/delimiters.json).
// A locale whose marks are its parent's is left out, so that package
// locale finds them by walking the tag's parents, as it does for the
// minimum grouping digits. Each line is a locale and its four marks,
// opening and closing, then the inner pair, separated by tabs.
//
// Usage, with the package unpacked in DIR (npm pack cldr-misc-full@45,
// then tar -xzf):
//
//	go run ./tools/cldrquotes -cldr DIR/package -o internal/locale/quotes_cldr.tsv
package main

import "github.com/plotline/plotline/tools/internal/cldrjson"

func main() {
	cldrjson.Table{
		Tool: "cldrquotes", Package: "cldr-misc-full", File: "delimiters.json", Out: "quotes_cldr.tsv",
		About: "CLDR's delimiters", Columns: []string{"open", "close", "inner open", "inner close"},
		// The root's marks, which package locale gives a tag found
		// nowhere in the table.
		Root: []string{"“", "”", "‘", "’"},
		Line: marks,
	}.Main()
}

// marks returns the locale's quotation marks.
func marks(loc cldrjson.Locale) ([]string, error) {
	own, err := cldrjson.Read[struct {
		Delimiters struct {
			QuotationStart, QuotationEnd                   string
			AlternateQuotationStart, AlternateQuotationEnd string
		}
	}](loc)
	d := own.Delimiters
	return []string{d.QuotationStart, d.QuotationEnd, d.AlternateQuotationStart, d.AlternateQuotationEnd}, err
}
