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
		switch {
		case msg != "":
		case file == "feed.xml":
			msg = "is the feed's own address"
		case file == "sitemap.xml":
			msg = "is the sitemap's address"
		case !slices.Contains(feedCopyExts, path.Ext(file)):
			msg = "names no file ending in .xml, .rss or .atom: the feed is written at the address, and servers send a file as a feed under those endings only (Hugo's feed was /index.xml)"
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
