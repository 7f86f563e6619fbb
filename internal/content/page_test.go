package content

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline/internal/diag"
)

// unknownWarnings returns a warning at each key of p's front matter that
// plotline does not read, with the key it may be a slip of or the keys
// there are.
func unknownWarnings(p *Page) diag.List {
	var l diag.List
	for _, u := range p.Unknown {
		if k := Suggest(u.Key); k != "" {
			l.Warnf(u.Pos, "front matter key %q is not used by plotline: did you mean %s?", u.Key, k)
			continue
		}
		l.Warnf(u.Pos, "front matter key %q is not used by plotline (known: %s); put a site's own keys under params:", u.Key, strings.Join(slices.Sorted(maps.Keys(knownKeys)), ", "))
	}
	return l
}

// parseFM parses a page whose front matter is fm (without fences).
func parseFM(t *testing.T, fm string) (*Page, diag.List) {
	t.Helper()
	var diags diag.List
	p := Parse("content/a.md", []byte("---\n"+fm+"---\nBody\n"), &diags)
	diags.Add(unknownWarnings(p)...)
	return p, diags
}

func TestFields(t *testing.T) {
	p, diags := parseFM(t, `title: "Kursk: the cost"
description: What the numbers say
author: Ana Ruiz
date: 2025-03-04
updated: 2025-03-06 10:30
tags: [Economy, War]
draft: true
slug: kursk-cost
type: article
toc: false
sources:
  - name: Ministry of Defence
    url: https://example.org/mod
  - Field notes
data:
  losses:
    unit: people
`)
	checkDiags(t, diags)
	checks := []struct {
		field string
		got   any
		want  any
	}{
		{"Title", p.Title, "Kursk: the cost"},
		{"Description", p.Description, "What the numbers say"},
		{"Author", p.Author, "Ana Ruiz"},
		{"Date", p.Date, time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)},
		{"Updated", p.Updated, time.Date(2025, 3, 6, 10, 30, 0, 0, time.UTC)},
		{"Tags", p.Tags, []string{"Economy", "War"}},
		{"Draft", p.Draft, true},
		{"Slug", p.Slug, "kursk-cost"},
		{"Kind", p.Kind, Article},
		{"TOC", p.TOC, false},
		{"Sources", p.Sources, []Source{
			{Name: "Ministry of Defence", URL: "https://example.org/mod", NamePos: diag.Pos{Path: "content/a.md", Line: 13, Col: 11}},
			{Name: "Field notes", NamePos: diag.Pos{Path: "content/a.md", Line: 15, Col: 5}},
		}},
		{"Dir", p.Dir, "content"},
		{"Broken", p.Broken, false},
		{"DataPos", p.DataPos, diag.Pos{Path: "content/a.md", Line: 16, Col: 1}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v; want %#v", c.field, c.got, c.want)
		}
	}
	if p.Data == nil || len(p.Data.Content) != 2 || p.Data.Content[0].Value != "losses" || p.Data.Content[0].Line != 17 {
		t.Errorf("Data = %+v; want the mapping under data, with file line numbers (losses on line 17)", p.Data)
	}
}

func TestDefaults(t *testing.T) {
	p, diags := parseFM(t, "title: A\ndate: 2025-01-01\n")
	checkDiags(t, diags)
	if p.Kind != Article || !p.TOC || p.Draft || p.Slug != "" || p.Tags != nil || p.Sources != nil || p.Data != nil || !p.Updated.IsZero() {
		t.Errorf("page with only title and date = %+v; want an article with a TOC and nothing else set", p)
	}
}

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  time.Time
	}{
		{"2025-01-02", time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)},
		{`"2025-01-02"`, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"2025-01-02T15:04:05Z", time.Date(2025, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"2025-01-02T15:04:05+02:00", time.Date(2025, 1, 2, 13, 4, 5, 0, time.UTC)},
		{"2025-01-02T15:04:05", time.Date(2025, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"2025-01-02 15:04:05", time.Date(2025, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"2025-01-02 15:04", time.Date(2025, 1, 2, 15, 4, 0, 0, time.UTC)},
		{`"  2025-01-02  "`, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"2025-01-10T10:00:00Z", time.Date(2025, 1, 10, 10, 0, 0, 0, time.UTC)},
		{"2025-01-10T10:00:00.5+01:00", time.Date(2025, 1, 10, 9, 0, 0, 5e8, time.UTC)},
		{"2014-12-23 10:30:00 +0100", time.Date(2014, 12, 23, 9, 30, 0, 0, time.UTC)},
		{"2014-12-23 10:30:00 -05:00", time.Date(2014, 12, 23, 15, 30, 0, 0, time.UTC)},
		{`"2014-12-23 10:30 +0100"`, time.Date(2014, 12, 23, 9, 30, 0, 0, time.UTC)},
		{"2025-01-02T15:04", time.Date(2025, 1, 2, 15, 4, 0, 0, time.UTC)},
	} {
		p, diags := parseFM(t, "title: A\ndate: "+tc.value+"\nupdated: "+tc.value+"\n")
		checkDiags(t, diags)
		if !p.Date.Equal(tc.want) {
			t.Errorf("date: %s → %v; want %v", tc.value, p.Date, tc.want)
		}
		if !p.Updated.Equal(tc.want) {
			t.Errorf("updated: %s → %v; want %v", tc.value, p.Updated, tc.want)
		}
	}

	// The same spellings through TOML, where dates are native values: a
	// date and time with an offset keeps it, at midnight too, and one
	// without an offset is UTC, as in YAML, whatever this machine's zone
	// (which the TOML decoder gives it; time-zones.txtar builds in
	// several).
	for _, tc := range []struct {
		value string
		want  time.Time
	}{
		{"2025-01-02", time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"2025-01-02T15:04:05Z", time.Date(2025, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"2025-01-02T15:04:05+02:00", time.Date(2025, 1, 2, 13, 4, 5, 0, time.UTC)},
		{"2025-01-02T00:00:00+05:30", time.Date(2025, 1, 1, 18, 30, 0, 0, time.UTC)},
		{"2025-01-02T00:00:00-08:00", time.Date(2025, 1, 2, 8, 0, 0, 0, time.UTC)},
		{"2025-01-02T15:04:05", time.Date(2025, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"2025-01-02 15:04:05", time.Date(2025, 1, 2, 15, 4, 5, 0, time.UTC)},
		{"2025-01-02T00:00:00", time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)},
		{"2025-01-10T10:00:00.5+01:00", time.Date(2025, 1, 10, 9, 0, 0, 5e8, time.UTC)},
	} {
		var diags diag.List
		p := Parse("content/a.md", []byte("+++\ntitle = \"A\"\ndate = "+tc.value+"\nupdated = "+tc.value+"\n+++\n"), &diags)
		checkDiags(t, diags)
		if !p.Date.Equal(tc.want) || !p.Updated.Equal(tc.want) {
			t.Errorf("TOML date = %s → %v, updated %v; want %v", tc.value, p.Date, p.Updated, tc.want)
		}
		if got, want := p.Date.Format(time.DateOnly), tc.value[:10]; got != want {
			t.Errorf("TOML date = %s: calendar day %s; want %s", tc.value, got, want)
		}
	}
}

// TestUpdatedBeforeDate checks that an updated date on a calendar day
// before the page's date, as written, is a warning, and that one on the
// same day, earlier in UTC, is not.
func TestUpdatedBeforeDate(t *testing.T) {
	for _, tc := range []struct {
		file, fm string
		want     []string
	}{
		{"content/a.md", "title: A\ndate: 2025-06-02\nupdated: 2024-06-03\n",
			[]string{"content/a.md:4:10: warning: updated: 2024-06-03 is before the page's date, 2025-06-02: the page would say it was updated before it was published"}},
		{"content/a.md", "title: A\nupdated: 2025-06-02T20:00:00Z\ndate: 2025-06-03T00:30:00+14:00\n",
			[]string{"content/a.md:3:10: warning: updated: 2025-06-02 is before the page's date, 2025-06-03: the page would say it was updated before it was published"}},
		{"content/2025-06-02-a.md", "title: A\nupdated: 2025-06-01\n",
			[]string{"content/2025-06-02-a.md:3:10: warning: updated: 2025-06-01 is before the page's date, 2025-06-02: the page would say it was updated before it was published"}},
		{"content/a.md", "title: A\ndate: 2025-06-02T10:00:00+05:30\nupdated: 2025-06-02\n", nil},
		{"content/a.md", "title: A\ndate: 2025-06-02T23:30:00-08:00\nupdated: 2025-06-03\n", nil},
	} {
		var diags diag.List
		Parse(tc.file, []byte("---\n"+tc.fm+"---\nBody\n"), &diags)
		checkDiags(t, diags, tc.want...)
	}
}

// TestDateKeepsCalendarDay checks that a date written with an offset
// shows the calendar day written, while pages are ordered by the instant.
func TestDateKeepsCalendarDay(t *testing.T) {
	late, _ := parseFM(t, "title: Late\ndate: 2025-01-10 23:30:00 -0500\n")
	early, _ := parseFM(t, "title: Early\ndate: 2025-01-11T01:00:00+01:00\n")
	if got := late.Date.Format("2006-01-02"); got != "2025-01-10" {
		t.Errorf("calendar day of 2025-01-10 23:30:00 -0500 = %s; want 2025-01-10", got)
	}
	if got := early.Date.Format("2006-01-02"); got != "2025-01-11" {
		t.Errorf("calendar day of 2025-01-11T01:00:00+01:00 = %s; want 2025-01-11", got)
	}
	late.Path, early.Path = "content/z.md", "content/a.md"
	pages := []*Page{early, late}
	sortPages(pages)
	// 2025-01-11 04:30 UTC is after 2025-01-11 00:00 UTC: the page of
	// the earlier calendar day is the newer.
	if pages[0] != late {
		t.Errorf("SortPages put %s first; want %s, the later instant", pages[0].Title, late.Title)
	}
}

func TestFileNameDate(t *testing.T) {
	for _, tc := range []struct {
		file, fm string
		date     string
		url      string
		diags    []string
	}{
		{file: "content/articles/2014-12-23-hub.md", fm: "title: A\n", date: "2014-12-23", url: "articles/hub/"},
		{file: "content/articles/2014-12-23-hub.md", fm: "title: A\ndate: 2020-05-06\n", date: "2020-05-06", url: "articles/hub/"},
		{file: "content/articles/2014-12-23-hub.md", fm: "title: A\nslug: other\n", date: "2014-12-23", url: "articles/other/"},
		{file: "content/articles/2014-1-23-hub.md", fm: "title: A\n", url: "articles/2014-1-23-hub/",
			diags: []string{`content/articles/2014-1-23-hub.md:2:1: missing date: add "date: YYYY-MM-DD" to the front matter`}},
		{file: "content/articles/2014-13-45-hub.md", fm: "title: A\ndate: 2020-01-01\n", url: "articles/2014-13-45-hub/",
			diags: []string{"content/articles/2014-13-45-hub.md:1:1: the file name starts with 2014-13-45, which is not a date: write a real date (YYYY-MM-DD-name.md) or rename the file"}},
		{file: "content/2014-12-23-.md", fm: "title: A\n", url: "2014-12-23-/",
			diags: []string{`content/2014-12-23-.md:2:1: missing date: add "date: YYYY-MM-DD" to the front matter`}},
	} {
		var diags diag.List
		p := Parse(tc.file, []byte("---\n"+tc.fm+"---\nBody\n"), &diags)
		checkDiags(t, diags, tc.diags...)
		if tc.date != "" && p.Date.Format("2006-01-02") != tc.date {
			t.Errorf("%s: Date = %v; want %s", tc.file, p.Date, tc.date)
		}
		if u, _ := URLFor(p); u != tc.url {
			t.Errorf("%s: URL = %q; want %q", tc.file, u, tc.url)
		}
	}
}

// TestParseDateZone checks that a date keeps the offset it was written
// with and nothing of the machine's zone: what a template prints of it
// with a zone is the same on every machine (time-zones.txtar builds a site
// in eight zones).
func TestParseDateZone(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2025-06-02", "2025-06-02 00:00:00 +0000 UTC"},
		{"2025-06-02T10:00:00Z", "2025-06-02 10:00:00 +0000 UTC"},
		{"2025-06-02T10:00:00+00:00", "2025-06-02 10:00:00 +0000 UTC"},
		{"2025-06-02 10:00", "2025-06-02 10:00:00 +0000 UTC"},
		{"2025-06-02T23:30:00-07:00", "2025-06-02 23:30:00 -0700 -0700"},
		{"2025-06-02 01:00:00 +1400", "2025-06-02 01:00:00 +1400 +1400"},
		{"2025-06-02T10:00:00-03:30", "2025-06-02 10:00:00 -0330 -0330"},
	} {
		got, err := ParseDate(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != tc.want || got.Location() == time.Local {
			t.Errorf("ParseDate(%q) = %v (zone %q); want %s", tc.in, got, got.Location(), tc.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, s := range []string{"next tuesday", "2025-13-01", "2025/01/02", "02.01.2025", "", "2025-01-02 10:00:00 CET", "2025-01-02T10:00:00 +0100", "2025-01-02 25:00"} {
		if got, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, nil; want an error", s, got)
		}
	}
}

func TestTags(t *testing.T) {
	for _, tc := range []struct {
		name  string
		value string
		want  []string
		diags []string
	}{
		{"list", "[economy, war]", []string{"economy", "war"}, nil},
		{"block list", "\n  - economy\n  - war", []string{"economy", "war"}, nil},
		{"single string", "economy", []string{"economy"}, nil},
		{"quoted single string", `"Public finance"`, []string{"Public finance"}, nil},
		{"spaces trimmed", `["  War  "]`, []string{"War"}, nil},
		{"first spelling kept", `[Public Finance, public-finance, "public finance!", war]`, []string{"Public Finance", "war"}, nil},
		{"number in a list is a word", "[2025, war]", []string{"2025", "war"}, nil},
		{"no letters", `[war, "!!!"]`, []string{"war"}, []string{`content/a.md:4:13: tags: tag "!!!" has no letters or digits`}},
		{"too long for a file name", "[war, " + strings.Repeat("é", 128) + "]", []string{"war"}, []string{`content/a.md:4:13: tags: tag "` + strings.Repeat("é", 40) + `…" makes a page name of 256 bytes; a file name may have 255 at most`}},
		{"too long to list", "[war, \"a" + strings.Repeat("!", 300) + "\"]", []string{"war"}, []string{`content/a.md:4:13: tags: tag "a` + strings.Repeat("!", 39) + `…" has 301 characters, more than the 255 a tag may have: it is written on every list that shows the page`}},
		{"nested list", "[war, [a, b]]", []string{"war"}, []string{"content/a.md:4:13: tags: want a word, got a list"}},
		{"number", "5", nil, []string{"content/a.md:4:7: tags: want a list of words, got a number"}},
		{"mapping", "{a: b}", nil, []string{"content/a.md:4:7: tags: want a list of words, got a mapping"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, diags := parseFM(t, "title: A\ndate: 2025-01-01\ntags: "+tc.value+"\n")
			checkDiags(t, diags, tc.diags...)
			if !reflect.DeepEqual(p.Tags, tc.want) {
				t.Errorf("Tags = %q; want %q", p.Tags, tc.want)
			}
		})
	}
}

func TestSources(t *testing.T) {
	for _, tc := range []struct {
		name  string
		value string
		want  []Source
		diags []string
	}{
		{
			name:  "name and url",
			value: "\n  - {name: Rosstat, url: 'https://rosstat.gov.ru'}",
			want:  []Source{{Name: "Rosstat", URL: "https://rosstat.gov.ru"}},
		},
		{
			name:  "strings",
			value: "[Interviews, Local press]",
			want:  []Source{{Name: "Interviews"}, {Name: "Local press"}},
		},
		{
			name:  "url only names itself",
			value: "\n  - url: https://example.org/x",
			want:  []Source{{Name: "https://example.org/x", URL: "https://example.org/x"}},
		},
		{
			name:  "unknown key",
			value: "\n  - name: A\n    link: https://x.org",
			want:  []Source{{Name: "A"}},
			diags: []string{`content/a.md:6:5: warning: sources: unknown key "link"`},
		},
		{
			// A key given twice is an error, as elsewhere in the front
			// matter, not the last one winning.
			name:  "url given twice",
			value: "\n  - {name: A, url: \"https://a.org/\", url: \"https://b.org/\"}",
			want:  []Source{{Name: "A", URL: "https://a.org/"}},
			diags: []string{`content/a.md:5:38: duplicate key "url" in a source (first at line 5)`},
		},
		{
			// An address that is no web address is shown without a
			// link: a warning, with the address to write where it
			// names a host.
			name:  "url without a scheme",
			value: "\n  - {name: ONS, url: www.ons.gov.uk/data}\n  - {name: Us, url: /about/}\n  - {name: X, url: \"javascript:alert(1)\"}\n  - {name: F, url: \"ftp://x.org/\"}",
			want:  []Source{{Name: "ONS", URL: "www.ons.gov.uk/data"}, {Name: "Us", URL: "/about/"}, {Name: "X", URL: "javascript:alert(1)"}, {Name: "F", URL: "ftp://x.org/"}},
			diags: []string{
				`content/a.md:5:22: warning: sources: url "www.ons.gov.uk/data" is not an http or https address, so the source is shown without a link: write https://www.ons.gov.uk/data`,
				`content/a.md:6:21: warning: sources: url "/about/" is not an http or https address, so the source is shown without a link`,
				`content/a.md:7:20: warning: sources: url "javascript:alert(1)" is not an http or https address, so the source is shown without a link`,
				`content/a.md:8:20: warning: sources: url "ftp://x.org/" is not an http or https address, so the source is shown without a link`,
			},
		},
		{
			name:  "empty entry",
			value: "\n  - {}\n  - B",
			want:  []Source{{Name: "B"}},
			diags: []string{"content/a.md:5:5: sources: an entry needs a name or a url"},
		},
		{
			name:  "name not text",
			value: "\n  - name: [a]\n    url: https://x.org",
			want:  []Source{{Name: "https://x.org", URL: "https://x.org"}},
			diags: []string{"content/a.md:5:11: sources.name: want text, got a list"},
		},
		{
			name:  "nested list",
			value: "\n  - [a, b]",
			diags: []string{"content/a.md:5:5: sources: want {name, url}, got a list"},
		},
		{
			name:  "not a list",
			value: "Rosstat",
			diags: []string{"content/a.md:4:10: sources: want a list of {name, url}, got text \"Rosstat\""},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, diags := parseFM(t, "title: A\ndate: 2025-01-01\nsources: "+tc.value+"\n")
			checkDiags(t, diags, tc.diags...)
			for i := range p.Sources {
				p.Sources[i].NamePos = diag.Pos{} // TestFields checks them
			}
			if !reflect.DeepEqual(p.Sources, tc.want) {
				t.Errorf("Sources = %+v; want %+v", p.Sources, tc.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  string
		diag  string
	}{
		{"kursk-2025", "kursk-2025", ""},
		{"Ünïcode_ok.v2", "Ünïcode_ok.v2", ""},
		{`"../etc"`, "", `content/a.md:4:7: slug "../etc" must not contain ".."`},
		{`"a..b"`, "", `content/a.md:4:7: slug "a..b" must not contain ".."`},
		{"a/b", "", `content/a.md:4:7: slug "a/b" must not contain a slash`},
		{`'a\b'`, "", `content/a.md:4:7: slug "a\\b" must not contain a slash`},
		{`"café menu"`, "café menu", ""},
		{`" lead"`, "", `content/a.md:4:7: slug " lead" must not start or end with a space`},
		{`"a\tb"`, "", `content/a.md:4:7: slug "a\tb" must not contain tabs or any of`},
		{`"a?b"`, "", `content/a.md:4:7: slug "a?b" must not contain tabs or any of`},
		{`"a#b"`, "", `content/a.md:4:7: slug "a#b" must not contain tabs or any of`},
		{`"."`, "", `content/a.md:4:7: slug "." is reserved`},
		{"tags", "", `content/a.md:4:7: slug "tags" is reserved`},
		{"_plotline", "", `content/a.md:4:7: slug "_plotline" is reserved`},
		{`""`, "", `content/a.md:4:7: slug "" is empty`},
		{"[a]", "", "content/a.md:4:7: slug: want text, got a list"},
		{`"a\0b"`, "", `content/a.md:4:7: slug "a\x00b" must not contain control characters`},
		{`"a\x7fb"`, "", `content/a.md:4:7: slug "a\x7fb" must not contain control characters`},
		{`"\u202efdp.exe"`, "", `content/a.md:4:7: slug "\u202efdp.exe" must not contain U+202E, a bidi control, which changes the order its letters are shown in`},
		{`"ab\u200bc"`, "", `content/a.md:4:7: slug "ab\u200bc" must not contain U+200B, an invisible character, which makes the name look like another`},
		{"\"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\"", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", ""},
		{strings.Repeat("x", 256), "", `content/a.md:4:7: slug "` + strings.Repeat("x", 256) + `" is 256 bytes long; a file name may have 255 at most`},
		{strings.Repeat("x", 255), strings.Repeat("x", 255), ""},
	} {
		t.Run(tc.value, func(t *testing.T) {
			p, diags := parseFM(t, "title: A\ndate: 2025-01-01\nslug: "+tc.value+"\n")
			var want []string
			if tc.diag != "" {
				want = []string{tc.diag}
			}
			checkDiags(t, diags, want...)
			if p.Slug != tc.want {
				t.Errorf("Slug = %q; want %q", p.Slug, tc.want)
			}
			if p.Broken != (tc.diag != "") {
				t.Errorf("Broken = %v; want %v", p.Broken, tc.diag != "")
			}
		})
	}
}

func TestType(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  Kind
		diag  string
	}{
		{"article", Article, ""},
		{"page", Standalone, ""},
		{`""`, Article, ""},
		{"blog", Article, `content/a.md:4:7: type: unknown page type "blog" (want article or page)`},
		{"Page", Article, `content/a.md:4:7: type: unknown page type "Page"`},
	} {
		p, diags := parseFM(t, "title: A\ndate: 2025-01-01\ntype: "+tc.value+"\n")
		var want []string
		if tc.diag != "" {
			want = []string{tc.diag}
		}
		checkDiags(t, diags, want...)
		if p.Kind != tc.want {
			t.Errorf("type: %s → Kind %v; want %v", tc.value, p.Kind, tc.want)
		}
	}
}

func TestBools(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  bool
		diag  string
	}{
		{"true", true, ""},
		{"True", true, ""},
		{"false", false, ""},
		{`"true"`, false, `want true or false, got "true"`},
		{"yes", false, `want true or false, got "yes"`},
		{"1", false, `want true or false, got "1"`},
	} {
		for _, key := range []string{"draft", "toc"} {
			p, diags := parseFM(t, "title: A\ndate: 2025-01-01\n"+key+": "+tc.value+"\n")
			var want []string
			if tc.diag != "" {
				want = []string{"content/a.md:4:" + map[string]string{"draft": "8", "toc": "6"}[key] + ": " + key + ": " + tc.diag}
			}
			checkDiags(t, diags, want...)
			got := map[string]bool{"draft": p.Draft, "toc": p.TOC}[key]
			if tc.diag == "" && got != tc.want {
				t.Errorf("%s: %s → %v; want %v", key, tc.value, got, tc.want)
			}
		}
	}
}

func TestFrontMatterErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fm    string
		diags []string
	}{
		{
			name:  "missing title and date",
			fm:    "author: A\n",
			diags: []string{"content/a.md:2:1: missing date", "content/a.md:2:1: missing title"},
		},
		{
			// Written on every list of the page: 2 MB of title on a page
			// of 200 tags made 394 MB of output.
			name: "title and description of a whole text",
			fm:   "title: " + strings.Repeat("ü", 1001) + "\ndate: 2025-01-01\ndescription: \"" + strings.Repeat("a ", 2501) + "\"\n",
			diags: []string{
				"content/a.md:2:8: title: 1001 characters, more than the 1000 a title may have: it is written on every list that shows the page (the home page, the feed and each of its tags' pages)",
				"content/a.md:4:14: description: 5002 characters, more than the 5000 a description may have: it is written on every list that shows the page (the home page, the feed and each of its tags' pages)",
			},
		},
		{
			// Written on every page of the site, in its navigation.
			name:  "nav of a whole text",
			fm:    "title: T\ndate: 2025-01-01\nnav: " + strings.Repeat("é", 101) + "\n",
			diags: []string{"content/a.md:4:6: nav: 101 characters, more than the 100 a name in the site's navigation may have: it is written on every page"},
		},
		{
			// Keys whose text is used as written: a value there would be
			// shown with its braces.
			name: "values where they are not read",
			fm:   "title: T\ndate: 2025-01-01\nnav: \"About {{ a.x }}\"\nauthor: By {{ a.y }}\ntags: [a, \"t {{ a.z }}\"]\naliases:\n  - /old/{{ x }}/\nslug: \"s-{{ x }}\"\nimage: \"{{ x }}.png\"\n",
			diags: []string{
				"content/a.md:4:13: nav: {{ }} is not read here, and would be shown as typed: write it as text (values go in the prose, the title, the description and a chart's title, caption and event labels)",
				"content/a.md:5:12: author: {{ }} is not read here",
				"content/a.md:6:14: tags: {{ }} is not read here",
				"content/a.md:8:10: aliases: {{ }} is not read here",
				"content/a.md:9:10: slug: {{ }} is not read here",
				"content/a.md:10:9: image: {{ }} is not read here",
			},
		},
		{
			// The same without quotes, which YAML reads as a mapping:
			// the same error, where asking for quotes would lead to it;
			// a source's name, which shows values, asks for quotes.
			name: "values without quotes where they are not read",
			fm:   "title: T\ndate: 2025-01-01\nauthor: {{ a.y }}\ntags: [a, {{ a.z }}]\nsources:\n  - {{ a.x }}\n  - By {{ a.x }}\n",
			diags: []string{
				"content/a.md:4:9: author: {{ }} is not read here, and would be shown as typed: write it as text",
				"content/a.md:5:11: tags: {{ }} is not read here, and would be shown as typed: write it as text",
				"content/a.md:7:5: sources: want a name or {name, url}, got {{ … }} without quotes, which YAML reads as a mapping: put the whole value in quotes",
			},
		},
		{
			// A source's name shows values; its address is used as
			// written.
			name:  "a value in a source's address",
			fm:    "title: T\ndate: 2025-01-01\nsources:\n  - {name: \"S {{ a.x }}\", url: \"https://x.org/{{ a.b }}\"}\n",
			diags: []string{"content/a.md:5:47: sources: url: {{ }} is not read here, and would be shown as typed: write the address in full"},
		},
		{
			name:  "empty title",
			fm:    "title: \"  \"\ndate: 2025-01-01\n",
			diags: []string{"content/a.md:2:8: title: must not be empty"},
		},
		{
			name:  "title is a list",
			fm:    "title: [a, b]\ndate: 2025-01-01\n",
			diags: []string{"content/a.md:2:8: title: want text, got a list"},
		},
		{
			name:  "title is a mapping",
			fm:    "title:\n  en: A\ndate: 2025-01-01\n",
			diags: []string{"content/a.md:3:3: title: want text, got a mapping"},
		},
		{
			name:  "title is a number: taken as text",
			fm:    "title: 1984\ndate: 2025-01-01\n",
			diags: nil,
		},
		{
			name:  "bad date",
			fm:    "title: A\ndate: next tuesday\n",
			diags: []string{`content/a.md:3:7: date: cannot parse "next tuesday" as a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] with an optional offset such as +01:00 or +0100, or RFC 3339 such as 2025-01-10T10:00:00Z)`},
		},
		{
			name:  "empty date",
			fm:    "title: A\ndate:\n",
			diags: []string{"content/a.md:3:6: date: want a date (YYYY-MM-DD), got nothing"},
		},
		{
			name:  "date is a list",
			fm:    "title: A\ndate: [2025-01-01]\n",
			diags: []string{"content/a.md:3:7: date: want a date (YYYY-MM-DD), got a list"},
		},
		{
			name:  "bad updated",
			fm:    "title: A\ndate: 2025-01-01\nupdated: 2025-02-30\n",
			diags: []string{`content/a.md:4:10: updated: cannot parse "2025-02-30"`},
		},
		{
			name: "unknown keys are warnings",
			fm:   "title: A\ndate: 2025-01-01\ncolour: x\nlayout: y\n",
			diags: []string{
				`content/a.md:4:1: warning: front matter key "colour" is not used by plotline (known: aliases, author, data, date, description, draft, image, lang, nav, params, slug, sources, tags, title, toc, type, updated); put a site's own keys under params:`,
				`content/a.md:5:1: warning: front matter key "layout" is not used by plotline`,
			},
		},
		{
			// The front matter starts on line 2: titel is on line 4.
			name:  "misspelt title: at the misspelt key",
			fm:    "date: 2025-01-01\ntags: [a]\ntitel: My piece\n",
			diags: []string{`content/a.md:4:1: unknown key "titel": did you mean title? (the page has no title)`},
		},
		{
			name:  "date with a capital",
			fm:    "title: A\nDate: 2025-01-01\n",
			diags: []string{`content/a.md:3:1: unknown key "Date": did you mean date? (the page has no date)`},
		},
		{
			name:  "misspelt draft set to true: the page is not published",
			fm:    "title: A\ndate: 2025-01-01\ndraftt: true\n",
			diags: []string{`content/a.md:4:1: unknown key "draftt": did you mean draft? (without it the page is published: write draft: true)`},
		},
		{
			name:  "misspelt draft set to false",
			fm:    "title: A\ndate: 2025-01-01\ndarft: false\n",
			diags: []string{`content/a.md:4:1: warning: front matter key "darft" is not used by plotline: did you mean draft?`},
		},
		{
			name:  "misspelt tags",
			fm:    "title: A\ndate: 2025-01-01\ntag: [x]\n",
			diags: []string{`content/a.md:4:1: warning: front matter key "tag" is not used by plotline: did you mean tags?`},
		},
		{
			name:  "every error at once",
			fm:    "title: [x]\ndate: soon\ndraft: maybe\ntype: blog\n",
			diags: []string{"content/a.md:2:8: title:", "content/a.md:3:7: date:", "content/a.md:4:8: draft:", "content/a.md:5:7: type:"},
		},
		{
			// Each old address is a redirect page: 1,001 are too many.
			// The front matter starts on line 2: the 1,001st is on 1005.
			name:  "a thousand and one aliases",
			fm:    "title: T\ndate: 2025-01-01\naliases:\n" + "  - /old/\n" + aliasLines(2, 1001),
			diags: []string{"content/a.md:1005:5: aliases: more than 1000 old addresses: each is written as a page of its own; keep those that links and bookmarks still use"},
		},
		{
			// One source through an alias a thousand times: each would be
			// a line of the page.
			name:  "a thousand and one sources",
			fm:    "title: T\ndate: 2025-01-01\nsources:\n  - &s {name: S, url: \"https://ex.org/\"}\n" + strings.Repeat("  - *s\n", 1000),
			diags: []string{"content/a.md:1005:5: sources: more than 1000 sources: a page lists 1000 at most; keep those its figures come from"},
		},
		{
			// Each tag is a page of the site. The front matter starts on
			// line 2, tags: on 4, the 101st tag on 105.
			name:  "a hundred and one tags",
			fm:    "title: T\ndate: 2025-01-01\ntags:\n" + tagLines(101),
			diags: []string{"content/a.md:105:5: tags: more than 100 tags: a page has 100 at most, each a page of the site and a link on every list that shows it; keep the ones a reader would follow"},
		},
		{
			name: "a hundred tags",
			fm:   "title: T\ndate: 2025-01-01\ntags:\n" + tagLines(100),
		},
		{
			name: "a thousand aliases",
			fm:   "title: T\ndate: 2025-01-01\naliases:\n" + aliasLines(1, 1000),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, diags := parseFM(t, tc.fm)
			checkDiags(t, diags, tc.diags...)
			if p.Broken != diags.HasErrors() {
				t.Errorf("Broken = %v; want %v", p.Broken, diags.HasErrors())
			}
		})
	}
}

// tagLines returns n lines of a YAML list of tags t1 to tn.
func tagLines(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "  - t%d\n", i)
	}
	return b.String()
}

func TestSuggest(t *testing.T) {
	for key, want := range map[string]string{
		"titel": "title", "tilte": "title", "Title": "title", "TITLE": "title", "draftt": "draft",
		"drafts": "draft", "tag": "tags", "source": "sources", "alias": "", "summary": "description", "Excerpt": "description", "categories": "tags", "lastmod": "updated", "colour": "",
		"to": "", "slugs": "slug", "title": "", "params": "", "param": "params", "dat": "data or date",
	} {
		if got := Suggest(key); got != want {
			t.Errorf("Suggest(%q) = %q; want %q", key, got, want)
		}
	}
}

func TestUnknownKeyIsOnlyAWarning(t *testing.T) {
	p, diags := parseFM(t, "title: A\ndate: 2025-01-01\ncolour: red\n")
	if diags.HasErrors() || len(diags.Warnings()) != 1 {
		t.Errorf("diagnostics = %v; want one warning", diags)
	}
	if p.Broken {
		t.Error("Broken = true for a page with only a warning; want false")
	}
}

func TestSlugify(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"Economy", "economy"},
		{"Public Finance", "public-finance"},
		{"  Public   Finance  ", "public-finance"},
		{"public-finance", "public-finance"},
		{"War & Peace!", "war-peace"},
		{"COVID-19", "covid-19"},
		{"2025", "2025"},
		{"Курск", "курск"},
		{"Zürich über alles", "zürich-über-alles"},
		{"naïve_café", "naïve-café"},
		{"a--b", "a-b"},
		{"-lead", "lead"},
		{"trail-", "trail"},
		{"!!!", ""},
		{"", ""},
		{"日本語 text", "日本語-text"},
		{"emoji 😀 here", "emoji-here"},
		// Vowel signs and viramas are marks: they belong to their word.
		{"हिन्दी समाचार", "हिन्दी-समाचार"},
		{"Tiếng Việt", "tiếng-việt"},
		// A letter and its accent written apart (as macOS names files)
		// are the letter with its accent.
		{"cafe\u0301 e\u0301clair", "caf\u00e9-\u00e9clair"},
		{"emoji 😀\ufe0f here", "emoji-here"},
		{"\u0301lead", "lead"},
	} {
		if got := Slugify(tc.in); got != tc.want {
			t.Errorf("Slugify(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestParams(t *testing.T) {
	p, diags := parseFM(t, "title: A\ndate: 2025-01-01\nparams:\n  layout: post\n  weight: 3\n  nested: {a: [1, 2]}\nlayout: x\n")
	checkDiags(t, diags, `content/a.md:8:1: warning: front matter key "layout" is not used by plotline`)
	want := map[string]any{"layout": "post", "weight": 3, "nested": map[string]any{"a": []any{1, 2}}}
	if !reflect.DeepEqual(p.Params, want) {
		t.Errorf("Params = %#v; want %#v", p.Params, want)
	}
	if want := []UnknownKey{{Key: "layout", Pos: diag.Pos{Path: "content/a.md", Line: 8, Col: 1}}}; !reflect.DeepEqual(p.Unknown, want) {
		t.Errorf("Unknown = %v; want %v", p.Unknown, want)
	}
	_, diags = parseFM(t, "title: A\ndate: 2025-01-01\nparams: [a]\n")
	checkDiags(t, diags, "content/a.md:4:9: params: want a mapping of the site's own keys to values, got a list")

	// A key given twice, at any depth, is an error at the second, on
	// one line, as elsewhere in the front matter; a key that is a list
	// cannot name a parameter.
	_, diags = parseFM(t, "title: A\ndate: 2025-01-01\nparams: {x: 1, x: 2}\n")
	checkDiags(t, diags, `content/a.md:4:16: duplicate key "x" in params (first at line 4)`)
	_, diags = parseFM(t, "title: A\ndate: 2025-01-01\nparams:\n  a:\n    b: 1\n    b: 2\n  c: 1\n  c: 3\n")
	checkDiags(t, diags, `content/a.md:7:5: duplicate key "b" in params (first at line 6)`, `content/a.md:9:3: duplicate key "c" in params (first at line 8)`)
	_, diags = parseFM(t, "title: A\ndate: 2025-01-01\nparams: {[a]: 1}\n")
	checkDiags(t, diags, `content/a.md:4:10: params: a key must be text, got a list`)
}

func TestAliasFile(t *testing.T) {
	for _, tc := range []struct{ in, want, msg string }{
		{"/old/", "old/index.html", ""},
		{"/old", "old/index.html", ""},
		{"old/deeper/", "old/deeper/index.html", ""},
		{"/2014/12/23/hub.html", "2014/12/23/hub.html", ""},
		{"/v1.2/", "v1.2/index.html", ""},
		{"/caf%C3%A9%20menu/", "café menu/index.html", ""},
		{"/old//x/", "old/x/index.html", ""},
		{"//host/x/", "", "is not a site path: write the path below the base URL, \"/old/\""},
		{"/", "", "is the home page"},
		{"", "", "is the home page"},
		{"/a/../../b/", "", `must not contain ".."`},
		{"/a?b=1", "", "is not a site path: leave out ?, # and backslashes"},
		{"/x/" + strings.Repeat("a", 255) + "/", "x/" + strings.Repeat("a", 255) + "/index.html", ""},
		{"/x/" + strings.Repeat("a", 256) + "/", "", "has a part of 256 bytes; a file name may have 255 at most"},
		{"/" + strings.Repeat("b/", 500), strings.Repeat("b/", 500) + "index.html", ""},
		{"/" + strings.Repeat("b/", 3000), "", "is 5999 bytes long; an old address may have 1000 at most, as its redirect page is written at that path"},
		{"https://example.org/old/", "", "is not a site path: write the path below the base URL, \"/old/\""},
	} {
		got, msg := AliasFile(tc.in)
		if got != tc.want || msg != tc.msg {
			t.Errorf("AliasFile(%q) = %q, %q; want %q, %q", tc.in, got, msg, tc.want, tc.msg)
		}
	}
}

// TestUnprintableBodyBounded gives a page a thousand bells: ten are
// reported one by one, and the rest in one line at the eleventh.
func TestUnprintableBodyBounded(t *testing.T) {
	src := "---\ntitle: A\ndate: 2025-01-01\n---\n" + strings.Repeat("x\a", 1000) + "\n"
	var diags diag.List
	Parse("content/a.md", []byte(src), &diags)
	if len(diags) != 11 {
		t.Fatalf("%d diagnostics; want 11:\n%v", len(diags), diags)
	}
	if got, want := diags[10].String(), "content/a.md:5:22: 990 more characters that cannot be shown in a web page from here on: remove them"; got != want {
		t.Errorf("last diagnostic %q; want %q", got, want)
	}
}

// TestURLBackslash checks that a file whose path holds a backslash is
// refused at the file, as a slug with one is: Windows reads it as a
// folder separator, and a server may refuse the address.
func TestURLBackslash(t *testing.T) {
	var diags diag.List
	p := Parse(`content/articles/back\slash.md`, []byte("---\ntitle: A\ndate: 2025-01-01\n---\nBody\n"), &diags)
	checkDiags(t, diags)
	_, err := URLFor(p)
	if want := "the file's path holds a backslash, which Windows reads as a folder separator and web servers may refuse: rename the file or set a slug"; err == nil || err.Error() != want {
		t.Errorf("URLFor = %v; want %q", err, want)
	}
	p.Slug = "fine"
	if u, err := URLFor(p); u != "articles/fine/" || err != nil {
		t.Errorf("with a slug: URLFor = %q, %v; want articles/fine/ and no error", u, err)
	}
}

// onDemandSource is a 2 MB file whose last line holds a value.
var onDemandSource = []byte(strings.Repeat("  - {date: 2025-01-01, label: plain}\n", 55_000) + `title: "a {{ x.y }}"` + "\n")

// TestValuePositionsOnDemand checks the positions ValuePositions gives of a
// value at the end of a 2 MB file, which it reads only when one is asked
// for (BenchmarkValuePositionsUnasked).
func TestValuePositionsOnDemand(t *testing.T) {
	src := onDemandSource
	last := strings.Count(string(src), "\n")
	at := ValuePositions("a.md", src, diag.Pos{Path: "a.md", Line: last, Col: 8}, "a {{ x.y }}")
	if got, want := at(2), (diag.Pos{Path: "a.md", Line: last, Col: 11}); got != want {
		t.Errorf("at(2) = %v; want %v", got, want)
	}
}

// BenchmarkValuePositionsUnasked calls ValuePositions of a value at the
// end of a 2 MB file and asks for no position, as for the event labels of
// a chart with no value or mistake in them: it costs nothing. Each call
// read the file from its start, so a page of 40,000 event labels took 6
// s, four times as long as one of 20,000.
func BenchmarkValuePositionsUnasked(b *testing.B) {
	last := strings.Count(string(onDemandSource), "\n")
	for b.Loop() {
		ValuePositions("a.md", onDemandSource, diag.Pos{Path: "a.md", Line: last, Col: 8}, "a {{ x.y }}")
	}
}

// TestValuePositionsEscapes checks that a value whose source is not what
// it reads as, for a doubled quote, an escape or a folded line, still
// gives each offset the place it was typed at: the "40" of a headline
// in single quotes whose apostrophe is doubled was reported at the
// opening quote. Columns counted by hand.
func TestValuePositionsEscapes(t *testing.T) {
	src := []byte("---\n" +
		"title: 'America''s debt passes $40 trillion'\n" + // line 2
		"description: \"A \\\"big\\\" \\u00e9 debt: $40 trillion\"\n" + // line 3
		"dek: Debt passes\n" + // line 4
		"  $40 trillion\n" + // line 5
		"caption: \"Debt \\\n" + // line 6
		"  of $40 trillion\"\n" + // line 7
		"---\n")
	for _, tc := range []struct {
		line, col int // where the value starts
		value     string
		off       int // of the "4" of "40"
		wantLine  int
		wantCol   int
	}{
		{2, 8, "America's debt passes $40 trillion", 23, 2, 33},
		{3, 14, `A "big" é debt: $40 trillion`, 18, 3, 39},
		{4, 6, "Debt passes $40 trillion", 13, 5, 4},
		{6, 10, "Debt of $40 trillion", 9, 7, 7},
	} {
		if tc.value[tc.off:tc.off+2] != "40" {
			t.Fatalf("%q: offset %d is not the 40", tc.value, tc.off)
		}
		at := ValuePositions("a.md", src, diag.Pos{Path: "a.md", Line: tc.line, Col: tc.col}, tc.value)
		if got, want := at(tc.off), (diag.Pos{Path: "a.md", Line: tc.wantLine, Col: tc.wantCol}); got != want {
			t.Errorf("%q: at(%d) = %v; want %v", tc.value, tc.off, got, want)
		}
	}
}

// aliasLines returns the lines of a list of aliases /o/from/ to /o/to/.
func aliasLines(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, "  - /o/%d/\n", i)
	}
	return b.String()
}

// TestTagsAlike checks which two names of one tag page are one tag
// written two ways, and which are two names a reader would tell apart.
func TestTagsAlike(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Go", "go", true},
		{"Climate change", "climate-change", true},
		{"climate_change", "Climate  Change", true},
		{"C++", "C", false},
		{"C#", "c", false},
		{"U.S.", "US", true},
		{"Public Finance", "public finance!", true},
	} {
		if got := TagsAlike(c.a, c.b); got != c.want {
			t.Errorf("TagsAlike(%q, %q) = %v; want %v", c.a, c.b, got, c.want)
		}
	}
}
