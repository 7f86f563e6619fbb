package data

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// TestValuesInTOMLData checks that a {{ }} in the data of TOML front
// matter is reported at its "{{", past the quote that opens the string,
// as in YAML: unit = "some {{ a.x }}" has it at column 14.
func TestValuesInTOMLData(t *testing.T) {
	src := "+++\ntitle = \"A\"\ndate = 2025-01-01\n[data.a]\nunit = \"some {{ a.x }}\"\n" +
		"[[data.a.series]]\ndate = 2025-01-01\nvalue = 1\nlabel = 'Zoë {{ a.y }}'\n+++\n"
	var diags diag.List
	p := content.Parse(pagePath, []byte(src), &diags)
	if diags.HasErrors() {
		t.Fatalf("front matter: %v", diags)
	}
	Parse(fstest.MapFS{}, Page{Path: pagePath, Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)}, p.Data, &diags)
	diags.Sort()
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+d.Message[:5])
	}
	want := []string{pagePath + ":5:14 unit:", pagePath + ":9:14 label"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("diagnostics %q; want %q", got, want)
	}
}
