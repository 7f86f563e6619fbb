package site

import (
	"fmt"
	"math"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// tickArticles are bar charts whose readings all fall on one weekday
// (weeks ending on a Sunday) or on the last day of their month: their
// time axis labels each bar with its own date.
var tickArticles = map[string]string{
	"content/articles/weekly.md": `---
title: Weekly
date: 2021-02-08
data:
  weekly:
    unit: first doses
    series:
      - {date: 2021-01-17, value: 1775929}
      - {date: 2021-01-24, value: 2290820}
      - {date: 2021-01-31, value: 2624008}
      - {date: 2021-02-07, value: 3036810}
---

` + "```chart\ndata: weekly\ntype: bar\n```\n",
	"content/articles/monthly.md": `---
title: Monthly
date: 2024-07-01
data:
  rain:
    unit: mm
    series:
      - {date: 2024-01-31, value: 80}
      - {date: 2024-02-29, value: 60}
      - {date: 2024-03-31, value: 55}
      - {date: 2024-04-30, value: 40}
      - {date: 2024-05-31, value: 45}
      - {date: 2024-06-30, value: 30}
---

` + "```chart\ndata: rain\ntype: bar\n```\n",
}

// TestBrowserBarTicks checks, in the live chart, that every labelled
// date of a bar chart's time axis stands under a bar, within a pixel: a
// week's bar over its Sunday, a month's over its last day, not a day
// beside them at the Monday or the 1st that comes after.
func TestBrowserBarTicks(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	fsys := fstest.MapFS{"plotline.yaml": {Data: []byte("title: Ticks\nbase_url: https://example.github.io/repo/\n")}}
	for name, src := range tickArticles {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	base := serveDir(t, buildFS(t, fsys))
	const js = `(id => {
	const inst = window.echarts.getInstanceByDom(document.getElementById(id).querySelector('.chart-live'));
	const opt = inst.getOption();
	const px = v => inst.convertToPixel({gridIndex: 0}, [v, 0])[0];
	const bars = opt.series.find(s => s.type === 'bar').data.map(d => px((Array.isArray(d) ? d : d.value)[0]));
	const labels = opt.xAxis[0].axisLabel.customValues.map(px);
	return {bars, labels};
})`
	for _, page := range []string{"weekly", "monthly"} {
		navigate(t, ctx, base+"articles/"+page+"/")
		charts := waitChartsPainted(t, ctx, 0.005)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ Bars, Labels []float64 }](fmt.Sprintf("%s(%q)", js, charts[0].Figure)))
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Labels) < 2 {
			t.Fatalf("%s: labels at %v; want two or more", page, got.Labels)
		}
		for _, x := range got.Labels {
			under := math.Inf(1)
			for _, b := range got.Bars {
				under = min(under, math.Abs(b-x))
			}
			if under > 1 {
				t.Errorf("%s: a label at x %.1f is %.1f pixels from the nearest bar (bars at %.1f)", page, x, under, got.Bars)
			}
		}
	}
}
