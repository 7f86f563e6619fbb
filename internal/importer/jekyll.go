package importer

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// jekyllSkip are the files of a Jekyll site's root that are the site's
// machinery, not its pages or files.
var jekyllSkip = map[string]bool{
	"Gemfile": true, "Gemfile.lock": true, "node_modules": true, "vendor": true,
	"Rakefile": true, "package.json": true, "package-lock.json": true,
}

// fileDate reads the YYYY-MM-DD- a file name starts with, and returns the
// name without it and without its extension.
func fileDate(name string) (time.Time, string, bool, error) {
	d, rest, prefixed, err := content.FileDate(strings.TrimSuffix(name, path.Ext(name)) + ".md")
	return d, strings.TrimSuffix(rest, ".md"), prefixed, err
}

func (im *importer) jekyll() error {
	conf, err := readConfig(im.src, "_config.yml")
	if err != nil {
		return err
	}
	if conf == nil {
		if conf, err = readConfig(im.src, "_config.yaml"); err != nil {
			return err
		}
	}
	if conf == nil {
		if _, err := fs.Stat(im.src, "_posts"); err != nil {
			return fmt.Errorf("not a Jekyll site: no _config.yml and no _posts folder")
		}
	}
	im.conf.vars = conf
	im.conf.title = lookupString(conf, "title")
	im.conf.language = languageTag(cmp.Or(lookupString(conf, "lang"), lookupString(conf, "locale")))
	im.conf.description = lookupString(conf, "description")
	im.conf.baseURL = strings.TrimSuffix(lookupString(conf, "url"), "/") + "/" + strings.Trim(lookupString(conf, "baseurl"), "/")
	im.conf.unsafe = true // kramdown publishes raw HTML
	im.conf.permalink = lookupString(conf, "permalink")
	if ex, ok := lookup(conf, "exclude").([]any); ok {
		for _, e := range ex {
			if s, ok := e.(string); ok {
				im.conf.exclude = append(im.conf.exclude, strings.Trim(s, "/"))
			}
		}
	}
	return fs.WalkDir(im.src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			im.note(diag.Pos{Path: p}, "cannot read: %v", err)
			return nil
		}
		if p == "." {
			return nil
		}
		name := d.Name()
		if content.Hidden(name) || jekyllSkip[name] && !strings.Contains(p, "/") || im.excluded(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(name, "_") && name != "_posts" && name != "_drafts" {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		dir := path.Dir(p)
		if dir == "." {
			dir = ""
		}
		// Posts: in _posts or _drafts, at the root or below a folder
		// whose names are categories.
		var cats []string
		kind := ""
		parts := strings.Split(dir, "/")
		for i, part := range parts {
			if part == "_posts" || part == "_drafts" {
				kind = part
				if i > 0 {
					cats = parts[:i]
				}
				break
			}
		}
		if strings.HasPrefix(name, "_") {
			return nil
		}
		data, err := fs.ReadFile(im.src, p)
		if err != nil {
			im.note(diag.Pos{Path: p}, "cannot read: %v", err)
			return nil
		}
		_, _, _, _, hasFM := splitFrontMatter(data)
		if kind == "" && !hasFM {
			// Jekyll copies a file without front matter as it is.
			if markdownExt(p) {
				im.done(diag.Pos{Path: p}, "Markdown without front matter, which Jekyll copies as it is: copied as %s", strings.TrimSuffix(p, path.Ext(p))+".txt")
				im.copyFile(p, "content/"+strings.TrimSuffix(p, path.Ext(p))+".txt")
				return nil
			}
			im.copyFile(p, "content/"+p)
			return nil
		}
		if !markdownExt(p) {
			if kind == "" {
				im.done(diag.Pos{Path: p}, "a file with front matter that Jekyll runs through Liquid (a template): not imported")
			}
			return nil
		}
		base := strings.TrimSuffix(name, path.Ext(name))
		if kind == "" && dir == "" && base == "index" {
			im.done(diag.Pos{Path: p}, "the home page is not imported: plotline makes the home page")
			return nil
		}
		pg, ok := im.readPage(p, data)
		if !ok {
			return nil
		}
		if kind == "" {
			pg.dest = "content/" + strings.TrimSuffix(p, path.Ext(p)) + ".md"
			im.fillIn(pg)
			pg.oldURL = jekyllPageURL(pg, p, im.conf.permalink)
		} else {
			_, rest, _ := strings.Cut(p, kind+"/")
			sub := path.Dir(rest)
			if sub == "." {
				sub = ""
			}
			pg.post = true
			if kind == "_drafts" {
				pg.draft = true
			}
			// Posts of the root's _posts go to content/posts; those of
			// en/news/_posts to content/en/news, so that two folders'
			// posts of one name (one post in two languages) stay apart.
			folder := "content/posts"
			if len(cats) > 0 {
				folder = path.Join(append([]string{"content"}, cats...)...)
			}
			pg.dest = path.Join(folder, sub, strings.TrimSuffix(path.Base(rest), path.Ext(rest))+".md")
			im.fillIn(pg)
			pg.cats = append(append([]string{}, cats...), pg.list("categories", true)...)
			pg.cats = append(pg.cats, pg.list("category", false)...)
			_, name, prefixed, _ := fileDate(path.Base(rest))
			if !prefixed {
				name = strings.TrimSuffix(path.Base(rest), path.Ext(rest))
			}
			pg.oldURL = jekyllPostURL(pg, name, im.conf.permalink)
		}
		pg.newURL = newURL(pg.dest, pg.slug)
		im.pages = append(im.pages, pg)
		return nil
	})
}

// excluded reports whether the config's exclude list names p or a folder
// it is in.
func (im *importer) excluded(p string) bool {
	for _, e := range im.conf.exclude {
		if ok, _ := path.Match(e, p); ok || p == e || strings.HasPrefix(p, e+"/") {
			return true
		}
		if ok, _ := path.Match(e, path.Base(p)); ok && !strings.Contains(e, "/") && strings.ContainsAny(e, "*?[") {
			return true
		}
	}
	return false
}
