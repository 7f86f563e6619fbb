package chart

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"testing"
)

// censuses is Japan's population at its censuses from 1950, ten years
// apart and then closer, and the estimates of its last two years, one
// year apart.
const censuses = `japan:
  unit: people
  series:
    - {date: 1950-10-01, value: 84114574}
    - {date: 1960-10-01, value: 94301623}
    - {date: 1970-10-01, value: 104665171}
    - {date: 1980-10-01, value: 117060396}
    - {date: 1990-10-01, value: 123611167}
    - {date: 2000-10-01, value: 126925843}
    - {date: 2008-10-01, value: 128083960}
    - {date: 2010-10-01, value: 128057352}
    - {date: 2015-10-01, value: 127094745}
    - {date: 2020-10-01, value: 126146099}
    - {date: 2023-10-01, value: 124352000}
    - {date: 2024-10-01, value: 123802000}
`

// TestBarsStandApart draws a bar chart of observations spaced unevenly,
// censuses ten years apart and estimates one year apart, and checks that
// no two bars touch in either frame: bars as wide as evenly spaced ones
// would be (60% of a twelfth of the plot) stood over each other for
// 2020, 2023 and 2024, and read as one wide bar. The live chart's bars
// are as wide as the static chart's.
func TestBarsStandApart(t *testing.T) {
	f, err := renderOne(parseBlock(t, censuses), Spec{Block: "japan", Type: TypeBar}, "c")
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Frames []any `json:"frames"`
	}
	if err := json.Unmarshal(f.Option, &env); err != nil || len(env.Frames) != 2 {
		t.Fatalf("the option has %d frames (%v); want 2", len(env.Frames), err)
	}
	frames := env.Frames
	for i, svg := range [][]byte{f.SVG, f.SVGNarrow} {
		type bar struct{ x, w float64 }
		var bars []bar
		for _, e := range xmlElements(t, svg) {
			if attr(e, "class") != "plc-bar" {
				continue
			}
			x, _ := strconv.ParseFloat(attr(e, "x"), 64)
			w, _ := strconv.ParseFloat(attr(e, "width"), 64)
			bars = append(bars, bar{x, w})
		}
		if len(bars) != 12 {
			t.Fatalf("frame %d draws %d bars; want 12", i, len(bars))
		}
		slices.SortFunc(bars, func(a, b bar) int { return int(math.Copysign(1, a.x-b.x)) })
		for j := 1; j < len(bars); j++ {
			if gap := bars[j].x - (bars[j-1].x + bars[j-1].w); gap < 0.5 {
				t.Errorf("frame %d: bars %d and %d, %.1f wide, stand %.1f apart; want them apart", i, j-1, j, bars[j].w, gap)
			}
		}
		live := dig(frames[i], "option", "series", 0, "barWidth")
		if want := strconv.FormatFloat(math.Round(bars[0].w*10)/10, 'f', -1, 64); live != want {
			t.Errorf("frame %d: the live chart's bars are %v wide; want %s, as the static chart's", i, live, want)
		}
	}
}
