package claim

import "testing"

// BenchmarkPhrases checks a few phrases of each kind on pages in English,
// German and French: what a build pays a claim, tables of words included.
func BenchmarkPhrases(b *testing.B) {
	d := day(2025, 4, 15)
	q, r := Quantity{Value: 12000}, Quantity{Value: 4000}
	for _, bc := range []struct {
		lang                   string
		date, number, multiple string
	}{
		{"en", "by mid-April 2025", "about 12,000", "three times as many as"},
		{"de", "bis Mitte April 2025", "etwa 12.000", "dreimal so viele wie"},
		{"fr", "d'ici la mi-avril 2025", "environ 12 000", "trois fois plus que"},
	} {
		o := Options{AsOf: asOf, Language: bc.lang}
		b.Run(bc.lang, func(b *testing.B) {
			for b.Loop() {
				if v, err := Date(bc.date, d, o); err != nil || !v.True {
					b.Fatal(bc.date, v, err)
				}
				if v, err := Number(bc.number, q, o); err != nil || !v.True {
					b.Fatal(bc.number, v, err)
				}
				if v, err := Compare(bc.multiple, q, r, o); err != nil || !v.True {
					b.Fatal(bc.multiple, v, err)
				}
			}
		})
	}
}

// BenchmarkReadLanguages reads the tables of languages/, as the first
// page in German or French does, once a process.
func BenchmarkReadLanguages(b *testing.B) {
	for b.Loop() {
		readLanguages()
	}
}

// BenchmarkBound reads the words before two values, one after a bound
// and one after plain words, as a build does for each value with words
// before it.
func BenchmarkBound(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Bound("The ward now holds more than ", Options{})
		Bound("the count in the town was ", Options{})
	}
}
