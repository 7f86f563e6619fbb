package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/projection"
)

// Fields lists the field paths Block.Field answers, in the order error
// messages give them. "central." may be put before any scenario field
// (rate, crossing, days_to_limit, weeks_to_limit, months_to_limit,
// years_to_limit, value_at_until), which
// without a prefix mean the central scenario.
func Fields() []string {
	out := []string{
		"unit", "count", "as_of",
		"first.date", "first.value", "first.label", "first.source",
		"last.date", "last.value", "last.label", "last.source",
		"max.date", "max.value", "max.label", "max.source",
		"min.date", "min.value", "min.label", "min.source",
		"start.date", "start.value",
		"per", "model", "limit", "floor", "ceiling", "until", "r2",
	}
	out = append(out, scenarioFields()...)
	for _, s := range []string{"low", "high"} {
		for _, f := range scenarioFields() {
			out = append(out, s+"."+f)
		}
	}
	return out
}

func scenarioFields() []string {
	return []string{"rate", "crossing", "days_to_limit", "weeks_to_limit", "months_to_limit", "years_to_limit", "value_at_until"}
}

// Field returns the value of the field at path, what follows the block
// name in a reference such as {{ losses.crossing }}. Fields lists the
// paths:
//
//	unit                 the unit, as text
//	count                the number of observations
//	as_of                the date days_to_limit counts from
//	first.*, last.*      the earliest and latest observation: date, value, label, source
//	max.*, min.*         the observation of the greatest and of the least value (the
//	                     earliest of equal ones): date, value, label, source
//	start.date           where the projection starts
//	start.value
//	per, model           the projection's period and model, as text
//	limit                the threshold
//	floor, ceiling       the least and the most the curves go to, when the projection gives them
//	until                the end of the projected curves
//	r2                   the fit's r², when rate: fit
//	rate                 the central rate, per period
//	crossing             the first day the central projection reaches the limit
//	days_to_limit        whole days from as_of to crossing
//	weeks_to_limit       days_to_limit / 7, rounded to the nearest whole week
//	months_to_limit      calendar months from as_of to crossing, rounded to the nearest whole one
//	years_to_limit       calendar years from as_of to crossing, rounded to the nearest whole one
//	value_at_until       the central projection's value at until
//	low.*, high.*        rate, crossing, the days, weeks, months and years to
//	                     the limit, and value_at_until of the low and high scenarios
//
// A field that the block does not have, such as the crossing of a limit
// that is never reached, is an error explaining why.
func (b *Block) Field(path string) (Value, error) {
	head, rest, dotted := strings.Cut(path, ".")
	if !dotted {
		switch head {
		case "unit":
			return Value{Kind: Text, Text: b.Unit}, nil
		case "count":
			return Value{Kind: Number, Num: float64(len(b.Series)), Exact: true}, nil
		case "as_of":
			if b.AsOf.IsZero() {
				return Value{}, fmt.Errorf("block %q has no as_of date and its article has no date", b.Name)
			}
			return Value{Kind: Date, Date: b.AsOf, Grain: b.AsOfGrain}, nil
		case "per", "model", "limit", "floor", "ceiling", "until", "r2":
			return b.projectionField(head)
		}
		if isScenarioField(head) {
			return b.scenarioField("central", head)
		}
		return Value{}, b.unknown(path)
	}
	switch head {
	case "first", "last", "max", "min":
		return b.pointField(head, rest, path)
	case "start":
		pr, err := b.needProjection(path)
		if err != nil {
			return Value{}, err
		}
		switch rest {
		case "date":
			return Value{Kind: Date, Date: pr.Start.Date, Grain: pr.Start.Grain}, nil
		case "value":
			return Value{Kind: Number, Num: pr.Start.Value, Exact: true, Places: pr.Start.Places, Percent: PercentUnit(b.Unit), Points: pointsUnit(b.Unit), Scale: UnitScale(b.Unit)}, nil
		}
	case "central", "low", "high":
		if isScenarioField(rest) {
			return b.scenarioField(head, rest)
		}
	}
	return Value{}, b.unknown(path)
}

func isScenarioField(name string) bool {
	return slices.Contains(scenarioFields(), name)
}

// unknown is the error for a field path that no block has: it lists the
// fields b has (those of a projection only when it has one), and names
// one a letter away from path.
func (b *Block) unknown(path string) error {
	known := Fields()
	if b.Projection == nil {
		known = slices.DeleteFunc(known, func(f string) bool {
			head, _, _ := strings.Cut(f, ".")
			return !slices.Contains([]string{"unit", "count", "as_of", "first", "last", "max", "min"}, head)
		})
	}
	return unknownField(b.Name, path, known)
}

// unknownField is the error for a field path that block does not have
// among known: the one a letter away from path, or else the list, which
// is some fifty fields long and fills a phone's screen in the preview.
func unknownField(block, path string, known []string) error {
	for _, k := range known {
		if diag.OneEdit(path, k) {
			return fmt.Errorf("block %q has no field %q: did you mean %s?", block, path, k)
		}
	}
	// {{ lake.last }}: an observation, or a scenario, of several fields.
	var under []string
	for _, k := range known {
		if rest, ok := strings.CutPrefix(k, path+"."); ok && !strings.Contains(rest, ".") {
			under = append(under, block+"."+k)
		}
	}
	if len(under) > 0 {
		return fmt.Errorf("block %q has no field %q, only fields under it: write one of %s", block, path, strings.Join(under, ", "))
	}
	return fmt.Errorf("block %q has no field %q (known: %s)", block, path, strings.Join(known, ", "))
}

func (b *Block) needProjection(path string) (*Projection, error) {
	if b.Projection == nil {
		return nil, fmt.Errorf("block %q has no projection, so it has no %q", b.Name, path)
	}
	return b.Projection, nil
}

func (b *Block) pointField(which, field, path string) (Value, error) {
	if !slices.Contains([]string{"date", "value", "label", "source"}, field) {
		return Value{}, b.unknown(path)
	}
	if len(b.Series) == 0 {
		return Value{}, fmt.Errorf("block %q has no observations, so it has no %q", b.Name, path)
	}
	pt := b.Series[b.observation(which)]
	switch field {
	case "date":
		return Value{Kind: Date, Date: pt.Date, Timed: b.facts().timed, Grain: pt.Grain}, nil
	case "value":
		return Value{Kind: Number, Num: pt.Value, Exact: true, Places: pt.Places, Percent: PercentUnit(b.Unit), Points: pointsUnit(b.Unit), Scale: UnitScale(b.Unit)}, nil
	case "label":
		return Value{Kind: Text, Text: pt.Label}, nil
	}
	return Value{Kind: Text, Text: pt.Source}, nil
}

func (b *Block) projectionField(name string) (Value, error) {
	pr, err := b.needProjection(name)
	if err != nil {
		return Value{}, err
	}
	switch name {
	case "per":
		return Value{Kind: Text, Text: pr.Per}, nil
	case "model":
		return Value{Kind: Text, Text: pr.Model}, nil
	case "limit":
		if !pr.HasLimit {
			return Value{}, fmt.Errorf("block %q has no limit", b.Name)
		}
		return Value{Kind: Number, Num: pr.Limit, Exact: true, Places: pr.LimitPlaces, Percent: PercentUnit(b.Unit), Points: pointsUnit(b.Unit), Scale: UnitScale(b.Unit)}, nil
	case "until":
		return Value{Kind: Date, Date: pr.Until}, nil
	case "floor", "ceiling":
		has, v, places := pr.HasFloor, pr.Floor, pr.FloorPlaces
		if name == "ceiling" {
			has, v, places = pr.HasCeiling, pr.Ceiling, pr.CeilingPlaces
		}
		if !has {
			return Value{}, fmt.Errorf("block %q has no %s (want %s: VALUE in its projection)", b.Name, name, name)
		}
		return Value{Kind: Number, Num: v, Exact: true, Places: places, Percent: PercentUnit(b.Unit), Points: pointsUnit(b.Unit), Scale: UnitScale(b.Unit)}, nil
	}
	if !pr.Fitted {
		return Value{}, fmt.Errorf("block %q has no r2: its rate is not fitted (want rate: fit)", b.Name)
	}
	return Value{Kind: Number, Num: pr.R2, Places: r2Places(pr.R2)}, nil
}

// r2Places returns the decimals an r² of f is shown with where the three
// significant figures of a computed number would write it as 1, which
// reads as a perfect fit (0.99979 is "0.9998"), and 0 where they do not.
func r2Places(f float64) int {
	d := ComputedDecimals(f)
	if f >= 1 || strconv.FormatFloat(f, 'f', d, 64)[0] != '1' {
		return 0
	}
	for d < MaxDecimals && strconv.FormatFloat(f, 'f', d, 64)[0] == '1' {
		d++
	}
	return d
}

// scenarioField answers rate, crossing, days_to_limit, weeks_to_limit,
// months_to_limit, years_to_limit and value_at_until of the scenario called
// name.
func (b *Block) scenarioField(name, field string) (Value, error) {
	path := field
	if name != "central" {
		path = name + "." + field // built for low and high alone: central is asked for most
	}
	pr, err := b.needProjection(path)
	if err != nil {
		return Value{}, err
	}
	s := pick(name == "low", pr.Low, pick(name == "high", pr.High, &pr.Central))
	if s == nil {
		return Value{}, fmt.Errorf("block %q has no %s scenario (want %s: RATE in its projection)", b.Name, name, name)
	}
	switch field {
	case "rate":
		// A rate written in the front matter is shown as written; a fitted
		// one is computed. An exponential rate is a percentage; a linear
		// one of a block in percent is a change of a percentage, in
		// percentage points. A linear rate is in the block's unit, and so
		// counted in its scale.
		return Value{Kind: Number, Num: s.Rate, Exact: !pr.Fitted || name != "central", Percent: pr.Model == "exponential" || PercentUnit(b.Unit), Points: pr.Model != "exponential" && (PercentUnit(b.Unit) || pointsUnit(b.Unit)), Places: s.RatePlaces, Scale: pick(pr.Model == "exponential", 0, UnitScale(b.Unit))}, nil
	case "value_at_until":
		if len(s.Curve) == 0 {
			return Value{}, fmt.Errorf("block %q has no projected curve", b.Name)
		}
		v := Value{Kind: Number, Num: s.Curve[len(s.Curve)-1].Value, Percent: PercentUnit(b.Unit), Points: pointsUnit(b.Unit), Scale: UnitScale(b.Unit)}
		v.Places, v.Exact = pr.Bound(v.Num) // the floor or ceiling, as written
		if !v.Exact {
			v.Places = pr.Places(v.Num) // as the chart writes it: ProjectedDecimals
		}
		return v, nil
	}
	if !pr.HasLimit {
		return Value{}, fmt.Errorf("block %q has no limit, so it has no %q", b.Name, path)
	}
	if !s.Reaches {
		scen := pick(name != "central", "the "+name+" scenario", "the projection")
		msg := fmt.Sprintf("block %q: %s never reaches the limit %s, so it has no %q", b.Name, scen, num(pr.Limit), path)
		// A level projection (rate 0) has its limit for a scenario of
		// its band: name the one that reaches it.
		if name == "central" {
			for _, o := range []struct {
				name string
				s    *Scenario
			}{{"low", pr.Low}, {"high", pr.High}} {
				if o.s != nil && o.s.Reaches {
					msg += fmt.Sprintf(": the %s scenario reaches it, on %s; write {{ %s.%s.%s }}", o.name, o.s.Crossing.Format(dateLayout), b.Name, o.name, field)
					break
				}
			}
		}
		return Value{}, errors.New(msg)
	}
	if field == "crossing" {
		// The crossing of a series read by the hour is an hour, which
		// a date layout may show: "at 18:00 on 4 March".
		return Value{Kind: Date, Date: s.Crossing, Timed: s.Hourly()}, nil
	}
	// A count rounded to the nearest whole one, halves away from zero.
	return Value{Kind: Number, Num: math.Round(calendarSpan(b.AsOf, s.Crossing, countUnits[field])), Exact: true}, nil
}

// countUnits are the units of the counts to a crossing, each in months,
// or, below zero, in days.
var countUnits = map[string]int{"days_to_limit": -1, "weeks_to_limit": -7, "months_to_limit": 1, "years_to_limit": 12}

// calendarSpan returns how many steps of per months lie from a to b,
// counted by the calendar as a projection counts them (from 31 January,
// a month on is 28 February and two are 31 March), or, for per below
// zero, how many steps of -per days, before their rounding: 13 January to
// 26 May is 4.42 months. A step of several months is counted in months,
// whole months each a share of it and only the month in progress by its
// days, so that 18 months are 1.5 years whatever month they start in. It
// is below zero when b is before a. b counts by its day, as days_to_limit
// and a claim count it: a crossing at 18:00 on 13 March is 2 months after
// 13 January.
func calendarSpan(a, b time.Time, per int) float64 {
	if per < 0 {
		return float64(daysBetween(a, b)) / float64(-per)
	}
	b = time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, a.Location())
	if b.Before(a) {
		return -projection.MonthSteps(b, a, 1) / float64(per)
	}
	return projection.MonthSteps(a, b, 1) / float64(per)
}

// percentWords are the units PercentUnit knows, in lower case.
var percentWords = []string{
	"%", "percent", "per cent", "pct", "percentage of",
	"prozent", "pour cent", "por ciento", "per cento", "percento", "por cento", "procent",
	"٪", "في المئة", "في المائة", "بالمئة", "بالمائة", "אחוז", "אחוזים", "درصد",
}

// pointsWords are the units pointsUnit knows, in lower case.
var pointsWords = []string{
	"percentage points", "percentage point", "pp", "prozentpunkte", "prozentpunkt", "procentpunten", "procentpunt",
	"points de pourcentage", "point de pourcentage", "punti percentuali", "punto percentuale",
	"puntos porcentuales", "punto porcentual", "pontos percentuais", "ponto percentual",
	"نقطة مئوية", "نقاط مئوية", "נקודות אחוז", "נקודת אחוז", "واحد درصد",
}

// pointsUnit reports whether a block's unit says that its numbers are
// percentage points, differences of percentages ("percentage points",
// "Prozentpunkte", "pp"), alone or followed by what they are of.
func pointsUnit(unit string) bool {
	return unitIsOneOf(unit, pointsWords)
}

// UnitScale returns the power of ten a unit counts its numbers in, as
// its first word says: 6 for "million people" or "Millionen Euro", 9 for
// "Mrd. Euro" or "milliards de dollars", 12 for "trillion dollars" or
// "trillions of dollars", 0 for a unit of ones. Claims read "$38
// trillion" against 37.64 in "trillion dollars" at its full size.
// "billion" is English's 10⁹, but 10¹² in French ("billions de
// dollars"), as German's "Billionen" is.
func UnitScale(unit string) int {
	first, rest, _ := strings.Cut(strings.ToLower(strings.TrimSpace(unit)), " ")
	first = strings.TrimSuffix(strings.TrimSuffix(first, "."), "s")
	if first == "billion" && (strings.HasPrefix(rest, "de ") || strings.HasPrefix(rest, "d'") || strings.HasPrefix(rest, "d’")) {
		return 12 // French: "billions d'euros", a million million
	}
	return unitScales[first]
}

// unitScales are the first words of units that count in thousands or
// more, in English and the languages of claims' tables (German, French),
// without a final "s" or ".".
var unitScales = map[string]int{
	"thousand": 3, "tausend": 3, "millier": 3,
	"million": 6, "millionen": 6, "mio": 6,
	"billion": 9, "bn": 9, "milliarde": 9, "milliarden": 9, "mrd": 9, "milliard": 9,
	"trillion": 12, "tn": 12, "billionen": 12,
}

// PercentUnit reports whether a block's unit says that its numbers are
// percentages already, so that 4.2 is 4.2%, for the percent format and
// for claims ("about 4%"): "percent", "per cent", "pct" or "%", or the
// word of a language plotline writes in ("per cento", "Prozent", "pour
// cent", "por ciento", "por cento", "procent", Arabic's "في المئة" and
// "٪", Hebrew's "אחוז", Persian's "درصد"), alone or followed by what they
// are of ("percent of GDP", "% of households", "per cento del PIL").
// "percentage points" (and "Prozentpunkte", "procentpunten", "نقطة
// مئوية", "נקודות אחוז", "واحد درصد") is not one.
func PercentUnit(unit string) bool {
	return unitIsOneOf(unit, percentWords)
}

// moneyUnit reports whether unit, in lower case, counts money: a
// currency measureOf knows ("dollars", "usd", "$"), or a word of money
// ("revenue", "cost").
func moneyUnit(unit string) bool {
	m, _ := measureOf(unit)
	return m == "money" || slices.ContainsFunc(moneyWords, func(w string) bool { return strings.Contains(unit, w) })
}

// moneyWords are words of a unit that counts money without naming its
// currency.
var moneyWords = []string{"money", "cash", "revenue", "budget", "spending", "cost"}

// unitIsOneOf reports whether unit, in any case, is one of words, alone
// or followed by a space and what it is of.
func unitIsOneOf(unit string, words []string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	return slices.ContainsFunc(words, func(w string) bool {
		rest, ok := strings.CutPrefix(u, w)
		return ok && (rest == "" || rest[0] == ' ')
	})
}
