package markdown

import (
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/diag"
)

func convert(t testing.TB, frontMatter, body string, p *Page) (Result, diag.List) {
	t.Helper()
	p.Path = casePath
	p.Source = []byte(frontMatter + body)
	p.BodyOffset = len(frontMatter)
	var diags diag.List
	res, err := New(Options{}).Convert(p, &diags)
	if err != nil {
		t.Fatalf("Convert() error = %v", err)
	}
	diags.Sort()
	return res, diags
}

func TestHeadings(t *testing.T) {
	body := "# Title\n\n" +
		"## First *part*\n\n" +
		"### Sub `code`\n\n" +
		"#### Too deep\n\n" +
		"## Total {{ losses.total }}\n\n" +
		"Setext two\n----------\n\n" +
		"## First part\n\n" +
		"## Written {#chosen}\n\n" +
		"### Chosen\n\n" +
		"## The \"quoted\" part -- [linked](https://example.com/x)\n\n" +
		"## Escaped \\*stars\\* and \\{{ braces }}\n\n" +
		"## Step \\(L_T\\) first\n"
	res, diags := convert(t, casefrontMatter, body, &Page{Values: testValues()})
	if len(diags) != 1 || !strings.Contains(diags.Error(), ":28:9: warning: mathematics is published") {
		t.Errorf("diagnostics = %v; want the warning about the mathematics alone", diags)
	}
	want := []Heading{
		{Level: 2, ID: "first-part", Text: "First part"},
		{Level: 3, ID: "sub-code", Text: "Sub code"},
		{Level: 2, ID: "total-12000", Text: "Total 12,000"},
		{Level: 2, ID: "setext-two", Text: "Setext two"},
		{Level: 2, ID: "first-part-1", Text: "First part"},
		{Level: 2, ID: "chosen", Text: "Written"},
		{Level: 3, ID: "chosen-1", Text: "Chosen"},
		// The typographer's quotes and dash as the reader sees them, not
		// as entities; a link's text without its address; in the id, the
		// dash as typed, as GitHub keeps it.
		{Level: 2, ID: "the-quoted-part----linked", Text: "The \u201cquoted\u201d part \u2013 linked"},
		// Its backslash escapes undone, as the heading shows them.
		{Level: 2, ID: "escaped-stars-and--braces-", Text: "Escaped *stars* and {{ braces }}"},
		// Its mathematics as written, as the heading shows it: it was
		// left out of both, "1--를-상수로-취급" in an imported Korean post.
		{Level: 2, ID: "step-l_t-first", Text: "Step \\(L_T\\) first"},
	}
	if !reflect.DeepEqual(res.Headings, want) {
		t.Errorf("Headings =\n%+v\nwant\n%+v", res.Headings, want)
	}
	for _, h := range res.Headings {
		if !strings.Contains(string(res.HTML), `id="`+h.ID+`"`) || !strings.Contains(string(res.HTML), `href="#`+h.ID+`"`) {
			t.Errorf("HTML lacks the id and anchor link of %q:\n%s", h.ID, res.HTML)
		}
	}
	if strings.Contains(string(res.HTML), `href="#title"`) || strings.Contains(string(res.HTML), `href="#too-deep"`) {
		t.Errorf("h1 or h4 has an anchor link:\n%s", res.HTML)
	}
}

func TestCharts(t *testing.T) {
	for _, tc := range []struct {
		body string
		want int
	}{
		{"No charts.", 0},
		{"```chart\nblock: a\n```", 1},
		{"```chart\nblock: a\n```\n\n- ```chart\n  x\n  ```\n\n> ```chart\n> fail\n> ```", 3},
		{"```go\nx\n```\n\n    ```chart\n    x\n    ```", 0},
	} {
		res, _ := convert(t, casefrontMatter, tc.body, &Page{Charts: fakeCharts{}})
		if res.Charts != tc.want {
			t.Errorf("Charts for %q = %d; want %d", tc.body, res.Charts, tc.want)
		}
		if got := strings.Count(string(res.HTML), "<figure"); tc.body != "" && !strings.Contains(tc.body, "fail") && got != tc.want {
			t.Errorf("%d figures in the HTML of %q; want %d", got, tc.body, tc.want)
		}
	}
}

// planningCharts records what a ChartPlanner is told and, for each chart,
// how many bodies it had been given when the chart was drawn.
type planningCharts struct {
	fakeCharts
	plans  [][]string
	seenAt []int // per RenderChart: bodies planned so far
}

func (c *planningCharts) PlanCharts(bodies [][]byte) {
	var plan []string
	for _, b := range bodies {
		plan = append(plan, string(b))
	}
	c.plans = append(c.plans, plan)
}

func (c *planningCharts) RenderChart(w io.Writer, body []byte, bodyPos diag.Pos, ordinal int, diags *diag.List) error {
	n := 0
	for _, p := range c.plans {
		n += len(p)
	}
	c.seenAt = append(c.seenAt, n)
	return c.fakeCharts.RenderChart(w, body, bodyPos, ordinal, diags)
}

// TestChartPlanner checks that a ChartPlanner sees every chart body of the
// page, in order and once, before the first chart is drawn, and is not
// called for a page without charts.
func TestChartPlanner(t *testing.T) {
	c := &planningCharts{}
	body := "```chart\ndata: a\n```\n\n- ```chart\n  data: b\n  type: line\n  ```\n\n> ```chart\n> data: a\n> ```\n"
	convert(t, casefrontMatter, body, &Page{Charts: c})
	// A body in a list item or a quote keeps its indent, so that the
	// chart's YAML counts columns as the file does.
	want := [][]string{{"data: a\n", "  data: b\n  type: line\n", "  data: a\n"}}
	if !reflect.DeepEqual(c.plans, want) {
		t.Errorf("PlanCharts got %q; want %q", c.plans, want)
	}
	if !reflect.DeepEqual(c.seenAt, []int{3, 3, 3}) {
		t.Errorf("bodies planned when each chart was drawn: %v; want [3 3 3]", c.seenAt)
	}

	c = &planningCharts{}
	convert(t, casefrontMatter, "No charts.\n", &Page{Charts: c})
	if c.plans != nil {
		t.Errorf("PlanCharts called for a page without charts: %q", c.plans)
	}
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		body string
		want int
	}{
		{"", 0},
		{"One two three.", 3},
		{"One *two* **three** [four](https://x.org) `five`", 5}, // code spans are words too
		{"Line one\nline two\n\n# Heading word", 6},
		{"Prose here.\n\n```go\nfunc not counted() {}\n```\n\n    indented code too", 2},
		{"Total {{ losses.total }} people", 2},
		{"- a\n- b\n\n| c | d |\n|---|---|\n| e | f |", 6},
		{"Ça coûte très cher", 4},
		{"It's a dog's life.", 4}, // the typographer splits "It's" into three nodes
		{"Wait... what?", 2},
		{"end.\nstart", 2},
		{"```chart\nblock: a\n```\n\nOne.", 1},
	} {
		res, _ := convert(t, casefrontMatter, tc.body, &Page{Values: testValues(), Charts: fakeCharts{}})
		if res.Words != tc.want {
			t.Errorf("Words for %q = %d; want %d", tc.body, res.Words, tc.want)
		}
	}
}

// TestCountWords checks countWords against strings.Fields, with the text
// split in two between every two characters, as it may be over two text
// nodes.
func TestCountWords(t *testing.T) {
	for _, text := range []string{
		"", " ", "one", " one  two\tthree\n", "a\u00a0b\u2003c", "\u3000x\u0085y ", "naïve café",
		"\v\f\rword", "x\xff y", "日本語 のテキスト",
	} {
		want := len(strings.Fields(text))
		for cut := 0; cut <= len(text); cut++ {
			if cut < len(text) && !utf8.RuneStart(text[cut]) {
				continue
			}
			n, in := countWords([]byte(text[:cut]), 0, false)
			n, _ = countWords([]byte(text[cut:]), n, in)
			if n != want {
				t.Errorf("countWords(%q) split at %d = %d; want %d", text, cut, n, want)
			}
		}
	}
}

// TestLinkResolverCalls checks which destinations reach the resolver.
func TestLinkResolverCalls(t *testing.T) {
	links := newFakeLinks()
	body := "[a](about.md) [b](javascript:alert(1)) [c](JAVASCRIPT:x) [d](vbscript:x) " +
		"[e](https://x.org) [f](mailto:a@x.org) [g](#top) [h](//x.org/y) [i](missing.md) " +
		"![j](img/chart.png) [k](tel:+123) []() <about.md> <https://x.org/z>\n"
	res, diags := convert(t, casefrontMatter, body, &Page{Links: links})
	want := []string{"about.md", "#top", "missing.md", "img/chart.png"}
	if !reflect.DeepEqual(links.asked, want) {
		t.Errorf("resolver was asked %q; want %q", links.asked, want)
	}
	// The three script links are left out with a warning each, at their
	// "["; the missing page is an error.
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	wantDiags := []string{
		`content/case.md:5:15: warning: link "javascript:alert(1)" is left out: a link that runs a script or opens a local file cannot be published (write an https: address)`,
		`content/case.md:5:40: warning: link "JAVASCRIPT:x" is left out: a link that runs a script or opens a local file cannot be published (write an https: address)`,
		`content/case.md:5:58: warning: link "vbscript:x" is left out: a link that runs a script or opens a local file cannot be published (write an https: address)`,
		`content/case.md:5:138: link "missing.md": no such page`,
	}
	if !slices.Equal(got, wantDiags) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantDiags, "\n"))
	}
	html := string(res.HTML)
	for _, bad := range []string{"javascript:", "JAVASCRIPT:", "vbscript:"} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML keeps a %s link:\n%s", bad, html)
		}
	}
}

// TestPositionsAfterOtherFrontMatter checks that diagnostics count the
// front-matter lines whatever their format and line endings.
func TestPositionsAfterOtherFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name        string
		frontMatter string
		line        int
	}{
		{"none", "", 3},
		{"toml", "+++\ntitle = \"A\"\n+++\n", 6},
		{"crlf", "---\r\ntitle: A\r\ndate: 2025-01-01\r\n---\r\n", 7},
		{"byte-order mark", "\ufeff---\ntitle: A\n---\n", 6},
		{"long", "---\n" + strings.Repeat("k: v\n", 40) + "---\n", 45},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := "Intro.\n\nValue {{ nope }}, link [x](gone.md).\n\n```chart\nfail\n```\n"
			_, diags := convert(t, tc.frontMatter, body, &Page{Values: testValues(), Charts: fakeCharts{}, Links: newFakeLinks()})
			want := []string{
				fmt.Sprintf(`content/case.md:%d:7: {{ nope }}: unknown reference "nope"`, tc.line),
				fmt.Sprintf(`content/case.md:%d:24: link "gone.md": no such page`, tc.line),
				fmt.Sprintf(`content/case.md:%d:1: chart: cannot draw this chart`, tc.line+3),
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("diagnostics =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestConcurrentConvert checks that one Converter serves several pages at
// once, each with its own values, charts and diagnostics. Run it with -race.
func TestConcurrentConvert(t *testing.T) {
	c := New(Options{})
	var wg sync.WaitGroup
	results := make([]string, 8)
	diagsOf := make([]diag.List, 8)
	for i := range results {
		wg.Go(func() {
			src := fmt.Sprintf("---\ntitle: %d\n---\n```chart\nn: %d\n```\n\n{{ v }} {{ gone%d }}\n\n```go\nx := %d\n```\n", i, i, i, i%2)
			p := &Page{
				Path: fmt.Sprintf("content/%d.md", i), Source: []byte(src), BodyOffset: len(fmt.Sprintf("---\ntitle: %d\n---\n", i)),
				Values: fakeValues{"v": fmt.Sprint("value-", i)}, Charts: fakeCharts{},
			}
			res, err := c.Convert(p, &diagsOf[i])
			if err != nil {
				t.Error(err)
				return
			}
			results[i] = string(res.HTML)
		})
	}
	wg.Wait()
	for i, html := range results {
		if !strings.Contains(html, fmt.Sprintf(">value-%d<", i)) || !strings.Contains(html, fmt.Sprintf("n: %d", i)) || !strings.Contains(html, `data-ordinal="1"`) {
			t.Errorf("page %d got another page's output:\n%s", i, html)
		}
		if want := fmt.Sprintf("content/%d.md:8:9: {{ gone%d }}: unknown reference \"gone%d\"", i, i, i); len(diagsOf[i]) != 1 || diagsOf[i][0].String() != want {
			t.Errorf("page %d diagnostics = %v; want %s", i, diagsOf[i], want)
		}
	}
}

// countingCharts counts the calls of each method, and checks that every
// RenderFeedChart comes after every RenderChart.
type countingCharts struct {
	fakeCharts
	drawn, fed []int
	t          *testing.T
}

func (c *countingCharts) RenderChart(w io.Writer, body []byte, bodyPos diag.Pos, ordinal int, diags *diag.List) error {
	if len(c.fed) > 0 {
		c.t.Errorf("RenderChart(%d) after RenderFeedChart", ordinal)
	}
	c.drawn = append(c.drawn, ordinal)
	return c.fakeCharts.RenderChart(w, body, bodyPos, ordinal, diags)
}

func (c *countingCharts) RenderFeedChart(w io.Writer, ordinal int, diags *diag.List) error {
	c.fed = append(c.fed, ordinal)
	return c.fakeCharts.RenderFeedChart(w, ordinal, diags)
}

// TestFeed checks that the feed's HTML is the page's, rendered from the
// same parse, with each chart drawn once for the page and written once
// more for the feed; and that nothing is done for the feed unless asked.
func TestFeed(t *testing.T) {
	body := "Intro {{ x }}.\n\n```chart\nblock: a\n```\n\n```chart\nfail\n```\n\n```chart\nblock: c\n```\n\n{{ nope }}\n"
	c := &countingCharts{t: t}
	res, diags := convert(t, casefrontMatter, body, &Page{Values: testValues(), Charts: c, Feed: true})
	if !reflect.DeepEqual(c.drawn, []int{1, 2, 3}) || !reflect.DeepEqual(c.fed, []int{1, 3}) {
		t.Errorf("RenderChart for %v, RenderFeedChart for %v; want [1 2 3] and [1 3]", c.drawn, c.fed)
	}
	if len(diags) != 2 {
		t.Errorf("diagnostics = %v; want two, each once (the failed chart and the unknown value)", diags)
	}
	page := strings.Replace(string(res.HTML), `<figure data-ordinal="1" data-pos="content/case.md:8:1">block: a
</figure>`, `<figure data-ordinal="1" class="feed"></figure>`, 1)
	page = strings.Replace(page, `<figure data-ordinal="3" data-pos="content/case.md:16:1">block: c
</figure>`, `<figure data-ordinal="3" class="feed"></figure>`, 1)
	page = strings.Replace(page, "\n\n", "\n", 1) // where the failed chart was
	if page != string(res.FeedHTML) {
		t.Errorf("FeedHTML =\n%s\nwant the page with the feed's figures:\n%s", res.FeedHTML, page)
	}

	c = &countingCharts{t: t}
	res, _ = convert(t, casefrontMatter, body, &Page{Values: testValues(), Charts: c})
	if res.FeedHTML != nil || c.fed != nil {
		t.Errorf("without Page.Feed: FeedHTML %q, RenderFeedChart for %v; want neither", res.FeedHTML, c.fed)
	}
}

// TestFeedHeadings checks that the feed's headings keep their ids but
// not the "#" link the page puts after each: a feed reader shows it, with
// no style sheet to hide it, as a stray "#" at the end of every heading,
// and a screen reader reads it as part of the heading.
func TestFeedHeadings(t *testing.T) {
	body := "## One\n\nText.\n\n### Two `x`\n"
	res, _ := convert(t, casefrontMatter, body, &Page{Values: testValues(), Charts: &fakeCharts{}, Feed: true})
	if !strings.Contains(string(res.HTML), `<div class="heading"><h2 id="one">One</h2> <a class="heading-anchor" href="#one"`) {
		t.Errorf("HTML =\n%s\nwant the heading's link on the page", res.HTML)
	}
	if want := "<h2 id=\"one\">One</h2>\n<p>Text.</p>\n<h3 id=\"two-x\">Two <code>x</code></h3>\n"; string(res.FeedHTML) != want {
		t.Errorf("FeedHTML =\n%s\nwant\n%s", res.FeedHTML, want)
	}
}

// TestPos checks pageState.pos against diag.At for offsets asked in
// every order, on lines of several characters, CRLF and runes.
func TestPos(t *testing.T) {
	src := []byte("---\nt: x\n---\nab\r\nçé x\n\n日本 {{ v }}\nend")
	for _, order := range [][]int{
		{0, 1, 2, 5, 6, 9, 10, 11, 20, 29, 30},
		{30, 29, 20, 11, 10, 9, 6, 5, 2, 1, 0},
		{9, 2, 11, 10, 30, 0, 20, 21, 19, 40, -3},
	} {
		s := &pageState{page: &Page{Path: "a.md", Source: src, BodyOffset: 12}, at: diag.Cursor{Path: "a.md", Src: src}}
		for _, off := range order {
			got := s.pos(off)
			want := diag.At("a.md", src, 12+off)
			if got != want {
				t.Errorf("pos(%d) after %v = %v; want %v", off, order, got, want)
			}
		}
	}
}

// TestRawHTMLAnchors checks that the anchors of raw HTML are those a
// browser scrolls to: an id however it is quoted, and the name of an <a>,
// with character references undone; not what only looks like one, and
// none of raw HTML that is not published.
func TestRawHTMLAnchors(t *testing.T) {
	body := `<h2 id="double">D</h2>
<a name="intro"></a><A NAME='upper'></A>
<a id='two'>x</a> <span id=three>x</span> <p ID = "spaced">x</p>
<div id="a&amp;b"></div><div id=c&lt;d></div>
<img name="not-an-anchor"> <input name=q>
<p>Text with id="in-text" in it.</p>
<!-- <a id="in-comment"></a> -->
<script>var s = '<a id="in-script"></a>';</script>
<textarea><a id="in-textarea"></a></textarea>
<h2 id="double">again</h2>

Inline <a name=inline>x</a>, and ` + "`<a name=\"in-code\">`" + `.
`
	p := &Page{Path: casePath, Source: []byte(casefrontMatter + body), BodyOffset: len(casefrontMatter)}
	var diags diag.List
	res, err := New(Options{UnsafeHTML: true}).Convert(p, &diags)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a&b", "c<d", "double", "inline", "intro", "spaced", "three", "two", "upper"}
	if !slices.Equal(res.Anchors, want) {
		t.Errorf("Anchors = %q; want %q", res.Anchors, want)
	}
	res, err = New(Options{}).Convert(p, &diags)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Anchors) > 0 {
		t.Errorf("Anchors of HTML left out = %q; want none", res.Anchors)
	}
}

// TestManyCharts checks that a page of more charts than MaxCharts is an
// error at the fence of the first past them, and that only MaxCharts are
// drawn: 20,000 were each drawn and written, 728 MB and 1.7 GB of memory.
func TestManyCharts(t *testing.T) {
	body := strings.Repeat("```chart\nblock: a\n```\n\n", MaxCharts+5) // four lines a chart from line 5, its text on the second
	c := &countingCharts{t: t}
	_, diags := convert(t, casefrontMatter, body, &Page{Values: testValues(), Charts: c})
	want := fmt.Sprintf("content/case.md:%d:1: chart: more than %d charts on this page: each is drawn with its table and written as an SVG file, a CSV file and an embed page (this is the first past them): split the article", 6+4*MaxCharts, MaxCharts)
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics = %v; want %s", diags, want)
	}
	if len(c.drawn) != MaxCharts {
		t.Errorf("%d charts drawn; want %d", len(c.drawn), MaxCharts)
	}
}

// TestInAddresses compares inAddresses with a reading of each value's
// line back to its start, on lines with links, spaces, tabs and brackets
// at every place, and converts a line of 40,000 values
// (BenchmarkLineOfValues times it).
func TestInAddresses(t *testing.T) {
	oneByOne := func(src []byte, off int) bool {
		line := src[:off]
		if nl := strings.LastIndexByte(string(line), '\n'); nl >= 0 {
			line = line[nl+1:]
		}
		i := strings.LastIndex(string(line), "](")
		return i >= 0 && !strings.ContainsAny(string(line[i+2:]), " \t)")
	}
	parts := []string{"[a](", "](", "]", "(", ")", " ", "\t", "\n", "x", "{{", "[b](/p/"}
	for seed := range 2_000 {
		var b strings.Builder
		var offsets []int
		for k := 0; k < 12; k++ {
			if (seed>>k)%3 == 0 {
				offsets = append(offsets, b.Len())
				b.WriteString("{{")
			}
			b.WriteString(parts[(seed*7+k*k+k)%len(parts)])
		}
		src := []byte(b.String())
		// Out of order, as values whose nodes moved (footnotes) are.
		slices.Reverse(offsets)
		got := inAddresses(src, offsets)
		for i, off := range offsets {
			if want := oneByOne(src, off); got[i] != want {
				t.Errorf("%q at %d: inAddresses says %v; want %v", src, off, got[i], want)
			}
		}
	}

	_, diags := convert(t, casefrontMatter, lineOfValues, &Page{Values: testValues()})
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags[0])
	}
}

// lineOfValues is a paragraph of 40,000 values on one line, 800 KB.
var lineOfValues = strings.Repeat("{{ losses.total }} ", 40_000) + "\n"

// BenchmarkLineOfValues converts lineOfValues, whose line is read once:
// each value read its line back to its start, 30 s for such a line.
func BenchmarkLineOfValues(b *testing.B) {
	for b.Loop() {
		convert(b, casefrontMatter, lineOfValues, &Page{Values: testValues()})
	}
}

// countingValues refuses every expression and counts what it was asked.
type countingValues struct{ asked *int }

func (v countingValues) ResolveValue(expr, _, _ string, _ diag.Pos) (string, string, error) {
	*v.asked++
	return "", "", fmt.Errorf("unknown reference %q", expr)
}

// TestValuesPastTheProblemsListed checks that the values of a page with
// more problems than are listed are not resolved past them: the page
// fails, and a claim may take milliseconds to check, so 8 MB of claims
// that no phrase reads took minutes.
func TestValuesPastTheProblemsListed(t *testing.T) {
	asked := 0
	var diags diag.List
	src := []byte(strings.Repeat("{{ a.b | claim \"by mid-Febuary\" }}\n\n", 3*maxReported))
	if _, err := New(Options{}).Convert(&Page{Path: casePath, Source: src, Values: countingValues{&asked}}, &diags); err != nil {
		t.Fatal(err)
	}
	if asked != maxReported+1 {
		t.Errorf("resolved %d values; want %d, those listed and the one past them", asked, maxReported+1)
	}
	if n := len(diags.Errors()); n != maxReported+1 {
		t.Errorf("%d errors; want %d and the one that says the rest are not listed", n, maxReported+1)
	}
}
