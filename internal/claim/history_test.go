package claim

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// risingDays returns a daily series of n observations from 1 January
// 1200, each one higher than the day before.
func risingDays(n int) Series {
	s := Series{Grain: ByDay, Memo: &Memo{}}
	for i := range n {
		s.Obs = append(s.Obs, Observation{Date: day(1200, 1, 1+i), Value: float64(1000 + i)})
	}
	return s
}

// manyHistoryPhrases returns n phrases of each kind of claim about a
// series' history, all different and all true of the last observation of
// risingDays: a run of rises since each day, a record under each name,
// and a rise on each earlier day.
func manyHistoryPhrases(s Series, n int) []string {
	var out []string
	for i := range n {
		d := s.Obs[len(s.Obs)-2-i].Date.Format("2 January 2006")
		noun := fmt.Sprintf("q%c%c%c", 'a'+i/676%26, 'a'+i/26%26, 'a'+i%26)
		out = append(out, "has risen every day since "+d, "the highest "+noun+" on record", "higher than on "+d)
	}
	return out
}

// BenchmarkHistoryClaims checks claims of each kind about a series of
// 300,000 days, as a page does that has checked others about it already
// (data.TestManyHistoryClaims checks many more).
func BenchmarkHistoryClaims(b *testing.B) {
	s := risingDays(300_000)
	phrases := manyHistoryPhrases(s, 1000)
	for i := 0; b.Loop(); i++ {
		if _, err := History(phrases[i%len(phrases)], s, len(s.Obs)-1, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMemoAgrees checks that claims sharing a Memo get the verdicts each
// gets alone, on short random series of every grain, with gaps, ties, and
// observations claimed about anywhere in them.
func TestMemoAgrees(t *testing.T) {
	phrases := []string{
		"the highest on record", "a record low", "the second highest on record", "the third lowest on record",
		"the highest since 2001", "the lowest since March 2002", "the highest March on record",
		"the second lowest March on record", "the lowest March since 2001",
		"has risen every year since 2001", "has fallen for 2 years in a row", "has risen for exactly 2 years in a row",
		"has risen every month since March 2002", "has fallen for 3 months in a row", "has risen for 2 quarters in a row", "has fallen for 2 weeks in a row",
		"has risen every day since 4 March 2002", "has risen for 2 days in a row",
		"up 3% on a year earlier", "higher than a month earlier", "lower than a day earlier", "doubled since 2001",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		g := Grain(1 + r.IntN(3))
		s := Series{Grain: g, Memo: &Memo{}}
		d := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		if g == ByDay {
			d = day(2002, 2, 26)
		}
		for range 1 + r.IntN(12) {
			d = g.after(d, 1)
			if r.IntN(5) == 0 {
				d = g.after(d, 1) // a gap
			}
			s.Obs = append(s.Obs, Observation{Date: d, Value: float64(r.IntN(5))})
		}
		alone := s
		alone.Memo = nil
		for range 2 {
			for _, phrase := range phrases {
				at := r.IntN(len(s.Obs))
				v, err := History(phrase, s, at, Options{})
				want, wantErr := History(phrase, alone, at, Options{})
				if !reflect.DeepEqual(v, want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Fatalf("History(%q) of observation %d of %v with a Memo = %+v, %v; alone %+v, %v", phrase, at, s.Obs, v, err, want, wantErr)
				}
			}
		}
	}
}
