package site

import (
	"fmt"
	"path"
	"slices"

	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// feedCopy is a copy of the feed written at one of the config's
// feed_aliases, an old address of the feed that readers subscribed to:
// a feed reader follows no redirect page, so the address gets the feed
// itself, whose self link names feed.xml.
type feedCopy struct {
	file string   // its site path: "index.xml"
	pos  diag.Pos // where the alias is written
}

// feedCopyExts are the endings an old address of the feed may have:
// those under which servers send a file as a feed or as XML.
var feedCopyExts = []string{".xml", ".rss", ".atom"}

// feedCopyProblem says why file, the site path of an old address of a
// feed, cannot hold a copy of it: the feed's or the sitemap's own
// address, or a name under whose ending servers send no feed; "" when it
// can.
func feedCopyProblem(file string) string {
	switch {
	case file == "feed.xml":
		return "is the feed's own address"
	case file == "sitemap.xml":
		return "is the sitemap's address"
	case !slices.Contains(feedCopyExts, path.Ext(file)):
		return "names no file ending in .xml, .rss or .atom: the feed is written at the address, and servers send a file as a feed under those endings only (Hugo's feeds were index.xml)"
	}
	return ""
}

// feedCopies returns the copies of the feed that cfg's feed_aliases ask
// for, and reports at its place each alias that cannot be one.
func feedCopies(cfg *config.Config, diags *diag.List) []feedCopy {
	var out []feedCopy
	seen := map[string]int{}
	for i, alias := range cfg.FeedAliases {
		pos := cfg.FeedAliasPos(i)
		if i == content.MaxFeedAliases {
			diags.Errorf(pos, "feed_aliases: more than %d old addresses of the feed: each is a copy of the whole feed; keep those that readers still subscribe to", content.MaxFeedAliases)
			break
		}
		file, msg := content.AliasFile(alias)
		if msg == "" {
			msg = feedCopyProblem(file)
		}
		if line, dup := seen[file]; dup && msg == "" {
			msg = fmt.Sprintf("is on line %d already", line)
		}
		if msg != "" {
			diags.Errorf(pos, "feed_aliases: %q %s", alias, msg)
			continue
		}
		seen[file] = pos.Line
		out = append(out, feedCopy{file, pos})
	}
	return out
}

// tagFeedCopy is a copy of a tag's feed written at one of the config's
// tag_feed_aliases, an old address of the tag's feed (Hugo's
// /categories/r/index.xml).
type tagFeedCopy struct {
	file string   // its site path: "categories/r/index.xml"
	slug string   // the tag's: "r"
	tag  string   // the tag as the config writes it
	pos  diag.Pos // where the alias is written
}

// tagFeedCopies returns the copies of tags' feeds that cfg's
// tag_feed_aliases ask for, and reports at its place each alias that
// cannot be one; feeds are the copies of the site's feed, whose
// addresses none may take.
func tagFeedCopies(cfg *config.Config, feeds []feedCopy, diags *diag.List) []tagFeedCopy {
	var out []tagFeedCopy
	taken := map[string]diag.Pos{}
	for _, c := range feeds {
		taken[c.file] = c.pos
	}
	for i, a := range cfg.TagFeedAliases {
		if i == content.MaxTagFeedAliases {
			diags.Errorf(a.Pos, "tag_feed_aliases: more than %d old addresses of tags' feeds; keep those that readers still subscribe to", content.MaxTagFeedAliases)
			break
		}
		file, msg := content.AliasFile(a.Path)
		slug := content.Slugify(a.Tag)
		switch {
		case msg != "":
		case tagFeedRE.MatchString(file):
			msg = "is where plotline writes a tag's feed"
		case feedCopyProblem(file) != "":
			msg = feedCopyProblem(file)
		case slug == "":
			msg = fmt.Sprintf("names the tag %q, which has no letter or digit", a.Tag)
		}
		if first, dup := taken[file]; dup && msg == "" {
			msg = fmt.Sprintf("is the address of another copy of a feed, at %s", first)
		}
		if msg != "" {
			diags.Errorf(a.Pos, "tag_feed_aliases: %q %s", a.Path, msg)
			continue
		}
		taken[file] = a.Pos
		out = append(out, tagFeedCopy{file: file, slug: slug, tag: a.Tag, pos: a.Pos})
	}
	return out
}

// isTagFeedCopy reports whether the file at sitePath is a copy of a tag's
// feed, from tag_feed_aliases.
func (st *state) isTagFeedCopy(sitePath string) bool {
	return slices.ContainsFunc(st.tagFeedCopies, func(c tagFeedCopy) bool { return c.file == sitePath })
}
