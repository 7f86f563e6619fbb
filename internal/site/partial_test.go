package site

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/overlay"
)

// TestSiteChartPartial builds a site whose own templates/partials/chart.html
// replaces the default figure: the article and the feed show the site's
// figure, with the chart's data, and nothing of the default one.
func TestSiteChartPartial(t *testing.T) {
	fsys := twoChartsSite()
	fsys["templates/partials/chart.html"] = &fstest.MapFile{Data: []byte(`{{ define "chart" }}<figure class="house-chart" id="{{ .ID }}"><h3>{{ .Title }}</h3>{{ .SVG }}<a href="{{ .CSV }}">data</a>{{ with .Option }}<script type="application/json" id="{{ $.ID }}-option">{{ . }}</script>{{ end }}</figure>{{ end }}`)}
	fsys["content/articles/two.md"].Data = []byte(strings.Replace(string(fsys["content/articles/two.md"].Data),
		"```chart\ndata: losses\n```", "```chart\ndata: losses\ntitle: Losses <so far>\n```", 1))
	dest := buildFS(t, fsys)
	page := readOut(t, dest, "articles/two/index.html")
	for _, want := range []string{
		`<figure class="house-chart" id="chart-articles-two-1"><h3>Losses &lt;so far&gt;</h3><svg `,
		`<a href="/articles/two/losses-1.csv">data</a><script type="application/json" id="chart-articles-two-1-option">{`,
		`<figure class="house-chart" id="chart-articles-two-3">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article lacks %s", want)
		}
	}
	if n := strings.Count(page, `<figure class="house-chart"`); n != 3 {
		t.Errorf("the article has %d figures of the site's partial; want 3", n)
	}
	if strings.Contains(page, `class="chart-static"`) || strings.Contains(page, "Download the data") {
		t.Errorf("the article holds parts of the default figure")
	}
	feed := readOut(t, dest, "feed.xml")
	if !strings.Contains(feed, `&lt;figure class=&#34;house-chart&#34; id=&#34;chart-articles-two-1&#34;&gt;`) {
		t.Errorf("the feed does not show the site's figure")
	}
	if strings.Contains(feed, "-option") {
		t.Errorf("the feed holds a chart's option; want it left out")
	}
}

// TestSiteChartPartialError builds a site whose chart partial fails when
// it runs: the build fails at the template's line and column.
func TestSiteChartPartialError(t *testing.T) {
	fsys := twoChartsSite()
	fsys["templates/partials/chart.html"] = &fstest.MapFile{Data: []byte("{{ define \"chart\" }}\n<figure>{{ .Colour }}</figure>{{ end }}")}
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(t.TempDir(), "public")})
	_, err = b.Build(context.Background())
	if err == nil {
		t.Fatal("the build succeeded; want an error at the chart partial")
	}
	// "<figure>{{ .Colour }}": .Colour is the 12th character.
	if want := "templates/partials/chart.html:2:12: executing \"chart\" at <.Colour>: can't evaluate field Colour in type chart.View"; !strings.Contains(err.Error(), want) {
		t.Errorf("the build failed with\n%v\nwant %s", err, want)
	}
}

// TestAssetOfNoThemeFile builds a site whose footer names theme files
// that do not exist: the build fails at the template's line and column,
// with the name the writer likely meant.
func TestAssetOfNoThemeFile(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		// `<link rel="stylesheet" href="{{ asset ` puts asset at column 33.
		{"css/extra.css", `templates/partials/footer.html:3:33: executing "footer" at <asset "css/extra.css">: error calling asset: no theme file "css/extra.css": did you mean "theme/css/extra.css"?`},
		{"theme/css/extr.css", `templates/partials/footer.html:3:33: executing "footer" at <asset "theme/css/extr.css">: error calling asset: no theme file "theme/css/extr.css": asset names a file under theme/`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"content/articles/a.md":          {Data: []byte("---\ntitle: A\ndate: 2025-01-01\n---\nText.\n")},
				"theme/css/extra.css":            {Data: []byte("footer { color: red }\n")},
				"templates/partials/footer.html": {Data: []byte("{{- define \"footer\" -}}\n<footer>\n<link rel=\"stylesheet\" href=\"{{ asset \"" + tc.name + "\" }}\">\n</footer>\n{{- end -}}\n")},
			}
			b := NewBuilder(config.Default(), overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(t.TempDir(), "public")})
			_, err := b.Build(context.Background())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("the build failed with\n%v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestUnusedTemplates checks that a file of templates/ that no page is
// made with is a warning at the file, a name one letter off one plotline
// reads named, by a build and by a rebuild after an edit of a page alike.
func TestUnusedTemplates(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a.md":          {Data: []byte("---\ntitle: A\ndate: 2025-01-01\n---\nText.\n")},
		"templates/artcle.html":          {Data: []byte("{{ define \"main\" }}X{{ end }}\n")},
		"templates/_default/single.html": {Data: []byte("x\n")},
		"templates/partials/footer.htm":  {Data: []byte("x\n")},
		"templates/partials/extra.html":  {Data: []byte("{{ define \"extra\" }}{{ end }}\n")},
		"templates/.artcle.html.swp":     {Data: []byte("x\n")},
	}
	const reads = " plotline makes no page with a template of this name, so this file is not read (it reads templates/404.html, article.html, base.html, embed.html, home.html, page.html, tag.html, tags.html and templates/partials/*.html)"
	want := "templates/_default/single.html:1:1: warning:" + reads + "\n" +
		"templates/artcle.html:1:1: warning:" + reads + ": did you mean templates/article.html?\n" +
		"templates/partials/footer.htm:1:1: warning:" + reads + ": did you mean templates/partials/footer.html?"
	b := NewBuilder(config.Default(), overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(t.TempDir(), "public")})
	res, err := b.Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Warnings.Error(); got != want {
		t.Errorf("build warnings:\n%s\nwant\n%s", got, want)
	}
	fsys["content/articles/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2025-01-01\n---\nEdited.\n")}
	res, err = b.Rebuild(context.Background(), []string{"content/articles/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Warnings.Error(); got != want {
		t.Errorf("rebuild warnings:\n%s\nwant\n%s", got, want)
	}
}
