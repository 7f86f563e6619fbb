package chart

import (
	"math"
	"time"

	"github.com/plotline/plotline/internal/ogimage"
	"github.com/plotline/plotline/internal/words"
)

// Plot returns the chart as a social preview card draws it (package
// ogimage), with what the static chart shows in its wide frame: the same
// time and value axes, the labelled ticks, the observations (joined by a
// line in a line chart, bars in a bar chart), the projection and its band or its one other
// scenario, the limit with its label and the day the projection crosses
// it, and the name of the projected period in the site's words. A chart
// of several blocks,
// which a card cannot tell apart, gives nil, as does a Figure that Render
// did not make.
func (f Figure) Plot() *ogimage.Plot {
	m, l := f.model, f.wide
	if m == nil || l == nil || len(m.layers) != 1 {
		return nil
	}
	c := &l.c
	p := &ogimage.Plot{
		Unit:         m.unit,
		XMin:         unixTime(c.t0),
		XMax:         unixTime(c.t1),
		YMin:         c.y.Min,
		YMax:         c.y.Max,
		ObservedLine: m.kind == TypeLine,
		Projected:    m.words.Text(words.Projected),
	}
	if m.kind == TypeBar {
		p.BarWidth = c.barW / (c.right - c.left)
	}
	for _, v := range l.yTicks {
		p.YTicks = append(p.YTicks, ogimage.ValueTick{Value: v, Label: yTickLabel(m.loc, v, c.y)})
	}
	for _, t := range l.xLabels {
		p.XTicks = append(p.XTicks, ogimage.DateTick{Date: t.Date, Label: t.Label})
	}
	for _, pt := range m.layers[0].drawn {
		p.Observed = append(p.Observed, ogimage.Point{Date: pt.Date, Value: pt.Value})
	}
	if m.proj != nil {
		for _, s := range m.plot {
			p.Central = append(p.Central, ogimage.Point{Date: s.Date, Value: s.Central})
			switch {
			case m.hasLow && m.hasHigh:
				p.BandLow = append(p.BandLow, ogimage.Point{Date: s.Date, Value: s.Low})
				p.BandHigh = append(p.BandHigh, ogimage.Point{Date: s.Date, Value: s.High})
			case m.hasLow || m.hasHigh:
				p.Scenario = append(p.Scenario, ogimage.Point{Date: s.Date, Value: m.oneScenario(s)})
			}
		}
		for _, s := range m.beyond[min(1, len(m.beyond)):] {
			// On to the crossing, as the chart draws it.
			p.Central = append(p.Central, ogimage.Point{Date: s.Date, Value: s.Central})
		}
		if m.projected() {
			from, to := m.projFrom, m.projTo
			p.ProjectedFrom, p.ProjectedTo = &from, &to
		}
		if t, ok := m.crossing(); ok {
			p.Crossing, p.CrossingLabel = &t, m.crossingDate(&m.proj.Central, false)
		}
	}
	if v, ok := m.limit(); ok {
		p.Limit, p.LimitLabel, p.LimitNumber = &v, m.limitLabel(), m.limitNumber()
	}
	return p
}

// unixTime returns the time sec seconds after 1970 began, in UTC.
func unixTime(sec float64) time.Time {
	whole := math.Floor(sec)
	return time.Unix(int64(whole), int64((sec-whole)*1e9)).UTC()
}
