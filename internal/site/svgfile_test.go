package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
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
		// The file holds it below the title, at the frame's size.
		inFile := file[strings.Index(file, `<svg xmlns="http://www.w3.org/2000/svg" class=`):]
		inFile = inFile[:strings.Index(inFile, "</svg>")+len("</svg>")]
		inFile = regexp.MustCompile(` x="0" y="[\d.]+" width="720" height="\d+"`).ReplaceAllString(inFile, "")
		if inFile != inPage {
			t.Errorf("%s is not the figure's wide SVG:\n%.300s\nwant\n%.300s", name, inFile, inPage)
		}
	}
}

// TestChartSVGFileCredit checks the line an SVG file ends with, which says
// where the chart comes from once it is used elsewhere: the site's name
// and the article's address, or its title when the site has no address.
func TestChartSVGFileCredit(t *testing.T) {
	for _, tc := range []struct{ config, want string }{
		{"title: Explainers\nbase_url: https://example.org/repo/\n", "Explainers · example.org/repo/articles/two"},
		{"title: Explainers\n", "Explainers · Two charts of one block"},
		{"title: Two charts of one block\n", "Two charts of one block"},
	} {
		site := twoChartsSite()
		site["plotline.yaml"] = &fstest.MapFile{Data: []byte(tc.config)}
		dest := buildFS(t, site)
		file := readOut(t, dest, "articles/two/prices.svg")
		last := regexp.MustCompile(`<text[^>]*>([^<]*)</text>\n</svg>\n$`).FindStringSubmatch(file)
		if last == nil || last[1] != tc.want {
			t.Errorf("config %q: the file ends %q; want the line %q", tc.config, file[max(0, len(file)-120):], tc.want)
		}
	}

	// An address with letters outside ASCII is written as a reader
	// reads it in a browser's address bar, not percent-encoded; a
	// space, which the bar shows encoded, stays %20.
	site := twoChartsSite()
	site["content/Notes Dir/Café Menu.md"] = site["content/articles/two.md"]
	delete(site, "content/articles/two.md")
	site["plotline.yaml"] = &fstest.MapFile{Data: []byte("title: Explainers\nbase_url: https://example.org/r%C3%A9po/\n")}
	dest := buildFS(t, site)
	file := readOut(t, dest, "Notes Dir/café-menu/prices.svg")
	want := "Explainers · example.org/répo/Notes%20Dir/café-menu"
	if last := regexp.MustCompile(`<text[^>]*>([^<]*)</text>\n</svg>\n$`).FindStringSubmatch(file); last == nil || last[1] != want {
		t.Errorf("the file ends %q; want the line %q", file[max(0, len(file)-120):], want)
	}
}
