package chart

import "testing"

// BenchmarkOption builds the option of the Kursk block as each chart type:
// a projection with its band, limit, crossing and observations, and the
// plain line and bar charts of its observations.
func BenchmarkOption(b *testing.B) {
	for _, kind := range []string{TypeProjection, TypeLine, TypeBar} {
		b.Run(kind, func(b *testing.B) {
			m, err := newModel(kursk(), kind)
			if err != nil {
				b.Fatal(err)
			}
			summary := m.summary()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.option(summary); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
