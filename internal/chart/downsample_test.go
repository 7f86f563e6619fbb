package chart

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/plotline/plotline/internal/data"
)

// dailySeries returns n daily points from 2020-01-01 with the values f gives.
func dailySeries(n int, f func(i int) float64) []data.Point {
	out := make([]data.Point, n)
	for i := range out {
		out[i] = data.Point{Date: day("2020-01-01").AddDate(0, 0, i), Value: f(i)}
	}
	return out
}

func TestDownsample(t *testing.T) {
	// A flat series with one spike in the middle and a dip near the end:
	// even sampling every 40th point would miss both.
	s := dailySeries(20000, func(i int) float64 {
		switch i {
		case 10007:
			return 100
		case 19001:
			return -50
		}
		return math.Sin(float64(i) / 500)
	})
	got := downsample(s, 500)
	if len(got) != 500 {
		t.Fatalf("downsample gives %d points; want 500", len(got))
	}
	if got[0] != s[0] || got[len(got)-1] != s[len(s)-1] {
		t.Errorf("first and last points %v, %v; want %v, %v", got[0], got[len(got)-1], s[0], s[len(s)-1])
	}
	var spike, dip bool
	for i, p := range got {
		if i > 0 && !p.Date.After(got[i-1].Date) {
			t.Fatalf("point %d (%s) does not follow %s", i, isoDate(p.Date), isoDate(got[i-1].Date))
		}
		spike = spike || p.Value == 100
		dip = dip || p.Value == -50
	}
	if !spike || !dip {
		t.Errorf("kept the spike: %v, the dip: %v; want both", spike, dip)
	}
	// Every bucket gives one point: the gaps between kept points stay
	// near the bucket's width (40 days), at most two of them.
	for i := 1; i < len(got); i++ {
		if gap := got[i].Date.Sub(got[i-1].Date); gap > 81*24*time.Hour {
			t.Errorf("a gap of %v between points %d and %d; want at most two buckets", gap, i-1, i)
		}
	}
}

func TestDownsampleShort(t *testing.T) {
	s := dailySeries(10, func(i int) float64 { return float64(i) })
	for _, n := range []int{10, 11, 2} {
		if got := downsample(s, n); len(got) != len(s) {
			t.Errorf("downsample(10 points, %d) = %d points; want the 10", n, len(got))
		}
	}
	if got := downsample(s, 3); len(got) != 3 || got[0] != s[0] || got[2] != s[9] {
		t.Errorf("downsample(10 points, 3) = %v; want the first, one middle point and the last", got)
	}
}

// TestDownsampleKeepsExtremes draws random walks and noise, whose least
// and greatest values often share a bucket with a point that makes a
// larger triangle, and checks that both are drawn: the summary says
// "ranging from" them, and the drawing must reach them.
func TestDownsampleKeepsExtremes(t *testing.T) {
	for seed := range uint64(100) {
		r := rand.New(rand.NewPCG(seed, 1))
		walk := 100.0
		for _, c := range []struct {
			name string
			f    func(int) float64
		}{
			{"walk", func(int) float64 { walk += r.NormFloat64(); return walk }},
			{"noise", func(int) float64 { return r.NormFloat64() }},
		} {
			name := c.name
			s := dailySeries(5000, c.f)
			lo, hi := s[0].Value, s[0].Value
			for _, p := range s {
				lo, hi = min(lo, p.Value), max(hi, p.Value)
			}
			got := downsample(s, 500)
			if len(got) > 500 {
				t.Fatalf("%s %d: downsample gives %d points; want at most 500", name, seed, len(got))
			}
			var gotLo, gotHi bool
			for i, p := range got {
				if i > 0 && !p.Date.After(got[i-1].Date) {
					t.Fatalf("%s %d: point %d (%s) does not follow %s", name, seed, i, isoDate(p.Date), isoDate(got[i-1].Date))
				}
				gotLo, gotHi = gotLo || p.Value == lo, gotHi || p.Value == hi
			}
			if !gotLo || !gotHi {
				t.Errorf("%s %d: kept the least value %g: %v, the greatest %g: %v; want both", name, seed, lo, gotLo, hi, gotHi)
			}
		}
	}
}

func TestDownsampleExtremesInOneBucket(t *testing.T) {
	// The least and greatest values side by side, in one bucket.
	s := dailySeries(1000, func(i int) float64 {
		switch i {
		case 500:
			return 10
		case 501:
			return -10
		}
		return math.Sin(float64(i) / 50)
	})
	got := downsample(s, 100)
	if len(got) > 100 {
		t.Fatalf("downsample gives %d points; want at most 100", len(got))
	}
	var lo, hi bool
	for _, p := range got {
		lo, hi = lo || p.Value == -10, hi || p.Value == 10
	}
	if !lo || !hi {
		t.Errorf("kept -10: %v, 10: %v; want both", lo, hi)
	}
}

// TestDownsampleKeepsLabels checks that the labelled observations of a
// long series are drawn, the first of each run of one label, so that the
// tooltip can show each label; and that a series labelled all over, whose
// labels no drawing could hold, is drawn by its shape alone.
func TestDownsampleKeepsLabels(t *testing.T) {
	labels := map[int]string{1234: "Lockdown", 1235: "Lockdown", 3001: "Vaccines", 4500: "Reopening"}
	s := dailySeries(5000, func(i int) float64 { return math.Sin(float64(i) / 300) })
	for i, l := range labels {
		s[i].Label = l
	}
	got := downsample(s, 500)
	if len(got) != 500 {
		t.Errorf("downsample gives %d points; want 500", len(got))
	}
	kept := make(map[string]bool)
	for _, p := range got {
		if p.Label != "" {
			kept[isoDate(p.Date)+" "+p.Label] = true
		}
	}
	for _, i := range []int{1234, 3001, 4500} {
		if want := isoDate(s[i].Date) + " " + s[i].Label; !kept[want] {
			t.Errorf("the labelled point %s is not drawn; drawn: %v", want, kept)
		}
	}
	// A label on every other point: too many to keep.
	for i := range s {
		s[i].Label = []string{"odd", "even"}[i%2]
	}
	if got := downsample(s, 500); len(got) != 500 {
		t.Errorf("a series labelled all over: downsample gives %d points; want 500", len(got))
	}
}
