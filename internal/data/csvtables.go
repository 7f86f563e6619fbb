package data

import (
	"io/fs"
	"sync"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// CSVTables holds the CSV files the pages of one build read, each read
// and its columns parsed once however many pages and blocks name it: one
// national series of 3 MB charted on 60 pages was read and parsed 60
// times. It is safe for concurrent use. The points it gives are shared by
// every page that reads them and must not be changed. A build makes one,
// so that the next build reads the files again.
type CSVTables struct {
	mu    sync.Mutex
	files map[string]*csvEntry
}

// NewCSVTables returns an empty CSVTables.
func NewCSVTables() *CSVTables { return &CSVTables{files: map[string]*csvEntry{}} }

// csvEntry is one file of a CSVTables: read once, and each of its
// columns read once, under mu.
type csvEntry struct {
	mu    sync.Mutex
	read  bool
	err   error     // what reading the file gave, when it could not be read
	table *csvTable // when it could
	cols  map[string]csvColumn
}

// csvColumn is what reading a column of a file gave: its observations,
// sorted by date, and its problems, at most diag.MaxListed of them.
type csvColumn struct {
	points []Point
	found  diag.List
}

// column returns the observations of the column of file in fsys ("" for
// the column "value") and the problems found reading them, or the error
// that kept the file from being read.
func (ts *CSVTables) column(fsys fs.FS, file, column string) (csvColumn, error) {
	ts.mu.Lock()
	e := ts.files[file]
	if e == nil {
		e = &csvEntry{cols: map[string]csvColumn{}}
		ts.files[file] = e
	}
	ts.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.read {
		e.read = true
		var src []byte
		if src, e.err = sitefs.ReadFile(fsys, file, MaxCSVSize); e.err == nil {
			e.table = newCSVTable(file, src)
		}
	}
	if e.err != nil {
		return csvColumn{}, e.err
	}
	c, ok := e.cols[column]
	if !ok {
		var found diag.List
		c.points = readCSV(e.table, column, &found)
		// A file of thousands of bad lines, or of columns: the first of
		// them say what is wrong, and the rest would bury every other
		// problem of the build.
		c.found = found.Bound(diag.MaxListed, "this csv file")
		sortByDate(c.points)
		e.cols[column] = c
	}
	return c, nil
}
