package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
)

var summaryRE = regexp.MustCompile(`<p class="chart-summary[^>]*>([^<]*)</p>`)

// summaryReadings returns what of the page's accessibility tree, as
// Chromium gives it to screen readers, holds the text summary, one entry
// for each time a screen reader would read it: a node's name and its
// description count apart, a text node once (its inline text boxes are
// the same text again, not read twice).
func summaryReadings(t *testing.T, ctx context.Context, summary string) []string {
	t.Helper()
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	value := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		return strings.Trim(string(v.Value), `"`)
	}
	var out []string
	for _, n := range res.Nodes {
		role := value(n.Role)
		if n.Ignored || role == "InlineTextBox" {
			continue
		}
		if strings.Contains(value(n.Name), summary) {
			out = append(out, role+" name")
		}
		if strings.Contains(value(n.Description), summary) {
			out = append(out, role+" description")
		}
	}
	return out
}

// TestBrowserSummaryReadOnce opens the example's Kursk article with the
// static chart and with the live one, and checks that a screen reader
// meets the chart's text summary once: as the description of the static
// SVG, or as the label of the live chart. It was read three or four times
// (the figure's description, the SVG's name and its description, the
// hidden paragraph), which a listener has to sit through each time.
func TestBrowserSummaryReadOnce(t *testing.T) {
	ctx := newBrowser(t, 2*browserTimeout, nil)
	root, dest := serveExample(t)
	page, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(kurskPath), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := summaryRE.FindSubmatch(page)
	if m == nil {
		t.Fatalf("no chart summary in %s", kurskPath)
	}
	// Its first clause is enough to find it, whatever the escaping.
	summary, _, _ := strings.Cut(string(m[1]), ",")
	if len(summary) < 20 {
		t.Fatalf("summary %q: too short to look for", summary)
	}
	for _, live := range []bool{false, true} {
		t.Run(fmt.Sprintf("live=%v", live), func(t *testing.T) {
			setWindow(t, ctx, 1280, "light", live)
			navigate(t, ctx, root+kurskPath)
			if live {
				waitChartsPainted(t, ctx, 0.02)
			}
			want := "image description"
			if live {
				want = "image name"
			}
			if got := summaryReadings(t, ctx, summary); len(got) != 1 || got[0] != want {
				t.Errorf("the summary %q is read as %q; want once, as the %s", summary, got, want)
			}
		})
	}
}

// textReadings returns what of the page's accessibility tree holds text,
// one entry for each time a screen reader would read it: a text node, and
// a node's name where it does not come from the node's own text (as an
// image's from aria-labelledby does, and a heading's or a link's does
// not), and a node's description. The page's own name, its <title>, is
// left out: it is announced as the page opens, not as the page is read.
func textReadings(t *testing.T, ctx context.Context, text string) []string {
	t.Helper()
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	value := func(v *accessibility.Value) string {
		if v == nil {
			return ""
		}
		return strings.Trim(string(v.Value), `"`)
	}
	var out []string
	for _, n := range res.Nodes {
		role := value(n.Role)
		if n.Ignored || role == "InlineTextBox" || role == "RootWebArea" {
			continue
		}
		if n.Name != nil && strings.Contains(value(n.Name), text) {
			from := ""
			for _, s := range n.Name.Sources {
				if s.Value != nil && !s.Superseded {
					from = string(s.Type)
				}
			}
			switch {
			case role == "StaticText":
				out = append(out, "text")
			case from != "contents":
				out = append(out, role+" name")
			}
		}
		if strings.Contains(value(n.Description), text) {
			out = append(out, role+" description")
		}
	}
	return out
}

// TestBrowserChartTitleReadOnce opens the example's Kursk article and its
// chart's embed page, with the static chart and with the live one, and
// checks that a screen reader meets the chart's title once, as the text
// of the figure's caption (the embed page's heading). The static chart was
// named by the title as well, so that a listener heard it twice in a row.
func TestBrowserChartTitleReadOnce(t *testing.T) {
	ctx := newBrowser(t, 2*browserTimeout, nil)
	root, _ := serveExample(t)
	const title = "Projected North Korean casualties in Kursk"
	for _, p := range []string{kurskPath, kurskPath + "embed-1.html"} {
		for _, live := range []bool{false, true} {
			setWindow(t, ctx, 1280, "light", live)
			navigate(t, ctx, root+p)
			if live {
				waitChartsPainted(t, ctx, 0.02)
			}
			if got := textReadings(t, ctx, title); len(got) != 1 || got[0] != "text" {
				t.Errorf("%s (live %v): the chart's title is read as %q; want once, as text", p, live, got)
			}
		}
	}
}
