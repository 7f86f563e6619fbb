package render

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/diag"
)

// doubling returns n+1 templates d0 … dn, each of which but the last
// calls the next twice: d0 makes 2^(n+1)-1 calls.
func doubling(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "{{ define \"d%d\" }}{{ template \"d%d\" }}{{ template \"d%d\" }}{{ end }}\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "{{ define \"d%d\" }}{{ end }}\n", n)
	return b.String()
}

// TestTooManySteps parses templates that would run for hours without
// writing a byte, which no bound of the output stops: each is refused
// when the templates are parsed, at its place, at once.
func TestTooManySteps(t *testing.T) {
	const rangeTail = ", more than the 1000000 turns plotline allows a {{ range }} over a number: range over the data, or a smaller number"
	const stepsTail = " plotline allows one run of a template (a step is a call of a template or a turn of a {{ range }} over a number"
	for _, tc := range []struct {
		name          string
		main, partial string
		diags         []string
	}{
		{
			// {{- define "main" -}}{{ range  is 30 characters: the
			// number, where the templates place a range, is at 31.
			name:  "a range over the largest int",
			main:  "{{- define \"main\" -}}{{ range 9223372036854775807 }}{{ end }}x{{ end }}",
			diags: []string{"templates/article.html:1:31: range over 9223372036854775807 would run for years" + rangeTail},
		},
		{
			name: "two ranges over large numbers, one inside the other",
			main: "{{ define \"main\" }}{{ range 2000000 }}\n{{ range 3000000 }}{{ end }}{{ end }}{{ end }}",
			diags: []string{
				"templates/article.html:1:29: range over 2000000 would run 2000000 times on every page that runs it" + rangeTail,
				"templates/article.html:2:10: range over 3000000 would run 3000000 times on every page that runs it" + rangeTail,
			},
		},
		{
			// The templates place a range with a variable at what it
			// ranges over: after "é · {{ range $i := ", 13 characters.
			name:  "a range just past the bound, in parentheses, after runes",
			main:  "{{ define \"main\" }}\né · {{ range $i := (1000001) }}{{ end }}{{ end }}",
			diags: []string{"templates/article.html:2:14: range over (1000001) would run 1000001 times on every page that runs it" + rangeTail},
		},
		{
			name:  "a range over a variable that holds a number",
			main:  "{{ define \"main\" }}{{ $n := 5 }}{{ if .Title }}{{ $n = 1000000000000 }}{{ end }}\n{{ range $n }}{{ end }}{{ end }}",
			diags: []string{"templates/article.html:2:10: range over $n (up to 1000000000000) would run for hours" + rangeTail},
		},
		{
			// The dot of a partial given a number, and that of a with.
			name:    "a range over the dot",
			main:    "{{ define \"main\" }}{{ template \"d0\" 1000000000000 }}{{ with 5000000 }}{{ range . }}{{ end }}{{ end }}{{ end }}",
			partial: "{{ define \"d0\" }}{{ range $ }}{{ end }}{{ end }}",
			diags: []string{
				"templates/article.html:1:80: range over . (up to 5000000) would run 5000000 times on every page that runs it" + rangeTail,
				"templates/partials/d.html:1:27: range over $ (up to 1000000000000) would run for hours" + rangeTail,
			},
		},
		{
			// 41 templates, each calling the next twice, from main:
			// 2^41-1 calls. d17 passes the bound at its second call of
			// d18 (8388607 + 8388607 + 1), at column 51 of line 18.
			name:    "templates whose calls multiply",
			main:    "{{ define \"main\" }}{{ template \"d0\" }}{{ end }}",
			partial: doubling(40),
			diags:   []string{`templates/partials/d.html:18:51: template "d17" would take 16777215 steps by here, more than the 10000000` + stepsTail + `; this call of "d18" takes 8388607): call fewer templates, or range over the data or over smaller numbers`},
		},
		{
			// Each range within the bound: 1000 × (1 + 1000 × 1001).
			name:  "nested ranges over numbers",
			main:  "{{ define \"main\" }}{{ range 1000 }}{{ range 1000 }}{{ range 1000 }}{{ end }}{{ end }}{{ end }}{{ end }}",
			diags: []string{`templates/article.html:1:29: template "main" would take 1001001001 steps by here, more than the 10000000` + stepsTail + `; this {{ range }} runs 1000 times, each taking 1001001): call fewer templates, or range over the data or over smaller numbers`},
		},
		{
			// The inner range runs over up to 999999: 10^12 steps,
			// and 1 for the call of main.
			name:  "a range over a range's turn",
			main:  "{{ define \"main\" }}{{ range $i := 1000000 }}{{ range $i }}{{ end }}{{ end }}{{ end }}",
			diags: []string{`templates/article.html:1:29: template "main" would take 1000000000001 steps by here, running for hours, more than the 10000000` + stepsTail + `; this {{ range }} runs 1000000 times, each taking 1000000): call fewer templates, or range over the data or over smaller numbers`},
		},
		{
			// Refused at the partial's range: main, which calls it,
			// is not refused again.
			name:    "a partial refused, not its callers",
			main:    "{{ define \"main\" }}{{ range 100 }}{{ template \"d0\" }}{{ end }}{{ end }}",
			partial: "{{ define \"d0\" }}\n{{ range 2000000 }}{{ end }}{{ end }}",
			diags:   []string{"templates/partials/d.html:2:10: range over 2000000 would run 2000000 times on every page that runs it" + rangeTail},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layoutFS()
			fsys["templates/article.html"] = &fstest.MapFile{Data: []byte(tc.main)}
			if tc.partial != "" {
				fsys["templates/partials/d.html"] = &fstest.MapFile{Data: []byte(tc.partial)}
			}
			start := time.Now()
			_, err := ParseLayouts(fsys, testFuncs(testSite("", "/")))
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("ParseLayouts took %v", took)
			}
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("ParseLayouts() error = %v; want the errors:\n%s", err, strings.Join(tc.diags, "\n"))
			}
			var got []string
			for _, d := range list {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.diags, "\n") {
				t.Errorf("ParseLayouts() errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.diags, "\n"))
			}
		})
	}
}

// TestStepsAllowed parses templates that take few steps, or whose steps
// depend on the data: plotline's own, ranges over small numbers and over
// the data, 2^23 calls, a float Go's templates refuse to range over as
// they run, and a range's else.
func TestStepsAllowed(t *testing.T) {
	if _, err := ParseLayouts(plotline.Defaults(), testFuncs(testSite("", "/"))); err != nil {
		t.Fatalf("ParseLayouts(plotline's own templates) = %v", err)
	}
	for _, tc := range []struct{ main, partial string }{
		{main: `{{ define "main" }}{{ range 10 }}<i>*</i>{{ end }}{{ end }}`},
		{main: `{{ define "main" }}{{ range $i := 1000000 }}{{ $i }}{{ end }}{{ end }}`},
		{main: `{{ define "main" }}{{ range 1e12 }}{{ end }}{{ range -5 }}{{ else }}{{ range 5 }}{{ end }}{{ end }}{{ end }}`},
		{main: `{{ define "main" }}{{ range .Article.Tags }}{{ range $.Article.Tags }}{{ range 1000 }}{{ end }}{{ end }}{{ end }}{{ end }}`},
		{main: `{{ define "main" }}{{ $n := .Title }}{{ range $n }}{{ range 1000 }}{{ end }}{{ end }}{{ end }}`},
		{main: `{{ define "main" }}{{ template "d0" }}{{ end }}`, partial: doubling(22)},
		{main: `{{ define "main" }}{{ template "d0" 10 }}{{ template "d0" .Article.Tags }}{{ end }}`, partial: `{{ define "d0" }}{{ range . }}{{ range $ }}{{ end }}{{ end }}{{ end }}`},
		{main: `{{ define "main" }}{{ range 3 }}{{ template "d0" . }}{{ end }}{{ end }}`, partial: `{{ define "d0" }}{{ if . }}{{ template "d0" }}{{ end }}{{ range 1000 }}{{ end }}{{ end }}`},
	} {
		fsys := layoutFS()
		fsys["templates/article.html"] = &fstest.MapFile{Data: []byte(tc.main)}
		if tc.partial != "" {
			fsys["templates/partials/d.html"] = &fstest.MapFile{Data: []byte(tc.partial)}
		}
		if _, err := ParseLayouts(fsys, testFuncs(testSite("", "/"))); err != nil {
			t.Errorf("ParseLayouts with %s %s: %v; want none", tc.main, tc.partial, err)
		}
	}
}
