package render

import (
	"cmp"
	"html/template"
	"io"
	"strings"

	"github.com/plotline/plotline/internal/words"
)

// redirectPage is the page written at an old address of a page (an
// alias): a refresh for browsers, a canonical link for search engines,
// which should not index it, and a link for whoever sees it, at a phone's
// width and in its reader's colour scheme where the browser does not
// follow the refresh at once (some readers have them ask). The refresh
// and the link are root-relative, so that they stay on the host that
// serves the page (plotline serve's preview too); the canonical link is
// absolute.
var redirectPage = template.Must(template.New("redirect").Parse(`<!DOCTYPE html>
<html lang="{{ .Lang }}"{{ with .Dir }} dir="{{ . }}"{{ end }}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{ .Title }}</title>
<link rel="canonical" href="{{ .Canonical }}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{ .URL }}">
</head>
<body>
<p>{{ .Before }}<a href="{{ .URL }}">{{ .Title }}</a>{{ .After }}</p>
</body>
</html>
`))

// WriteRedirect writes to w the page that sends a reader from an old
// address to the page titled title, at the site path target: to its
// root-relative URL, with its absolute one as the canonical link (the
// root-relative one when the site has no base URL). Its sentence is the
// text of key in the words of ws: words.MovedTo ("This page has moved to
// {title}.") at an alias, words.ListedOn ("The list of articles is on
// {title}.") at a folder that articles are in.
func WriteRedirect(w io.Writer, site *Site, ws *words.Table, key words.Key, title, target string) error {
	lang := cmp.Or(site.Language, "en")
	// The sentence around the link: the text before and after the
	// placeholder that the link stands in.
	before, after, _ := strings.Cut(ws.Format(key, "\x00"), "\x00")
	return redirectPage.Execute(w, struct{ Lang, Dir, Title, URL, Canonical, Before, After string }{lang, site.Direction, title, site.URL(target), site.AbsURL(target), before, after})
}
