package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// languageArticle projects a reservoir's level in German, from a last
// reading of 1,800.5 written with a decimal.
const languageArticle = "---\ntitle: Stausee\ndate: 2025-03-01\ndata:\n" +
	"  res:\n    unit: Megaliter\n    series:\n      - {date: 2025-02-01, value: 1850}\n      - {date: 2025-03-01, value: 1800.5}\n" +
	"    projection: {rate: -12.5, per: week, low: -15, high: -5, limit: 100}\n" +
	"---\nVon {{ res.start.value }} am {{ res.start.date }}.\n\n```chart\ndata: res\n```\n"

// TestBrowserTooltipLanguage shows, in Chromium, the tooltips of a German
// site's chart: its dates and numbers are written as the page's prose and
// table write them, 1. März 2025 and 1.800,5, not 1 Mar 2025 and 1,800.5;
// a computed value is grouped with a full stop, -2.878,1 (in tenths, as
// the start was written); the words before
// the values are German too (Mittlere Projektion, Spanne).
func TestBrowserTooltipLanguage(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml":            {Data: []byte("title: Datendesk\nlanguage: de\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/stau.md": {Data: []byte(languageArticle)},
	})
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/stau/")
	charts := waitChartsDrawn(t, ctx)
	text := showTooltip(t, ctx, charts[0].Figure, "central", 0, "1. März 2025")
	for _, want := range []string{"1.800,5 Megaliter", "Mittlere Projektion: 1.800,5 Megaliter"} {
		if !strings.Contains(text, want) {
			t.Errorf("tooltip %q does not say %q", text, want)
		}
	}
	t.Logf("tooltip: %q", text)
	text = showTooltip(t, ctx, charts[0].Figure, "observed", 0, "1. Feb. 2025")
	if !strings.Contains(text, "1.850 Megaliter") {
		t.Errorf("tooltip %q does not say %q", text, "1.850 Megaliter")
	}
	// The projection's end: computed numbers, grouped and with a decimal
	// comma, as the table writes them.
	text = showTooltip(t, ctx, charts[0].Figure, "central", 1, "3. Mai 2032")
	for _, want := range []string{"Mittlere Projektion: -2.878,1 Megaliter", "Spanne: -3.813,8\u2013-70,9 Megaliter"} {
		if !strings.Contains(text, want) {
			t.Errorf("tooltip %q does not say %q", text, want)
		}
	}
}

// TestBrowserTooltipGrouping shows, in Chromium, the tooltips of a
// Spanish site's chart: Spanish groups the digits of a number from five
// digits on (CLDR's minimum grouping digits), so the tooltip writes
// 1850 and -2878,1, as the page's prose and table do, not 1.850 and
// -2.878,1.
func TestBrowserTooltipGrouping(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml":            {Data: []byte("title: Datos\nlanguage: es\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/stau.md": {Data: []byte(languageArticle)},
	})
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/stau/")
	charts := waitChartsDrawn(t, ctx)
	text := showTooltip(t, ctx, charts[0].Figure, "observed", 0, "1 feb 2025")
	if !strings.Contains(text, "\n1850 Megaliter") {
		t.Errorf("tooltip %q does not say %q", text, "1850 Megaliter")
	}
	text = showTooltip(t, ctx, charts[0].Figure, "central", 1, "3 may 2032")
	for _, want := range []string{"Proyección central: -2878,1 Megaliter", "Rango: -3813,8\u2013-70,9 Megaliter"} {
		if !strings.Contains(text, want) {
			t.Errorf("tooltip %q does not say %q", text, want)
		}
	}
}
