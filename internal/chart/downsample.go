package chart

import (
	"math"

	"github.com/plotline/plotline/internal/data"
)

// downsample returns at most n of the points of s, first and last
// included, chosen by largest-triangle-three-buckets (Sveinn Steinarsson,
// 2013): the points between the first and the last are split into
// buckets of about equal count, and from each bucket the point is kept
// that makes the largest triangle with the point kept before it and the
// mean of the next bucket. So peaks and troughs survive where even
// sampling would skip them. The series' least and greatest values are
// always kept, in place of their buckets' choice, since the summary and
// the axis name them: a bucket holding both keeps both, and then the
// points are split into one bucket fewer (with n = 3, one bucket, both
// make four points). s is returned as it is when it has no more than n
// points.
func downsample(s []data.Point, n int) []data.Point {
	if n >= len(s) || n < 3 {
		return s
	}
	lo, hi := 0, 0 // the first least and greatest values
	for i, p := range s {
		if p.Value < s[lo].Value {
			lo = i
		}
		if p.Value > s[hi].Value {
			hi = i
		}
	}
	buckets := n - 2
	if b := bucketOf(lo, len(s), buckets); lo != hi && b >= 0 && b == bucketOf(hi, len(s), buckets) && buckets > 1 {
		buckets--
	}
	out := make([]data.Point, 0, n)
	out = append(out, s[0])
	x := func(p data.Point) float64 { return float64(p.Date.Unix()) }
	// Buckets of the points between the first and the last.
	size := float64(len(s)-2) / float64(buckets)
	prev := 0
	for b := range buckets {
		blo := int(float64(b)*size) + 1
		bhi := int(float64(b+1)*size) + 1
		if blo <= lo && lo < bhi || blo <= hi && hi < bhi {
			// An extreme of the series is in this bucket: keep it (both,
			// in date order, when both are).
			for _, i := range []int{min(lo, hi), max(lo, hi)} {
				if blo <= i && i < bhi && i != prev {
					out = append(out, s[i])
					prev = i
				}
			}
			continue
		}
		// The mean of the next bucket (the last point for the last one).
		nlo, nhi := bhi, min(int(float64(b+2)*size)+1, len(s))
		if b == buckets-1 {
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
		best, bestArea := blo, -1.0
		for i := blo; i < bhi; i++ {
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

// bucketOf returns the bucket downsample puts point i of a series of n
// points in, when it splits the points between the first and the last
// into the given number of buckets; -1 for the first and last points,
// which are kept whatever their bucket.
func bucketOf(i, n, buckets int) int {
	if i == 0 || i == n-1 {
		return -1
	}
	size := float64(n-2) / float64(buckets)
	for b := range buckets {
		if i < int(float64(b+1)*size)+1 {
			return b
		}
	}
	return buckets - 1
}
