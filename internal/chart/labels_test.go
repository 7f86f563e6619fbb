package chart

import (
	"testing"
)

// reservoir returns a block like the reservoir article's: a lake's level
// read monthly from March 2026, falling 1.2 feet a week (0.5 to 1.5)
// towards 1,010 feet, which it reaches on 20 September, and the spec of
// its chart with three events, the last of them five days before the
// crossing.
func reservoir() Spec {
	return Spec{Events: []Event{
		{Date: day("2026-04-01"), Label: "Irrigation season opens"},
		{Date: day("2026-04-08"), Label: "Town water restrictions begin"},
		{Date: day("2026-09-15"), Label: "Autumn release"},
	}}
}

const reservoirBlock = `lake:
  unit: feet
  series:
    - {date: 2026-03-02, value: 1035.1}
    - {date: 2026-03-30, value: 1033.0}
    - {date: 2026-04-27, value: 1030.9}
    - {date: 2026-05-25, value: 1028.3}
    - {date: 2026-06-22, value: 1025.4}
  projection: {rate: -1.2, per: week, limit: 1010, low: -1.5, high: -0.5}
`

// TestTopLabelsOwnTheirMarks checks the labels above the plot of a
// crossing and an event five days apart, in both frames: each label is
// shown in full, stands at its own line (it spans it, or starts or ends
// beside it), and spans no other labelled line, so that the crossing's
// date, above the event's name, does not read as the event's date.
func TestTopLabelsOwnTheirMarks(t *testing.T) {
	b := parseBlock(t, reservoirBlock)
	f, err := renderOne(b, reservoir(), "c")
	if err != nil {
		t.Fatal(err)
	}
	m := f.model
	for _, fr := range f.frames {
		l := m.layout(fr)
		marks := map[string]float64{}
		crossing, ok := m.crossing()
		if !ok {
			t.Fatal("no crossing")
		}
		marks[m.crossingDate(&m.proj.Central, false)] = l.c.x(crossing)
		for _, e := range m.events {
			marks[e.Label] = l.c.x(e.Date)
		}
		seen := map[string]bool{}
		for _, n := range l.notes {
			x, ok := marks[n.text]
			if !ok {
				continue
			}
			seen[n.text] = true
			bx := n.box()
			if x < bx.x0-3 || x > bx.x1+3 {
				t.Errorf("%s frame: %q spans %.1f to %.1f, away from its line at %.1f", fr.name, n.text, bx.x0, bx.x1, x)
			}
			for other, ox := range marks {
				if other != n.text && (other == "Autumn release" || n.text == "Autumn release") && ox > bx.x0-2 && ox < bx.x1+2 {
					t.Errorf("%s frame: %q spans %.1f to %.1f, across the line of %q at %.1f", fr.name, n.text, bx.x0, bx.x1, other, ox)
				}
			}
		}
		for text := range marks {
			if !seen[text] {
				t.Errorf("%s frame: %q is not shown in full", fr.name, text)
			}
		}
	}
}
