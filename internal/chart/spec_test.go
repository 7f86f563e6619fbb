package chart

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/plotline/plotline/internal/diag"
)

func TestParseSpec(t *testing.T) {
	const path = "content/kursk.md"
	const line = 20 // the file line of the block's first body line
	tests := []struct {
		name     string
		src      string
		want     Spec
		wantDiag []string
	}{
		{
			name: "all keys",
			src:  "data: losses\ntitle: Losses <so far>\ncaption: \"Source: MoD\"\ntype: bar\nheight: 420\n",
			want: Spec{Block: "losses", Title: "Losses <so far>", Caption: "Source: MoD", Type: "bar", Height: 420,
				TitlePos: diag.Pos{Path: "content/kursk.md", Line: 21, Col: 8}, CaptionPos: diag.Pos{Path: "content/kursk.md", Line: 22, Col: 10}},
		},
		{
			name: "data only",
			src:  "data: losses\n",
			want: Spec{Block: "losses"},
		},
		{
			name:     "empty body",
			src:      "",
			wantDiag: []string{"content/kursk.md:20:1: chart: data is required (the name of a data block)"},
		},
		{
			name:     "missing data",
			src:      "title: Losses\n",
			want:     Spec{Title: "Losses"},
			wantDiag: []string{"content/kursk.md:20:1: chart: data is required (the name of a data block)"},
		},
		{
			name: "unknown key",
			src:  "data: losses\ncolour: red\n",
			want: Spec{Block: "losses"},
			wantDiag: []string{
				`content/kursk.md:21:1: chart: unknown key "colour" (known keys: caption, data, events, height, title, type)`,
			},
		},
		{
			name:     "bad type and height",
			src:      "data: losses\ntype: pie\nheight: tall\n",
			want:     Spec{Block: "losses"},
			wantDiag: []string{`content/kursk.md:21:7: chart: unknown type "pie" (want projection, line or bar)`, `content/kursk.md:22:9: chart: height must be a whole number of pixels, got "tall"`},
		},
		{
			name:     "a type that is a list, an event label that is empty",
			src:      "data: losses\ntype: [bar]\nevents:\n  - {date: 2025-01-01, label: \"\"}\n",
			want:     Spec{Block: "losses"},
			wantDiag: []string{`content/kursk.md:21:7: chart: type must be one of projection, line or bar, got a list`, `content/kursk.md:23:31: chart: event label is empty: write what happened on the date`},
		},
		{
			// YAML ends a line at U+0085 and U+2028; the file does not,
			// nor an editor: an error at the first.
			name:     "yaml line breaks that are not file line breaks",
			src:      "data: losses\u0085type: pie\u2028height: tall\n",
			want:     Spec{},
			wantDiag: []string{`content/kursk.md:20:13: chart: the character U+0085 ends a line for YAML, though an editor shows none, so that what follows it is read as a line of its own (a key no one sees): remove it`},
		},
		{
			name:     "a name of spaces",
			src:      "data: [{block: icu, name: \"   \"}]\n",
			want:     Spec{},
			wantDiag: []string{`content/kursk.md:20:27: chart: name is empty: write the legend's name for the block, or leave name out`},
		},
		{
			name: "title and caption not text",
			src:  "data: losses\ntitle: [a, b]\ncaption: {a: b}\n",
			want: Spec{Block: "losses"},
			wantDiag: []string{
				"content/kursk.md:21:8: chart: title must be text, got a list",
				"content/kursk.md:22:10: chart: caption must be text, got a mapping",
			},
		},
		{
			name:     "height out of range",
			src:      "data: losses\nheight: 5000\n",
			want:     Spec{Block: "losses"},
			wantDiag: []string{"content/kursk.md:21:9: chart: height 5000 is out of range (want 120 to 1200)"},
		},
		{
			name:     "data not text",
			src:      "data: {a: b}\n",
			wantDiag: []string{`content/kursk.md:20:7: chart: data must name a data block or list data blocks, got a mapping`},
		},
		{
			name:     "duplicate key",
			src:      "data: losses\ndata: other\n",
			want:     Spec{Block: "losses"},
			wantDiag: []string{`content/kursk.md:21:1: chart: duplicate key "data" (first at line 20)`},
		},
		{
			name:     "not a mapping",
			src:      "- losses\n",
			wantDiag: []string{"content/kursk.md:20:1: chart: want keys (caption, data, events, height, title, type), got a list"},
		},
		{
			name:     "syntax error",
			src:      "data: losses\ntitle: \"unclosed\n",
			wantDiag: []string{`content/kursk.md:21:8: chart: this quote is never closed: end the text with "`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			got, ok := ParseSpec(path, []byte(tt.src), line, &diags)
			var gotDiag []string
			for _, d := range diags {
				gotDiag = append(gotDiag, d.String())
			}
			if diff := cmp.Diff(tt.wantDiag, gotDiag); diff != "" {
				t.Errorf("ParseSpec(%q) diagnostics (-want +got):\n%s", tt.src, diff)
			}
			if ok != (len(tt.wantDiag) == 0) {
				t.Errorf("ParseSpec(%q) ok = %v; want %v", tt.src, ok, len(tt.wantDiag) == 0)
			}
			if ok && !cmp.Equal(got, tt.want, cmpopts.IgnoreFields(Spec{}, "Data")) {
				t.Errorf("ParseSpec(%q) = %+v; want %+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestParseSpecKeepsEarlierDiagnostics(t *testing.T) {
	diags := diag.List{{Pos: diag.Pos{Path: "a.md", Line: 1}, Message: "earlier"}}
	if _, ok := ParseSpec("b.md", []byte("data: x\n"), 5, &diags); !ok {
		t.Errorf("ParseSpec of a valid block after an earlier error = false; want true")
	}
	if got := len(diags); got != 1 {
		t.Errorf("len(diags) = %d; want 1", got)
	}
}

// TestParseSpecBlocksAndEvents reads a chart of several blocks with
// events, and the mistakes such a chart block can hold, each at its
// position (counted by hand: the body starts on line 20).
func TestParseSpecBlocksAndEvents(t *testing.T) {
	const path = "content/a.md"
	src := "data: [ukraine, {block: south_korea, name: South Korea}]\n" +
		"events:\n  - {date: 2024-06-19, label: Treaty signed}\n  - {date: 2024-10-18, label: \"11,000 troops\"}\n"
	var diags diag.List
	got, ok := ParseSpec(path, []byte(src), 20, &diags)
	if !ok {
		t.Fatalf("ParseSpec: %v", diags.Error())
	}
	wantData := []BlockRef{
		{Block: "ukraine", Pos: diag.Pos{Path: path, Line: 20, Col: 8}},
		{Block: "south_korea", Name: "South Korea", Pos: diag.Pos{Path: path, Line: 20, Col: 17}},
	}
	if diff := cmp.Diff(wantData, got.Data); diff != "" || got.Block != "ukraine" {
		t.Errorf("Data (-want +got):\n%s\nBlock = %q; want ukraine", diff, got.Block)
	}
	wantEvents := []Event{
		{Date: day("2024-06-19"), Label: "Treaty signed", LabelPos: diag.Pos{Path: path, Line: 22, Col: 31}},
		{Date: day("2024-10-18"), Label: "11,000 troops", LabelPos: diag.Pos{Path: path, Line: 23, Col: 31}},
	}
	if diff := cmp.Diff(wantEvents, got.Events); diff != "" {
		t.Errorf("Events (-want +got):\n%s", diff)
	}

	for _, tc := range []struct{ src, want string }{
		{"data: []\n", "content/a.md:20:7: chart: data is an empty list: name a data block, or list the blocks to draw"},
		{"data: [a, a]\n", `content/a.md:20:11: chart: data block "a" is listed twice`},
		{"data: [a, {name: B}]\n", "content/a.md:20:11: chart: a data item needs block (the name of a data block)"},
		{"data: [a, {block: b, colour: red}]\n", `content/a.md:20:22: chart: unknown key "colour" in a data item (known keys: block, name)`},
		{"data: [a, b, c, d, e, f, g]\n", "content/a.md:20:7: chart: 7 data blocks in one chart (at most 6)"},
		{"data: a\nevents: {date: 2024-06-19}\n", "content/a.md:21:9: chart: events must be a list of {date, label}, got a mapping"},
		{"data: a\nevents:\n  - {date: 2024-02-30, label: x}\n", "content/a.md:22:12: chart: event date must be a date such as 2024-06-19, got text \"2024-02-30\""},
		{"data: a\nevents:\n  - {date: 2024-13-01, label: x}\n", "content/a.md:22:12: chart: event date must be a date such as 2024-06-19, got \"2024-13-01\": 13 is no month; if it is the day, write 2024-01-13"},
		// A date with a time of day, which YAML calls a date, or
		// written another way: the date to write, as for the data.
		{"data: a\nevents:\n  - {date: 2024-06-19T12:00:00Z, label: x}\n", `content/a.md:22:12: chart: event date must be a date such as 2024-06-19, got "2024-06-19T12:00:00Z": only an observation's date takes a time of day; write 2024-06-19`},
		{"data: a\nevents:\n  - {date: 2024-06-19 23:30:00 -05:00, label: x}\n", `content/a.md:22:12: chart: event date must be a date such as 2024-06-19, got "2024-06-19 23:30:00 -05:00": only an observation's date takes a time of day; write 2024-06-19`},
		{"data: a\nevents:\n  - {date: 19 June 2024, label: x}\n", `content/a.md:22:12: chart: event date must be a date such as 2024-06-19, got "19 June 2024": write 2024-06-19`},
		{"data: a\nevents:\n  - {date: 2024-01-01}\n", "content/a.md:22:5: chart: an event needs a date and a label"},
		// A key given twice is an error, as in the rest of the block, in
		// an event and in a data item too.
		{"data: a\nevents:\n  - {date: 2024-01-01, label: a, label: b}\n", `content/a.md:22:34: chart: duplicate key "label" in an event (first at line 22)`},
		{"data: [a, {block: b, block: c}]\n", `content/a.md:20:22: chart: duplicate key "block" in a data item (first at line 20)`},
		// "data: [a, {block: b, name: " is 27 characters, the quote 28,
		// "B " 29-30, {{ 31.
		{"data: [a, {block: b, name: \"B {{ b.x }}\"}]\n", "content/a.md:20:31: chart: name: {{ }} is not read here, and would be shown as typed: write the name as text (values go in a chart's title, caption and event labels)"},
		// Without quotes, a mapping to YAML: the same error, at the brace.
		{"data: [a, {block: b, name: {{ b.x }}}]\n", "content/a.md:20:28: chart: name: {{ }} is not read here, and would be shown as typed: write the name as text (values go in a chart's title, caption and event labels)"},
		{"data: a\nevents:\n  - {date: 2024-01-01, label: " + strings.Repeat("x", 41) + "}\n",
			`content/a.md:22:31: chart: event label "` + strings.Repeat("x", 41) + `" is longer than 40 characters: the table and the summary can say more`},
	} {
		var diags diag.List
		if _, ok := ParseSpec(path, []byte(tc.src), 20, &diags); ok || diags.Error() != tc.want {
			t.Errorf("ParseSpec(%q): %v, %q; want false, %q", tc.src, ok, diags.Error(), tc.want)
		}
	}
}

// TestParseSpecSubset checks that a chart block in the common subset of
// YAML is read by yamlsubset, as front matter is: the block of every
// generated article took 56 allocations through yaml.v3, and takes 17.
func TestParseSpecSubset(t *testing.T) {
	src := []byte("data: outages\ntitle: \"Visible incidents: observed and projected\"\n")
	var spec Spec
	allocs := testing.AllocsPerRun(100, func() {
		var diags diag.List
		var ok bool
		if spec, ok = ParseSpec("content/a.md", src, 12, &diags); !ok {
			t.Fatal(diags)
		}
	})
	want := BlockRef{Block: "outages", Pos: diag.Pos{Path: "content/a.md", Line: 12, Col: 7}}
	if len(spec.Data) != 1 || spec.Data[0] != want || spec.Title != "Visible incidents: observed and projected" {
		t.Errorf("ParseSpec = %+v; want data %+v and the title", spec, want)
	}
	if allocs > 25 {
		t.Errorf("ParseSpec took %v allocations; want at most 25 (yaml.v3 takes 56)", allocs)
	}
}
