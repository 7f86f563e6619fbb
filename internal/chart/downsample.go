package chart

import (
	"math"
	"slices"

	"github.com/plotline/plotline/internal/data"
)

// downsample returns at most n of the points of s, first and last
// included, chosen by largest-triangle-three-buckets (Sveinn Steinarsson,
// 2013): the points between the first and the last are split into
// buckets of about equal count, and from each bucket the point is kept
// that makes the largest triangle with the point kept before it and the
// mean of the next bucket. So peaks and troughs survive where even
// sampling would skip them. The points mustKeep names are kept besides,
// each in place of its bucket's choice, and there are as many buckets
// fewer. s is returned as it is when it has no more than n points.
func downsample(s []data.Point, n int) []data.Point {
	if n >= len(s) || n < 3 {
		return s
	}
	keep := mustKeep(s, n)
	// Each bucket gives one point, or its points to keep: as many buckets
	// as leave room for them all.
	buckets := n - 2
	for buckets > 1 && 2+buckets+len(keep)-filledBuckets(keep, len(s), buckets) > n {
		buckets--
	}
	out := make([]data.Point, 0, n)
	out = append(out, s[0])
	x := func(p data.Point) float64 { return float64(p.Date.Unix()) }
	prev := 0
	for b := range buckets {
		lo, hi := bucketBounds(b, len(s), buckets)
		if len(keep) > 0 && keep[0] < hi {
			// The bucket holds points that must be kept: they stand for
			// it.
			for len(keep) > 0 && keep[0] < hi {
				out = append(out, s[keep[0]])
				prev, keep = keep[0], keep[1:]
			}
			continue
		}
		// The mean of the next bucket (the last point for the last one).
		nlo, nhi := len(s)-1, len(s)
		if b < buckets-1 {
			nlo, nhi = bucketBounds(b+1, len(s), buckets)
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

// bucketBounds returns the indexes from lo up to hi of bucket b, when the
// points of a series of m points between the first and the last are
// split into the given number of buckets.
func bucketBounds(b, m, buckets int) (lo, hi int) {
	size := float64(m-2) / float64(buckets)
	lo, hi = int(float64(b)*size)+1, int(float64(b+1)*size)+1
	if b == buckets-1 {
		hi = m - 1
	}
	return lo, hi
}

// filledBuckets returns how many of the buckets hold indexes of keep, a
// sorted list, when a series of m points is split into buckets as
// bucketBounds splits it.
func filledBuckets(keep []int, m, buckets int) int {
	n, b, last := 0, 0, -1
	for _, k := range keep {
		for _, hi := bucketBounds(b, m, buckets); k >= hi; _, hi = bucketBounds(b, m, buckets) {
			b++
		}
		if b != last {
			n, last = n+1, b
		}
	}
	return n
}

// mustKeep returns, in order, the indexes of the points between the first
// and the last of s that a drawing of n of them keeps whatever their
// shape: the least and the greatest value, which the summary names
// ("ranging from … to …"), and the labelled observations, the first of
// each run of one label, as the layout labels them, which the tooltip
// shows, when there are no more than a tenth of n of those. A drawing of
// fewer than 10 points keeps none.
func mustKeep(s []data.Point, n int) []int {
	if n < 10 {
		return nil
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
	keep := []int{lo, hi}
	if labelled := labelRuns(s); len(labelled) <= n/10 {
		keep = append(keep, labelled...)
	}
	slices.Sort(keep)
	keep = slices.Compact(keep)
	return slices.DeleteFunc(keep, func(i int) bool { return i == 0 || i == len(s)-1 })
}
