package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestBrowserTooltipWrittenDates shows, in Chromium, the tooltips of
// charts of annual and monthly statistics written as years and months:
// an observation's date is the year, 1959, or the month, "Sept. 1979" on
// a German site, as the table and the prose write it, not its first day;
// the projection's start, from the latest observation, is its year too.
func TestBrowserTooltipWrittenDates(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	const co2 = "---\ntitle: CO2\ndate: 2025-03-01\ndata:\n" +
		"  co2:\n    unit: ppm\n    series:\n      - {date: 1959, value: 315.98}\n      - {date: 2024, value: 424.61}\n" +
		"    projection: {rate: 2.4, per: year, limit: 450, until: 2040-06-30}\n" +
		"---\nIn {{ co2.last.date }}.\n\n```chart\ndata: co2\n```\n"
	const ice = "---\ntitle: Meereis\ndate: 2025-03-01\ndata:\n" +
		"  ice:\n    unit: Mio. km²\n    series:\n      - {date: 1979-09, value: 7.05}\n      - {date: 2024-09, value: 4.28}\n" +
		"---\nIm {{ ice.last.date }}.\n\n```chart\ndata: ice\n```\n"
	// May, whose name in a Russian or Czech date is the genitive ("4 мая",
	// "4. května") and, for a month of a year, the noun ("май", "květen").
	iceMay := strings.Replace(ice, "1979-09", "1979-05", 1)
	for _, c := range []struct {
		name, config, article, url string
		series                     string
		index                      int
		want                       string
	}{
		{"a year", "title: Data\nbase_url: https://example.github.io/repo/\n", co2, "articles/co2/", "observed", 0, "1959"},
		{"the projection's start", "title: Data\nbase_url: https://example.github.io/repo/\n", co2, "articles/co2/", "central", 0, "2024"},
		{"a month in German", "title: Daten\nlanguage: de\nbase_url: https://example.github.io/repo/\n", ice, "articles/ice/", "observed", 0, "Sept. 1979"},
		{"a month in Russian", "title: Data\nlanguage: ru\nbase_url: https://example.github.io/repo/\n", iceMay, "articles/ice/", "observed", 0, "май 1979\u202fг."},
		{"a month in Lithuanian, its number in two digits", "title: Data\nlanguage: lt\nbase_url: https://example.github.io/repo/\n", iceMay, "articles/ice/", "observed", 0, "1979-05"},
		{"a month in Czech", "title: Data\nlanguage: cs\nbase_url: https://example.github.io/repo/\n", iceMay, "articles/ice/", "observed", 0, "květen 1979"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dest := buildFS(t, fstest.MapFS{
				"plotline.yaml": {Data: []byte(c.config)},
				"content/" + strings.TrimSuffix(c.url, "/") + ".md": {Data: []byte(c.article)},
			})
			useUTC(t, ctx)
			navigate(t, ctx, serveDir(t, dest)+c.url)
			charts := waitChartsPainted(t, ctx, 0.005)
			text := showTooltip(t, ctx, charts[0].Figure, c.series, c.index, c.want)
			if strings.Contains(text, "Jan") || strings.Contains(text, "1. Sept") {
				t.Errorf("tooltip %q writes a first day the data does not give", text)
			}
		})
	}
}

// TestBrowserTooltipGrainsOfBlocks shows, in Chromium, the tooltip of a
// chart of an annual block beside a monthly one: the tooltip wrote every
// date as the finest block does, so that the annual value of 2023 was
// given as January 2023's, and the one of 2024 under "Jan 2024". Each
// block's value now comes with its own date, as its table gives it.
func TestBrowserTooltipGrainsOfBlocks(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	const article = "---\ntitle: CO2\ndate: 2025-03-01\ndata:\n" +
		"  annual:\n    unit: ppm\n    series:\n      - {date: 2023, value: 420.1}\n      - {date: 2024, value: 424.61}\n" +
		"  monthly:\n    unit: ppm\n    series:\n      - {date: 2023-12, value: 421.5}\n      - {date: 2024-01, value: 422.8}\n" +
		"---\nIn {{ annual.last.date }}.\n\n```chart\ndata: [annual, monthly]\n```\n"
	useUTC(t, ctx)
	navigate(t, ctx, serveArticle(t, "co2", article))
	charts := waitChartsPainted(t, ctx, 0.005)
	for _, c := range []struct {
		series string
		index  int
		want   []string
	}{
		// The year 2023 alone: its date is the year.
		{"observed-annual", 0, []string{"2023", "annual: 420.1 ppm"}},
		// The year 2024 and January 2024, on one instant: each with
		// its own date.
		{"observed-monthly", 1, []string{"annual", "424.61 ppm", "monthly (Jan 2024): 422.8 ppm"}},
	} {
		text := showTooltip(t, ctx, charts[0].Figure, c.series, c.index, c.want[len(c.want)-1])
		for _, want := range c.want {
			if !strings.Contains(text, want) {
				t.Errorf("tooltip of %s %d = %q; want it to say %q", c.series, c.index, text, want)
			}
		}
		if strings.Contains(text, "Jan 2023") || strings.Contains(text, "annual (Jan") || strings.HasPrefix(text, "Jan 2024") && !strings.Contains(text, "annual (2024)") {
			t.Errorf("tooltip of %s %d = %q gives the annual value a month", c.series, c.index, text)
		}
		t.Logf("tooltip: %q", text)
	}

	// Beside readings at hours of the day, a month is still a month, as
	// the table and the static chart give it, not its first midnight.
	const timed = "---\ntitle: CO2\ndate: 2025-03-01\ndata:\n" +
		"  monthly:\n    unit: ppm\n    series:\n      - {date: 2023-12, value: 421.5}\n      - {date: 2024-01, value: 422.8}\n" +
		"  gauge:\n    unit: ppm\n    series:\n      - {date: 2024-01-01T06:00, value: 423.0}\n      - {date: 2024-01-01T18:00, value: 423.4}\n" +
		"---\nIn {{ monthly.last.date }}.\n\n```chart\ndata: [monthly, gauge]\n```\n"
	navigate(t, ctx, serveArticle(t, "co2", timed))
	charts = waitChartsPainted(t, ctx, 0.005)
	text := showTooltip(t, ctx, charts[0].Figure, "observed-monthly", 0, "421.5 ppm")
	if !strings.HasPrefix(text, "Dec 2023") || strings.Contains(text, "00:00") {
		t.Errorf("tooltip of December 2023 beside hourly readings = %q; want it to start with Dec 2023, without a time", text)
	}
	t.Logf("tooltip: %q", text)
}

// TestBrowserTooltipCrossingDay shows, in Chromium, the tooltip of a
// monthly series' projection on the day it reaches its limit, the first
// of a month: the tooltip wrote it "Aug 2024", the month, where the
// table, the label above the plot and the summary give the day the
// projection computes, 1 August 2024.
func TestBrowserTooltipCrossingDay(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	const article = "---\ntitle: Rates\ndate: 2024-03-15\ndata:\n" +
		"  rate:\n    unit: percent\n    series:\n      - {date: 2024-02, value: 4.5}\n      - {date: 2024-03, value: 4.75}\n" +
		"    projection: {rate: 0.25, per: month, limit: 6}\n" +
		"---\nBy {{ rate.crossing }}.\n\n```chart\ndata: rate\n```\n"
	dest := buildArticle(t, "rate", article)
	page, err := os.ReadFile(filepath.Join(dest, "articles", "rate", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<time datetime="2024-08-01">1 Aug 2024</time>`; !strings.Contains(string(page), want) {
		t.Fatalf("the table has no row %s", want)
	}
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/rate/")
	charts := waitChartsPainted(t, ctx, 0.005)
	// The central line's points: 1 March (the start) to 1 August, a
	// month apart, then until.
	text := showTooltip(t, ctx, charts[0].Figure, "central", 5, "6 percent")
	if !strings.HasPrefix(text, "1 Aug 2024\n") {
		t.Errorf("tooltip on the crossing = %q; want it to start with the day, 1 Aug 2024", text)
	}
	// A projected first of a month is written as the month, as the
	// table writes such a row, and the start as its observation.
	for _, c := range []struct {
		index int
		want  string
	}{{0, "Mar 2024\n"}, {1, "Apr 2024\n"}} {
		if text := showTooltip(t, ctx, charts[0].Figure, "central", c.index, "Central projection"); !strings.HasPrefix(text, c.want) {
			t.Errorf("tooltip of central point %d = %q; want it to start with %q", c.index, text, c.want)
		}
	}
}
