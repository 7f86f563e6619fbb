// Package data turns the `data:` map of an article's front matter into
// Blocks: observed series (inline or read from a CSV beside the article)
// and projections computed with package projection. It checks the schema,
// reporting every problem at its path:line:col, and answers the field
// references that prose makes ({{ losses.crossing | approx }}).
package data

import (
	"math"
	"sort"
	"time"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/projection"
)

// Point is one observation, or one sample of a projected curve.
type Point struct {
	Date   time.Time
	Value  float64
	Label  string // who reported it, or what it is
	Source string // a URL or a name; only http(s) URLs become links
	// Places is how many decimals the value was written with when that
	// is more than its shortest form has (2.50 is 2.5 written with 2),
	// and 0 otherwise: it is shown with as many.
	Places int
	// Grain is how the date of an observation was written: by the day,
	// the month or the year, one grain for every observation of a series
	// (the parser refuses a series of two). A projection's samples are
	// ByDay.
	Grain DateGrain
}

// Scenario is one run of a block's projection: the central one, or the low
// or high one drawn as a band.
type Scenario struct {
	Name string  // "central", "low" or "high"
	Rate float64 // change per period (linear) or percent growth per period (exponential)
	// RatePlaces is Point.Places for the rate as the writer wrote it.
	RatePlaces int
	Reaches    bool // whether the limit is reached before the projection gives up
	Crossing   time.Time
	Curve      []Point // sampled from the projection start to Until, start and end included

	// run is the projection the scenario follows, and hasRun whether it
	// has one: a Scenario made by hand, as a test makes one, has only
	// its Curve.
	run    projection.Projection
	hasRun bool
}

// Hourly reports whether the scenario's crossing is found to the hour,
// for a series read by the hour or a rate per hour: its hour is then part
// of what the crossing says, as {{ block.crossing }} may show it.
func (s *Scenario) Hourly() bool { return s.hasRun && s.run.Hourly }

// ValueAt returns the scenario's value on t, a day from the projection's
// start to Until: the projection's own value, as its crossing and {{ }}
// count it, so that a table row
// between two points of Curve (which holds evenly spaced days of a long
// curved projection) says what the projection says. A Scenario without a
// projection, made by hand, interpolates linearly between the points of
// its Curve and holds its end values outside them; it is NaN without a
// Curve.
func (s *Scenario) ValueAt(t time.Time) float64 {
	if s.hasRun {
		return s.run.ValueAt(t)
	}
	c := s.Curve
	n := len(c)
	if n == 0 {
		return math.NaN()
	}
	i := sort.Search(n, func(i int) bool { return !c[i].Date.Before(t) })
	switch {
	case i == n:
		return c[n-1].Value
	case c[i].Date.Equal(t) || i == 0:
		return c[i].Value
	}
	a, b := c[i-1], c[i]
	f := float64(t.Sub(a.Date)) / float64(b.Date.Sub(a.Date))
	return a.Value + f*(b.Value-a.Value)
}

// AddMonths returns t plus n calendar months as a projection's steps
// count them: on t's day of the month, or the last day of a shorter
// month (a month after 31 January is 28 February).
func AddMonths(t time.Time, n int) time.Time { return projection.AddMonths(t, n) }

// Projection is a block's projection spec together with what it computes.
type Projection struct {
	Start    Point  // where the projection starts
	Per      string // "day", "week", "month" or "year"
	Model    string // "linear" or "exponential"
	HasLimit bool
	Limit    float64
	// LimitPlaces is Point.Places for the limit.
	LimitPlaces int
	Until       time.Time // the horizon of the curves
	Fitted      bool      // the rate came from a least-squares fit of the series
	R2          float64   // fit quality, when Fitted
	Central     Scenario
	Low         *Scenario // nil when the block has no low rate
	High        *Scenario // nil when the block has no high rate

	// HasFloor and HasCeiling say that the curves go no lower than
	// Floor and no higher than Ceiling, where they stop.
	HasFloor, HasCeiling bool
	Floor, Ceiling       float64
	// FloorPlaces and CeilingPlaces are Point.Places for them.
	FloorPlaces, CeilingPlaces int
}

// Bound reports whether v, a value of a projected curve, is p's floor or
// its ceiling, where the curve stopped: a number the writer gave, shown
// as written (with places decimals, as Point.Places) wherever it stands,
// rather than rounded as a computed one. A floor of 895.5 feet was "896"
// in the table and {{ block.value_at_until }}, and "895.5" in the summary
// that names it.
func (p *Projection) Bound(v float64) (places int, ok bool) {
	switch {
	case p == nil:
	case p.HasFloor && v == p.Floor:
		return p.FloorPlaces, true
	case p.HasCeiling && v == p.Ceiling:
		return p.CeilingPlaces, true
	}
	return 0, false
}

// Places returns the fewest decimals v, a value of one of p's curves, is
// written with wherever it is shown, in the prose's value_at_until, the
// table, the tooltip and the summary alike (ProjectedDecimals of v and
// them): those p's start was written with, and, for a value that has not
// reached p's limit, as many more as it takes for its shown form not to
// be the limit's or past it, at most nearLimitDecimals more. A rise of
// 999.7 beds a day is at 11,999.7 a day before it reaches a limit of
// 12,000: "11,999.7", not "12,000"; a fund falling to a limit of 4 that
// is at 4.002 is "4.002", not "4.00". A value that has reached the limit
// is shown as any other.
func (p *Projection) Places(v float64) int {
	places := p.Start.Decimals()
	if !p.HasLimit || math.IsNaN(v) || math.IsInf(v, 0) || p.Start.Value == p.Limit {
		return places
	}
	rising := p.Start.Value < p.Limit
	if rising && v >= p.Limit || !rising && v <= p.Limit {
		return places // reached, or on the far side from the start
	}
	d := ProjectedDecimals(v, places)
	for extra := range nearLimitDecimals + 1 {
		r := Round(v, d+extra)
		if rising && r < p.Limit || !rising && r > p.Limit {
			return pick(extra == 0, places, d+extra)
		}
		if d+extra >= MaxDecimals {
			break
		}
	}
	return places
}

// Block is one named data block of an article.
type Block struct {
	Name       string
	Unit       string      // "casualties": used in axis labels, tooltips and prose
	Series     []Point     // observations sorted by date
	Projection *Projection // nil when the block has none
	AsOf       time.Time   // the date that "days to limit" counts from
	// AsOfGrain is how AsOf is shown when it is the latest observation's
	// day, taken for want of an as_of: as that observation was written
	// ("June 2024" for one of a monthly series).
	AsOfGrain DateGrain
	CSV       string   // the CSV file the series came from, relative to the site, if any
	CSVPos    diag.Pos // where csv: names that file
	Pos       diag.Pos // where the block is declared
	// Broken is set when the block has errors of its own, reported where
	// they are; what it could not compute is then not reported again at
	// every reference to it.
	Broken bool

	// known is what Parse worked out of Series once, for every reference
	// to read (see facts); nil in a Block made otherwise.
	known *seriesFacts
}

// seriesFacts are what references read of a whole series: each reference
// to a date, to max or to min read the series again, so that 2,000 of
// {{ d.last.date }} on 100,000 observations took 6 s of CPU.
type seriesFacts struct {
	maxAt, minAt int  // the earliest observation of the greatest and of the least value
	timed        bool // some observation has a time of day
}

// factsOf works out the seriesFacts of a series sorted by date.
func factsOf(series []Point) *seriesFacts {
	f := &seriesFacts{}
	for i, p := range series {
		if p.Value > series[f.maxAt].Value {
			f.maxAt = i
		}
		if p.Value < series[f.minAt].Value {
			f.minAt = i
		}
		f.timed = f.timed || HasTime(p.Date)
	}
	return f
}

// facts returns the seriesFacts of b's series.
func (b *Block) facts() *seriesFacts {
	if b.known == nil {
		return factsOf(b.Series)
	}
	return b.known
}
