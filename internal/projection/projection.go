// Package projection computes where a data series is heading: the value on
// any date, the first day it reaches a limit, and a least-squares fit of
// observed values. It does no I/O.
package projection

import (
	"math"
	"time"
)

// Period is the unit of time a rate is expressed in.
type Period int

const (
	// Day is a calendar day.
	Day Period = iota
	// Week is seven days.
	Week
	// Month is a twelfth of a mean Gregorian year.
	Month
	// Year is a mean Gregorian year, 365.2425 days.
	Year
)

// daysPerYear is the length of the mean Gregorian year.
const daysPerYear = 365.2425

// ParsePeriod returns the period named s ("day", "week", "month" or
// "year"), and false if s names none.
func ParsePeriod(s string) (Period, bool) {
	switch s {
	case "day":
		return Day, true
	case "week":
		return Week, true
	case "month":
		return Month, true
	case "year":
		return Year, true
	}
	return Day, false
}

// String returns the name ParsePeriod accepts for p.
func (p Period) String() string {
	switch p {
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "day"
}

// Days returns the length of p in days. An unknown Period counts as a day.
func (p Period) Days() float64 {
	switch p {
	case Week:
		return 7
	case Month:
		return daysPerYear / 12
	case Year:
		return daysPerYear
	}
	return 1
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
	switch s {
	case "linear":
		return Linear, true
	case "exponential":
		return Exponential, true
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
// is Value·(1 + Rate/100)^n, which needs Rate > -100.
type Projection struct {
	Start time.Time // the date of Value; normally midnight UTC
	Value float64   // the value at Start
	Rate  float64   // change per period (Linear) or percent growth per period (Exponential)
	Per   Period
	Model Model
}

// ValueAt returns the projected value at t. Dates before Start extrapolate
// backwards.
func (p Projection) ValueAt(t time.Time) float64 {
	return p.at(elapsedDays(p.Start, t))
}

// elapsedDays returns the days from a to b as a float. It does not saturate
// the way time.Time.Sub does past 292 years.
func elapsedDays(a, b time.Time) float64 {
	secs := float64(b.Unix() - a.Unix())
	nanos := float64(b.Nanosecond() - a.Nanosecond())
	if nanos == 0 {
		return secs / 86400
	}
	return secs/86400 + nanos/86400e9
}

// at returns the projected value days after Start.
func (p Projection) at(days float64) float64 {
	n := days / p.Per.Days()
	if p.Model == Exponential {
		return p.Value * math.Pow(1+p.Rate/100, n)
	}
	return p.Value + p.Rate*n
}

// Crossing returns the first day on which p reaches limit, and false if it
// never does within Horizon. Days are counted in whole days from Start
// (day 0 is Start itself) and the result is Start plus that many days.
// When limit is above the start value, reaching it means the value is at
// least limit; when it is below, at most limit (a store running down); when
// it equals the start value, day 0 reaches it.
func (p Projection) Crossing(limit float64) (time.Time, bool) {
	d, ok := p.crossingDay(limit)
	if !ok {
		return time.Time{}, false
	}
	return addDays(p.Start, d), true
}

// addDays returns t plus d days of 24 hours, in t's location.
func addDays(t time.Time, d int) time.Time {
	return time.Unix(t.Unix()+int64(d)*86400, int64(t.Nanosecond())).In(t.Location())
}

func (p Projection) crossingDay(limit float64) (int, bool) {
	if !finite(p.Value) || !finite(p.Rate) || !finite(limit) {
		return 0, false
	}
	if limit == p.Value {
		return 0, true
	}
	up := limit > p.Value
	x, ok := p.solve(limit)
	if !ok || !(x >= 0) || x > Horizon {
		return 0, false
	}
	maxDay := int(math.Floor(Horizon))
	reaches := func(d int) bool {
		if d < 0 {
			return false
		}
		v := p.at(float64(d))
		if up {
			return v >= limit
		}
		return v <= limit
	}
	// The solved fraction x is exact up to rounding; its ceiling is the
	// answer or within a day or two of it. Bracket the first day with lo
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
				return 0, false
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
	return hi, true
}

// solve returns the fractional number of days after Start at which the
// exact curve equals limit, and false when it never does going forwards.
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
