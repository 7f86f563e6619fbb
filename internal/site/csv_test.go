package site

import (
	"bytes"
	"context"
	"encoding/csv"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/overlay"
)

// twoChartsSite is a site with one article that charts the block losses
// twice, as a projection and as a line, and the block prices once.
func twoChartsSite() fstest.MapFS {
	article := `---
title: Two charts of one block
date: 2025-01-20
data:
  losses:
    unit: casualties
    series:
      - {date: 2025-01-06, value: 3800.4, label: "General Staff", source: "https://example.org/a"}
      - {date: 2024-12-12, value: 612, label: "=early report"}
      - {date: 2025-01-13, value: 3000}
    projection:
      start: {date: 2024-12-05, value: 0}
      rate: 92.37
      limit: 12000
      low: 70.5
      high: 110
  prices:
    series:
      - {date: 2025-01-01, value: 0.456}
      - {date: 2025-02-01, value: 0.5}
---
The projection:

` + "```chart\ndata: losses\n```" + `

The reports alone:

` + "```chart\ndata: losses\ntype: line\n```" + `

And prices:

` + "```chart\ndata: prices\ntype: bar\n```\n"
	return fstest.MapFS{
		"plotline.yaml":           {Data: []byte("title: T\nbase_url: https://example.org/\n")},
		"content/articles/two.md": {Data: []byte(article)},
	}
}

var (
	figureRE   = regexp.MustCompile(`(?s)<figure class="chart" id="([^"]+)".*?</figure>`)
	csvLinkRE  = regexp.MustCompile(`<a href="([^"]+)" download>`)
	tableRE    = regexp.MustCompile(`(?s)<table class="chart-(observed|projected)">(.*?)</table>`)
	rowRE      = regexp.MustCompile(`<tr[^>]*><th scope="row"><time datetime="([^"]+)">[^<]*</time></th>(.*?)</tr>`)
	cellRE     = regexp.MustCompile(`<td(?: class="num")?>(.*?)</td>`)
	headCellRE = regexp.MustCompile(`<th scope="col"(?: class="num")?>([^<]*)</th>`)
	tagRE      = regexp.MustCompile(`<[^>]*>`)
)

// tableRow is one row of a figure's HTML tables, as text: its date, the
// table it comes from ("observed" or "projected") and its cells by column
// name.
type htmlRow struct {
	date, table string
	cells       map[string]string
}

// figureTables reads the rows of a figure's tables, observed then
// projected, each in its order.
func figureTables(t *testing.T, fig string) []htmlRow {
	t.Helper()
	var out []htmlRow
	for _, tm := range tableRE.FindAllStringSubmatch(fig, -1) {
		var cols []string
		for _, h := range headCellRE.FindAllStringSubmatch(tm[2], -1) {
			cols = append(cols, strings.ToLower(h[1]))
		}
		for _, rm := range rowRE.FindAllStringSubmatch(tm[2], -1) {
			cells := cellRE.FindAllStringSubmatch(rm[2], -1)
			if len(cells) != len(cols)-1 {
				t.Fatalf("row %s of the %s table has %d cells; want %d", rm[1], tm[1], len(cells), len(cols)-1)
			}
			r := htmlRow{date: rm[1], table: tm[1], cells: map[string]string{}}
			for i, c := range cells {
				r.cells[cols[i+1]] = html.UnescapeString(tagRE.ReplaceAllString(c[1], ""))
			}
			out = append(out, r)
		}
	}
	return out
}

// sameNumber reports whether the CSV number c is the table's number tab
// ("12,052", "92.4", "0.46") as precisely as the table shows it: c rounded
// to the table's decimals gives the table's figure. Two empty cells match.
func sameNumber(tab, c string) bool {
	if tab == "" || c == "" {
		return tab == c
	}
	tab = strings.ReplaceAll(tab, ",", "")
	want, err1 := strconv.ParseFloat(tab, 64)
	got, err2 := strconv.ParseFloat(c, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	decimals := 0
	if i := strings.IndexByte(tab, '.'); i >= 0 {
		decimals = len(tab) - i - 1
	}
	return math.Abs(got-want) <= 0.5*math.Pow10(-decimals)+1e-9
}

// TestChartCSVMatchesTable builds a page with two charts of one block and
// one of another, and checks that each chart links its own CSV file,
// named as the README says, and that the file holds exactly the rows of
// the chart's HTML tables, in date order, with the same dates and the
// same numbers at the table's precision or finer.
func TestChartCSVMatchesTable(t *testing.T) {
	dest := buildFS(t, twoChartsSite())
	dir := filepath.Join(dest, "articles", "two")
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	figures := figureRE.FindAllString(string(page), -1)
	if len(figures) != 3 {
		t.Fatalf("the page has %d chart figures; want 3", len(figures))
	}
	wantCSV := []string{"losses-1.csv", "losses-2.csv", "prices.csv"}
	var seen []string
	for i, fig := range figures {
		link := csvLinkRE.FindStringSubmatch(fig)
		if link == nil {
			t.Fatalf("figure %d has no CSV link", i+1)
		}
		if got, want := link[1], "/articles/two/"+wantCSV[i]; got != want {
			t.Errorf("figure %d links its data as %s; want %s", i+1, got, want)
		}
		seen = append(seen, link[1])
		src, err := os.ReadFile(filepath.Join(dir, wantCSV[i]))
		if err != nil {
			t.Errorf("figure %d: %v", i+1, err)
			continue
		}
		records, err := csv.NewReader(bytes.NewReader(src)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", wantCSV[i], err)
		}
		compareCSV(t, wantCSV[i], figureTables(t, fig), records)
	}
	slices.Sort(seen)
	if len(slices.Compact(seen)) != len(figures) {
		t.Errorf("the figures share CSV files: %q", seen)
	}
	if _, err := os.Stat(filepath.Join(dir, "losses.csv")); err == nil {
		t.Errorf("losses.csv was written; want only losses-1.csv and losses-2.csv for a block charted twice")
	}
}

// compareCSV checks the CSV records of file (header first) against the
// rows of its figure's tables.
func compareCSV(t *testing.T, file string, rows []htmlRow, records [][]string) {
	t.Helper()
	if len(records) == 0 {
		t.Fatalf("%s is empty", file)
	}
	header := records[0]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	// The tables' rows in date order; on the same date the observation
	// first, as the CSV writes them.
	slices.SortStableFunc(rows, func(a, b htmlRow) int {
		if c := strings.Compare(a.date, b.date); c != 0 {
			return c
		}
		return strings.Compare(a.table, b.table) // "observed" < "projected"
	})
	body := records[1:]
	if len(body) != len(rows) {
		t.Errorf("%s has %d rows; want %d, the rows of its tables", file, len(body), len(rows))
	}
	for i := range min(len(body), len(rows)) {
		rec, row := body[i], rows[i]
		get := func(name string) string {
			if j, ok := col[name]; ok && j < len(rec) {
				return rec[j]
			}
			return ""
		}
		if get("date") != row.date {
			t.Errorf("%s row %d is dated %s; want %s, the date of the tables' row %d", file, i+1, get("date"), row.date, i+1)
			continue
		}
		if i > 0 && body[i-1][0] > rec[0] {
			t.Errorf("%s row %d (%s) follows %s; want date order", file, i+1, rec[0], body[i-1][0])
		}
		if row.table == "observed" {
			var value string
			for name, v := range row.cells {
				if name != "source" && name != "note" {
					value = v // the unit's column
				}
			}
			if !sameNumber(value, get("value")) || get("central") != "" {
				t.Errorf("%s row %d (%s): value %q, central %q; want the observed %q only", file, i+1, row.date, get("value"), get("central"), value)
			}
			continue
		}
		if get("value") != "" {
			t.Errorf("%s row %d (%s): a projected row with the value %q", file, i+1, row.date, get("value"))
		}
		for _, name := range []string{"central", "low", "high"} {
			if !sameNumber(row.cells[name], get(name)) {
				t.Errorf("%s row %d (%s): %s %q; want %q as the table shows it", file, i+1, row.date, name, get(name), row.cells[name])
			}
		}
		if get("note") != row.cells["note"] {
			t.Errorf("%s row %d (%s): note %q; want %q", file, i+1, row.date, get("note"), row.cells["note"])
		}
	}
}

// TestRebuildRenamesChartCSVs adds a second chart of a block to an article
// and takes it out again, rebuilding incrementally each time: the CSV files
// are renamed both ways, and nothing is left over.
func TestRebuildRenamesChartCSVs(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	ctx := context.Background()
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(dest, "articles", "c", name))
		return err == nil
	}
	one := testSite["content/articles/c.md"]
	two := one + "\n```chart\ndata: stock\ntype: line\n```\n"
	for _, step := range []struct {
		src           string
		want, wantNot []string
	}{
		{two, []string{"stock-1.csv", "stock-2.csv"}, []string{"stock.csv"}},
		{one, []string{"stock.csv"}, []string{"stock-1.csv", "stock-2.csv"}},
	} {
		writeFiles(t, dir, map[string]string{"content/articles/c.md": step.src})
		res, err := b.Rebuild(ctx, []string{"content/articles/c.md"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Full {
			t.Errorf("rebuild of one article was a full build")
		}
		for _, name := range step.want {
			if !exists(name) {
				t.Errorf("articles/c/%s missing after the rebuild", name)
			}
		}
		for _, name := range step.wantNot {
			if exists(name) {
				t.Errorf("articles/c/%s left after the rebuild", name)
			}
		}
		assertSameAsCleanBuild(t, dir, dest)
	}
}

// TestChartFileNameTooLong checks that a chart whose files, named after
// its data blocks, would have a name longer than a file system takes is
// an error at the chart's data key: the build failed at the write, with
// "file name too long" and the path of its temporary folder.
func TestChartFileNameTooLong(t *testing.T) {
	name := strings.Repeat("b", 300)
	fsys := fstest.MapFS{
		"content/articles/t.md": {Data: []byte("---\ntitle: T\ndate: 2025-01-01\ndata:\n  " + name +
			":\n    series: [{date: 2025-01-01, value: 1}, {date: 2025-01-02, value: 2}]\n---\nText.\n\n```chart\ndata: " + name + "\n```\n")},
	}
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(t.TempDir(), "public")})
	_, err = b.Build(context.Background())
	want := "content/articles/t.md:11:7: chart: its CSV and SVG files are named after its data blocks, and bbbbbbbbbbbbbbbbbbbb… is 304 bytes long, more than the 255 a file name may have: give the blocks shorter names"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("the build returned %v; want %s", err, want)
	}
}
