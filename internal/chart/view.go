package chart

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// View is what the chart partial, templates/partials/chart.html, shows of
// a figure. Text fields are plain text, escaped by html/template where the
// partial puts them; the SVGs, the tables, the frame ratios and the option
// are made here, escaped already, and typed so that the partial writes
// them as they are. A link whose href is empty is left out by the default
// partial.
type View struct {
	ID    string // the figure's HTML id; the ids of its parts start with it
	Title string // may be empty
	// Heading is true where the title heads the page, as the h1 of the
	// chart's embed page, which has no headline of its own.
	Heading bool
	Caption string // may be empty
	// SVG is the static chart in its wide frame, SVGNarrow in its narrow
	// one, which the style sheet shows instead on narrow screens.
	SVG, SVGNarrow template.HTML
	// BoxStyle gives the element around the live chart the ratios of the
	// two frames: "--plc-wide:720/360;--plc-narrow:320/420".
	BoxStyle template.CSS
	// Option is the JSON the live chart is drawn from, with < escaped, so
	// that it can stand inside a script element. It is empty when the
	// figure is written for a feed reader, which runs no script: the
	// partial then leaves the live chart out.
	Option  template.JS
	Summary string        // the chart in words, for screen readers
	Tables  template.HTML // the data tables, empty when there is no data to show
	Sources []Source      // the observations' sources, each once

	Links
}

// SVGFile returns the static chart as a file of its own, to be used away
// from its page, as Datawrapper's and Our World in Data's downloads are:
// an XML document on a white ground that carries, around the wide frame's
// drawing, the chart's title and caption above it and its sources and
// credit below it (the article's address, or the site's name), so that
// it still says what it shows and where it comes from once it sits in a
// slide or another page. Its size is in CSS pixels. lang, the site's
// language tag, is the file's xml:lang, so that a screen reader or a
// browser showing the file alone reads its words in their language; an
// empty lang names none. width and height are the size its root element
// gives, for an img element that shows the file.
func (f Figure) SVGFile(credit, lang string) (file []byte, width, height float64) {
	fr := f.frames
	if fr[0].w == 0 {
		fr = frames(max(f.Height, MinHeight))
	}
	w := fr[0].w
	const (
		pad       = 16.0
		titleSize = 18.0
		textSize  = 14.0
		noteSize  = 12.0
	)
	var out svgWriter
	out.s("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	y := pad
	var head, foot []fileLine
	// A bold face runs about a tenth wider than the widths textWidth knows.
	for _, l := range wrapWords(f.Title, titleSize*1.1, w-2*pad) {
		y += titleSize * 1.3
		head = append(head, fileLine{l, y, titleSize, ` font-weight="bold"`})
	}
	for _, l := range wrapWords(f.Caption, textSize, w-2*pad) {
		y += textSize * 1.4
		head = append(head, fileLine{l, y, textSize, ` fill="#4d5158"`})
	}
	if len(head) > 0 {
		y += pad / 2
	}
	chartY := y
	y += fr[0].h + noteSize/2
	var names []string
	for _, src := range f.table.sources() {
		if _, ok := webURL(src); ok {
			src = shortURL(src)
		}
		names = append(names, src)
	}
	note := ""
	if len(names) > 0 {
		note = f.table.words.Format(words.SourceList, strings.Join(names, ", "))
	}
	for _, text := range []string{note, credit} {
		for _, l := range wrapWords(text, noteSize, w-2*pad) {
			y += noteSize * 1.4
			foot = append(foot, fileLine{l, y, noteSize, ` fill="#4d5158"`})
		}
	}
	y += pad
	y = math.Ceil(y)
	out.s(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g"`, w, y, w, y))
	if lang != "" {
		out.s(` xml:lang="`)
		out.text(lang)
		out.s(`"`)
	}
	out.s(` font-family="system-ui,-apple-system,'Segoe UI',sans-serif"><rect width="100%" height="100%" fill="#fff"/>`)
	out.s("\n")
	for _, l := range head {
		l.write(&out, pad)
	}
	// The page's drawing takes the width of its figure; here it stands at
	// its frame's size, below the heading.
	inner := f.SVG
	size := fmt.Sprintf(` x="0" y="%g" width="%g" height="%g"`, chartY, w, fr[0].h)
	if before, after, ok := bytes.Cut(inner, []byte(` width="100%"`)); ok {
		out.b = append(out.b, before...)
		out.s(size)
		out.b = append(out.b, after...)
	} else {
		out.b = append(out.b, inner...)
	}
	out.s("\n")
	for _, l := range foot {
		l.write(&out, pad)
	}
	out.s("</svg>\n")
	return out.b, w, y
}

// fileLine is a line of text around the drawing in an SVG file: its text,
// baseline, size and further attributes.
type fileLine struct {
	text  string
	y     float64
	size  float64
	attrs string
}

func (l fileLine) write(w *svgWriter, x float64) {
	w.s("<text")
	w.attrNum("x", x)
	w.attrNum("y", l.y)
	w.attrNum("font-size", l.size)
	w.s(l.attrs)
	w.s(">")
	w.text(l.text)
	w.s("</text>\n")
}

// wrapWords breaks s into lines no wider than width at size, at spaces;
// a word wider than a line is broken where it reaches the edge.
func wrapWords(s string, size, width float64) []string {
	var lines []string
	line := ""
	for word := range strings.FieldsSeq(s) {
		for {
			cut, fits := breakAt(word, size, width)
			if fits {
				break
			}
			if line != "" {
				lines, line = append(lines, line), ""
			}
			if cut == 0 {
				_, cut = utf8.DecodeRuneInString(word)
			}
			lines, word = append(lines, word[:cut]), word[cut:]
		}
		switch {
		case line == "":
			line = word
		case textWidth(line+" "+word, size) <= width:
			line += " " + word
		default:
			lines, line = append(lines, line), word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// breakAt reports whether word fits in width at size and, when it does
// not, where to break it: the end of its longest beginning that fits, at
// a character's boundary (0 when not even its first character fits). It
// reads word only as far as that beginning goes, so that breaking a word
// of n characters into lines takes time in n, where measuring what was
// left of it for each line took time in n squared: a source of 1 MB
// without a space took 26 s to wrap, one of 8 MB would take half an hour.
func breakAt(word string, size, width float64) (cut int, fits bool) {
	units := 0
	for i, r := range word {
		if i > 0 && unitsWidth(units, size) > width {
			return cut, false
		}
		cut = i
		units += runeUnits(r)
	}
	return cut, unitsWidth(units, size) <= width
}

// Links are the addresses a figure offers; an empty one is left out.
type Links struct {
	CSV     string // the chart's data as CSV
	SVGFile string // the static chart, in its wide frame, as an SVG file
	// Embed is the absolute URL of the chart's own page, for another site's
	// iframe, and Snippet the HTML that embeds it there (see EmbedSnippet).
	Embed   string
	Snippet string
}

// Source is a source of a chart's observations: its text, and URL when the
// source is an http(s) address (Text is then the address as written,
// without its scheme, a leading "www." and a trailing slash).
type Source struct {
	Text string
	URL  string
}

// View returns what the chart partial shows of f, with the links l.
func (f Figure) View(l Links) View {
	return f.view(l, true)
}

// FeedView returns what the chart partial shows of f in a feed, with the
// links l: no live chart, which a feed reader cannot run, and no narrow
// frame; and of the tables, the observations and marked dates alone. The
// projected table, a row a step of the projection, would stand open in
// a feed reader, which keeps no details element closed, as a wall of
// computed numbers; the summary says where the projection goes, and the
// CSV holds every row. The caller puts the static chart in SVG.
func (f Figure) FeedView(l Links) View {
	v := f.view(l, false)
	v.Option, v.SVG, v.SVGNarrow = "", "", ""
	return v
}

// view is View, with the projected table when projected is set.
func (f Figure) view(l Links, projected bool) View {
	fr := f.frames
	if fr[0].w == 0 {
		fr = frames(max(f.Height, MinHeight))
	}
	// The option comes from encoding/json, which already escapes <; this
	// keeps any other JSON from closing the script element early.
	option := f.Option
	if bytes.IndexByte(option, '<') >= 0 {
		option = bytes.ReplaceAll(option, []byte("<"), []byte(`\u003c`))
	}
	var tables bytes.Buffer
	if f.model != nil { // a Figure that Render made
		tables.Grow(1024 + 200*(len(f.table.rows)+len(f.table.events)+maxTableObservations*len(f.table.layers)))
		f.table.write(&tables, projected)
	}
	v := View{
		ID:        f.ID,
		Title:     f.Title,
		Caption:   f.Caption,
		SVG:       template.HTML(f.SVG),
		SVGNarrow: template.HTML(f.SVGNarrow),
		BoxStyle:  template.CSS(fmt.Sprintf("--plc-wide:%g/%g;--plc-narrow:%g/%g", fr[0].w, fr[0].h, fr[1].w, fr[1].h)),
		Option:    template.JS(option),
		Summary:   f.Summary,
		Tables:    template.HTML(tables.String()),
		Links:     l,
	}
	for _, src := range f.table.sources() {
		if u, ok := webURL(src); ok {
			v.Sources = append(v.Sources, Source{Text: shortURL(src), URL: u})
		} else {
			v.Sources = append(v.Sources, Source{Text: src})
		}
	}
	return v
}

// maxTableObservations bounds the rows of an observed table: a longer
// series shows its first and last maxTableObservations/2 rows, with a
// note that the CSV holds them all.
const maxTableObservations = 40

// write writes the observed tables, the projected one when projected is
// set, and the events table; nothing when there is nothing to show.
func (t table) write(b *bytes.Buffer, projected bool) {
	for _, ly := range t.layers {
		if len(ly.obs) > 0 {
			t.writeObserved(b, ly)
		}
	}
	if t.proj != nil && projected {
		notes := slices.ContainsFunc(t.rows, func(r tableRow) bool { return r.Note != "" })
		caption := t.words.Text(words.TableProjected)
		if t.unit != "" {
			caption = t.words.Format(words.TableProjectedUnit, t.unit)
		}
		nums, texts := []string{t.words.Text(words.ColCentral)}, []words.Key{}
		if t.hasLow {
			nums = append(nums, t.words.Text(words.ColLow))
		}
		if t.hasHigh {
			nums = append(nums, t.words.Text(words.ColHigh))
		}
		if notes {
			texts = append(texts, words.ColNote)
		}
		t.startTable(b, "chart-projected", caption, nums, texts...)
		// Each column's numbers with the decimals of the one shown with
		// most, so that they line up on the decimal mark; but for those
		// a value short of the limit adds (data.Projection.Places), which
		// as zeros after the others would claim digits they lack.
		var places [3]int
		for _, r := range t.rows {
			for k, v := range [3]float64{r.Central, r.Low, r.High} {
				places[k] = max(places[k], r.shownDecimals(&t, v, t.proj.Start.Decimals()))
			}
		}
		for _, r := range t.rows {
			grain := t.layers[0].grain // the projected block's
			if r.Note != "" {
				b.WriteString(`<tr class="chart-crossing">`)
				grain = data.ByDay // a crossing, a day the projection computes
			} else {
				b.WriteString("<tr>")
			}
			writeDateHeader(b, t.loc, r.Date, t.timed, grain)
			r.writeCell(b, &t, r.Central, places[0])
			if t.hasLow {
				r.writeCell(b, &t, r.Low, places[1])
			}
			if t.hasHigh {
				r.writeCell(b, &t, r.High, places[2])
			}
			if notes {
				writeTextCell(b, r.Note)
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	}
	if len(t.events) > 0 {
		t.startTable(b, "chart-events", t.words.Text(words.MarkedDates), nil, words.ColEvent)
		for _, e := range t.events {
			b.WriteString("<tr>")
			writeDateHeader(b, t.loc, e.Date, false, data.ByDay)
			writeTextCell(b, e.Label)
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	}
}

// writeObserved writes the table of one block's observations: date,
// value, and the observation's label (Note) and source where the block
// has them. A series longer than maxTableObservations shows its first and
// last rows.
func (t table) writeObserved(b *bytes.Buffer, ly layer) {
	notes := slices.ContainsFunc(ly.obs, func(p data.Point) bool { return p.Label != "" })
	srcs := slices.ContainsFunc(ly.obs, func(p data.Point) bool { return p.Source != "" })
	value := t.words.Text(words.ColValue)
	if ly.unit != "" {
		value = unitHeading(ly.unit)
	}
	caption := t.words.Text(words.TableObserved)
	switch {
	case len(t.layers) > 1 && ly.unit != "":
		caption = ly.name + ", " + ly.unit
	case len(t.layers) > 1:
		caption = ly.name
	case ly.unit != "":
		caption = t.words.Format(words.TableObservedUnit, ly.unit)
	}
	var texts []words.Key
	if notes {
		texts = append(texts, words.ColNote)
	}
	if srcs {
		texts = append(texts, words.Source)
	}
	t.startTable(b, "chart-observed", caption, []string{value}, texts...)
	cols := 2 + len(texts)
	n := len(ly.obs)
	half := maxTableObservations / 2
	// Every value of the column with as many decimals as the one written
	// with most, so that the column lines up on its decimal mark: 996.00
	// under 1,020.65, as each was written with zeros after it.
	places := 0
	for i, p := range ly.obs {
		if n <= maxTableObservations || i < half || i >= n-half {
			places = max(places, p.Decimals())
		}
	}
	for i, p := range ly.obs {
		if n > maxTableObservations && i == half {
			fmt.Fprintf(b, "<tr class=\"chart-more\"><td colspan=\"%d\">", cols)
			writeEscaped(b, t.words.Format(words.TableMore, formatNumber(t.loc, float64(n-2*half), 0), t.shortDate(ly.obs[half].Date, ly.grain), t.shortDate(ly.obs[n-half-1].Date, ly.grain)))
			b.WriteString("</td></tr>\n")
		}
		if n > maxTableObservations && i >= half && i < n-half {
			continue
		}
		date, value := ly.reading(t.loc, t.timed, i)
		b.WriteString(`<tr><th scope="row"><time datetime="`)
		b.Write(data.AppendDateText(b.AvailableBuffer(), p.Date, ly.grain))
		b.WriteString(`">`)
		b.Write(date)
		b.WriteString(`</time></th><td class="num">`)
		b.Write(padDecimals(b.AvailableBuffer(), t.loc, value, p.Value, p.Decimals(), places))
		b.WriteString("</td>")
		if notes {
			writeTextCell(b, p.Label)
		}
		if srcs {
			b.WriteString("<td>")
			writeSource(b, p.Source)
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// startTable writes the start of a table of the class, with its caption,
// its header row (the date, the columns of numbers headed nums, which the
// theme aligns with their numbers, on the right, and those headed by the
// words texts) and the start of its body.
func (t table) startTable(b *bytes.Buffer, class, caption string, nums []string, texts ...words.Key) {
	b.WriteString(`<table class="`)
	b.WriteString(class)
	b.WriteString("\">\n<caption>")
	writeEscaped(b, caption)
	b.WriteString("</caption>\n<thead><tr>")
	t.writeHeader(b, words.ColDate)
	for _, h := range nums {
		b.WriteString(`<th scope="col" class="num">`)
		writeEscaped(b, h)
		b.WriteString("</th>")
	}
	for _, k := range texts {
		t.writeHeader(b, k)
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
}

// writeTextCell writes a cell holding the text s.
func writeTextCell(b *bytes.Buffer, s string) {
	b.WriteString("<td>")
	writeEscaped(b, s)
	b.WriteString("</td>")
}

// writeHeader writes a column header cell holding the word k.
func (t table) writeHeader(b *bytes.Buffer, k words.Key) {
	b.WriteString(`<th scope="col">`)
	writeEscaped(b, t.words.Text(k))
	b.WriteString("</th>")
}

// shortDate writes d, the date of an observation of a block whose dates
// were written to grain, as the table's rows write it: "15 Apr 2025",
// "Jun 2024", "1959".
func (t table) shortDate(d time.Time, grain data.DateGrain) string {
	return string(appendReading(nil, t.loc, nil, d, false, false, grain))
}

// writeDateHeader writes a row header cell holding a time element: the
// date in ISO form for machines and as "15 Apr 2025" for readers, in the
// language of loc; with its time, 00:00 too, when timed, and as a month or
// a year as the data wrote it (appendReading).
func writeDateHeader(b *bytes.Buffer, loc *locale.Locale, d time.Time, timed bool, grain data.DateGrain) {
	b.WriteString(`<th scope="row"><time datetime="`)
	b.Write(data.AppendDateText(b.AvailableBuffer(), d, grain))
	b.WriteString(`">`)
	b.Write(appendReading(b.AvailableBuffer(), loc, nil, d, false, timed, grain))
	b.WriteString("</time></th>")
}

// writeCell writes a number cell of r, a row of t, empty for NaN: as
// written on the projection's start and on its floor or ceiling, as a
// computed number elsewhere, in the language of t, and then with zeros to
// places decimals, its column's (shownDecimals), so that the column lines
// up on its decimal mark. Its class, num, aligns the column's numbers on
// their last digit.
func (r *tableRow) writeCell(b *bytes.Buffer, t *table, v float64, places int) {
	b.WriteString(`<td class="num">`)
	if !math.IsNaN(v) {
		var text []byte
		if own, written := r.written(t.proj, v); written {
			text = []byte(data.WrittenNumberIn(t.loc, v, own))
		} else {
			text = appendNumber(nil, t.loc, v, t.proj.Places(v))
		}
		b.Write(padDecimals(b.AvailableBuffer(), t.loc, text, v, r.shownDecimals(t, v, t.proj.Places(v)), places))
	}
	b.WriteString("</td>")
}

// shownDecimals returns the decimals writeCell shows of v, a number of r,
// before it adds its column's: as written, or as a computed number is
// rounded with at least least decimals, its trailing zeros dropped
// (1,024.8 of 1,024.80).
func (r *tableRow) shownDecimals(t *table, v float64, least int) int {
	if math.IsNaN(v) {
		return 0
	}
	if places, written := r.written(t.proj, v); written {
		return data.Point{Value: v, Places: places}.Decimals()
	}
	dec := data.ProjectedDecimals(v, least)
	s := strconv.FormatFloat(data.Round(v, dec), 'f', dec, 64)
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(strings.TrimRight(frac, "0"))
	}
	return 0
}

// padDecimals appends to b text, the number v as loc writes it with
// shown decimals, with zeros after its last decimal up to places: 996 as
// 996.00 in a column whose numbers go to hundredths, 3,5 as 3,50 in
// German, so that the column lines up on its decimal mark. The zeros are
// written after the digits, not computed, so that no digit a float holds
// past the data's shows. A number past 10¹⁵ is appended as it is.
func padDecimals(b []byte, loc *locale.Locale, text []byte, v float64, shown, places int) []byte {
	if places <= shown || !paddable(v) {
		return append(b, text...)
	}
	n := loc.Numbers()
	body, suffix := text, []byte(nil)
	if n.MinusSuffix != "" && bytes.HasSuffix(text, []byte(n.MinusSuffix)) {
		body, suffix = text[:len(text)-len(n.MinusSuffix)], text[len(text)-len(n.MinusSuffix):]
	}
	b = append(b, body...)
	if shown == 0 {
		b = append(b, n.Decimal...)
	}
	for range places - shown {
		b = utf8.AppendRune(b, n.Zero)
	}
	return append(b, suffix...)
}

// paddable reports whether v may be written with zeros after its last
// decimal to line up with its column: a float's digits past 10¹⁵ are not
// all the data's, and 1e23 with decimals would show them.
func paddable(v float64) bool {
	return math.Abs(v) < 1e15 && !math.IsInf(v, 0)
}

// writeEscaped writes s escaped by html.EscapeString.
func writeEscaped(b *bytes.Buffer, s string) { b.WriteString(html.EscapeString(s)) }

// sources returns the distinct sources of the observations of t, in
// order of first appearance.
func (t table) sources() []string {
	if t.model == nil {
		return nil // a Figure that Render did not make
	}
	seen := make(map[string]bool)
	var out []string
	for _, ly := range t.layers {
		prev := ""
		for _, p := range ly.obs {
			if p.Source == prev || p.Source == "" {
				// As the observation before, as most are: comparing is
				// quicker than looking up.
				continue
			}
			prev = p.Source
			if !seen[p.Source] {
				seen[p.Source] = true
				out = append(out, p.Source)
			}
		}
	}
	return out
}

// writeSource writes a source: an http(s) URL as a link showing its host
// and path, anything else as text.
func writeSource(b *bytes.Buffer, src string) {
	u, ok := webURL(src)
	if !ok {
		writeEscaped(b, src)
		return
	}
	b.WriteString(`<a href="`)
	writeEscaped(b, u)
	b.WriteString(`">`)
	writeAddress(b, shortURL(src))
	b.WriteString("</a>")
}

// writeAddress writes s, a web address as a reader reads it, escaped, with
// a <wbr> where a line may break in it: before a dot and after a slash, as
// style guides break addresses. A table's column of sources then wraps an
// address on a phone, rather than widening the table past the screen.
func writeAddress(b *bytes.Buffer, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.' && i > start:
			writeEscaped(b, s[start:i])
			b.WriteString("<wbr>")
			start = i
		case s[i] == '/' && i+1 < len(s):
			writeEscaped(b, s[start:i+1])
			b.WriteString("<wbr>")
			start = i + 1
		}
	}
	writeEscaped(b, s[start:])
}

// shortURL returns u, a web address as the writer wrote it, as a reader
// reads it: without its scheme, a leading "www." and a trailing slash, and
// in the writer's characters, where its encoded form, which a link goes
// to, writes an address in Chinese as a string of %E4%BE%8B….
func shortURL(u string) string {
	s := strings.TrimSpace(u)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimSuffix(s, "/")
}

// webURL reports whether s is an absolute http or https URL, and returns
// it in its parsed and re-encoded form.
func webURL(s string) (string, bool) {
	s = strings.TrimSpace(s)
	// Such a URL starts with its scheme; anything else, such as the name
	// of a source, is not worth parsing.
	if !hasPrefixFold(s, "http:") && !hasPrefixFold(s, "https:") {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", false
	}
	return u.String(), true
}

// hasPrefixFold reports whether s begins with prefix, an ASCII string,
// ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// unitHeading writes a unit as the heading of a table's column: with a
// capital when it starts with a word ("Feet above sea level", "Billion
// dollars"), and as written when it starts with a symbol or an
// abbreviation, whose case is part of it: "cm", "kWh", "km²", "pH",
// "°C", "ppm" (a first word of fewer than four lower-case letters).
func unitHeading(unit string) string {
	first, _, _ := strings.Cut(unit, " ")
	if utf8.RuneCountInString(first) < 4 || strings.IndexFunc(first, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
		return unit
	}
	r, n := utf8.DecodeRuneInString(unit)
	return string(unicode.ToUpper(r)) + unit[n:]
}
