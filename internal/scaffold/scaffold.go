// Package scaffold holds the starter files of "plotline new": a small
// working site, and the skeleton of a new article.
//
// The site's files are embedded as they will be written, except that a
// leading "dot_" in a name stands for a dot, so that the starter's
// .gitignore and .github/ do not act on this repository, and that a file
// whose name ends in ".tmpl" is a text/template, with [[ ]] as delimiters,
// executed with the site's Pins and written without the suffix.
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

// Pins are the versions a new site's Pages workflow installs, so that a
// new release of plotline or of Go changes nothing until the site's
// repository says so.
type Pins struct {
	// Plotline is the module version of plotline to install, such as
	// v1.2.3. When it is empty the workflow names Placeholder instead, with
	// a comment that says to replace it.
	Plotline string
	// Go is the version of Go to build plotline with, such as 1.26.
	Go string
}

// Placeholder is what the Pages workflow installs when Pins.Plotline is
// empty: not a version, so the step fails until it is replaced.
const Placeholder = "VERSION"

// Site returns the files of a new site whose workflow installs pins, sorted
// by path.
func Site(pins Pins) []File {
	var out []File
	err := fs.WalkDir(files, "site", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		name := undot(strings.TrimPrefix(p, "site/"))
		if base, ok := strings.CutSuffix(name, ".tmpl"); ok {
			name = base
			if data, err = execute(p, data, pins); err != nil {
				return err
			}
		}
		out = append(out, File{Path: name, Data: data})
		return nil
	})
	if err != nil {
		panic("scaffold: reading the embedded site: " + err.Error()) // the files are compiled in
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// execute runs the template src, named name, with pins.
func execute(name string, src []byte, pins Pins) ([]byte, error) {
	t, err := template.New(name).Delims("[[", "]]").Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = t.Execute(&b, struct {
		Pins
		Placeholder string
	}{pins, Placeholder})
	return b.Bytes(), err
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

// Workflow is the path of the GitHub Pages workflow in Site.
const Workflow = ".github/workflows/pages.yml"

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
	out, _ := yaml.Marshal(n) // a string always marshals
	return strings.TrimSuffix(string(out), "\n")
}
