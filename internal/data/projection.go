package data

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/projection"
	"github.com/plotline/plotline/internal/yamlpos"
)

// LastDay returns the last day a projection may reach and a chart may
// draw: dates are written with four-digit years (in the data file, the
// chart's option and the preview card's), and the chart's script reads no
// later one.
func LastDay() time.Time { return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC) }

// FirstDay returns the first day a chart may draw, 1 January of the year
// 0, the first with a four-digit year (a date of the data may be that
// early; Go's zero time is a year later).
func FirstDay() time.Time { return time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC) }

// maxCurvePoints is how many intervals a long curve that is not a straight
// line is sampled at; curves spanning fewer days are sampled daily.
const maxCurvePoints = 400

// projection reads the projection of block b, declared at key with value
// val, and computes its scenarios. It returns nil when the spec has errors
// that leave nothing to compute.
func (p *parser) projection(b *Block, key, val *yaml.Node, seriesOK bool) *Projection {
	if yamlpos.Resolve(val).Kind != yaml.MappingNode {
		p.errorf(val, "projection: want a mapping with start and rate, got %s", yamlpos.Describe(val))
		return nil
	}
	f := p.mapping(val, "in projection", []string{"start", "rate", "per", "model", "limit", "until", "low", "high", "floor", "ceiling"})
	out := &Projection{Per: "day", Model: "linear"}
	ok := true

	per := projection.Day
	if n, has := f["per"]; has {
		if s, good := p.text("per", n.val); !good {
			ok = false
		} else if per, good = projection.ParsePeriod(s); !good {
			ok = p.errorf(n.val, "unknown period %q (want hour, day, week, month or year)%s", s, periodHint(s))
		}
	}
	model := projection.Linear
	if n, has := f["model"]; has {
		if s, good := p.text("model", n.val); !good {
			ok = false
		} else if model, good = projection.ParseModel(s); !good {
			ok = p.errorf(n.val, "unknown model %q (want linear or exponential)%s", s, modelHint(s))
		}
	}
	out.Per, out.Model = per.String(), model.String()

	// Start: a point, or the latest observation.
	n, hasStart := f["start"]
	switch {
	case !hasStart || isWord(n.val, "last"):
		obs := len(b.Series)
		switch {
		case obs > 1 && b.Series[obs-2].Date.Equal(b.Series[obs-1].Date) && b.Series[obs-2].Value != b.Series[obs-1].Value:
			// Two sources' figures of the latest day: which one the
			// projection starts from is the order of the lines.
			at := key
			if hasStart {
				at = n.val
			}
			a, z := b.Series[obs-2], b.Series[obs-1]
			ok = p.errorf(at, "projection: the latest observation, of %s, has two values, %s and %s (two sources?), and the projection would start from the one written last; give its start: start: {date: %s, value: N}",
				a.Date.Format(dateLayout), num(a.Value), num(z.Value), a.Date.Format("2006-01-02"))
		case obs > 0:
			// The start is that observation, shown as it was written.
			last := b.Series[obs-1]
			out.Start = Point{Date: last.Date, Value: last.Value, Places: last.Places, Grain: last.Grain}
		case !seriesOK:
			ok = false // the series has errors of its own, already reported
		case hasStart:
			ok = p.errorf(n.val, "start: last needs at least one observation")
		default:
			ok = p.errorf(key, "projection: missing start (want start: {date: YYYY-MM-DD, value: N}, or a series to start from its latest observation)")
		}
	case yamlpos.Resolve(n.val).Kind == yaml.MappingNode:
		sf := p.mapping(n.val, "in start", []string{"date", "value"})
		if d, has := sf["date"]; has {
			var good bool
			out.Start.Date, good = p.date("date", d.val)
			ok = ok && good
		} else {
			ok = p.errorf(n.val, "start: missing date")
		}
		if v, has := sf["value"]; has {
			var good bool
			out.Start.Value, out.Start.Places, good = p.numberPlaces("value", v.val)
			ok = ok && good
		} else {
			ok = p.errorf(n.val, "start: missing value")
		}
	default:
		ok = p.errorf(n.val, "start: want last or {date: YYYY-MM-DD, value: N}, got %s", yamlpos.Describe(n.val))
	}

	// Rate: a number, or fit.
	var rateNode *yaml.Node
	if n, has := f["rate"]; !has {
		ok = p.errorf(key, "projection: missing rate")
	} else if rateNode = n.val; isWord(n.val, "fit") {
		out.Fitted = true
	} else {
		var good bool
		out.Central.Rate, out.Central.RatePlaces, good = p.numberPlaces("rate", n.val)
		ok = ok && good
	}
	if out.Fitted && ok {
		if len(b.Series) < 2 {
			ok = p.errorf(rateNode, "rate: fit needs at least 2 observations, got %d", len(b.Series))
		} else if f := p.fit(b.Series, per, model); f.err != nil {
			ok = p.errorf(rateNode, "rate: %v", f.err)
		} else {
			out.Central.Rate, out.R2 = f.rate, f.r2
		}
	}
	if ok && model == projection.Exponential && out.Central.Rate <= -100 {
		ok = p.errorf(rateNode, "rate: an exponential rate must be above -100 (percent per period), got %s", num(out.Central.Rate))
	}

	var limitNode *yaml.Node
	if n, has := f["limit"]; has {
		limitNode = n.val
		var good bool
		out.Limit, out.LimitPlaces, good = p.numberPlaces("limit", n.val)
		out.HasLimit = good
	}
	// A floor and a ceiling: the least and the greatest value the
	// quantity can take, a count or an area 0, a share 100.
	bound := func(name string) (float64, int, *yaml.Node, bool) {
		n, has := f[name]
		if !has {
			return 0, 0, nil, false
		}
		v, places, good := p.numberPlaces(name, n.val)
		ok = ok && good
		return v, places, n.val, good
	}
	floor, floorPlaces, floorNode, hasFloor := bound("floor")
	ceiling, ceilingPlaces, ceilingNode, hasCeiling := bound("ceiling")
	out.HasFloor, out.Floor, out.HasCeiling, out.Ceiling = hasFloor, floor, hasCeiling, ceiling
	out.FloorPlaces, out.CeilingPlaces = floorPlaces, ceilingPlaces
	if hasFloor && hasCeiling && !(floor < ceiling) {
		ok = p.errorf(ceilingNode, "ceiling %s is not above floor %s: the floor is the least value the projection can take, the ceiling the greatest", num(ceiling), num(floor))
	}
	var untilNode *yaml.Node
	if n, has := f["until"]; has {
		untilNode = n.val
		var good bool
		out.Until, good = p.date("until", n.val)
		ok = ok && good
	}
	scenario := func(name string) *Scenario {
		n, has := f[name]
		if !has {
			return nil
		}
		r, rp, good := p.numberPlaces(name, n.val)
		if !good {
			return nil
		}
		if model == projection.Exponential && r <= -100 {
			p.errorf(n.val, "%s: an exponential rate must be above -100 (percent per period), got %s", name, num(r))
			return nil
		}
		return &Scenario{Name: name, Rate: r, RatePlaces: rp}
	}
	out.Low, out.High = scenario("low"), scenario("high")
	if !ok {
		return nil
	}
	p.checkBand(out, rateNode, f)
	switch {
	case hasFloor && out.Start.Value < floor:
		p.errorf(floorNode, "floor %s is above the projection's start, %s: the floor is the least value the projection can take", num(floor), num(out.Start.Value))
		return nil
	case hasCeiling && out.Start.Value > ceiling:
		p.errorf(ceilingNode, "ceiling %s is below the projection's start, %s: the ceiling is the greatest value the projection can take", num(ceiling), num(out.Start.Value))
		return nil
	case out.HasLimit && hasFloor && out.Limit < floor:
		p.errorf(limitNode, "limit %s is below the floor %s, under which the projection never goes: it is never reached", num(out.Limit), num(floor))
		out.HasLimit = false
	case out.HasLimit && hasCeiling && out.Limit > ceiling:
		p.errorf(limitNode, "limit %s is above the ceiling %s, over which the projection never goes: it is never reached", num(out.Limit), num(ceiling))
		out.HasLimit = false
	}

	out.Central.Name = "central"
	// A series read by the hour crosses on the day its curve does, which
	// whole days counted from a reading at noon would miss by one; a rate
	// per hour crosses at an hour too.
	hourly := per == projection.Hour || HasTime(out.Start.Date) || b.facts().timed
	scenarios := []*Scenario{&out.Central}
	for _, s := range []*Scenario{out.Low, out.High} {
		if s != nil {
			scenarios = append(scenarios, s)
		}
	}
	for _, s := range scenarios {
		s.run = projection.Projection{Start: out.Start.Date, Value: out.Start.Value, Rate: s.Rate, Per: per, Model: model, Hourly: hourly,
			HasFloor: hasFloor, Floor: floor, HasCeiling: hasCeiling, Ceiling: ceiling}
		if out.HasLimit {
			s.Crossing, s.Reaches = s.run.Crossing(out.Limit)
		}
	}
	// A rate that cannot reach the limit is most often one written with
	// the wrong sign. A level projection (rate 0), as of a reservoir that
	// holds its level above its floor, reaches none on purpose when a
	// scenario of its band does: the limit is there for that one.
	scenarioReaches := out.Low != nil && out.Low.Reaches || out.High != nil && out.High.Reaches
	if out.HasLimit && !out.Central.Reaches && (out.Central.Rate != 0 || !scenarioReaches) {
		p.errorf(limitNode, "limit %s is never reached: %s", num(out.Limit), unreachable(out.Central.run, out.Limit, out.Fitted))
	}
	for _, s := range scenarios {
		if !s.Reaches || s.Crossing.IsZero() {
			continue
		}
		if tol, moved, bad := tooFine(s.run, out.Limit, hourly); bad {
			at, what := pick(s.Name != "central", f[s.Name].val, limitNode), "the "+scenarioWords(s)
			fix := "check the rate and the limit"
			if model == projection.Linear {
				fix += fmt.Sprintf(", or count the change from the start instead (start at 0 and a limit of %s)", num(out.Limit-s.run.Value))
			}
			p.errorf(at, "%s moves %s from %s toward limit %s, less than twice the %s by which a value of this size may miss the limit and still count as reaching it (numbers are rounded), so the day it is reached cannot be told: %s",
				what, moved, num(s.run.Value), num(out.Limit), tol, fix)
			s.Reaches = false
			continue
		}
		if s.Crossing.Year() <= LastDay().Year() {
			continue
		}
		at := pick(s.Name != "central", f[s.Name].val, limitNode)
		what := pick(s.Name != "central", fmt.Sprintf("%s: the %s reaches limit %s", s.Name, scenarioWords(s), num(out.Limit)), fmt.Sprintf("limit %s is reached", num(out.Limit)))
		p.errorf(at, "%s on %s, after the year 9999: dates are written with four-digit years, and a chart draws none later; check the years of the dates (a mistyped year?) and the rate",
			what, s.Crossing.Format(dateLayout))
	}

	switch {
	case untilNode == nil:
		out.Until = defaultUntil(out.Start.Date, scenarios, per == projection.Hour)
		if last := LastDay(); out.Until.After(last) {
			out.Until = last
			if out.Start.Date.After(last) { // a reading on that day
				out.Until = out.Start.Date
			}
		}
		if len(b.Series) > 0 {
			if last := b.Series[len(b.Series)-1].Date; last.After(out.Until) {
				out.Until = last
			}
		}
	case out.Until.Before(out.Start.Date):
		p.errorf(untilNode, "until: %s is before the projection start %s", out.Until.Format(time.DateOnly), out.Start.Date.Format(time.DateOnly))
		out.Until = out.Start.Date
	}
	overflowed := false
	for _, s := range scenarios {
		s.Curve, s.hasRun = withBounds(sample(s.run, out.Start.Date, out.Until), s.run, out.Until), true
		if overflowed {
			continue
		}
		if day, inf, over := overflow(s.run, out.Start.Date, out.Until); over {
			overflowed = true
			at, key := untilNode, "until"
			switch {
			case at != nil:
			case s.Name == "central":
				at, key = rateNode, "rate"
			default:
				at, key = f[s.Name].val, s.Name
			}
			p.errorf(at, "%s: the %s goes past the largest number a value can hold (about ±1.8e308) on %s, and would be written %s; end the projection before then with until:, or check the rate", key, scenarioWords(s), day.Format(time.DateOnly), inf)
		}
	}
	return out
}

// tooFine reports whether the day on which pr reaches limit cannot be
// told. Crossing takes a value within pr.Tolerance of the limit for the
// limit, to allow for the rounding of binary numbers (10 + 0.3·41 is
// 22.299999999999997), so a projection that moves by less than twice that in a step (a day,
// or an hour when hourly) would be said to reach the limit early:
// 1,000,000,000,000,000 rising 1 a day was said to reach
// 1,000,000,000,000,010 on its first day. It returns the allowance and
// how much the projection moves in a step, as the message gives them.
func tooFine(pr projection.Projection, limit float64, hourly bool) (tol, moved string, bad bool) {
	step, unit := pick(hourly, 1.0/24, 1), pick(hourly, "an hour", "a day")
	per := step / pr.Per.Days()
	m := pick(pr.Model == projection.Exponential, math.Abs(limit)*math.Abs(math.Log1p(pr.Rate/100))*per, math.Abs(pr.Rate)*per)
	t := pr.Tolerance(limit)
	return threeDigits(t), threeDigits(m) + " " + unit, m <= 2*t
}

// threeDigits writes f to three significant digits, plainly: 10000,
// 0.0000000001.
func threeDigits(f float64) string {
	f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', 3, 64), 64)
	return num(f)
}

// scenarioWords names s in a message: "projection", or "low scenario".
func scenarioWords(s *Scenario) string {
	return pick(s.Name == "central", "projection", s.Name+" scenario")
}

// overflow reports whether pr, drawn from start to until, reaches a value
// beyond what a float64 holds, the first day it does, and the value as
// the prose would write it ("+Inf"). Both models are monotonic, so the
// value at until decides, and halving the span finds the day.
func overflow(pr projection.Projection, start, until time.Time) (time.Time, string, bool) {
	end := pr.ValueAt(until)
	if !math.IsNaN(end) && !math.IsInf(end, 0) {
		return time.Time{}, "", false
	}
	lo, hi := start.Unix(), until.Unix()
	for hi-lo > 3600 {
		mid := lo + (hi-lo)/2
		v := pr.ValueAt(time.Unix(mid, 0).UTC())
		if math.IsNaN(v) || math.IsInf(v, 0) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return time.Unix(hi, 0).UTC(), strconv.FormatFloat(end, 'f', -1, 64), true
}

// checkBand reports a central rate that lies outside its own band: the
// low and high scenarios are the lower and the higher rate, so the chart
// draws the central line inside the band. The projection is still
// computed, so that the rest of the page is checked against it too.
func (p *parser) checkBand(pr *Projection, rateNode *yaml.Node, f map[string]field) {
	rate := pr.Central.Rate
	what := pick(pr.Fitted, "the fitted rate "+num(Round(rate, 4)), "rate "+num(rate))
	low, high := pr.Low, pr.High
	switch {
	case low != nil && high != nil && low.Rate > high.Rate:
		p.errorf(f["low"].val, "low %s is above high %s: low is the lower rate of the band, high the higher", num(low.Rate), num(high.Rate))
	case low != nil && high != nil && (rate < low.Rate || rate > high.Rate):
		p.errorf(rateNode, "%s is outside its band, low %s to high %s: the central rate must lie between them", what, num(low.Rate), num(high.Rate))
	case low != nil && high == nil && rate < low.Rate:
		p.errorf(rateNode, "%s is below low %s: low is a lower rate than the central one", what, num(low.Rate))
	case high != nil && low == nil && rate > high.Rate:
		p.errorf(rateNode, "%s is above high %s: high is a higher rate than the central one", what, num(high.Rate))
	}
}

// isWord reports whether n is the scalar word w: `last`, `fit`.
func isWord(n *yaml.Node, w string) bool {
	n = yamlpos.Resolve(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.Value == w
}

// fitKey names a fit: the series, and the period and model of its rate.
type fitKey struct {
	series seriesKey
	per    projection.Period
	model  projection.Model
}

// fitted is what a fit gave: the rate and r², or why there is none.
type fitted struct {
	rate, r2 float64
	err      error
}

// fit fits a projection to series, once a page for each series, period
// and model, which the blocks that share the series share: each block
// fitted it, so that 2,000 blocks fitting one CSV file of 300,000 days,
// an article of 100 KB, took 59 s of CPU.
func (p *parser) fit(series []Point, per projection.Period, model projection.Model) fitted {
	k := fitKey{seriesKey{&series[0], len(series)}, per, model}
	if f, ok := p.fits[k]; ok {
		return f
	}
	dates := make([]time.Time, len(series))
	values := make([]float64, len(series))
	for i, pt := range series {
		dates[i], values[i] = pt.Date, pt.Value
	}
	pr, r2, err := projection.Fit(dates, values, per, model)
	p.fits[k] = fitted{pr.Rate, r2, err}
	return p.fits[k]
}

// num formats f plainly for messages: 12000, 0.5, -30; from 1e21 on,
// as 1e+308.
func num(f float64) string {
	if math.Abs(f) >= 1e21 {
		return strconv.FormatFloat(f, 'g', -1, 64) // 1e+308, not 309 digits
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// unreachable explains why p never reaches limit. A rate the writer gave
// that leads away from the limit most likely has the wrong sign; a fitted
// one has the sign of the data, so the projection starts too late, past
// the limit already.
func unreachable(p projection.Projection, limit float64, fitted bool) string {
	from, to := num(p.Value), num(limit)
	sameSign := p.Model != projection.Exponential || p.Value > 0 && limit > 0
	if fitted && p.Rate != 0 && sameSign && (limit < p.Value) == (p.Rate > 0) {
		side, way := pick(p.Rate > 0, "above", "below"), pick(p.Rate > 0, "rises", "falls")
		return fmt.Sprintf("the fitted rate %s, and the projection starts %s the limit already, at %s on %s: start it before the limit was passed, with start: {date: …, value: …}",
			way, side, from, p.Start.Format(time.DateOnly))
	}
	if p.Model == projection.Exponential {
		switch {
		case p.Value == 0:
			return "an exponential projection from 0 stays at 0"
		case limit/p.Value <= 0:
			return fmt.Sprintf("an exponential projection from %s never reaches 0 or changes sign", from)
		case math.Abs(limit) > math.Abs(p.Value) && p.Rate <= 0:
			return fmt.Sprintf("the rate must be positive to grow from %s to %s", from, to)
		case math.Abs(limit) < math.Abs(p.Value) && p.Rate >= 0:
			return fmt.Sprintf("the rate must be negative to shrink from %s to %s", from, to)
		}
	} else {
		switch {
		case p.Rate == 0 && limit > p.Value:
			return fmt.Sprintf("a level projection (rate 0) stays at %s: give a positive rate, or a high scenario (a positive high) that rises to %s", from, to)
		case p.Rate == 0 && limit < p.Value:
			return fmt.Sprintf("a level projection (rate 0) stays at %s: give a negative rate, or a low scenario (a negative low) that falls to %s", from, to)
		case limit > p.Value && p.Rate <= 0:
			return fmt.Sprintf("the rate must be positive to rise from %s to %s", from, to)
		case limit < p.Value && p.Rate >= 0:
			return fmt.Sprintf("the rate must be negative to fall from %s to %s", from, to)
		}
	}
	return "at this rate it would take more than 1,000 years"
}

// defaultUntil returns the end of the curves when the block does not give
// one: a little past the latest crossing, or a year after start. For a
// rate per hour (hours) it is counted in hours: the latest crossing and
// a tenth of the time to it, 6 hours at least, or a day after start.
func defaultUntil(start time.Time, scenarios []*Scenario, hours bool) time.Time {
	var latest time.Time
	for _, s := range scenarios {
		if s.Reaches && s.Crossing.After(latest) {
			latest = s.Crossing
		}
	}
	switch {
	case hours && latest.IsZero():
		return start.Add(24 * time.Hour)
	case hours:
		span := latest.Sub(start).Hours()
		return latest.Add(time.Duration(max(6, math.Ceil(span/10))) * time.Hour)
	case latest.IsZero():
		return projection.AddMonths(start, 12) // a year after 29 February is 28 February
	}
	span := daysBetween(start, latest)
	pad := max(7, int(math.Ceil(float64(span)/10)))
	return time.Unix(latest.Unix()+int64(pad)*86400, 0).UTC()
}

// sample returns the curve of pr from start to until. A linear projection
// is a straight line between two steps of its period, so its ends and the
// month or year boundaries between them describe it exactly (hours, days
// and weeks are all of one length: the ends alone do), and readers of the
// curve interpolate between points. Any other curve gets one point a day
// (an hour, for a rate per hour) when that is at most maxCurvePoints
// points, else maxCurvePoints+1 evenly spaced ones. Both ends are always
// included, until itself too when the start's time of day puts it
// between two days.
func sample(pr projection.Projection, start, until time.Time) []Point {
	unit := pick[int64](pr.Per == projection.Hour, 3600, 86400)
	at := func(k int) time.Time { return time.Unix(start.Unix()+int64(k)*unit, 0).UTC() }
	days := max(0, int(math.Floor(float64(until.Unix()-start.Unix())/float64(unit))))
	end := at(days)
	if pr.Model == projection.Linear && days > 0 {
		out := []Point{{Date: start, Value: pr.ValueAt(start)}}
		if pr.Per == projection.Month || pr.Per == projection.Year {
			for k := 1; k <= maxCurvePoints; k++ {
				t := pr.Step(k)
				if !t.Before(end) {
					break
				}
				out = append(out, Point{Date: t, Value: pr.ValueAt(t)})
			}
		}
		if len(out) <= maxCurvePoints {
			return withUntil(append(out, Point{Date: end, Value: pr.ValueAt(end)}), pr, until)
		}
		// Too many steps to draw each: evenly spaced days will do.
	}
	step := func(i int) int { return i }
	n := days
	if days > maxCurvePoints {
		n = maxCurvePoints
		step = func(i int) int { return int((int64(i)*int64(days) + maxCurvePoints/2) / maxCurvePoints) }
	}
	out := make([]Point, 0, n+1)
	for i := 0; i <= n; i++ {
		t := at(step(i))
		out = append(out, Point{Date: t, Value: pr.ValueAt(t)})
	}
	return withUntil(out, pr, until)
}

// withBounds adds to the curve of pr, which ends at until, the step on
// which pr reaches its floor or its ceiling, so that the line drawn
// between the points bends where the curve does, and not at the next
// point sampled, a year later for a rate per year.
func withBounds(curve []Point, pr projection.Projection, until time.Time) []Point {
	for _, b := range []struct {
		has bool
		v   float64
	}{{pr.HasFloor, pr.Floor}, {pr.HasCeiling, pr.Ceiling}} {
		if !b.has {
			continue
		}
		t, ok := pr.Crossing(b.v)
		if !ok || !t.After(pr.Start) || !t.Before(until) {
			continue
		}
		i, found := slices.BinarySearchFunc(curve, t, func(p Point, t time.Time) int { return p.Date.Compare(t) })
		if !found {
			curve = slices.Insert(curve, i, Point{Date: t, Value: pr.ValueAt(t)})
		}
	}
	return curve
}

// withUntil ends the curve at until: whole days counted from a start with
// a time of day (a reading at noon) stop short of an until at midnight.
func withUntil(curve []Point, pr projection.Projection, until time.Time) []Point {
	if last := curve[len(curve)-1].Date; last.Before(until) {
		curve = append(curve, Point{Date: until, Value: pr.ValueAt(until)})
	}
	return curve
}

// daysBetween returns the whole days from a to b (dates at midnight UTC).
func daysBetween(a, b time.Time) int {
	return int(math.Floor(float64(b.Unix()-a.Unix()) / 86400))
}

// periodHint returns ": did you mean week?" for a per written as the
// adjective a writer says ("weekly", "annual") or one letter off ("dya"),
// and "" otherwise.
func periodHint(s string) string {
	adjectives := map[string]string{
		"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month",
		"yearly": "year", "annual": "year", "annually": "year",
		"hours": "hour", "days": "day", "weeks": "week", "months": "month", "years": "year",
	}
	if want, ok := adjectives[strings.ToLower(strings.TrimSpace(s))]; ok {
		return ": did you mean " + want + "?"
	}
	return diag.DidYouMean(s, []string{"hour", "day", "week", "month", "year"})
}

// modelHint returns ": did you mean exponential?" for a model written
// short ("exp", "lin") or one letter off, and "" otherwise.
func modelHint(s string) string {
	u := strings.ToLower(strings.TrimSpace(s))
	for _, want := range []string{"linear", "exponential"} {
		if len(u) >= 3 && strings.HasPrefix(want, u) || diag.Slip(u, want) {
			return ": did you mean " + want + "?"
		}
	}
	return ""
}
