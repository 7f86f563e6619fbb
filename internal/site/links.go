package site

import (
	"fmt"
	"path"
	"strings"

	"github.com/plotline/plotline/internal/content"
)

// linkIndex knows every path of the site being built, so that a link
// written in Markdown can be checked before anything is published.
type linkIndex struct {
	basePath string
	pages    map[string]bool   // page URLs ("articles/x/")
	files    map[string]string // page file ("content/articles/x.md") → its URL
	assets   map[string]bool   // site path of every other file
}

// newLinkIndex returns an index that knows the files every site has.
func newLinkIndex(basePath string) *linkIndex {
	ix := &linkIndex{basePath: basePath, pages: map[string]bool{}, files: map[string]string{}, assets: map[string]bool{}}
	for _, f := range []string{"feed.xml", "sitemap.xml", "robots.txt", "404.html", "tags/"} {
		ix.assets[f] = true
	}
	return ix
}

// addPage records the page in file at url.
func (ix *linkIndex) addPage(file, url string) {
	ix.pages[url] = true
	ix.files[file] = url
}

// resolve checks dest, written in the page at from, and returns the URL to
// write in its place: root-relative, under the base path.
func (ix *linkIndex) resolve(from *content.Page, dest string) (string, error) {
	target, suffix := dest, ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, suffix = target[:i], target[i:]
	}
	if target == "" {
		return dest, nil
	}
	var candidates []string
	if strings.HasPrefix(target, "/") {
		candidates = []string{strings.TrimPrefix(path.Clean(target), "/")}
		if strings.HasSuffix(target, "/") && candidates[0] != "" {
			candidates[0] += "/"
		}
	} else {
		// Relative to the Markdown file first: "other.md", "chart.png".
		file := path.Join(from.Dir, target)
		if u, ok := ix.files[file]; ok {
			return ix.basePath + u + suffix, nil
		}
		if rel, ok := strings.CutPrefix(file, "content/"); ok && ix.assets[rel] {
			return ix.basePath + rel + suffix, nil
		}
		// Then as a browser would read it from the page's own URL.
		resolved := path.Join(from.URL, target)
		if strings.HasSuffix(target, "/") {
			resolved += "/"
		}
		candidates = []string{resolved}
	}
	for _, c := range candidates {
		if strings.HasPrefix(c, "..") {
			return "", fmt.Errorf("points outside the site")
		}
		if site, ok := ix.lookup(c); ok {
			return ix.basePath + site + suffix, nil
		}
	}
	if strings.HasSuffix(target, ".md") {
		return "", fmt.Errorf("no such page in content/")
	}
	return "", fmt.Errorf("no page or file of the site has this address")
}

// lookup finds a site path, accepting a page URL with or without its
// trailing slash or index.html, and returns its canonical spelling.
func (ix *linkIndex) lookup(p string) (string, bool) {
	if p == "." || p == "/" {
		p = ""
	}
	switch {
	case p == "" || p == "index.html":
		return "", true
	case ix.assets[p]:
		return p, true
	}
	page := strings.TrimSuffix(strings.TrimSuffix(p, "index.html"), "/") + "/"
	if ix.pages[page] {
		return page, true
	}
	if ix.assets[page+"index.html"] {
		return page, true
	}
	return "", false
}
