package site

import (
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
