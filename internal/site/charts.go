package site

import (
	"io"
	"maps"
	"slices"
	"strconv"

	"github.com/plotline/plotline/internal/chart"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
)

// charts draws the ```chart blocks of one page and writes each chart's data
// as a CSV file beside the page.
type charts struct {
	run    *run
	page   *content.Page
	blocks map[string]*data.Block
	csvs   map[string][]byte // site path → contents
}

// RenderChart implements markdown.ChartRenderer.
func (c *charts) RenderChart(w io.Writer, body []byte, bodyPos diag.Pos, ordinal int, diags *diag.List) error {
	spec, ok := chart.ParseSpec(c.page.Path, body, bodyPos.Line, diags)
	if !ok {
		return nil
	}
	b, ok := c.blocks[spec.Block]
	if !ok {
		diags.Errorf(bodyPos, "chart: no data block %q on this page%s", spec.Block, known(c.blocks))
		return nil
	}
	fig, err := chart.Render(b, spec, chartID(c.page, ordinal))
	if err != nil {
		diags.Errorf(bodyPos, "%v", err)
		return nil
	}
	csvPath := c.page.URL + b.Name + ".csv"
	if c.csvs == nil {
		c.csvs = map[string][]byte{}
	}
	c.csvs[csvPath] = fig.CSV
	return fig.WriteHTML(w, c.run.st.site.URL(csvPath))
}

// writeCSVs writes the data files of the page's charts and returns their
// site paths.
func (c *charts) writeCSVs() ([]string, error) {
	paths := slices.Sorted(maps.Keys(c.csvs))
	for _, p := range paths {
		if err := c.run.write(p, c.csvs[p]); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// chartID derives a chart's HTML id from its page and position, so that
// the same input always gives the same page.
func chartID(p *content.Page, ordinal int) string {
	slug := content.Slugify(p.URL)
	if slug == "" {
		slug = "home"
	}
	return "chart-" + slug + "-" + strconv.Itoa(ordinal)
}
