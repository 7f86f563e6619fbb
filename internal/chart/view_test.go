package chart

import (
	"bytes"
	"html/template"
	"io/fs"
	"strings"
	"testing"

	"github.com/plotline/plotline"
)

// parsePartial parses the default chart partial, templates/partials/chart.html.
func parsePartial() (*template.Template, error) {
	src, err := fs.ReadFile(plotline.Defaults(), "templates/partials/chart.html")
	if err != nil {
		return nil, err
	}
	return template.New("templates/partials/chart.html").Parse(string(src))
}

// writeHTML writes f through the default chart partial, as a page shows
// it, with its CSV at csvHref (none when it is empty).
func writeHTML(w *bytes.Buffer, f Figure, csvHref string) error {
	t, err := parsePartial()
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "chart", f.View(Links{CSV: csvHref}))
}

// TestViewLinks checks that the default partial offers the links it is
// given, and leaves out those it is not: the feed's figure has no live
// chart, the embed page's no snippet.
func TestViewLinks(t *testing.T) {
	f, err := renderOne(kursk(), Spec{Title: "Kursk"}, "chart-kursk-1")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := parsePartial()
	if err != nil {
		t.Fatal(err)
	}
	snippet := EmbedSnippet("https://example.org/repo/kursk/embed-1.html", `Kursk "losses" <b>`, 560)
	all := Links{CSV: "/kursk/losses.csv", SVGFile: "/kursk/losses.svg", Embed: "https://example.org/repo/kursk/embed-1.html", Snippet: snippet}
	feed := f.View(Links{CSV: "/kursk/losses.csv", SVGFile: "/kursk/losses.svg"})
	feed.Option = ""
	for _, tt := range []struct {
		name     string
		v        View
		want     []string
		dontWant []string
	}{
		{
			name: "page",
			v:    f.View(all),
			want: []string{
				`<a href="/kursk/losses.csv" download>Download the data (CSV)</a> · <a href="/kursk/losses.svg" download>Download the chart (SVG)</a>`,
				`<details class="chart-embed">`,
				`<textarea id="chart-kursk-1-embed" class="chart-snippet" readonly rows="5" spellcheck="false">&lt;iframe src=&#34;https://example.org/repo/kursk/embed-1.html&#34; title=&#34;Kursk &amp;#34;losses&amp;#34; &amp;lt;b&amp;gt;&#34;`,
				`<a href="https://example.org/repo/kursk/embed-1.html">`,
				`<script type="application/json" id="chart-kursk-1-option">{`,
			},
		},
		{
			name:     "feed",
			v:        feed,
			want:     []string{`Download the chart (SVG)`, `<div class="chart-static"><svg`},
			dontWant: []string{"<script", "chart-box", "chart-embed"},
		},
		{
			name:     "no links",
			v:        f.View(Links{}),
			dontWant: []string{"chart-links", "chart-embed", "<textarea"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tmpl.ExecuteTemplate(&b, "chart", tt.v); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("the figure lacks %s\n%s", w, got)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(got, w) {
					t.Errorf("the figure holds %s; want it left out", w)
				}
			}
		})
	}
}

// TestSVGFile checks the static chart as a file: an XML document whose
// root is the wide frame's SVG, sized in pixels rather than to a figure.
func TestSVGFile(t *testing.T) {
	f, err := renderOne(kursk(), Spec{Title: "Kursk", Height: 300}, "chart-kursk-1")
	if err != nil {
		t.Fatal(err)
	}
	file := f.SVGFile()
	if !bytes.HasPrefix(file, []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ")) {
		t.Errorf("the file starts %.60q; want an XML declaration, then the SVG", file)
	}
	checkXML(t, file)
	root := xmlElements(t, file)[0]
	if got := attr(root, "width") + "x" + attr(root, "height"); got != "720x300" {
		t.Errorf("the file's SVG is %s; want 720x300, the wide frame", got)
	}
	if got := attr(root, "class"); got != "plc plc-wide" {
		t.Errorf("the file's SVG has class %q; want the wide frame's", got)
	}
	if got, want := bytes.Count(file, []byte("<")), bytes.Count(f.SVG, []byte("<"))+1; got != want {
		t.Errorf("the file has %d tags and declarations; want %d, the page's SVG and the declaration", got, want)
	}
}
