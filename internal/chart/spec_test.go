package chart

import (
	"testing"

	"github.com/google/go-cmp/cmp"

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
			want: Spec{Block: "losses", Title: "Losses <so far>", Caption: "Source: MoD", Type: "bar", Height: 420},
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
				`content/kursk.md:21:1: chart: unknown key "colour" (known keys: caption, data, height, title, type)`,
			},
		},
		{
			name:     "bad type and height",
			src:      "data: losses\ntype: pie\nheight: tall\n",
			want:     Spec{Block: "losses"},
			wantDiag: []string{`content/kursk.md:21:7: chart: unknown type "pie" (want projection, line or bar)`, `content/kursk.md:22:9: chart: height must be a whole number of pixels, got "tall"`},
		},
		{
			// YAML ends a line at U+0085 and U+2028; the file does not.
			name:     "yaml line breaks that are not file line breaks",
			src:      "data: losses\u0085type: pie\u2028height: tall\n",
			want:     Spec{Block: "losses"},
			wantDiag: []string{`content/kursk.md:20:20: chart: unknown type "pie" (want projection, line or bar)`, `content/kursk.md:20:32: chart: height must be a whole number of pixels, got "tall"`},
		},
		{
			name:     "height out of range",
			src:      "data: losses\nheight: 5000\n",
			want:     Spec{Block: "losses"},
			wantDiag: []string{"content/kursk.md:21:9: chart: height 5000 is out of range (want 120 to 1200)"},
		},
		{
			name:     "data not text",
			src:      "data: [a, b]\n",
			wantDiag: []string{`content/kursk.md:20:7: chart: data must name a data block, got a list`},
		},
		{
			name:     "duplicate key",
			src:      "data: losses\ndata: other\n",
			want:     Spec{Block: "losses"},
			wantDiag: []string{`content/kursk.md:21:1: chart: duplicate key "data"`},
		},
		{
			name:     "not a mapping",
			src:      "- losses\n",
			wantDiag: []string{"content/kursk.md:20:1: chart: want keys (caption, data, height, title, type), got a list"},
		},
		{
			name:     "syntax error",
			src:      "data: losses\ntitle: \"unclosed\n",
			wantDiag: []string{"content/kursk.md:21:1: chart: found unexpected end of stream"},
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
			if ok && got != tt.want {
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
