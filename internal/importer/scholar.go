package importer

import (
	"cmp"
	"io/fs"
	"path"
	"regexp"
	"strings"
)

// bibEntryRE finds the start of a BibTeX entry: its type and key.
var bibEntryRE = regexp.MustCompile(`@(\w+)\s*\{\s*([^,\s{}]+)\s*,`)

// bibFieldRE finds a field's name and the start of its value.
var bibFieldRE = regexp.MustCompile(`^[\s,]*([A-Za-z][\w-]*)\s*=\s*`)

// bibliography returns the works of the site's BibTeX files (in
// jekyll-scholar's source folder, _bibliography by default), each as the
// text of a note, "Ana Lima and Ben Ortiz (2016). A title. A
// journal.", by key; read once.
func (im *importer) bibliography() map[string]string {
	if im.bib != nil {
		return im.bib
	}
	im.bib = map[string]string{}
	dir := strings.Trim(strings.TrimPrefix(lookupString(im.conf.vars, "scholar.source"), "./"), "/")
	names, _ := fs.Glob(im.src, path.Join(cmp.Or(dir, "_bibliography"), "*.bib"))
	for _, name := range names {
		data, err := readFile(im.src, name)
		if err != nil {
			continue
		}
		entries := bibEntryRE.FindAllSubmatchIndex(data, -1)
		for k, m := range entries {
			end := len(data) // an entry ends where the next starts, however broken
			if k+1 < len(entries) {
				end = entries[k+1][0]
			}
			f := bibFields(data[m[1]:end])
			if f["title"] == "" {
				continue
			}
			note := bibAuthors(f["author"])
			if f["year"] != "" {
				note += " (" + f["year"] + ")"
			}
			note = strings.TrimPrefix(note+". "+strings.TrimSuffix(f["title"], ".")+".", ". ")
			for _, k := range []string{"journal", "booktitle", "publisher"} {
				if f[k] != "" {
					note += " " + strings.TrimSuffix(f[k], ".") + "."
				}
			}
			im.bib[string(data[m[4]:m[5]])] = note
		}
	}
	return im.bib
}

// bibFields reads the fields of the entry whose text b starts with, up
// to its end, by lower-case name.
func bibFields(b []byte) map[string]string {
	out := map[string]string{}
	for {
		m := bibFieldRE.FindSubmatchIndex(b)
		if m == nil {
			return out
		}
		name := strings.ToLower(string(b[m[2]:m[3]]))
		b = b[m[1]:]
		end := bibValueEnd(b)
		out[name] = strings.Join(strings.Fields(strings.NewReplacer("{", "", "}", "", `"`, "", `\&`, "&", "~", " ").Replace(string(b[:end]))), " ")
		b = b[end:]
	}
}

// bibValueEnd returns the length of the value b starts with: in braces,
// in quotes, or a word, up to the comma after it or the brace that ends
// the entry.
func bibValueEnd(b []byte) int {
	depth, quoted := 0, len(b) > 0 && b[0] == '"'
	for i, ch := range b {
		switch {
		case ch == '{':
			depth++
		case ch == '}' && depth == 0:
			return i // the end of the entry
		case ch == '}':
			if depth--; depth == 0 && b[0] == '{' {
				return i + 1
			}
		case ch == '"' && quoted && i > 0 && depth == 0:
			return i + 1
		case ch == ',' && depth == 0 && !quoted:
			return i
		}
	}
	return len(b)
}

// bibAuthors writes BibTeX's "Last, First and Last, First" as a reader
// reads names: "First Last and First Last", three or more with commas.
func bibAuthors(s string) string {
	if s == "" {
		return ""
	}
	names := strings.Split(s, " and ")
	for i, n := range names {
		if last, first, ok := strings.Cut(n, ","); ok {
			names[i] = strings.TrimSpace(first) + " " + strings.TrimSpace(last)
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// footnoteUnsafeRE finds what a footnote's label may not hold.
var footnoteUnsafeRE = regexp.MustCompile(`[^\w-]+`)

// cite writes jekyll-scholar's {% cite key %} at body offset i, which
// showed the work's author and year linked to the page's list of works,
// as a footnote whose text is the work as the site's bibliography gives
// it, once a page however often it is cited; it returns how many bytes it
// took, 0 when a key is not in the bibliography.
func (c *converter) cite(i int, t tag) int {
	bib := c.im.bibliography()
	var keys []string
	for _, k := range strings.Fields(t.args) {
		if strings.HasPrefix(k, "-") {
			break // options: a locator, a file
		}
		if bib[k] == "" {
			return 0
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return 0
	}
	for _, k := range keys {
		label := footnoteUnsafeRE.ReplaceAllString(k, "-")
		if c.noteLabels[label] {
			c.out.WriteString("[^" + label + "]")
			continue
		}
		c.sideNote(t, label, bib[k])
	}
	return c.converted(t.end - i)
}
