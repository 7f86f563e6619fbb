package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var svgLinkRE = regexp.MustCompile(`<a href="([^"]+)" download>Download the chart \(SVG\)</a>`)

// TestChartSVGFiles checks that each chart's static SVG, in its wide frame,
// is written beside its CSV under the same name and offered for download
// next to the data: the file holds the very drawing the page shows.
func TestChartSVGFiles(t *testing.T) {
	dest := buildFS(t, twoChartsSite())
	dir := filepath.Join(dest, "articles", "two")
	page := readOut(t, dest, "articles/two/index.html")
	figures := figureRE.FindAllString(page, -1)
	if len(figures) != 3 {
		t.Fatalf("the page has %d chart figures; want 3", len(figures))
	}
	for i, name := range []string{"losses-1.svg", "losses-2.svg", "prices.svg"} {
		link := svgLinkRE.FindStringSubmatch(figures[i])
		if link == nil {
			t.Errorf("figure %d offers no SVG download", i+1)
			continue
		}
		if want := "/articles/two/" + name; link[1] != want {
			t.Errorf("figure %d links its SVG as %s; want %s", i+1, link[1], want)
		}
		if !strings.Contains(figures[i], `Download the data (CSV)</a> · <a href="`+link[1]) {
			t.Errorf("figure %d: the SVG download is not next to the CSV's", i+1)
		}
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("figure %d: %v", i+1, err)
			continue
		}
		file := string(src)
		// The page's wide SVG, from its class on, is the file's.
		start := strings.Index(figures[i], `<svg xmlns="http://www.w3.org/2000/svg" class="plc plc-wide"`)
		end := strings.Index(figures[i][start:], "</svg>")
		if start < 0 || end < 0 {
			t.Fatalf("figure %d has no wide SVG", i+1)
		}
		inPage := strings.Replace(figures[i][start:start+end+len("</svg>")], ` width="100%"`, "", 1)
		inFile := file[strings.Index(file, "<svg"):]
		inFile = regexp.MustCompile(` width="720" height="\d+"`).ReplaceAllString(inFile, "")
		if strings.TrimSpace(inFile) != inPage {
			t.Errorf("%s is not the figure's wide SVG:\n%.300s\nwant\n%.300s", name, inFile, inPage)
		}
	}
}
