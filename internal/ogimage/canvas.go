package ogimage

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"

	"golang.org/x/image/vector"
)

// Every product that is added to something is wrapped in float64(): the
// conversion keeps the compiler from fusing the two into one
// multiply-add, which it does on arm64 and on amd64 v3 and which rounds
// differently. So the pixels, and the PNG, are the same on every machine.

// pt is a point in pixels, y down.
type pt struct{ X, Y float64 }

// rect is a rectangle in pixels: Min inclusive, Max exclusive.
type rect struct{ X0, Y0, X1, Y1 float64 }

func (r rect) empty() bool { return !(r.X1 > r.X0 && r.Y1 > r.Y0) }

// overlaps reports whether r and s share any area.
func (r rect) overlaps(s rect) bool {
	return r.X0 < s.X1 && s.X0 < r.X1 && r.Y0 < s.Y1 && s.Y0 < r.Y1
}

// inside reports whether r lies within s.
func (r rect) inside(s rect) bool {
	return r.X0 >= s.X0 && r.X1 <= s.X1 && r.Y0 >= s.Y0 && r.Y1 <= s.Y1
}

// grow returns r with d added on every side.
func (r rect) grow(d float64) rect { return rect{r.X0 - d, r.Y0 - d, r.X1 + d, r.Y1 + d} }

// hitsSegment reports whether the segment a–b passes through r.
func (r rect) hitsSegment(a, b pt) bool {
	_, _, ok := r.segmentRange(a, b)
	return ok
}

// segmentRange returns the part of the segment a–b within r, as the
// range t0..t1 of a + t·(b−a), and false if no part is.
func (r rect) segmentRange(a, b pt) (t0, t1 float64, ok bool) {
	// Liang–Barsky: narrow the range side by side.
	t0, t1 = 0, 1
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [4][2]float64{{-dx, a.X - r.X0}, {dx, r.X1 - a.X}, {-dy, a.Y - r.Y0}, {dy, r.Y1 - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return 0, 0, false
		}
	}
	return t0, t1, true
}

// canvas is the image being drawn, with one rasterizer reused for every
// shape. It is used by one goroutine.
type canvas struct {
	img *image.RGBA
	z   vector.Rasterizer
	src image.Uniform
}

// newCanvas returns a w×h canvas filled with bg.
func newCanvas(w, h int, bg color.NRGBA) *canvas {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h))}
	draw.Draw(c.img, c.img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	return c
}

func (c *canvas) bounds() rect {
	b := c.img.Bounds()
	return rect{float64(b.Min.X), float64(b.Min.Y), float64(b.Max.X), float64(b.Max.Y)}
}

// farAway bounds the coordinates handed to the clipper: points farther
// out than this are drawn nowhere near the canvas anyway, and keeping
// them finite keeps the arithmetic finite.
const farAway = 1e9

func clampCoord(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return max(-farAway, min(farAway, v))
}

// fill paints the union of polys within clip in col, antialiased. Every
// polygon is turned to the same winding first, so overlapping polygons
// add up to one coverage, not to a hole.
//
// The rasterizer works on the bounding box of what it draws, every pixel
// of it, so polygons are drawn in groups whose box stays small: a dashed
// diagonal across the chart costs its dashes, not the chart's area. Where
// two groups of an opaque colour meet, the edge pixels they share are
// blended twice, which does not show.
func (c *canvas) fill(polys [][]pt, clip rect, col color.NRGBA) {
	clip = clipTo(clip, c.bounds())
	if clip.empty() || col.A == 0 {
		return
	}
	const maxGroupArea = 64 << 10
	var group [][]pt
	var box rect
	for _, p := range polys {
		q := clipPolygon(p, clip)
		if len(q) < 3 {
			continue
		}
		if area(q) > 0 {
			slices.Reverse(q)
		}
		b := bbox(q)
		if len(group) > 0 {
			u := union(box, b)
			if (u.X1-u.X0)*(u.Y1-u.Y0) > maxGroupArea {
				c.rasterize(group, pixelRect(box), col)
				group = group[:0]
			} else {
				b = u
			}
		}
		group = append(group, q)
		box = b
	}
	if len(group) > 0 {
		c.rasterize(group, pixelRect(box), col)
	}
}

// maxTile is the largest side of the rasterizer. Up to it, x/image/vector
// works in fixed point, whose sums are exact, so its SIMD code on amd64
// and its plain Go code elsewhere give the same pixels; past it, it works
// in floating point, which they round differently.
const maxTile = 512

// rasterize paints the union of the closed polygons polys, as the
// rasterizer adds them up (the absolute value of the winding number,
// capped at one), within r, tile by tile.
func (c *canvas) rasterize(polys [][]pt, r image.Rectangle, col color.NRGBA) {
	r = r.Intersect(c.img.Bounds())
	c.src.C = col
	for y0 := r.Min.Y; y0 < r.Max.Y; y0 += maxTile {
		for x0 := r.Min.X; x0 < r.Max.X; x0 += maxTile {
			tile := image.Rect(x0, y0, min(x0+maxTile, r.Max.X), min(y0+maxTile, r.Max.Y))
			c.z.Reset(tile.Dx(), tile.Dy())
			// Outlines beyond the tile are allowed: the rasterizer carries
			// their coverage in from the left edge.
			ox, oy := float64(tile.Min.X), float64(tile.Min.Y)
			for _, q := range polys {
				if len(q) < 3 {
					continue
				}
				c.z.MoveTo(float32(q[0].X-ox), float32(q[0].Y-oy))
				for _, v := range q[1:] {
					c.z.LineTo(float32(v.X-ox), float32(v.Y-oy))
				}
				c.z.ClosePath()
			}
			c.z.Draw(c.img, tile, &c.src, image.Point{})
		}
	}
}

// bbox returns the bounding box of p.
func bbox(p []pt) rect {
	b := rect{p[0].X, p[0].Y, p[0].X, p[0].Y}
	for _, v := range p[1:] {
		b.X0, b.Y0 = min(b.X0, v.X), min(b.Y0, v.Y)
		b.X1, b.Y1 = max(b.X1, v.X), max(b.Y1, v.Y)
	}
	return b
}

func union(a, b rect) rect {
	return rect{min(a.X0, b.X0), min(a.Y0, b.Y0), max(a.X1, b.X1), max(a.Y1, b.Y1)}
}

// pixelRect returns the whole pixels that b touches.
func pixelRect(b rect) image.Rectangle {
	return image.Rect(int(math.Floor(b.X0)), int(math.Floor(b.Y0)), int(math.Ceil(b.X1)), int(math.Ceil(b.Y1)))
}

// fillRaw paints one polygon, which may cross itself, as it is: each
// part is filled whatever its winding. The band between two scenarios
// crosses itself where they meet.
func (c *canvas) fillRaw(poly []pt, clip rect, col color.NRGBA) {
	clip = clipTo(clip, c.bounds())
	if len(poly) < 3 || clip.empty() {
		return
	}
	// Clipping a self-crossing polygon as a whole keeps its parts; the
	// rasterizer adds up the absolute coverage, so all of them are filled.
	q := clipPolygon(poly, clip)
	if len(q) < 3 {
		return
	}
	c.rasterize([][]pt{q}, pixelRect(bbox(q)), col)
}

// fillRect paints r in col. Its edges are rounded to whole pixels, so
// it is crisp and needs no rasterizer.
func (c *canvas) fillRect(r rect, col color.NRGBA) {
	pr := image.Rect(int(math.Round(clampCoord(r.X0))), int(math.Round(clampCoord(r.Y0))),
		int(math.Round(clampCoord(r.X1))), int(math.Round(clampCoord(r.Y1))))
	pr = pr.Intersect(c.img.Bounds())
	if pr.Empty() || col.A == 0 {
		return
	}
	op := draw.Over
	if col.A == 0xff {
		op = draw.Src
	}
	c.src.C = col
	draw.Draw(c.img, pr, &c.src, image.Point{}, op)
}

func clipTo(a, b rect) rect {
	return rect{max(a.X0, b.X0), max(a.Y0, b.Y0), min(a.X1, b.X1), min(a.Y1, b.Y1)}
}

// area returns the signed area of p: positive when p turns clockwise on
// screen (y down).
func area(p []pt) float64 {
	s := 0.0
	for i, a := range p {
		b := p[(i+1)%len(p)]
		s += float64(a.X*b.Y) - float64(b.X*a.Y)
	}
	return s / 2
}

// clipPolygon returns the part of p inside r (Sutherland–Hodgman), with
// coordinates first brought within farAway.
func clipPolygon(p []pt, r rect) []pt {
	out := make([]pt, len(p))
	for i, v := range p {
		out[i] = pt{clampCoord(v.X), clampCoord(v.Y)}
	}
	type side struct {
		in  func(pt) bool
		cut func(a, b pt) pt
	}
	sides := [4]side{
		{func(v pt) bool { return v.X >= r.X0 }, func(a, b pt) pt { return atX(a, b, r.X0) }},
		{func(v pt) bool { return v.X <= r.X1 }, func(a, b pt) pt { return atX(a, b, r.X1) }},
		{func(v pt) bool { return v.Y >= r.Y0 }, func(a, b pt) pt { return atY(a, b, r.Y0) }},
		{func(v pt) bool { return v.Y <= r.Y1 }, func(a, b pt) pt { return atY(a, b, r.Y1) }},
	}
	in := make([]pt, 0, len(out)+4)
	for _, s := range sides {
		if len(out) == 0 {
			break
		}
		in, out = out, in[:0]
		prev := in[len(in)-1]
		for _, v := range in {
			switch {
			case s.in(v):
				if !s.in(prev) {
					out = append(out, s.cut(prev, v))
				}
				out = append(out, v)
			case s.in(prev):
				out = append(out, s.cut(prev, v))
			}
			prev = v
		}
	}
	return out
}

// atX returns the point of the line a–b at x; a and b lie on either side.
func atX(a, b pt, x float64) pt {
	t := (x - a.X) / (b.X - a.X)
	return pt{x, a.Y + float64(t*(b.Y-a.Y))}
}

// atY returns the point of the line a–b at y; a and b lie on either side.
func atY(a, b pt, y float64) pt {
	t := (y - a.Y) / (b.Y - a.Y)
	return pt{a.X + float64(t*(b.X-a.X)), y}
}

// circle returns a regular polygon of radius r around o, with 8, 16 or
// 32 corners as r grows: a circle to the eye at the sizes drawn here. Its
// corners are built from square roots, which every machine rounds alike,
// where math.Cos and math.Sin may differ in the last bit.
func circle(o pt, r float64) []pt {
	// cos and sin of k·π/16 for k = 0…4.
	s2 := math.Sqrt(2)
	a, b := math.Sqrt(2+s2), math.Sqrt(2-s2)
	first := [5]pt{
		{1, 0},
		{math.Sqrt(2+a) / 2, math.Sqrt(2-a) / 2},
		{a / 2, b / 2},
		{math.Sqrt(2+b) / 2, math.Sqrt(2-b) / 2},
		{s2 / 2, s2 / 2},
	}
	step := 1 // in 32nds of a turn
	switch {
	case r < 3:
		step = 4
	case r < 6:
		step = 2
	}
	p := make([]pt, 0, 32/step)
	for k := 0; k < 32; k += step {
		j := k % 8
		u := first[min(j, 8-j)]
		if j > 4 {
			u.X, u.Y = u.Y, u.X
		}
		for range k / 8 { // a quarter turn
			u.X, u.Y = -u.Y, u.X
		}
		p = append(p, pt{o.X + float64(r*u.X), o.Y + float64(r*u.Y)})
	}
	return p
}

// dist returns the length of the segment a–b, without math.Hypot, whose
// multiply-add is fused on some machines and not on others.
func dist(a, b pt) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	return math.Sqrt(float64(dx*dx) + float64(dy*dy))
}

// strokePolys returns the polygons of a line of width w along line: one
// quadrilateral a segment, and a disc at every inner joint so that bends
// are round. Ends are cut square.
func strokePolys(polys [][]pt, line []pt, w float64) [][]pt {
	h := w / 2
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := dist(a, b)
		if !(l > 0) || math.IsInf(l, 0) {
			continue
		}
		nx, ny := -dy/l*h, dx/l*h
		polys = append(polys, []pt{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}})
		if i < len(line)-1 {
			polys = append(polys, circle(b, h))
		}
	}
	return polys
}

// dashes returns the pieces of line drawn by a dash pattern of on pixels
// drawn and off pixels skipped, starting with a whole dash. The line is
// walked dash by dash, so clip it first.
func dashes(line []pt, on, off float64) [][]pt {
	var out [][]pt
	var cur []pt
	drawing, left := true, on // the state, and how far it lasts
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		l := dist(a, b)
		if !(l > 0) || math.IsInf(l, 0) {
			continue
		}
		pos := 0.0
		for pos < l {
			step := min(left, l-pos)
			p0 := lerp(a, b, pos/l)
			p1 := lerp(a, b, (pos+step)/l)
			if drawing {
				if len(cur) == 0 {
					cur = append(cur, p0)
				}
				cur = append(cur, p1)
			}
			pos += step
			left -= step
			if left <= 1e-9 {
				if drawing && len(cur) > 1 {
					out = append(out, cur)
				}
				cur = nil
				drawing = !drawing
				left = on
				if !drawing {
					left = off
				}
			}
		}
	}
	if drawing && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

func lerp(a, b pt, t float64) pt {
	return pt{a.X + float64(t*(b.X-a.X)), a.Y + float64(t*(b.Y-a.Y))}
}

// thinLine returns line with no more points than its drawing needs.
// Points within half a pixel of the last one kept are dropped; of a run
// of points in one column of pixels, only the first, the lowest, the
// highest and the last are kept, in their order, which draws the same
// line. A series of 100,000 points becomes at most four a column.
func thinLine(line []pt) []pt {
	if len(line) < 3 {
		return line
	}
	out := make([]pt, 0, min(len(line), 4096))
	keep := func(v pt) {
		if n := len(out); n > 0 && math.Abs(v.X-out[n-1].X) < 0.5 && math.Abs(v.Y-out[n-1].Y) < 0.5 {
			return
		}
		out = append(out, v)
	}
	for i := 0; i < len(line); {
		col := math.Floor(line[i].X)
		j := i + 1
		lo, hi := i, i
		for j < len(line) && math.Floor(line[j].X) == col {
			if line[j].Y < line[lo].Y {
				lo = j
			}
			if line[j].Y > line[hi].Y {
				hi = j
			}
			j++
		}
		// The run is line[i:j]: its first, extremes and last, in order.
		a, b := min(lo, hi), max(lo, hi)
		for _, k := range [4]int{i, a, b, j - 1} {
			keep(line[k])
		}
		i = j
	}
	if last := line[len(line)-1]; out[len(out)-1] != last {
		out = append(out, last) // the end is where the line ends
	}
	return out
}

// clipLine returns the pieces of line that lie within r.
func clipLine(line []pt, r rect) [][]pt {
	var out [][]pt
	var cur []pt
	for i := 1; i < len(line); i++ {
		a := pt{clampCoord(line[i-1].X), clampCoord(line[i-1].Y)}
		b := pt{clampCoord(line[i].X), clampCoord(line[i].Y)}
		t0, t1, ok := r.segmentRange(a, b)
		if !ok {
			if len(cur) > 1 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		p0, p1 := lerp(a, b, t0), lerp(a, b, t1)
		if len(cur) == 0 || t0 > 0 {
			if len(cur) > 1 {
				out = append(out, cur)
			}
			cur = []pt{p0}
		}
		cur = append(cur, p1)
		if t1 < 1 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}
