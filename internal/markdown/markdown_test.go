package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/diag"
)

func convert(t *testing.T, frontMatter, body string, p *Page) (Result, diag.List) {
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
		"## First part\n"
	res, diags := convert(t, casefrontMatter, body, &Page{Values: testValues()})
	if len(diags) != 0 {
		t.Errorf("diagnostics = %v; want none", diags)
	}
	want := []Heading{
		{Level: 2, ID: "first-part", Text: "First part"},
		{Level: 3, ID: "sub-code", Text: "Sub code"},
		{Level: 2, ID: "total-12000", Text: "Total 12,000"},
		{Level: 2, ID: "setext-two", Text: "Setext two"},
		{Level: 2, ID: "first-part-1", Text: "First part"},
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
	want := []string{"about.md", "missing.md", "img/chart.png"}
	if !reflect.DeepEqual(links.asked, want) {
		t.Errorf("resolver was asked %q; want %q", links.asked, want)
	}
	if len(diags) != 1 || diags[0].Pos != (diag.Pos{Path: casePath, Line: 5, Col: 138}) {
		t.Errorf("diagnostics = %v; want one at content/case.md:5:138, the missing link", diags)
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
