package chart

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/plotline/plotline/internal/diag"
)

// TestMistakes reads the chart blocks of the table of writers' mistakes
// in internal/yamlpos/testdata/mistakes.txt, each the ```chart block of an
// article, and expects each one's error at the line and column of the
// article counted by hand.
func TestMistakes(t *testing.T) {
	a, err := txtar.ParseFile("../yamlpos/testdata/mistakes.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, f := range a.Files {
		if !strings.HasPrefix(f.Name, "chart/") || strings.HasSuffix(f.Name, ".want") {
			continue
		}
		if i+1 == len(a.Files) || a.Files[i+1].Name != f.Name+".want" {
			t.Fatalf("%s: no %s.want after it", f.Name, f.Name)
		}
		var want string
		for _, l := range strings.Split(string(a.Files[i+1].Data), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				want = l
			}
		}
		const fence = "```chart\n"
		start := bytes.Index(f.Data, []byte(fence)) + len(fence)
		end := start + bytes.Index(f.Data[start:], []byte("```"))
		line := 1 + bytes.Count(f.Data[:start], []byte("\n"))
		var diags diag.List
		ParseSpec(f.Name, f.Data[start:end], line, &diags)
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if len(got) != 1 || got[0] != f.Name+":"+want {
			t.Errorf("%s:\ngot  %s\nwant %s:%s", f.Name, strings.Join(got, "\n     "), f.Name, want)
		}
		n++
	}
	if n < 2 {
		t.Errorf("%d chart cases in mistakes.txt; want them all", n)
	}
}
