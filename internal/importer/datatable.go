package importer

import (
	"bytes"
	"encoding/csv"
	"html"
	"path"
	"regexp"
	"slices"
	"strings"
)

// dataTableRE matches the inside of the loop by which Jekyll's tutorial
// "Tabulate CSV Data" shows a data file as the rows of a table: the
// header row's cells, from the first row's keys, under `if
// forloop.first`, then a tablerow of its values.
var dataTableRE = regexp.MustCompile(`(?s)^\s*(?:\{%-?\s*if\s+forloop\.first\s*-?%\}(.*?)\{%-?\s*for\s+(\w+)\s+in\s+(\w+)\s*-?%\}(.*?)\{\{-?\s*(\w+)\[0\]\s*-?\}\}(.*?)\{%-?\s*endfor\s*-?%\}(.*?)\{%-?\s*endif\s*-?%\})?\s*\{%-?\s*tablerow\s+(\w+)\s+in\s+(\w+)\s*-?%\}(.*?)\{\{-?\s*(\w+)\[1\]\s*-?\}\}(.*?)\{%-?\s*endtablerow\s*-?%\}\s*$`)

// dataTable writes the Liquid loop t, over the rows of a CSV or TSV data
// file ({% for row in site.data.prices %}, or a variable assigned it),
// whose inside is dataTableRE's, as the rows of HTML that Jekyll made of
// the file, each on a line of its own. It returns how many bytes of the
// body it took, to the end of its endfor tag; 0 for any other loop.
func (c *converter) dataTable(t tag) int {
	row, expr, ok := strings.Cut(t.args, " in ")
	row, expr = strings.TrimSpace(row), strings.TrimSpace(expr)
	if v, isVar := c.dataVars[expr]; isVar {
		expr = v
	}
	key, isData := strings.CutPrefix(expr, "site.data.")
	if !ok || !isData || c.inCode(t.start) {
		return 0
	}
	end, ok := c.loopEnd(t)
	if !ok {
		return 0
	}
	return c.writeDataTable(t, key, row, string(c.body[t.end:end.start]), end.end)
}

// loopEnd returns the endfor tag that closes the Liquid loop t, the
// loops inside it closed first, and whether it has one: as a search from
// t to the end of the body finds it, but read in time linear in the page. A search from each for
// tag to the end of the page took time in the square of their number
// when they were left open, 16,000 lines of {% for x in site.data.d %}
// 22 s. The tags of the body are read once, one after another from its
// start (loopTags); a for tag inside another tag, which that reading
// passes over, has its tags read from its end until they are those
// tags again, which is at once but for tags overlapping, and the rest
// is looked up.
func (c *converter) loopEnd(t tag) (tag, bool) {
	lt := c.loopTags()
	if k, ok := lt.at[t.start]; ok {
		return lt.endFrom(k+1, 0)
	}
	depth := 0
	for in, ok := c.nextTag(t.end, "{%"); ok; in, ok = c.nextTag(in.end, "{%") {
		if k, ok := lt.at[in.start]; ok {
			return lt.endFrom(k, depth)
		}
		switch {
		case in.name == "for":
			depth++
		case in.name == "endfor" && depth > 0:
			depth--
		case in.name == "endfor":
			return in, true
		}
	}
	return tag{}, false
}

// loopTagIndex is the Liquid tags of a body as they are read one after
// another from its start, for loopEnd.
type loopTagIndex struct {
	tags []tag
	at   map[int]int // the index in tags of each, by its offset
	// sum[k] is how many more endfor than for tags tags[:k] hold, and
	// hits[v] the k, in order, at which an endfor, tags[k-1], takes it
	// up to v.
	sum  []int
	hits map[int][]int
}

// endFrom returns the endfor that closes a loop open before tags[k],
// with depth more open inside it: the first after which, counting from
// k, depth+1 more endfor than for tags are read. sum only steps by one,
// so that is the first endfor that takes it up to sum[k]+depth+1 after k.
func (lt *loopTagIndex) endFrom(k, depth int) (tag, bool) {
	hits := lt.hits[lt.sum[k]+depth+1]
	if n, _ := slices.BinarySearch(hits, k+1); n < len(hits) {
		return lt.tags[hits[n]-1], true
	}
	return tag{}, false
}

// loopTags returns the loopTagIndex of the body, read the first time.
func (c *converter) loopTags() *loopTagIndex {
	if c.loops != nil {
		return c.loops
	}
	lt := &loopTagIndex{at: map[int]int{}, sum: []int{0}, hits: map[int][]int{}}
	for in, ok := c.nextTag(0, "{%"); ok; in, ok = c.nextTag(in.end, "{%") {
		lt.at[in.start] = len(lt.tags)
		lt.tags = append(lt.tags, in)
		v := lt.sum[len(lt.sum)-1]
		switch in.name {
		case "for":
			v--
		case "endfor":
			v++
			lt.hits[v] = append(lt.hits[v], len(lt.sum))
		}
		lt.sum = append(lt.sum, v)
	}
	c.loops = lt
	return lt
}

// writeDataTable writes the table of the data file key whose loop t over
// row has the inside body and ends at end (see dataTable).
func (c *converter) writeDataTable(t tag, key, row, body string, end int) int {
	m := dataTableRE.FindStringSubmatch(body)
	header := m != nil && m[2] != "" // the loop writes a header row
	if m == nil || header && (m[3] != row || m[5] != m[2]) || m[9] != row || m[11] != m[8] {
		return 0
	}
	if slices.ContainsFunc([]string{m[1], m[4], m[6], m[7], m[10], m[12]}, func(s string) bool { return strings.Contains(s, "{{") || strings.Contains(s, "{%") }) {
		return 0
	}
	p, rows := c.im.dataRows(key)
	if rows == nil {
		return 0
	}
	trim := strings.TrimSpace
	var out strings.Builder
	cells := func(r []string, n int, before, after string) {
		for k := range n {
			v := ""
			if k < len(r) {
				v = html.EscapeString(r[k])
			}
			out.WriteString(trim(before) + v + trim(after))
		}
	}
	if header && len(rows) > 1 {
		out.WriteString(trim(m[1]) + "\n")
		cells(rows[0], max(len(rows[0]), len(rows[1])), m[4], m[6])
		out.WriteString("\n" + trim(m[7]))
	}
	for _, r := range rows[1:] {
		out.WriteString("\n<tr>")
		cells(r, max(len(rows[0]), len(r)), "<td>"+m[10], m[12]+"</td>")
		out.WriteString("</tr>")
	}
	c.im.done(c.pos(t.start), "a Liquid loop over the rows of %s: written as its table of %d rows as the file is now (a change to the file does not reach it)", p, len(rows)-1)
	return c.wrote(trim(out.String()), end-t.start)
}

// dataRows returns the path and records of the CSV or TSV data file that
// Liquid names site.data.key ("prices" is _data/prices.csv, "a.b"
// _data/a/b.tsv), its header first, as Jekyll reads it with headers; nil
// when there is no such file, it cannot be read, or the config reads
// that kind of file without headers. A file is read once an import, for
// all the loops of its pages.
func (im *importer) dataRows(key string) (p string, rows [][]string) {
	if t, ok := im.dataTables[key]; ok {
		return t.path, t.rows
	}
	defer func() { put(&im.dataTables, key, dataFile{p, rows}) }()
	base := path.Join(im.conf.dataDir, strings.ReplaceAll(key, ".", "/"))
	for _, ext := range []string{".csv", ".tsv"} {
		if h, ok := lookup(im.conf.vars, ext[1:]+"_reader.headers").(bool); ok && !h {
			continue
		}
		data, err := readFile(im.src, base+ext)
		if err != nil {
			continue
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		if ext == ".tsv" {
			r.Comma = '\t'
		}
		records, err := r.ReadAll()
		if err != nil || len(records) == 0 {
			return "", nil
		}
		return base + ext, records
	}
	return "", nil
}

// dataFile is a data file as dataRows returns it.
type dataFile struct {
	path string
	rows [][]string
}
