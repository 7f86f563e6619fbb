package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// layoutFS returns a minimal set of templates: base, two partials and one
// file per kind. Each kind's file defines "main", which base calls.
func layoutFS() fstest.MapFS {
	fsys := fstest.MapFS{
		"templates/base.html": {Data: []byte(`{{- define "base" -}}
<html lang="{{ .Site.Language }}"><title>{{ .Title }}</title>
{{ template "header" . }}
<main>{{ template "main" . }}</main>
{{ template "footer" . }}</html>
{{ end }}`)},
		"templates/partials/header.html": {Data: []byte(`{{ define "header" }}<a href="{{ url "" }}">{{ .Site.Title }}</a>{{ end }}`)},
		"templates/partials/footer.html": {Data: []byte(`{{ define "footer" }}<a href="{{ absurl "feed.xml" }}">feed</a> <img src="{{ asset "theme/logo.svg" }}">{{ end }}`)},
	}
	for kind, file := range Kinds {
		fsys["templates/"+file] = &fstest.MapFile{Data: []byte(`{{ define "main" }}kind=` + kind + `{{ end }}`)}
	}
	fsys["templates/embed.html"] = &fstest.MapFile{Data: []byte(`<!DOCTYPE html><title>{{ .Title }}</title>{{ .Chart }}`)}
	fsys["templates/article.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" -}}
<article><h1>{{ .Article.Title }}</h1>
<time datetime="{{ isodate .Article.Date }}">{{ longdate .Article.Date }}</time>
{{ range .Article.Tags }}<a href="{{ url .URL }}">{{ .Name }}</a>{{ end }}
{{ .Article.Content }}</article>
{{- end }}`)}
	return fsys
}

func testSite(base, basePath string) *Site {
	return &Site{Title: "The Ledger", Language: "en", BaseURL: base, BasePath: basePath}
}

// funcList is the list of the templates' functions that an error for a
// function none is named gives.
const funcList = "absurl, and, asset, call, count, date, eq, ge, gt, html, index, isodate, js, le, len, longdate, lt, ne, not, or, print, printf, println, readableurl, slice, T, Tjs, Tlang, url, urlquery"

func testFuncs(s *Site) template.FuncMap {
	return Funcs(s, locale.New(s.Language), words.New(s.Language), func(p string) (string, error) { return s.URL(p) + "?h=abc", nil })
}

func TestExecute(t *testing.T) {
	site := testSite("https://x.org/repo/", "/repo/")
	l, err := ParseLayouts(layoutFS(), testFuncs(site))
	if err != nil {
		t.Fatalf("ParseLayouts() error = %v", err)
	}
	p := &Page{
		Site:  site,
		Kind:  "article",
		Title: `Kursk & "the cost"`,
		URL:   "articles/kursk/",
		Article: &Article{
			Summary: Summary{
				Title: `<b>Kursk</b>`,
				Date:  time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC),
				Tags:  []Tag{{Name: "War & peace", Slug: "war-peace", URL: "tags/war-peace/"}},
			},
			Content: template.HTML(`<p>Trusted <em>HTML</em></p>`),
		},
	}
	var b bytes.Buffer
	if err := l.Execute(&b, p); err != nil {
		t.Fatalf("Execute() error = %v", err)
	}
	want := `<html lang="en"><title>Kursk &amp; &#34;the cost&#34;</title>
<a href="/repo/">The Ledger</a>
<main><article><h1>&lt;b&gt;Kursk&lt;/b&gt;</h1>
<time datetime="2025-03-04">4 March 2025</time>
<a href="/repo/tags/war-peace/">War &amp; peace</a>
<p>Trusted <em>HTML</em></p></article></main>
<a href="https://x.org/repo/feed.xml">feed</a> <img src="/repo/theme/logo.svg?h=abc"></html>
`
	if got := b.String(); got != want {
		t.Errorf("Execute() =\n%s\nwant\n%s", got, want)
	}

	// Every kind has its own layout.
	for kind := range Kinds {
		if kind == "article" {
			continue
		}
		b.Reset()
		if err := l.Execute(&b, &Page{Site: site, Kind: kind}); err != nil {
			t.Errorf("Execute(%s) error = %v", kind, err)
			continue
		}
		if !strings.Contains(b.String(), "<main>kind="+kind+"</main>") {
			t.Errorf("Execute(%s) =\n%s\nwant the %s layout", kind, b.String(), kind)
		}
	}

	if err := l.Execute(&b, &Page{Site: site, Kind: "gallery"}); err == nil || !strings.Contains(err.Error(), `"gallery"`) {
		t.Errorf("Execute(unknown kind) error = %v; want one naming the kind", err)
	}
}

// TestParseLayoutsLeavesOutHidden checks that a hidden or editor's file
// in templates/partials is not parsed as a partial: an Emacs lock
// .#footer.html, or a half-written .footer.html from a safe save.
func TestParseLayoutsLeavesOutHidden(t *testing.T) {
	fsys := layoutFS()
	fsys["templates/partials/.footer.html"] = &fstest.MapFile{Data: []byte("{{ define \"footer\" }}{{ if }}")}
	fsys["templates/partials/#footer.html#"] = &fstest.MapFile{Data: []byte("{{ end }}")}
	fsys["templates/partials/footer.html~"] = &fstest.MapFile{Data: []byte("{{ end }}")}
	fsys["templates/partials/.#footer.html"] = &fstest.MapFile{Data: []byte("me@host.1234:1700000000"), Mode: fs.ModeSymlink}
	if _, err := ParseLayouts(fsys, testFuncs(testSite("", "/"))); err != nil {
		t.Errorf("ParseLayouts() error = %v; want none (hidden and editor's files left out)", err)
	}
}

func TestParseLayoutsErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(fstest.MapFS)
		diags []string // whole "path:line: message" lines, or prefixes ending in ":"
	}{
		{
			name: "syntax error in a kind's template",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/article.html"] = &fstest.MapFile{Data: []byte("{{ define \"main\" }}\n<p>\n{{ if }}\n{{ end }}")}
			},
			diags: []string{"templates/article.html:3:1: missing value for if"},
		},
		{
			name: "syntax error in a partial",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte("{{ define \"footer\" }}\n\n{{ .Site.Title }\n{{ end }}")}
			},
			diags: []string{`templates/partials/footer.html:3:1: unexpected "}" in operand`},
		},
		{
			// The one action of the line, after "é · ": column 5.
			name: "syntax error after runes",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte("{{ define \"footer\" }}\né · {{ if }}x\n{{ end }}{{ end }}")}
			},
			diags: []string{"templates/partials/footer.html:2:5: missing value for if"},
		},
		{
			name: "unknown function in base",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/base.html"] = &fstest.MapFile{Data: []byte("{{ define \"base\" }}\n{{ shout .Title }}\n{{ end }}")}
			},
			diags: []string{`templates/base.html:2:4: function "shout" not defined (the templates' functions: ` + funcList + `)`},
		},
		{
			// "é · shout " is ten characters: the action starts at 11,
			// and "shout" in it, after "{{ $x := .Title | ", at 29; the
			// same word in the text before it is not the function.
			name: "unknown function after runes",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte("{{ define \"footer\" }}\né · shout {{ $x := .Title | shout }} {{ shout }}\n{{ end }}")}
			},
			diags: []string{`templates/partials/footer.html:2:29: function "shout" not defined (the templates' functions: ` + funcList + `)`},
		},
		{
			// Hugo's partial, after "<body>{{ " on line 2: column 10.
			name: "a Hugo partial",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/base.html"] = &fstest.MapFile{Data: []byte("{{ define \"base\" }}\n<body>{{ partial \"header.html\" . }}\n{{ end }}")}
			},
			diags: []string{`templates/base.html:2:10: function "partial" not defined (the templates' functions: ` + funcList + `): Hugo's partial is {{ template "NAME" . }} here, NAME being what the partial's {{ define }} names (templates/partials/header.html defines "header")`},
		},
		{
			// Hugo's site with a field after it, after "<title>{{ ":
			// column 11.
			name: "Hugo's site function and its field",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/base.html"] = &fstest.MapFile{Data: []byte("{{ define \"base\" }}\n<title>{{ site.Title }}</title>\n{{ end }}")}
			},
			diags: []string{`templates/base.html:2:11: function "site" not defined (the templates' functions: ` + funcList + `): Hugo's site is .Site here ($.Site inside a range or with)`},
		},
		{
			name: "a function one letter away from one",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/base.html"] = &fstest.MapFile{Data: []byte("{{ define \"base\" }}\n{{ isodat .Title }}\n{{ end }}")}
			},
			diags: []string{`templates/base.html:2:4: function "isodat" not defined (the templates' functions: ` + funcList + `): did you mean isodate?`},
		},
		{
			// The default footer.html, parsed after afooter.html,
			// would replace the site's own footer without a word.
			name: "a partial defined by two files",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/partials/afooter.html"] = &fstest.MapFile{Data: []byte("{{/* mine */}}\n  {{- define \"footer\" }}<footer>mine</footer>{{ end }}")}
			},
			diags: []string{
				`templates/partials/afooter.html:2:3: template "footer" is defined here and in templates/partials/footer.html, and which one the pages get depends on the files' names: define it in one file (to replace one of plotline's templates, give the file its name)`,
				`templates/partials/footer.html:1:1: template "footer" is defined here and in templates/partials/afooter.html, and which one the pages get depends on the files' names: define it in one file (to replace one of plotline's templates, give the file its name)`,
			},
		},
		{
			// A block's default may be replaced by a define.
			name: "a block of base replaced by a partial, and a block defined twice",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/base.html"] = &fstest.MapFile{Data: []byte(`{{ define "base" }}{{ block "head" . }}{{ end }}{{ template "main" . }}{{ end }}`)}
				fsys["templates/partials/head.html"] = &fstest.MapFile{Data: []byte(`{{ define "head" }}<meta name="x">{{ end }}`)}
				fsys["templates/partials/zfooter.html"] = &fstest.MapFile{Data: []byte("\n\n{{ define \"footer\" }}z{{ end }}")}
			},
			diags: []string{
				`templates/partials/footer.html:1:1: template "footer" is defined here and in templates/partials/zfooter.html, and which one the pages get depends on the files' names: define it in one file (to replace one of plotline's templates, give the file its name)`,
				`templates/partials/zfooter.html:3:1: template "footer" is defined here and in templates/partials/footer.html, and which one the pages get depends on the files' names: define it in one file (to replace one of plotline's templates, give the file its name)`,
			},
		},
		{
			name: "every broken kind at once",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/home.html"] = &fstest.MapFile{Data: []byte("{{ end }}")}
				fsys["templates/tag.html"] = &fstest.MapFile{Data: []byte("\n\n{{ range }}{{ end }}")}
			},
			// tag.html's line 3 starts two actions: the parser does not
			// say which, so neither is named.
			diags: []string{"templates/home.html:1:1: unexpected {{end}}", "templates/tag.html:3: missing value for range"},
		},
		{
			name: "missing kind template",
			edit: func(fsys fstest.MapFS) {
				delete(fsys, "templates/tags.html")
			},
			diags: []string{"templates/tags.html:1:1: cannot read: file does not exist"},
		},
		{
			// The last {{ end }} is the define's: the if on line 3 is
			// the one never closed.
			name: "an if never closed in a partial",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte("{{- define \"footer\" -}}\n<footer>\n{{ if .Site.Title }}<p>{{ .Site.Title }}</p>\n</footer>\n{{- end -}}\n")}
			},
			diags: []string{"templates/partials/footer.html:3:1: this {{ if }} is never closed: add {{ end }} where what it holds ends"},
		},
		{
			// "é · " is four characters (six bytes): the range is at 5.
			name: "a range never closed, after runes",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/article.html"] = &fstest.MapFile{Data: []byte("{{ define \"main\" }}\né · {{ range .Article.Tags }}{{ .Name }}\n{{ \"}}\" }}{{/* {{ end }} */}}\n{{ end }}")}
			},
			diags: []string{"templates/article.html:2:5: this {{ range }} is never closed: add {{ end }} where what it holds ends"},
		},
		{
			name: "a define never closed",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/article.html"] = &fstest.MapFile{Data: []byte("<p>x</p>\n  {{- define \"main\" }}x")}
			},
			diags: []string{"templates/article.html:2:3: this {{ define }} is never closed: add {{ end }} where what it holds ends"},
		},
		{
			name: "missing base",
			edit: func(fsys fstest.MapFS) {
				delete(fsys, "templates/base.html")
			},
			diags: []string{"templates/base.html:1:1: cannot read: file does not exist"},
		},
		{
			// Each call at its name, as the templates place a call:
			// "main" on line 4 of base.html after `<main>{{ template `
			// (19), "base" on line 2 of the article after
			// `<h1>x</h1>{{ template ` (23). Every page ran them until
			// the templates stopped 100,000 calls deep, 14 s a page.
			name: "a kind's template that runs base",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/article.html"] = &fstest.MapFile{Data: []byte("{{ define \"main\" }}\n<h1>x</h1>{{ template \"base\" . }}{{ end }}")}
			},
			diags: []string{`templates/article.html:2:23: the templates call each other in a loop that no {{ if }}, {{ range }} or {{ with }} ends, so that every page would run them until Go's templates stop 100,000 calls deep: base calls main at templates/base.html:4:19, main calls base at templates/article.html:2:23`},
		},
		{
			// Found from each kind's base, reported once.
			name: "a partial that runs itself",
			edit: func(fsys fstest.MapFS) {
				fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte(`{{ define "footer" }}<p>{{ template "footer" . }}</p>{{ end }}`)}
			},
			diags: []string{`templates/partials/footer.html:1:37: the templates call each other in a loop that no {{ if }}, {{ range }} or {{ with }} ends, so that every page would run them until Go's templates stop 100,000 calls deep: footer calls footer at templates/partials/footer.html:1:37`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layoutFS()
			tc.edit(fsys)
			site := testSite("", "/")
			l, err := ParseLayouts(fsys, testFuncs(site))
			if err == nil {
				t.Fatalf("ParseLayouts() = %v, nil; want an error", l)
			}
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("ParseLayouts() error = %v (%T); want a diag.List", err, err)
			}
			if len(list) != len(tc.diags) {
				t.Fatalf("ParseLayouts() error =\n%v\nwant %d diagnostics:\n%s", err, len(tc.diags), strings.Join(tc.diags, "\n"))
			}
			for i, d := range list {
				got, want := d.String(), tc.diags[i]
				if strings.HasSuffix(want, ":") && strings.HasPrefix(got, want) {
					continue
				}
				if got != want {
					t.Errorf("diagnostic %d = %q; want %q", i, got, want)
				}
			}
		})
	}
}

// TestLoopsThatEnd checks that templates that call each other only
// under a condition, such as a menu of menus, are parsed: whether they
// end depends on the data.
func TestLoopsThatEnd(t *testing.T) {
	for _, footer := range []string{
		`{{ define "footer" }}{{ range .Kids }}<li>{{ template "footer" . }}</li>{{ end }}{{ end }}`,
		`{{ define "footer" }}{{ with .Kid }}{{ template "footer" . }}{{ end }}{{ end }}`,
		`{{ define "footer" }}{{ if .Kid }}{{ else }}{{ template "footer" .Kid }}{{ end }}{{ end }}`,
	} {
		fsys := layoutFS()
		fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte(footer)}
		if _, err := ParseLayouts(fsys, testFuncs(testSite("", "/"))); err != nil {
			t.Errorf("ParseLayouts with the footer %s: %v; want none", footer, err)
		}
	}
}

// TestPartialWithoutDefine replaces the footer partial with one that does
// not define "footer": the error is at the partial, not at base.html,
// which calls it.
func TestPartialWithoutDefine(t *testing.T) {
	fsys := layoutFS()
	fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte("<footer>\n<p>{{ .Site.Title }}</p>\n</footer>\n")}
	site := testSite("", "/")
	l, err := ParseLayouts(fsys, testFuncs(site))
	if err != nil {
		t.Fatal(err)
	}
	err = l.Execute(new(bytes.Buffer), &Page{Site: site, Kind: "home", Title: "T"})
	d, ok := ExecDiag(err)
	// base.html's line 5 is `{{ template "footer" . }}</html>`: the name
	// "footer" starts at column 13.
	want := `templates/partials/footer.html:1:1: defines no template "footer", which templates/base.html:5:13 uses: wrap it in {{ define "footer" }}…{{ end }}`
	if !ok || d.String() != want {
		t.Errorf("ExecDiag(%v) = %v, %v; want %s", err, d, ok, want)
	}
}

func TestSiteURL(t *testing.T) {
	for _, tc := range []struct {
		base, basePath string
		path           string
		url, abs       string
	}{
		{"", "/", "", "/", "/"},
		{"", "/", "articles/x/", "/articles/x/", "/articles/x/"},
		{"", "/", "/articles/x/", "/articles/x/", "/articles/x/"},
		{"https://x.org/", "/", "articles/x/", "/articles/x/", "https://x.org/articles/x/"},
		{"https://x.org/", "/", "", "/", "https://x.org/"},
		{"https://x.org/repo/", "/repo/", "", "/repo/", "https://x.org/repo/"},
		{"https://x.org/repo/", "/repo/", "articles/x/", "/repo/articles/x/", "https://x.org/repo/articles/x/"},
		{"https://x.org/repo/", "/repo/", "/feed.xml", "/repo/feed.xml", "https://x.org/repo/feed.xml"},
		{"https://x.org/repo", "/repo/", "feed.xml", "/repo/feed.xml", "https://x.org/repo/feed.xml"},
		{"", "/repo/", "tags/", "/repo/tags/", "/repo/tags/"},
	} {
		s := testSite(tc.base, tc.basePath)
		if got := s.URL(tc.path); got != tc.url {
			t.Errorf("Site{%q, %q}.URL(%q) = %q; want %q", tc.base, tc.basePath, tc.path, got, tc.url)
		}
		if got := s.AbsURL(tc.path); got != tc.abs {
			t.Errorf("Site{%q, %q}.AbsURL(%q) = %q; want %q", tc.base, tc.basePath, tc.path, got, tc.abs)
		}
	}
}

func TestFuncs(t *testing.T) {
	s := testSite("https://x.org/repo/", "/repo/")
	tmpl := template.Must(template.New("t").Funcs(testFuncs(s)).Parse(
		`{{ url "a/" }} {{ absurl "a/" }} {{ asset "theme/x.css" }} {{ isodate .D }} {{ longdate .D }} {{ date "Jan 2006" .D }} {{ readableurl "/caf%C3%A9/" }}`))
	var b bytes.Buffer
	if err := tmpl.Execute(&b, map[string]any{"D": time.Date(2025, 12, 1, 23, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	want := "/repo/a/ https://x.org/repo/a/ /repo/theme/x.css?h=abc 2025-12-01 1 December 2025 Dec 2025 /café/"
	if got := b.String(); got != want {
		t.Errorf("funcs = %q; want %q", got, want)
	}
}

// TestLongdateInLanguage checks that longdate writes the site's language,
// and that isodate and date, read by machines, do not change with it.
func TestLongdateInLanguage(t *testing.T) {
	d := map[string]any{"D": time.Date(2025, 11, 4, 12, 0, 0, 0, time.UTC)}
	for _, c := range []struct{ lang, want string }{
		{"en", "4 November 2025 2025-11-04 Nov 2025"},
		{"de", "4. November 2025 2025-11-04 Nov 2025"},
		{"fr", "4 novembre 2025 2025-11-04 Nov 2025"},
		{"ar-EG", "٤ نوفمبر ٢٠٢٥ 2025-11-04 Nov 2025"},
		{"ar", "4 نوفمبر 2025 2025-11-04 Nov 2025"},
		{"fa-IR", "۴ نوامبر ۲۰۲۵ 2025-11-04 Nov 2025"},
	} {
		s := testSite("", "/")
		s.Language = c.lang
		tmpl := template.Must(template.New("t").Funcs(testFuncs(s)).Parse(`{{ longdate .D }} {{ isodate .D }} {{ date "Jan 2006" .D }}`))
		var b bytes.Buffer
		if err := tmpl.Execute(&b, d); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != c.want {
			t.Errorf("%s: %q; want %q", c.lang, got, c.want)
		}
	}
}

// TestCountInLanguage checks that count writes a number in the site's
// digits: Arabic-Indic in Egypt's Arabic, Persian in Iran's Persian.
func TestCountInLanguage(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "12 1250"},
		{"de", "12 1250"},
		{"ar-EG", "١٢ ١٢٥٠"},
		{"fa-IR", "۱۲ ۱۲۵۰"},
	} {
		s := testSite("", "/")
		s.Language = c.lang
		tmpl := template.Must(template.New("t").Funcs(testFuncs(s)).Parse(`{{ count 12 }} {{ count 1250 }}`))
		var b bytes.Buffer
		if err := tmpl.Execute(&b, nil); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != c.want {
			t.Errorf("%s: %q; want %q", c.lang, got, c.want)
		}
	}
}

func TestReadableURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://x.org/a/", "https://x.org/a/"},
		{"https://x.org/%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80/", "https://x.org/हिन्दी/"},
		{"/caf%C3%A9-%E4%B8%AD/", "/café-中/"},
		// Escapes of ASCII name the same page only escaped.
		{"/a%20b%3F/%2F%25/", "/a%20b%3F/%2F%25/"},
		// Not whole UTF-8, or not a graphic character: kept.
		{"/%E0%A4/", "/%E0%A4/"},
		{"/%FF%FE/", "/%FF%FE/"},
		{"/a%C2%A0b/", "/a%C2%A0b/"},
		{"/%E2%80%AEevil/", "/%E2%80%AEevil/"},
		{"/%C3%A9%zz/%", "/é%zz/%"},
		{"https://x.org/%C3/%FF%C3%A9/", "https://x.org/%C3/%FFé/"},
		{"https://x.org/%C3%A9%", "https://x.org/é%"},
		{"%C3%A", "%C3%A"},
	} {
		if got := ReadableURL(tc.in); got != tc.want {
			t.Errorf("ReadableURL(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestExecDiag(t *testing.T) {
	for _, tc := range []struct {
		name, article string
		want          string // the diagnostic, or its start
	}{
		{
			name:    "missing field",
			article: "{{ define \"main\" }}\n<p>{{ .Article.Byline }}</p>{{ end }}",
			want:    `templates/article.html:2:15: executing "main" at <.Article.Byline>: can't evaluate field Byline in type *render.Article`,
		},
		{
			// "é 中 {{ .Nope }}": é, space, 中, space, {{, space: .Nope
			// is the 8th character (the 11th byte).
			name:    "column in characters",
			article: "{{ define \"main\" }}\n<h1>x</h1>\né 中 {{ .Nope }}\n{{ end }}",
			want:    `templates/article.html:3:8: executing "main" at <.Nope>: can't evaluate field Nope`,
		},
		{
			// "<p>{{ .Title }} · {{ .Nope }}</p>": · is one character of
			// two bytes; .Nope is the 22nd character.
			name:    "column in characters after a middle dot",
			article: "{{ define \"main\" }}\n<p>{{ .Title }} · {{ .Nope }}</p>{{ end }}",
			want:    `templates/article.html:2:22: executing "main" at <.Nope>: can't evaluate field Nope`,
		},
		{
			// A byte-order mark is no column: {{ define "main" }} is 19
			// characters, <p> 3, so .Nope is the 26th.
			name:    "after a byte-order mark",
			article: "\ufeff{{ define \"main\" }}<p>{{ .Nope }}</p>{{ end }}",
			want:    `templates/article.html:1:26: executing "main" at <.Nope>: can't evaluate field Nope`,
		},
		{
			// Where the depth ran out is base.html's call of header;
			// the message names the calls of the loop, the site's
			// article.html among them, each at the called name as the
			// templates place a call: "header" on line 3 of base.html
			// after `{{ template ` (13), "main" on its line 4 after
			// `<main>{{ template ` (19), "base" on line 2 of the article
			// after `{{ if .Title }}{{ template ` (28).
			name:    "templates that call each other without end",
			article: "{{ define \"main\" }}\n{{ if .Title }}{{ template \"base\" . }}{{ end }}{{ end }}",
			want:    `templates/base.html:3:13: executing "base" at <{{template "header" .}}>: exceeded maximum template depth (100000): the templates call each other in a loop, base calls main at templates/base.html:4:19, main calls base at templates/article.html:2:28`,
		},
		{
			name:    "branches that end in different contexts",
			article: "{{ define \"main\" }}<a {{ if .Title }}href=\"{{ end }}x\">{{ end }}",
			want:    `templates/article.html:1:29: {{if}} branches end in different contexts: `,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layoutFS()
			fsys["templates/article.html"] = &fstest.MapFile{Data: []byte(tc.article)}
			site := testSite("", "/")
			l, err := ParseLayouts(fsys, testFuncs(site))
			if err != nil {
				t.Fatal(err)
			}
			err = l.Execute(new(bytes.Buffer), &Page{Site: site, Kind: "article", Title: "T", Article: &Article{}})
			if err == nil {
				t.Fatal("Execute() = nil; want an error")
			}
			d, ok := ExecDiag(fmt.Errorf("rendering /x/: %w", err))
			if !ok {
				t.Fatalf("ExecDiag(%v) reports false", err)
			}
			if got := d.String(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("ExecDiag(%v) =\n%s\nwant\n%s", err, got, tc.want)
			}
		})
	}
	if d, ok := ExecDiag(errors.New("disk full")); ok {
		t.Errorf("ExecDiag(disk full) = %v, true; want false", d)
	}
}

// TestExecDiagHints runs templates that ask for what a Hugo template
// would: the error names the fields there are and what Hugo's is written
// as here, and a field of a page's nil .Article the {{ with }} that
// guards it.
func TestExecDiagHints(t *testing.T) {
	const page = "Article, Articles, Canonical, Description, HasChart, Image, Kind, Pager, Site, Tag, Tags, Title, URL"
	const templates = "base, footer, header, main" // those layoutFS defines
	const summary = "Author, DataDate, DataForm, Date, Description, Excerpt, Item, ReadingMinutes, Tags, Title, URL, Updated, ListTags, Modified, ModifiedForm, MoreTags, Teaser"
	for _, tc := range []struct {
		name, kind, tmpl string
		want             string
	}{
		{
			// "<p>{{ .Site" is 11 characters: .Params is at column 12.
			name: "Hugo's site params",
			kind: "article",
			tmpl: "{{ define \"main\" }}\n<p>{{ .Site.Params.subtitle }}</p>{{ end }}",
			want: `templates/article.html:2:12: executing "main" at <.Site.Params.subtitle>: can't evaluate field Params in type *render.Site (a Site has: Author, BasePath, BaseURL, Description, Digits, Direction, HasData, Language, Nav, OpenGraphLocale, Title, AbsURL, URL): Hugo's .Site.Params: plotline has no site-wide params; a page's own keys are .Article.Params`,
		},
		{
			name: "Hugo's permalink of a page",
			kind: "article",
			tmpl: "{{ define \"main\" }}\n<p>{{ .Permalink }}</p>{{ end }}",
			want: `templates/article.html:2:7: executing "main" at <.Permalink>: can't evaluate field Permalink in type *render.Page (a Page has: ` + page + `): Hugo's .Permalink is .Canonical`,
		},
		{
			name: "Hugo's content of a page",
			kind: "article",
			tmpl: "{{ define \"main\" }}\n{{ .Content }}{{ end }}",
			want: `templates/article.html:2:4: executing "main" at <.Content>: can't evaluate field Content in type *render.Page (a Page has: ` + page + `): Hugo's .Content is .Article.Content (on an article or page: write {{ with .Article }}…{{ end }} around it)`,
		},
		{
			// "{{ range .Articles }}{{ " is 24 characters.
			name: "Hugo's relative permalink of a list's article",
			kind: "home",
			tmpl: "{{ define \"main\" }}\n{{ range .Articles }}{{ .RelPermalink }}{{ end }}{{ end }}",
			want: `templates/home.html:2:25: executing "main" at <.RelPermalink>: can't evaluate field RelPermalink in type *render.Summary (a Summary has: ` + summary + `): Hugo's .RelPermalink is {{ url .URL }}`,
		},
		{
			name: "a field no one has",
			kind: "home",
			tmpl: "{{ define \"main\" }}{{ .Tagline }}{{ end }}",
			want: `templates/home.html:1:23: executing "main" at <.Tagline>: can't evaluate field Tagline in type *render.Page (a Page has: ` + page + `)`,
		},
		{
			// "<p>{{ template " is 15 characters: the name is at 16.
			name: "a Hugo partial named by its file",
			kind: "article",
			tmpl: "{{ define \"main\" }}\n<p>{{ template \"partials/footer.html\" . }}</p>{{ end }}",
			want: `templates/article.html:2:16: no such template "partials/footer.html" (the templates: ` + templates + `): a partial is run by the name its {{ define }} gives, not by its file: {{ template "footer" . }}`,
		},
		{
			// {{ define "main" }} and "{{ template " are 31 characters.
			name: "one of Hugo's own templates",
			kind: "article",
			tmpl: "{{ define \"main\" }}{{ template \"_internal/opengraph.html\" . }}{{ end }}",
			want: `templates/article.html:1:32: no such template "_internal/opengraph.html" (the templates: ` + templates + `): Hugo's own templates are not plotline's; the default base.html writes the page's Open Graph and Twitter tags itself`,
		},
		{
			// On the home page .Article is nil: the error names it, not
			// .Article.Date.
			name: "an article's field on the home page",
			kind: "home",
			tmpl: "{{ define \"main\" }}\n<p>{{ .Article.Date.Year }}</p>{{ end }}",
			want: `templates/home.html:2:15: executing "main" at <.Article.Date.Year>: nil pointer evaluating *render.Article.Date: this page has no .Article (only an article or a page has one): write {{ with .Article }}…{{ end }}, which runs only where there is one`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layoutFS()
			fsys["templates/"+Kinds[tc.kind]] = &fstest.MapFile{Data: []byte(tc.tmpl)}
			site := testSite("", "/")
			l, err := ParseLayouts(fsys, testFuncs(site))
			if err != nil {
				t.Fatal(err)
			}
			p := &Page{Site: site, Kind: tc.kind, Title: "T", Articles: []*Summary{{Title: "A", URL: "a/"}}}
			if tc.kind == "article" {
				p.Article = &Article{}
			}
			err = l.Execute(new(bytes.Buffer), p)
			d, ok := ExecDiag(err)
			if !ok {
				t.Fatalf("ExecDiag(%v) reports false", err)
			}
			if got := d.String(); got != tc.want {
				t.Errorf("ExecDiag() =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestTooMuchOutput checks that a template that writes without end is an
// error where it writes, once its page passes the bound, and not a build
// that fills the memory.
func TestTooMuchOutput(t *testing.T) {
	for _, tc := range []struct {
		name, article, partial string
		want                   string
	}{
		{
			// {{ range 1000000 }}, the most turns a range over a number
			// may take, is 19 characters: the text it writes, 10 MB in
			// all, starts at the 20th.
			name:    "range over a large number",
			article: "{{ define \"main\" }}\n<ul>\n{{ range 1000000 }}<li>é</li>{{ end }}</ul>{{ end }}",
			want:    "templates/article.html:3:20: the templates wrote more than 1 MB of one page when they came here, the most plotline writes: a {{ range }} that runs too long, or templates that call each other without end?",
		},
		{
			// Each call writes its text, then calls itself twice, 40
			// deep: 2^40 texts, in a partial of the site. {{ define "twice" }}
			// is 20 characters; the last text written, "<b>" and a line
			// break, starts at the 21st.
			name:    "partials that call each other twice",
			article: "{{ define \"main\" }}{{ template \"twice\" \"0123456789012345678901234567890123456789\" }}{{ end }}",
			partial: "{{ define \"twice\" }}<b>\n  {{ if . }}<i>{{ template \"twice\" (slice . 1) }}{{ template \"twice\" (slice . 1) }}</i>{{ end }}</b>{{ end }}",
			want:    "templates/partials/twice.html:1:21: ",
		},
		{
			// Nothing but values: the page's own template, at its start.
			name:    "values only",
			article: "{{ define \"main\" }}{{ range 1000000 }}{{ \"xy\" }}{{ end }}{{ end }}",
			want:    "templates/article.html:1:1: the templates wrote more than 1 MB",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layoutFS()
			fsys["templates/article.html"] = &fstest.MapFile{Data: []byte(tc.article)}
			if tc.partial != "" {
				fsys["templates/partials/twice.html"] = &fstest.MapFile{Data: []byte(tc.partial)}
			}
			site := testSite("", "/")
			l, err := ParseLayouts(fsys, testFuncs(site))
			if err != nil {
				t.Fatal(err)
			}
			l.maxOutput = 1 << 20
			var out bytes.Buffer
			err = l.Execute(&out, &Page{Site: site, Kind: "article", Title: "T", Article: &Article{}})
			if err == nil {
				t.Fatal("Execute() = nil; want an error")
			}
			if out.Len() > 1<<20 {
				t.Errorf("Execute wrote %d bytes; want 1 MB at most", out.Len())
			}
			d, ok := ExecDiag(fmt.Errorf("rendering /x/: %w", err))
			if !ok {
				t.Fatalf("ExecDiag(%v) reports false", err)
			}
			if got := d.String(); !strings.HasPrefix(got, tc.want) || !strings.Contains(got, "more than 1 MB") {
				t.Errorf("ExecDiag(%v) =\n%s\nwant\n%s", err, got, tc.want)
			}
		})
	}
}

// TestEndContext runs templates of which one leaves a script, a quote or a
// comment open. html/template reports that of the template it was asked
// to run (base), without a line; the error is at the {{ end }} of the
// template that leaves it open, or at the end of its file.
func TestEndContext(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		embed bool
		want  string
	}{
		{
			name:  "a string left open in a partial's script",
			files: map[string]string{"templates/partials/footer.html": "{{ define \"footer\" }}\n<script>var x = \"{{ .Site.Title }}</script>\n{{ end }}"},
			want:  `templates/partials/footer.html:3:1: template "footer" ends inside a JavaScript string (no closing "), in a <script> element (no closing </script>): close it before this {{ end }}, or the rest of the page is read as part of it`,
		},
		{
			// base's own text after the footer would no longer read as a
			// script: html/template says so, of base; the footer is at
			// fault.
			name:  "a script never closed in a partial",
			files: map[string]string{"templates/partials/footer.html": "{{ define \"footer\" }}<footer>\n<script>\n</footer>  {{ end }}"},
			want:  `templates/partials/footer.html:3:12: template "footer" ends inside a JavaScript regular expression`,
		},
		{
			name:  "a comment never closed in a kind's template",
			files: map[string]string{"templates/article.html": "{{ define \"main\" }}\n<!-- draft\n<h1>{{ .Article.Title }}</h1>\n{{- end }}\n"},
			want:  `templates/article.html:4:1: template "main" ends inside an HTML comment (no closing -->): close it before this {{ end }}, or the rest of the page is read as part of it`,
		},
		{
			name:  "a quote never closed in the embed page",
			files: map[string]string{"templates/embed.html": "<!DOCTYPE html>\n<title>{{ .Title }}</title>\n<p class=\"x>{{ .Chart }}\n\n"},
			embed: true,
			want:  `templates/embed.html:3:25: template "templates/embed.html" ends inside an attribute's value (no closing quote): close it before the end of the file, or the rest of the page is read as part of it`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layoutFS()
			for name, text := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			site := testSite("", "/")
			l, err := ParseLayouts(fsys, testFuncs(site))
			if err != nil {
				t.Fatal(err)
			}
			if tc.embed {
				err = l.ExecuteEmbed(new(bytes.Buffer), &Embed{Site: site, Title: "T"})
			} else {
				err = l.Execute(new(bytes.Buffer), &Page{Site: site, Kind: "article", Title: "T", Article: &Article{}})
			}
			if err == nil {
				t.Fatal("executing = nil; want an error")
			}
			d, ok := ExecDiag(fmt.Errorf("rendering /x/: %w", err))
			if !ok {
				t.Fatalf("ExecDiag(%v) reports false", err)
			}
			if got := d.String(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("ExecDiag(%v) =\n%s\nwant\n%s", err, got, tc.want)
			}
		})
	}
}

// withIcons returns the default layouts with a partial of n {{ define }}s,
// as an icon set written as templates holds.
func withIcons(n int) fstest.MapFS {
	var icons strings.Builder
	for i := range n {
		fmt.Fprintf(&icons, "{{ define \"icon-%d\" }}<svg><use href=\"#i%d\"/></svg>{{ end }}\n", i, i)
	}
	fsys := layoutFS()
	fsys["templates/partials/icons.html"] = &fstest.MapFile{Data: []byte(icons.String())}
	return fsys
}

// TestManyDefines checks that a partial of many {{ define }}s (an icon
// set) is parsed in time linear in its length: the place of each was
// counted from the top of the file, with the file copied for each, so
// that one of 37,000 (1 MB) took 54 s to build.
func TestManyDefines(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	perDefine := func(n int) float64 {
		fsys := withIcons(n)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := ParseLayouts(fsys, testFuncs(testSite("", "/"))); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
	}
	few, many := perDefine(300), perDefine(3000)
	if many > 2*few {
		t.Errorf("parsing a partial of 3,000 defines allocates %.0f bytes a define, of 300 %.0f; want about the same", many, few)
	}
}

// TestEndContextManyTemplates checks that a template left open is found
// in time linear in the templates of the site: each template was escaped
// in a copy of them all, so that a partial of 4,000 {{ define }}s (an
// icon set) beside a footer that leaves a <script> open took 20 s of CPU
// to report, and the 37,000 a file of 1 MB holds about half an hour, for
// each page: it is looked for once.
func TestEndContextManyTemplates(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	perTemplate := func(n int) float64 {
		fsys := withIcons(n)
		fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte("{{ define \"footer\" }}{{ template \"icon-1\" }}<script>{{ end }}")}
		site := testSite("", "/")
		l, err := ParseLayouts(fsys, testFuncs(site))
		if err != nil {
			t.Fatal(err)
		}
		execute := func() uint64 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := l.Execute(new(bytes.Buffer), &Page{Site: site, Kind: "article", Title: "T", Article: &Article{}})
			runtime.ReadMemStats(&after)
			want := `templates/partials/footer.html:1:53: template "footer" ends inside a <script> element`
			if d, ok := ExecDiag(err); !ok || !strings.HasPrefix(d.String(), want) {
				t.Fatalf("executing = %v; want %s", err, want)
			}
			return after.TotalAlloc - before.TotalAlloc
		}
		first, second := execute(), execute()
		if second > first/10 {
			// Every page made with the templates met the error.
			t.Errorf("a second page allocates %d bytes, the first %d; want the template left open looked for once", second, first)
		}
		return float64(first) / float64(n)
	}
	few, many := perTemplate(200), perTemplate(2000)
	if many > 2*few {
		t.Errorf("finding the template left open among 2,000 allocates %.0f bytes a template, among 200 %.0f; want about the same", many, few)
	}
}

// TestTextTooLong checks that a template that makes a text longer each
// time round a loop, without writing it, is an error at the call that
// would pass the bound, and not a build that asks for terabytes of memory
// and dies of it.
func TestTextTooLong(t *testing.T) {
	for _, tc := range []struct {
		name, main string
		want       string
	}{
		{
			// {{ define "main" }}{{ $s := "ab" }}{{ range 60 }} is 49
			// characters: {{ $s = printf … }} starts at the 50th, and
			// printf, the call placed, at the 58th.
			name: "printf doubling a text",
			main: `{{ define "main" }}{{ $s := "ab" }}{{ range 60 }}{{ $s = printf "%s%s" $s $s }}{{ end }}{{ end }}`,
			want: `templates/article.html:1:58: executing "main" at <printf "%s%s" $s $s>: error calling printf: this would make a text of up to 2 MB, more than the 1 MB plotline writes of one page`,
		},
		{
			name: "printf naming one argument twice",
			main: "{{ define \"main\" }}\n{{ $s := \"ab\" }}{{ range 60 }}{{ $s = printf \"%[1]s%[1]s\" $s }}{{ end }}{{ end }}",
			want: `templates/article.html:2:39: executing "main" at <printf "%[1]s%[1]s" $s>: error calling printf: this would make a text of up to 2 MB`,
		},
		{
			name: "printf of wide numbers",
			main: `{{ define "main" }}{{ printf "%999999d%999999d" 1 2 }}{{ end }}`,
			want: `templates/article.html:1:23: executing "main" at <printf "%999999d%999999d" 1 2>: error calling printf: this would make a text of up to 2 MB`,
		},
		{
			name: "print",
			main: `{{ define "main" }}{{ $s := "ab" }}{{ range 60 }}{{ $s = print $s $s }}{{ end }}{{ end }}`,
			want: `templates/article.html:1:58: executing "main" at <print $s $s>: error calling print: this would make a text of up to 2 MB`,
		},
		{
			name: "js escaping a backslash",
			main: `{{ define "main" }}{{ $s := "\\" }}{{ range 60 }}{{ $s = js $s }}{{ end }}{{ end }}`,
			want: `templates/article.html:1:58: executing "main" at <js $s>: error calling js: this would make a text of up to`,
		},
		{
			name: "T with a text in both placeholders",
			main: `{{ define "main" }}{{ $s := "ab" }}{{ range 60 }}{{ $s = T "page_of" $s $s }}{{ end }}{{ end }}`,
			want: `templates/article.html:1:58: executing "main" at <T "page_of" $s $s>: error calling T: this would make a text of up to 2 MB`,
		},
		{
			// "1" writes the month, 12, and "2" the day, 22.
			name: "date of a layout that doubles",
			main: `{{ define "main" }}{{ $s := "1" }}{{ range 60 }}{{ $s = date $s $.Article.Date }}{{ end }}{{ end }}`,
			want: `templates/article.html:1:57: executing "main" at <date $s $.Article.Date>: error calling date: this would make a text of up to`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layoutFS()
			fsys["templates/article.html"] = &fstest.MapFile{Data: []byte(tc.main)}
			site := testSite("", "/")
			l, err := ParseLayouts(fsys, testFuncs(site))
			if err != nil {
				t.Fatal(err)
			}
			l.maxOutput = 1 << 20
			var out bytes.Buffer
			err = l.Execute(&out, &Page{Site: site, Kind: "article", Title: "T", Article: &Article{Summary: Summary{Date: time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC)}}})
			if err == nil {
				t.Fatal("Execute() = nil; want an error")
			}
			d, ok := ExecDiag(fmt.Errorf("rendering /x/: %w", err))
			if !ok {
				t.Fatalf("ExecDiag(%v) reports false", err)
			}
			if got := d.String(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("ExecDiag(%v) =\n%s\nwant it to start\n%s", err, got, tc.want)
			}
		})
	}
}

// TestPrintfSize checks that printfSize is never less than the length of
// the text fmt.Sprintf makes, for every kind of verb, flag, width,
// argument index and mistake.
func TestPrintfSize(t *testing.T) {
	type pair struct{ A, B string }
	for _, tc := range []struct {
		format string
		args   []any
	}{
		{"%s", []any{"abc"}},
		{"%x", []any{"abc"}},
		{"% #X", []any{"abc"}},
		{"%q", []any{"\x01\x02\u2028\U0001F600"}},
		{"%+q", []any{"\u00e9\U0001F600"}},
		{"%#v", []any{"\x00\x00"}},
		{"%U", []any{0x1F600}},
		{"%#U", []any{0x1F600}},
		{"%5.3f", []any{3.14159}},
		{"%f", []any{1e308}},
		{"%.1000f", []any{1e-300}},
		{"%b", []any{-1 << 63}},
		{"%[2]*[1]d", []any{7, 12}},
		{"%-*.*s|", []any{10, 2, "abcdef"}},
		{"%.*s", []any{-5, "abc"}},
		{"%*d", []any{2000000, 1}},
		{"%d", []any{"text"}},
		{"%s %s %s", []any{"one"}},
		{"%s", []any{"one", "two", 3}},
		{"%[3]s", []any{"a"}},
		{"%[x]s", []any{"a"}},
		{"%[1", []any{"a"}},
		{"%", nil},
		{"%!", nil},
		{"100%%", nil},
		{"%5%", nil},
		{"%é", []any{"a"}},
		{"%v %+v %#v", []any{pair{"a", "b"}, pair{"c", "d"}, pair{"e", "f"}}},
		{"%x", []any{pair{"\x01", "\x02"}}},
		{"%v", []any{[]string{"a", "b"}}},
		{"%v", []any{nil}},
		{"%s", []any{time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC)}},
		{"%010.3s", []any{"abcdef"}},
		// Each value of a list, a map or a struct, and each part of a
		// complex number, is padded on its own.
		{"%999x", []any{[]string{"x\x00", "y"}}},
		{"%999v", []any{map[string]int{"a": 1, "b": 2}}},
		{"%99v", []any{&pair{"a", "b"}}},
		{"%9995q", []any{complex(1e300, -2)}},
		// fmt takes widths of seven digits, and an index after a
		// width as a verb.
		{"%9999999d", []any{1}},
		{"%[2][3]5U#%999\x01év0", []any{nil, []string{"x\x00", "y"}, map[string]int{"a": 1}}},
		{"%[1]5d %[0]d %[9]d %[1", []any{1}},
	} {
		got, want := printfSize(tc.format, tc.args), len(fmt.Sprintf(tc.format, tc.args...))
		if got < want {
			t.Errorf("printfSize(%q, %v) = %d; want at least %d, the length of %q", tc.format, tc.args, got, want, fmt.Sprintf(tc.format, tc.args...))
		}
	}
}

// TestTemplatesTooLarge checks that a template file larger than a
// template may be, or files that together pass what the templates may
// hold, are an error at the file before anything is parsed, where 20 MB
// of templates, called by no page, took 82 s and 3 GB.
func TestTemplatesTooLarge(t *testing.T) {
	partial := func(name string, size int) *fstest.MapFile {
		text := `{{ define "` + name + `" }}{{ end }}`
		return &fstest.MapFile{Data: []byte(text + strings.Repeat("x", size-len(text)))}
	}
	for _, tc := range []struct {
		name  string
		files map[string]*fstest.MapFile
		want  string
	}{
		{
			name:  "one file",
			files: map[string]*fstest.MapFile{"templates/partials/big.html": partial("big", 2<<20)},
			want:  "templates/partials/big.html:1:1: file is 2 MB, more than the 1 MB plotline reads",
		},
		{
			// 5,000,000 bytes and the few hundred of the others: 4.8 MB.
			name: "five files",
			files: map[string]*fstest.MapFile{
				"templates/partials/p1.html": partial("p1", 1_000_000),
				"templates/partials/p2.html": partial("p2", 1_000_000),
				"templates/partials/p3.html": partial("p3", 1_000_000),
				"templates/partials/p4.html": partial("p4", 1_000_000),
				"templates/partials/p5.html": partial("p5", 1_000_000),
			},
			want: "templates/partials/p5.html:1:1: with this file the templates hold 4.8 MB, more than the 4 MB plotline reads of them in all: each is parsed, and copied for each kind of page, whether a page calls it or not",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := layoutFS()
			maps.Copy(fsys, tc.files)
			_, err := ParseLayouts(fsys, testFuncs(testSite("", "/")))
			if err == nil || err.Error() != tc.want {
				t.Errorf("ParseLayouts() = %v; want %s", err, tc.want)
			}
		})
	}
	// Four of them are a site's templates like any.
	fsys := layoutFS()
	for i := range 4 {
		name := fmt.Sprintf("p%d", i)
		fsys["templates/partials/"+name+".html"] = partial(name, 1_000_000)
	}
	if _, err := ParseLayouts(fsys, testFuncs(testSite("", "/"))); err != nil {
		t.Errorf("ParseLayouts() of four partials of 1,000,000 bytes = %v; want nil", err)
	}
}

// TestSectionFieldsCheap checks that a table of contents entry's fields
// cost a template what a Heading's do. Promoted from an embedded Heading,
// each {{ .ID }} was found by reflect's search of embedded structs, which
// allocates: 38 allocations to execute a section's three fields against 23
// for a heading's.
func TestSectionFieldsCheap(t *testing.T) {
	tmpl := template.Must(template.New("toc").Parse(`<a href="#{{ .ID }}">{{ .Text }}</a>{{ .Level }}`))
	h := Heading{Level: 2, ID: "part-1", Text: "Part 1"}
	s := (&Article{Headings: []Heading{h}}).Sections()[0]
	var buf bytes.Buffer
	execute := func(v any) func() {
		return func() {
			buf.Reset()
			if err := tmpl.Execute(&buf, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	// No collection while counting: it empties the pools that
	// text/template and fmt draw on, and their refills are counted.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	heading := testing.AllocsPerRun(50, execute(h))
	section := testing.AllocsPerRun(50, execute(s))
	if got, want := buf.String(), `<a href="#part-1">Part 1</a>2`; got != want {
		t.Errorf("section = %q; want %q", got, want)
	}
	if section > heading {
		t.Errorf("a section's fields took %v allocations; want a heading's %v", section, heading)
	}
}

// TestLayoutsIDs checks which ids the templates are said to give: those
// written as they are in base.html, the partials and the templates of
// articles and pages, each once, and not one with an action inside it
// nor one of another page kind's template, whose pages have no headings
// of their own.
func TestLayoutsIDs(t *testing.T) {
	fsys := layoutFS()
	fsys["templates/partials/nav.html"] = &fstest.MapFile{Data: []byte(`{{ define "nav" }}<nav id="site-nav"><ul id="menu-{{ .Kind }}"></ul><p id='quoted'></p><a id="main"></a></nav>{{ end }}`)}
	fsys["templates/base.html"].Data = []byte(strings.Replace(string(fsys["templates/base.html"].Data), "<main>", `<main id="main" data-x="1">`, 1))
	fsys["templates/page.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}<div	id="page-top"></div>{{ end }}`)}
	fsys["templates/tag.html"] = &fstest.MapFile{Data: []byte(`{{ define "main" }}<div id="tag-top"></div>{{ end }}`)}
	l, err := ParseLayouts(fsys, testFuncs(testSite("", "/")))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := l.IDs(), []string{"main", "page-top", "quoted", "site-nav"}; !slices.Equal(got, want) {
		t.Errorf("IDs() = %q; want %q", got, want)
	}
}
