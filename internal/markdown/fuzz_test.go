package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/diag"
)

// fuzzValues resolves any reference, except those that mention "bad".
type fuzzValues struct{}

func (fuzzValues) ResolveValue(expr, _, _ string, _ diag.Pos) (string, string, error) {
	if strings.Contains(expr, "bad") {
		return "", "", errors.New("unknown reference")
	}
	return "<" + expr + ">", "", nil
}

// fuzzCharts reports a diagnostic at every body line that starts with
// "bad", and fails on a body that starts with "fail".
type fuzzCharts struct{}

func (fuzzCharts) RenderChart(w io.Writer, body []byte, bodyPos diag.Pos, ordinal int, diags *diag.List) error {
	if bytes.HasPrefix(body, []byte("fail")) {
		return errors.New("cannot draw")
	}
	for i, line := range bytes.Split(body, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("bad")) {
			diags.Errorf(diag.Pos{Path: bodyPos.Path, Line: bodyPos.Line + i, Col: 1}, "bad chart line")
		}
	}
	fmt.Fprintf(w, "<figure>%d</figure>", ordinal)
	return nil
}

// RenderFeedChart writes the chart's ordinal.
func (fuzzCharts) RenderFeedChart(w io.Writer, ordinal int, diags *diag.List) error {
	fmt.Fprintf(w, "<figure>feed %d</figure>", ordinal)
	return nil
}

// fuzzLinks knows every destination that does not mention "bad".
type fuzzLinks struct{}

func (fuzzLinks) ResolveLink(dest string, _ diag.Pos) (string, error) {
	if strings.Contains(dest, "bad") {
		return "", errors.New("no such page")
	}
	return "/site/" + dest, nil
}

// FuzzConvert converts arbitrary Markdown bodies, with {{ … }}
// references, chart blocks and links resolved by fakes. Convert must not
// panic or hang, and every diagnostic must be at a place in the file.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"Hello {{ losses.crossing | approx }} and {{ bad.x }}.\n",
		"{{",
		"{{}}",
		"{{ a }}{{ b }}}}{{",
		"{#id} {{ x\n}} {{ y \\| z }}",
		"| a | b |\n|---|---|\n| {{ x \\| date }} | {{ bad }} |\n",
		"## Heading {{ x }} {#custom}\n",
		"```chart\ndata: x\nbad: 1\n```\n",
		"```chart\nfail\n```\n\n- ```chart\n  bad\n  ```\n",
		"```chart\n",
		"> ```chart\n> bad\n",
		"[link](bad.md) ![img](ok.png \"t\") <https://x.org> [x](javascript:alert(1))\n",
		"[{{ bad }}](x.md)\n\n[*{{ y }}*](bad)",
		"\ufeffé {{ ü.ß }}\r\nx\r{{ bad }}\r\n",
		"*{{ a }}*_{{ b }}_`{{ c }}`",
		"<script>{{ x }}</script>\n\n<div>\n{{ y }}\n</div>\n",
		"[^1]\n\n[^1]: {{ bad }}\n",
		"    {{ code }}\n\n~~~chart\nbad\n~~~\n",
		"<!-- TODO -->\n\nText <!--more--> more <!-- x\n\n<div>\n<!-- y -->\n</div>\n<!-- never closed\n",
		"{{< figure src=\"x\" >}} {{% note %}}x{{% /note %}} {{< a\n{% include x.html %} {% endraw %} {{ site.title }}",
		"> [!NOTE]\n> {{ x }} *a*\n\n> [!tip]\n\n- > [!WARNING]\n  > ```chart\n  > x\n  > ```\n",
		"Term {{ x }}\n: definition\n: another\n\n## Heading {{ y }} {#id .class}\n\n## {#}\n",
		">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> x",
		"```charts\nx\n```\n\n~~~Chart\ny\n~~~\n",
	} {
		f.Add(s)
	}
	c := New(Options{})
	f.Fuzz(func(t *testing.T, body string) {
		timer := time.AfterFunc(10*time.Second, func() {
			panic(fmt.Sprintf("Convert still running after 10 s on body %q", body))
		})
		defer timer.Stop()
		src := []byte(casefrontMatter + body)
		p := &Page{Path: casePath, Source: src, BodyOffset: len(casefrontMatter),
			Values: fuzzValues{}, Charts: fuzzCharts{}, Links: fuzzLinks{}, Feed: true}
		var diags diag.List
		res, err := c.Convert(p, &diags)
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		lines := bytes.Split(src, []byte("\n"))
		first := strings.Count(casefrontMatter, "\n") + 1 // the body's first line
		for _, d := range diags {
			if d.Pos.Path != casePath {
				t.Fatalf("%v: path; want %s", d, casePath)
			}
			if d.Pos.Line < first || d.Pos.Line > len(lines) {
				t.Fatalf("%v: the body is lines %d to %d", d, first, len(lines))
			}
			if n := utf8.RuneCount(lines[d.Pos.Line-1]); d.Pos.Col < 1 || d.Pos.Col > n+1 {
				t.Fatalf("%v: line %d has %d characters", d, d.Pos.Line, n)
			}
		}
		if res.Charts < 0 || res.Words < 0 {
			t.Fatalf("Charts %d, Words %d", res.Charts, res.Words)
		}
		if bytes.Contains(res.HTML, []byte("<script")) {
			t.Fatalf("the HTML holds a script element:\n%s", res.HTML)
		}
		if bytes.Contains(res.HTML, []byte("<!--")) || bytes.Contains(res.FeedHTML, []byte("<!--")) {
			t.Fatalf("the HTML holds a comment:\n%s", res.HTML)
		}
	})
}
