package site

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// agreeArticle writes an article of one block from r: observations
// written by the day, the month or the year, in one of several units,
// numbers of several sizes with up to three decimals (trailing zeros
// kept, as a writer may type them), and, for one article in two, a
// projection rising to a limit with a low scenario. It returns the
// article and the last observation's date and value as written.
func agreeArticle(r *rand.Rand, i int) (src, lastDate, lastValue string) {
	units := []string{"", "people", "percent", "million dollars", "feet"}
	unit := units[r.IntN(len(units))]
	n := 2 + r.IntN(4)
	grain := r.IntN(3)
	mag := []float64{0.1, 1, 10, 1000, 100000, 10000000}[r.IntN(6)]
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Title %d at {{ b.last.value }}\"\ndescription: \"Dek {{ b.last.value }} on {{ b.last.date }}\"\ndate: 2025-06-01\ndata:\n  b:\n", i)
	if unit != "" {
		fmt.Fprintf(&b, "    unit: %s\n", unit)
	}
	b.WriteString("    series:\n")
	var last float64
	for j := range n {
		var d string
		switch grain {
		case 0:
			d = time.Date(2024, 1, 1+7*j, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		case 1:
			d = time.Date(2023, time.Month(1+j), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		default:
			d = strconv.Itoa(2018 + j)
		}
		places := r.IntN(4)
		v := strconv.FormatFloat(mag*(1+r.Float64()*9), 'f', places, 64)
		fmt.Fprintf(&b, "      - {date: %s, value: %s}\n", d, v)
		lastDate, lastValue = d, v
		last, _ = strconv.ParseFloat(v, 64)
	}
	prose := "Last {{ b.last.value }} on {{ b.last.date }}; the most {{ b.max.value }}."
	per := []string{"week", "month", "year"}[r.IntN(3)]
	switch r.IntN(3) {
	case 0:
		rate := strconv.FormatFloat(last/float64(2+r.IntN(20)), 'f', 2, 64)
		limit := strconv.FormatFloat(last*float64(2+r.IntN(3)), 'f', 0, 64)
		if rateF, _ := strconv.ParseFloat(rate, 64); rateF > 0 {
			low := strconv.FormatFloat(rateF/2, 'f', 3, 64)
			fmt.Fprintf(&b, "    projection: {rate: %s, per: %s, limit: %s, low: %s}\n", rate, per, limit, low)
			prose += " Reaches {{ b.limit }} on {{ b.crossing }}, and {{ b.value_at_until }} at the end."
		}
	case 1:
		// Falling to a floor written with a decimal, which it reaches
		// before until and stays on.
		floor := strconv.FormatFloat(last/2, 'f', 2, 64)
		rate := strconv.FormatFloat(-last/float64(4+r.IntN(8)), 'f', 2, 64)
		if rateF, _ := strconv.ParseFloat(rate, 64); rateF < 0 {
			fmt.Fprintf(&b, "    projection: {rate: %s, per: %s, floor: %s, until: 2040-01-01}\n", rate, per, floor)
			prose += " It ends at {{ b.value_at_until }}."
		}
	}
	fmt.Fprintf(&b, "---\n%s\n\n```chart\ndata: b\n```\n", prose)
	return b.String(), lastDate, lastValue
}

// containsNumber reports whether text holds the number n written whole,
// not as the start or the end of a longer one: "4,459" is not in
// "4,459.18".
func containsNumber(text, n string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], n)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(n)
		digitAt := func(j int) bool { return j >= 0 && j < len(text) && text[j] >= '0' && text[j] <= '9' }
		before := i > 0 && (digitAt(i-1) || (text[i-1] == '.' || text[i-1] == ',') && digitAt(i-2))
		after := end < len(text) && (digitAt(end) || (text[end] == '.' || text[end] == ',') && digitAt(end+1))
		if !before && !after {
			return true
		}
		from = i + 1
	}
}

var (
	proseRefRE     = regexp.MustCompile(`data-ref="(b\.[a-z_.]+)">([^<]*)</span>`)
	chartSummaryRE = regexp.MustCompile(`<p class="chart-summary[^"]*"[^>]*>([^<]*)</p>`)
	svgTitleRE     = regexp.MustCompile(`<title>([^<]*)</title>`)
	optionJSONRE   = regexp.MustCompile(`<script type="application/json"[^>]*>([^<]*)</script>`)
)

// paddedRE returns a regular expression of num, a number as the language
// lang writes it, followed by the zeros a table's column may add to it up
// to the column's decimals: 49 as 49 or 49.00, 0.4 as 0.4 or 0.400.
func paddedRE(lang, num string) string {
	n := locale.New(lang).Numbers()
	zero := regexp.QuoteMeta(string(n.Zero))
	if strings.Contains(num, n.Decimal) {
		return regexp.QuoteMeta(num) + zero + "*"
	}
	return regexp.QuoteMeta(num) + "(?:" + regexp.QuoteMeta(n.Decimal) + zero + "+)?"
}

// TestOutputsAgree builds a site of generated articles, in English and in
// German, and reads the last observation, and the crossing of a
// projection, back from every output that gives them: the prose, the
// chart's summary and table, its CSV and SVG files, the live chart's
// option, the feed and the embed page. Each must give the same value
// and date, written the same way where they are written for readers.
func TestOutputsAgree(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			r := rand.New(rand.NewPCG(6, uint64(len(lang))))
			fsys := fstest.MapFS{"plotline.yaml": {Data: []byte("title: Agree\nlanguage: " + lang + "\nbase_url: https://example.org/agree/\n")}}
			type want struct{ date, value string }
			wants := map[string]want{}
			const articles = 40
			for i := range articles {
				src, d, v := agreeArticle(r, i)
				name := fmt.Sprintf("a%02d", i)
				fsys["content/articles/"+name+".md"] = &fstest.MapFile{Data: []byte(src)}
				wants[name] = want{d, v}
			}
			dest := buildFS(t, fsys)
			feed := readOut(t, dest, "feed.xml")
			for i := range articles {
				name := fmt.Sprintf("a%02d", i)
				w := wants[name]
				src := string(fsys["content/articles/"+name+".md"].Data)
				page := readOut(t, dest, "articles/"+name+"/index.html")
				refs := map[string]string{}
				for _, m := range proseRefRE.FindAllStringSubmatch(page, -1) {
					refs[m[1]] = html.UnescapeString(m[2])
				}
				value, date := refs["b.last.value"], refs["b.last.date"]
				if value == "" || date == "" {
					t.Errorf("%s: the prose has no last value or date: %v\n%s", name, refs, src)
					continue
				}
				fail := func(format string, args ...any) {
					t.Helper()
					t.Errorf("%s: the prose says %s on %s; "+format+"\n%s", append([]any{name, value, date}, append(args, src)...)...)
				}

				// The summary, in the page and in the embed page alike.
				m := chartSummaryRE.FindStringSubmatch(page)
				if m == nil {
					fail("the page has no chart summary")
					continue
				}
				summary := html.UnescapeString(m[1])
				if !containsNumber(summary, value) {
					fail("the summary does not say %s: %s", value, summary)
				}
				if c := refs["b.crossing"]; c != "" && !strings.Contains(summary, c) {
					fail("the prose's crossing %s is not the summary's: %s", c, summary)
				}
				// The projected table's row of until gives the prose's
				// value there, with zeros to its column's decimals.
				if u := refs["b.value_at_until"]; u != "" && !regexp.MustCompile(`<time datetime="[^"]+">[^<]*</time></th><td class="num">`+paddedRE(lang, html.EscapeString(u))+`</td>(<td class="num">[^<]*</td>)*(<td>[^<]*</td>)?</tr>\s*</tbody>`).MatchString(page) {
					fail("the projected table's last row does not give value_at_until, %s", u)
				}
				// A projection on its floor at until: the summary names the
				// floor as the prose and the table give the value there.
				if u := refs["b.value_at_until"]; u != "" && strings.Contains(src, "floor:") {
					before, _, _ := strings.Cut(words.New(lang).Format(words.SummaryFloor, "\x00"), "\x00")
					floor := regexp.MustCompile(regexp.QuoteMeta(before) + `(-?\d[\d.,\x{00a0}\x{202f}]*\d|\d)`).FindStringSubmatch(summary)
					if floor == nil || floor[1] != u {
						fail("the summary names the floor %q, and value_at_until, which is on it, is %s: %s", floor, u, summary)
					}
				}
				embed := readOut(t, dest, "articles/"+name+"/embed-1.html")
				if em := chartSummaryRE.FindStringSubmatch(embed); em == nil || em[1] != m[1] {
					fail("the embed page's summary differs from the page's")
				}

				// The observed table's row of the date, as written, with
				// zeros to its column's decimals.
				row := regexp.MustCompile(`<time datetime="` + regexp.QuoteMeta(w.date) + `">([^<]*)</time></th><td class="num">([^<]*)</td>`).FindStringSubmatch(page)
				if row == nil || !regexp.MustCompile(`^`+paddedRE(lang, value)+`$`).MatchString(html.UnescapeString(row[2])) {
					fail("the table's row of %s is %q", w.date, row)
					continue
				}
				shortDate := html.UnescapeString(row[1])
				if !strings.Contains(embed, row[0]) {
					fail("the embed page's table has no row %s", row[0])
				}

				// The CSV: the row of the date holds the value as written.
				csvRows, err := csv.NewReader(strings.NewReader(readOut(t, dest, "articles/"+name+"/b.csv"))).ReadAll()
				if err != nil {
					fail("the CSV does not read: %v", err)
					continue
				}
				found := false
				for _, cr := range csvRows[1:] {
					if cr[0] == w.date && cr[1] != "" {
						found = cr[1] == w.value
						if !found {
							fail("the CSV's row of %s holds %s; the data %s", w.date, cr[1], w.value)
						}
					}
				}
				if !found && !strings.Contains(src, "projection") {
					fail("the CSV has no row %s,%s", w.date, w.value)
				}

				// The SVG file: the point of the date is titled with the
				// table's date and the prose's value.
				svg := readOut(t, dest, "articles/"+name+"/b.svg")
				titled := false
				for _, tm := range svgTitleRE.FindAllStringSubmatch(svg, -1) {
					if strings.HasPrefix(html.UnescapeString(tm[1]), shortDate+": "+value) {
						titled = true
					}
				}
				if !titled {
					fail("the SVG file has no point titled %q", shortDate+": "+value)
				}

				// The live chart's option: the last observed point is the
				// number written, with its decimals.
				om := optionJSONRE.FindStringSubmatch(page)
				if om == nil {
					fail("the page has no chart option")
					continue
				}
				var opt struct {
					Option struct {
						Series []struct {
							ID   string `json:"id"`
							Data []struct {
								Value  [2]any `json:"value"`
								Places int    `json:"places"`
							} `json:"data"`
						} `json:"series"`
					} `json:"option"`
				}
				if err := json.Unmarshal([]byte(html.UnescapeString(om[1])), &opt); err != nil {
					fail("the option does not read: %v", err)
					continue
				}
				for _, s := range opt.Option.Series {
					if s.ID != "observed" || len(s.Data) == 0 {
						continue
					}
					p := s.Data[len(s.Data)-1]
					got := fmt.Sprint(p.Value[1])
					num, _ := strconv.ParseFloat(w.value, 64)
					_, frac, _ := strings.Cut(w.value, ".")
					if f, ok := p.Value[1].(float64); !ok || f != num || len(frac) > 0 && p.Places != len(frac) && strconv.FormatFloat(num, 'f', -1, 64) != w.value {
						fail("the option's last point is %s with %d places; the data %s", got, p.Places, w.value)
					}
				}
			}

			// The feed: each entry's title and summary as the page's.
			var f struct {
				Entries []struct {
					Title   string `xml:"title"`
					Summary string `xml:"summary"`
					Link    struct {
						Href string `xml:"href,attr"`
					} `xml:"link"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(feed), &f); err != nil {
				t.Fatal(err)
			}
			for _, e := range f.Entries {
				name := strings.TrimSuffix(e.Link.Href[strings.LastIndex(strings.TrimSuffix(e.Link.Href, "/"), "/")+1:], "/")
				page := readOut(t, dest, "articles/"+name+"/index.html")
				refs := map[string]string{}
				for _, m := range proseRefRE.FindAllStringSubmatch(page, -1) {
					refs[m[1]] = html.UnescapeString(m[2])
				}
				if !strings.HasSuffix(e.Title, " at "+refs["b.last.value"]) || e.Summary != "Dek "+refs["b.last.value"]+" on "+refs["b.last.date"] {
					t.Errorf("%s: the feed says %q, %q; the prose %s on %s", name, e.Title, e.Summary, refs["b.last.value"], refs["b.last.date"])
				}
			}
		})
	}
}
