package locale

import (
	"testing"
	"time"
)

// benchTags are languages whose dates come from CLDR's tables: their own
// line (de, fr, ja, ar-IQ), a parent's (de-AT, pt-AO) or a language's
// without its script (ar-Latn).
var benchTags = []string{"de", "de-AT", "fr", "ja", "ar-IQ", "pt-AO", "ar-Latn"}

// BenchmarkNew makes the Locale of each of benchTags, as a build does
// once.
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		for _, tag := range benchTags {
			New(tag)
		}
	}
}

// BenchmarkDate writes a date in every form in each of benchTags, as the
// pages of a build do many times.
func BenchmarkDate(b *testing.B) {
	var locs []*Locale
	for _, tag := range benchTags {
		locs = append(locs, New(tag))
	}
	day := time.Date(2025, time.November, 4, 0, 0, 0, 0, time.UTC)
	var buf []byte
	for b.Loop() {
		for _, l := range locs {
			for f := Long; f <= LongMonthYear; f++ {
				buf = l.AppendDate(buf[:0], day, f)
			}
		}
	}
}
