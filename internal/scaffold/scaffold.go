// Package scaffold holds the starter files of "plotline new": a small
// working site, and the skeleton of a new article.
//
// The site's files are embedded as they will be written, except that a
// leading "dot_" in a name stands for a dot, so that the starter's
// .gitignore and .github/ do not act on this repository.
package scaffold

import (
	"bytes"
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
	"text/template"

	"go.yaml.in/yaml/v3"
)

//go:embed site article.md
var files embed.FS

// File is one starter file: a slash path relative to the site folder and
// its contents.
type File struct {
	Path string
	Data []byte
}

// Site returns the files of a new site, sorted by path.
func Site() []File {
	var out []File
	err := fs.WalkDir(files, "site", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		out = append(out, File{Path: undot(strings.TrimPrefix(p, "site/")), Data: data})
		return nil
	})
	if err != nil {
		panic("scaffold: reading the embedded site: " + err.Error()) // the files are compiled in
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// undot turns each leading "dot_" of p's elements into a dot.
func undot(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if rest, ok := strings.CutPrefix(s, "dot_"); ok {
			parts[i] = "." + rest
		}
	}
	return path.Join(parts...)
}

// ExampleArticle is the path of the example article in Site.
const ExampleArticle = "content/articles/returns-backlog.md"

// Article returns a new article titled title, dated date (YYYY-MM-DD): its
// front matter with commented examples of a data block and a chart, and a
// line of text.
func Article(title, date string) []byte {
	// [[ ]] leaves the {{ }} of the value references in its comments alone.
	t := template.Must(template.New("article.md").Delims("[[", "]]").ParseFS(files, "article.md"))
	var b bytes.Buffer
	err := t.Execute(&b, struct{ Title, Date string }{quote(title), date})
	if err != nil {
		panic("scaffold: " + err.Error()) // the template and its data are fixed
	}
	return b.Bytes()
}

// quote returns s as a double-quoted YAML scalar.
func quote(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
	out, err := yaml.Marshal(n)
	if err != nil {
		panic("scaffold: quoting a title: " + err.Error()) // a string always marshals
	}
	return strings.TrimSuffix(string(out), "\n")
}
