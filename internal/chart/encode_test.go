package chart

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"testing"
	"time"
)

// refPoint is a point of a series as encoding/json writes it from a
// struct, to check points.appendJSON against.
type refPoint struct {
	Value  [2]any `json:"value"`
	Label  string `json:"label,omitempty"`
	Source string `json:"source,omitempty"`
}

// TestOptionEncode checks that every chart's option, written by
// echartsOption.encode, is byte for byte what encoding/json writes for it,
// both through points.MarshalJSON and with its points as plain structs.
func TestOptionEncode(t *testing.T) {
	for _, tc := range optionCases(t) {
		if _, err := Render(tc.b, Spec{Type: tc.kind}, "c"); err != nil {
			continue // a chart that is not drawn
		}
		m, err := newModel(tc.b, tc.kind)
		if err != nil {
			t.Fatal(err)
		}
		opt := m.buildOption(m.summary())
		got, err := opt.encode()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		viaMarshaler, err := json.Marshal(opt)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for i := range opt.Series {
			pts := opt.Series[i].Data.(points)
			ref := make([]refPoint, len(pts))
			for j, p := range pts {
				ref[j] = refPoint{Value: [2]any{isoDate(p.Date), p.Value}, Label: p.Label, Source: p.Source}
			}
			opt.Series[i].Data = ref
		}
		viaStructs, err := json.Marshal(opt)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, want := range [][]byte{viaMarshaler, viaStructs} {
			if !bytes.Equal(got, want) {
				n := 0
				for n < min(len(got), len(want)) && got[n] == want[n] {
					n++
				}
				t.Errorf("%s: option differs from encoding/json's from byte %d:\n got %.80s\nwant %.80s", tc.name, n, got[n:], want[n:])
			}
		}
	}
}

// TestAppendJSON checks the numbers and strings of points against
// encoding/json.
func TestAppendJSON(t *testing.T) {
	for _, v := range []float64{0, -0.5, 1e-7, 1.5e-7, 1e-6, 123456789, 1e20, 1e21, -1e21, 5e-324, 1.7976931348623157e308} {
		want, _ := json.Marshal(v)
		if got, err := appendJSONFloat(nil, v); err != nil || string(got) != string(want) {
			t.Errorf("appendJSONFloat(%v) = %s, %v; want %s", v, got, err, want)
		}
	}
	for _, s := range []string{"", "Ministry", "a\"b", `back\slash`, "<b>&amp;</b>", "tab\tnew\nline", "\x00\x1f\x7f", "é–\u2028\u2029", "bad \xff byte"} {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s; want %s", s, got, want)
		}
	}
}

// TestAppendCSVField checks fields against encoding/csv.
func TestAppendCSVField(t *testing.T) {
	for _, s := range []string{"", "plain", "a,b", `say "hi"`, "two\nlines", "cr\ronly", " leading space", "\tleading tab", "\u00a0nbsp", `\.`, `\.x`, "trailing ", "'=1+1", "é"} {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		if err := w.Write([]string{s}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		if got := appendCSVField(nil, s); string(got)+"\n" != want.String() {
			t.Errorf("appendCSVField(%q) = %q; want %q", s, got, want.String())
		}
	}
}

// TestWriteEscaped checks writeEscaped against html.EscapeString.
func TestWriteEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">O'Neil & co</a>`, "&&", "é<\xff>"} {
		var b bytes.Buffer
		writeEscaped(&b, s)
		if got, want := b.String(), html.EscapeString(s); got != want {
			t.Errorf("writeEscaped(%q) = %q; want %q", s, got, want)
		}
	}
}

// TestAppendDate checks the hand-written dates against time.Format.
func TestAppendDate(t *testing.T) {
	for _, y := range []int{-1, 0, 9, 999, 2025, 9999, 10000} {
		for _, md := range [][2]int{{1, 1}, {5, 9}, {9, 30}, {12, 31}} {
			d := time.Date(y, time.Month(md[0]), md[1], 23, 0, 0, 0, time.UTC)
			if got, want := shortDate(d), d.Format("2 Jan 2006"); got != want {
				t.Errorf("shortDate(%v) = %q; want %q", d, got, want)
			}
			if got, want := longDate(d), d.Format("2 January 2006"); got != want {
				t.Errorf("longDate(%v) = %q; want %q", d, got, want)
			}
		}
	}
}
