package importer

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"go.yaml.in/yaml/v3"
)

func TestJekyllPostURL(t *testing.T) {
	date := time.Date(2014, 12, 23, 10, 5, 0, 0, time.UTC)
	tests := []struct {
		permalink, fm string
		cats          []string
		want          string
	}{
		{"", "", nil, "/2014/12/23/hub.html"},
		{"date", "", []string{"News", "tech"}, "/news/tech/2014/12/23/hub.html"},
		{"pretty", "", []string{"News"}, "/news/2014/12/23/hub/"},
		{"ordinal", "", nil, "/2014/357/hub.html"},
		{"none", "", []string{"a"}, "/a/hub.html"},
		{"/:categories/:year/:month/:day/:title:output_ext", "", nil, "/2014/12/23/hub.html"},
		{"/blog/:year/:i_month/:title/", "", nil, "/blog/2014/12/hub/"},
		{"/:short_year/:y_day-:hour:minute/:slug", "", nil, "/14/357-1005/hub"},
		{"pretty", "/fixed/", nil, "/fixed/"},
		{"", "/:year/:title/", nil, "/2014/hub/"},
	}
	for _, tt := range tests {
		p := &page{date: date, cats: tt.cats}
		if tt.fm != "" {
			p.fields = []field{{key: "permalink", val: scalar(tt.fm)}}
		}
		if got := jekyllPostURL(p, "hub", tt.permalink); got != tt.want {
			t.Errorf("jekyllPostURL(%q, permalink %q, cats %v) = %s; want %s", tt.permalink, tt.fm, tt.cats, got, tt.want)
		}
	}
}

func TestJekyllPageURL(t *testing.T) {
	tests := []struct{ rel, permalink, want string }{
		{"about.md", "", "/about.html"},
		{"about.md", "pretty", "/about/"},
		{"docs/index.md", "", "/docs/"},
		{"docs/setup.markdown", "date", "/docs/setup.html"},
	}
	for _, tt := range tests {
		if got := jekyllPageURL(&page{}, tt.rel, tt.permalink); got != tt.want {
			t.Errorf("jekyllPageURL(%q, %q) = %s; want %s", tt.rel, tt.permalink, got, tt.want)
		}
	}
}

func TestHugoURL(t *testing.T) {
	date := time.Date(2020, 1, 2, 10, 0, 0, 0, time.UTC)
	pl := map[string]string{"posts": "/:year/:month/:slug/", "notes": "/:section/:filename", "/": "/:title/"}
	tests := []struct {
		rel, title, slug, url string
		rules                 pathRules
		want                  string
	}{
		{"posts/first.md", "First Post!", "", "", pathRules{}, "/2020/01/first-post/"},
		{"posts/first.md", "First Post", "the-one", "", pathRules{}, "/2020/01/the-one/"},
		{"notes/My Note/index.md", "N", "", "", pathRules{}, "/notes/my-note/"},
		{"blog/Hello World.md", "H", "", "", pathRules{}, "/blog/hello-world/"},
		// disablePathToLower and removePathAccents.
		{"blog/Hello World.md", "H", "", "", pathRules{keepCase: true}, "/blog/Hello-World/"},
		{"blog/Été à Paris.md", "H", "", "", pathRules{noAccents: true}, "/blog/ete-a-paris/"},
		{"posts/x.md", "Crème Brûlée", "", "", pathRules{noAccents: true, keepCase: true}, "/2020/01/Creme-Brulee/"},
		{"blog/Été.md", "H", "", "", pathRules{}, "/blog/été/"},
		{"blog/x.md", "H", "custom", "", pathRules{}, "/blog/custom/"},
		{"blog/x.md", "H", "", "/somewhere/else/", pathRules{}, "/somewhere/else/"},
		{"blog/_index.md", "Blog", "", "", pathRules{}, "/blog/"},
		{"about.md", "About Me", "", "", pathRules{}, "/about-me/"},
		// A space after a character Hugo drops at the start of a part
		// of the path makes no hyphen there.
		{"notes/« bouchées »-au-snc.md", "N", "", "", pathRules{}, "/notes/bouchées-au-snc/"},
	}
	for _, tt := range tests {
		p := &page{date: date, title: tt.title, slug: tt.slug}
		if tt.url != "" {
			p.fields = []field{{key: "url", val: scalar(tt.url)}}
		}
		if got := hugoURL(p, tt.rel, pl, tt.rules, nil); got != tt.want {
			t.Errorf("hugoURL(%q, title %q, slug %q, %+v) = %s; want %s", tt.rel, tt.title, tt.slug, tt.rules, got, tt.want)
		}
	}
}

func TestBody(t *testing.T) {
	tests := []struct {
		kind      Kind
		in, want  string
		converted int
		notes     []string
	}{
		{Hugo, `{{< figure src="a.png" caption="A \"b\"" >}}`, `![A "b"](a.png "A \"b\"")`, 1, nil},
		{Hugo, `{{< figure src="a b.png" alt="x" link="/posts/c/" >}}`, `[![x](<a b.png>)](/posts/c/)`, 1, nil},
		// Hugo takes spaces around the = of a named argument.
		{Hugo, "{{< figure src = \"/img/a.png\" alt = \"A chart\" caption = \"Figure 1\" >}}\n{{<figure src= \"b.png\"\n  caption =\"Collage\" alt\t=\t'Logos'>}}", "![A chart](/img/a.png \"Figure 1\")\n![Logos](b.png \"Collage\")", 2, nil},
		{Hugo, "{{< highlight go >}}\nx := \"```\"\n{{< /highlight >}}\n", "````go\nx := \"```\"\n````\n", 1, nil},
		{Hugo, "- item\n  {{< highlight sh >}}\n  ls\n  {{< /highlight >}}\n", "- item\n  ```sh\n  ls\n  ```\n", 1, nil},
		// End tags spaced as Hugo allows: each ends its own block.
		{Hugo, "{{<highlight js >}}\na\n{{</highlight >}}\nTwo:\n{{< highlight go >}}\nb\n{{< / highlight >}}\n{{% highlight sh %}}\nc\n{{%/highlight%}}\n", "```js\na\n```\nTwo:\n```go\nb\n```\n```sh\nc\n```\n", 3, nil},
		{Hugo, "{{< alert >}}\nx\n{{< / alert >}}", "<!-- plotline import: {{< alert >}} -->\nx\n<!-- plotline import: {{< / alert >}} -->", 0, []string{"content/posts/a.md:5:1: shortcode alert", "content/posts/a.md:7:1: shortcode /alert"}},
		{Hugo, `[b]({{< ref "b.md" >}}) [c]({{< relref "/posts/c#h" >}})`, `[b](/posts/b/) [c](/posts/c/#h)`, 2, nil},
		{Hugo, `{{< ref "nowhere" >}}`, `<!-- plotline import: {{< ref "nowhere" >}} -->`, 0, []string{`content/posts/a.md:5:1: ref: no page "nowhere"`}},
		// An inline shortcode whose inside is a template goes whole; one
		// whose inside is text keeps its text.
		{Hugo, "{{< m.inline >}}\n{{ if .Site.Params.math }}\n\n<script src=\"k.js\"></script>\n{{ end }}\n{{< /m.inline >}}\n\nAfter.", "<!-- plotline import: {{< m.inline >}}\n{{ if .Site.Params.math }}\n<script src=\"k.js\"></script>\n{{ end }}\n{{< /m.inline >}} -->\n\nAfter.", 0, []string{"content/posts/a.md:5:1: inline shortcode m.inline, a template Hugo ran: left out, whole"}},
		{Hugo, "{{< m.inline >}}<p>x</p>{{< /m.inline >}}", "<!-- plotline import: {{< m.inline >}} --><p>x</p><!-- plotline import: {{< /m.inline >}} -->", 0, []string{"content/posts/a.md:5:1: shortcode m.inline", "content/posts/a.md:5:25: shortcode /m.inline"}},
		{Hugo, "a {{% notice tip %}}\nb\n{{% /notice %}}", "a <!-- plotline import: {{% notice tip %}} -->\nb\n<!-- plotline import: {{% /notice %}} -->", 0, []string{"content/posts/a.md:5:3: shortcode notice", "content/posts/a.md:7:1: shortcode /notice"}},
		{Hugo, "`{{< x >}}` {{ y }} {%", "`{{< x >}}` \\{{ y }} \\{%", 0, nil},
		// A shortcode in an address takes the address with it, so that
		// the link reads as its text, and the definition of a reference
		// goes whole.
		{Hugo, "[docs]({{< param docsURL >}}) [more]({{< param docsURL >}}/more)\n\n[rss]: <{{% eturl rss %}}>\n", "docs<!-- plotline import: {{< param docsURL >}} --> more<!-- plotline import: {{< param docsURL >}}/more -->\n\n<!-- plotline import: [rss]: <{{% eturl rss %}}> -->\n", 0, []string{"content/posts/a.md:5:8: shortcode param as an address", "content/posts/a.md:5:38: shortcode param as an address", "content/posts/a.md:7:9: shortcode eturl as the address of a reference: left out"}},
		{Hugo, "```\n{{</* x */>}}\n```\n{{</* y */>}}", "```\n{{< x >}}\n```\n`{{< y >}}`", 2, nil},
		{Hugo, "    {{< x >}}\n", "    {{< x >}}\n", 0, nil},
		{Hugo, `{{< youtube abc >}}`, `[YouTube: abc](https://www.youtube.com/watch?v=abc)`, 1, nil},
		{Hugo, "[b](../b/) [p](pic.png) [c][] [^1]\n\n[c]: ../c/#h\n[^1]: x", "[b](/posts/b/) [p](pic.png) [c][] [^1]\n\n[c]: /posts/c/#h\n[^1]: x", 2, nil},
		{Hugo, "[x](/gone/#a) [y](//cdn.example/x) [z](/posts/b/)", "[x](https://old.example/gone/#a) [y](//cdn.example/x) [z](/posts/b/)", 1, []string{"content/posts/a.md:5:5: note: link /gone/#a names nothing of this site: written as https://old.example/gone/#a"}},
		{Hugo, "## Here\n[x](/posts/c/#h) [y](../c/#gone) [z](#nowhere) [w](#here)", "## Here\n[x](/posts/c/#h) [y](/posts/c/) [z](/posts/a/) [w](#here)", 1, []string{"content/posts/a.md:6:22: note: link /posts/c/#gone: that page has no #gone (its old page had none either, or one a script made): written as /posts/c/", "content/posts/a.md:6:38: note: link #nowhere: that page has no #nowhere (its old page had none either, or one a script made): written as /posts/a/"}},
		// A link to a Markdown file's #fragment is mended as one to its address.
		// Footnotes are numbered in the order of their first reference;
		// kramdown names them by label.
		{Jekyll, "Text[^b] and[^a], `[^c]`[^a].\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n\n[a](#fn:a) [b](#fnref:b) [c](#fn:c) [n](#fn:2) [x](#fn:x)\n", "Text[^b] and[^a], `[^c]`[^a].\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n\n[a](#fn:2) [b](#fnref:1) [c](/posts/a/) [n](#fn:2) [x](/posts/a/)\n", 0, []string{"_posts/2014-01-01-a.md:11:5: note: link #fn:a: footnotes are numbered, not named: written as #fn:2", "_posts/2014-01-01-a.md:11:16: note: link #fnref:b: footnotes are numbered, not named: written as #fnref:1", "_posts/2014-01-01-a.md:11:30: note: link #fn:c: that page has no #fn:c (its old page had none either, or one a script made): written as /posts/a/", "_posts/2014-01-01-a.md:11:52: note: link #fn:x: that page has no #fn:x (its old page had none either, or one a script made): written as /posts/a/"}},
		{Hugo, "Text[^n].\n\n[^n]: N.\n\n[one](#fn:1) [ref](#fnref:1) [two](#fn:2) [name](c.md#fn:n)\n", "Text[^n].\n\n[^n]: N.\n\n[one](#fn:1) [ref](#fnref:1) [two](/posts/a/) [name](c.md)\n", 0, []string{"content/posts/a.md:9:36: note: link #fn:2: that page has no #fn:2 (its old page had none either, or one a script made): written as /posts/a/", "content/posts/a.md:9:50: note: link c.md#fn:n: that page has no #fn:n (its old page had none either, or one a script made): written as c.md"}},
		// A fragment after, or in, a tag that names a page is checked too.
		{Hugo, "[c]({{< ref \"c\" >}}#gone) [d]({{< relref \"c#gone\" >}}) [h]({{< ref \"c\" >}}#h)", "[c](/posts/c/) [d](/posts/c/) [h](/posts/c/#h)", 3, []string{"content/posts/a.md:5:5: note: link /posts/c/#gone: that page has no #gone (its old page had none either, or one a script made): written as /posts/c/", "content/posts/a.md:5:31: note: link /posts/c/#gone: that page has no #gone (its old page had none either, or one a script made): written as /posts/c/"}},
		{Jekyll, "[c]({% link _posts/2014-01-02-c.md %}#gone) [p]({% post_url 2014-01-02-c %}#gone)", "[c](/posts/c/) [p](/posts/c/)", 2, []string{"_posts/2014-01-01-a.md:5:5: note: link /posts/c/#gone: that page has no #gone (its old page had none either, or one a script made): written as /posts/c/", "_posts/2014-01-01-a.md:5:49: note: link /posts/c/#gone: that page has no #gone (its old page had none either, or one a script made): written as /posts/c/"}},
		// Raw HTML's addresses are converted as a link's are.
		{Hugo, "<a href=\"/nowhere/\">x</a> <img src=\"../c/\" alt=\"\"> <a title='t' href='/posts/c/#gone'>c</a>\n<A HREF=\"/posts/c/#h\">h</A> `<a href=\"/nowhere/\">` <a href=\"{{< ref \"c\" >}}\">r</a> <a href=\"https://x.example/\">", "<a href=\"https://old.example/nowhere/\">x</a> <img src=\"/posts/c/\" alt=\"\"> <a title='t' href='/posts/c/'>c</a>\n<A HREF=\"/posts/c/#h\">h</A> `<a href=\"/nowhere/\">` <a href=\"/posts/c/\">r</a> <a href=\"https://x.example/\">", 3, []string{"content/posts/a.md:5:10: note: link /nowhere/ names nothing of this site: written as https://old.example/nowhere/", "content/posts/a.md:5:71: note: link /posts/c/#gone: that page has no #gone (its old page had none either, or one a script made): written as /posts/c/"}},
		{Hugo, "[a](/posts/c#gone) [b](/posts/c#h) [src](<{{% eturl disqus %}}>) and {{< figure src=\"/img/none.png\" link=\"../c/\" >}}", "[a](/posts/c) [b](/posts/c#h) src<!-- plotline import: {{% eturl disqus %}} --> and [![](https://old.example/img/none.png)](/posts/c/)", 1, []string{"content/posts/a.md:5:5: note: link /posts/c#gone: that page has no #gone (its old page had none either, or one a script made): written as /posts/c", "content/posts/a.md:5:43: shortcode eturl as an address", "content/posts/a.md:5:70: note: link /img/none.png names nothing of this site: written as https://old.example/img/none.png"}},
		// No base URL: a link to nothing of the site keeps its text.
		{Jekyll, "[t](/tooltips.html) <a href=\"/tooltips.json\" target=\"_blank\">j</a> [b](/posts/b/)\n\n[ref]: /nothing.html\n", "t<!-- plotline import: (/tooltips.html) --> <a target=\"_blank\">j</a> [b](/posts/b/)\n\n<!-- plotline import: [ref]: /nothing.html -->\n", 0, []string{"_posts/2014-01-01-a.md:5:5: link /tooltips.html names nothing of this site, and the source has no base URL to keep its old address: its text is kept, without the link", "_posts/2014-01-01-a.md:5:30: address /tooltips.json names nothing of this site, and the source has no base URL to keep its old address: the attribute is left out", "_posts/2014-01-01-a.md:7:8: link /nothing.html names nothing of this site, and the source has no base URL to keep its old address: the reference definition is left out"}},
		// A tag in an address after Liquid output, or before a title.
		{Jekyll, "[a]({{ site.url }}{% post_url nowhere %}) [b]({% post_url nowhere %} \"T\")\n", "a<!-- plotline import: {% post_url nowhere %} --> b<!-- plotline import: {% post_url nowhere %} \"T\" -->\n", 1, []string{"_posts/2014-01-01-a.md:5:19: post_url: no post nowhere as an address", "_posts/2014-01-01-a.md:5:47: post_url: no post nowhere as an address"}},
		{Hugo, "[y](c.md#gone) [z](c.md#h) [w](../posts/c.md#gone)", "[y](c.md) [z](c.md#h) [w](../posts/c.md)", 0, []string{"content/posts/a.md:5:5: note: link c.md#gone: that page has no #gone (its old page had none either, or one a script made): written as c.md", "content/posts/a.md:5:32: note: link ../posts/c.md#gone: that page has no #gone (its old page had none either, or one a script made): written as ../posts/c.md"}},
		// A link to the list of a tag or category, as the source made
		// its address, is to plotline's list of that tag.
		{Hugo, "[t](/tags/passons-le-c.a.p/) [c](/categories/web-dev/#x) [n](/tags/none/)", "[t](/tags/passons-le-c-a-p/) [c](/tags/web-dev/#x) [n](/tags/none/)", 2, nil},
		{Hugo, "[b](b.md) [d](doc/x.md)", "[b](b.md) [d](https://old.example/posts/a/doc/x.md)", 1, []string{"content/posts/a.md:5:15: note: link /posts/a/doc/x.md names nothing of this site: written as https://old.example/posts/a/doc/x.md"}},
		// Without Hugo's passthrough extension an escaped bracket is a
		// bracket, not mathematics, and does not start a link.
		{Hugo, "more on \\[below\\](x), \\(y\\) \\\\[z] `\\[c\\]`\n\n    \\[d\\]\n", "more on &#91;below&#93;(x), &#40;y&#41; \\\\[z] `\\[c\\]`\n\n    \\[d\\]\n", 0, nil},
		// Mathematics written for a page's script with its backslashes
		// escaped, "\\(x\\)", which the source published as "\(x\)",
		// is plotline's, its other escapes resolved as the source
		// resolved them; a "$$" of Hugo's, read as Markdown, has its
		// escapes resolved too.
		{Hugo, "a \\\\(x\\_i\\\\) b \\\\[y \\\\\\\\ z\\\\] `\\\\(c\\\\)` \\\\(d\n\ne\\\\)\n\n$$\na\\_1 \\\\\\\\ b\n$$\n\n`$$\\_$$`\n", "a \\(x_i\\) b \\[y \\\\ z\\] `\\\\(c\\\\)` \\\\(d\n\ne\\\\)\n\n$$\na_1 \\\\ b\n$$\n\n`$$\\_$$`\n", 3, nil},
		{Jekyll, "a \\\\(y_i \\in \\\\{ -1,1 \\\\} \\\\) and \\\\(\\,x\\\\)\n\n$$\\_$$\n", "a \\(y_i \\in \\{ -1,1 \\} \\) and \\(\\,x\\)\n\n$$\\_$$\n", 2, nil},
		// kramdown's $$ within a paragraph is inline mathematics; alone
		// between blank lines, a block.
		{Jekyll, "takes ($$x_i$$) and $$y_{ {{ site.answer }} }$$.\n\n$$\na^2\n$$\n\n> $$b$$\n\n* $$c$$\n\nText\n$$d\ne$$\n\n`$$f$$` \\$$g$$\n", "takes (\\(x_i\\)) and \\(y_{ 42 }\\).\n\n$$\na^2\n$$\n\n> $$b$$\n\n* $$c$$\n\nText\n\\(d\ne\\)\n\n`$$f$$` \\$$g$$\n", 4, nil},
		{Jekyll, "{% highlight ruby linenos %}\nx\n{% endhighlight %}", "```ruby\nx\n```", 1, nil},
		{Jekyll, "{%highlight ruby%}\nx\n{%-  endhighlight  -%}", "```ruby\nx\n```", 1, nil},
		{Jekyll, `[a]({{ site.baseurl }}/posts/c/) [b]({{ "/y/" | relative_url }}) {{site.url}}{{ site.baseurl }}/z`, `[a](/posts/c/) [b](/y/) /z`, 4, nil},
		{Jekyll, `[b]({% post_url 2014-01-01-b %}) [c]({% link _posts/2014-01-02-c.md %})`, `[b](/posts/b/) [c](/posts/c/)`, 2, nil},
		{Jekyll, `[d]({% post_url notes/2014-01-03-d %}) [e]({% post_url /notes/2014-01-03-d %})`, `[d](/posts/notes/d/) [e](/posts/notes/d/)`, 2, nil},
		{Jekyll, "{% include plain.html %}", "<p>plain</p>", 1, nil},
		// kramdown: its table of contents, attributes after a link or
		// image, and its nomarkdown and comment extensions.
		{Jekyll, "* Table of contents\n{:toc}\n\nText.\n", "\nText.\n", 0, []string{"_posts/2014-01-01-a.md:6:1: kramdown table of contents {:toc}, left out: plotline makes its own"}},
		{Jekyll, "![x](https://x.org/p.png){: .align-right} [Buy][b]{:.btn}\n\n[b]: https://x.org/\n", "![x](https://x.org/p.png) [Buy][b]\n\n[b]: https://x.org/\n", 0, []string{"_posts/2014-01-01-a.md:5:26: kramdown attribute list {: .align-right} after a link or image, left out", "_posts/2014-01-01-a.md:5:51: kramdown attribute list {:.btn} after a link or image, left out"}},
		{Jekyll, "{::nomarkdown}<b>raw</b>{:/} {::comment}a --> b{:/comment}", "<b>raw</b> <!-- a - -> b -->", 2, nil},
		{Jekyll, "[x]({% post_url 2001-01-01-gone %})", "x<!-- plotline import: {% post_url 2001-01-01-gone %} -->", 0, []string{"_posts/2014-01-01-a.md:5:5: post_url: no post 2001-01-01-gone as an address"}},
		{Jekyll, "{% include liquid.html %}", "<!-- plotline import: TODO {% include liquid.html %} -->", 0, []string{"_posts/2014-01-01-a.md:5:1: TODO: include liquid.html uses Liquid: inline it by hand"}},
		{Jekyll, "{% raw %}{{ x }}{% endraw %} `{% raw %}{{ y }}{% endraw %}`", `\{{ x }} ` + "`{{ y }}`", 2, nil},
		{Jekyll, "{% comment %}a --> b{% endcomment %}", "<!-- a - -> b -->", 1, nil},
		{Jekyll, "<{{ release.url }}> and [zip]({{ release.zip }})", "<!-- plotline import: {{ release.url }} --> and zip<!-- plotline import: {{ release.zip }} -->", 0, []string{"_posts/2014-01-01-a.md:5:2: Liquid output {{ release.url }} as an address", "_posts/2014-01-01-a.md:5:31: Liquid output {{ release.zip }} as an address"}},
		{Jekyll, "### apt (Debian)\n{: #apt .wide}\n\nText.\n{:.lead}\n", "### apt (Debian) {#apt .wide}\n\nText.\n\n", 1, []string{"_posts/2014-01-01-a.md:9:1: kramdown attribute list {:.lead}, left out"}},
		{Jekyll, "Text[^1].\n\n<sup>1</sup> Note.\n{: #fn1}\n\n* item\n  two\n{: #i .c}\n\n<p>raw</p>\n{: #r}\n", "Text[^1].\n\n<a id=\"fn1\"></a><sup>1</sup> Note.\n\n* <a id=\"i\"></a>item\n  two\n\n<p>raw</p>\n<a id=\"r\"></a>\n", 3, []string{"_posts/2014-01-01-a.md:12:1: kramdown attribute list {: #i .c}: only its id kept"}},
		{Jekyll, "[lic][l] [reference label][ref]\n\n[l]: {{ page.license }}\n[reference label]: {{ site.url }}/posts/b/\n[m]: {{ site.url }}{{ page.license }}", "[lic][l] [reference label][ref]\n\n<!-- plotline import: [l]: {{ page.license }} -->\n[reference label]: /posts/b/\n<!-- plotline import: [m]: {{ site.url }}{{ page.license }} -->", 2, []string{"_posts/2014-01-01-a.md:7:6: Liquid output {{ page.license }} as the address of a reference: left out", "_posts/2014-01-01-a.md:9:20: Liquid output {{ page.license }} as the address of a reference: left out"}},
		{Jekyll, "[x]((https://a.example/b)) [y]((not a link))", "[x](https://a.example/b) [y]((not a link))", 0, []string{"_posts/2014-01-01-a.md:5:5: note: link address https://a.example/b in brackets of its own: written without them"}},
		{Jekyll, "* item\n  ```\n  {{ a }}\n\n{% assign x = 1 %}\n", "* item\n  ```\n  {{ a }}\n\n<!-- plotline import: {% assign x = 1 %} -->\n", 0, []string{"_posts/2014-01-01-a.md:9:1: Liquid tag assign"}},
		{Jekyll, " ```\n{% x %}\n ```\n", " ```\n{% x %}\n ```\n", 0, nil},
		{Jekyll, "[free]({{ site.license.url }}) {{ site.answer }} {{ site.nested.list }} {{ site.license.url | upcase }}", "[free](/posts/b/) 42 <!-- plotline import: {{ site.nested.list }} --> <!-- plotline import: {{ site.license.url | upcase }} -->", 2, []string{"_posts/2014-01-01-a.md:5:50: Liquid output {{ site.nested.list }}", "_posts/2014-01-01-a.md:5:73: Liquid output {{ site.license.url | upcase }}"}},
		{Jekyll, "```\ncode\n```\nAfter the code.\n{: #after}\n", "```\ncode\n```\n<a id=\"after\"></a>After the code.\n\n", 1, nil},
		// {: .language-r} after a fence names its code's language; in a
		// block quote an attribute list goes with its line.
		{Jekyll, "~~~\nx <- 1\n~~~\n{: .language-r}\n\n> ~~~\n> y\n> ~~~\n> {: .language-r .output}\n>\n> ```python\n> z\n> ```\n> {: .language-r}\n> > Use it.\n> {: .solution}\n{: .challenge}\n", "~~~r\nx <- 1\n~~~\n\n> ~~~r\n> y\n> ~~~\n>\n> ```python\n> z\n> ```\n> > Use it.\n\n", 3, []string{"_posts/2014-01-01-a.md:20:3: kramdown attribute list {: .solution}, left out", "_posts/2014-01-01-a.md:21:1: kramdown attribute list {: .challenge}, left out"}},
		// Chirpy's prompts after or before a block quote are alerts.
		{Jekyll, "> a `x`\n> b\n{: .prompt-tip }\n\n{: .prompt-danger}\n> c\n\n* i\n\n  > d\n  {: .prompt-info }\n> [!NOTE]\n> e\n{: .prompt-warning }\n", "> [!TIP]\n> a `x`\n> b\n\n> [!CAUTION]\n> c\n\n* i\n\n  > [!NOTE]\n  > d\n> [!NOTE]\n> e\n\n", 3, []string{"_posts/2014-01-01-a.md:18:1: kramdown attribute list {: .prompt-warning }, left out"}},
		{Jekyll, "* i\n\n  > d\n> e\n{: .prompt-tip }\n", "* i\n\n  > d\n> [!TIP]\n> e\n", 1, nil},
		// kramdown's {:auto_ids} gives each term of a definition list an
		// id, from the list's top or from its end; links to them stay.
		{Jekyll, "## Glossary\n\n{:auto_ids}\nargument\n:   A value. See [parameter](#parameter).\n\n*parameter*\n2nd `Term`\n:   A name.\n\n    See [argument](#argument).\n: Or [2nd term](#nd-term).\n\nAfter.\n", "## Glossary\n\n<a id=\"argument\"></a>argument\n:   A value. See [parameter](#parameter).\n\n<a id=\"parameter\"></a>*parameter*\n<a id=\"nd-term\"></a>2nd `Term`\n:   A name.\n\n    See [argument](#argument).\n: Or [2nd term](#nd-term).\n\nAfter.\n", 1, nil},
		{Jekyll, "Text.\n\nOne\n: 1\n\nTwo words\n: 2\n\n    more\nlazy\n{: .terms auto_ids-g-}\n\n[two](#g-two-words) [one](#g-one) [text](#text)\n", "Text.\n\n<a id=\"g-one\"></a>One\n: 1\n\n<a id=\"g-two-words\"></a>Two words\n: 2\n\n    more\nlazy\n\n[two](#g-two-words) [one](#g-one) [text](/posts/a/)\n", 1, []string{"_posts/2014-01-01-a.md:15:1: kramdown attribute list {: .terms auto_ids-g-}: only its auto_ids kept", "_posts/2014-01-01-a.md:17:42: note: link #text: that page has no #text (its old page had none either, or one a script made): written as /posts/a/"}},
		// Not after a definition list: left out, as any other.
		{Jekyll, "Text.\n{:auto_ids}\n\nOne\n: 1\n", "Text.\n\n\nOne\n: 1\n", 0, []string{"_posts/2014-01-01-a.md:6:1: kramdown attribute list {:auto_ids}, left out"}},
		// kramdown's markdown="1": blank lines inside a block element, a
		// <p> of its own a paragraph, any other element's inside HTML;
		// what cannot be converted is said.
		{Jekyll, "<div class=\"note\">\n  <h5>Serving</h5>\n  <p markdown=\"1\">Use `server: true` or\n   **`serve`**. See [docs](/posts/b/).</p>\n</div>\n\n<div class=\"notice\" markdown=\"1\">\n*Note:* read [this](https://x.org/) first.\n</div>\n", "<div class=\"note\">\n  <h5>Serving</h5>\n\nUse `server: true` or\n   **`serve`**. See [docs](/posts/b/).\n\n</div>\n\n<div class=\"notice\">\n\n*Note:* read [this](https://x.org/) first.\n\n</div>\n", 2, nil},
		{Jekyll, "## Here\n<h5 markdown=\"1\">Use `a<b` & **[here](#here)** or [there](#gone)</h5>\n<p class=\"lead\" markdown=block>*x*\n\ny</p> <span markdown=\"span\">_z_ \\*</span>\n", "## Here\n<h5>Use <code>a&lt;b</code> &amp; <strong><a href=\"#here\">here</a></strong> or <a href=\"/posts/a/\">there</a></h5>\n<p class=\"lead\"><em>x</em>\ny</p> <span><em>z</em> &#42;</span>\n", 3, []string{"_posts/2014-01-01-a.md:6:59: note: link #gone: that page has no #gone (its old page had none either, or one a script made): written as /posts/a/"}},
		{Jekyll, "<section markdown=\"1\">\n<div class=\"x\" markdown=\"1\">**b**</div>\n</section>\n> <div markdown=\"1\">*q*</div>\n\n<pre markdown=\"1\">*p*</pre> <div markdown=\"0\">*n*</div>\n\nIn code: `<div markdown=\"1\">`\n", "<section>\n\n<div class=\"x\">\n\n**b**\n\n</div>\n\n</section>\n\n> <div><em>q</em></div>\n\n<pre>*p*</pre> <div>*n*</div>\n\nIn code: `<div markdown=\"1\">`\n", 5, nil},
		{Jekyll, "<table><tr><td markdown=\"1\">\n- a\n- b\n</td></tr></table>\n<div markdown=\"1\">\n*open*\n", "<table><tr><td>\n- a\n- b\n</td></tr></table>\n<div markdown=\"1\">\n*open*\n", 0, []string{`_posts/2014-01-01-a.md:5:12: kramdown markdown="1" on <td>: its Markdown is published as written`, `_posts/2014-01-01-a.md:9:1: kramdown markdown="1" on <div> without its end tag: its Markdown is published as written`}},
		{Jekyll, "<span markdown=\"1\">*a* {% comment %}</span>{% endcomment %}", "<span>*a* <!-- </span> -->", 1, []string{`_posts/2014-01-01-a.md:5:1: kramdown markdown="1" on <span>, whose end tag is in something converted: its Markdown is published as written`}},
		{Jekyll, "{% for x in y %}{{ x.a }}{% endfor %}", "<!-- plotline import: {% for x in y %} --><!-- plotline import: {{ x.a }} --><!-- plotline import: {% endfor %} -->", 0, []string{"_posts/2014-01-01-a.md:5:1: Liquid tag for", "_posts/2014-01-01-a.md:5:17: Liquid output {{ x.a }}", "_posts/2014-01-01-a.md:5:26: Liquid tag endfor"}},
	}
	for _, tt := range tests {
		src := fstest.MapFS{
			"hugo.toml":                    {Data: []byte("baseURL = 'https://old.example/'\n")},
			"content/posts/pic.png":        {Data: []byte("png")},
			"content/posts/a.png":          {Data: []byte("png")},
			"content/posts/b.png":          {Data: []byte("png")},
			"content/posts/a b.png":        {Data: []byte("png")},
			"static/img/a.png":             {Data: []byte("png")},
			"content/posts/b.md":           {Data: []byte("---\ntitle: B\ndate: 2020-01-01\ntags: [Passons le C.A.P]\ncategories: [Web Dev]\n---\n")},
			"content/posts/c.md":           {Data: []byte("---\ntitle: C\ndate: 2020-01-01\n---\n## H\n")},
			"_posts/2014-01-01-b.md":       {Data: []byte("---\ntitle: B\n---\n")},
			"_posts/2014-01-02-c.md":       {Data: []byte("---\ntitle: C\n---\n")},
			"_posts/notes/2014-01-03-d.md": {Data: []byte("---\ntitle: D\n---\n")},
			"_includes/plain.html":         {Data: []byte("<p>plain</p>\n")},
			"_config.yml":                  {Data: []byte("license: {url: /posts/b/}\nanswer: 42\nnested: {list: [a]}\n")},
			"_includes/liquid.html":        {Data: []byte("<p>{{ include.x }}</p>\n")},
		}
		name := "content/posts/a.md"
		if tt.kind == Jekyll {
			name = "_posts/2014-01-01-a.md"
		}
		src[name] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\n" + tt.in)}
		res, err := Import(src, tt.kind, caseNow)
		if err != nil {
			t.Fatal(err)
		}
		dest := "content/posts/a.md"
		if tt.kind == Jekyll {
			dest = "content/posts/2014-01-01-a.md"
		}
		out := string(res.Files[dest].Data)
		_, body, _ := strings.Cut(out[4:], "---\n")
		if body != tt.want {
			t.Errorf("%s %q: body = %q; want %q", tt.kind, tt.in, body, tt.want)
		}
		if res.Converted != tt.converted {
			t.Errorf("%s %q: converted %d; want %d", tt.kind, tt.in, res.Converted, tt.converted)
		}
		var notes []string
		for _, n := range res.Notes {
			if n.Pos.Path == "hugo.toml" {
				continue // of the site, not of the body (the categories' lists)
			}
			if n.Done {
				n.What = "note: " + n.What
			}
			notes = append(notes, n.Pos.String()+": "+n.What)
		}
		if strings.Join(notes, "\n") != strings.Join(tt.notes, "\n") {
			t.Errorf("%s %q: notes\n%s\nwant\n%s", tt.kind, tt.in, strings.Join(notes, "\n"), strings.Join(tt.notes, "\n"))
		}
	}
}

// With Hugo's passthrough extension on, \[…\] and \(…\) are mathematics
// in the source, as in plotline: they stay.
func TestHugoPassthrough(t *testing.T) {
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("[markup.goldmark.extensions.passthrough]\nenable = true\n")},
		"content/posts/a.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\nSo \\(x\\) and\n\\[y\\]\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Files["content/posts/a.md"].Data)
	if want := "So \\(x\\) and\n\\[y\\]\n"; !strings.HasSuffix(got, "---\n"+want) {
		t.Errorf("body:\n%s\nwant it to end\n%s", got, want)
	}
}

// The default language's contentDir holds the site's pages; without
// defaultContentLanguage Hugo's default language is en.
func TestHugoContentDir(t *testing.T) {
	tests := []struct{ conf, want string }{
		{"[languages.en]\ncontentDir = 'content.en'\n[languages.zh]\ncontentDir = 'content.zh'\n", "content.en"},
		{"defaultContentLanguage = 'zh'\n[languages.en]\ncontentDir = 'content.en'\n[languages.zh]\ncontentDir = 'content.zh'\n", "content.zh"},
		{"[languages.fr]\ncontentDir = 'content/fr'\n", "content/fr"},
		{"contentDir = 'pages'\n[languages.en]\nweight = 1\n[languages.de]\ncontentDir = 'content/de'\n", "pages"},
		{"[[module.mounts]]\nsource = 'docs'\ntarget = 'content'\n", "docs"},
	}
	for _, tt := range tests {
		im := &importer{src: fstest.MapFS{"hugo.toml": {Data: []byte(tt.conf)}}}
		conf, err := im.readConfig("hugo.toml", true)
		if err != nil {
			t.Fatal(err)
		}
		if got := hugoContentDir(conf); got != tt.want {
			t.Errorf("hugoContentDir(%q) = %q; want %q", tt.conf, got, tt.want)
		}
	}
}

// Hugo publishes a Markdown file without front matter as a page, and
// reads front matter written as a JSON object; both are pages here too.
func TestHugoFrontMatter(t *testing.T) {
	src := fstest.MapFS{
		"hugo.toml":               {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/docs/hints.md":   {Data: []byte("\n# Hints and tips #\n\nCallouts.\n")},
		"content/posts/json.md":   {Data: []byte("{\n\t\"title\": \"J\",\n\t\"date\": \"2020-01-02\",\n\t\"tags\": [\"a\", \"b\"],\n\t\"link\": \"https:\\/\\/x.example\\/\"\n}\nBody {{< x >}}.\n")},
		"content/posts/inline.md": {Data: []byte("{\"title\": \"I\", \"date\": \"2020-01-03\"} Same line.\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"content/docs/hints.md":   "---\ntitle: Hints and tips\ntype: page\n---\n\nCallouts.\n",
		"content/posts/json.md":   "---\ntitle: J\ndate: \"2020-01-02\"\ntags: [a, b]\nparams:\n  link: \"https://x.example/\"\n---\nBody <!-- plotline import: {{< x >}} -->.\n",
		"content/posts/inline.md": "---\ntitle: I\ndate: \"2020-01-03\"\n---\n Same line.\n",
	} {
		f, ok := res.Files[name]
		if got := string(f.Data); !ok || got != want {
			t.Errorf("%s:\n%s\nwant\n%s", name, got, want)
		}
	}
	notes := noteLines(res.Notes)
	for _, want := range []string{"content/docs/hints.md:2:1: no title: titled \"Hints and tips\" from its first line, a heading, which the page now shows as its title", "content/posts/json.md:7:6: shortcode x"} {
		if !slices.Contains(notes, want) {
			t.Errorf("notes:\n%s\nwant among them\n%s", strings.Join(notes, "\n"), want)
		}
	}
}

// A Hugo config split over config/_default is read whole: each file sets
// the key it is named after.
func TestHugoConfigDir(t *testing.T) {
	src := fstest.MapFS{
		"config/_default/hugo.toml":       {Data: []byte("baseURL = 'https://old.example/'\ntitle = 'Old'\n")},
		"config/_default/params.toml":     {Data: []byte("mainSections = ['post']\n")},
		"config/_default/permalinks.yaml": {Data: []byte("post: /p/:slug/\n")},
		"config/_default/markup.toml":     {Data: []byte("[goldmark.renderer]\nunsafe = true\n")},
		"config/_default/_languages.toml": {Data: []byte("[fr]\ncontentDir = 'content/fr'\n")},
		"config/_default/menus.en.toml":   {Data: []byte("[[main]]\nname = 'x'\n")},
		"content/post/a.md":               {Data: []byte("---\ntitle: A\ndate: 2020-01-01\nslug: sa\n---\n<b>A</b>\n")},
		"content/about.md":                {Data: []byte("---\ntitle: About\ndate: 2020-01-01\n---\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"plotline.yaml":     "title: Old\nbase_url: https://old.example/\n# The source published the raw HTML of its pages; so does this site.\nunsafe_html: true\n",
		"content/post/a.md": "aliases:\n  - /p/sa/\n",
		"content/about.md":  "type: page\n",
	} {
		if got := string(res.Files[name].Data); !strings.Contains(got, want) {
			t.Errorf("%s:\n%s\nwant it to hold\n%s", name, got, want)
		}
	}
}

// Front matter the importer cannot read is noted where its mistake is.
func TestFrontMatterErrors(t *testing.T) {
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/y.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\nsummary: x: y\n---\nBody\n")},
		"content/posts/t.md": {Data: []byte("+++\ntitle = 'T'\ndate = 2020-01-01\ntags = [\"a\" \"b\"]\n+++\nBody\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, n := range res.Notes {
		if strings.Contains(n.What, "front matter") {
			notes = append(notes, n.Pos.String()+": "+n.What)
		}
	}
	want := []string{
		"content/posts/t.md:4:13: front matter could not be read (a comma is missing before \"b\"): written as it is",
		"content/posts/y.md:4:11: front matter could not be read (a value holding \": \" needs quotes: summary: \"x: y\"): written as it is",
	}
	slices.Sort(notes)
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}

// On a site published under a path, a link written with that path is to
// the page of the site, and one from the host's root outside it leads
// off the site, where it led before.
func TestBasePathLinks(t *testing.T) {
	for _, tc := range []struct {
		kind      Kind
		src       fstest.MapFS
		page      string
		want      string
		wantNotes []string
	}{
		{Jekyll, fstest.MapFS{
			"_config.yml":            {Data: []byte("url: https://h.example\nbaseurl: /mwe\n")},
			"_posts/2014-01-01-b.md": {Data: []byte("---\ntitle: B\n---\n")},
			"_posts/2014-01-02-a.md": {Data: []byte("---\ntitle: A\n---\n[x](/mwe/2014/01/01/b.html#h) [y](/2014/01/01/b.html) [z](/other/) [w](/mwe/other/) [v](/mwe)\n")},
		}, "content/posts/2014-01-02-a.md", "[x](/2014/01/01/b.html#h) [y](/2014/01/01/b.html) [z](https://h.example/other/) [w](https://h.example/mwe/other/) [v](/)\n", []string{
			"_posts/2014-01-02-a.md:4:59: note: link /other/ names nothing of this site: written as https://h.example/other/",
			"_posts/2014-01-02-a.md:4:72: note: link /mwe/other/ names nothing of this site: written as https://h.example/mwe/other/",
		}},
		{Hugo, fstest.MapFS{
			"hugo.toml":          {Data: []byte("baseURL = 'https://h.example/blog/'\n")},
			"content/posts/b.md": {Data: []byte("---\ntitle: B\ndate: 2020-01-01\n---\n")},
			"content/posts/a.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\n[x](/blog/posts/b/) [y](/posts/b/)\n")},
		}, "content/posts/a.md", "[x](/posts/b/) [y](/posts/b/)\n", nil},
	} {
		res, err := Import(tc.src, tc.kind, caseNow)
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := strings.Cut(string(res.Files[tc.page].Data)[4:], "---\n")
		if body != tc.want {
			t.Errorf("%s: body = %q; want %q", tc.kind, body, tc.want)
		}
		var notes []string
		for _, n := range res.Notes {
			if strings.Contains(n.What, "link") {
				notes = append(notes, n.Pos.String()+": note: "+n.What)
			}
		}
		if !slices.Equal(notes, tc.wantNotes) {
			t.Errorf("%s: notes\n%s\nwant\n%s", tc.kind, strings.Join(notes, "\n"), strings.Join(tc.wantNotes, "\n"))
		}
	}
}

// A section's page is published at its address as the folder's index.md,
// its text followed by a list of the section's pages in Hugo's order; a
// tag's page is copied with a note, as plotline makes the lists of tags,
// and a link to it is to plotline's list of the tag.
func TestSectionPages(t *testing.T) {
	src := fstest.MapFS{
		"hugo.toml":                      {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/docs/_index.md":         {Data: []byte("---\ntitle: Docs\ndate: 2020-01-01\n---\n## Start\nThe docs.\n\n")},
		"content/docs/sub/_index.md":     {Data: []byte("---\ntitle: Sub\ndate: 2020-01-01\n---\n")},
		"content/docs/sub/deep.md":       {Data: []byte("---\ntitle: Deep\ndate: 2020-01-01\n---\n")},
		"content/docs/bundle/index.md":   {Data: []byte("---\ntitle: \"[Bundle] *one*\"\ndate: 2020-02-01\n---\n")},
		"content/docs/draft.md":          {Data: []byte("---\ntitle: Draft\ndate: 2020-01-01\ndraft: true\n---\n")},
		"content/docs/b.md":              {Data: []byte("---\ntitle: B\ndate: 2020-01-01\nweight: 1\n---\n")},
		"content/tags/go-lang/_index.md": {Data: []byte("---\ntitle: Go\n---\n")},
		"content/docs/a.md":              {Data: []byte("---\ntitle: A\ndate: 2020-01-01\nweight: 2\ntags: [Go Lang]\n---\n[go](../tags/go-lang/_index.md) [docs](_index.md#start) [sub](sub/_index.md) [all]({{< ref \"tags\" >}}) [term]({{< ref \"tags/go-lang\" >}})\n")},
		"content/tags/_index.md":         {Data: []byte("---\ntitle: Tags\n---\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(res.Files["content/docs/a.md"].Data), "[go](/tags/go-lang/) [docs](/docs/#start) [sub](/docs/sub/) [all](/tags/) [term](/tags/go-lang/)\n"; !strings.HasSuffix(got, want) {
		t.Errorf("content/docs/a.md:\n%s\nwant it to end\n%s", got, want)
	}
	for file, want := range map[string]string{
		"content/docs/index.md":     "---\n## Start\nThe docs.\n\n- [B](<b.md>)\n- [A](<a.md>)\n- [&#91;Bundle&#93; \\*one\\*](<bundle/index.md>)\n- [Sub](<sub/index.md>)\n",
		"content/docs/sub/index.md": "---\n- [Deep](<deep.md>)\n",
	} {
		if got := string(res.Files[file].Data); !strings.HasSuffix(got, want) || !strings.Contains(got, "type: page\n") {
			t.Errorf("%s:\n%s\nwant type: page, and the end\n%s", file, got, want)
		}
	}
	notes := noteLines(res.Notes)
	want := []string{
		"content/docs/_index.md:1:1: a section page (_index): published at its address as a page, its text followed by a list of the section's pages as they are now (new pages do not join it)",
		"content/docs/sub/_index.md:1:1: a section page (_index): published at its address as a page, its text followed by a list of the section's pages as they are now (new pages do not join it)",
		"content/tags/_index.md:1:1: a page of the tags or categories (_index): plotline makes the lists of tags itself, and reads no such page: its text is written to tags/_index.txt, to move into an article",
		"content/tags/go-lang/_index.md:1:1: a page of the tags or categories (_index): plotline makes the lists of tags itself, and reads no such page: its text is written to tags/go-lang/_index.txt, to move into an article",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	if _, ok := res.Files["content/tags/go-lang/_index.txt"]; !ok {
		t.Error("content/tags/go-lang/_index.txt was not written")
	}
	if _, ok := res.Files["content/tags/go-lang/_index.md"]; ok {
		t.Error("content/tags/go-lang/_index.md was written, which the build warns at")
	}
	if _, ok := res.Files["content/docs/_index.md"]; ok {
		t.Error("content/docs/_index.md was copied beside its index.md")
	}
}

func TestLeadingHeading(t *testing.T) {
	for _, tc := range []struct {
		body, title, rest string
		at                int
	}{
		{"# Title\ntext\n", "Title", "text\n", 0},
		{"\n  \n# Title ##\n\ntext", "Title", "\ntext", 4},
		{"# C# and F#\n", "C# and F#", "", 0},
		{"# Title", "Title", "", 0},
		// Not a plain title, or not a level-one heading first: none.
		{"# The *best* way\n", "", "", 0},
		{"# [Link](x)\n", "", "", 0},
		{"## Two\n", "", "", 0},
		{"Text\n# Later\n", "", "", 0},
		{"#NoSpace\n", "", "", 0},
		{"    # code\n", "", "", 0},
		{"", "", "", 0},
	} {
		title, at, rest, ok := leadingHeading([]byte(tc.body))
		if ok != (tc.title != "") || title != tc.title || at != tc.at || string(rest) != tc.rest {
			t.Errorf("leadingHeading(%q) = %q, %d, %q, %v; want %q, %d, %q", tc.body, title, at, rest, ok, tc.title, tc.at, tc.rest)
		}
	}
}

// A link to a file of a page bundle at the page's old address (here under
// a url: of its own; on a site with its language in a subfolder, /en/…)
// is to the file at the page's new address, query and fragment kept; one
// to nothing of the site, on a site without a base URL, keeps its text.
func TestMovedBundleFiles(t *testing.T) {
	src := fstest.MapFS{
		"hugo.toml":                 {Data: []byte("baseURL = '/'\n")},
		"content/posts/b/index.md":  {Data: []byte("---\ntitle: B\ndate: 2020-01-01\nurl: /old/b/\n---\n")},
		"content/posts/b/img/x.png": {Data: []byte("png")},
		"content/posts/a.md":        {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\n![x](/old/b/img/x.png?width=100%) [gone](/old/b/img/y.png) [page](/old/b/)\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	// With no base URL, a link to nothing of the site keeps its text.
	want := "![x](/posts/b/img/x.png?width=100%) gone<!-- plotline import: (/old/b/img/y.png) --> [page](/old/b/)\n"
	if got := string(res.Files["content/posts/a.md"].Data); !strings.HasSuffix(got, want) {
		t.Errorf("content/posts/a.md:\n%s\nwant it to end\n%s", got, want)
	}
}

// A ref to a taxonomy's page in another language than the default, whose
// copy would be at /es/tags/, is to plotline's one list of all tags, or
// of the tag.
func TestRefToTaxonomy(t *testing.T) {
	src := fstest.MapFS{
		"hugo.toml":                      {Data: []byte("baseURL = 'https://old.example/'\ndefaultContentLanguage = 'en'\n[languages.en]\n[languages.es]\n")},
		"content/tags/_index.es.md":      {Data: []byte("---\ntitle: Etiquetas\n---\n")},
		"content/tags/go-lang/_index.md": {Data: []byte("---\ntitle: Go\n---\n")},
		"content/posts/a.es.md":          {Data: []byte("---\ntitle: A\ndate: 2020-01-01\ntags: [Go Lang]\n---\n[todas]({{< ref \"tags\" >}}) [go]({{< relref \"tags/go-lang\" >}})\n")},
		"content/posts/a.md":             {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\nA.\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(res.Files["content/es/posts/a.md"].Data), "[todas](/tags/) [go](/tags/go-lang/)\n"; !strings.HasSuffix(got, want) {
		t.Errorf("content/es/posts/a.md:\n%s\nwant it to end\n%s", got, want)
	}
}

func TestLanguageTag(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"en", "en"},
		{"zh-cn", "zh-CN"},
		{"en_US", "en-US"}, // Jekyll's locale
		{" pt-br ", "pt-BR"},
		{"English", ""}, // a name, not a tag
		{"en US", ""},
		{"", ""},
	} {
		if got := languageTag(tc.in); got != tc.want {
			t.Errorf("languageTag(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestAliasNotes checks that an old address that cannot be an alias is
// noted once, at the front-matter key that gives it: a url with "..",
// which is also the page's old address, was noted twice, and at line 1
// rather than at url.
func TestAliasNotes(t *testing.T) {
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/u.md": {Data: []byte("---\ntitle: U\ndate: 2020-01-01\nurl: /../x/\n---\nBody\n")},
		"content/posts/a.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\naliases: [/../y/, https://other.example/z/]\n---\nBody\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, n := range res.Notes {
		if strings.Contains(n.What, "alias") {
			notes = append(notes, n.Pos.String()+": "+n.What)
		}
	}
	want := []string{
		`content/posts/a.md:4:1: alias "/../y/" must not contain "..": left out`,
		`content/posts/a.md:4:1: alias "https://other.example/z/" is on another site: left out`,
		`content/posts/u.md:4:1: alias "/../x/" must not contain "..": left out`,
	}
	slices.Sort(notes)
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}

// TestLinksNotCopied checks that a symbolic link or a named pipe in the
// source, in content/ or static/ of a Hugo site or anywhere in a Jekyll
// site, is noted as not copied, where the import left it out without a
// word and counted nothing missing.
func TestLinksNotCopied(t *testing.T) {
	link := &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
	pipe := &fstest.MapFile{Mode: fs.ModeNamedPipe}
	for _, tc := range []struct {
		kind Kind
		src  fstest.MapFS
		want []string
	}{
		{Hugo, fstest.MapFS{
			"hugo.toml":             {Data: []byte("baseURL = 'https://old.example/'\n")},
			"content/posts/a.md":    {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\nBody\n")},
			"content/posts/leak.md": link,
			"static/passwd.txt":     link,
			"static/fifo":           pipe,
		}, []string{
			"content/posts/leak.md:1:1: a symbolic link, which the import does not follow: not copied (put a copy of what it leads to in its place)",
			"static/fifo:1:1: a named pipe, socket or device: not copied",
			"static/passwd.txt:1:1: a symbolic link, which the import does not follow: not copied (put a copy of what it leads to in its place)",
		}},
		{Jekyll, fstest.MapFS{
			"_config.yml":            {Data: []byte("title: x\n")},
			"_posts/2020-01-01-a.md": {Data: []byte("---\ntitle: A\n---\nBody\n")},
			"assets/passwd.txt":      link,
		}, []string{
			"assets/passwd.txt:1:1: a symbolic link, which the import does not follow: not copied (put a copy of what it leads to in its place)",
		}},
	} {
		res, err := Import(tc.src, tc.kind, caseNow)
		if err != nil {
			t.Fatal(err)
		}
		var notes []string
		for _, n := range res.Notes {
			if strings.Contains(n.What, "not copied") {
				notes = append(notes, n.Pos.String()+": "+n.What)
			}
		}
		slices.Sort(notes)
		if !slices.Equal(notes, tc.want) {
			t.Errorf("%v notes:\n%s\nwant\n%s", tc.kind, strings.Join(notes, "\n"), strings.Join(tc.want, "\n"))
		}
		if res.NotConverted() < len(tc.want) {
			t.Errorf("%v: %d not converted; want at least %d", tc.kind, res.NotConverted(), len(tc.want))
		}
	}
}

// TestUnprintableNotesBounded checks that a page full of characters a
// web page cannot show gets a note at each of the first ten and a count
// of the rest in the tenth, not a note each: finding each one's place
// from the top of the file made the import take time in the square of
// their number.
func TestUnprintableNotesBounded(t *testing.T) {
	body := strings.Repeat("a\x05", 30000)
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/a.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\n" + body)},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range res.Notes {
		if strings.Contains(n.What, "cannot be shown") {
			got = append(got, fmt.Sprintf("%d:%d: %s", n.Pos.Line, n.Pos.Col, n.What))
		}
	}
	if len(got) != 10 {
		t.Fatalf("%d notes of characters left out; want 10:\n%s", len(got), strings.Join(got, "\n"))
	}
	if want := "5:2: the character U+0005 cannot be shown in a web page: left out"; got[0] != want {
		t.Errorf("first note %q; want %q", got[0], want)
	}
	if want := "5:20: the character U+0005 cannot be shown in a web page: left out (and 29990 more such characters of this page)"; got[9] != want {
		t.Errorf("tenth note %q; want %q", got[9], want)
	}
}

// TestIncludesBounded checks that includes that take each other in many
// times stop at maxIncludes a page, each left out with a note, where
// their number grew as a power of how often each names the next: an
// include that names itself on 60 lines made 13 million copies of it, an
// import that ran for hours. Here 12 a level make 1,885 without the
// bound; a Hugo snippet that shows another, which shows the first, is
// bounded alike.
func TestIncludesBounded(t *testing.T) {
	hugoShortcode := "{{ with .Get 0 }}{{ with site.GetPage . }}{{ .RenderShortcodes }}{{ end }}{{ end }}\n"
	for _, tc := range []struct {
		name string
		kind Kind
		src  fstest.MapFS
		at   string // the file of a note that an include was left out
	}{
		{"jekyll", Jekyll, fstest.MapFS{
			"_config.yml":            {Data: []byte("title: x\n")},
			"_includes/a.md":         {Data: []byte("a {{ page.title }}\n" + strings.Repeat("{% include a.md %}\n", 12))},
			"_posts/2020-01-01-p.md": {Data: []byte("---\ntitle: P\n---\n{% include a.md %}\n")},
			"_posts/2020-01-02-q.md": {Data: []byte("---\ntitle: Q\n---\n{% include a.md %}\n")},
		}, "_includes/a.md"},
		{"hugo", Hugo, fstest.MapFS{
			"hugo.toml":                        {Data: []byte("baseURL = 'https://old.example/'\n")},
			"layouts/_shortcodes/include.html": {Data: []byte(hugoShortcode)},
			"content/snip/a.md":                {Data: []byte("---\ntitle: A\n---\n" + strings.Repeat("{{% include \"/snip/b\" %}}\n", 12))},
			"content/snip/b.md":                {Data: []byte("---\ntitle: B\n---\n" + strings.Repeat("{{% include \"/snip/a\" %}}\n", 12))},
			"content/posts/p.md":               {Data: []byte("---\ntitle: P\ndate: 2020-01-01\n---\n{{% include \"/snip/a\" %}}\n")},
		}, "content/snip/a.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Import(tc.src, tc.kind, caseNow)
			if err != nil {
				t.Fatal(err)
			}
			// Each page takes in maxIncludes; the snippets of the Hugo
			// site, pages themselves, take in theirs too.
			if limit := res.Pages * maxIncludes; res.Converted > limit {
				t.Errorf("converted %d includes in %d pages; want at most %d", res.Converted, res.Pages, limit)
			}
			left := 0
			for _, n := range res.Notes {
				if n.Pos.Path == tc.at && strings.HasSuffix(n.What, tooMuchIncluded) {
					left++
				}
			}
			if left == 0 {
				t.Errorf("no note at %s of an include left out: %s", tc.at, tooMuchIncluded)
			}
		})
	}
}

// TestImportIncludesBounded checks that the includes taken into all
// the pages of an import together are bounded, not only those of each
// page: a site of tiny pages, each of which took in an include of 8 KB
// 961 times, made a page of 7.5 MB each, gigabytes for a thousand. Past
// the bound (lowered here), the includes are left with a note that names
// it and the page where it was reached.
func TestImportIncludesBounded(t *testing.T) {
	defer func(n int) { maxImportIncludedBytes = n }(maxImportIncludedBytes)
	maxImportIncludedBytes = 200_000
	src := fstest.MapFS{
		"_config.yml":      {Data: []byte("title: x\n")},
		"_includes/big.md": {Data: []byte(strings.Repeat("Some text of eight bytes. ", 300) + "\n")},
		"_includes/x.md":   {Data: []byte(strings.Repeat("{% include big.md %}\n", 31))},
	}
	for k := range 10 {
		src[fmt.Sprintf("_posts/2020-01-%02d-p.md", k+1)] = &fstest.MapFile{Data: []byte("---\ntitle: P\n---\n" + strings.Repeat("{% include x.md %}\n", 3))}
	}
	res, err := Import(src, Jekyll, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for name, f := range res.Files {
		if strings.HasPrefix(name, "content/posts/") {
			total += len(f.Data)
		}
	}
	if total > maxImportIncludedBytes+100_000 {
		t.Errorf("the pages are %d bytes together; want at most the bound, %d, and their own text", total, maxImportIncludedBytes)
	}
	want := tooMuchIncludedInAll + " (reached at _posts/2020-01-01-p.md)"
	left := 0
	for _, n := range res.Notes {
		if strings.HasSuffix(n.What, want) {
			left++
		}
	}
	if left == 0 {
		t.Errorf("no note of an include left out: %s\nnotes:\n%s", want, strings.Join(noteLines(res.Notes), "\n"))
	}
}

// TestWriteStaysInside checks that Write refuses a file of the result
// whose name leads out of the new site, before it writes anything:
// such a name, made of a language a hostile config named, was written
// where it led, replacing what was there.
func TestWriteStaysInside(t *testing.T) {
	for _, name := range []string{"content/../../x/p.md", "../x.md", "/tmp/x.md", `content\..\..\x.md`} {
		dir := t.TempDir()
		dest := filepath.Join(dir, "site", "new")
		res := &Result{Files: map[string]File{
			"content/a.md": {Data: []byte("a")},
			name:           {Data: []byte("x")},
		}}
		err := res.Write(context.Background(), nil, dest)
		if err == nil || !strings.Contains(err.Error(), "is not a path inside the new site") {
			t.Errorf("Write of %q: %v; want an error that it is not a path inside the new site", name, err)
		}
		var written []string
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				written = append(written, p)
			}
			return nil
		})
		if len(written) > 0 {
			t.Errorf("Write of %q wrote %v; want nothing", name, written)
		}
	}
}

// TestWriteLeavesNothingOnFailure checks that a Write that fails part of
// the way (a source file gone), or is cancelled, leaves the folder as it
// was, absent or empty, and nothing beside it: it left a half-written
// site, which the next import refused as not empty. A Write into an
// empty folder that succeeds puts the site there.
func TestWriteLeavesNothingOnFailure(t *testing.T) {
	files := map[string]File{
		"content/a.md":   {Data: []byte("a")},
		"content/b.png":  {Src: "static/b.png"},
		"content/c.md":   {Data: []byte("c")},
		"plotline.yaml":  {Data: []byte("title: x\n")},
		"content/z/d.md": {Data: []byte("d")},
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name  string
		ctx   context.Context
		src   fstest.MapFS
		empty bool // dest is an empty folder to begin with
	}{
		{"source file gone", context.Background(), fstest.MapFS{}, false},
		{"source file gone, empty folder", context.Background(), fstest.MapFS{}, true},
		{"cancelled", cancelled, fstest.MapFS{"static/b.png": {Data: []byte("png")}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			dest := filepath.Join(dir, "new")
			if tc.empty {
				if err := os.Mkdir(dest, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			res := &Result{Files: files}
			if err := res.Write(tc.ctx, tc.src, dest); err == nil {
				t.Fatal("Write: no error")
			}
			var left []string
			_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if p != dir && !(tc.empty && p == dest) {
					left = append(left, p)
				}
				return nil
			})
			if len(left) > 0 {
				t.Errorf("a failed Write left %v", left)
			}
		})
	}
	// A folder that a killed import left is named (it is hidden), and
	// left: it may be another import's, running.
	dest := filepath.Join(t.TempDir(), "new")
	left := filepath.Join(dest, ".plotline-import-12345")
	if err := os.MkdirAll(filepath.Join(left, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	res := &Result{Files: files}
	err := res.Write(context.Background(), fstest.MapFS{}, dest)
	if want := dest + " exists and is not empty: import into a new folder (it holds .plotline-import-12345, what an import that was stopped wrote: remove it)"; err == nil || err.Error() != want {
		t.Errorf("Write beside a stopped import's folder: %v; want %s", err, want)
	}
	if err := os.RemoveAll(left); err != nil {
		t.Fatal(err)
	}
	if err := res.Write(context.Background(), fstest.MapFS{"static/b.png": {Data: []byte("png")}}, dest); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "content", "b.png")); err != nil || string(b) != "png" {
		t.Errorf("content/b.png = %q, %v; want png", b, err)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"content", "plotline.yaml"}; !slices.Equal(names, want) {
		t.Errorf("the new site's folder holds %v; want %v", names, want)
	}
}

// TestTOMLTooDeep checks that TOML nested deeper than any real config or
// front matter is refused before the TOML decoder reads it: two million
// arrays deep, a Hugo config or a page's front matter ended the import
// with a stack overflow after 17 to 30 s. Here 1,000 deep, which the
// decoder reads, are refused at their line alike.
func TestTOMLTooDeep(t *testing.T) {
	deep := "x = " + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + "\n"
	_, err := Import(fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n" + deep)},
		"content/posts/a.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\nBody\n")},
	}, Hugo, caseNow)
	if want := "hugo.toml:2:1: nested more than 100 levels deep"; err == nil || err.Error() != want {
		t.Errorf("Import of a config nested 1000 deep: %v; want %s", err, want)
	}
	res, err := Import(fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/a.md": {Data: []byte("+++\ntitle = \"A\"\ndate = 2020-01-01\n" + deep + "+++\nBody\n")},
	}, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	want := "content/posts/a.md:4:1: front matter could not be read (nested more than 100 levels deep): written as it is"
	notes := noteLines(res.Notes)
	if !slices.Contains(notes, want) {
		t.Errorf("notes:\n%s\nwant among them\n%s", strings.Join(notes, "\n"), want)
	}
}

// TestHostileMarkdownNotRead checks that a page whose Markdown plotline
// build refuses to read (nested 100,000 deep, brackets goldmark reads
// over and over) is written as it is, with a note at the place the build
// will name, and is not read by goldmark: the two pages below took the
// import 23 s, each as long as the build refuses to take. A page of more
// than 8 MB is not imported, with a note; the import kept its text, and
// those of 100 MB would have taken gigabytes.
func TestHostileMarkdownNotRead(t *testing.T) {
	head := "---\ntitle: A\ndate: 2020-01-01\n---\n"
	quotes := head + strings.Repeat(">", 100000) + " deep\n"
	links := head + "Text.\n\n" + strings.Repeat("[a](", 20000) + "\n"
	large := head + strings.Repeat("A line of an article that goes on.\n", 9<<20/35)
	res, err := Import(fstest.MapFS{
		"hugo.toml":               {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/quotes.md": {Data: []byte(quotes)},
		"content/posts/links.md":  {Data: []byte(links)},
		"content/posts/large.md":  {Data: []byte(large)},
	}, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	notes := noteLines(res.Notes)
	for _, want := range []string{
		"content/posts/quotes.md:5:101: block quotes and lists nest more than 100 deep here, counting their markers and indentation: plotline refuses Markdown this deep: written as it is, not converted",
		"content/posts/links.md:7:3431: too many [ and ] of links in this paragraph, or a link address thousands of characters long without a space: plotline refuses Markdown that would take seconds to read (write \\[ and \\] for brackets, or break the paragraph up): written as it is, not converted",
		"content/posts/large.md: file is 9.0 MB, more than the 8 MB plotline reads, for an article: not imported (split it into pages)",
	} {
		if !slices.Contains(notes, want) {
			t.Errorf("notes:\n%s\nwant among them\n%s", strings.Join(notes, "\n"), want)
		}
	}
	got := string(res.Files["content/posts/quotes.md"].Data)
	if !strings.HasSuffix(got, "---\n"+strings.Repeat(">", 100000)+" deep\n") {
		t.Errorf("content/posts/quotes.md ends %q; want its text as it was", got[max(0, len(got)-40):])
	}
	// A Jekyll collection's document of that size too, which was
	// imported and written unconverted.
	res, err = Import(fstest.MapFS{
		"_config.yml":      {Data: []byte("url: https://old.example\ncollections:\n  guides:\n    output: true\n")},
		"_guides/large.md": {Data: []byte(large)},
	}, Jekyll, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	if want := "_guides/large.md: file is 9.0 MB, more than the 8 MB plotline reads, for an article: not imported (split it into pages)"; !slices.Contains(noteLines(res.Notes), want) {
		t.Errorf("notes:\n%s\nwant among them\n%s", strings.Join(noteLines(res.Notes), "\n"), want)
	}
	if _, ok := res.Files["content/guides/large.md"]; ok {
		t.Errorf("the collection's document of 9 MB was imported")
	}
}

// TestConvertedPageBounded checks that a page whose conversion grows past
// the 8 MB plotline reads of a page, a long value of the config shown
// many times, is written as it is with a note at the end of the use
// that passes it (the 84th of 100,000 bytes, line 87): 2,000 uses of a value of
// 1 MB made a page of 2 GB, in a minute and 4 GB of memory.
func TestConvertedPageBounded(t *testing.T) {
	res, err := Import(fstest.MapFS{
		"_config.yml":            {Data: []byte("title: T\nbig: \"" + strings.Repeat("a", 100_000) + "\"\n")},
		"_posts/2020-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n" + strings.Repeat("{{ site.big }}\n", 200))},
	}, Jekyll, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	got := res.Files["content/posts/2020-01-01-a.md"].Data
	if len(got) > 1<<20 {
		t.Errorf("the page is %d bytes; want it written as it is", len(got))
	}
	want := "_posts/2020-01-01-a.md:87:15: converted, the page has passed 8 MB by here, the most plotline reads of a page (a long value of the config, the data or the front matter, shown many times?): written as it is, not converted"
	notes := noteLines(res.Notes)
	if !slices.Contains(notes, want) {
		t.Errorf("notes:\n%s\nwant among them\n%s", strings.Join(notes, "\n"), want)
	}
}

// TestShortcodeEnds checks that the end tags matched once a body, in
// one pass, are those a search from each start tag finds, on bodies of
// random tags: nested, unclosed, closed twice, self-closing, of both
// forms and two names, with text and tags inside others' quotes.
func TestShortcodeEnds(t *testing.T) {
	parts := []string{"{{< a >}}", "{{< /a >}}", "{{% a %}}", "{{% /a %}}", "{{< b >}}", "{{< /b >}}", "{{< a />}}",
		"{{< a \"{{< /a >}}\" >}}", "text ", "\n", "{{", "{{< x"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		body := []byte(b.String())
		c := &converter{body: body}
		for i := 0; i < len(body); i++ {
			tg, ok := c.shortcodeTag(i)
			if !ok || tg.closing {
				continue
			}
			if got, want := c.shortcodeEnd(tg), c.scanEnd(tg); got != want {
				t.Fatalf("in %q, the end of the tag at %d is %d; a search from it finds %d", body, i, got, want)
			}
		}
	}
}

// TestUnclosedShortcodes checks that a page of 20,000 block shortcodes
// without end tags is imported in time linear in their number: each
// looked for its end tag to the end of the page, which took a minute.
func TestUnclosedShortcodes(t *testing.T) {
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/a.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\n" + strings.Repeat("{{< details summary=\"x\" >}}\n", 20000))},
	}
	importWithin(t, src, Hugo, "the import of 20,000 unclosed shortcodes")
}

// TestHTMLEndTags checks that the end tags of HTML elements matched once
// a body, in one pass, are those a search from each start tag finds, on
// bodies of random tags: nested, unclosed, closed twice, self-closing,
// in other cases, with a "<" in an attribute, and in code.
func TestHTMLEndTags(t *testing.T) {
	parts := []string{"<div markdown=\"1\">", "</div>", "<DIV>", "</Div >", "<div/>", "<div title=\"<div>\">",
		"<divx>", "</div", "text ", "\n", "`<div>`", "<span>", "</span>"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		body := []byte(b.String())
		c := &converter{im: &importer{code: newCodeParser()}, body: body}
		c.code, c.html = codeSpans(c.im.code, body)
		for i := range body {
			m := startTagRE.FindSubmatchIndex(body[i:min(len(body), i+4000)])
			if m == nil || c.inCode(i) {
				continue
			}
			name := string(body[i+m[2] : i+m[3]])
			if got, want := c.endTag(name, i+m[1]), c.scanEndTag(name, i+m[1]); got != want {
				t.Fatalf("in %q, the end of the <%s> at %d is %d; a search from it finds %d", body, name, i, got, want)
			}
		}
	}
}

// TestUnclosedBlocks checks that a page of 20,000 Liquid highlight tags,
// or kramdown's <div markdown="1">, or 80,000 Liquid comments, without
// end tags is imported in time linear in their number: each looked for
// its end tag to the end of the page, which took 37 s, more than 100 s
// and 32 s.
func TestUnclosedBlocks(t *testing.T) {
	for _, tc := range []struct {
		line string
		n    int
	}{{"{% highlight go %}\n", 20000}, {"<div markdown=\"1\">\n\n", 20000}, {"{% comment %}\n", 80000}} {
		line := tc.line
		src := fstest.MapFS{
			"_config.yml":            {Data: []byte("title: x\n")},
			"_posts/2020-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n" + strings.Repeat(line, tc.n))},
		}
		importWithin(t, src, Jekyll, fmt.Sprintf("the import of 20,000 lines %q", line))
	}
}

// TestManyMendedFragments checks that 50,000 links to fragments their
// page lacks are mended in one pass over the page: each rewrote the whole
// page, 22 s. Each is written without its fragment, as before.
func TestManyMendedFragments(t *testing.T) {
	var a strings.Builder
	for i := range 50000 {
		fmt.Fprintf(&a, "[x](/posts/b/#f%d)\n\n", i)
	}
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/a.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\n---\n" + a.String())},
		"content/posts/b.md": {Data: []byte("---\ntitle: B\ndate: 2020-01-01\n---\n## Only\n")},
	}
	res := importWithin(t, src, Hugo, "mending 50,000 links")
	got := string(res.Files["content/posts/a.md"].Data)
	if n := strings.Count(got, "[x](/posts/b/)"); n != 50000 || strings.Contains(got, "#f") {
		t.Errorf("%d links written without their fragment; want all 50000 of them", n)
	}
}

// TestConverterPos checks the places pos gives, each from the last one
// asked for, against diag.At's from the top of the file, in text with a
// byte-order mark, line ends of both kinds and letters of several bytes.
func TestConverterPos(t *testing.T) {
	src := []byte("\ufeff---\ntitle: é\n---\nab€\r\nc\n\n𝄞x y\nlast")
	p := &page{src: "content/a.md", source: src, bodyOff: 4, body: src[4:]}
	rng := rand.New(rand.NewPCG(5, 6))
	c := &converter{p: p, body: p.body}
	for range 5000 {
		off := rng.IntN(len(p.body) + 1)
		if got, want := c.pos(off), diag.At(p.src, src, p.bodyOff+off); got != want {
			t.Fatalf("pos(%d) = %v; want %v", off, got, want)
		}
	}
}

// TestNotesOnOneLine checks that a page of one line with 50,000 tags the
// importer notes is imported in time linear in its length: each note's
// place was counted from the top of the file, and each tag read the
// page's text written so far back to its line's start, more than a
// minute.
func TestNotesOnOneLine(t *testing.T) {
	src := fstest.MapFS{
		"_config.yml":            {Data: []byte("title: x\nurl: https://ex.org\n")},
		"_posts/2024-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n" + strings.Repeat("{% link nothere.md %} ", 50000))},
	}
	res := importWithin(t, src, Jekyll, "the import of 50,000 tags on one line")
	if res.NotConverted() == 0 {
		t.Error("no note of the links to no page")
	}
}

// TestAutoIDsBounded checks that a page reads maxAutoIDs {:auto_ids} at
// most, and notes the one past them: each reads its definition list to
// its end, and lists that run into one another made 20,000 of them take
// more than 30 s. The terms of the lists read get their ids.
func TestAutoIDsBounded(t *testing.T) {
	var b strings.Builder
	for i := range maxAutoIDs + 1 {
		fmt.Fprintf(&b, "{:auto_ids}\nTerm %d\n: def\n\n", i)
	}
	res, err := Import(fstest.MapFS{
		"_config.yml":            {Data: []byte("title: x\n")},
		"_posts/2024-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n" + b.String())},
	}, Jekyll, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	// The 101st is on line 4 + 4 × 100.
	want := "_posts/2024-01-01-a.md:404:1: more than 100 {:auto_ids} on the page: from here on, the terms of definition lists get no ids (add them by hand where links need them)"
	notes := noteLines(res.Notes)
	if !slices.Contains(notes, want) {
		t.Errorf("no note %q", want)
	}
	if got := string(res.Files["content/posts/2024-01-01-a.md"].Data); !strings.Contains(got, `<a id="term-0"></a>Term 0`) {
		t.Errorf("the first term has no id:\n%.300s", got)
	}
}

// countingFS counts the reads of each folder of a MapFS.
type countingFS struct {
	fstest.MapFS
	reads map[string]int
}

func (c countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.reads[name]++
	return c.MapFS.ReadDir(name)
}

// TestFolderOfManyPages checks that a folder of many pages is read a few
// times, not once for each of its files: whether it is a leaf bundle was
// asked of each Markdown file, and a folder of 5,000 posts took 56 s to
// import.
func TestFolderOfManyPages(t *testing.T) {
	src := countingFS{fstest.MapFS{"hugo.toml": {Data: []byte("baseURL = 'https://old.example/'\n")}}, map[string]int{}}
	for i := range 2000 {
		src.MapFS[fmt.Sprintf("content/posts/p%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: P%d\ndate: 2024-01-01\n---\nText.\n", i))}
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 2000 {
		t.Errorf("imported %d pages; want the 2000", res.Pages)
	}
	if n := src.reads["content/posts"]; n > 5 {
		t.Errorf("content/posts was read %d times; want a few", n)
	}
}

// noteLines returns each of notes as "path:line:col: what".
func noteLines(notes []Note) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.Pos.String()+": "+n.What)
	}
	return out
}

// importWithin imports src, and fails the test when the import returns
// an error or still runs after 20 s; what names the import then.
func importWithin(t *testing.T, src fs.FS, k Kind, what string) *Result {
	t.Helper()
	type result struct {
		res *Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := Import(src, k, caseNow)
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.res
	case <-time.After(20 * time.Second):
		t.Fatalf("%s still runs after 20 s", what)
	}
	return nil
}

// TestManyConfigAndDataKeys imports a Jekyll site whose _config.yml and
// data file each hold 150,000 keys, one of them given twice: each is read
// a key at a time, and the values shown on a page are the last of their
// keys, as Jekyll reads them, where yaml.v3 compared each key of the
// config with every other, 25 s of CPU for 50,000 keys (a config of 489
// KB), and refused a data file with a key given twice.
func TestManyConfigAndDataKeys(t *testing.T) {
	keys := func(first string) []byte {
		var b strings.Builder
		b.WriteString("k0: " + first + "\n")
		for i := range 150_000 {
			fmt.Fprintf(&b, "k%d: v%d\n", i, i)
		}
		return []byte(b.String())
	}
	src := fstest.MapFS{
		"_config.yml":            {Data: keys("first")},
		"_data/big.yml":          {Data: keys("first")},
		"_posts/2024-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n{{ site.k0 }} {{ site.k149999 }} {{ site.data.big.k0 }} {{ site.data.big.k149999 }}\n")},
	}
	res := importWithin(t, src, Jekyll, "the import of 150,000 keys")
	if got := string(res.Files["content/posts/2024-01-01-a.md"].Data); !strings.Contains(got, "\nv0 v149999 v0 v149999\n") {
		t.Errorf("the page shows:\n%s\nwant the last value of each key", got)
	}
	for _, want := range []string{`_config.yml:1:1: key "k0" is given again at line 2`, `_data/big.yml:1:1: key "k0" is given again at line 2`} {
		if !slices.ContainsFunc(noteLines(res.Notes), func(n string) bool { return strings.HasPrefix(n, want) }) {
			t.Errorf("notes %q; want one starting %q", noteLines(res.Notes), want)
		}
	}
}

// TestTermPagesListedOnce checks that the lists of a Hugo site's term
// pages (content/authors/aN/_index.md) are made from one reading of the
// pages' terms: each term's page read every page's terms again, so that
// 1,000 authors over 4,000 posts took 14 s of CPU. The bytes listSections
// allocates for a term's page stay the same as the site grows tenfold.
func TestTermPagesListedOnce(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	perTerm := func(posts int) float64 {
		terms := posts / 4
		src := fstest.MapFS{"hugo.toml": {Data: []byte("[taxonomies]\nauthor = 'authors'\n")}}
		for i := range terms {
			src[fmt.Sprintf("content/authors/a%d/_index.md", i)] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n")}
		}
		for i := range posts {
			src[fmt.Sprintf("content/posts/p%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
				"---\ntitle: P%d\ndate: 2024-01-01\nauthors: [a%d, a%d, A%d]\n---\n", i, i%terms, (i+1)%terms, i%terms)}
		}
		im := &importer{src: src, kind: Hugo, now: caseNow, res: &Result{Files: map[string]File{}}, code: newCodeParser()}
		if err := im.hugo(); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		im.listSections()
		runtime.ReadMemStats(&after)
		for _, p := range im.pages {
			// a0 is named by every posts/4th post from p0 (p0 twice, as
			// a0 and A0) and by the post before each: eight posts.
			if p.src == "content/authors/a0/_index.md" && strings.Count(string(p.converted), "- [P") != 8 {
				t.Fatalf("a0's page lists:\n%s\nwant its eight posts", p.converted)
			}
		}
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(terms)
	}
	few, many := perTerm(400), perTerm(4000)
	if many > 2*few {
		t.Errorf("listing the pages of 1,000 terms allocates %.0f bytes a term, of 100 %.0f; want about the same", many, few)
	}
}

// TestLinksAmongManyDrafts checks that a link is told from one to a
// draft without a look at every page: each link looked for a draft of
// its address among all the pages, so that 10,000 pages of 50 links each
// took 25 s of CPU. The bytes the import allocates for a link stay the
// same with twenty times as many drafts, and a link to one of them is
// still unlinked.
func TestLinksAmongManyDrafts(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	perLink := func(drafts int) float64 {
		alloc := func(links int) uint64 {
			src := fstest.MapFS{"hugo.toml": {Data: []byte("title = 'T'\n")}}
			for i := range drafts {
				// Names longer than 32 bytes: the old search allocated for
				// each draft it compared a link with.
				src[fmt.Sprintf("content/drafts/a-draft-with-a-long-name-%d.md", i)] = &fstest.MapFile{Data: []byte("---\ntitle: D\ndate: 2024-01-01\ndraft: true\n---\n")}
			}
			src["content/posts/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\ndate: 2024-01-01\n---\n")}
			src["content/posts/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2024-01-01\n---\n[d](/drafts/a-draft-with-a-long-name-0/)" + strings.Repeat(" [b](/posts/b/)", links) + "\n")}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			res, err := Import(src, Hugo, caseNow)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(res.Files["content/posts/a.md"].Data); !strings.Contains(got, "\nd<!-- plotline import: (/drafts/a-draft-with-a-long-name-0/) --> [b](/posts/b/)") {
				t.Fatalf("the link to a draft is kept, or the others are not:\n%.300s", got)
			}
			return after.TotalAlloc - before.TotalAlloc
		}
		return float64(alloc(1001)-alloc(1)) / 1000
	}
	few, many := perLink(100), perLink(2000)
	if many > 2*few {
		t.Errorf("a link among 2,000 drafts allocates %.0f bytes, among 100 %.0f; want about the same", many, few)
	}
}

// TestManyParams checks that a page of 150,000 front-matter keys that
// plotline does not read (2 MB) is imported with each under params:,
// once: each key was looked for among those already under params:, and
// 200,000 took more than ten minutes. A key given both under params:
// and at the top is given once, the first.
func TestManyParams(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: A\ndate: 2024-01-01\nparams:\n  k0: first\n")
	for i := range 150_000 {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	b.WriteString("---\nText.\n")
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("title = 'T'\n")},
		"content/posts/a.md": {Data: []byte(b.String())},
	}
	got := string(importWithin(t, src, Hugo, "the import of 150,000 keys").Files["content/posts/a.md"].Data)
	if !strings.Contains(got, "\n  k0: first\n  k1: v\n") || strings.Count(got, "k0:") != 1 || !strings.Contains(got, "\n  k149999: v\n") {
		t.Errorf("the keys are not each under params once:\n%.300s", got)
	}
}

// TestRedirectChain checks that a chain of Jekyll pages each published
// as a redirect to the next is followed once: every page of the chain
// followed it to its end, so that 20,000 took 66 s of CPU. The first
// page's old address is an alias of the last page, as before.
func TestRedirectChain(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	perPage := func(n int) float64 {
		src := fstest.MapFS{"_config.yml": {Data: []byte("title: T\nplugins: [jekyll-redirect-from]\n")}}
		for i := range n {
			to := ""
			if i < n-1 {
				to = fmt.Sprintf("redirect_to: /p%d/\n", i+1)
			}
			src[fmt.Sprintf("p%d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: P%d\ndate: 2024-01-01\npermalink: /p%d/\n%s---\nText.\n", i, i, to)}
		}
		im := &importer{src: src, kind: Jekyll, now: caseNow, res: &Result{Files: map[string]File{}}, code: newCodeParser()}
		if err := im.jekyll(); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		im.redirects(map[string]string{})
		runtime.ReadMemStats(&after)
		last := fmt.Sprintf("p%d.md", n-1)
		for _, p := range im.pages {
			if p.src == last && (len(p.fallbacks) != n-1 || p.fallbacks[0] != "/p0/") {
				t.Fatalf("%s has the old addresses %.5q…; want the %d of the chain, /p0/ first", last, p.fallbacks, n-1)
			}
		}
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
	}
	few, many := perPage(200), perPage(2000)
	if many > 2*few {
		t.Errorf("a page of a chain of 2,000 redirects allocates %.0f bytes, of 200 %.0f; want about the same", many, few)
	}
}

// TestAliasesBounded checks that a page of more old addresses than a build
// accepts keeps the first content.MaxAliases of them and notes the rest at
// its aliases key: an import of 1,005 wrote them all, and its first build
// failed.
func TestAliasesBounded(t *testing.T) {
	var list strings.Builder
	for i := range content.MaxAliases + 5 {
		fmt.Fprintf(&list, "  - /old/%d/\n", i)
	}
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/a.md": {Data: []byte("---\ntitle: A\ndate: 2020-01-01\naliases:\n" + list.String() + "---\nBody\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	page := string(res.Files["content/posts/a.md"].Data)
	if n := strings.Count(page, "/old/"); n != content.MaxAliases || !strings.Contains(page, "/old/999/") || strings.Contains(page, "/old/1000/") {
		t.Errorf("the page has %d aliases; want the first %d", n, content.MaxAliases)
	}
	want := "content/posts/a.md:4:1: 5 old addresses past the first 1000 left out: a page has at most 1000 aliases, each a page of its own (add back those that links and bookmarks still use, in place of others)"
	var found bool
	for _, n := range res.Notes {
		found = found || n.Pos.String()+": "+n.What == want
	}
	if !found {
		t.Errorf("no note %q", want)
	}
}

// TestBlockStarts checks the readers of what starts a block in the
// output: startsBlock, for the text of a link that loses its brackets,
// and blockStart, for where a paragraph's anchor goes. A number before
// ". " is a list's only with nine digits at most, as CommonMark reads it.
func TestBlockStarts(t *testing.T) {
	for _, tc := range []struct {
		out  string
		want bool
	}{
		{"[", true}, {"[# Title", true}, {"[#Title", false}, {"[- x", true}, {"[---", true},
		{"[_", false}, {"[_ _ _", true}, {"[1. Setup", true}, {"[123456789) x", true},
		{"[1234567890. x", false}, {"[: a definition", true}, {"[<div>", true}, {"[| a |", true},
		{"[x", false}, {"> [> x", true}, {"a [# x", false},
	} {
		if got := startsBlock([]byte(tc.out), strings.LastIndexByte(tc.out, '[')); got != tc.want {
			t.Errorf("startsBlock(%q) = %v, want %v", tc.out, got, tc.want)
		}
	}
	for out, want := range map[string]int{
		"text\n": 0, "> 12. text\n": 6, "  - > * text\n": 8, "123456789. text\n": 11,
		"1234567890. text\n": 0, "# H\n\n- a\n  b\n": 7,
	} {
		if got := blockStart([]byte(out)); got != want {
			t.Errorf("blockStart(%q) = %d, want %d", out, got, want)
		}
	}
}

// lockedFS is a MapFS whose folder locked cannot be read.
type lockedFS struct {
	fstest.MapFS
	locked string
}

func (l lockedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == l.locked {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return l.MapFS.ReadDir(name)
}

// TestStaticUnreadable checks that a folder of a Hugo site's static/
// that cannot be read is noted, as one of its content/ is, and the rest
// of static/ copied.
func TestStaticUnreadable(t *testing.T) {
	src := lockedFS{fstest.MapFS{
		"hugo.toml":              {Data: []byte("title = 'T'\n")},
		"content/a.md":           {Data: []byte("---\ntitle: A\ndate: 2024-01-01\n---\nText.\n")},
		"static/css/site.css":    {Data: []byte("body {}\n")},
		"static/private/key.txt": {Data: []byte("x\n")},
	}, "static/private"}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Files["content/css/site.css"]; !ok {
		t.Error("static/css/site.css was not copied")
	}
	if !slices.ContainsFunc(res.Notes, func(n Note) bool { return n.Pos.Path == "static/private" && !n.Done }) {
		t.Errorf("no note of static/private, which cannot be read: %v", res.Notes)
	}
}

// TestAstralFrontMatter checks that front matter with characters above
// U+FFFF is written with the characters themselves and reads back, with
// yaml.v3, as the values the source gave: an emoji in a value and in a
// key, a text holding a backslash and a U as typed, a control character
// beside an emoji; and that yamlString does the same.
func TestAstralFrontMatter(t *testing.T) {
	fm := "title: \"Launch day 🚀\"\ndate: 2020-01-01\ntags: [\"🎉 party\", x]\n" +
		"description: \"Typed \\\\U0001F680 with 🚀, a bell \\a, and 😀\"\n" +
		"\"🎉key\": \"\U0001F389 \\U0001F389\"\nother: 'single \\U0001F600 text 𝔸'\n"
	src := fstest.MapFS{
		"hugo.toml":          {Data: []byte("baseURL = 'https://old.example/'\n")},
		"content/posts/a.md": {Data: []byte("---\n" + fm + "---\nText.\n")},
	}
	res, err := Import(src, Hugo, caseNow)
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Files["content/posts/a.md"].Data)
	if strings.Contains(got, `\U0001F680 with`) && !strings.Contains(got, `\\U0001F680 with`) || strings.Contains(got, `\U0001F389`) && !strings.Contains(got, `\\U0001F389`) {
		t.Errorf("an emoji written as an escape:\n%s", got)
	}
	var in, out map[string]any
	if err := yaml.Unmarshal([]byte(fm), &in); err != nil {
		t.Fatal(err)
	}
	body, _, _ := strings.Cut(strings.TrimPrefix(got, "---\n"), "---\n")
	if err := yaml.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("%v:\n%s", err, got)
	}
	params, _ := out["params"].(map[string]any)
	for _, k := range []string{"title", "tags", "description", "🎉key", "other"} {
		o, ok := out[k]
		if !ok {
			o = params[k]
		}
		if !reflect.DeepEqual(o, in[k]) {
			t.Errorf("%s: read back %#v, want %#v\n%s", k, o, in[k], got)
		}
	}
	for _, s := range []string{"🚀", "a 🚀\x07 \\U0001F680", "yes 🎉", "\U000E0001\uE000"} {
		var m map[string]string
		if err := yaml.Unmarshal([]byte("k: "+yamlString(s)), &m); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		back, w := m["k"], yamlString(s)
		if back != s || strings.Contains(w, `\U`) && !strings.Contains(w, `\\U`) {
			t.Errorf("yamlString(%q) = %s, reads back %q", s, w, back)
		}
	}
}

// workGrowth imports the site that page(n) makes at n and at 4n, and
// returns what count(import) gave for each: the work a page's import
// does, counted rather than timed, must grow in step with the page.
func workGrowth(t *testing.T, k Kind, site func(n int) fstest.MapFS, n int, count func(func()) float64) (float64, float64) {
	t.Helper()
	var got [2]float64
	for j, m := range []int{n, 4 * n} {
		src := site(m)
		got[j] = count(func() {
			if _, err := Import(src, k, caseNow); err != nil {
				t.Fatal(err)
			}
		})
	}
	return got[0], got[1]
}

// TestLoopEndsLinear checks that the ends of the Liquid loops of a page
// whose loops over a data file are left open are found in work linear in
// their number: each looked for its endfor to the end of the page, 16,000
// of them 22 s. The work is counted in allocations, which each tag read
// makes.
func TestLoopEndsLinear(t *testing.T) {
	for _, line := range []string{"{% for x in site.data.d %}\n", "{% for x in site.data.d %}{% for y in site.data.d %}{% endfor %}\n",
		"`{%` {% for x in site.data.d %}\n"} {
		site := func(n int) fstest.MapFS {
			return fstest.MapFS{
				"_config.yml":            {Data: []byte("title: J\n")},
				"_data/d.csv":            {Data: []byte("a,b\n1,2\n")},
				"_posts/2024-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n" + strings.Repeat(line, n))},
			}
		}
		allocs := func(f func()) float64 { return testing.AllocsPerRun(1, f) }
		small, big := workGrowth(t, Jekyll, site, 500, allocs)
		t.Logf("%q: %.0f allocations for 500 lines, %.0f for 2,000", line, small, big)
		if big > 6*small {
			t.Errorf("%q: %.0f allocations for 500 lines, %.0f for 2,000; want at most 6 times as many", line, small, big)
		}
	}
}

// TestLoopEnds checks that the ends of Liquid loops matched once a body,
// in one pass, are those a search from each for tag finds, on bodies of
// random tags: nested, unclosed, closed twice, with tags inside others.
func TestLoopEnds(t *testing.T) {
	parts := []string{"{% for x in y %}", "{% endfor %}", "{%- for a in site.data.b -%}", "{% if x %}", "{% endif %}",
		"{% x {% for z in w %}", "text ", "\n", "{%", "%}", "{% raw %}", "`{%` {% for x in site.data.d %}", "{%}", "{%} for a in b %}",
		"{% for {% endfor %}"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		body := []byte(b.String())
		c := &converter{body: body}
		for i := range body {
			tg, ok := c.readTag(i, "{%", "%}")
			if !ok || tg.name != "for" {
				continue
			}
			got, gotOK := c.loopEnd(tg)
			want, wantOK := c.scanLoopEnd(tg)
			if got != want || gotOK != wantOK {
				t.Fatalf("in %q, the end of the loop at %d is %v %v; a search from it finds %v %v", body, i, got, gotOK, want, wantOK)
			}
		}
	}
}

// TestScanBounded checks that what afterBlank, markersOnly, ownLine and
// wrapAt read of the output and of the body, at each attribute list and
// each unconverted shortcode, is a bounded part of the page: each read
// all of it, on a page of attribute lists alone (the output blank) or of
// shortcodes on one line.
func TestScanBounded(t *testing.T) {
	for _, tc := range []struct {
		name string
		k    Kind
		site func(n int) fstest.MapFS
	}{
		{"attribute lists", Jekyll, func(n int) fstest.MapFS {
			return fstest.MapFS{
				"_config.yml":            {Data: []byte("title: J\n")},
				"_posts/2024-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n" + strings.Repeat("{: .a #b}\n", n))},
			}
		}},
		{"attribute lists and blank lines", Jekyll, func(n int) fstest.MapFS {
			return fstest.MapFS{
				"_config.yml":            {Data: []byte("title: J\n")},
				"_posts/2024-01-01-a.md": {Data: []byte("---\ntitle: A\n---\n" + strings.Repeat("{: .a #b}\n  \n", n))},
			}
		}},
		{"shortcodes on one line", Hugo, func(n int) fstest.MapFS {
			return fstest.MapFS{
				"hugo.toml":    {Data: []byte("title = 'H'\n")},
				"content/a.md": {Data: []byte("---\ntitle: A\n---\n" + strings.Repeat("{{< note >}}", n) + "x" + strings.Repeat("{{< /note >}}", n) + "\n")},
			}
		}},
	} {
		scanned := func(f func()) float64 {
			scanned.Store(0)
			f()
			return float64(scanned.Load())
		}
		small, big := workGrowth(t, tc.k, tc.site, 1000, scanned)
		t.Logf("%s: %.0f bytes read for 1,000, %.0f for 4,000", tc.name, small, big)
		if big > 6*small {
			t.Errorf("%s: %.0f bytes read for 1,000, %.0f for 4,000; want at most 6 times as many", tc.name, small, big)
		}
	}
}

// TestOutputLineStart checks that where the last line of the output
// starts, as output.lineStart keeps it from one look to the next, is
// where a search of the whole output finds it, through random writes and
// cuts.
func TestOutputLineStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	parts := []string{"a", "\n", "bc\nd", "  ", "\n\n", "xyz"}
	for range 500 {
		var o output
		for range rng.IntN(40) {
			if o.Len() > 0 && rng.IntN(4) == 0 {
				o.Truncate(rng.IntN(o.Len()))
			} else {
				o.WriteString(parts[rng.IntN(len(parts))])
			}
			if rng.IntN(2) == 0 {
				continue
			}
			b := o.Bytes()
			if got, want := o.lineStart(), len(b)-len(lastLine(b)); got != want {
				t.Fatalf("in %q, the last line starts at %d; want %d", b, got, want)
			}
		}
	}
}

// TestInSpans checks inSpans, which looks up the span an offset may be
// in, against a look at each span, on random spans in order and apart.
func TestInSpans(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		var spans []span
		at := 0
		for range rng.IntN(8) {
			at += rng.IntN(4)
			n := 1 + rng.IntN(4)
			spans = append(spans, span{start: at, end: at + n})
			at += n
		}
		for off := range at + 2 {
			want := slices.ContainsFunc(spans, func(s span) bool { return s.start <= off && off < s.end })
			if got := inSpans(spans, off); got != want {
				t.Fatalf("inSpans(%v, %d) = %v; want %v", spans, off, got, want)
			}
		}
	}
}

// scanLoopEnd is loopEnd as a search from t to the end of the body, which
// TestLoopEnds compares it with.
func (c *converter) scanLoopEnd(t tag) (tag, bool) {
	depth := 0
	for in, ok := c.nextTag(t.end, "{%"); ok; in, ok = c.nextTag(in.end, "{%") {
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

// TestMathScriptPastUnreadableFolder checks that a folder of _includes
// that cannot be read hides no MathJax configuration in a file after it:
// the search passed over the rest of _includes at the first folder it
// could not read, and the pages' $…$ were left as they were.
func TestMathScriptPastUnreadableFolder(t *testing.T) {
	src := lockedFS{MapFS: fstest.MapFS{
		"_config.yml":            {Data: []byte("title: J\n")},
		"_includes/a/x.html":     {Data: []byte("x")},
		"_includes/mathjax.html": {Data: []byte("<script>MathJax = { tex: { inlineMath: [['$','$']] } };</script>\n")},
		"_posts/2024-01-02-a.md": {Data: []byte("---\ntitle: A\n---\nWith $a*b$.\n")},
	}, locked: "_includes/a"}
	res, err := Import(src, Jekyll, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got := string(res.Files["content/posts/2024-01-02-a.md"].Data); !strings.Contains(got, `\(a*b\)`) {
		t.Errorf("the page's $a*b$ is not mathematics:\n%s", got)
	}
}

// TestFileFilter checks a module mount's files globs against paths from
// its source, as Hugo matches them.
func TestFileFilter(t *testing.T) {
	for _, tt := range []struct {
		globs []string
		rel   string
		dir   bool
		want  bool
	}{
		{[]string{"! docs/v?"}, "/docs/v1", true, false},
		{[]string{"! docs/v?"}, "/docs/v10", true, true},
		{[]string{"! docs/v?"}, "/docs/intro.md", false, true},
		{[]string{"! _*"}, "/_index.md", false, false},
		{[]string{"! _*"}, "/2.0/_index.md", false, true},
		{[]string{"**.md", "! **/draft-*.md"}, "/a/b/one.md", false, true},
		{[]string{"**.md", "! **/draft-*.md"}, "/a/draft-two.md", false, false},
		{[]string{"**.md"}, "/a/three.txt", false, false},
		{[]string{"**.md"}, "/a", true, true},
		{[]string{"docs/*.{md,html}"}, "/docs/x.HTML", false, true},
		{[]string{"docs/*.{md,html}"}, "/docs/sub/x.md", false, false},
		{[]string{"docs/*.{md,html}"}, "/docs", true, true},
		{[]string{"docs/*.{md,html}"}, "/blog", true, false},
		{[]string{"! [!a]*.md"}, "/b.md", false, false},
		{[]string{"! [!a]*.md"}, "/a.md", false, true},
		{nil, "/anything", false, true},
	} {
		if got := newFileFilter(tt.globs).match(tt.rel, tt.dir); got != tt.want {
			t.Errorf("files %q: %s (folder %v) matched %v; want %v", tt.globs, tt.rel, tt.dir, got, tt.want)
		}
	}
}
