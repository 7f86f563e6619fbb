package site

import (
	"io/fs"
	"path"
	"slices"
	"strings"

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
	read := []string{"templates/base.html", render.EmbedTemplate}
	for _, f := range render.Kinds {
		read = append(read, "templates/"+f)
	}
	slices.Sort(read)
	partials, _ := fs.Glob(fsys, "templates/partials/*.html")
	var l diag.List
	_ = fs.WalkDir(fsys, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder is reported by the build that reads it
		}
		if skip, err := sitefs.SkipLeftOut("templates", p, d); skip {
			return err
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
