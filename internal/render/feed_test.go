package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"time"
)

// feed is the part of an Atom document the tests read back.
type feed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Title   string   `xml:"title"`
	Sub     string   `xml:"subtitle"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Author *struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []struct {
		Title     string `xml:"title"`
		ID        string `xml:"id"`
		Published string `xml:"published"`
		Updated   string `xml:"updated"`
		Link      struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Author *struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Categories []struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
		Summary *struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"summary"`
		Content *struct {
			Type string `xml:"type,attr"`
			Base string `xml:"http://www.w3.org/XML/1998/namespace base,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestWriteFeed(t *testing.T) {
	site := &Site{
		Title: `Ledger </title><script>alert(1)</script>`, Description: "Numbers & words",
		Language: "en", Author: "Desk", BaseURL: "https://x.org/repo/", BasePath: "/repo/",
	}
	entries := []FeedEntry{
		{
			Summary: Summary{
				Title: `</title><script>alert("x")</script>`, Description: "a < b",
				URL: "articles/new/", Date: day(2025, 5, 1), Author: "Ana",
				Tags: []Tag{{Name: "War & peace"}, {Name: "Economy"}},
			},
			Content: `<p>Hi <script>x</script>]]></p>`,
		},
		{
			// Older, but updated after the newest was published.
			Summary: Summary{Title: "Old", URL: "articles/old/", Date: day(2024, 1, 1), Updated: day(2025, 6, 2)},
		},
		{
			Summary: Summary{Title: "Oldest", URL: "/articles/oldest/", Date: time.Date(2023, 1, 1, 9, 30, 0, 0, time.FixedZone("", 2*3600))},
		},
	}
	var b bytes.Buffer
	if err := WriteFeed(&b, site, entries); err != nil {
		t.Fatalf("WriteFeed() error = %v", err)
	}
	out := b.String()
	if !strings.HasPrefix(out, xml.Header) {
		t.Errorf("feed does not start with the XML header:\n%s", out)
	}
	if strings.Contains(out, "<script>") || strings.Contains(out, "</title><") {
		t.Errorf("feed holds unescaped markup:\n%s", out)
	}

	var f feed
	if err := xml.Unmarshal(b.Bytes(), &f); err != nil {
		t.Fatalf("feed is not valid XML: %v\n%s", err, out)
	}
	for _, c := range []struct {
		field     string
		got, want string
	}{
		{"title", f.Title, site.Title},
		{"subtitle", f.Sub, "Numbers & words"},
		{"xml:lang", f.Lang, "en"},
		{"id", f.ID, "https://x.org/repo/"},
		{"updated", f.Updated, "2025-06-02T00:00:00Z"},
	} {
		if c.got != c.want {
			t.Errorf("feed %s = %q; want %q", c.field, c.got, c.want)
		}
	}
	if f.Author == nil || f.Author.Name != "Desk" {
		t.Errorf("feed author = %+v; want Desk", f.Author)
	}
	links := map[string]string{}
	for _, l := range f.Links {
		links[l.Rel] = l.Href
	}
	if links["self"] != "https://x.org/repo/feed.xml" || links["alternate"] != "https://x.org/repo/" {
		t.Errorf("feed links = %v; want self https://x.org/repo/feed.xml and alternate https://x.org/repo/", links)
	}

	if len(f.Entries) != 3 {
		t.Fatalf("feed has %d entries; want 3", len(f.Entries))
	}
	// The content's relative links ("#fn:1", "/repo/x/") are read against
	// the article's address, not the feed's.
	if c := f.Entries[0].Content; c == nil || c.Base != "https://x.org/repo/articles/new/" {
		t.Errorf("entry 0 content = %+v; want xml:base https://x.org/repo/articles/new/", c)
	}
	wantIDs := []string{"https://x.org/repo/articles/new/", "https://x.org/repo/articles/old/", "https://x.org/repo/articles/oldest/"}
	for i, e := range f.Entries {
		if e.ID != wantIDs[i] || e.Link.Href != wantIDs[i] {
			t.Errorf("entry %d id, link = %q, %q; want %q", i, e.ID, e.Link.Href, wantIDs[i])
		}
		if !strings.HasPrefix(e.ID, "https://x.org/repo/") {
			t.Errorf("entry %d id %q is not an absolute URL under the base URL", i, e.ID)
		}
		for _, ts := range []string{e.Published, e.Updated} {
			if _, err := time.Parse(time.RFC3339, ts); err != nil {
				t.Errorf("entry %d: %q is not an RFC 3339 time", i, ts)
			}
		}
	}

	e := f.Entries[0]
	if e.Title != entries[0].Title {
		t.Errorf("entry title = %q; want %q", e.Title, entries[0].Title)
	}
	if e.Published != "2025-05-01T00:00:00Z" || e.Updated != "2025-05-01T00:00:00Z" {
		t.Errorf("entry published, updated = %s, %s; want the date for both", e.Published, e.Updated)
	}
	if e.Author == nil || e.Author.Name != "Ana" {
		t.Errorf("entry author = %+v; want Ana", e.Author)
	}
	if len(e.Categories) != 2 || e.Categories[0].Term != "War & peace" || e.Categories[1].Term != "Economy" {
		t.Errorf("entry categories = %+v; want War & peace, Economy", e.Categories)
	}
	if e.Summary == nil || e.Summary.Type != "text" || e.Summary.Body != "a < b" {
		t.Errorf("entry summary = %+v; want text \"a < b\"", e.Summary)
	}
	if e.Content == nil || e.Content.Type != "html" || e.Content.Body != entries[0].Content {
		t.Errorf("entry content = %+v; want html %q", e.Content, entries[0].Content)
	}

	old := f.Entries[1]
	if old.Published != "2024-01-01T00:00:00Z" || old.Updated != "2025-06-02T00:00:00Z" {
		t.Errorf("updated entry published, updated = %s, %s; want 2024-01-01, 2025-06-02", old.Published, old.Updated)
	}
	if old.Author != nil || old.Summary != nil || old.Content != nil || len(old.Categories) != 0 {
		t.Errorf("entry without author, description, content or tags = %+v; want none of them", old)
	}
	if got := f.Entries[2].Published; got != "2023-01-01T07:30:00Z" {
		t.Errorf("published in +02:00 = %s; want it in UTC, 2023-01-01T07:30:00Z", got)
	}
}

// TestFeedLinksAbsolute checks that the links and images of an entry's
// HTML are written as absolute URLs under a base URL: many feed readers
// ignore xml:base on <content> (ROME, NetNewsWire, Feedbin, Liferea,
// Fluent Reader), and then read "/repo/x/" against their own address and
// "#fn:1" against the feed's. Links to other sites, text that only looks
// like a link, and a site without a base URL are left as they are.
func TestFeedLinksAbsolute(t *testing.T) {
	content := `<p>See <a href="/repo/articles/old/">old</a>, a note<sup><a href="#fn:1" class="footnote-ref">1</a></sup>, ` +
		`<a href="https://other.org/a?b=1&amp;c=2">another site</a>, <a href="mailto:a@b.org">mail</a> and <a href="data.csv" download>the data</a>.</p>` + "\n" +
		`<img src="/repo/articles/new/chart.svg" alt="A &amp; B"><a href='/repo/single/'>x</a>` + "\n" +
		`<pre><code>&lt;a href="/repo/code/"&gt;</code></pre>` + "\n" +
		`<p><a href="/repo/caf%C3%A9/?q=1&amp;r=2#top">café</a></p>`
	want := `<p>See <a href="https://x.org/repo/articles/old/">old</a>, a note<sup><a href="https://x.org/repo/articles/new/#fn:1" class="footnote-ref">1</a></sup>, ` +
		`<a href="https://other.org/a?b=1&amp;c=2">another site</a>, <a href="mailto:a@b.org">mail</a> and <a href="https://x.org/repo/articles/new/data.csv" download>the data</a>.</p>` + "\n" +
		`<img src="https://x.org/repo/articles/new/chart.svg" alt="A &amp; B"><a href='https://x.org/repo/single/'>x</a>` + "\n" +
		`<pre><code>&lt;a href="/repo/code/"&gt;</code></pre>` + "\n" +
		`<p><a href="https://x.org/repo/caf%C3%A9/?q=1&amp;r=2#top">café</a></p>`
	entry := FeedEntry{Summary: Summary{Title: "New", URL: "articles/new/", Date: day(2025, 5, 1)}, Content: content}
	for _, base := range []string{"https://x.org/repo/", ""} {
		site := &Site{Title: "T", BaseURL: base, BasePath: "/repo/"}
		var b bytes.Buffer
		if err := WriteFeed(&b, site, []FeedEntry{entry}); err != nil {
			t.Fatal(err)
		}
		var f feed
		if err := xml.Unmarshal(b.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		got := f.Entries[0].Content.Body
		w := want
		if base == "" {
			w = content
		}
		if got != w {
			t.Errorf("base URL %q: content =\n%s\nwant\n%s", base, got, w)
		}
	}
}

// TestWriteFeedUpdatedNotBeforePublished checks that an entry is never
// updated before it is published: an article dated 10:00 in Kolkata
// (04:30 UTC) and updated on its day, written without a time (00:00
// UTC), is updated when published, and so is the feed.
func TestWriteFeedUpdatedNotBeforePublished(t *testing.T) {
	kolkata := time.FixedZone("", 19800)
	entries := []FeedEntry{
		{Summary: Summary{Title: "A", URL: "a/", Date: time.Date(2025, 6, 2, 10, 0, 0, 0, kolkata), Updated: day(2025, 6, 2)}},
		{Summary: Summary{Title: "B", URL: "b/", Date: day(2025, 6, 1), Updated: day(2025, 6, 1).Add(time.Hour)}},
	}
	var b bytes.Buffer
	if err := WriteFeed(&b, &Site{Title: "T", BaseURL: "https://x.org/"}, entries); err != nil {
		t.Fatal(err)
	}
	var f feed
	if err := xml.Unmarshal(b.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][2]string{{"2025-06-02T04:30:00Z", "2025-06-02T04:30:00Z"}, {"2025-06-01T00:00:00Z", "2025-06-01T01:00:00Z"}} {
		if got := [2]string{f.Entries[i].Published, f.Entries[i].Updated}; got != want {
			t.Errorf("entry %s: published, updated = %q; want %q", f.Entries[i].Title, got, want)
		}
	}
	if f.Updated != "2025-06-02T04:30:00Z" {
		t.Errorf("feed updated = %s; want its newest entry's, 2025-06-02T04:30:00Z", f.Updated)
	}
}

func TestWriteFeedIsDeterministic(t *testing.T) {
	site := &Site{Title: "T", BaseURL: "https://x.org/"}
	entries := []FeedEntry{{Summary: Summary{Title: "A", URL: "a/", Date: day(2025, 1, 1)}}}
	var a, b bytes.Buffer
	if err := WriteFeed(&a, site, entries); err != nil {
		t.Fatal(err)
	}
	if err := WriteFeed(&b, site, entries); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("two feeds of the same entries differ:\n%s\n%s", a.String(), b.String())
	}
}

func TestWriteFeedEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteFeed(&b, &Site{Title: "T", BasePath: "/repo/"}, nil); err != nil {
		t.Fatal(err)
	}
	var f feed
	if err := xml.Unmarshal(b.Bytes(), &f); err != nil {
		t.Fatalf("feed is not valid XML: %v\n%s", err, b.String())
	}
	if f.Updated != "2000-01-01T00:00:00Z" {
		t.Errorf("empty feed updated = %q; want the fixed 2000-01-01T00:00:00Z", f.Updated)
	}
	// An Atom id must be an absolute IRI: without a base URL it is a URN.
	if f.ID != "urn:plotline:T:/" || len(f.Entries) != 0 || f.Author != nil {
		t.Errorf("empty feed without base URL = %+v; want id urn:plotline:T:/, no entries, no author", f)
	}
}

// TestWriteFeedAuthor checks that every entry has an author, its own or
// the feed's, as Atom requires: a site without an author gives its title
// to a feed with an entry that has none.
func TestWriteFeedAuthor(t *testing.T) {
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		site    string
		entries []string // each entry's author
		want    string   // the feed's author, "" for none
	}{
		{"site author", "Desk", []string{"", "Ana"}, "Desk"},
		{"an entry without one", "", []string{"Ana", ""}, "The Ledger"},
		{"every entry its own", "", []string{"Ana", "Bo"}, ""},
		{"no entries", "", nil, ""},
	} {
		var entries []FeedEntry
		for i, a := range tc.entries {
			entries = append(entries, FeedEntry{Summary: Summary{Title: "A", URL: fmt.Sprintf("a%d/", i), Date: day, Author: a}})
		}
		var b bytes.Buffer
		if err := WriteFeed(&b, &Site{Title: "The Ledger", Author: tc.site, BaseURL: "https://x.org/", BasePath: "/"}, entries); err != nil {
			t.Fatal(err)
		}
		var f feed
		if err := xml.Unmarshal(b.Bytes(), &f); err != nil {
			t.Fatalf("%s: feed is not valid XML: %v", tc.name, err)
		}
		got := ""
		if f.Author != nil {
			got = f.Author.Name
		}
		if got != tc.want {
			t.Errorf("%s: feed author = %q; want %q", tc.name, got, tc.want)
		}
	}
}

// TestWriteFeedFormFeed checks that a form feed, which HTML reads as a
// space and XML forbids, is a space in the feed, not the U+FFFD that
// encoding/xml writes for it.
func TestWriteFeedFormFeed(t *testing.T) {
	var b bytes.Buffer
	entry := FeedEntry{Summary: Summary{Title: "Page\fbreak", Description: "A\fdek", URL: "a/", Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Author: "Ana\fB",
		Tags: []Tag{{Name: "x\fy"}}}, Content: "<p>one\ftwo</p>"}
	if err := WriteFeed(&b, &Site{Title: "The\fLedger", Description: "D\fE", Author: "Desk\fF", BaseURL: "https://x.org/", BasePath: "/"}, []FeedEntry{entry}); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if strings.ContainsAny(got, "\f\ufffd") {
		t.Errorf("feed holds a form feed or U+FFFD:\n%s", got)
	}
	for _, want := range []string{"<title>The Ledger</title>", "<subtitle>D E</subtitle>", "<name>Desk F</name>", "<title>Page break</title>", "<name>Ana B</name>", `term="x y"`, ">A dek</summary>", "one two"} {
		if !strings.Contains(got, want) {
			t.Errorf("feed does not hold %q:\n%s", want, got)
		}
	}
}

func TestWriteSitemap(t *testing.T) {
	site := &Site{BaseURL: "https://x.org/repo/", BasePath: "/repo/"}
	var b bytes.Buffer
	err := WriteSitemap(&b, site, []SitemapEntry{
		{URL: ""},
		{URL: "articles/a&b/", Lastmod: time.Date(2025, 2, 3, 23, 59, 0, 0, time.UTC)},
		{URL: "about/"},
	})
	if err != nil {
		t.Fatalf("WriteSitemap() error = %v", err)
	}
	var got struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string  `xml:"loc"`
			Lastmod *string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("sitemap is not valid XML: %v\n%s", err, b.String())
	}
	if !strings.HasPrefix(b.String(), xml.Header) {
		t.Errorf("sitemap does not start with the XML header")
	}
	want := []struct{ loc, lastmod string }{
		{"https://x.org/repo/", ""},
		{"https://x.org/repo/articles/a&b/", "2025-02-03"},
		{"https://x.org/repo/about/", ""},
	}
	if len(got.URLs) != len(want) {
		t.Fatalf("sitemap has %d URLs; want %d:\n%s", len(got.URLs), len(want), b.String())
	}
	for i, u := range got.URLs {
		lastmod := ""
		if u.Lastmod != nil {
			lastmod = *u.Lastmod
			if lastmod == "" {
				t.Errorf("url %d has an empty <lastmod>; want it left out", i)
			}
		}
		if u.Loc != want[i].loc || lastmod != want[i].lastmod {
			t.Errorf("url %d = %q, %q; want %q, %q", i, u.Loc, lastmod, want[i].loc, want[i].lastmod)
		}
	}
}

func TestWriteRobots(t *testing.T) {
	for _, tc := range []struct {
		site *Site
		want string
	}{
		{&Site{BaseURL: "https://x.org/repo/", BasePath: "/repo/"}, "User-agent: *\nAllow: /\n\nSitemap: https://x.org/repo/sitemap.xml\n"},
		{&Site{BaseURL: "https://x.org", BasePath: "/"}, "User-agent: *\nAllow: /\n\nSitemap: https://x.org/sitemap.xml\n"},
		// No base URL, no sitemap to point at.
		{&Site{BasePath: "/"}, "User-agent: *\nAllow: /\n"},
	} {
		var b bytes.Buffer
		if err := WriteRobots(&b, tc.site); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != tc.want {
			t.Errorf("WriteRobots(%q) = %q; want %q", tc.site.BaseURL, got, tc.want)
		}
	}
}

// TestWriteTagFeed checks a tag's feed: its title, id and links are its
// list's, and an entry names ListTags of its article's tags, not all.
func TestWriteTagFeed(t *testing.T) {
	var tags []Tag
	for i := range ListTags + 3 {
		tags = append(tags, Tag{Name: fmt.Sprintf("t%d", i), Slug: fmt.Sprintf("t%d", i), URL: fmt.Sprintf("tags/t%d/", i)})
	}
	entry := FeedEntry{Summary: Summary{Title: "A", URL: "a/", Date: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), Tags: tags}}
	var b bytes.Buffer
	site := &Site{Title: "Desk", Description: "Every article", BaseURL: "https://x.org/", BasePath: "/"}
	if err := WriteTagFeed(&b, site, tags[1], "Tagged t1", []FeedEntry{entry}); err != nil {
		t.Fatal(err)
	}
	var f feed
	if err := xml.Unmarshal(b.Bytes(), &f); err != nil {
		t.Fatalf("feed is not valid XML: %v\n%s", err, b.String())
	}
	if f.Title != "Desk: Tagged t1" || f.Sub != "" || f.ID != "https://x.org/tags/t1/" {
		t.Errorf("title %q, subtitle %q, id %q; want Desk: Tagged t1, none, https://x.org/tags/t1/", f.Title, f.Sub, f.ID)
	}
	if len(f.Links) != 2 || f.Links[0].Href != "https://x.org/tags/t1/feed.xml" || f.Links[1].Href != "https://x.org/tags/t1/" {
		t.Errorf("links %+v; want the feed's own and its list's", f.Links)
	}
	if len(f.Entries) != 1 || len(f.Entries[0].Categories) != ListTags {
		t.Fatalf("entries %+v; want one of %d categories", f.Entries, ListTags)
	}
}
