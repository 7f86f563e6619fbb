package ogimage

import (
	"testing"
)

// loop runs fn b.N times and reports, beside ns/op, the processor time
// an iteration used (cpu-ns/op), all threads and the collector included.
func loop(b *testing.B, fn func()) {
	b.ReportAllocs()
	start, ok := cpuTime()
	for b.Loop() {
		fn()
	}
	if end, ok2 := cpuTime(); ok && ok2 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkRender measures a whole card, PNG encoding included, for the
// site's example article and for a card of text only, and reports the
// size of the PNG (png-bytes).
func BenchmarkRender(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range sampleCards {
		c := s.card()
		b.Run(s.name, func(b *testing.B) {
			var size int
			loop(b, func() {
				png, err := r.Render(c)
				if err != nil {
					b.Fatal(err)
				}
				size = len(png)
			})
			b.ReportMetric(float64(size), "png-bytes")
		})
	}
}

// BenchmarkDraw measures the drawing alone, without the PNG encoder.
func BenchmarkDraw(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	c := kurskCard()
	loop(b, func() {
		if _, _, err := r.draw(c); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkNewRenderer measures parsing the fonts, done once a build.
func BenchmarkNewRenderer(b *testing.B) {
	loop(b, func() {
		if _, err := NewRenderer(); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkPaletted measures turning a drawn card into a paletted image.
func BenchmarkPaletted(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	img, _, err := r.draw(kurskCard())
	if err != nil {
		b.Fatal(err)
	}
	loop(b, func() { paletted(img) })
}
