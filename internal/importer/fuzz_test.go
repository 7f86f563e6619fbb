package importer

import (
	"bytes"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// FuzzBody imports arbitrary page bodies into a Jekyll and a Hugo site.
// Import must not panic, and every note must point into the file.
func FuzzBody(f *testing.F) {
	for _, s := range []string{
		"Text[^1].\n\n<sup>1</sup> Note.\n{: #fn1}\n",
		"* item\n  ```\n  {{ a }}\n\n{% assign x = 1 %}\n",
		"[l]: {{ site.url }}{{ site.license.url }}\n[m]: {{ site.url }}/ru/\n",
		"[x]((https://a.example/)) [y](((",
		"{{< figure src=\"a.png\" >}} {{% notice %}}x{{% /notice %}} [r]({{< ref \"b\" >}})",
		"{% highlight go %}\nx\n{% endhighlight %}\n{% raw %}{{ x }}{% endraw %}",
		"<p>raw</p>\n{: #r .c}\n### h\n{:.x}\n",
		"a $$x$$ \\[b\\] \\\\(c\\)\n\n$$\ny\n$$\n> $$z\n\n$$",
		"<div markdown=\"1\">\n<p markdown=\"1\">*a* [b](#c)</p>\n<h5 markdown=1>`x`</h5>\n</div>\n<span markdown=\"span\">",
		"{:auto_ids-g-}\nTerm\n: def\n\n    more\nlazy\n\nTwo\n: 2\n{: auto_ids}\n",
		"> a\n{: .prompt-tip }\n{: .prompt-danger}\n>\n  > b\n> c\n{: .prompt-info .x}\n{: .prompt-warning }",
		"{{< admonition tip \"T\" >}}\n[b](../b/#x)\n{{< admonition >}}\n```\nc\n```\n{{< /admonition >}}\n{{< /admonition >}}\nz",
		"- i\n  {{< mermaid >}}a-->b{{< /mermaid >}}\n{% highlight x %}\n{% raw %}{% endhighlight %}{% endraw %}\n{% endhighlight %}",
		"<div markdown=\"1\">\n*a*\n</div>\n```\nx\n\ny\n```\n<p>q</p>\n[w]({{ site.url }}) {{ site.url }}.",
		"<div>\n{{< figure src=\"a.png\" link=\"../b/\" >}}\n{{< highlight go >}}\na\n\n  \nb\n{{< /highlight >}}{{< youtube x >}}\n</div>\n{{< admonition note \"T\" >}}x\n[^f]:\n    y\n    {{< /admonition >}} z",
		"**b**{:.c} `x`{: .l} {::options a=\"b\" /} [a b](c d) [[x]](/posts/b/) ![i]({{ x }}) <div>\n\\(y\\) [z](q)\n</div>",
		"[r]({{ page.root }}/x/) [s]({{page.title}}{% link b.md %}) {{ site.data.a.b }}\n\n{: .note .info}\nText.\nMore {: .warning}\n{:.notice--danger}\n",
		"{% assign r = site.data.x %}<div>\n<table>\n{% for row in r %}{% if forloop.first %}<tr>{% for p in row %}<th>{{ p[0] }}</th>{% endfor %}</tr>{% endif %}\n\n    {% tablerow p in row %}{{ p[1] }}{% endtablerow %}\n{% endfor %}\n</table>\n</div>\n<ul>\n\n  <li>x</li>\n</ul>\n<div>\n\n",
		"<p markdown=\"1\" class=\"c\">\n- a, [b](https://x.example/)\n1. c\n</p>\n<h4 markdown=\"1\"># x</h4>\n{% include links.md %}\n<div>{% raw %}{{ y }}{% endraw %}</div>",
		"<a title=\"t\" href=\"{{ site.url }}/none.zip\" class=\"{{ x }}\">z</a> <img src=\"{{site.url}}{{site.baseurl}}/n.png\" alt=\"{% if a %}b{% endif %}\"> [p](.https://x.org/) [q]({{ site.url }}/n.pdf) [r]({{site.url}}{{ site.baseurl }}/posts/b/ \"t\")\n[s]: {{ site.url }}/no.zip\n[t](<a b>) <img src=./x.png width=3 /> <source srcset=\"d/x.png 1x, /y.png 2x\"><a href=q>q</a>",
		"1. a\n\n   > {{< details summary=\"**x**\" >}}\n\n   t\n\n   {{</ details >}}\n> {{< details \"y\" >}}\n{{< /details >}}\n![i](a.png){: width=\"3\" .b}{:.c} ![j](b.png \"t\"){:style='w'}\n{{< bilibili BV1634y1t7xR 2 >}} [l](http://localhost:1313/posts/b/)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, k := range []Kind{Jekyll, Hugo} {
			name := "content/posts/a.md"
			conf := "hugo.toml"
			confText := "baseURL = 'https://old.example/'\n"
			if k == Jekyll {
				name, conf, confText = "_posts/2014-01-01-a.md", "_config.yml", "url: https://old.example\n"
			}
			file := []byte("---\ntitle: A\ndate: 2020-01-01\n---\n" + body)
			src := fstest.MapFS{
				conf:                 {Data: []byte(confText)},
				name:                 {Data: file},
				"content/posts/b.md": {Data: []byte("---\ntitle: B\n---\n")},
				"_data/x.csv":        {Data: []byte("a,b\n1,<2>\n")}, // for site.data.x
			}
			res, err := Import(src, k, caseNow)
			if err != nil {
				t.Fatal(err)
			}
			lines := bytes.Split(file, []byte("\n"))
			for _, n := range res.Notes {
				if n.Pos.Path != name || n.Pos.Line == 0 {
					continue
				}
				if n.Pos.Line > len(lines) || n.Pos.Col < 1 || n.Pos.Col > utf8.RuneCount(lines[n.Pos.Line-1])+1 {
					t.Fatalf("%s: %v: %s is outside the file", k, n.Pos, n.What)
				}
			}
		}
	})
}
