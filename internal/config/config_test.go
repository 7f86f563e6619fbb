package config

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline/internal/diag"
)

func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		name string
		fsys fstest.MapFS
		want Config
	}{
		{
			name: "no file",
			fsys: fstest.MapFS{"content/a.md": {Data: []byte("x")}},
			want: Default(),
		},
		{
			name: "yaml",
			fsys: fstest.MapFS{"plotline.yaml": {Data: []byte(`title: The Ledger
description: Numbers, explained
language: de
author: Ana Ruiz
base_url: https://user.github.io/repo/
unsafe_html: true
typographer: false
feed_items: 5
`)}},
			want: Config{
				Title: "The Ledger", Description: "Numbers, explained", Language: "de", Author: "Ana Ruiz",
				BaseURL: "https://user.github.io/repo/", UnsafeHTML: true, FeedItems: 5, PageSize: 25, File: "plotline.yaml",
			},
		},
		{
			name: "yml keeps defaults it does not set",
			fsys: fstest.MapFS{"plotline.yml": {Data: []byte("title: T\n")}},
			want: Config{Title: "T", Language: "en", FeedItems: 20, PageSize: 25, Typographer: true, File: "plotline.yml"},
		},
		{
			name: "empty yaml",
			fsys: fstest.MapFS{"plotline.yaml": {Data: []byte("# nothing yet\n")}},
			want: Config{Title: "plotline", Language: "en", FeedItems: 20, PageSize: 25, Typographer: true, File: "plotline.yaml"},
		},
		{
			name: "toml",
			fsys: fstest.MapFS{"plotline.toml": {Data: []byte(`title = "The Ledger"
description = "Numbers, explained"
language = "fr"
author = "Ana Ruiz"
base_url = "https://x.org/"
unsafe_html = true
typographer = false
feed_items = 3
`)}},
			want: Config{
				Title: "The Ledger", Description: "Numbers, explained", Language: "fr", Author: "Ana Ruiz",
				BaseURL: "https://x.org/", UnsafeHTML: true, FeedItems: 3, PageSize: 25, File: "plotline.toml",
			},
		},
		{
			name: "yaml wins over toml",
			fsys: fstest.MapFS{
				"plotline.yaml": {Data: []byte("title: from yaml\n")},
				"plotline.toml": {Data: []byte("title = \"from toml\"\n")},
			},
			want: Config{Title: "from yaml", Language: "en", FeedItems: 20, PageSize: 25, Typographer: true, File: "plotline.yaml", Unread: []string{"plotline.toml"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Load(tc.fsys)
			if err != nil {
				t.Fatalf("Load() error = %v", err)
			}
			got.places = nil // where the values were set: see TestLoadErrors
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Load() = %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestUnread checks that a config file beside the one read is said to be
// left unread, whatever it holds, mistakes included.
func TestUnread(t *testing.T) {
	cfg, err := Load(fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: T\n")},
		"plotline.toml": {Data: []byte("feed_items = \"x\"\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "plotline.toml: warning: this file is not read: plotline.yaml is, and a site has one config file (plotline reads the first of plotline.yaml, plotline.yml, plotline.toml): move what it holds into plotline.yaml and remove it"
	if got := cfg.Warnings().Error(); got != want {
		t.Errorf("Warnings() = %s; want %s", got, want)
	}
	cfg, _ = Load(fstest.MapFS{"plotline.yml": {Data: []byte("title: T\n")}})
	if w := cfg.Warnings(); len(w) != 0 {
		t.Errorf("one config file: Warnings() = %v; want none", w)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		src  string
		want string // the whole error text
	}{
		{
			name: "yaml unknown key",
			file: "plotline.yaml",
			src:  "title: T\n  # comment\nbaseurl: https://x.org/\n",
			want: `plotline.yaml:3:1: unknown key "baseurl" (known: author, base_url, claims, description, feed_aliases, feed_items, language, page_size, tag_feed_aliases, title, typographer, unsafe_html): did you mean base_url?`,
		},
		{
			// A tolerance written as the README's comment says it, 5%.
			name: "yaml about in per cent",
			file: "plotline.yaml",
			src:  "title: T\nclaims:\n  about: 5%\n",
			want: `plotline.yaml:3:10: claims: about: want a share such as 0.05 (five per cent), got text "5%": write 0.05`,
		},
		{
			// Written on every page: a bell in each <title>, which no
			// web page may hold, and a bidi override that turns 12
			// into 21 for readers.
			name: "yaml title with a control character",
			file: "plotline.yaml",
			src:  "title: \"Desk \\a\"\ndescription: \"Up \\u202e12\"\n",
			want: "plotline.yaml:1:8: title: the character U+0007 cannot be shown in a web page: remove it\nplotline.yaml:2:14: description: the character U+202E, a bidi override, shows what follows it in reverse order, so that a reader takes 12 for 21 (to set a phrase right to left, put it between U+2067 and U+2069): remove it",
		},
		{
			// Written on every page of the site.
			name: "yaml title of a whole text",
			file: "plotline.yaml",
			src:  "title: " + strings.Repeat("x", 1001) + "\n",
			want: `plotline.yaml:1:8: title: 1001 characters, more than the 1000 the site's title may have: it is written on every page`,
		},
		{
			// A whole number past int64 was "want a whole number, got a
			// number".
			name: "yaml page size too large",
			file: "plotline.yaml",
			src:  "title: T\npage_size: 99999999999999999999\n",
			want: `plotline.yaml:2:12: page_size: 99999999999999999999 is too large: want a whole number up to 9223372036854775807`,
		},
		{
			// TOML's reader says so itself, at the number.
			name: "toml feed items too large",
			file: "plotline.toml",
			src:  "title = \"T\"\nfeed_items = 99999999999999999999\n",
			want: `plotline.toml:2:14: 99999999999999999999 is out of range for int64`,
		},
		{
			// Cut to 2 by the decoder, without a word; 1e1 is 10.
			name: "yaml page size with a fraction",
			file: "plotline.yaml",
			src:  "title: T\npage_size: 2.5\nfeed_items: 1e1\n",
			want: `plotline.yaml:2:12: page_size: want a whole number, got 2.5`,
		},
		{
			// Decoded into the bytes 0x48 0x69 0xff, written into every
			// page as they were.
			name: "yaml title of !!binary bytes",
			file: "plotline.yaml",
			src:  "title: !!binary SGn/\n",
			want: `plotline.yaml:1:8: title: want text, got bytes that are not UTF-8 (a !!binary value?): write the text itself`,
		},
		{
			// Reported at every claim of every article, and not here.
			name: "yaml about of NaN",
			file: "plotline.yaml",
			src:  "title: T\nclaims:\n  about: .nan\n",
			want: `plotline.yaml:3:10: claims: about: want a share such as 0.05 (five per cent), got NaN`,
		},
		{
			name: "toml about of NaN",
			file: "plotline.toml",
			src:  "title = \"T\"\n[claims]\nabout = nan\n",
			want: `plotline.toml:3:9: claims: about: want a share such as 0.05 (five per cent), got NaN`,
		},
		{
			// Not every article, as page_size: 0 is: a feed of none.
			name: "yaml feed of no articles",
			file: "plotline.yaml",
			src:  "title: T\nfeed_items: 0\n",
			want: `plotline.yaml:2:13: feed_items: want a positive number, got 0, which would publish a feed of no articles (to have every article in it, give their number)`,
		},
		{
			// Written into every page's lang: 800 KB made each page
			// a megabyte. Not quoted in the message.
			name: "yaml language tag of a whole text",
			file: "plotline.yaml",
			src:  "title: T\nlanguage: en-x-" + strings.Repeat("abcdefgh-", 11) + "end\n",
			want: `plotline.yaml:2:11: language: 107 characters, more than the 100 a language tag may have: it is written on every page`,
		},
		{
			// The start of every link of every page: 800 KB of it made
			// 13 MB of each page. Not quoted in the message.
			name: "yaml base URL of a whole text",
			file: "plotline.yaml",
			src:  "title: T\nbase_url: https://x.org/" + strings.Repeat("a/", 493) + "a\n",
			want: `plotline.yaml:2:11: base URL: 1001 characters, more than the 1000 a base URL may have: every address of every page starts with it`,
		},
		{
			// Arrays 400,000 deep in the 1 MB a config may have took the
			// TOML decoder 15 s and 300 MB; a few hundred thousand more
			// ended the process with a stack overflow.
			name: "toml nested too deep",
			file: "plotline.toml",
			src:  "title = \"T\"\n\nx = " + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + "\n",
			want: `plotline.toml:3:1: nested more than 100 levels deep`,
		},
		{
			name: "toml about in per cent",
			file: "plotline.toml",
			src:  "title = \"T\"\n[claims]\nabout = \"2.5 %\"\n",
			want: `plotline.toml:3:9: claims: about: want a share such as 0.05 (five per cent), got text "2.5 %": write 0.025`,
		},
		{
			name: "yaml wrong type",
			file: "plotline.yaml",
			src:  "title: T\nfeed_items:   many\n",
			want: `plotline.yaml:2:15: feed_items: want a whole number, got text "many"`,
		},
		{
			// A byte-order mark, which an editor does not show, is no
			// column, and never part of a fix the message suggests.
			name: "yaml with a byte-order mark",
			file: "plotline.yaml",
			src:  "\ufefftitle: The: x\n",
			want: `plotline.yaml:1:11: a value holding ": " needs quotes: title: "The: x"`,
		},
		{
			name: "yaml with a byte-order mark, wrong type on line 1",
			file: "plotline.yaml",
			src:  "\ufefffeed_items: many\n",
			want: `plotline.yaml:1:13: feed_items: want a whole number, got text "many"`,
		},
		{
			name: "toml with a byte-order mark",
			file: "plotline.toml",
			src:  "\ufefffeed_items = \"x\"\n",
			want: `plotline.toml:1:14: feed_items: want a whole number, got text "x"`,
		},
		{
			name: "toml with a byte-order mark, syntax error",
			file: "plotline.toml",
			src:  "\ufefftitle = \"x\n",
			want: `plotline.toml:1:9: this quote is never closed: end the text with "`,
		},
		{
			name: "yaml wrong type for a string",
			file: "plotline.yaml",
			src:  "title: [a, b]\n",
			want: "plotline.yaml:1:8: title: want text, got a list",
		},
		{
			name: "yaml every error at once",
			file: "plotline.yaml",
			src:  "colour: red\ntitle: T\nunsafe_html: sometimes\ntypographer: smart\n",
			want: "plotline.yaml:1:1: unknown key \"colour\" (known: author, base_url, claims, description, feed_aliases, feed_items, language, page_size, tag_feed_aliases, title, typographer, unsafe_html)\n" +
				`plotline.yaml:3:14: unsafe_html: want true or false, got text "sometimes"` + "\n" +
				`plotline.yaml:4:14: typographer: want true or false, got text "smart"`,
		},
		{
			name: "yaml not a mapping",
			file: "plotline.yaml",
			src:  "- title\n",
			want: "plotline.yaml:1:1: want a mapping of keys to values, got a list",
		},
		{
			name: "yaml syntax error",
			file: "plotline.yaml",
			src:  "title: T\nauthor: 'A\n",
			want: "plotline.yaml:2:9: this quote is never closed: end the text with '",
		},
		{
			name: "yaml parser error",
			file: "plotline.yaml",
			src:  "title: T\nlanguage: [en, de\n",
			want: `plotline.yaml:2:11: this "[" is never closed: end the list with "]"`,
		},
		{
			name: "yaml duplicate key",
			file: "plotline.yaml",
			src:  "title: T\nfeed_items: 3\ntitle: U\n",
			want: `plotline.yaml:3:1: duplicate key "title" (first at line 1)`,
		},
		{
			name: "yaml wrong type in claims",
			file: "plotline.yaml",
			src:  "claims:\n  seasons: southern\n  about: [1]\n",
			want: "plotline.yaml:3:10: claims: about: want a share such as 0.05 (five per cent), got a list",
		},
		{
			name: "toml unknown key",
			file: "plotline.toml",
			src:  "title = \"T\"\nbaseurl = \"https://x.org/\"\n",
			// The decoder says no position; the key's line is found.
			want: `plotline.toml:2:1: unknown key "baseurl" (known: author, base_url, claims, description, feed_aliases, feed_items, language, page_size, tag_feed_aliases, title, typographer, unsafe_html): did you mean base_url?`,
		},
		{
			name: "toml wrong type",
			file: "plotline.toml",
			src:  "title = \"T\"\nfeed_items = \"many\"\n",
			// "feed_items = " is 13 characters: the value is at 14.
			want: `plotline.toml:2:14: feed_items: want a whole number, got text "many"`,
		},
		{
			// Values of the wrong type hide none of the other mistakes:
			// the same six as the same file in YAML gives.
			name: "toml every mistake at once, at its value",
			file: "plotline.toml",
			src:  "title = \"T\"\nbase_url = \"example.org\"\nfeed_items = \"x\"\npage_size = \"y\"\nunsafe_html = \"z\"\n[claims]\nabout = 2.0\nabot = 1\n",
			want: `plotline.toml:2:12: base URL "example.org": want an absolute http(s) URL such as https://user.github.io/repo/
plotline.toml:3:14: feed_items: want a whole number, got text "x"
plotline.toml:4:13: page_size: want a whole number, got text "y"
plotline.toml:5:15: unsafe_html: want true or false, got text "z"
plotline.toml:7:9: claims: about: want a share such as 0.05 (five per cent), got 2: for 2 per cent, write 0.02
plotline.toml:8:1: unknown key "abot" in claims (known: about, seasons): did you mean about?`,
		},
		{
			// Inside an inline table, at the key's value ("claims = {
			// about = " is 19 characters) and at the key (after `"x", `).
			name: "toml inline table",
			file: "plotline.toml",
			src:  "claims = { about = \"x\", abot = 1 }\nunsafe_html = 1\n",
			want: `plotline.toml:1:20: claims: about: want a share such as 0.05 (five per cent), got text "x"
plotline.toml:1:25: unknown key "abot" in claims (known: about, seasons): did you mean about?
plotline.toml:2:15: unsafe_html: want true or false, got a number`,
		},
		{
			// Each kind of TOML value, named as the same value in YAML
			// would be, at the value: "title = " is 8 characters,
			// "description = " 14, "author = " 9, "language = " and
			// "base_url = " 11.
			name: "toml values of every kind",
			file: "plotline.toml",
			src:  "title = 1979-05-27T07:32:00\ndescription = [{ a = 1 }]\nauthor = 2.5e3\nlanguage = { a = true }\nbase_url = false\n",
			want: `plotline.toml:1:9: title: want text, got a date
plotline.toml:2:15: description: want text, got a list
plotline.toml:3:10: author: want text, got a number
plotline.toml:4:12: language: want text, got a mapping
plotline.toml:5:12: base_url: want text, got true or false`,
		},
		{
			name: "toml claims not a table",
			file: "plotline.toml",
			src:  "claims = [1]\n",
			want: `plotline.toml:1:10: claims: want a mapping of about and seasons, got a list`,
		},
		{
			name: "toml syntax error",
			file: "plotline.toml",
			src:  "title = \"T\"\n\nauthor = \n",
			want: "plotline.toml:3:",
		},
		{
			name: "bad base url",
			file: "plotline.yaml",
			src:  "base_url: example.org/repo\n",
			want: `plotline.yaml:1:11: base URL "example.org/repo": want an absolute http(s) URL such as https://user.github.io/repo/`,
		},
		{
			name: "negative feed items",
			file: "plotline.yaml",
			src:  "feed_items: -1\n",
			want: "plotline.yaml:1:13: feed_items: want a positive number, got -1",
		},
		{
			name: "every mistake at once, at its value",
			file: "plotline.yaml",
			src:  "title: T\nbase_url: ftp://x\npage_size: -1\nfeed_items: many\nclaims:\n  about: 2\n  seasons: autumn\n",
			want: `plotline.yaml:2:11: base URL "ftp://x": want an absolute http(s) URL such as https://user.github.io/repo/
plotline.yaml:3:12: page_size: want a positive number, or 0 for one page, got -1
plotline.yaml:4:13: feed_items: want a whole number, got text "many"
plotline.yaml:6:10: claims: about: want a share such as 0.05 (five per cent), got 2: for 2 per cent, write 0.02
plotline.yaml:7:12: claims: seasons: want northern or southern, got "autumn"`,
		},
		{
			name: "toml values and unknown keys at their lines",
			file: "plotline.toml",
			src:  "title = \"T\"\nbase_url = \"ftp://x\"\nfeedItems = 3\n[claims]\n  about = 2.0\n  seasons = \"x\"\n",
			want: `plotline.toml:2:12: base URL "ftp://x": want an absolute http(s) URL such as https://user.github.io/repo/
plotline.toml:3:1: unknown key "feedItems" (known: author, base_url, claims, description, feed_aliases, feed_items, language, page_size, tag_feed_aliases, title, typographer, unsafe_html): did you mean feed_items?
plotline.toml:5:11: claims: about: want a share such as 0.05 (five per cent), got 2: for 2 per cent, write 0.02
plotline.toml:6:13: claims: seasons: want northern or southern, got "x"`,
		},
		{
			name: "toml dotted key",
			file: "plotline.toml",
			src:  "title = \"T\"\nclaims.about = -1.0\n",
			want: "plotline.toml:2:16: claims: about: want a share such as 0.05 (five per cent), got -1",
		},
		{
			name: "a language name for a tag",
			file: "plotline.yaml",
			src:  "title: T\nlanguage: English\n",
			want: `plotline.yaml:2:11: language: want a language tag such as en, en-GB, de or ar, got "English"`,
		},
		{
			name: "a language tag with a space, in toml",
			file: "plotline.toml",
			src:  "title = \"T\"\n\nlanguage = \"pt BR\"\n",
			want: `plotline.toml:3:12: language: want a language tag such as en, en-GB, de or ar, got "pt BR"`,
		},
		{
			// Every page showed the braces as typed.
			name: "a value in the title",
			file: "plotline.yaml",
			src:  "title: \"{{ beds.crossing }} Desk\"\n",
			want: `plotline.yaml:1:8: title: {{ }} is not read in the config file, and would be shown as typed on every page: write it as text (values go in an article's prose, title, description and charts)`,
		},
		{
			name: "an empty title",
			file: "plotline.yaml",
			src:  "title: \"  \"\nlanguage: en\n",
			want: `plotline.yaml:1:8: title: must not be empty: it names the site in every page's title, its header and the feed`,
		},
		{
			name: "an empty title, in toml",
			file: "plotline.toml",
			src:  "title = \"\"\n",
			want: `plotline.toml:1:9: title: must not be empty: it names the site in every page's title, its header and the feed`,
		},
		{
			// Pages said lang="", a language unknown, and the feed none.
			name: "an empty language",
			file: "plotline.yaml",
			src:  "title: T\nlanguage: \"\"\n",
			want: `plotline.yaml:2:11: language: want a language tag such as en, en-GB, de or ar, got empty text (leave the key out for en)`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := Load(fstest.MapFS{tc.file: {Data: []byte(tc.src)}})
			if err == nil {
				t.Fatalf("Load() = %+v, nil; want an error", cfg)
			}
			got := err.Error()
			if strings.HasSuffix(tc.want, ":") {
				if !strings.HasPrefix(got, tc.want) {
					t.Errorf("Load() error = %q; want it to start with %q", got, tc.want)
				}
			} else if got != tc.want {
				t.Errorf("Load() error = %q; want %q", got, tc.want)
			}
			if cfg.File != tc.file {
				t.Errorf("File = %q; want %q", cfg.File, tc.file)
			}
		})
	}
}

// TestLoadTooLarge checks that a config file of 3 MB, a description
// pasted in by mistake, is not read: it would go into every page, and
// made 287 MB of a site of eight pages from 50 MB.
func TestLoadTooLarge(t *testing.T) {
	src := "title: T\ndescription: " + strings.Repeat("x", 3<<20-23) + "\n"
	_, err := Load(fstest.MapFS{"plotline.yaml": {Data: []byte(src)}})
	if err == nil || err.Error() != "plotline.yaml:1:1: file is 3 MB, more than the 1 MB plotline reads" {
		t.Errorf("Load(3 MB) = %v; want an error saying the file is too large", err)
	}
}

// TestLoadManyMistakes checks that a config file of thousands of unknown
// keys, in YAML or TOML, lists the first 1,000 and says the rest are not
// listed, as an article's Markdown and a CSV file do: 60,000 of them
// printed 8 MB.
func TestLoadManyMistakes(t *testing.T) {
	for _, file := range []string{"plotline.yaml", "plotline.toml"} {
		var src strings.Builder
		src.WriteString("title = \"T\"\n") // line 1; the 1,001st key k1000 on line 1002
		for i := range 3000 {
			fmt.Fprintf(&src, "k%d = 1\n", i)
		}
		text := src.String()
		if file == "plotline.yaml" {
			text = strings.ReplaceAll(text, " = ", ": ")
		}
		_, err := Load(fstest.MapFS{file: {Data: []byte(text)}})
		var l diag.List
		if !errors.As(err, &l) || len(l) != diag.MaxListed+1 {
			t.Fatalf("%s: Load() gave %d errors; want %d and a note", file, len(l), diag.MaxListed+1)
		}
		if got, want := l[len(l)-1].String(), file+":1002:1: more than 1000 problems in this config file; the rest are not listed"; got != want {
			t.Errorf("%s: last error\n%s\nwant\n%s", file, got, want)
		}
	}
}

func TestLoadErrorIsDiagList(t *testing.T) {
	_, err := Load(fstest.MapFS{"plotline.yaml": {Data: []byte("a: 1\nb: 2\n")}})
	var l diag.List
	if !errors.As(err, &l) || len(l) != 2 {
		t.Fatalf("Load() error = %v; want a diag.List of 2", err)
	}
	if want := (diag.Pos{Path: "plotline.yaml", Line: 2, Col: 1}); l[1].Pos != want {
		t.Errorf("second diagnostic at %v; want %v", l[1].Pos, want)
	}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		base string
		ok   bool
	}{
		{"", true},
		{"https://x.org", true},
		{"https://x.org/repo/", true},
		{"http://localhost:1313/", true},
		{"example.org/repo", false},
		{"//example.org/repo", false},
		{"ftp://x", false},
		{"https://", false},
		{"https:///path", false},
		{"mailto:a@x.org", false},
		{"https://x.org/%zz", false},
		{"https://user:secret@x.org/r/", false},
		{"https://x.org/r?x=1", false},
		{"https://x.org/r/#frag", false},
		{"https://x.org/r/?", false},
		{"https://x.org/../../", false},
		{"https://x.org/%2e%2e/", false},
		{"https://x.org/a/./b/", false},
		{"https://x.org/a b/", false},
		{"https://x.org/a%20b/", true},
		{"https://x.org/caf%C3%A9/", true},
		{"https://x.org/a..b/", true},
		{"https://x.org:8080/", true},
		{"https://x.org:99999/", false},
		{"https://x.org:0/", false},
		{"https://bücher.example/", true},
		{"https://bü_cher.example/", false},
		{"https://x.org/a%00b/", false},
		{"https://x.org/a%0Ab/", false},
		{"https://x.org/a%5Cb/", false},
		{"https://x.org/a%7Fb/", false},
		{"http://[::1]:8080/", true},
	} {
		c := Default()
		c.BaseURL = tc.base
		err := c.Check()
		if (err == nil) != tc.ok {
			t.Errorf("Check() with base URL %q = %v; want ok %v", tc.base, err, tc.ok)
		}
		if err != nil && !strings.Contains(err.Error(), tc.base) {
			t.Errorf("Check() error %q does not name the URL %q", err, tc.base)
		}
	}
}

func TestBasePath(t *testing.T) {
	for _, tc := range []struct {
		base string
		want string
	}{
		{"", "/"},
		{"https://x.org", "/"},
		{"https://x.org/", "/"},
		{"https://x.org/repo", "/repo/"},
		{"https://x.org/repo/", "/repo/"},
		{"https://x.org/a/b/", "/a/b/"},
		{"https://x.org//repo//", "/repo/"},
		// A link writes the path as the URL does: a ? or # decoded
		// there would start a query or a fragment.
		{"https://x.org/a%3Fb/", "/a%3Fb/"},
		{"https://x.org/a%23b/", "/a%23b/"},
		{"https://x.org/a%2Fb/", "/a%2Fb/"},
		{"https://x.org/my%20site/", "/my%20site/"},
		{"https://x.org/café/", "/caf%C3%A9/"},
	} {
		c := Config{BaseURL: tc.base}
		if got := c.BasePath(); got != tc.want {
			t.Errorf("BasePath() with base URL %q = %q; want %q", tc.base, got, tc.want)
		}
	}
}

func TestSiteURL(t *testing.T) {
	for _, tc := range []struct {
		base string
		want string
	}{
		{"", ""},
		{"https://x.org", "https://x.org/"},
		{"https://x.org/repo", "https://x.org/repo/"},
		{"https://x.org:8080/a%3Fb/", "https://x.org:8080/a%3Fb/"},
		{"https://bücher.example/café/", "https://xn--bcher-kva.example/caf%C3%A9/"},
		{"https://BÜCHER.example:8443/", "https://xn--bcher-kva.example:8443/"},
		{"http://[::1]:1313/x/", "http://[::1]:1313/x/"},
		{"https://x.org:99999/", ""},
	} {
		c := Config{BaseURL: tc.base}
		if got := c.SiteURL(); got != tc.want {
			t.Errorf("SiteURL() with base URL %q = %q; want %q", tc.base, got, tc.want)
		}
	}
}

func TestSetBaseURL(t *testing.T) {
	cfg, err := Load(fstest.MapFS{"plotline.yaml": {Data: []byte("title: T\nbase_url: https://x.org/\n")}})
	if err != nil {
		t.Fatal(err)
	}
	cfg.SetBaseURL("ftp://y", "--base-url")
	want := `--base-url: base URL "ftp://y": want an absolute http(s) URL such as https://user.github.io/repo/`
	if err := cfg.Check(); err == nil || err.Error() != want {
		t.Errorf("Check() = %v; want %s", err, want)
	}
	cfg.SetBaseURL("https://x.org/"+strings.Repeat("b", 2000), "--base-url")
	want = `--base-url: base URL: 2014 characters, more than the 1000 a base URL may have: every address of every page starts with it`
	if err := cfg.Check(); err == nil || err.Error() != want {
		t.Errorf("Check() = %v; want %s", err, want)
	}
	cfg.SetBaseURL("https://x.org/"+strings.Repeat("é", 986), "--base-url")
	if err := cfg.Check(); err != nil {
		t.Errorf("Check() with a base URL of 1000 characters = %v; want nil", err)
	}
	cfg.SetBaseURL("https://user.github.io/repo/", "--base-url")
	if err := cfg.Check(); err != nil {
		t.Errorf("Check() with an http(s) base URL = %v; want nil", err)
	}
}

// TestLoadTOMLSameEveryTime loads a plotline.toml with several mistakes
// many times: the errors are the same each time.
func TestLoadTOMLSameEveryTime(t *testing.T) {
	fsys := fstest.MapFS{"plotline.toml": {Data: []byte("feed_items = \"x\"\npage_size = \"y\"\nunsafe_html = \"z\"\ntitle = 1\nauthor = 2\n")}}
	_, first := Load(fsys)
	if first == nil {
		t.Fatal("Load() = nil; want errors")
	}
	for range 50 {
		if _, err := Load(fsys); err == nil || err.Error() != first.Error() {
			t.Fatalf("Load() = %v\nthen %v", first, err)
		}
	}
	if n := strings.Count(first.Error(), "\n") + 1; n != 5 {
		t.Errorf("Load() = %v; want 5 errors", first)
	}
}

func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		written, lang, dir string
	}{
		{"en", "en", "ltr"},
		{"en_us", "en-US", "ltr"}, // as Jekyll sites write it
		{"de-ch", "de-CH", "ltr"},
		{"ar", "ar", "rtl"},
		{"ar-EG", "ar-EG", "rtl"},
		{"ar-Latn", "ar-Latn", "ltr"}, // Arabic in Latin letters
		{"he", "he", "rtl"},
		{"iw", "he", "rtl"}, // Hebrew's old code
		{"fa", "fa", "rtl"},
		{"ur", "ur", "rtl"},
		{"ckb", "ckb", "rtl"}, // Central Kurdish, in Arabic script
		{"ku", "ku", "ltr"},   // Kurdish, most often in Latin letters
		{"dv", "dv", "rtl"},   // Thaana
		{"az-Arab", "az-Arab", "rtl"},
		{"zh-Hant", "zh-Hant", "ltr"},
		{"x-klingon", "x-klingon", "ltr"},
	} {
		cfg, err := Load(fstest.MapFS{"plotline.yaml": {Data: []byte("language: " + tc.written + "\n")}})
		if err != nil {
			t.Errorf("language %s: %v", tc.written, err)
			continue
		}
		if cfg.Language != tc.lang || cfg.Direction() != tc.dir {
			t.Errorf("language %s: Language %q, Direction() %q; want %q, %q", tc.written, cfg.Language, cfg.Direction(), tc.lang, tc.dir)
		}
	}
	for lang, want := range map[string]string{
		"en": "en_US", "en-GB": "en_GB", "de": "de_DE", "ar": "ar_EG", "pt-BR": "pt_BR",
		"zh-Hant": "zh_TW", "es-419": "", "x-klingon": "",
		// No language: x/text guesses English, with low confidence.
		"und": "", "und-u-nu-thai": "", "und-Arab": "ar_EG",
	} {
		c := Config{Language: lang}
		if got := c.OpenGraphLocale(); got != want {
			t.Errorf("language %s: OpenGraphLocale() = %q; want %q", lang, got, want)
		}
	}
	if d := Default(); d.Direction() != "ltr" {
		t.Errorf("Default().Direction() = %q; want ltr", d.Direction())
	}
}

// TestFeedAliases reads feed_aliases as a list or one path alone, in
// YAML and TOML, each path placed where it is written (in TOML, at the
// key's value).
func TestFeedAliases(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
		pos       []string
	}{
		{"plotline.yaml", "title: T\nfeed_aliases:\n  - /index.xml\n  - \"/atom.xml\"\n", []string{"/index.xml", "/atom.xml"}, []string{"plotline.yaml:3:5", "plotline.yaml:4:5"}},
		{"plotline.yaml", "feed_aliases: /index.xml\n", []string{"/index.xml"}, []string{"plotline.yaml:1:15"}},
		{"plotline.toml", "title = \"T\"\nfeed_aliases = [\"/index.xml\", \"/atom.xml\"]\n", []string{"/index.xml", "/atom.xml"}, []string{"plotline.toml:2:16", "plotline.toml:2:16"}},
		{"plotline.toml", "feed_aliases = \"/index.xml\"\n", []string{"/index.xml"}, []string{"plotline.toml:1:16"}},
	} {
		cfg, err := Load(fstest.MapFS{tc.name: {Data: []byte(tc.src)}})
		if err != nil {
			t.Fatalf("%s %q: %v", tc.name, tc.src, err)
		}
		if !slices.Equal(cfg.FeedAliases, tc.want) {
			t.Errorf("%s %q: FeedAliases = %q; want %q", tc.name, tc.src, cfg.FeedAliases, tc.want)
		}
		for i, want := range tc.pos {
			if got := cfg.FeedAliasPos(i).String(); got != want {
				t.Errorf("%s %q: FeedAliasPos(%d) = %s; want %s", tc.name, tc.src, i, got, want)
			}
		}
	}
}

// TestTagFeedAliases reads tag_feed_aliases, a mapping of old addresses
// of tags' feeds to tags, in YAML (in the file's order, each at its
// address) and TOML (in the addresses' order), and reports a value that
// names no tag at its place.
func TestTagFeedAliases(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // path=tag@pos
		err       string
	}{
		{"plotline.yaml", "title: T\ntag_feed_aliases:\n  /tags/rstats/index.xml: rstats\n  /categories/r/index.xml: r\n",
			[]string{"/tags/rstats/index.xml=rstats@plotline.yaml:3:3", "/categories/r/index.xml=r@plotline.yaml:4:3"}, ""},
		{"plotline.toml", "title = \"T\"\n[tag_feed_aliases]\n\"/tags/rstats/index.xml\" = \"rstats\"\n\"/categories/r/index.xml\" = \"r\"\n",
			// A quoted key is placed at its table's name (see decodeTOML).
			[]string{"/categories/r/index.xml=r@plotline.toml:2:2", "/tags/rstats/index.xml=rstats@plotline.toml:2:2"}, ""},
		// Line 3 holds the address with no tag after it, line 4 one
		// written twice (first on line 2).
		{"plotline.yaml", "tag_feed_aliases:\n  /a.xml: a\n  /b.xml:\n  /a.xml: c\n", nil,
			"plotline.yaml:3:10: tag_feed_aliases: /b.xml: want a tag, got nothing\nplotline.yaml:4:3: " + `duplicate key "/a.xml" in tag_feed_aliases (first at line 2)`},
		{"plotline.yaml", "tag_feed_aliases: [/a.xml]\n", nil,
			"plotline.yaml:1:19: tag_feed_aliases: want a mapping of old addresses of tags' feeds to tags, such as /categories/r/index.xml: r, got a list"},
	} {
		cfg, err := Load(fstest.MapFS{tc.name: {Data: []byte(tc.src)}})
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s %q: error\n%v\nwant\n%s", tc.name, tc.src, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s %q: %v", tc.name, tc.src, err)
		}
		var got []string
		for _, a := range cfg.TagFeedAliases {
			got = append(got, a.Path+"="+a.Tag+"@"+a.Pos.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %q: TagFeedAliases = %q; want %q", tc.name, tc.src, got, tc.want)
		}
	}
}
