package projection

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Fit finds the projection that best matches the observations values[i] at
// dates[i] by least squares, together with its coefficient of
// determination r² (1 for a perfect fit). The projection starts at the
// earliest date, with the fitted value there as its Value.
//
// A Linear fit is a straight line through the values. An Exponential fit is
// a straight line through their logarithms, so every value must be above 0
// and r² measures the fit of the logarithms.
//
// Fit needs at least two observations on different dates.
func Fit(dates []time.Time, values []float64, per Period, model Model) (Projection, float64, error) {
	if len(dates) != len(values) {
		return Projection{}, 0, fmt.Errorf("%d dates but %d values", len(dates), len(values))
	}
	if len(dates) < 2 {
		return Projection{}, 0, fmt.Errorf("a fit needs at least 2 observations, got %d", len(dates))
	}
	start := slices.MinFunc(dates, time.Time.Compare)
	n := float64(len(dates))
	xs := make([]float64, len(dates))
	ys := make([]float64, len(values))
	var mx, my float64
	equal := true // all the values are the same
	for i := range dates {
		y := values[i]
		if !finite(y) {
			return Projection{}, 0, fmt.Errorf("value %v is not a finite number", y)
		}
		if model == Exponential {
			if y <= 0 {
				return Projection{}, 0, fmt.Errorf("an exponential fit needs values above 0, got %v", y)
			}
			y = math.Log(y)
		}
		xs[i] = Projection{Start: start, Per: per}.Periods(dates[i])
		ys[i] = y
		equal = equal && y == ys[0]
		mx += xs[i]
		my += y
	}
	mx /= n
	my /= n
	if equal {
		// Their mean is that value. Summed in binary, six times 0.7 and
		// divided by six is a hair above 0.7, and measured from it the
		// values would seem to vary by what no line explains: r² 0 for a
		// fit that is perfect.
		my = ys[0]
	}
	// size bounds the terms sxy is summed from, and so its rounding.
	var sxx, sxy, syy, size float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxx += dx * dx
		sxy += dx * dy
		syy += dy * dy
		size += (math.Abs(xs[i]) + math.Abs(mx)) * (math.Abs(ys[i]) + math.Abs(my))
	}
	if sxx == 0 {
		return Projection{}, 0, errors.New("a fit needs observations on at least 2 different dates")
	}
	slope := sxy / sxx
	if math.Abs(sxy) <= 0x1p-48*size {
		// Level, as the values' decimals give it: 0.1, 0.4 and 0.16 on
		// days 0, 1 and 3 sum to a slope of -5.95e-18 in binary, a
		// remainder of rounding that the prose would write in full.
		slope = 0
	}
	intercept := my - slope*mx
	var ssr float64
	for i := range xs {
		r := ys[i] - (intercept + slope*xs[i])
		ssr += r * r
	}
	r2 := 1.0
	if syy > 0 {
		r2 = max(0, 1-ssr/syy)
	}
	p := Projection{Start: start, Value: intercept, Rate: slope, Per: per, Model: model}
	if model == Exponential {
		p.Value = math.Exp(intercept)
		p.Rate = (math.Exp(slope) - 1) * 100
	}
	if !finite(p.Value) || !finite(p.Rate) {
		return Projection{}, 0, errors.New("the fit does not give finite numbers")
	}
	return p, r2, nil
}
