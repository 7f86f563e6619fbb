package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/yamlpos"
)

// csv reads the series named by the csv key's value n, its values from
// the column named column ("" for the column "value"). It returns the
// file's path in the site, its observations sorted by date, and false
// when anything went wrong. A file's column is read once a build (see
// CSVTables): the blocks that name it share its points, which must not
// be changed.
func (p *parser) csv(n *yaml.Node, column string) (string, []Point, bool) {
	name, ok := p.text("csv", n)
	if !ok {
		return "", nil, false
	}
	if name == "" {
		return "", nil, p.errorf(n, "csv: want a file name, got nothing")
	}
	if strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) || hasDrive(name) {
		return "", nil, p.errorf(n, "csv: %q is an absolute path (want a path relative to the article)", name)
	}
	file := path.Join(path.Dir(p.page.Path), name)
	if !fs.ValidPath(file) {
		return "", nil, p.errorf(n, "csv: %q is outside the site", name)
	}
	if p.fsys == nil {
		return file, nil, p.errorf(n, "csv: %s cannot be read: no site files", file)
	}
	key := file + "\x00" + column
	if r, done := p.readCSV[key]; done {
		return file, r.points, r.ok
	}
	col, err := p.csvs.column(p.fsys, file, column)
	var tooLarge *sitefs.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		guess := p.csvGuess(name, file)
		return file, nil, p.errorf(n, "csv: %s does not exist%s", file, pick(guess == "", "", ": did you mean "+guess+"?"))
	case errors.As(err, &tooLarge):
		return file, nil, p.errorf(n, "csv: %s: %v", file, err)
	case err != nil:
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = pe.Err
		}
		return file, nil, p.errorf(n, "csv: %s cannot be read: %v", file, err)
	}
	p.diags.Add(col.found...)
	ok = !col.found.HasErrors()
	p.readCSV[key] = observations{col.points, ok}
	return file, col.points, ok
}

// csvGuess returns what a csv key whose value name (resolved to the
// missing file) most likely meant, written as the key is, or "": a file
// beside it one letter away or differing in case (price.csv for
// prices.csv), or the file the name reaches when counted from the site
// folder instead of the article's (content/articles/prices.csv).
func (p *parser) csvGuess(name, file string) string {
	dir, base := path.Split(file)
	dir = path.Clean(dir)
	entries, read := p.dirs[dir]
	if !read {
		// Read once a page: each missing file of 2,000 read a folder of
		// 20,000 files, 190 s of CPU.
		entries, _ = fs.ReadDir(p.fsys, dir)
		p.dirs[dir] = entries
	}
	for _, e := range entries {
		if e.Type().IsRegular() && !sitefs.LeftOut(e.Name()) && (diag.OneEdit(base, e.Name()) || strings.EqualFold(base, e.Name())) {
			return path.Join(path.Dir(name), e.Name())
		}
	}
	articleDir := path.Dir(p.page.Path) + "/"
	if fromSite := path.Clean(name); strings.HasPrefix(fromSite, articleDir) {
		if st, err := fs.Stat(p.fsys, fromSite); err == nil && st.Mode().IsRegular() {
			return strings.TrimPrefix(fromSite, articleDir)
		}
	}
	return ""
}

// MaxCSVSize is the size in bytes of the largest CSV file a block may
// read: some hundred thousand observations, far more than a chart can show.
const MaxCSVSize = sitefs.MaxFileSize

// allEmpty reports whether every field of rec is empty or spaces: a
// trailing "," or a row of them, as spreadsheets write them, holds
// nothing to lose.
func allEmpty(rec []string) bool {
	return !slices.ContainsFunc(rec, func(f string) bool { return strings.TrimSpace(f) != "" })
}

// hasDrive reports whether name starts with a Windows drive letter, "C:".
func hasDrive(name string) bool {
	return len(name) >= 2 && name[1] == ':' && ('a' <= name[0] && name[0] <= 'z' || 'A' <= name[0] && name[0] <= 'Z')
}

// csvFile turns encoding/csv's line and byte column into a diag.Pos that
// counts columns in characters.
type csvFile struct {
	path       string
	src        []byte
	bom        int   // bytes of byte-order mark stripped before parsing
	lineStarts []int // byte offset of each line in src
	// last is the place pos gave last: its line, byte offset and
	// column.
	last struct{ line, off, col int }
}

func (f *csvFile) pos(line, byteCol int) diag.Pos {
	if line < 1 || line > len(f.lineStarts) {
		return diag.Pos{Path: f.path, Line: line}
	}
	start := f.lineStarts[line-1]
	end := len(f.src)
	if line < len(f.lineStarts) {
		end = f.lineStarts[line] - 1
	}
	if end > start && f.src[end-1] == '\r' {
		end--
	}
	off := start + max(byteCol, 1) - 1
	if line == 1 {
		off += f.bom
		start += f.bom // no column, as an editor shows none
	}
	// An error found at the end of a line is shown on that line.
	off = min(off, end)
	// Counted on from the last place asked for, when it is before this
	// one on its line: the columns of a header are reported in order,
	// and counting each from the line's start took minutes for a
	// header of 700,000 columns.
	from, col := start, 1
	if f.last.line == line && f.last.off >= start && f.last.off <= off {
		from, col = f.last.off, f.last.col
	}
	col += utf8.RuneCount(f.src[from:off])
	f.last.line, f.last.off, f.last.col = line, off, col
	return diag.Pos{Path: f.path, Line: line, Col: col}
}

// unclosedQuote returns the offset in src of the quote that opens a field
// of the record starting at offset start and is never closed, as
// encoding/csv reads quotes (a doubled quote inside a quoted field is
// one), or -1 when every quote of the record is closed.
func unclosedQuote(src []byte, start int) int {
	open := -1
	fieldStart := true
	for i := start; i < len(src); i++ {
		c := src[i]
		switch {
		case open >= 0:
			if c == '"' {
				if i+1 < len(src) && src[i+1] == '"' {
					i++
					continue
				}
				open = -1
			}
		case c == '"' && fieldStart:
			open = i
		case c == '\n':
			return -1
		}
		fieldStart = open < 0 && c == ','
	}
	return open
}

// loneCR returns the offset in src of the carriage return that ends its
// first line, when that line ends with a carriage return alone, not
// followed by a line feed; -1 otherwise.
func loneCR(src []byte) int {
	i := bytes.IndexAny(src, "\r\n")
	return pick(i < 0 || src[i] != '\r' || i+1 < len(src) && src[i+1] == '\n' || i+1 == len(src), -1, i)
}

// csvTable is a CSV file as its blocks read it: its problems that keep
// any of it from being read, or else its text, read through records.
type csvTable struct {
	f       *csvFile
	problem diag.List
	// unprintable are the characters of the text that no page may hold,
	// each an error, which leave the rest of the file to be read.
	unprintable diag.List
	body        []byte // the text after the byte-order mark
	reads       int    // how many times records was called
	// recs are the records, and pos the line and byte column of each
	// of their fields, kept by the second read for those after it.
	recs [][]string
	pos  [][][2]int
	end  error // what ended the records: io.EOF or a parse error
}

// newCSVTable checks src, the CSV file at path, for what keeps any of it
// from being read.
func newCSVTable(path string, src []byte) *csvTable {
	f := &csvFile{path: path, src: src, lineStarts: []int{0}}
	t := &csvTable{f: f, body: src}
	for i, c := range src {
		if c == '\n' {
			f.lineStarts = append(f.lineStarts, i+1)
		}
	}
	if rest, ok := bytes.CutPrefix(src, []byte("\uFEFF")); ok {
		t.body, f.bom = rest, len(src)-len(rest)
	}
	switch {
	case len(bytes.TrimSpace(t.body)) == 0:
		t.problem.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "the csv file is empty (want a header row naming date and value, then one observation a line)")
	case sitefs.UTF16(src):
		t.problem.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "the csv file is in UTF-16 (as Excel's \"Unicode Text\" saves a sheet), not UTF-8: save it as \"CSV UTF-8\"")
	case !utf8.Valid(src):
		t.problem.Errorf(diag.At(path, src, sitefs.FirstInvalidUTF8(src)), "the csv file is not valid UTF-8 (save it as UTF-8)")
	case loneCR(t.body) >= 0:
		// Excel's "CSV (Macintosh)" ends lines so: read with line feeds
		// only, the whole file is one header of many columns.
		t.problem.Errorf(diag.At(path, src, f.bom+loneCR(t.body)), "the lines of this file end with a carriage return alone (as on old Macs, and in Excel's \"CSV (Macintosh)\"), which plotline does not take for line ends: save it with LF or CRLF line endings (as \"CSV UTF-8\")")
	}
	if len(t.problem) == 0 {
		// Each one, with the file's other mistakes: the first alone hid
		// them, to be found one build at a time.
		c := diag.Cursor{Path: path, Src: src}
		for at := 0; len(t.unprintable) <= diag.MaxListed; {
			off, r, ok := yamlpos.Unprintable(src[at:])
			if !ok {
				break
			}
			t.unprintable.Errorf(c.At(at+off), "%s", yamlpos.UnprintableMessage(r))
			at += off + utf8.RuneLen(r)
		}
	}
	return t
}

// csvReader reads records as encoding/csv's Reader does.
type csvReader interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

// records returns a reader of t's records, for one block's column. The
// first reads the text as it goes; the second keeps what it reads, and
// those after it read that: a page whose blocks read many columns of one
// file read the whole file for each, so that 1,000 blocks of a file of
// 1,000 columns (2.7 MB) took 46 s of CPU.
func (t *csvTable) records() csvReader {
	if t.reads++; t.reads > 2 {
		return &csvRecords{t: t}
	}
	r := csv.NewReader(bytes.NewReader(t.body))
	r.FieldsPerRecord = -1
	if t.reads == 1 {
		return r
	}
	for t.end == nil {
		rec, err := r.Read()
		if err != nil {
			t.end = err
			break
		}
		pos := make([][2]int, len(rec))
		for i := range rec {
			pos[i][0], pos[i][1] = r.FieldPos(i)
		}
		t.recs, t.pos = append(t.recs, rec), append(t.pos, pos)
	}
	return &csvRecords{t: t}
}

// csvRecords reads the records a csvTable kept.
type csvRecords struct {
	t *csvTable
	n int // the records read
}

// Read returns the next record, or the error that ended the records.
func (r *csvRecords) Read() ([]string, error) {
	if r.n == len(r.t.recs) {
		return nil, r.t.end
	}
	r.n++
	return r.t.recs[r.n-1], nil
}

// FieldPos returns the line and byte column of field i of the record
// Read returned last.
func (r *csvRecords) FieldPos(i int) (line, column int) {
	p := r.t.pos[r.n-1][i]
	return p[0], p[1]
}

// readCSV reads observations from t, a CSV file, reporting problems into
// diags at their place in the file. Their values are those of the
// column "value" or, when column is set, of the column of that name, in
// a file of several series (date,reform,labour): a row whose cell there
// is empty has no observation of it, its labels and sources are those of
// the columns reform_label and reform_source if the file has them (as a
// chart's CSV download names them) or else label and source, and the
// file's other columns are those of other blocks.
func readCSV(t *csvTable, column string, diags *diag.List) []Point {
	vname := pick(column != "", strings.ToLower(strings.TrimSpace(column)), "value")
	if len(t.problem) > 0 {
		diags.Add(t.problem...)
		return nil
	}
	diags.Add(t.unprintable...)
	f, path, src := t.f, t.f.path, t.f.src
	r := t.records()
	parseErr := func(err error) {
		pe, ok := errors.AsType[*csv.ParseError](err)
		q := -1
		if ok && errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine >= 1 && pe.StartLine <= len(f.lineStarts) {
			q = unclosedQuote(src, f.lineStarts[pe.StartLine-1]+pick(pe.StartLine == 1, f.bom, 0))
		}
		switch {
		case !ok:
			diags.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "%v", err)
		case q >= 0:
			diags.Errorf(diag.At(path, src, q), `this quote is never closed: end the field with " (a quote inside a quoted field is written twice: "")`)
		case pe.StartLine != pe.Line:
			// An unclosed quote is found at the end of the file; the
			// place to fix is where its record starts.
			diags.Errorf(f.pos(pe.StartLine, 1), "%v (in the record starting here)", pe.Err)
		default:
			diags.Errorf(f.pos(pe.Line, pe.Column), "%v", pe.Err)
		}
	}

	header, err := r.Read()
	if err != nil {
		parseErr(err)
		return nil
	}
	if first := strings.Join(header, ","); len(first) >= 4 && strings.EqualFold(first[:4], "sep=") {
		// sep=; on a line of its own: a note to Excel on the
		// separator, which some exports start with.
		diags.Errorf(f.pos(1, 1), "the first line, %q, tells a spreadsheet which separator the file uses: delete it, so that the file starts with its header", first)
		return nil
	}
	if len(header) == 1 {
		for _, sep := range []string{";", "\t", "|"} {
			if strings.Contains(header[0], sep) {
				// date;value: a spreadsheet's export for a language
				// that writes decimals with a comma.
				name := map[string]string{";": "semicolons", "\t": "tabs", "|": "bars"}[sep]
				also := pick(sep == ";", ", and decimals with a point (3.5, not 3,5)", "")
				diags.Errorf(f.pos(1, 1), "the columns are separated by %s, and plotline reads commas: write %s%s", name, strings.Join(strings.Split(strings.TrimSpace(header[0]), sep), ","), also)
				return nil
			}
		}
	}
	if _, isDate := parseDate(strings.TrimSpace(header[0])); isDate || len(header) > 1 && DateHint(header[0]) != "" {
		// 2025-01-01,3800 on the first line: an export without its
		// header, whose first observation would be taken for one.
		names := []string{"date", "value", "label", "source"}[:min(len(header), 4)]
		diags.Errorf(f.pos(1, 1), "the first line is an observation, not a header: add a line naming the columns above it, %s", strings.Join(names, ","))
		return nil
	}
	col := map[string]int{"date": -1, vname: -1, "label": -1, "source": -1}
	if column != "" {
		// The block's own label and source, as a chart's CSV download
		// names them: reform_label, reform_source.
		col[vname+"_label"], col[vname+"_source"] = -1, -1
	}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		line, c := r.FieldPos(i)
		prev, known := col[name]
		switch {
		case !known && column != "":
			// Another block's column.
		case !known:
			diags.Warnf(f.pos(line, c), "unknown column %q (want date, value, label or source)", h)
		case prev >= 0:
			diags.Errorf(f.pos(line, c), "duplicate column %q", h)
		default:
			col[name] = i
		}
	}
	if column != "" && col[vname] < 0 {
		var names []string
		guess := ""
		for _, h := range header {
			h = strings.TrimSpace(h)
			names = append(names, h)
			if guess == "" && (diag.OneEdit(vname, strings.ToLower(h)) || strings.HasPrefix(strings.ToLower(h), vname)) {
				guess = ": did you mean " + h + "?"
			}
		}
		diags.Errorf(f.pos(1, 1), "the header has no column %q, which the block's column: names (the columns are %s)%s", column, diag.Some(names), guess)
		return nil
	}
	if col["date"] < 0 || col[vname] < 0 {
		// The first observation says which unknown column holds the
		// dates or the values: "day" or "cases", say.
		first, _ := r.Read()
		if next := headerNames(first); next != "" && col["date"] < 0 && col["value"] < 0 {
			// A title line above the header, as an agency's export
			// often starts with: the next line names the columns.
			line, _ := r.FieldPos(0)
			diags.Errorf(f.pos(1, 1), "the first line is not the header: line %d, %s, names the columns; delete the line%s above it", line, next, map[bool]string{true: "s", false: ""}[line > 2])
			return nil
		}
		for _, want := range []string{"date", "value"} {
			if col[want] >= 0 {
				continue
			}
			hint := ""
			for i, h := range header {
				if _, known := col[strings.ToLower(strings.TrimSpace(h))]; known || i >= len(first) {
					continue
				}
				cell := strings.TrimSpace(first[i])
				_, isDate := parseDate(cell)
				if plain, sep := withoutSeparators(cell); sep {
					cell = plain // "1,066.21", as an agency exports it
				}
				_, err := strconv.ParseFloat(cell, 64)
				if want == "date" && (isDate || DateHint(cell) != "") || want == "value" && err == nil && !isDate {
					hint = fmt.Sprintf(": if the column %q holds the %ss, name it %s", strings.TrimSpace(h), want, want)
					if want == "value" && !diag.OneEdit(strings.ToLower(strings.TrimSpace(h)), "value") {
						// Or read it by its name, as a column of a
						// file of several series is read.
						hint += fmt.Sprintf(", or give the block column: %s", strings.TrimSpace(h))
					}
					break
				}
			}
			diags.Errorf(f.pos(1, 1), "the header has no %q column (want date, value and optionally label and source)%s", want, hint)
		}
		return nil
	}
	need := max(col["date"], col[vname]) + 1

	var out []Point
	seen := map[Point]int{} // the line of each observation
	var times timeCheck
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			parseErr(err)
			return out
		}
		if allEmpty(rec) {
			// ",,": a spreadsheet's empty row, read as the blank line
			// it is.
			continue
		}
		if column != "" && (len(rec) <= col[vname] || strings.TrimSpace(rec[col[vname]]) == "") {
			// No observation of this series on that date.
			continue
		}
		rows++
		good := true
		// bad reports a problem at field i of the record.
		bad := func(i int, format string, args ...any) {
			diags.Errorf(f.pos(r.FieldPos(i)), format, args...)
			good = false
		}
		if len(rec) < need {
			bad(0, "the line has %d field%s, want at least %d (date and value)", len(rec), map[bool]string{true: "", false: "s"}[len(rec) == 1], need)
			continue
		}
		var pt Point
		ds, d, v := strings.TrimSpace(rec[col["date"]]), col["date"], col[vname]
		line, _ := r.FieldPos(d)
		if ds == "" {
			bad(d, "date: the cell is empty (want YYYY-MM-DD)")
		} else if msg := times.read(&pt, ds, line); msg != "" {
			bad(d, "%s", msg)
		}
		vs := strings.TrimSpace(rec[v])
		x, err := strconv.ParseFloat(vs, 64)
		quoted := yamlpos.Shorten(vs) // a cell of 3 MB is not quoted whole
		switch plain, sep := withoutSeparators(vs); {
		case sep:
			bad(v, "%s: %q has a thousands separator, which plotline does not guess at (in some languages it marks decimals); write %s", vname, quoted, yamlpos.Shorten(plain))
		case vs == "":
			// A gap in the data: a line with no value would be read
			// as an observation of 0 by many a program.
			bad(v, "value: the cell is empty: leave out the line of a date without an observation")
		case radixName(vs) != "":
			// strconv reads 0x1p4 as 16: a CSV cell is read in
			// decimal, as a number in front matter is.
			bad(v, "%s: %s", vname, radixMessage(vs, radixName(vs)))
		case err != nil || math.IsNaN(x) || math.IsInf(x, 0):
			hint := pick(quoted == vs, numberHint(vs), "")
			if hint == missingHint && column != "" {
				// The line holds other blocks' values: an empty cell
				// leaves out this block's alone.
				hint = ": a date without an observation of this column is left out when its cell is empty: empty the cell, not the line"
			}
			bad(v, "%s: cannot use %q as a number%s", vname, quoted, hint)
		default:
			if msg, ok := keptAsWritten(vs, x); !ok {
				bad(v, "%s: %s", vname, msg)
			} else if next := v + 1; next < len(rec) && isDigits(strings.TrimPrefix(vs, "-"), 1, 3) && (isDigits(rec[next], 3, 3) || isGroupWithDecimals(rec[next])) && !numberColumn(header, rec, next) {
				// 2025-01-01,1,545: the separator split the number.
				bad(v, "%s: %s,%s reads as %s and a next field %q, because a comma separates fields: write %s%s, without a thousands separator", vname, vs, rec[next], vs, rec[next], vs, rec[next])
			}
		}
		pt.Value, pt.Places = x, places(vs, x)
		if good && len(rec) > len(header) && !allEmpty(rec[len(header):]) {
			// 2025-01-01,3800,Kursk, Russia: the rest of the label is
			// a field of its own, which would be lost.
			bad(len(header), "the line has %d fields, more than the %d of the header: a comma inside a label or source needs the field in double quotes (\"Kursk, Russia\")", len(rec), len(header))
		}
		for _, name := range []string{"label", "source"} {
			i := col[name]
			if own, ok := col[vname+"_"+name]; ok && own >= 0 && column != "" {
				i = own
			}
			if i < 0 || i >= len(rec) {
				continue
			}
			cell := unguardCell(strings.TrimSpace(rec[i]))
			if name == "label" {
				pt.Label = cell
				if n := utf8.RuneCountInString(cell); n > MaxLabelRunes {
					bad(i, "%s", labelTooLong(n))
				}
			} else {
				pt.Source = cell
			}
			if strings.Contains(cell, "{{") {
				bad(i, "%s", noValuesMessage(name))
			}
		}
		if good {
			line, c := r.FieldPos(0)
			key := pt
			key.Places = 0 // 2.5 and 2.50 are one number
			if first, dup := seen[key]; dup {
				diags.Warnf(f.pos(line, c), "%s", repeatMessage(first, pt))
			} else {
				seen[key] = line
			}
			out = append(out, pt)
		}
	}
	if rows == 0 {
		diags.Errorf(f.pos(1, 1), "the csv file has a header but no observations")
	}
	return out
}

// headerNames returns rec written as a CSV line when it is a header
// plotline reads, one naming a date or a value column, and "" otherwise.
func headerNames(rec []string) string {
	named := slices.ContainsFunc(rec, func(h string) bool {
		return slices.Contains([]string{"date", "value"}, strings.ToLower(strings.TrimSpace(h)))
	})
	return pick(named, strings.Join(rec, ","), "")
}

// unguardCell reads a label or source as a chart's CSV download wrote
// it: the download puts an apostrophe before a cell's =, +, -, @, tab or
// carriage return, which a spreadsheet would run as a formula, and one
// more before apostrophes in that place, at the text's start and after a
// comma, semicolon, tab or bar; one apostrophe comes off each, so that
// "'=YouGov" reads back as "=YouGov", and "=x" after two apostrophes as
// "'=x". A spreadsheet hides that apostrophe too.
func unguardCell(s string) string {
	if strings.IndexByte(s, '\'') < 0 {
		return s
	}
	var b strings.Builder
	start := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if start && c == '\'' && formulaStart(s[i:]) {
			start = false
			continue // the guard's apostrophe
		}
		b.WriteByte(c)
		start = cellSeparator(c)
	}
	return b.String()
}

// GuardCell defuses text a spreadsheet would run as a formula, for a
// chart's CSV download: an =, +, -, @, tab or carriage return that
// starts a cell gets an apostrophe before it. A cell starts at the start
// of the text and after any character a spreadsheet may be told to split
// cells at (cellSeparator): "x;=2+3;" read with ";" as the separator has
// a cell "=2+3", so it is written "x;'=2+3;". Apostrophes that start a
// cell before one of those characters get one more ("'=x" is written
// with two), so that unguardCell, reading the file back, takes one
// apostrophe off each and has the text as it was.
func GuardCell(s string) string {
	var b strings.Builder
	start := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if start && formulaStart(s[i:]) {
			if b.Len() == 0 && i > 0 {
				b.WriteString(s[:i])
			}
			b.WriteByte('\'')
		}
		if b.Len() > 0 {
			b.WriteByte(c)
		}
		start = cellSeparator(c)
	}
	if b.Len() == 0 {
		return s // nothing to defuse: no copy
	}
	return b.String()
}

// formulaStart reports whether s, the rest of a cell, starts with a
// character a spreadsheet runs as a formula, or with apostrophes before
// one.
func formulaStart(s string) bool {
	s = strings.TrimLeft(s, "'")
	return s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0
}

// cellSeparator reports whether a spreadsheet may be told to split cells
// at c: a comma, a semicolon, a tab or a bar.
func cellSeparator(c byte) bool { return c == ',' || c == ';' || c == '\t' || c == '|' }

// numberColumn reports whether field next of rec, a line of a CSV file
// with no more fields than its header, is of a column of its own that
// is no label or source: "2001,100,100" under "year,overall,trade" holds
// two values, not one split by a thousands separator.
func numberColumn(header, rec []string, next int) bool {
	if len(rec) > len(header) {
		return false
	}
	name := strings.ToLower(strings.TrimSpace(header[next]))
	return name != "label" && name != "source" && !strings.HasSuffix(name, "_label") && !strings.HasSuffix(name, "_source")
}
