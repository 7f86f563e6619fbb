package site

import (
	"fmt"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// TestBrowserLargeTicks checks that the live chart writes the value
// axis of a population in millions as the static SVG does, in CLDR's
// short words of the site's language ("120 Mio.", "1億2000万"), the
// digits grouped from five on, and 0 as the language writes it.
func TestBrowserLargeTicks(t *testing.T) {
	events := &browserEvents{}
	ctx := newBrowser(t, 3*browserTimeout, events)
	useUTC(t, ctx)
	emulateMedia(t, ctx, "", "prefers-reduced-motion", "reduce")
	people := func(first, last, limit string) string {
		return "\n      - {date: 2020-10-01, value: " + first + "}\n      - {date: 2024-10-01, value: " + last +
			"}\n    projection: {per: year, model: exponential, rate: -0.5, low: -0.7, high: -0.3, limit: " + limit + "}"
	}
	japan := people("126146099", "123802000", "120000000")
	for _, c := range []struct {
		lang, series, want string
	}{
		{"de", japan, "120\u00a0Mio."},
		{"ru", japan, "120\u00a0млн"},
		{"ja", japan, "12,000万"},
		// Four digits before the word are not grouped, in both charts.
		{"ja", people("84100000", "83200000", "80000000"), "8000万"},
		{"ar-EG", japan, "١٢٠\u00a0مليون"},
		{"en", japan, "120m"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			site := fstest.MapFS{
				"plotline.yaml": {Data: []byte("title: Ticks\nbase_url: https://example.github.io/repo/\nlanguage: " + c.lang + "\n")},
				"content/articles/people.md": {Data: []byte(`---
title: People
date: 2025-01-20
data:
  b:
    unit: people
    series:` + c.series + `
---
The chart.

` + "```chart\ndata: b\n```\n")},
			}
			root := serveDir(t, buildFS(t, site))
			events.take()
			defer checkEvents(t, events, true)
			navigate(t, ctx, root+"articles/people/")
			charts := waitChartsDrawn(t, ctx)
			if len(charts) != 1 {
				t.Fatalf("the page has %d charts; want 1", len(charts))
			}
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[geometryRaw](fmt.Sprintf("(%s)(%q)", geometryJS, charts[0].Figure)))
			if err != nil {
				t.Fatalf("reading the charts' geometry: %v", err)
			}
			if !slices.Equal(raw.SVG.YLabels, raw.Live.YLabels) {
				t.Errorf("the value axis reads %q in the static SVG and %q in the live chart", raw.SVG.YLabels, raw.Live.YLabels)
			}
			if !slices.Contains(raw.SVG.YLabels, c.want) {
				t.Errorf("the value axis reads %q; want %q among its ticks", raw.SVG.YLabels, c.want)
			}
		})
	}
}
