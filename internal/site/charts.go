package site

import (
	"cmp"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/chart"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/render"
)

// charts draws the ```chart blocks of one page and writes each chart's data
// as a CSV file beside the page, and its static SVG (the wide frame) as an
// SVG file of the same name: <block>.csv for a block the page charts once,
// <block>-<k>.csv for the k-th chart of a block it charts more than once; a
// chart of several blocks is named by their names joined by hyphens
// (ukraine-south_korea.csv). Block names hold no hyphen and do not start
// with a digit, so the forms never meet.
type charts struct {
	run   *run
	page  *content.Page
	scope *data.Scope
	files map[string][]byte // site path → contents, of the CSV and SVG files

	planned map[string]int // block → charts of it on the page
	drawn   map[string]int // block → charts of it drawn so far
	figures map[int]drawn  // ordinal → the chart drawn, for the feed
	events  int            // events of the page's charts so far (see chart.MaxEvents)
	// drawTotal is how many observations the page's charts draw, when
	// that is more than chart.MaxPageObservations (else 0), and drawSoFar
	// those of the charts RenderChart has met.
	drawTotal, drawSoFar int
	// bytes is what the charts drawn so far write into the page (their
	// SVGs and options), up to maxPageChartBytes.
	bytes int
}

// maxPageChartBytes bounds what a page's charts write into it: 2,000
// charts of six blocks with labels of 1,000 characters took 8 GB of
// memory before the page's own bound (render's 256 MB) was met. A chart
// of the example site writes 32 kB.
const maxPageChartBytes = 64 << 20

// drawn is a chart RenderChart drew, kept for RenderFeedChart.
type drawn struct {
	fig   chart.Figure
	links chart.Links
	pos   diag.Pos // where the chart's block starts
	svg   string   // the site path of its SVG file
	// svgWidth and svgHeight are the SVG file's size in CSS pixels.
	svgWidth, svgHeight float64
}

// PlanCharts implements markdown.ChartPlanner: it counts the charts of
// each block, so that RenderChart can name their CSV files. A body that
// does not parse is left out here, and reported by RenderChart.
func (c *charts) PlanCharts(bodies [][]byte) {
	c.planned = make(map[string]int, len(bodies))
	total := 0
	for _, body := range bodies {
		var ignore diag.List
		if spec, ok := chart.ParseSpec(c.page.Path, body, 1, &ignore); ok {
			c.planned[csvKey(spec)]++
			total += c.drawnObservations(spec)
		}
	}
	c.drawTotal, c.drawSoFar, c.bytes = 0, 0, 0
	if total > chart.MaxPageObservations {
		c.drawTotal = total
	}
}

// drawnObservations returns how many observations the blocks of spec
// hold, those the page lacks counted as none.
func (c *charts) drawnObservations(spec chart.Spec) int {
	n := 0
	for _, ref := range spec.Data {
		if b := c.scope.Block(ref.Block); b != nil {
			n += len(b.Series)
		}
	}
	return n
}

// csvKey returns the name a chart's CSV file is made from: its blocks'
// names joined by hyphens.
func csvKey(spec chart.Spec) string {
	names := make([]string, len(spec.Data))
	for i, ref := range spec.Data {
		names[i] = ref.Block
	}
	return strings.Join(names, "-")
}

// csvName returns the file name of the CSV of the next chart of block.
func (c *charts) csvName(block string) string {
	makeIfNil(&c.drawn)
	c.drawn[block]++
	if c.planned[block] <= 1 {
		return block + ".csv"
	}
	return block + "-" + strconv.Itoa(c.drawn[block]) + ".csv"
}

// placed returns pos, or bodyPos, the chart block's, when pos is no
// place (a field read without one).
func placed(pos, bodyPos diag.Pos) diag.Pos {
	if pos.Path == "" {
		return bodyPos
	}
	return pos
}

// RenderChart implements markdown.ChartRenderer.
func (c *charts) RenderChart(w io.Writer, body []byte, bodyPos diag.Pos, ordinal int, diags *diag.List) error {
	spec, ok := chart.ParseSpec(c.page.Path, body, bodyPos.Line, diags)
	if over := c.events + len(spec.Events) - chart.MaxEvents; over > 0 && c.events <= chart.MaxEvents {
		diags.Errorf(placed(spec.Events[len(spec.Events)-over].LabelPos, bodyPos), "chart: more than %d events on this page: the charts of a page mark %d dates at most, each drawn with its rule and label (this is the first past them)", chart.MaxEvents, chart.MaxEvents)
	}
	c.events += len(spec.Events)
	if c.events > chart.MaxEvents {
		return nil
	}
	if before := c.drawSoFar; c.drawTotal > 0 {
		c.drawSoFar += c.drawnObservations(spec)
		if before <= chart.MaxPageObservations && c.drawSoFar > chart.MaxPageObservations {
			diags.Errorf(placed(spec.Data[0].Pos, bodyPos), "chart: the charts of this page draw %d observations, more than the %d a page may draw (this is the first chart past them): each chart draws every observation of its blocks and writes it into its table and CSV file; chart a long series fewer times", c.drawTotal, chart.MaxPageObservations)
		}
	}
	// The blocks the chart names are looked up even when the rest of it
	// is wrong, so that every mistake of the block is reported at once.
	var blocks []*data.Block
	for _, ref := range spec.Data {
		b := c.scope.Block(ref.Block)
		if b == nil {
			diags.Errorf(placed(ref.Pos, bodyPos), "chart: %v", c.scope.Missing(ref.Block))
			continue
		}
		blocks = append(blocks, b)
	}
	// So are the values of its title, caption and event labels that
	// were read (a value of a broken block is not reported again).
	spec.Title = c.run.expand(c.scope, c.page, spec.Title, spec.TitlePos, diags)
	spec.Caption = c.run.expand(c.scope, c.page, spec.Caption, spec.CaptionPos, diags)
	for i, e := range spec.Events {
		if e.DateRef != "" {
			d, err := c.eventDate(e.DateRef)
			if err != nil && !errors.Is(err, data.ErrReported) { // a broken block's, told where it is
				diags.Errorf(e.DatePos, "chart: event date {{ %s }}: %v", e.DateRef, err)
			}
			ok = ok && err == nil
			spec.Events[i].Date = d
		}
		spec.Events[i].Label = c.run.expand(c.scope, c.page, e.Label, e.LabelPos, diags)
		if strings.Contains(e.Label, "{{") {
			// Measured as readers see it: "Ward full {{ beds.crossing
			// | date "2 January 2006" }}" is 23 characters, "Ward full 15
			// April 2025".
			if msg := chart.EventLabelTooLong(spec.Events[i].Label); msg != "" {
				diags.Errorf(e.LabelPos, "%s (%s as written)", msg, strconv.Quote(e.Label))
				ok = false
			}
		}
	}
	if !ok || len(blocks) != len(spec.Data) {
		return nil
	}
	if slices.ContainsFunc(blocks, func(b *data.Block) bool { return b.Broken }) {
		return nil // its errors are reported where it is declared
	}
	if c.drawTotal > 0 || c.bytes > maxPageChartBytes {
		return nil // the page fails: none of its charts is drawn
	}
	spec.Locale = c.run.b.loc
	spec.Words = c.run.st.words
	fig, err := chart.RenderBlocks(blocks, spec, chartID(c.page, ordinal))
	if err != nil {
		diags.Errorf(bodyPos, "%v", err)
		return nil
	}
	if c.bytes += len(fig.SVG) + len(fig.SVGNarrow) + len(fig.Option); c.bytes > maxPageChartBytes {
		diags.Errorf(bodyPos, "chart: the charts of this page write more than %d MB into it (this is the first chart past that): chart fewer blocks, or fewer times, or shorten their labels", maxPageChartBytes>>20)
		return nil
	}
	warnUnlabelled(fig, bodyPos, diags)
	warnObservationLabels(fig, bodyPos, diags)
	csvPath := c.page.URL + c.csvName(csvKey(spec))
	if name := path.Base(csvPath); len(name) > content.MaxNameBytes {
		// A block's name has no bound of its own: the file would fail
		// at its write, in the system's words and at no place.
		diags.Errorf(placed(spec.Data[0].Pos, bodyPos), "chart: its CSV and SVG files are named after its data blocks, and %s… is %d bytes long, more than the %d a file name may have: give the blocks shorter names", strings.ToValidUTF8(name[:20], ""), len(name), content.MaxNameBytes)
		return nil
	}
	svgPath := strings.TrimSuffix(csvPath, ".csv") + ".svg"
	for _, b := range blocks {
		// A bundle's data file named after its block (chargers.csv
		// for chargers) is published where the chart's download goes.
		if at := c.run.st.bundles.SitePath(b.CSV); b.CSV != "" && (at == csvPath || at == svgPath) {
			diags.Errorf(b.CSVPos, "csv: %s is published at %s, the address of the chart's own download of block %s, which is named after the block: name the file otherwise, such as %s-data%s", b.CSV, at, b.Name, strings.TrimSuffix(path.Base(at), path.Ext(at)), path.Ext(at))
			return nil
		}
	}
	makeIfNil(&c.files)
	c.files[csvPath] = fig.CSV
	site := c.run.st.site
	svgFile, svgWidth, svgHeight := fig.SVGFile(c.credit(), site.Language)
	c.files[svgPath] = svgFile
	makeIfNil(&c.figures)
	d := drawn{fig: fig, links: chart.Links{CSV: site.URL(csvPath), SVGFile: site.URL(svgPath)}, pos: bodyPos, svg: svgPath, svgWidth: svgWidth, svgHeight: svgHeight}
	c.figures[ordinal] = d
	links := d.links
	if site.BaseURL != "" {
		// Another site's page needs the absolute address.
		links.Embed = site.AbsURL(embedPath(c.page, ordinal))
		// The iframe's height until the page says, at the width of a text
		// column: the chart, and about 230 pixels of title, caption,
		// links and sources.
		links.Snippet = chart.EmbedSnippet(links.Embed, c.embedTitle(fig), fig.Height+230)
	}
	if c.run.st.layouts == nil {
		return nil // checked only: the templates cannot be parsed
	}
	if err := c.run.st.layouts.ExecuteChart(w, fig.View(links)); err != nil {
		// Reported once: the feed and the embed page do not draw it
		// again.
		delete(c.figures, ordinal)
		return templateError(err, diags)
	}
	return nil
}

// warnUnlabelled warns at each event of fig whose label finds no room
// above the plot, in the narrow frame, the wide one or both: a reader
// then sees its rule without knowing what it marks. bodyPos stands in
// for an event's position when it has none.
func warnUnlabelled(fig chart.Figure, bodyPos diag.Pos, diags *diag.List) {
	narrow, wide := fig.UnlabelledEvents()
	same := func(a, b chart.Event) bool {
		return a.LabelPos == b.LabelPos && a.Date.Equal(b.Date) && a.Label == b.Label
	}
	warn := func(e chart.Event, where string) {
		diags.Warnf(placed(e.LabelPos, bodyPos), "chart: the label %q of the event on %s finds no room above the plot %s, so its rule stands there unlabelled (the data table still lists it): shorten the events' labels, or mark fewer dates",
			e.Label, e.Date.Format(time.DateOnly), where)
	}
	for _, e := range narrow {
		if slices.ContainsFunc(wide, func(w chart.Event) bool { return same(w, e) }) {
			warn(e, "at any width")
		} else {
			warn(e, "on a phone (a figure narrower than 560 pixels)")
		}
	}
	for _, e := range wide {
		if !slices.ContainsFunc(narrow, func(n chart.Event) bool { return same(n, e) }) {
			warn(e, "on a wide screen")
		}
	}
}

// warnObservationLabels warns at the chart block when it labels more
// observations than the plot shows the labels of: a writer who labels a
// fifth would otherwise not know that the first one's label went to the
// tooltip and the table.
func warnObservationLabels(fig chart.Figure, bodyPos diag.Pos, diags *diag.List) {
	left, of := fig.ObservationLabelsLeft()
	if left == 0 {
		return
	}
	earliest := fmt.Sprintf("the earliest %d show theirs", left)
	if left == 1 {
		earliest = "the earliest shows its label"
	}
	diags.Warnf(bodyPos, "chart: %d observations are labelled, and the plot shows the labels of the latest %d at most (where they fit), so %s only in the tooltip and the data table: label fewer observations", of, chart.MaxObservationLabels, earliest)
}

// embedPath returns the site path of the embed page of the chart numbered
// ordinal on page p: "articles/kursk/embed-1.html", a file beside the
// article's page like the chart's CSV and SVG. (A folder of its own for
// each, embed/1/index.html, made two folders an article: on 10,000
// articles, 20,000 mkdirs and a sixth of a cold build.)
func embedPath(p *content.Page, ordinal int) string {
	return p.URL + "embed-" + strconv.Itoa(ordinal) + ".html"
}

// embedTitle returns the title of a chart's embed page: the chart's, or
// the article's when the chart has none.
func (c *charts) embedTitle(fig chart.Figure) string {
	return cmp.Or(fig.Title, c.page.Title)
}

// credit returns the line an SVG file of a chart ends with, to say where
// it comes from: the site's name and the article's address, or, when the
// site has no base URL, the article's title.
func (c *charts) credit() string {
	site := c.run.st.site
	from := c.page.Title
	if site.BaseURL != "" {
		abs := render.ReadableURL(site.AbsURL(c.page.URL))
		from = strings.TrimSuffix(abs[strings.Index(abs, "://")+3:], "/")
	}
	switch {
	case site.Title == "" || site.Title == from:
		return from
	case from == "":
		return site.Title
	}
	return site.Title + " · " + from
}

// writeEmbeds writes the embed page of each chart drawn, for the article
// summarised by article, whose templates see site (the page's language,
// as the article's does), and returns their site paths. A site without a
// base URL gets none: another site's iframe needs an absolute address,
// which such a site cannot give, so nothing would link to them (as no
// sitemap or link preview is written for it). A template error goes to
// diags.
func (c *charts) writeEmbeds(article *render.Summary, site *render.Site, diags *diag.List) ([]string, error) {
	if len(c.figures) == 0 || site.BaseURL == "" {
		return nil, nil
	}
	buf := c.run.b.buffers.get()
	defer c.run.b.buffers.put(buf)
	var paths []string
	for _, n := range slices.Sorted(maps.Keys(c.figures)) {
		d := c.figures[n]
		file := embedPath(c.page, n)
		v := d.fig.View(d.links)
		v.Heading = true // the page has no headline but the chart's title
		e := &render.Embed{
			Site:       site,
			Title:      c.embedTitle(d.fig),
			Article:    article,
			ArticleURL: site.AbsURL(c.page.URL),
			URL:        file,
			Chart:      v,
		}
		buf.Reset()
		if err := c.run.st.layouts.ExecuteEmbed(buf, e); err != nil {
			if err := templateError(err, diags); err != nil {
				return nil, fmt.Errorf("rendering /%s: %w", file, err)
			}
			continue
		}
		if err := c.run.write(file, c.page.Path, buf.Bytes()); err != nil {
			return nil, err
		}
		paths = append(paths, file)
	}
	return paths, nil
}

// RenderFeedChart implements markdown.ChartRenderer: the chart drawn as
// ordinal, as chart.Figure.FeedView shows it (no live chart, no projected
// table), and without the embed control. The static chart is an
// image of its SVG file, at its absolute address: feed readers strip an
// inline SVG, or keep it without its style element and its hidden frame's
// attribute. The file draws the title and caption above the chart, so the
// figure leaves them out and the image's alt text says them. The chart
// template's errors go to diags.
func (c *charts) RenderFeedChart(w io.Writer, ordinal int, diags *diag.List) error {
	d, ok := c.figures[ordinal]
	if !ok {
		return nil // not drawn: its error is reported
	}
	links := d.links
	links.Embed, links.Snippet = "", ""
	v := d.fig.FeedView(links)
	v.Title, v.Caption = "", ""
	v.SVG = feedImage(c.run.st.site.AbsURL(d.svg), d.fig.ImageAlt(), v.ID+"-summary", d.svgWidth, d.svgHeight)
	return templateError(c.run.st.layouts.ExecuteChart(w, v), diags)
}

// feedImage returns the img element that shows the SVG file at src with
// the text alternative alt, described by the element whose id is desc (the
// chart's summary, which screen readers otherwise skip), at the file's
// size, width by height CSS pixels.
func feedImage(src, alt, desc string, width, height float64) template.HTML {
	return template.HTML(fmt.Sprintf(`<img src="%s" alt="%s" aria-describedby="%s" width="%g" height="%g">`,
		html.EscapeString(src), html.EscapeString(alt), html.EscapeString(desc), width, height))
}

// writeFiles writes the CSV and SVG files of the page's charts and returns
// their site paths.
func (c *charts) writeFiles() ([]string, error) {
	paths := slices.Sorted(maps.Keys(c.files))
	for _, p := range paths {
		if err := c.run.write(p, c.page.Path, c.files[p]); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// eventDate returns the date an event's {{ ref }} names: a date of the
// data, such as a crossing, with no format or claim, which the rule's
// place would not show.
func (c *charts) eventDate(src string) (time.Time, error) {
	e, err := data.ParseExpr(src)
	if err != nil {
		return time.Time{}, err
	}
	if e.IsLiteral || e.Format != "" || e.Claim != nil {
		return time.Time{}, fmt.Errorf("write a date of the data alone, such as {{ %s }}, with no filter or quoted text", cmp.Or(e.Ref.Block, "beds")+"."+cmp.Or(e.Ref.Field, "crossing"))
	}
	v, err := c.scope.Lookup(e.Ref)
	if err != nil {
		return time.Time{}, err
	}
	if v.Kind != data.Date {
		return time.Time{}, fmt.Errorf("%s is not a date: write one that is, such as %s.crossing", e.Ref, e.Ref.Block)
	}
	return v.Date, nil
}

// chartID derives a chart's HTML id from its page and position, so that
// the same input always gives the same page.
func chartID(p *content.Page, ordinal int) string {
	slug := cmp.Or(content.Slugify(p.URL), "home")
	return "chart-" + slug + "-" + strconv.Itoa(ordinal)
}
