package ogimage

import (
	"time"
)

// The cards below are the site's two example articles, drawn from the
// numbers their charts show (content/articles), and two cards that test
// the text: a headline too long for three lines and a card without a
// chart.

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ptr[T any](v T) *T { return &v }

const kurskTitle = "At the current rate, North Korea's force in Kursk would be spent by spring"

const kurskDek = "A straight-line reading of reported losses suggests the North Korean contingent fighting for Russia could be entirely killed or wounded within months, though every input to that sum is uncertain."

// kurskCard is the Kursk article: losses from 5 December 2024 at 92 a day,
// a band of 70 to 110 a day, the limit of 12,000 reached on 15 April 2025,
// and the curves running to 13 June 2025, past the low scenario's
// crossing on 26 May.
func kurskCard() Card {
	start, until := day("2024-12-05"), day("2025-06-13")
	days := until.Sub(start).Hours() / 24
	line := func(rate float64) []Point {
		return []Point{{start, 0}, {until, rate * days}}
	}
	return Card{
		Site:  "The Projection Desk",
		Title: kurskTitle,
		Dek:   kurskDek,
		Plot: &Plot{
			Unit: "casualties",
			XMin: start, XMax: until,
			YMin: 0, YMax: 25000,
			YTicks: []ValueTick{{0, "0"}, {5000, "5,000"}, {10000, "10,000"}, {15000, "15,000"}, {20000, "20,000"}, {25000, "25,000"}},
			XTicks: []DateTick{
				{day("2025-01-01"), "Jan 2025"}, {day("2025-02-01"), "Feb"}, {day("2025-03-01"), "Mar"},
				{day("2025-04-01"), "Apr"}, {day("2025-05-01"), "May"}, {day("2025-06-01"), "Jun"},
			},
			Observed:      []Point{{day("2025-01-06"), 3800}, {day("2025-01-13"), 3000}},
			Central:       line(92),
			BandLow:       line(70),
			BandHigh:      line(110),
			Limit:         ptr(12000.0),
			LimitLabel:    "12,000 casualties",
			Crossing:      ptr(day("2025-04-15")),
			CrossingLabel: "15 Apr 2025",
			ProjectedFrom: ptr(day("2025-01-13")),
		},
	}
}

// millbrookCard is the Millbrook article: monthly balances falling from
// 14.2 to 9.8 million dollars, a fitted fall of 0.64 a month from the
// last, reaching the floor of 4 on 4 November 2025.
func millbrookCard() Card {
	obs := []float64{14.2, 13.6, 13.1, 12.3, 11.8, 11.0, 10.4, 9.8}
	var observed []Point
	for i, v := range obs {
		observed = append(observed, Point{day("2024-07-01").AddDate(0, i, 0), v})
	}
	var central []Point
	for k := 0; k <= 10; k++ {
		central = append(central, Point{day("2025-02-01").AddDate(0, k, 0), 9.8 - 0.6433*float64(k)})
	}
	central = append(central, Point{day("2025-12-02"), 9.8 - 0.6433*(10+1.0/30)})
	return Card{
		Site:  "The Projection Desk",
		Title: "How long can Millbrook's rainy-day fund last?",
		Dek:   "An illustrative example: a fictional town's reserve is shrinking every month, and a fitted trend shows when it would hit the legal floor.",
		Plot: &Plot{
			Unit: "million dollars",
			XMin: day("2024-07-01"), XMax: day("2025-12-02"),
			YMin: 0, YMax: 15,
			YTicks: []ValueTick{{0, "0"}, {5, "5"}, {10, "10"}, {15, "15"}},
			XTicks: []DateTick{
				{day("2024-07-01"), "Jul 2024"}, {day("2024-10-01"), "Oct"}, {day("2025-01-01"), "Jan 2025"},
				{day("2025-04-01"), "Apr"}, {day("2025-07-01"), "Jul"}, {day("2025-10-01"), "Oct"},
			},
			Observed:      observed,
			Central:       central,
			Limit:         ptr(4.0),
			LimitLabel:    "4 million dollars",
			Crossing:      ptr(day("2025-11-04")),
			CrossingLabel: "4 Nov 2025",
			ProjectedFrom: ptr(day("2025-02-01")),
		},
	}
}

const longTitle = "Three years of ferry timetables, fare rises and cancelled sailings, read side by side, show how the island's lifeline slowly came apart while everyone was looking the other way"

// longTitleCard has a headline that needs an ellipsis even in three
// lines, over the Kursk chart.
func longTitleCard() Card {
	c := kurskCard()
	c.Title = longTitle
	return c
}

// textCard has no chart.
func textCard() Card {
	c := kurskCard()
	c.Plot = nil
	return c
}

// denseCard has a long daily series drawn as a line, with a fitted
// projection carried on from its last day: 1,096 noisy points that the
// drawing thins to a few a column of pixels.
func denseCard() Card {
	start := day("2022-01-01")
	var obs []Point
	seed := uint32(1)
	for i := range 1096 {
		seed = seed*1664525 + 1013904223 // a fixed sequence, the same on every run
		noise := float64(seed>>8)/float64(1<<24) - 0.5
		obs = append(obs, Point{start.AddDate(0, 0, i), 40 + 0.03*float64(i) + 6*noise})
	}
	last := obs[len(obs)-1]
	until := day("2026-06-30")
	return Card{
		Site:  "The Projection Desk",
		Title: "Reservoir levels are creeping up",
		Dek:   "Three years of daily readings, and where the trend would take them.",
		Plot: &Plot{
			Unit: "per cent full",
			XMin: start, XMax: until,
			YMin: 0, YMax: 100,
			YTicks: []ValueTick{{0, "0"}, {25, "25"}, {50, "50"}, {75, "75"}, {100, "100"}},
			XTicks: []DateTick{
				{day("2022-01-01"), "2022"}, {day("2023-01-01"), "2023"}, {day("2024-01-01"), "2024"},
				{day("2025-01-01"), "2025"}, {day("2026-01-01"), "2026"},
			},
			Observed:      obs,
			ObservedLine:  true,
			Central:       []Point{last, {until, last.Value + 0.03*until.Sub(last.Date).Hours()/24}},
			Limit:         ptr(90.0),
			LimitLabel:    "90 per cent: spillway",
			ProjectedFrom: ptr(last.Date),
		},
	}
}

var sampleCards = []struct {
	name string
	card func() Card
}{
	{"kursk", kurskCard},
	{"millbrook", millbrookCard},
	{"long-title", longTitleCard},
	{"text-only", textCard},
	{"dense", denseCard},
}
