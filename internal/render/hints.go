package render

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/plotline/plotline/internal/diag"
)

// builtinFuncs are the functions Go's templates have without a FuncMap.
var builtinFuncs = []string{"and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or", "print", "printf", "println", "slice", "urlquery"}

// hugoFuncs says what a function of Hugo's templates, which plotline's
// lack, is written as here.
var hugoFuncs = map[string]string{
	"partial":       `Hugo's partial is {{ template "NAME" . }} here, NAME being what the partial's {{ define }} names (templates/partials/header.html defines "header")`,
	"partialCached": `Hugo's partialCached is {{ template "NAME" . }} here, NAME being what the partial's {{ define }} names`,
	"site":          "Hugo's site is .Site here ($.Site inside a range or with)",
	"relURL":        `Hugo's relURL is url here: {{ url "about/" }} writes the address under the base path`,
	"relLangURL":    `Hugo's relLangURL is url here: {{ url "about/" }} writes the address under the base path`,
	"absURL":        `Hugo's absURL is absurl here: {{ absurl "about/" }}`,
	"absLangURL":    `Hugo's absLangURL is absurl here: {{ absurl "about/" }}`,
	"resources":     `a theme file's address is {{ asset "theme/css/site.css" }} here, with its content hash`,
	"fingerprint":   `a theme file's address is {{ asset "theme/css/site.css" }} here, with its content hash`,
	"safeHTML":      "plotline's HTML (.Content, .Item, a chart's .SVG) is HTML already, and any other text is escaped where it stands",
	"safeCSS":       "plotline's HTML (.Content, .Item, a chart's .SVG) is HTML already, and any other text is escaped where it stands",
	"safeJS":        "plotline's HTML (.Content, .Item, a chart's .SVG) is HTML already, and any other text is escaped where it stands; Tjs writes one of plotline's words for a script",
	"safeURL":       "plotline's HTML (.Content, .Item, a chart's .SVG) is HTML already, and any other text is escaped where it stands",
	"i18n":          `Hugo's i18n is T here: {{ T "contents" }}`,
	"lang":          `Hugo's lang.Translate is T here: {{ T "contents" }}`,
	"dateFormat":    `Hugo's dateFormat is date here: {{ date "2 Jan 2006" .Article.Date }}, or longdate for the site's language`,
	"time":          `a date is written with date here: {{ date "2 Jan 2006" .Article.Date }}, or longdate for the site's language`,
	"now":           "a page depends on its files alone, never on the day it is built: write an article's .Date, or the year as text",
	"upper":         "CSS's text-transform: uppercase does it in the style sheet",
	"lower":         "CSS's text-transform: lowercase does it in the style sheet",
	"title":         "CSS's text-transform: capitalize does it in the style sheet",
	"default":       `{{ with .X }}{{ . }}{{ else }}the default{{ end }} does it here`,
	"markdownify":   "Markdown is written in content/, not in templates",
}

// undefinedFuncHint returns what to add to the error of a template that
// calls fn, which neither Go nor funcs defines: the functions there are
// and, when fn is one of Hugo's, what it is written as here, or else the
// function one letter away from it.
func undefinedFuncHint(fn string, funcs template.FuncMap) string {
	names := slices.AppendSeq(slices.Clone(builtinFuncs), maps.Keys(funcs))
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	hint := " (the templates' functions: " + strings.Join(names, ", ") + ")"
	if h, ok := hugoFuncs[fn]; ok {
		hint += ": " + h
	} else if i := slices.IndexFunc(names, func(n string) bool { return diag.OneEdit(n, fn) }); i >= 0 {
		hint += ": did you mean " + names[i] + "?"
	}
	return hint
}

// fieldErrorRE matches the templates' error for a field that the value
// it is asked of lacks: its name and the value's Go type.
var fieldErrorRE = regexp.MustCompile(`can't evaluate field (\w+) in type (\S+)$`)

// nilErrorRE matches the templates' error for a field asked of a nil
// pointer: ".Article.Date" of a page that is no article.
var nilErrorRE = regexp.MustCompile(`at <([^>]*)>: nil pointer evaluating \*\w+\.(\w+)\.(\w+)$`)

// withHint returns msg, an error of a template's execution, with what a
// writer needs to mend it: for a field that does not exist, the fields
// and methods of the value it was asked of, when that is one of
// plotline's (one that data, what the template ran with, holds), and
// what Hugo's field is written as here; for a field of nothing, the
// {{ with }} that runs only where there is something.
func withHint(msg string, data any) string {
	if m := nilErrorRE.FindStringSubmatch(msg); m != nil {
		expr, typ, field := m[1], m[2], m[3]
		// The nil value is the one the field was asked of: what the
		// expression names before it.
		if i := strings.Index(expr+".", "."+field+"."); i > 0 {
			expr = expr[:i]
		}
		why := ""
		if typ == "Article" {
			why = " (only an article or a page has one)"
		}
		return fmt.Sprintf("%s: this page has no %s%s: write {{ with %s }}…{{ end }}, which runs only where there is one", msg, expr, why, expr)
	}
	m := fieldErrorRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	field, typeName := m[1], m[2]
	t, ok := dataTypes(data)[typeName]
	if !ok {
		return msg
	}
	short := t.Name()
	if t.Kind() == reflect.Pointer {
		short = t.Elem().Name()
	}
	what := "a " + short
	if strings.ContainsRune("AEIOU", rune(short[0])) {
		what = "an " + short
	}
	if short == "View" {
		what = "a chart's view" // package chart's View, the chart partial's dot
	}
	msg += " (" + what + " has: " + strings.Join(members(t), ", ") + ")"
	if h := hugoField(short, field); h != "" {
		msg += ": " + h
	}
	return msg
}

// dataTypes returns the types of plotline's own that data holds, by the
// name the templates give them in errors ("*render.Page"): data's type
// and those of its fields, their elements and the results of their
// methods, followed through pointers, slices and maps.
func dataTypes(data any) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	if data == nil {
		return out
	}
	const module = "github.com/plotline/plotline/"
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		base := t
		if t.Kind() == reflect.Pointer {
			base = t.Elem()
		}
		if base.Kind() != reflect.Struct || !strings.HasPrefix(base.PkgPath(), module) {
			return
		}
		if _, seen := out[t.String()]; seen {
			return
		}
		out[t.String()] = t
		for _, f := range reflect.VisibleFields(base) {
			if f.IsExported() {
				walk(f.Type)
			}
		}
		for m := range t.Methods() {
			if m.Type.NumOut() > 0 {
				walk(m.Type.Out(0))
			}
		}
	}
	walk(reflect.TypeOf(data))
	return out
}

// members returns the names a template may ask of a value of type t: its
// exported fields, those of the structs it embeds, then its methods.
func members(t reflect.Type) []string {
	base := t
	if t.Kind() == reflect.Pointer {
		base = t.Elem()
	}
	var fields, methods []string
	for _, f := range reflect.VisibleFields(base) {
		if f.IsExported() && !f.Anonymous {
			fields = append(fields, f.Name)
		}
	}
	for m := range t.Methods() {
		methods = append(methods, m.Name)
	}
	slices.Sort(fields)
	slices.Sort(methods)
	return append(fields, methods...)
}

// hugoField says what field of Hugo's, asked of a value of plotline's
// type typ (Page, Site, Summary, Article), is written as here, or "" for
// none it knows.
func hugoField(typ, field string) string {
	hugo := "Hugo's ." + field
	switch typ {
	case "Site":
		hugo = "Hugo's .Site." + field
	case "Summary":
		typ = "Article" // an Article's fields are its Summary's
	}
	// The fields of Hugo's Page that are an Article's here, by their names here.
	renamed := map[string]string{"Lastmod": "Updated", "ReadingTime": "ReadingMinutes", "TableOfContents": "Sections", "Summary": "Description"}
	switch typ + "." + field {
	case "Site.Params":
		return hugo + ": plotline has no site-wide params; a page's own keys are .Article.Params"
	case "Site.LanguageCode", "Page.Lang", "Page.Language":
		return hugo + " is .Site.Language"
	case "Site.Menus":
		return hugo + " is .Site.Nav, the pages whose front matter has nav"
	case "Site.Pages", "Site.RegularPages", "Site.AllPages":
		return hugo + " is the home page's .Articles"
	case "Site.Copyright":
		return hugo + ": write it in templates/partials/footer.html"
	case "Page.Permalink":
		return hugo + " is .Canonical"
	case "Page.RelPermalink", "Article.RelPermalink":
		return hugo + ` is {{ url .URL }}`
	case "Page.Params", "Page.Content", "Page.Date", "Page.Lastmod", "Page.ReadingTime", "Page.TableOfContents", "Page.Summary", "Page.Author":
		return hugo + " is .Article." + cmp.Or(renamed[field], field) + " (on an article or page: write {{ with .Article }}…{{ end }} around it)"
	case "Page.Pages", "Page.RegularPages", "Page.Data":
		return hugo + " is .Articles, on the home and tag pages"
	case "Page.Paginator", "Page.Paginate":
		return hugo + " is .Pager"
	case "Page.IsHome", "Page.IsPage", "Page.IsSection", "Page.IsNode", "Page.Section", "Page.Type":
		return hugo + ` is a test of .Kind: {{ if eq .Kind "home" }} (home, article, page, tag, tags or 404)`
	case "Article.Permalink":
		return hugo + ` is {{ absurl .URL }}`
	case "Article.Summary":
		return hugo + " is .Teaser"
	case "Article.ReadingTime", "Article.Lastmod":
		return hugo + " is ." + renamed[field]
	case "Article.TableOfContents":
		return hugo + " is .Sections, on an article, to range over"
	}
	return ""
}

// templateHint returns what to add to the error of a {{ template name }}
// that no file defines: the templates there are and, for a partial named
// by its file as in Hugo ("partials/header.html"), the name its
// {{ define }} gives; for one of Hugo's own templates, that plotline has
// none; else the one a letter away from name.
func (l *Layouts) templateHint(name string) string {
	defined := map[string]bool{}
	for _, src := range l.src {
		for _, def := range defines(src) {
			defined[def] = true
		}
	}
	names := slices.Sorted(maps.Keys(defined))
	hint := " (the templates: " + strings.Join(names, ", ") + ")"
	base := strings.TrimSuffix(path.Base(name), ".html")
	switch {
	case strings.HasPrefix(name, "_internal/"):
		hint += ": Hugo's own templates are not plotline's; the default base.html writes the page's Open Graph and Twitter tags itself"
	case base != name && slices.Contains(names, base):
		hint += fmt.Sprintf(": a partial is run by the name its {{ define }} gives, not by its file: {{ template %q . }}", base)
	default:
		if i := slices.IndexFunc(names, func(n string) bool { return diag.OneEdit(n, name) }); i >= 0 {
			hint += ": did you mean " + names[i] + "?"
		}
	}
	return hint
}

// LoaderTemplate is the partial whose script turns a page's static charts
// into live ones.
const LoaderTemplate = "chart-loader"

// Warnings returns a warning at each template that makes pages with
// charts but never runs the chart-loader partial, directly or through
// another: a site's own base.html or embed.html written without it, whose
// charts stay static without a word.
func (l *Layouts) Warnings() diag.List {
	var out diag.List
	// place is where the default templates run the chart loader.
	warn := func(t *template.Template, name, where, place string) {
		top := t.Lookup(name)
		if top == nil || top.Tree == nil || calls(t, top)[LoaderTemplate] {
			return
		}
		file := top.Tree.ParseName
		pos := diag.Pos{Path: file, Line: 1, Col: 1}
		for off, def := range defines(l.src[file]) {
			if def == name {
				pos = diag.At(file, []byte(l.src[file]), off)
			}
		}
		out.Warnf(pos, "%s never runs {{ template %q . }}, so the charts of %s stay static, without tooltips or the keyboard: run it where the default does (%s)", path.Base(file), LoaderTemplate, where, place)
	}
	if t, ok := l.byKind["article"]; ok {
		warn(t, "base", "articles and pages", "before </body>, inside {{ if .HasChart }}")
	}
	if l.embed != nil {
		warn(l.embed, EmbedTemplate, "the embed pages", "after the chart's figure")
	}
	return out
}
