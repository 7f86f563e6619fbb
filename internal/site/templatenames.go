package site

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/render"
	"github.com/plotline/plotline/internal/sitefs"
)

// unusedTemplates returns a warning at each file of fsys's templates/
// that no page is made with, and that would otherwise be left out without
// a word: a name plotline does not know (templates/artcle.html), a file
// in a folder other than templates/partials/ (a Hugo site's
// templates/_default/single.html), a partial that is not .html. A name
// one letter off one plotline reads is named.
func unusedTemplates(fsys fs.FS) diag.List {
	read := render.PageTemplates()
	partials, _ := fs.Glob(fsys, "templates/partials/*.html")
	var l diag.List
	_ = fs.WalkDir(fsys, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder is reported by the build that reads it
		}
		if skip, err := sitefs.SkipLeftOut("templates", p, d); skip {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if info, err := fs.Stat(fsys, p); err == nil && info.IsDir() {
				l.Warnf(diag.Pos{Path: p, Line: 1, Col: 1}, "not read: %s", sitefs.LinkToFolder)
				return nil
			}
		}
		if d.IsDir() || slices.Contains(read, p) || path.Dir(p) == "templates/partials" && path.Ext(p) == ".html" {
			return nil
		}
		var names []string
		for _, r := range read {
			names = append(names, strings.TrimPrefix(r, "templates/"))
		}
		msg := "plotline makes no page with a template of this name, so this file is not read (it reads templates/" +
			strings.Join(names, ", ") + " and templates/partials/*.html)"
		for _, q := range append(slices.Clone(read), partials...) {
			if diag.OneEdit(p, q) {
				msg += ": did you mean " + q + "?"
				break
			}
		}
		l.Warnf(diag.Pos{Path: p, Line: 1, Col: 1}, "%s", msg)
		return nil
	})
	return l
}

// otherFolders says, for each folder a Hugo or Jekyll site keeps its
// templates, assets or data in, where such files go in a plotline site.
var otherFolders = map[string]string{
	"layouts":    `templates are Go templates in templates/: base.html for Hugo's baseof.html, article.html for single.html, home.html for the home page, partials/ for partials (see README, "Templates and theme")`,
	"_layouts":   `templates are Go templates in templates/: base.html, article.html, home.html and partials/ (see README, "Templates and theme")`,
	"_includes":  `templates are Go templates in templates/, and an include is a partial in templates/partials/`,
	"static":     `files published beside the pages go in content/ (static/img/a.png as content/img/a.png), and a theme's files in theme/, named in the templates with {{ asset "theme/…" }}`,
	"assets":     `a theme's style sheets, fonts and images go in theme/ and are named in the templates with {{ asset "theme/…" }}`,
	"_sass":      `a theme's style sheets are CSS files in theme/, named in the templates with {{ asset "theme/…" }}`,
	"themes":     `a theme is the site's templates/ and theme/, each file replacing plotline's own of its name`,
	"archetypes": `plotline new article writes a new article's front matter`,
}

// csvFolders are the folders of otherFolders in which a site may keep the
// CSV files its data blocks read (csv: ../../static/prices.csv): only
// another file there is left out.
var csvFolders = []string{"static", "assets"}

// otherSiteFolders returns a warning at each folder of the site that
// plotline does not read but a Hugo or Jekyll site keeps its templates,
// assets or data in (layouts/, static/, assets/…), saying where such
// files go: a designer's files there were left out without a word. A
// site's data/ is not named, nor a static/ or assets/ of CSV files alone,
// which data blocks may read.
func otherSiteFolders(fsys fs.FS) diag.List {
	var l diag.List
	entries, _ := fs.ReadDir(fsys, ".")
	for _, e := range entries {
		if where, ok := otherFolders[e.Name()]; ok && e.IsDir() {
			if slices.Contains(csvFolders, e.Name()) && !holdsOtherThanCSV(fsys, e.Name()) {
				continue
			}
			l.Warnf(diag.Pos{Path: e.Name() + "/"}, "plotline reads no %s/ folder (a Hugo or Jekyll site's): %s", e.Name(), where)
		}
	}
	return l
}

// holdsOtherThanCSV reports whether the folder dir of fsys holds a file,
// at any depth, that is not a CSV file (nor one sitefs.LeftOut leaves out).
func holdsOtherThanCSV(fsys fs.FS, dir string) bool {
	found := false
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return fs.SkipAll
		}
		if skip, err := sitefs.SkipLeftOut(dir, p, d); skip {
			return err
		}
		if !d.IsDir() && !strings.EqualFold(path.Ext(p), ".csv") {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// chartStyleSheet is the stylesheet that lays out the charts, among its
// other rules.
const chartStyleSheet = "theme/css/plotline.css"

// chartRules are class names of the figure whose rules in chartStyleSheet
// lay out a chart: the narrow frame's SVG, shown in a narrow figure, and
// the live chart's box.
var chartRules = []string{"chart-narrow", "chart-box"}

// chartStyle returns a warning at a site's own chartStyleSheet that has
// no rule for the classes the charts are laid out by: a theme that
// replaced plotline's stylesheet with one of its own shows the wide chart
// shrunk on a phone, under an empty box. A copy of plotline's, edited, has
// them.
func chartStyle(fsys fs.FS) diag.List {
	var l diag.List
	src, err := fs.ReadFile(fsys, chartStyleSheet)
	if err != nil {
		return l
	}
	if def, err := fs.ReadFile(plotline.Defaults(), chartStyleSheet); err == nil && bytes.Equal(src, def) {
		return l
	}
	var missing []string
	for _, c := range chartRules {
		if !bytes.Contains(src, []byte("."+c)) {
			missing = append(missing, "."+c)
		}
	}
	if len(missing) > 0 {
		l.Warnf(diag.Pos{Path: chartStyleSheet, Line: 1, Col: 1}, "has no rules for %s, which lay out the charts: a phone gets the wide chart shrunk under an empty box; keep plotline's section 8, Charts, or add a stylesheet of the site's own after plotline's instead of replacing it (see the README's Templates and theme)", strings.Join(missing, " or "))
	}
	return l
}
