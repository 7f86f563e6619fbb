package site

import (
	"encoding/xml"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	feedImgRE  = regexp.MustCompile(`<img src="([^"]+)" alt="([^"]*)" aria-describedby="([^"]+)" width="(\d+)" height="(\d+)">`)
	svgFileRE  = regexp.MustCompile(`^<\?xml[^>]*>\n<svg [^>]*width="(\d+)" height="(\d+)"`)
	feedTextRE = regexp.MustCompile(`<figcaption|<p class="chart-caption"`)
)

// TestFeedChartsAsImages reads the charts of an entry of the feed as a
// feed reader gets them: each is an image of the chart's SVG file, at its
// absolute address and size, with the words drawn in it (title and
// caption) as its text alternative, described by the chart's summary, and
// no inline SVG, and of its tables the observations alone. Feed readers strip
// inline SVG, or keep it without its style element and the hidden
// attribute, which drew the band and lines as black shapes and showed
// both of the chart's frames, one under the other.
func TestFeedChartsAsImages(t *testing.T) {
	fsys := twoChartsSite()
	fsys["content/articles/two.md"].Data = []byte(strings.Replace(string(fsys["content/articles/two.md"].Data),
		"```chart\ndata: losses\n```", "```chart\ndata: losses\ntitle: Losses & more\ncaption: The band spans 70.5 to 110.\n```", 1))
	dest := buildFS(t, fsys)
	var feed struct {
		Entries []struct {
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(readOut(t, dest, "feed.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 1 {
		t.Fatalf("the feed has %d entries; want 1", len(feed.Entries))
	}
	content := feed.Entries[0].Content
	if strings.Contains(content, "<svg") {
		t.Errorf("the entry holds inline SVG; want each chart as an image")
	}
	figures := figureRE.FindAllString(content, -1)
	if len(figures) != 3 {
		t.Fatalf("the entry has %d figures; want 3", len(figures))
	}
	wantAlt := []string{"Losses & more. The band spans 70.5 to 110.", "Chart of losses (casualties)", "Chart of prices"}
	for i, fig := range figures {
		m := feedImgRE.FindStringSubmatch(fig)
		if m == nil {
			t.Errorf("figure %d shows no image: %.300s", i+1, fig)
			continue
		}
		src, alt := html.UnescapeString(m[1]), html.UnescapeString(m[2])
		rel, ok := strings.CutPrefix(src, "https://example.org/")
		if !ok || !strings.HasSuffix(rel, ".svg") {
			t.Errorf("figure %d: image %q; want the chart's SVG file under https://example.org/", i+1, src)
			continue
		}
		file, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("figure %d: %v", i+1, err)
			continue
		}
		if size := svgFileRE.FindStringSubmatch(string(file)); size == nil || size[1] != m[4] || size[2] != m[5] {
			t.Errorf("figure %d: image %sx%s; the file's root is %q", i+1, m[4], m[5], size)
		}
		// Described by the summary, which only screen readers would
		// otherwise skip (aria-hidden, as it is in the page).
		if !strings.Contains(fig, `<p class="chart-summary visually-hidden" id="`+m[3]+`"`) {
			t.Errorf("figure %d: image described by %q, which is not its summary", i+1, m[3])
		}
		if alt != wantAlt[i] {
			t.Errorf("figure %d: alt %q; want %q", i+1, alt, wantAlt[i])
		}
		// The title and caption are in the picture and its alt text, not
		// written twice.
		if feedTextRE.MatchString(fig) {
			t.Errorf("figure %d repeats the title or caption drawn in its image", i+1)
		}
		// The observations, not the projection's rows, which a feed
		// reader would show open as a wall of computed numbers.
		if !strings.Contains(fig, `<table class="chart-observed">`) {
			t.Errorf("figure %d has no table of its observations", i+1)
		}
		if strings.Contains(fig, `chart-projected`) {
			t.Errorf("figure %d carries the projected table into the feed", i+1)
		}
	}
	if page := readOut(t, dest, "articles/two/index.html"); !strings.Contains(page, `<table class="chart-projected">`) {
		t.Errorf("the page has no projected table; the feed's lack of one tells nothing")
	}
}
