package render

import (
	"encoding/xml"
	"html"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	nethtml "golang.org/x/net/html"
)

// FeedEntry is one article in the Atom feed.
type FeedEntry struct {
	Summary
	Content string // the article's HTML, charts as images of their SVG files
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  *atomAuthor `xml:"author,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	// Base is the address the HTML's relative links are read against
	// (xml:base): the article's, so that "#fn:1" and "/repo/x/" lead where
	// they do on the page rather than into the feed.
	Base string `xml:"xml:base,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Links      []atomLink     `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Author     *atomAuthor    `xml:"author,omitempty"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    *atomText      `xml:"content,omitempty"`
}

// linkAttrRE finds an href or src attribute in a start tag, with its
// value in double or single quotes.
var linkAttrRE = regexp.MustCompile(`(\s(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)')`)

// absoluteLinks returns the HTML s with each href and src of its tags
// that is relative (a path from the site's root, a fragment, a path)
// written as an absolute URL, read against base, the article's absolute
// URL. The content keeps its xml:base all the same, but many feed readers
// ignore one on <content>, and then read "/repo/x/" against their own
// address and "#fn:1" against the feed's. Everything else is left as it
// is, byte for byte; s is returned whole when the tokenizer fails.
func absoluteLinks(s, base string) string {
	b, err := url.Parse(base)
	if err != nil || b.Scheme == "" || b.Host == "" {
		return s
	}
	origin := b.Scheme + "://" + b.Host
	abs := func(v string) (string, bool) {
		switch {
		case v == "" || strings.HasPrefix(v, "//"):
			return "", false
		case v[0] == '/':
			return origin + v, true
		case v[0] == '#':
			return base + v, true
		}
		u, err := url.Parse(html.UnescapeString(v))
		if err != nil || u.Scheme != "" || u.Host != "" {
			return "", false
		}
		return html.EscapeString(b.ResolveReference(u).String()), true
	}
	z := nethtml.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	out.Grow(len(s) + len(s)/8)
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		out.Write(linkAttrRE.ReplaceAllFunc(raw, func(m []byte) []byte {
			sub := linkAttrRE.FindSubmatch(m)
			quote, v := `"`, string(sub[2])
			if sub[3] != nil {
				quote, v = "'", string(sub[3])
			}
			a, ok := abs(v)
			if !ok {
				return m
			}
			return []byte(string(sub[1]) + quote + a + quote)
		}))
	}
	if z.Err() != io.EOF {
		return s
	}
	return out.String()
}

// xmlSpace returns s with each form feed made a space. HTML reads a form
// feed (a page break, in text copied from a PDF) as a space; XML forbids
// it, and encoding/xml writes U+FFFD in its place, which a feed reader
// shows as a box.
func xmlSpace(s string) string { return strings.ReplaceAll(s, "\f", " ") }

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// feedID returns the Atom id of the site path p: its absolute URL, or,
// for a site without a base URL, a URN made of the site's title and the
// path, since an Atom id must be an absolute IRI and a path alone is not
// one. The links of such a feed's entries stay relative, which Atom
// allows.
func feedID(site *Site, p string) string {
	if site.BaseURL != "" {
		return site.AbsURL(p)
	}
	path := (&url.URL{Path: "/" + p}).EscapedPath()
	return "urn:plotline:" + url.PathEscape(site.Title) + ":" + path
}

// WriteFeed writes an Atom feed of entries (newest first) to w. An entry's
// updated time is the latest of its Date, its Updated and its DataDate; the
// feed's is that of its newest entry, so an unchanged site writes an
// unchanged feed. The feed's author is the site's, or, when an entry has
// none and the site neither, the site's title.
func WriteFeed(w io.Writer, site *Site, entries []FeedEntry) error {
	return writeFeed(w, site, site.Title, site.Description, "", "feed.xml", entries)
}

// TagFeedFile is the name of a tag's feed in its list's folder (see
// Tag.FeedURL).
const TagFeedFile = "feed.xml"

// WriteTagFeed writes the Atom feed of tag, at its Tag.FeedURL, to w,
// as WriteFeed writes the site's: entries are the tag's newest articles,
// and title is what the feed is called, as its list page's heading. Its entries carry their summaries, as the list's
// items do, and no content: a reader who follows a topic follows the
// links.
func WriteTagFeed(w io.Writer, site *Site, tag Tag, title string, entries []FeedEntry) error {
	// An entry names ListTags of its tags, as the list's item shows: an
	// article of 100 tags is in 100 feeds, each of which would name all.
	short := make([]FeedEntry, len(entries))
	for i, e := range entries {
		e.Tags = e.Tags[:min(len(e.Tags), ListTags)]
		short[i] = e
	}
	return writeFeed(w, site, site.Title+": "+title, "", tag.URL, tag.FeedURL(), short)
}

// writeFeed writes the Atom feed of entries whose page, the one it is
// the feed of, is at site path list ("" for the home page's); the feed
// is at site path self.
func writeFeed(w io.Writer, site *Site, title, subtitle, list, self string, entries []FeedEntry) error {
	f := atomFeed{
		Lang:  site.Language,
		Title: xmlSpace(title),
		Sub:   xmlSpace(subtitle),
		ID:    feedID(site, list),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: site.AbsURL(self)},
			{Rel: "alternate", Type: "text/html", Href: site.AbsURL(list)},
		},
	}
	if site.Author != "" {
		f.Author = &atomAuthor{Name: xmlSpace(site.Author)}
	}
	var newest time.Time
	for _, e := range entries {
		// An entry is updated when it is published, or later: a date
		// and time, 2025-06-02T10:00:00+05:30, updated on its day,
		// 2025-06-02 (midnight UTC), stays published at its time. New
		// data is a change of the entry, though its front matter says
		// nothing of it.
		updated := e.Modified()
		if updated.After(newest) {
			newest = updated
		}
		ae := atomEntry{
			Title:     xmlSpace(e.Title),
			ID:        feedID(site, e.URL),
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: site.AbsURL(e.URL)}},
			Published: rfc3339(e.Date),
			Updated:   rfc3339(updated),
		}
		if e.Author != "" {
			ae.Author = &atomAuthor{Name: xmlSpace(e.Author)}
		}
		for _, t := range e.Tags {
			ae.Categories = append(ae.Categories, atomCategory{Term: xmlSpace(t.Name)})
		}
		if t := e.Teaser(); t != "" {
			ae.Summary = &atomText{Type: "text", Body: xmlSpace(t)}
		}
		if e.Content != "" {
			ae.Content = &atomText{Type: "html", Body: xmlSpace(e.Content)}
			if site.BaseURL != "" {
				ae.Content.Base = site.AbsURL(e.URL)
				ae.Content.Body = absoluteLinks(ae.Content.Body, ae.Content.Base)
			}
		}
		f.Entries = append(f.Entries, ae)
	}
	if f.Author == nil && slices.ContainsFunc(f.Entries, func(e atomEntry) bool { return e.Author == nil }) {
		// Atom wants an author of every entry, its own or the feed's
		// (RFC 4287, 4.1.1): without one a validator refuses the feed,
		// and readers show no name. The site is the author of its
		// articles then, as it is of the feed.
		f.Author = &atomAuthor{Name: xmlSpace(site.Title)}
	}
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = rfc3339(newest)
	return writeXML(w, f)
}

// writeXML writes v to w as an XML document: the declaration, then v
// indented by a space a level, then a line feed.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// SitemapEntry is one URL of the sitemap.
type SitemapEntry struct {
	URL     string // site path
	Lastmod time.Time
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// WriteSitemap writes sitemap.xml for entries to w.
func WriteSitemap(w io.Writer, site *Site, entries []SitemapEntry) error {
	var u urlset
	for _, e := range entries {
		su := sitemapURL{Loc: site.AbsURL(e.URL)}
		if !e.Lastmod.IsZero() {
			su.Lastmod = e.Lastmod.Format("2006-01-02")
		}
		u.URLs = append(u.URLs, su)
	}
	return writeXML(w, u)
}

// WriteRobots writes robots.txt, pointing at the sitemap.
func WriteRobots(w io.Writer, site *Site) error {
	text := "User-agent: *\nAllow: /\n"
	if site.BaseURL != "" {
		// The sitemap's address must be absolute: without a base URL
		// there is no sitemap to point at.
		text += "\nSitemap: " + site.AbsURL("sitemap.xml") + "\n"
	}
	_, err := io.WriteString(w, text)
	return err
}
