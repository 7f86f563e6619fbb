package chart

import (
	"bytes"
	"html"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/data"
)

// WriteHTML writes f as an HTML figure: title, static SVG, the element the
// page script turns into the live chart, the option it reads, caption,
// summary, data tables, a link to the CSV at csvHref (none when csvHref
// is empty) and the list of sources. All text is escaped.
//
//	<figure class="chart" id="ID" aria-describedby="ID-summary">
//	  <figcaption class="chart-title">…</figcaption>
//	  <div class="chart-static"><svg …>…</svg></div>
//	  <div class="chart-live" data-chart-option="ID-option" hidden style="height:360px"></div>
//	  <script type="application/json" id="ID-option">…</script>
//	  <p class="chart-caption">…</p>
//	  <p class="chart-summary visually-hidden" id="ID-summary">…</p>
//	  <details class="chart-data"><summary>Data</summary><table>…</table></details>
//	  <p class="chart-links"><a href="…" download>Download the data (CSV)</a></p>
//	  <ul class="chart-sources"><li>…</li></ul>
//	</figure>
func (f Figure) WriteHTML(w io.Writer, csvHref string) error {
	// Into a bytes.Buffer the figure is written directly; anything else
	// gets it in one Write.
	b, direct := w.(*bytes.Buffer)
	if !direct {
		b = new(bytes.Buffer)
	}
	b.Grow(len(f.SVG) + len(f.Option) + 4096 + 200*(len(f.table.rows)+len(f.table.observed)))
	id := html.EscapeString(f.ID)
	height := f.Height
	if height <= 0 {
		height = DefaultHeight
	}

	b.WriteString(`<figure class="chart" id="`)
	b.WriteString(id)
	b.WriteString(`" aria-describedby="`)
	b.WriteString(id)
	b.WriteString("-summary\">\n")
	if f.Title != "" {
		b.WriteString(`<figcaption class="chart-title">`)
		writeEscaped(b, f.Title)
		b.WriteString("</figcaption>\n")
	}
	b.WriteString(`<div class="chart-static">`)
	b.Write(f.SVG)
	b.WriteString("</div>\n")
	b.WriteString(`<div class="chart-live" data-chart-option="`)
	b.WriteString(id)
	// The live chart takes the static chart's shape, so nothing below it
	// moves when one replaces the other, on a phone as on a desktop.
	b.WriteString(`-option" hidden style="aspect-ratio:`)
	b.WriteString(strconv.Itoa(svgWidth))
	b.WriteString("/")
	b.WriteString(strconv.Itoa(height))
	b.WriteString(";max-width:")
	b.WriteString(strconv.Itoa(svgWidth))
	b.WriteString("px\"></div>\n")
	b.WriteString(`<script type="application/json" id="`)
	b.WriteString(id)
	b.WriteString(`-option">`)
	// The option comes from encoding/json, which already escapes <; this
	// keeps any other JSON from closing the script element early.
	if bytes.IndexByte(f.Option, '<') < 0 {
		b.Write(f.Option)
	} else {
		b.Write(bytes.ReplaceAll(f.Option, []byte("<"), []byte(`\u003c`)))
	}
	b.WriteString("</script>\n")
	if f.Caption != "" {
		b.WriteString(`<p class="chart-caption">`)
		writeEscaped(b, f.Caption)
		b.WriteString("</p>\n")
	}
	b.WriteString(`<p class="chart-summary visually-hidden" id="`)
	b.WriteString(id)
	b.WriteString(`-summary">`)
	writeEscaped(b, f.Summary)
	b.WriteString("</p>\n")
	f.table.write(b)
	if csvHref != "" {
		b.WriteString(`<p class="chart-links"><a href="`)
		writeEscaped(b, csvHref)
		b.WriteString("\" download>Download the data (CSV)</a></p>\n")
	}
	if srcs := sources(f.table.observed); len(srcs) > 0 {
		b.WriteString("<ul class=\"chart-sources\">\n")
		for _, p := range srcs {
			b.WriteString("<li>")
			writeSource(b, p)
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</figure>\n")
	if direct {
		return nil
	}
	_, err := w.Write(b.Bytes())
	return err
}

// write writes the observed and projected tables inside a details element.
func (t table) write(b *bytes.Buffer) {
	if len(t.observed) == 0 && !t.hasProj {
		return
	}
	value := "Value"
	if t.unit != "" {
		value = capitalize(t.unit)
	}
	b.WriteString("<details class=\"chart-data\"><summary>Data</summary>\n")
	if len(t.observed) > 0 {
		b.WriteString("<table class=\"chart-observed\">\n<caption>Observed")
		if t.unit != "" {
			b.WriteString(" ")
			writeEscaped(b, t.unit)
		}
		b.WriteString("</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">")
		writeEscaped(b, value)
		b.WriteString("</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n")
		for _, p := range t.observed {
			b.WriteString("<tr>")
			writeDateHeader(b, p.Date)
			b.WriteString("<td>")
			b.Write(appendNumber(b.AvailableBuffer(), p.Value))
			b.WriteString("</td><td>")
			writeSource(b, p)
			b.WriteString("</td></tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	}
	if t.hasProj {
		notes := false
		for _, r := range t.rows {
			notes = notes || r.Note != ""
		}
		b.WriteString("<table class=\"chart-projected\">\n<caption>Projected")
		if t.unit != "" {
			b.WriteString(" ")
			writeEscaped(b, t.unit)
		}
		b.WriteString("</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Central</th>")
		if t.hasLow {
			b.WriteString("<th scope=\"col\">Low</th>")
		}
		if t.hasHigh {
			b.WriteString("<th scope=\"col\">High</th>")
		}
		if notes {
			b.WriteString("<th scope=\"col\">Note</th>")
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for _, r := range t.rows {
			if r.Note != "" {
				b.WriteString(`<tr class="chart-crossing">`)
			} else {
				b.WriteString("<tr>")
			}
			writeDateHeader(b, r.Date)
			writeCell(b, r.Central)
			if t.hasLow {
				writeCell(b, r.Low)
			}
			if t.hasHigh {
				writeCell(b, r.High)
			}
			if notes {
				b.WriteString("<td>")
				writeEscaped(b, r.Note)
				b.WriteString("</td>")
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	}
	b.WriteString("</details>\n")
}

// writeDateHeader writes a row header cell holding a time element: the
// date in ISO form for machines and as "15 Apr 2025" for readers.
func writeDateHeader(b *bytes.Buffer, d time.Time) {
	b.WriteString(`<th scope="row"><time datetime="`)
	b.Write(appendISODate(b.AvailableBuffer(), d))
	b.WriteString(`">`)
	b.Write(appendDate(b.AvailableBuffer(), d, false))
	b.WriteString("</time></th>")
}

// writeCell writes a number cell, empty for NaN.
func writeCell(b *bytes.Buffer, v float64) {
	b.WriteString("<td>")
	if !math.IsNaN(v) {
		b.Write(appendNumber(b.AvailableBuffer(), v))
	}
	b.WriteString("</td>")
}

// writeEscaped writes s escaped as html.EscapeString escapes it, without
// making a copy of s first.
func writeEscaped(b *bytes.Buffer, s string) {
	for len(s) > 0 {
		i := strings.IndexAny(s, htmlSpecial)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		}
		s = s[i+1:]
	}
}

// htmlSpecial holds the characters html.EscapeString escapes.
const htmlSpecial = `&'<>"`

// sources returns the observations with distinct label and source, in
// order of first appearance, leaving out those with neither.
func sources(obs []data.Point) []data.Point {
	type key struct{ label, source string }
	seen := make(map[key]bool)
	var out []data.Point
	var prev key
	for i, p := range obs {
		k := key{p.Label, p.Source}
		if i > 0 && k == prev {
			// As the observation before, as most are: comparing is
			// quicker than looking up.
			continue
		}
		prev = k
		if seen[k] || (p.Label == "" && p.Source == "") {
			continue
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

// writeSource writes an observation's label, linked to its source when the
// source is an http(s) URL, and followed by the source otherwise.
func writeSource(b *bytes.Buffer, p data.Point) {
	text := p.Label
	if u, ok := webURL(p.Source); ok {
		if text == "" {
			text = p.Source
		}
		b.WriteString(`<a href="`)
		writeEscaped(b, u)
		b.WriteString(`">`)
		writeEscaped(b, text)
		b.WriteString("</a>")
		return
	}
	switch {
	case text == "":
		writeEscaped(b, p.Source)
	case p.Source != "":
		writeEscaped(b, text)
		b.WriteString(", ")
		writeEscaped(b, p.Source)
	default:
		writeEscaped(b, text)
	}
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
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String(), true
	}
	return "", false
}

// hasPrefixFold reports whether s begins with prefix, an ASCII string,
// ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
