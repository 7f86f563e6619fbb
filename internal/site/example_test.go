package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/overlay"
)

const kurskFile = "content/articles/north-korean-troops-kursk.md"

// buildEdited builds the example site with its Kursk article's text
// passed through edit, and returns the output folder and the error.
func buildEdited(t *testing.T, edit func(string) string) (string, Result, error) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, kurskFile))
	if err != nil {
		t.Fatal(err)
	}
	edited := edit(string(src))
	site := overlay.New(fstest.MapFS{kurskFile: {Data: []byte(edited)}}, os.DirFS(repoRoot))
	cfg, err := config.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(cfg, overlay.New(site, plotline.Defaults()), Options{Dest: dest})
	res, err := b.Build(context.Background())
	return dest, res, err
}

// replaceAll applies old → new pairs to s, failing the test when one of
// them is not in s.
func replaceAll(t *testing.T, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("the example article no longer holds %q", pairs[i])
		}
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}

// TestExampleHalfRate changes the example article's rate from 92 to 46 a
// day. Every number computed from the data follows; every claim the text
// makes about it that turns false fails the build at its place, naming
// the claim; with the claims brought up to date the site builds, and its
// headline, meta description, feed entry, caption, table and chart agree.
func TestExampleHalfRate(t *testing.T) {
	halve := func(s string) string {
		return replaceAll(t, s, "      rate: 92\n", "      rate: 46\n", "      low: 70\n", "      low: 35\n", "      high: 110\n", "      high: 55\n")
	}

	// The claims as written for 92 a day. Line and column counted by hand
	// in content/articles/north-korean-troops-kursk.md: the headline on
	// line 2, the dek on line 4, the last section's sentence on line 93.
	_, res, err := buildEdited(t, halve)
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("Build() = %v; want the false claims as diagnostics", err)
	}
	want := []string{
		kurskFile + `:2:73: {{ losses.crossing | claim "by spring" }}: claim "by spring" is false: it reads as on or before 31 May 2025, and losses.crossing is 23 August 2025 (late August 2025)`,
		kurskFile + `:4:150: {{ losses.crossing | claim "within four months" }}: claim "within four months" is false: it reads as 14 January to 13 May 2025, and losses.crossing is 23 August 2025 (within 8 months)`,
		kurskFile + `:93:152: {{ losses.low.crossing | claim "within six months" }}: claim "within six months" is false: it reads as 14 January to 13 July 2025, and losses.low.crossing is 13 November 2025 (within 10 months)`,
	}
	if got := strings.Split(l.Error(), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Every claim of the page was checked, the true ones too.
	if len(res.Claims) != 4 {
		t.Errorf("%d claims checked; want 4: %+v", len(res.Claims), res.Claims)
	}

	// The claims brought up to date.
	dest, res, err := buildEdited(t, func(s string) string {
		return replaceAll(t, halve(s),
			`claim "by spring"`, `claim "by summer"`,
			`claim "within four months"`, `claim "within eight months"`,
			`claim "within six months"`, `claim "within ten months"`)
	})
	if err != nil {
		t.Fatalf("Build(): %v", err)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings:\n%s", res.Warnings.Error())
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dest, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	page := read("articles/north-korean-troops-kursk/index.html")
	const headline = "At the current rate, North Korea’s force in Kursk would be spent by summer"
	const dek = "could be entirely killed or wounded within eight months"
	for _, want := range []string{
		"<title>" + headline + " · ",
		"<h1>" + headline + "</h1>",
		`<meta name="description" content="A straight-line reading of reported losses suggests the North Korean contingent fighting for Russia ` + dek,
		`<meta property="og:title" content="` + headline + `">`,
		`<p class="chart-caption">Projection at 46 casualties a day from 5 December 2024; the band spans 35 to 55 a day.</p>`,
		// The crossing in the prose, the chart's option and its table.
		`data-ref="losses.crossing">23 August 2025</span>`,
		`"name":"23 Aug 2025","xAxis":"2025-08-23"`,
		`<tr class="chart-crossing"><th scope="row"><time datetime="2025-08-23">`,
		`reaches 12,000 on 23 August 2025`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}
	feed := read("feed.xml")
	for _, want := range []string{"<title>" + headline + "</title>", dek} {
		if !strings.Contains(feed, want) {
			t.Errorf("the feed has no %q", want)
		}
	}
	if !strings.Contains(read("index.html"), headline) {
		t.Errorf("the home page does not list %q", headline)
	}
	// Nothing of the old rate is left anywhere in the page.
	if m := regexp.MustCompile(`\b(92|70 to 110|15 April 2025|by spring)\b`).FindString(page); m != "" {
		t.Errorf("the page still says %q", m)
	}
}
