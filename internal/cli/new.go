package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/scaffold"
	"github.com/plotline/plotline/internal/sitefs"
	"github.com/plotline/plotline/internal/version"
	"github.com/plotline/plotline/internal/yamlpos"
)

const newUsage = `usage: plotline new site DIR
       plotline new article "Title" [-s SITE] [--date YYYY-MM-DD] [--dir articles]

Start a new site, or a new article in a site.

"new site" makes the folder DIR with a plotline.yaml, an example article,
a .gitignore and a GitHub Pages workflow. DIR must not exist, or be empty.

"new article" writes content/articles/<slug>.md, the slug made from the
title, with a front matter skeleton. It never replaces a file.

Run "plotline new site -h" or "plotline new article -h" for their flags.

Examples:

	plotline new site mysite
	plotline new article "How long will the reservoir last?" -s mysite
`

func runNew(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, newUsage)
		return ExitUsage
	}
	switch args[0] {
	case "site":
		return runNewSite(e, args[1:])
	case "article":
		// Today as a build sees it, SOURCE_DATE_EPOCH's day when it is
		// set: a new article is then never dated after the day of the
		// build that would publish it.
		today, err := buildDay()
		if err != nil {
			return report(e, err)
		}
		return runNewArticle(e, args[1:], today)
	case "-h", "-help", "--help":
		fmt.Fprint(e.stdout, newUsage)
		return ExitOK
	}
	fmt.Fprintf(e.stderr, "plotline new: unknown kind %q (want site or article)\n\n%s", args[0], newUsage)
	return ExitUsage
}

// parseWithArgs parses args, which may mix flags and positional arguments
// ("new article Title -s site"), and returns the positional ones, or the
// exit code to stop with.
func parseWithArgs(e *env, flags *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if code := parse(e, flags, args); code >= 0 {
			return nil, code
		}
		rest := flags.Args()
		if len(rest) == 0 {
			return pos, -1
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), -1 // everything after -- is an argument
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func runNewSite(e *env, args []string) int {
	flags := newFlags(e, "new site", "make a new site folder with an example article and a GitHub Pages workflow", "plotline new site mysite")
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), "usage: plotline new site DIR\n\nMake the folder DIR with a plotline.yaml, an example article, a .gitignore\nand a GitHub Pages workflow. DIR must not exist, or be empty. The workflow\ninstalls this version of plotline, built with the Go it is written for.\n\nExample:\n\n\tplotline new site mysite\n")
	}
	pos, code := parseWithArgs(e, flags, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		return e.fail(ExitUsage, "plotline new site: want one folder, as in: plotline new site mysite")
	}
	dir := pos[0]
	if dir == "" {
		// os.ReadDir("") finds nothing, and the files went into the
		// current folder, replacing its plotline.yaml and .gitignore
		// (as a script's "$SITE" that is not set does).
		return e.fail(ExitUsage, "plotline new site: the folder's name is empty: name the folder to make, as in: plotline new site mysite")
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return e.fail(ExitContent, "plotline new site: %s already exists and is not empty; nothing was written", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return e.fail(ExitContent, "plotline new site: %v", err)
	}
	pins := scaffold.Pins{Go: version.Go}
	pins.Plotline, _ = e.version.Installable()
	files := scaffold.Site(pins)
	// What was made, folders and files, in order: a write that fails
	// half-way (a full disk, a path the system finds too long) takes it
	// all away again, where it left half a site, which the next new site
	// into the folder refused as not empty.
	var made []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		folders, err := mkdirAll(filepath.Dir(p))
		made = append(made, folders...)
		if err == nil {
			if err = writeNew(p, f.Data); err == nil {
				made = append(made, p)
			}
		}
		if err != nil {
			for _, m := range slices.Backward(made) {
				os.Remove(m)
			}
			return e.fail(ExitContent, "plotline new site: %v; nothing was written", err)
		}
	}
	fmt.Fprintf(e.stdout, "created a new site in %s:\n\n", dir)
	for _, f := range files {
		fmt.Fprintf(e.stdout, "\t%s\n", path.Join(filepath.ToSlash(dir), f.Path))
	}
	fmt.Fprintf(e.stdout, "\nPreview it, with the example article, while you edit:\n\n\tcd %s && plotline serve\n\n", shellQuote(dir))
	fmt.Fprintf(e.stdout, "Add an article:\n\n\tplotline new article \"My first explainer\"\n\n")
	fmt.Fprintf(e.stdout, "To publish it, push the folder to a GitHub repository and set\nSettings → Pages → Source to \"GitHub Actions\".\n")
	workflow := path.Join(filepath.ToSlash(dir), scaffold.Workflow)
	if pins.Plotline != "" {
		fmt.Fprintf(e.stdout, "The workflow builds it with plotline %s and Go %s.\n", pins.Plotline, pins.Go)
	} else {
		fmt.Fprintf(e.stderr, "plotline new site: warning: this plotline is a development build, %s, that does not know its release; replace %s in %s with the release to build the site with, such as v1.2.3\n", e.version, scaffold.Placeholder, workflow)
	}
	return ExitOK
}

// mkdirAll makes the folder dir and those above it that are missing, as
// os.MkdirAll does, and returns those it made, the topmost first. When it
// fails it removes them again: a path the system refuses half-way (too
// long, say) left a chain of empty folders under content/.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for p := dir; ; p = filepath.Dir(p) {
		if _, err := os.Lstat(p); err == nil {
			break
		}
		missing = append(missing, p)
		if filepath.Dir(p) == p {
			break
		}
	}
	slices.Reverse(missing)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		for _, p := range slices.Backward(missing) {
			os.Remove(p) // only an empty folder goes
		}
		return nil, err
	}
	return missing, nil
}

// writeNew writes data to the file name, which must not exist: a file
// that was made after the folder was found empty is never replaced.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func runNewArticle(e *env, args []string, now time.Time) int {
	const example = `plotline new article "How long will the reservoir last?" -s mysite --date 2025-03-04`
	flags := newFlags(e, "new article", "write a new article with a front matter skeleton", example)
	flags.Usage = func() {
		w := flags.Output()
		fmt.Fprint(w, "usage: plotline new article \"Title\" [flags]\n\nWrite content/articles/<slug>.md, the slug made from the title, dated today,\nwith a front matter skeleton. An existing file is never replaced.\n\nFlags:\n")
		flags.PrintDefaults()
		fmt.Fprintf(w, "\nExample:\n\n\t%s\n", example)
	}
	dir := flags.String("s", ".", "the site `folder`")
	date := flags.String("date", now.Format(time.DateOnly), "the article's `date`, YYYY-MM-DD")
	sub := flags.String("dir", "articles", "the `folder` under content/ to write it in")
	pos, code := parseWithArgs(e, flags, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		return e.fail(ExitUsage, `plotline new article: want one title, in quotes, as in: plotline new article "My title"`)
	}
	title := strings.TrimSpace(pos[0])
	slug := content.Slugify(title)
	if slug == "" {
		return e.fail(ExitUsage, "plotline new article: the title %q has no letters or digits to make a file name of", pos[0])
	}
	// A title the build refuses made an article that failed every build
	// with --drafts, as plotline serve --drafts, which the message below
	// suggests, runs it.
	if n := utf8.RuneCountInString(title); n > content.MaxTitleRunes {
		return e.fail(ExitUsage, "plotline new article: the title has %d characters, more than the %d a title may have: give a shorter one", n, content.MaxTitleRunes)
	}
	if _, r, ok := yamlpos.Unprintable(title); ok {
		return e.fail(ExitUsage, "plotline new article: title: %s", yamlpos.UnprintableMessage(r))
	}
	if d, err := time.Parse(time.DateOnly, *date); err != nil {
		return e.fail(ExitUsage, "plotline new article: --date %q is not a date (want YYYY-MM-DD)", *date)
	} else if d.Year() < content.MinYear {
		// The build would refuse the article it wrote.
		return e.fail(ExitUsage, "plotline new article: --date %s is before the year %d, most likely a mistyped year", *date, content.MinYear)
	}
	folder := path.Clean(filepath.ToSlash(*sub))
	if !filepath.IsLocal(folder) {
		return e.fail(ExitUsage, "plotline new article: --dir %q must be a folder inside content/, such as articles", *sub)
	}
	if r, why, ok := sitefs.UnseenRune(folder); ok {
		return e.fail(ExitUsage, "plotline new article: --dir %q holds U+%04X, %s, which a web address must not hold: name another folder", *sub, r, why)
	}
	if sitefs.TooDeep(path.Join("content", folder)) {
		// Every build, drafts or not, stopped at the folder.
		return e.fail(ExitUsage, "plotline new article: --dir lies %d folders below content/, deeper than the %d plotline reads, so every build would stop at it: name a folder nearer the top", strings.Count(folder, "/")+1, sitefs.MaxDepth)
	}
	if sitefs.LeftOutPath(folder) {
		return e.fail(ExitUsage, "plotline new article: --dir %q is a folder plotline leaves out of the site (a hidden one, or an editor's file), so the article would never be read: name another", *sub)
	}
	if len(slug) > maxSlugBytes {
		slug = cutSlug(slug, maxSlugBytes)
	}
	if content.WindowsDevice(slug) {
		return e.fail(ExitUsage, "plotline new article: the title %q makes the file name %s.md, and Windows keeps the name %s for a device: there the file could not be opened, nor the site be built or checked out; give a longer title", pos[0], slug, slug)
	}
	if slug == "index" || slug == "_index" {
		return e.fail(ExitUsage, "plotline new article: the title %q makes the file name %s.md, which is the page of its folder, not an article: give a longer title", pos[0], slug)
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		return e.fail(ExitContent, "plotline new article: %s is not a site folder", *dir)
	}
	if err := checkSiteFolder(*dir); err != nil {
		return e.fail(ExitContent, "plotline new article: %v; nothing was written", err)
	}
	rel := path.Join("content", folder, slug+".md")
	var urlErr *content.URLError
	if _, err := content.URLFor(&content.Page{Path: rel}); errors.As(err, &urlErr) {
		// The advice to rename the file is for a file that exists.
		return e.fail(ExitUsage, "plotline new article: %s cannot be written: %s; give another title or --dir", rel, urlErr.Reason)
	}
	file := filepath.Join(*dir, filepath.FromSlash(rel))
	// The build follows no link to a folder: an article written through
	// one would be written outside content/, perhaps outside the site,
	// and never read.
	names := append([]string{"content"}, strings.Split(folder, "/")...)
	for i := range names {
		p := path.Join(names[:i+1]...)
		fi, err := os.Lstat(filepath.Join(*dir, filepath.FromSlash(p)))
		if err != nil {
			break // made below
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return e.fail(ExitContent, "plotline new article: %s is a symbolic link, and the build does not follow links to folders, so the article would be written where it is never read; nothing was written", p)
		}
	}
	if _, err := mkdirAll(filepath.Dir(file)); err != nil {
		return report(e, err)
	}
	err := writeNew(file, scaffold.Article(title, *date))
	if errors.Is(err, fs.ErrExist) {
		return e.fail(ExitContent, "plotline new article: %s already exists; nothing was written", file)
	}
	if err != nil {
		os.Remove(file) // made by this call, if made at all
		return report(e, err)
	}
	fmt.Fprintf(e.stdout, "created %s\n", file)
	fmt.Fprintln(e.stdout, "It is a draft: plotline serve --drafts shows it; remove its line draft: true to publish it.")
	return ExitOK
}

// maxSlugBytes is the longest slug plotline new article gives a file:
// with ".md" its name has the 255 bytes file systems take at most.
const maxSlugBytes = content.MaxNameBytes - len(".md")

// cutSlug returns the first n bytes of slug at most, cut after a whole
// word when one ends there, and else after a whole character.
func cutSlug(slug string, n int) string {
	for n > 0 && !utf8.RuneStart(slug[n]) {
		n--
	}
	cut := slug[:n]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		return cut[:i]
	}
	return cut
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
