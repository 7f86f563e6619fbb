package chart

import (
	"testing"

	"github.com/plotline/plotline/internal/data"
)

// BenchmarkOption builds the option of the Kursk block as each chart type:
// a projection with its band, limit, crossing and observations, and the
// plain line and bar charts of its observations.
func BenchmarkOption(b *testing.B) {
	for _, kind := range []string{TypeProjection, TypeLine, TypeBar} {
		b.Run(kind, func(b *testing.B) {
			m, err := newModel([]*data.Block{kursk()}, nil, kind, nil)
			if err != nil {
				b.Fatal(err)
			}
			summary := m.summary()
			fr := frames(DefaultHeight)
			layouts := [2]*layout{m.layout(fr[0]), m.layout(fr[1])}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.option(summary, layouts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
