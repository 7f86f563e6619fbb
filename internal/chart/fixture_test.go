package chart

import (
	"time"

	"github.com/plotline/plotline/internal/data"
)

// day returns midnight UTC of an ISO date.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// linearScenario samples start + rate×days daily from start to until and
// finds the first day the value reaches limit.
func linearScenario(name string, start data.Point, rate, limit float64, until time.Time) *data.Scenario {
	s := &data.Scenario{Name: name, Rate: rate}
	for d := start.Date; !d.After(until); d = d.AddDate(0, 0, 1) {
		days := d.Sub(start.Date).Hours() / 24
		v := start.Value + rate*days
		s.Curve = append(s.Curve, data.Point{Date: d, Value: v})
		if !s.Reaches && v >= limit {
			s.Reaches, s.Crossing = true, d
		}
	}
	return s
}

// kursk returns a block like the Kursk explainer's: 0 casualties on
// 5 December 2024 rising 92 a day (low 70, high 110) towards 12,000, with
// two reports in January.
func kursk() *data.Block {
	start := data.Point{Date: day("2024-12-05"), Value: 0}
	until := day("2025-06-01")
	const limit = 12000
	return &data.Block{
		Name: "losses",
		Unit: "casualties",
		Series: []data.Point{
			{Date: day("2025-01-06"), Value: 3800, Label: "Ukrainian General Staff", Source: "https://example.org/report?a=1&b=2"},
			{Date: day("2025-01-13"), Value: 3000, Label: "ISW estimate", Source: "Institute for the Study of War"},
		},
		Projection: &data.Projection{
			Start:    start,
			Per:      "day",
			Model:    "linear",
			HasLimit: true,
			Limit:    limit,
			Until:    until,
			Central:  *linearScenario("central", start, 92, limit, until),
			Low:      linearScenario("low", start, 70, limit, until),
			High:     linearScenario("high", start, 110, limit, until),
		},
		AsOf: day("2025-01-13"),
	}
}

// dataBlock shortens data.Block in test tables.
type dataBlock = data.Block
