package content

import (
	"bytes"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/plotline/plotline/internal/diag"
)

// LoadIndex walks content/ like Load but keeps of each page only what
// linking to it needs: its path, slug, URL and whether it is a draft. The
// pages it returns have no Source; a build parses each file again when it
// renders it, so a site of any size needs memory for one page per worker,
// not for all of them. Front matter is read with ScanFrontMatter, which
// is cheap, and parsed in full only when that cannot tell. Problems other
// than duplicate or reserved URLs are left to the full parse.
func LoadIndex(fsys fs.FS, opts Options, diags *diag.List) *Site {
	files, assets, ok := walk(fsys, diags)
	site := &Site{Assets: assets}
	if !ok {
		return site
	}
	// The files are read by one worker per core; the results keep the
	// walk's order.
	entries := make([]*Page, len(files))
	problems := make([]diag.List, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(files), runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				entries[i] = indexEntry(fsys, files[i], &problems[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range entries {
		diags.Add(problems[i]...)
		if p == nil || (p.Draft && !opts.Drafts) {
			continue
		}
		site.Pages = append(site.Pages, p)
	}
	AssignURLs(site.Pages, diags)
	return site
}

// indexEntry reads the file f for the index: its slug and whether it is a
// draft. It returns nil when the file cannot be read.
func indexEntry(fsys fs.FS, f string, diags *diag.List) *Page {
	src, err := ReadFile(fsys, f, MaxFileSize)
	if err != nil {
		diags.Errorf(diag.Pos{Path: f, Line: 1, Col: 1}, "%s", readError(err))
		return nil
	}
	p := &Page{Path: f, Dir: path.Dir(f)}
	if slug, draft, ok := ScanFrontMatter(src); ok {
		p.Slug, p.Draft = slug, draft
		if checkSlug(slug) != "" {
			p.Slug = "" // the full parse reports it
		}
	} else {
		// The full parse's problems are reported when the page renders.
		var scratch diag.List
		full := Parse(f, src, &scratch)
		p.Slug, p.Draft = full.Slug, full.Draft
	}
	return p
}

// ScanFrontMatter reads the slug and draft keys of YAML front matter
// without a YAML parser. It handles the plain forms writers use —
// `slug: my-page`, `slug: "my page"`, `draft: true` — and reports ok false
// for anything it cannot be sure of (TOML, quoted or complex keys, a space
// before the colon, merge keys, anchors, flow or block values for these
// keys, values that may go on over the next lines, line breaks other than
// line feeds), so that the caller parses the front matter in full instead.
func ScanFrontMatter(src []byte) (slug string, draft bool, ok bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	fm, _, _, format, found, closed := split(src)
	if !found || !closed || format != YAML {
		return "", false, false
	}
	if bytes.Contains(fm, []byte("<<")) {
		return "", false, false
	}
	// YAML also ends a line at a carriage return alone and at U+0085,
	// U+2028 and U+2029; this scanner splits lines at line feeds only.
	if newYAMLLines(fm).line != nil {
		return "", false, false
	}
	seenSlug, seenDraft := false, false
	for len(fm) > 0 {
		var line []byte
		line, fm = cutLine(fm)
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
			continue
		}
		switch line[0] {
		case '"', '\'', '?', '{', '[', '&', '*', '!', '%', '@', '`':
			return "", false, false
		}
		key, value, hasColon := strings.Cut(string(line), ":")
		if !hasColon {
			continue
		}
		if k := strings.TrimRight(key, " \t"); k != key && (k == "slug" || k == "draft") {
			return "", false, false // "slug : x" is the key slug too
		}
		if key != "slug" && key != "draft" {
			continue
		}
		if continued(fm) {
			return "", false, false // the value goes on over the next lines
		}
		if value != "" && value[0] != ' ' && value[0] != '\t' {
			return "", false, false // "slug:x" is not a key in YAML
		}
		v, ok := plainScalar(value)
		if !ok {
			return "", false, false
		}
		switch key {
		case "slug":
			if seenSlug {
				return "", false, false
			}
			seenSlug, slug = true, v
		case "draft":
			if seenDraft {
				return "", false, false
			}
			seenDraft = true
			switch v {
			case "true", "True", "TRUE":
				draft = true
			case "false", "False", "FALSE", "":
			default:
				return "", false, false
			}
		}
	}
	return slug, draft, true
}

// continued reports whether rest, the front matter after a key's line,
// may go on with the key's value: whether its first line that is neither
// blank nor a comment is indented or starts a list entry.
func continued(rest []byte) bool {
	for len(rest) > 0 {
		var line []byte
		line, rest = cutLine(rest)
		t := bytes.TrimLeft(line, " \t")
		if len(bytes.TrimRight(t, "\r\n")) == 0 || t[0] == '#' {
			continue
		}
		return len(t) < len(line) || line[0] == '-'
	}
	return false
}

// plainScalar reads a one-line YAML value: plain, or quoted without
// escapes, with an optional trailing comment.
func plainScalar(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", true
	}
	switch v[0] {
	case '"', '\'':
		q := v[0]
		end := strings.IndexByte(v[1:], q)
		if end < 0 {
			return "", false
		}
		inner, rest := v[1:1+end], strings.TrimSpace(v[2+end:])
		if strings.ContainsRune(inner, '\\') || (rest != "" && !strings.HasPrefix(rest, "#")) {
			return "", false
		}
		return inner, true
	case '[', '{', '|', '>', '&', '*', '!', '%', '@', '`', '#':
		return "", false
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	if strings.Contains(v, ": ") {
		return "", false
	}
	return v, true
}
