package site

import (
	"fmt"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// zoneDatesJS reads, for the figure with the given id, the dates the
// reader sees: the time axis's labels of the static SVG and of the live
// chart (repeats of a label in a row once), and the first line of the
// live chart's tooltip on each observation, with the observation's date
// as the option gives it.
const zoneDatesJS = `function (id) {
	const fig = document.getElementById(id);
	const live = fig.querySelector('.chart-live');
	const inst = window.echarts.getInstanceByDom(live);
	const out = {static: [], live: [], tips: []};
	const svg = Array.from(fig.querySelectorAll('.chart-static svg')).find(s => s.getClientRects().length > 0) || fig.querySelector('.chart-static svg');
	const plot = (svg.getAttribute('data-plot') || '').split(' ').map(Number);
	// The time axis's labels stand 18 units below the plot, centred on
	// their ticks or, at its ends, from or up to them; the legend's are
	// lower, the value axis's higher.
	for (const t of svg.querySelectorAll('text')) {
		const y = Number(t.getAttribute('y'));
		if (y > plot[3] + 8 && y < plot[3] + 24 && !/plc-note/.test(t.getAttribute('class') || '')) {
			out.static.push(t.textContent);
		}
	}
	for (const l of inst.getModel().getComponent('xAxis', 0).axis.getViewLabels()) {
		if (l.formattedLabel && out.live[out.live.length - 1] !== l.formattedLabel) {
			out.live.push(l.formattedLabel);
		}
	}
	inst.getOption().series.forEach((s, si) => {
		if (!String(s.id).startsWith('observed')) {
			return;
		}
		(s.data || []).forEach((d, di) => {
			inst.dispatchAction({type: 'showTip', seriesIndex: si, dataIndex: di});
			const tips = Array.from(live.querySelectorAll('div')).map(x => x.innerText || '').filter(x => x.trim());
			// The chart holds its dates as times on UTC's clock.
			const date = typeof d.value[0] === 'number' ? new Date(d.value[0]).toISOString().slice(0, 10) : d.value[0];
			out.tips.push([date, tips.length ? tips[tips.length - 1].split('\n')[0] : '']);
		});
	});
	return out;
}`

// TestBrowserChartDatesInZones opens charts in browsers whose time zone is
// not UTC, where ECharts reads a date without a zone as local midnight:
// Newfoundland, 3½ hours behind UTC, and Kiritimati, 14 hours ahead. The
// live chart's time axis must read as the static SVG's, and its tooltip
// must give each observation the day the table gives it: never 14 April
// for 15 April. The other browser tests run in UTC, where local time and
// UTC are one.
func TestBrowserChartDatesInZones(t *testing.T) {
	fsys := fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: Zones\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/daily.md": {Data: []byte("---\ntitle: Daily\ndate: 2025-01-20\ndata:\n  b:\n    unit: beds\n    series:\n" +
			"      - {date: 2025-01-06, value: 3800}\n      - {date: 2025-01-13, value: 3000}\n" +
			"    projection: {start: {date: 2024-12-05, value: 0}, rate: 92, low: 70, high: 110, limit: 12000}\n" +
			"---\nThe chart.\n\n```chart\ndata: b\nevents:\n  - {date: 2024-12-25, label: Christmas}\n```\n")},
		"content/articles/days.md": {Data: []byte("---\ntitle: Days\ndate: 2025-04-20\ndata:\n  b:\n    unit: beds\n    series:\n" +
			"      - {date: 2025-03-29, value: 1}\n      - {date: 2025-03-30, value: 2}\n      - {date: 2025-03-31, value: 3}\n" +
			"      - {date: 2025-04-06, value: 5}\n      - {date: 2025-04-15, value: 6}\n" +
			"---\nThe chart.\n\n```chart\ndata: b\n```\n\n```chart\ndata: b\ntype: bar\n```\n")},
		"content/articles/leap.md": {Data: []byte("---\ntitle: Leap\ndate: 2024-02-29\ndata:\n  b:\n    unit: beds\n    series:\n" +
			"      - {date: 2024-01-31, value: 10}\n      - {date: 2024-02-29, value: 12}\n" +
			"    projection: {rate: 5, per: month, until: 2024-07-01}\n---\nThe chart.\n\n```chart\ndata: b\n```\n")},
	}
	dest := buildFS(t, fsys)
	root := serveDir(t, dest)
	for _, zone := range []string{"America/St_Johns", "Pacific/Kiritimati"} {
		t.Run(zone, func(t *testing.T) {
			ctx := newBrowser(t, browserTimeout, nil)
			if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: zone}); err != nil {
				t.Fatal(err)
			}
			emulateMedia(t, ctx, "", "prefers-reduced-motion", "reduce")
			for _, name := range []string{"daily", "days", "leap"} {
				navigate(t, ctx, root+"articles/"+name+"/")
				for _, c := range waitChartsPainted(t, ctx, 0.01) {
					type dates struct {
						Static, Live []string
						Tips         [][2]string
					}
					got, err := chromedp.Run(ctx, chromedp.Evaluate[dates](fmt.Sprintf("(%s)(%q)", zoneDatesJS, c.Figure)))
					if err != nil {
						t.Fatal(err)
					}
					if len(got.Static) == 0 || !slices.Equal(got.Static, got.Live) {
						t.Errorf("%s: the time axis reads %q in the static SVG, %q in the live chart", c.Figure, got.Static, got.Live)
					}
					if len(got.Tips) == 0 {
						t.Errorf("%s: no tooltip on the observations", c.Figure)
					}
					for _, tip := range got.Tips {
						if want := longDay(t, tip[0]); tip[1] != want {
							t.Errorf("%s: the tooltip of the observation of %s reads %q; want %q", c.Figure, tip[0], tip[1], want)
						}
					}
				}
			}
		})
	}
}

// longDay writes the date d, YYYY-MM-DD, as the tooltip writes a day:
// "15 Apr 2025".
func longDay(t *testing.T, d string) string {
	t.Helper()
	day, err := time.Parse(time.DateOnly, d)
	if err != nil {
		t.Fatalf("the option gives the date %q", d)
	}
	return day.Format("2 Jan 2006")
}
