package render

import (
	"errors"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/plotline/plotline/internal/diag"
)

// endContext turns err, an error of html/template that names no line,
// into a diagnostic at the place of the mistake, when that is a template
// that ends inside a tag, an attribute's quotes, a comment, a script or a
// style: the {{ end }} of the innermost template that leaves it open, or
// the end of its file. html/template then names only the template it was
// asked to run (base, for any page), as a partial's context carries on
// into its caller, where the page "ends in a non-text context" or its
// text no longer parses as the script it is taken for; so each template
// of a fresh parse is escaped on its own, and the one that ends open
// without calling another that does is the one at fault. file is the
// template file parsed over the shared ones ("" for none). It reports
// false for any other error, and when no template is found at fault.
func (l *Layouts) endContext(err error, file string) (diag.Diagnostic, bool) {
	he, ok := errors.AsType[*template.Error](err)
	if !ok || he.Line != 0 || l.funcs == nil {
		return diag.Diagnostic{}, false
	}
	key := file + "\x00" + he.Name
	if f, ok := l.ends.Load(key); ok {
		return f.(endFound).d, f.(endFound).ok
	}
	d, found := l.findEnd(file, he.Name)
	l.ends.Store(key, endFound{d, found})
	return d, found
}

// endFound is what findEnd found for a file.
type endFound struct {
	d  diag.Diagnostic
	ok bool
}

// findEnd is endContext's search, made once a file and template run,
// top, among top and the templates it runs.
func (l *Layouts) findEnd(file, top string) (diag.Diagnostic, bool) {
	set := template.New("").Funcs(l.funcs)
	for _, name := range append(slices.Clip(l.shared), file) {
		if src, ok := l.src[name]; ok && name != "" {
			if _, err := set.New(name).Parse(src); err != nil {
				return diag.Diagnostic{}, false
			}
		}
	}
	ts := set.Templates()
	if t := set.Lookup(top); t != nil && t.Tree != nil {
		ts = []*template.Template{t}
		for name := range calls(set, t) {
			ts = append(ts, set.Lookup(name))
		}
	}
	open := map[string]string{} // template name → what it leaves open
	for _, t := range ts {
		if t == nil || t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		// Each is escaped with copies of the templates it runs alone: a
		// copy of them all for each took 20 s for 4,000 (an icon set).
		c := template.New("").Funcs(l.funcs)
		for name := range calls(set, t) {
			if u := set.Lookup(name); u != nil && u.Tree != nil {
				c.AddParseTree(name, u.Tree.Copy())
			}
		}
		c.AddParseTree(t.Name(), t.Tree.Copy())
		// Escaping comes before running; the writer stops the run at
		// its first byte, and nil data at its first field.
		err := c.ExecuteTemplate(failWriter{}, t.Name(), nil)
		if e, ok := errors.AsType[*template.Error](err); ok && e.ErrorCode == template.ErrEndContext {
			open[t.Name()] = e.Description
		}
	}
	for _, name := range slices.Sorted(maps.Keys(open)) {
		t := set.Lookup(name)
		inner := false
		for callee := range calls(set, t) {
			if _, ok := open[callee]; ok && callee != name {
				inner = true
			}
		}
		if inner {
			continue
		}
		path := t.Tree.ParseName
		src := l.src[path]
		off := len(strings.TrimRight(src, " \t\r\n"))
		where := "the end of the file"
		if name != path {
			if end, ok := defineEnd(src, name); ok {
				off, where = end, "this {{ end }}"
			}
		}
		return diag.Diagnostic{
			Pos:     diag.At(path, []byte(src), off),
			Message: fmt.Sprintf("template %q ends inside %s: close it before %s, or the rest of the page is read as part of it", name, openWords(open[name]), where),
		}, true
	}
	return diag.Diagnostic{}, false
}

// failWriter is a writer that takes nothing.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("not written") }

// calls returns the names of the templates t runs, directly or through
// others, in set.
func calls(set *template.Template, t *template.Template) map[string]bool {
	seen := map[string]bool{}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		for m := range nodes(n) {
			tn, ok := m.(*parse.TemplateNode)
			if !ok || seen[tn.Name] {
				continue
			}
			seen[tn.Name] = true
			if c := set.Lookup(tn.Name); c != nil && c.Tree != nil {
				walk(c.Tree.Root)
			}
		}
	}
	walk(t.Tree.Root)
	return seen
}

// defineEnd returns the offset in src of the "{{" of the {{ end }} that
// closes the {{ define }} or {{ block }} of the template name.
func defineEnd(src, name string) (int, bool) {
	depth := 0
	for start, text := range actions(src) {
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "define", "block":
			if depth == 0 {
				if len(fields) > 1 {
					if n, err := strconv.Unquote(fields[1]); err == nil && n == name {
						depth = 1
					}
				}
				continue
			}
			depth++
		case "if", "range", "with":
			if depth > 0 {
				depth++
			}
		case "end":
			if depth == 1 {
				return start, true
			}
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, false
}

// openWords says in a writer's words what html/template's description of
// a context ("ends in a non-text context: {stateJSDqStr delimNone …
// elementScript <nil>}") leaves open.
func openWords(desc string) string {
	_, c, _ := strings.Cut(desc, "{")
	f := strings.Fields(strings.TrimSuffix(c, "}"))
	if len(f) == 0 {
		return "a " + desc
	}
	what, ok := stateWords[f[0]]
	if !ok {
		return "a non-text context " + desc
	}
	for _, e := range f[1:] {
		if in, ok := elementWords[e]; ok {
			switch f[0] {
			case "stateJS", "stateCSS", "stateRCDATA":
				return in
			}
			return what + ", in " + in
		}
	}
	return what
}

// stateWords names html/template's states of a context.
var stateWords = map[string]string{
	"stateTag":            "an HTML tag (no closing >)",
	"stateAttrName":       "an HTML tag (no closing >)",
	"stateAfterName":      "an HTML tag (no closing >)",
	"stateBeforeValue":    "an HTML tag (no closing >)",
	"stateHTMLCmt":        "an HTML comment (no closing -->)",
	"stateRCDATA":         "an element whose text runs to its end tag",
	"stateAttr":           "an attribute's value (no closing quote)",
	"stateURL":            "an attribute's value (no closing quote)",
	"stateSrcset":         "an attribute's value (no closing quote)",
	"stateJS":             "a script",
	"stateJSDqStr":        `a JavaScript string (no closing ")`,
	"stateJSSqStr":        "a JavaScript string (no closing ')",
	"stateJSTmplLit":      "a JavaScript template literal (no closing `)",
	"stateJSRegexp":       "a JavaScript regular expression (no closing /)",
	"stateJSBlockCmt":     "a JavaScript comment (no closing */)",
	"stateJSLineCmt":      "a JavaScript comment",
	"stateJSHTMLOpenCmt":  "a JavaScript comment",
	"stateJSHTMLCloseCmt": "a JavaScript comment",
	"stateCSS":            "a style sheet",
	"stateCSSDqStr":       `a CSS string (no closing ")`,
	"stateCSSSqStr":       "a CSS string (no closing ')",
	"stateCSSDqURL":       "a CSS url( (no closing ))",
	"stateCSSSqURL":       "a CSS url( (no closing ))",
	"stateCSSURL":         "a CSS url( (no closing ))",
	"stateCSSBlockCmt":    "a CSS comment (no closing */)",
	"stateCSSLineCmt":     "a CSS comment",
}

// elementWords names the elements whose text html/template reads as
// other than HTML.
var elementWords = map[string]string{
	"elementScript":   "a <script> element (no closing </script>)",
	"elementStyle":    "a <style> element (no closing </style>)",
	"elementTextarea": "a <textarea> element (no closing </textarea>)",
	"elementTitle":    "a <title> element (no closing </title>)",
}
