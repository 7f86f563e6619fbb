package content

import "strings"

// PelicanMark splits dest, a link's address, when it starts with one of
// Pelican's marks of a link to a file of the site ({filename}, {static},
// {attach}, or the older |filename|), which sites that moved from
// Pelican to Hugo or Jekyll keep: a browser reads the mark as part of a
// path that leads nowhere. It returns the mark and the address after it.
func PelicanMark(dest string) (mark, rest string, ok bool) {
	for _, word := range []string{"filename", "static", "attach"} {
		for _, m := range []string{"{" + word + "}", "|" + word + "|"} {
			if r, found := strings.CutPrefix(dest, m); found {
				return m, r, true
			}
		}
	}
	return "", "", false
}
