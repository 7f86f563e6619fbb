package site

import (
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/render"
	"github.com/plotline/plotline/internal/sitefs"
)

// attrAddressRE finds, in the text of a template, an attribute whose value
// is an address: group 1 is where the value starts.
var attrAddressRE = regexp.MustCompile(`(?i)\s(?:href|src|srcset|action|formaction|poster)\s*=\s*["']?()`)

// cssAddressRE finds url( in a style sheet: group 1 is where the address
// starts.
var cssAddressRE = regexp.MustCompile(`(?i)\burl\(\s*["']?()`)

// baseAddresses returns a warning at each address written as it is in the
// templates or the theme's style sheets that starts at the server's root
// but not at the site's base path (href="/about/" or url(/fonts/a.woff2)
// on a site published at /repo/): Markdown's such links are written under
// the base path, these are not, and the reader gets a page not found.
// Addresses the templates make with url, absurl or asset, and relative
// ones, are left alone, as is every address of a site at the root.
func baseAddresses(fsys fs.FS, basePath string) diag.List {
	var l diag.List
	if basePath == "/" || basePath == "" {
		return l
	}
	partials, _ := fs.Glob(fsys, "templates/partials/*.html")
	templates := slices.Sorted(slices.Values(slices.Concat(render.PageTemplates(), partials)))
	for _, p := range templates {
		if sitefs.LeftOut(path.Base(p)) {
			continue
		}
		src, err := sitefs.ReadFile(fsys, p, sitefs.MaxFileSize)
		if err != nil {
			continue // reported by the build that parses it
		}
		text := string(src)
		cur := &diag.Cursor{Path: p, Src: src}
		for _, span := range templateText(text) {
			var ats []int
			for _, re := range []*regexp.Regexp{attrAddressRE, cssAddressRE} {
				for _, m := range re.FindAllStringSubmatchIndex(text[span[0]:span[1]], -1) {
					ats = append(ats, span[0]+m[2])
				}
			}
			slices.Sort(ats) // in order, for the cursor
			for _, at := range ats {
				rootAddress(&l, cur, at, text[at:], basePath, false)
			}
		}
	}
	_ = fs.WalkDir(fsys, "theme", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // reported by the build that reads the theme
		}
		if skip, err := sitefs.SkipLeftOut("theme", p, d); skip {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".css" {
			return nil
		}
		src, err := sitefs.ReadFile(fsys, p, sitefs.MaxAssetSize)
		if err != nil {
			return nil
		}
		text := string(src)
		cur := &diag.Cursor{Path: p, Src: src}
		for _, m := range cssAddressRE.FindAllStringSubmatchIndex(text, -1) {
			rootAddress(&l, cur, m[2], text[m[2]:], basePath, true)
		}
		return nil
	})
	return l
}

// rootAddress adds to l a warning at offset at of the file of cur when
// rest, the text from there, starts with an address at the server's root
// outside basePath. css says the file is a style sheet, where an address
// relative to the sheet is the mend. A file's offsets come in order: each
// warning's place was counted from the start of the file, so that a
// style sheet of 80,000 such addresses (2.6 MB) took 4 s of CPU.
func rootAddress(l *diag.List, cur *diag.Cursor, at int, rest, basePath string, css bool) {
	p := cur.Path
	if !strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "//") || strings.HasPrefix(rest, basePath) {
		return
	}
	end := strings.IndexAny(rest, "\"' \t\r\n>)")
	if end < 0 {
		end = len(rest)
	}
	// made: the address goes on with an action, {{ .URL }}.
	addr, _, made := strings.Cut(rest[:end], "{{")
	sitePath := strings.TrimPrefix(addr, "/")
	var mend string
	switch {
	case css:
		rel := relativeTo(path.Dir(p), sitePath)
		mend = "write it relative to this style sheet, url(" + rel + "), which holds wherever the site is published"
	case made:
		mend = `write the whole address with url: {{ url … }}`
	case strings.HasPrefix(sitePath, "theme/") && !strings.HasSuffix(sitePath, "/"):
		mend = `write {{ asset "` + sitePath + `" }}`
	default:
		mend = `write {{ url "` + sitePath + `" }}`
	}
	shown := addr
	if made {
		shown += "…"
	}
	l.Warnf(cur.At(at), "%q is outside the site, which is published under %s: %s", shown, basePath, mend)
}

// relativeTo returns the address of the site path target relative to a
// file in the folder dir (both from the site's root): "../fonts/a.woff2"
// for theme/fonts/a.woff2 from theme/css.
func relativeTo(dir, target string) string {
	from := strings.Split(dir, "/")
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// templateText returns the spans of src, a template, that are text and
// not actions: [start, end) byte offsets.
func templateText(src string) [][2]int {
	var out [][2]int
	for i := 0; i < len(src); {
		j := strings.Index(src[i:], "{{")
		if j < 0 {
			return append(out, [2]int{i, len(src)})
		}
		out = append(out, [2]int{i, i + j})
		end := strings.Index(src[i+j:], "}}")
		if end < 0 {
			return out
		}
		i += j + end + 2
	}
	return out
}
