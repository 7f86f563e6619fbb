package data

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/yamlpos"
)

// Page is what Parse needs to know about the article a data map belongs to.
type Page struct {
	Path string    // slash path of the article's .md file in the site, e.g. "content/articles/kursk.md"
	Date time.Time // the article's date: the default as_of of its blocks
	// CSVs, when set, are the CSV files the pages of the build share,
	// each read once; without it a page reads its own.
	CSVs *CSVTables
}

// Parse reads the `data:` map of an article's front matter into Blocks, in
// the order they are declared. node is the value of the `data` key and may
// be nil. Every problem is added to diags at the place it was found, and
// Parse carries on past it; unknown keys are warnings. A block whose
// projection is missing its start or rate, or has a malformed one, is
// returned without a Projection.
//
// The schema:
//
//	data:
//	  losses:                    # block name: letters, digits and _, not starting with a digit
//	    unit: casualties         # optional; used in axis labels, tooltips and prose
//	    as_of: 2025-01-13        # optional; "days to limit" counts from it
//	                             # (default: the article date, else the latest observation,
//	                             # else the projection start)
//	    series:                  # observations, in any order; sorted by date
//	      - {date: 2025-01-06, value: 3800, label: "Ukraine's president", source: "https://…"}
//	    projection:
//	      start: {date: 2024-12-05, value: 0}   # or `start: last`, the latest observation (the default)
//	      rate: 92               # change per `per`, or `rate: fit`: least squares on the series (≥ 2 observations)
//	      per: day               # hour | day | week | month | year (months and years by the calendar); default day
//	      model: linear          # linear | exponential (rate is then percent growth per period); default linear
//	      limit: 12000           # optional threshold; the central rate must reach it
//	      until: 2025-05-01      # optional end of the curves; default: the latest crossing plus
//	                             # 10% of the time to it (at least 7 days), or start + 1 year
//	      low: 70                # optional scenario rates, drawn as a band;
//	      high: 110              # they need not reach the limit
//	  prices:
//	    csv: prices.csv          # the series from a CSV file, relative to the article's folder
//	  reform:
//	    csv: polls.csv           # a file of several series, date,reform,labour,…
//	    column: reform           # the column of this block's values (default: value)
//
// Dates are written YYYY-MM-DD. A block has `series` or `csv`, not both,
// and needs observations or a projection. A CSV file has a header row
// naming its columns: date and value, and optionally label and source;
// its numbers are written as in front matter, without thousands
// separators (a "1,545" is an error that says what to write). A number
// in quotes is the number it holds, in front matter as in a CSV cell.
// YAML's merge key (<<: *first) gives a mapping the keys it lacks.
// Problems in a CSV file are reported at their line and column in that
// file.
func Parse(fsys fs.FS, page Page, node *yaml.Node, diags *diag.List) []*Block {
	if isNull(node) {
		return nil
	}
	p := &parser{fsys: fsys, page: page, diags: diags, misread: map[*yaml.Node]bool{}, read: map[*yaml.Node]observations{},
		readCSV: map[string]observations{}, csvs: page.CSVs, dirs: map[string][]fs.DirEntry{},
		facts: map[seriesKey]*seriesFacts{}, fits: map[fitKey]fitted{}}
	if p.csvs == nil {
		p.csvs = NewCSVTables()
	}
	m := yamlpos.Resolve(node)
	if m.Kind != yaml.MappingNode {
		p.errorf(node, "data: want a mapping of named blocks, got %s", yamlpos.Describe(node))
		return nil
	}
	var blocks []*Block
	seen := make(map[string]*yaml.Node)
	for k, v := range yamlpos.Pairs(m) {
		rk := yamlpos.Resolve(k)
		if rk == nil || rk.Kind != yaml.ScalarNode {
			p.errorf(k, "block name: want a name, got %s", yamlpos.Describe(k))
			continue
		}
		name := rk.Value
		if !isIdent(name) {
			p.errorf(k, "block name %q is not an identifier (want letters, digits and _, not starting with a digit)%s", name, identHint(name))
			continue
		}
		if prev, dup := seen[name]; dup {
			p.errorf(k, "block %q is already declared at line %d", name, prev.Line)
			continue
		}
		seen[name] = k
		before := len(*p.diags)
		b := p.block(name, k, v)
		b.Broken = b.Broken || (*p.diags)[before:].HasErrors()
		blocks = append(blocks, b)
	}
	return blocks
}

// identHint says how to write s, a block name that is not an identifier,
// when it is one with hyphens or spaces between its words ("kursk-losses",
// "lake mead"): ": write kursk_losses". It is "" otherwise.
func identHint(s string) string {
	if !strings.ContainsAny(s, " -") {
		return ""
	}
	fixed := strings.NewReplacer("-", "_", " ", "_").Replace(strings.TrimSpace(s))
	return pick(isIdent(fixed), ": write "+fixed, "")
}

// isIdent reports whether s matches [A-Za-z_][A-Za-z0-9_]*.
func isIdent(s string) bool {
	return s != "" && (s[0] < '0' || s[0] > '9') && !strings.ContainsFunc(s, func(r rune) bool {
		return r != '_' && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9')
	})
}

// block parses the block name declared at key with value val.
func (p *parser) block(name string, key, val *yaml.Node) *Block {
	b := &Block{Name: name, Pos: p.pos(key)}
	if yamlpos.Resolve(val).Kind != yaml.MappingNode {
		p.errorf(val, "block %q: want a mapping with series, csv or projection, got %s", name, yamlpos.Describe(val))
		return b
	}
	f := p.mapping(val, "in block \""+name+"\"", []string{"unit", "as_of", "series", "csv", "column", "projection"})
	if u, ok := f["unit"]; ok {
		b.Unit, _ = p.dataText("unit", u.val)
		if n := utf8.RuneCountInString(b.Unit); n > MaxUnitRunes {
			p.errorf(u.val, "unit: %d characters, more than the %d a unit may have: it is written beside every value of the block, on the chart's axis, in its tooltip and in each row of its table", n, MaxUnitRunes)
		}
	}
	hasAsOf := false
	if a, ok := f["as_of"]; ok {
		b.AsOf, hasAsOf = p.date("as_of", a.val)
	}
	sourceOK := true
	s, hasSeries := f["series"]
	c, hasCSV := f["csv"]
	column := ""
	if k, ok := f["column"]; ok {
		column, _ = p.text("column", k.val)
		switch {
		case !hasCSV:
			sourceOK = p.errorf(k.key, "block %q: column names a column of a csv file, and the block reads none (add csv: with the file)", name)
		case strings.TrimSpace(column) == "":
			sourceOK = p.errorf(k.val, "column: want the name of a column of %s, got nothing", "the csv file")
		}
	}
	switch {
	case hasSeries && hasCSV:
		sourceOK = p.errorf(c.key, "block %q has both series and csv (want one of them)", name)
	case hasSeries:
		b.Series, sourceOK = p.series(s.val)
	case hasCSV:
		var ok bool
		b.CSV, b.Series, ok = p.csv(c.val, column)
		sourceOK = sourceOK && ok
		b.CSVPos = p.pos(c.val)
	}
	// A series read before for another block had its problems reported
	// then; this block is broken all the same.
	b.Broken = !sourceOK
	if len(b.Series) > 0 {
		k := seriesKey{&b.Series[0], len(b.Series)}
		if p.facts[k] == nil {
			p.facts[k] = factsOf(b.Series)
		}
		b.known = p.facts[k]
	}

	pr, hasProj := f["projection"]
	if !hasProj && len(b.Series) == 0 && sourceOK {
		p.errorf(key, "block %q has no observations and no projection", name)
	}
	if last := len(b.Series) - 1; hasAsOf && last >= 0 {
		p.asOfBefore(b, f["as_of"].val, b.Series[last])
	}
	if !hasAsOf {
		switch {
		case !p.page.Date.IsZero():
			y, m, d := p.page.Date.Date()
			b.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
			if last := len(b.Series) - 1; last >= 0 && b.Series[last].Date.After(b.AsOf) {
				// New data under the first date: the page says "Updated"
				// with the latest observation's day (render.Summary.Modified),
				// and its counts start there too.
				y, m, d := b.Series[last].Date.Date()
				b.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				b.AsOfGrain = b.Series[last].Grain
			}
		case len(b.Series) > 0:
			b.AsOf = b.Series[len(b.Series)-1].Date
			b.AsOfGrain = b.Series[len(b.Series)-1].Grain
		}
	}
	if hasProj {
		b.Projection = p.projection(b, pr.key, pr.val, sourceOK)
		if b.AsOf.IsZero() && b.Projection != nil {
			b.AsOf = b.Projection.Start.Date
		}
	}
	return b
}

// asOfBefore warns at n, the as_of of b, when it is before the day of
// latest, b's latest observation: the counts to a crossing and the claims
// of time start at as_of, which the reader takes for the data's date. A
// warning, as a series may go on past the day it is written of (a target
// or a plan).
func (p *parser) asOfBefore(b *Block, n *yaml.Node, latest Point) {
	y, m, d := latest.Date.Date()
	if !time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(b.AsOf) {
		return
	}
	shown := Value{Kind: Date, Date: latest.Date, Grain: latest.Grain}.String()
	p.diags.Warnf(p.pos(n), "as_of %s is before the block's latest observation, of %s: days_to_limit, weeks_to_limit, months_to_limit, years_to_limit and claims of time such as \"within 10 weeks\" count from as_of, not from the latest observation (leave as_of out to count from it)", b.AsOf.Format(time.DateOnly), shown)
}

// series reads an inline list of observations, sorted by date. It
// reports false when the list has errors. A list is read once a page:
// blocks that alias it share its points, which must not be changed.
func (p *parser) series(n *yaml.Node) ([]Point, bool) {
	if isNull(n) {
		return nil, true
	}
	list := yamlpos.Resolve(n)
	if list.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "series: want a list of observations, got %s", yamlpos.Describe(n))
	}
	if r, done := p.read[list]; done {
		return r.points, r.ok
	}
	points, ok := p.readSeries(list)
	sortByDate(points)
	p.read[list] = observations{points, ok}
	return points, ok
}

// sortByDate sorts points by date, keeping the order of those of a day.
func sortByDate(points []Point) {
	slices.SortStableFunc(points, func(x, y Point) int { return x.Date.Compare(y.Date) })
}

// readSeries reads the observations of the list node list.
func (p *parser) readSeries(list *yaml.Node) ([]Point, bool) {
	ok := true
	var out []Point
	seen := map[Point]int{} // the line of each observation
	var times timeCheck
	for _, item := range list.Content {
		if yamlpos.Resolve(item).Kind != yaml.MappingNode {
			ok = p.errorf(item, "series: want an observation {date: YYYY-MM-DD, value: N}, got %s", yamlpos.Describe(item))
			continue
		}
		f := p.mapping(item, "in observation", []string{"date", "value", "label", "source"})
		var pt Point
		good := true
		if d, has := f["date"]; !has {
			good = p.errorf(item, "observation: missing date")
		} else if v := yamlpos.Resolve(d.val); v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
			good = p.errorf(d.val, "date: want a date (YYYY-MM-DD), got %s", yamlpos.Describe(d.val))
		} else if msg := times.read(&pt, v.Value, d.val.Line); msg != "" {
			good = p.errorf(d.val, "%s", msg)
		}
		if v, has := f["value"]; has {
			pt.Value, pt.Places, has = p.numberPlaces("value", v.val)
			good = good && has
		} else {
			good = p.errorf(item, "observation: missing value")
		}
		if l, has := f["label"]; has {
			pt.Label, has = p.dataText("label", l.val)
			if n := utf8.RuneCountInString(pt.Label); n > MaxLabelRunes {
				has = p.errorf(l.val, "%s", labelTooLong(n))
			}
			good = good && has
		}
		if s, has := f["source"]; has {
			pt.Source, has = p.dataText("source", s.val)
			good = good && has
		}
		if !good {
			ok = false
			continue
		}
		key := pt
		key.Places = 0 // 2.5 and 2.50 are one number
		if first, dup := seen[key]; dup {
			p.diags.Warnf(p.pos(item), "%s", repeatMessage(first, pt))
		} else {
			seen[key] = item.Line
		}
		out = append(out, pt)
	}
	return out, ok
}

// repeatMessage says that pt repeats the observation at line first of
// its file, a copy that is drawn twice, counted twice by count and
// weighs twice in a fit. Two observations of one day that differ (two
// sources, or two times of day) are not repeats. Readings of a day
// written without their times, as an hourly gauge's might be, look like
// repeats where the level held, so the message says how to keep them.
func repeatMessage(first int, pt Point) string {
	date := string(AppendDateText(nil, pt.Date, pt.Grain))
	msg := fmt.Sprintf("this repeats the observation of line %d (%s, %s): it would be drawn, counted and fitted twice; delete one of them",
		first, date, WrittenNumber(pt.Value, pt.Places))
	if !HasTime(pt.Date) && pt.Grain == ByDay {
		msg += fmt.Sprintf(", or, if they are readings at two times of the day, give each its time (%sT06:00)", AppendDateText(nil, pt.Date, ByDay))
	}
	return msg
}
