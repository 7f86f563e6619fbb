package chart

import (
	"strconv"
	"strings"

	"github.com/plotline/plotline/internal/data"
)

// summary describes m in one or two plain sentences for screen readers.
func (m *model) summary() string {
	var b strings.Builder
	if m.proj != nil {
		m.projectionSummary(&b)
		b.WriteString(" ")
	} else {
		kind := "Line chart"
		if m.kind == TypeBar {
			kind = "Bar chart"
		}
		b.WriteString(kind)
		if m.unit != "" {
			b.WriteString(" of ")
			b.WriteString(m.unit)
		}
		b.WriteString(": ")
	}
	m.observedSummary(&b)
	return b.String()
}

// projectionSummary writes "Projection of casualties: 0 on 5 December
// 2024, rising 92 a day, reaches 12,000 on 15 April 2025; low scenario 70 a
// day (26 May 2025), high 110 a day (25 March 2025)."
func (m *model) projectionSummary(b *strings.Builder) {
	p := m.proj
	b.WriteString("Projection")
	if m.unit != "" {
		b.WriteString(" of ")
		b.WriteString(m.unit)
	}
	b.WriteString(": ")
	b.WriteString(formatNumber(p.Start.Value))
	b.WriteString(" on ")
	b.WriteString(longDate(p.Start.Date))
	b.WriteString(", ")
	b.WriteString(m.rateText(p.Central.Rate, true))
	if p.Fitted {
		b.WriteString(" (fitted to the observations)")
	}
	b.WriteString(", ")
	switch {
	case p.HasLimit && p.Central.Reaches:
		b.WriteString("reaches ")
		b.WriteString(formatNumber(p.Limit))
		b.WriteString(" on ")
		b.WriteString(longDate(p.Central.Crossing))
	case p.HasLimit:
		b.WriteString("does not reach ")
		b.WriteString(formatNumber(p.Limit))
		b.WriteString(" by ")
		b.WriteString(longDate(m.samples[len(m.samples)-1].Date))
	default:
		last := m.samples[len(m.samples)-1]
		b.WriteString("reaching ")
		b.WriteString(formatNumber(last.Central))
		b.WriteString(" by ")
		b.WriteString(longDate(last.Date))
	}
	var scen []string
	if p.Low != nil {
		scen = append(scen, "low scenario "+m.scenarioText(p.Low))
	}
	if p.High != nil {
		name := "high "
		if p.Low == nil {
			name = "high scenario "
		}
		scen = append(scen, name+m.scenarioText(p.High))
	}
	if len(scen) > 0 {
		b.WriteString("; ")
		b.WriteString(strings.Join(scen, ", "))
	}
	b.WriteString(".")
}

// scenarioText writes "70 a day (26 May 2025)" for a scenario.
func (m *model) scenarioText(s *data.Scenario) string {
	t := m.rateText(s.Rate, false)
	p := m.proj
	switch {
	case !p.HasLimit:
	case s.Reaches:
		t += " (" + longDate(s.Crossing) + ")"
	default:
		t += " (not reaching " + formatNumber(p.Limit) + ")"
	}
	return t
}

// rateText writes a rate: "rising 92 a day", "falling 3 a week",
// "growing 2% a month"; without the verb when verb is false.
func (m *model) rateText(rate float64, verb bool) string {
	per := " a " + periodWord(m.proj.Per)
	exp := m.proj.Model == "exponential"
	var v string
	switch {
	case !verb:
	case exp && rate < 0:
		v = "shrinking "
	case exp:
		v = "growing "
	case rate < 0:
		v = "falling "
	default:
		v = "rising "
	}
	if verb && rate < 0 {
		rate = -rate
	}
	n := formatNumber(rate)
	if exp {
		n += "%"
	}
	return v + n + per
}

// observedSummary writes "2 observations, latest 3,000 on 13 January
// 2025."
func (m *model) observedSummary(b *strings.Builder) {
	n := len(m.obs)
	switch n {
	case 0:
		b.WriteString("No observations.")
		return
	case 1:
		b.WriteString("1 observation, ")
	default:
		b.WriteString(strconv.Itoa(n))
		b.WriteString(" observations from ")
		b.WriteString(longDate(m.obs[0].Date))
		b.WriteString(", latest ")
	}
	last := m.obs[n-1]
	b.WriteString(formatNumber(last.Value))
	b.WriteString(" on ")
	b.WriteString(longDate(last.Date))
	if n > 1 {
		lo, hi := last.Value, last.Value
		for _, p := range m.obs {
			lo, hi = min(lo, p.Value), max(hi, p.Value)
		}
		if lo != hi {
			b.WriteString(", ranging from ")
			b.WriteString(formatNumber(lo))
			b.WriteString(" to ")
			b.WriteString(formatNumber(hi))
		}
	}
	b.WriteString(".")
}
