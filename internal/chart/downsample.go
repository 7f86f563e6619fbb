package chart

import (
	"math"

	"github.com/plotline/plotline/internal/data"
)

// downsample returns n of the points of s, first and last included, chosen
// by largest-triangle-three-buckets (Sveinn Steinarsson, 2013): the points
// between the first and the last are split into n-2 buckets of about equal
// count, and from each bucket the point is kept that makes the largest
// triangle with the point kept before it and the mean of the next bucket.
// So peaks and troughs survive where even sampling would skip them. s is
// returned as it is when it has no more than n points.
func downsample(s []data.Point, n int) []data.Point {
	if n >= len(s) || n < 3 {
		return s
	}
	out := make([]data.Point, 0, n)
	out = append(out, s[0])
	x := func(p data.Point) float64 { return float64(p.Date.Unix()) }
	// Buckets of the points between the first and the last.
	size := float64(len(s)-2) / float64(n-2)
	prev := 0
	for b := range n - 2 {
		lo := int(float64(b)*size) + 1
		hi := int(float64(b+1)*size) + 1
		// The mean of the next bucket (the last point for the last one).
		nlo, nhi := hi, min(int(float64(b+2)*size)+1, len(s))
		if b == n-3 {
			nlo, nhi = len(s)-1, len(s)
		}
		var mx, my float64
		for _, p := range s[nlo:nhi] {
			mx += x(p)
			my += p.Value
		}
		mx /= float64(nhi - nlo)
		my /= float64(nhi - nlo)
		ax, ay := x(s[prev]), s[prev].Value
		best, bestArea := lo, -1.0
		for i := lo; i < hi; i++ {
			area := math.Abs((ax-mx)*(s[i].Value-ay) - (ax-x(s[i]))*(my-ay))
			if area > bestArea {
				best, bestArea = i, area
			}
		}
		out = append(out, s[best])
		prev = best
	}
	return append(out, s[len(s)-1])
}
