package data

import (
	"fmt"
	"io/fs"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// aliasedSeries returns front matter of blocks data blocks that all draw
// the one series of points observations, given once under an anchor and
// aliased by every other block: "series: *s". With 2,000 blocks and
// 10,000 observations it is 335 KB of YAML whose series, read again for
// each block, would be 20 million observations.
func aliasedSeries(blocks, points int) string {
	var b strings.Builder
	b.WriteString("title: Aliases\ndata:\n  b0:\n    series: &s [")
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range points {
		if i > 0 {
			b.WriteString(", ")
		}
		// Newest first, so that the series needs sorting.
		fmt.Fprintf(&b, "{date: %s, value: %d}", day.AddDate(0, 0, points-i).Format(time.DateOnly), 1000+i)
	}
	b.WriteString("]\n")
	for i := 1; i < blocks; i++ {
		fmt.Fprintf(&b, "  b%d: {series: *s}\n", i)
	}
	return b.String()
}

// TestAliasedSeriesReadOnce parses 2,000 blocks that alias one series of
// 10,000 observations. Read once and shared, it takes 0.3 to 0.6 s and
// allocates 25 MB on a loaded machine (BenchmarkAliasedSeries; decoding
// the 335 KB of YAML is most of both); read again for each block, 200
// blocks took 32 s and allocated 1.5 GB. The bounds, 30 s and 200 MB,
// are generous: they catch the series being read for each block, not a
// slow machine.
func TestAliasedSeriesReadOnce(t *testing.T) {
	src := aliasedSeries(2000, 10000)
	blocks, msgs, alloc := parseMeasured(t, src, 30*time.Second)
	if alloc > 200<<20 {
		t.Errorf("parsing %d bytes allocated %d MB; want under 200 MB", len(src), alloc>>20)
	}
	if len(msgs) != 0 {
		t.Errorf("diagnostics %v; want none", msgs)
	}
	if len(blocks) != 2000 {
		t.Fatalf("got %d blocks; want 2000", len(blocks))
	}
	for _, b := range []*Block{blocks[0], blocks[1999]} {
		if len(b.Series) != 10000 || b.Series[0].Value != 1000+9999 || !b.Series[0].Date.Before(b.Series[1].Date) {
			t.Errorf("block %s: %d observations, the first %v; want 10,000 sorted by date", b.Name, len(b.Series), b.Series[0])
		}
	}
}

// TestAliasedSeriesErrorsOnce checks that a problem inside a series that
// several blocks alias is reported once, at its place, and that every
// block drawing the series is broken.
func TestAliasedSeriesErrorsOnce(t *testing.T) {
	src := "data:\n" +
		"  a:\n    series: &s\n      - {date: 2025-01-06, value: lots}\n      - {date: 2025-01-13, value: 2}\n" +
		"  b: {series: *s}\n" +
		"  c: {series: *s, unit: x}\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	var diags diag.List // not sorted, which would drop repeats
	blocks := Parse(nil, Page{Path: pagePath}, doc.Content[0].Content[1], &diags)
	if want := pagePath + `:4:35: value: cannot use "lots" as a number`; len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics:\n%v\nwant\n%s", diags, want)
	}
	for _, b := range blocks {
		if !b.Broken || len(b.Series) != 1 {
			t.Errorf("block %s: broken %v with %d observations; want broken, with the good one", b.Name, b.Broken, len(b.Series))
		}
	}
}

// countingFS counts the files opened (not those looked at with Stat).
type countingFS struct {
	fs.FS
	opened map[string]int
}

func (c countingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

func (c countingFS) Open(name string) (fs.File, error) {
	c.opened[name]++
	return c.FS.Open(name)
}

// TestSharedCSVReadOnce checks that a CSV file several blocks name is
// read once a page, its problems reported once, and every block drawing
// it broken.
func TestSharedCSVReadOnce(t *testing.T) {
	fsys := countingFS{fstest.MapFS{"content/articles/p.csv": {Data: []byte("date,value\n2025-01-02,2\n2025-01-01,x\n2025-01-01,1\n")}}, map[string]int{}}
	src := "a: {csv: p.csv}\nb: {csv: p.csv}\nc: {csv: ./p.csv}\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	blocks := Parse(fsys, Page{Path: pagePath}, doc.Content[0], &diags)
	if want := `content/articles/p.csv:3:12: value: cannot use "x" as a number`; len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics:\n%v\nwant\n%s", diags, want)
	}
	if n := fsys.opened["content/articles/p.csv"]; n != 1 {
		t.Errorf("p.csv opened %d times; want once", n)
	}
	for _, b := range blocks {
		if !b.Broken || len(b.Series) != 2 || b.Series[0].Value != 1 {
			t.Errorf("block %s: broken %v, observations %v; want broken, with the two good ones sorted", b.Name, b.Broken, b.Series)
		}
	}
}

// TestSharedFitOnce checks that the blocks fitting a projection to one
// CSV file share the fit: each block fitted the whole file again, four
// copies of it, so that 2,000 blocks fitting a file of 300,000 days (an
// article of 100 KB) took 59 s of CPU. Counted in bytes allocated a block
// past the first, which the copies made grow with the file.
func TestSharedFitOnce(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	perBlock := func(rows int) float64 {
		var csv strings.Builder
		csv.WriteString("date,value\n")
		for i := range rows {
			fmt.Fprintf(&csv, "%s,%d\n", time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format(time.DateOnly), i%7)
		}
		fsys := fstest.MapFS{"content/articles/p.csv": {Data: []byte(csv.String())}}
		alloc := func(n int) uint64 {
			var src strings.Builder
			for i := range n {
				fmt.Fprintf(&src, "b%d: {csv: p.csv, projection: {rate: fit}}\n", i)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(src.String()), &doc); err != nil {
				t.Fatal(err)
			}
			var diags diag.List
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			blocks := Parse(fsys, Page{Path: pagePath}, doc.Content[0], &diags)
			runtime.ReadMemStats(&after)
			if len(diags) > 0 || blocks[len(blocks)-1].Projection == nil {
				t.Fatalf("Parse reported %v, or made no projection", diags)
			}
			return after.TotalAlloc - before.TotalAlloc
		}
		return float64(alloc(101)-alloc(1)) / 100
	}
	short, long := perBlock(100), perBlock(10_000)
	if long > 2*short {
		t.Errorf("a block fitting a file of 10,000 rows allocates %.0f bytes, one of 100 rows %.0f; want about the same", long, short)
	}
}

// BenchmarkAliasedSeries parses 2,000 blocks aliasing one series of
// 10,000 observations.
func BenchmarkAliasedSeries(b *testing.B) {
	src := aliasedSeries(2000, 10000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if blocks, msgs := parse(b, src, nil); len(blocks) != 2000 || len(msgs) != 0 {
			b.Fatal(msgs)
		}
	}
}

// TestCSVColumnsReadOnce checks that the blocks of a page that read
// different columns of one CSV file read the file once, each its own
// column and each the problems of its own: each block read and parsed
// the whole file, so that 1,000 blocks of a file of 1,000 columns
// (2.7 MB) took 46 s of CPU.
func TestCSVColumnsReadOnce(t *testing.T) {
	fsys := countingFS{fstest.MapFS{"content/articles/w.csv": {Data: []byte("date,a,b,c,d\n2025-01-01,1,2,3,4\n2025-01-02,5,x,7,\n2025-01-03,9,10,11,12\n")}}, map[string]int{}}
	src := "data:\n  a: {csv: w.csv, column: a}\n  b: {csv: w.csv, column: b}\n  c: {csv: w.csv, column: c}\n  d: {csv: w.csv, column: d}\n  a2: {csv: w.csv, column: a}\n"
	blocks, msgs := parse(t, src, fsys)
	if want := []string{`content/articles/w.csv:3:14: b: cannot use "x" as a number`}; !slices.Equal(msgs, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if n := fsys.opened["content/articles/w.csv"]; n != 1 {
		t.Errorf("w.csv opened %d times; want once", n)
	}
	want := map[string][]float64{"a": {1, 5, 9}, "b": {2, 10}, "c": {3, 7, 11}, "d": {4, 12}, "a2": {1, 5, 9}}
	for _, b := range blocks {
		var got []float64
		for _, p := range b.Series {
			got = append(got, p.Value)
		}
		if !slices.Equal(got, want[b.Name]) || b.Broken != (b.Name == "b") {
			t.Errorf("block %s: values %v, broken %v; want %v, broken %v", b.Name, got, b.Broken, want[b.Name], b.Name == "b")
		}
	}
}

// BenchmarkCSVColumns parses 1,000 blocks, each reading one column of a
// CSV file of 1,000 columns and 100 rows.
func BenchmarkCSVColumns(b *testing.B) {
	var csv, src strings.Builder
	csv.WriteString("date")
	src.WriteString("data:\n")
	for i := range 1000 {
		fmt.Fprintf(&csv, ",c%d", i)
		fmt.Fprintf(&src, "  b%d: {csv: w.csv, column: c%d}\n", i, i)
	}
	for r := range 100 {
		fmt.Fprintf(&csv, "\n2025-01-%02d", r%28+1)
		for i := range 1000 {
			fmt.Fprintf(&csv, ",%d.5", (i+r)%100)
		}
	}
	fsys := fstest.MapFS{"content/articles/w.csv": {Data: []byte(csv.String())}}
	b.SetBytes(int64(csv.Len()))
	for b.Loop() {
		if blocks, _ := parse(b, src.String(), fsys); len(blocks) != 1000 {
			b.Fatalf("%d blocks; want 1000", len(blocks))
		}
	}
}

// TestMissingCSVFolderReadOnce checks that the blocks of a page naming
// files missing from one folder read the folder once for the names near
// theirs: each read it again, so that 2,000 of them beside 20,000 files
// took 190 s of CPU.
func TestMissingCSVFolderReadOnce(t *testing.T) {
	fsys := countingFS{fstest.MapFS{"content/articles/prices.csv": {Data: []byte("date,value\n2025-01-01,1\n")}}, map[string]int{}}
	src := "data:\n  a: {csv: price.csv}\n  b: {csv: Prices.csv}\n  c: {csv: nope.csv}\n"
	_, msgs := parse(t, src, fsys)
	want := []string{
		pagePath + ":2:12: csv: content/articles/price.csv does not exist: did you mean prices.csv?",
		pagePath + ":3:12: csv: content/articles/Prices.csv does not exist: did you mean prices.csv?",
		pagePath + ":4:12: csv: content/articles/nope.csv does not exist",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if n := fsys.opened["content/articles"]; n != 1 {
		t.Errorf("content/articles read %d times; want once", n)
	}
}
