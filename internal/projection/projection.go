// Package projection computes where a data series is heading: the value on
// any date, the first day it reaches a limit, and a least-squares fit of
// observed values. It does no I/O.
package projection

import (
	"math"
	"slices"
	"time"
)

// Period is the unit of time a rate is expressed in.
type Period int

const (
	// Day is a calendar day.
	Day Period = iota
	// Week is seven days.
	Week
	// Month is a calendar month: from a day of one month to the same day
	// of the next (the last day of the month when it has no such day).
	Month
	// Year is a calendar year: from a date to the same date a year later
	// (28 February when that year has no 29 February).
	Year
	// Hour is sixty minutes, for a series read by the hour, such as a
	// river gauge's.
	Hour
)

// daysPerYear is the length of the mean Gregorian year.
const daysPerYear = 365.2425

// periods are the name of each period and its mean length in days: a
// month is a twelfth of the mean Gregorian year, 365.2425 days.
var periods = [...]struct {
	name string
	days float64
}{Day: {"day", 1}, Week: {"week", 7}, Month: {"month", daysPerYear / 12}, Year: {"year", daysPerYear}, Hour: {"hour", 1.0 / 24}}

// ParsePeriod returns the period named s ("hour", "day", "week", "month"
// or "year"), and false if s names none.
func ParsePeriod(s string) (Period, bool) {
	for p, e := range periods {
		if e.name == s {
			return Period(p), true
		}
	}
	return Day, false
}

// String returns the name ParsePeriod accepts for p; an unknown Period
// is a day.
func (p Period) String() string { return periods[p.known()].name }

// Days returns the mean length of p in days. Projections count months
// and years by the calendar; this is for estimates. An unknown Period
// counts as a day.
func (p Period) Days() float64 { return periods[p.known()].days }

// known returns p, or Day for an unknown Period.
func (p Period) known() Period {
	if p < 0 || int(p) >= len(periods) {
		return Day
	}
	return p
}

// Model is the shape of a projection.
type Model int

const (
	// Linear adds Rate every period.
	Linear Model = iota
	// Exponential grows by Rate percent every period, compounded continuously
	// over fractions of a period.
	Exponential
)

// ParseModel returns the model named s ("linear" or "exponential"), and
// false if s names none.
func ParseModel(s string) (Model, bool) {
	if i := slices.Index([]string{"linear", "exponential"}, s); i >= 0 {
		return Model(i), true
	}
	return Linear, false
}

// String returns the name ParseModel accepts for m.
func (m Model) String() string {
	if m == Exponential {
		return "exponential"
	}
	return "linear"
}

// Horizon is how far ahead Crossing looks, in days: a thousand years.
const Horizon = 1000 * daysPerYear

// Projection is a value that changes at a steady rate from a start date.
//
// A Linear projection is Value + Rate·n after n periods; an Exponential one
// is Value·(1 + Rate/100)^n, which needs Rate > -100. Months and years are
// counted by the calendar: a monthly projection from 1 January reaches
// n = 1 on 1 February and n = 2 on 1 March. Between two such steps n grows
// with the share of the step that has passed, counted in seconds: on
// 16 February at midnight, 15 of February's 28 days, n is 1 + 15/28.
type Projection struct {
	Start time.Time // the date of Value; normally midnight UTC
	Value float64   // the value at Start
	Rate  float64   // change per period (Linear) or percent growth per period (Exponential)
	Per   Period
	Model Model
	// Hourly makes Crossing look for the limit hour by hour rather than
	// day by day, for a series whose observations give a time of day: a
	// river read at noon that reaches its flood stage at 18:00 the next
	// day crosses on that day, not at noon the day after.
	Hourly bool
	// HasFloor and HasCeiling bound the curve: it goes no lower than
	// Floor and no higher than Ceiling, and stays there once it reaches
	// one, as an area of sea ice falling 0.16 a year stops at 0 rather
	// than going on to -4.6 million square kilometres.
	HasFloor, HasCeiling bool
	Floor, Ceiling       float64
}

// ValueAt returns the projected value at t. Dates before Start extrapolate
// backwards.
func (p Projection) ValueAt(t time.Time) float64 {
	return p.after(p.Periods(t))
}

// Periods returns the number of periods from Start to t, negative before
// Start: whole days or weeks, or calendar months or years, and the share
// of the step in progress.
func (p Projection) Periods(t time.Time) float64 {
	switch p.Per {
	case Month:
		return MonthSteps(p.Start, t, 1)
	case Year:
		return MonthSteps(p.Start, t, 12)
	}
	// Counted in seconds, so that a whole hour is exactly one, and as Unix
	// times, which do not saturate past 292 years as time.Time.Sub does.
	secs, nanos := float64(t.Unix()-p.Start.Unix()), float64(t.Nanosecond()-p.Start.Nanosecond())
	if p.Per == Hour {
		return secs/3600 + nanos/3600e9
	}
	return (secs/86400 + nanos/86400e9) / p.Per.Days()
}

// Step returns the date k periods after Start: k hours, days or weeks on,
// or k calendar months or years on (see AddMonths). Between two steps a
// Linear projection is a straight line in time.
func (p Projection) Step(k int) time.Time {
	switch p.Per {
	case Month:
		return AddMonths(p.Start, k)
	case Year:
		return AddMonths(p.Start, 12*k)
	case Week:
		return shift(p.Start, int64(k)*7*86400)
	case Hour:
		return shift(p.Start, int64(k)*3600)
	}
	return shift(p.Start, int64(k)*86400)
}

// shift returns t plus secs seconds, in t's location, counted in Unix
// seconds, which do not saturate past 292 years as a time.Duration does.
func shift(t time.Time, secs int64) time.Time {
	return time.Unix(t.Unix()+secs, int64(t.Nanosecond())).In(t.Location())
}

// MonthSteps counts the steps of the given number of calendar months
// (see AddMonths) from start to t, with the share of the step in
// progress: 13 January to 26 May is 4.42 months. Before start it is
// negative, the step t falls in counted back from start.
func MonthSteps(start, t time.Time, months int) float64 {
	sy, sm, _ := start.Date()
	ty, tm, _ := t.Date()
	k := ((ty-sy)*12 + int(tm-sm)) / months
	// k is the step t falls in, or one off: move it until
	// step(k) <= t < step(k+1), from and to, each step found once.
	from, to := AddMonths(start, k*months), AddMonths(start, (k+1)*months)
	for k > math.MinInt32 && from.After(t) {
		k--
		from, to = AddMonths(start, k*months), from
	}
	for k < math.MaxInt32 && !to.After(t) {
		k++
		from, to = to, AddMonths(start, (k+1)*months)
	}
	return float64(k) + float64(t.Unix()-from.Unix())/float64(to.Unix()-from.Unix())
}

// AddMonths returns t plus n calendar months, on t's day of the month or
// the last day of the target month when it is shorter, at t's time of day:
// a month after 31 January is 28 February, a year after 29 February 2024
// is 28 February 2025, as a projection's steps count them (time.AddDate
// would give 3 March and 1 March).
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC) // months past December roll over
	ty, tm := first.Year(), first.Month()
	last := time.Date(ty, tm+1, 0, 0, 0, 0, 0, t.Location()).Day()
	h, mi, sec := t.Clock()
	return time.Date(ty, tm, min(d, last), h, mi, sec, t.Nanosecond(), t.Location())
}

// after returns the projected value n periods after Start, within the
// floor and the ceiling. An exponential projection from 0 stays at 0,
// however large its growth: 0 times a growth that overflows would be NaN.
// A straight line that cancels to within a few units of the last binary
// place of its terms is 0, as it is in the decimals the writer gave: 0.3
// falling 0.1 a day for three days is 0, not 5.55e-17, which would be
// written in full as a value of its own size.
func (p Projection) after(n float64) float64 {
	var v float64
	switch {
	case p.Model != Exponential:
		moved := p.Rate * n
		v = p.Value + moved
		if !math.IsInf(moved, 0) && math.Abs(v) <= 0x1p-50*max(math.Abs(p.Value), math.Abs(moved)) {
			v = 0
		}
	case p.Value != 0:
		v = p.Value * math.Pow(1+p.Rate/100, n)
	}
	if p.HasFloor && v < p.Floor {
		v = p.Floor
	}
	if p.HasCeiling && v > p.Ceiling {
		v = p.Ceiling
	}
	return v
}

// Crossing returns the first day on which p reaches limit, and false if it
// never does within Horizon. Days are counted in whole days from Start
// (day 0 is Start itself) and the result is Start plus that many days;
// an Hourly projection counts whole hours from Start instead, so the
// result is the first hour at which the curve has reached the limit, on
// the day it does. When limit is above the start value, reaching it means
// the value is at least limit; when it is below, at most limit (a store
// running down); when it equals the start value, day 0 reaches it.
func (p Projection) Crossing(limit float64) (time.Time, bool) {
	at := func(d int) time.Time { return shift(p.Start, int64(d)*p.stepSeconds()) }
	if !finite(p.Value) || !finite(p.Rate) || !finite(limit) {
		return time.Time{}, false
	}
	if limit == p.Value {
		return at(0), true
	}
	up := limit > p.Value
	x, ok := p.solve(limit)
	if !ok || !(x >= 0) || x > Horizon {
		return time.Time{}, false
	}
	perDay := float64(86400 / p.stepSeconds())
	x *= perDay
	maxDay := int(math.Floor(Horizon * perDay))
	reaches := func(d int) bool { return d >= 0 && p.reaches(p.ValueAt(at(d)), limit, up) }
	// The solved fraction x is exact up to rounding; its ceiling is the
	// answer or within a step or two of it. Bracket the first step with lo
	// (does not reach) and hi (reaches), widening the bracket in doubling
	// steps in case rounding moved it further, then bisect.
	d := min(int(math.Ceil(x)), maxDay)
	var lo, hi int
	if reaches(d) {
		hi, lo = d, d-1
		for step := 1; lo >= 0 && reaches(lo); {
			hi = lo
			step *= 2
			lo = max(hi-step, -1)
		}
	} else {
		lo, hi = d, d+1
		for step := 1; !reaches(hi); {
			if hi >= maxDay {
				return time.Time{}, false
			}
			lo = hi
			step *= 2
			hi = min(lo+step, maxDay)
		}
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if reaches(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return at(hi), true
}

// stepSeconds is the length of the steps Crossing counts: a day, or an
// hour for an Hourly projection.
func (p Projection) stepSeconds() int64 {
	if p.Hourly {
		return 3600
	}
	return 86400
}

// reaches reports whether the value v has reached limit, going up or
// down, within Tolerance.
func (p Projection) reaches(v, limit float64, up bool) bool {
	tol := p.Tolerance(limit)
	return up && v >= limit-tol || !up && v <= limit+tol
}

// Tolerance is how near limit a value of p counts as the limit. A value
// that lands on the limit reaches it, as it does written in decimals:
// 10 + 0.3·41 is 22.299999999999997 in binary, and 22.3 on paper. So a
// value within a millionth of a millionth of the limit counts as the
// limit; of a linear projection, whose sums carry the rounding of the
// start's size, within as much of the start value, when that is larger.
// An exponential one's products round in proportion to the value, so
// 2,600 halving each day reaches 0.000000000001 on its own day.
func (p Projection) Tolerance(limit float64) float64 {
	if p.Model == Exponential {
		return 1e-12 * math.Abs(limit)
	}
	return 1e-12 * max(math.Abs(limit), math.Abs(p.Value))
}

// solve returns about how many days after Start the curve equals limit,
// counting months and years at their mean length, and false when it never
// does going forwards. Crossing searches from there for the exact day.
func (p Projection) solve(limit float64) (float64, bool) {
	per := p.Per.Days()
	if p.Model == Exponential {
		g := 1 + p.Rate/100
		ratio := limit / p.Value
		if p.Value == 0 || g <= 0 || g == 1 || !(ratio > 0) || !finite(ratio) {
			return 0, false
		}
		x := per * math.Log(ratio) / math.Log(g)
		return x, x > 0 && finite(x)
	}
	if p.Rate == 0 {
		return 0, false
	}
	x := (limit - p.Value) / p.Rate * per
	return x, x > 0 && finite(x)
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
