package importer

import (
	"slices"
	"strings"
	"testing"
)

func TestPageIDs(t *testing.T) {
	tests := []struct {
		body string
		want string // the ids, sorted, or "unsure"
	}{
		{"# Title\n\n## Section one\n\n## Section one\n", "section-one section-one-1 title"},
		{"## [戚风蛋糕](https://x/) <!-- c -->\n### `code` & <em>more</em> ###\n", "code--more 戚风蛋糕"},
		{"## Intro\n## Later {#intro}\n<p id=\"p1\">x</p> <a name='top'></a>\n", "intro intro-1 p1 top"},
		{"```\n# not a heading\n```\n    # nor this\n#nope\n", ""},
		{"## Rate: 92/day\n", "rate-92day"},
		{"Setext\n======\n", "unsure"},
		{"## A\nText[^1].\n\n[^1]: x\n", "a fn*"},
	}
	for _, tt := range tests {
		ids := pageIDs([]byte(tt.body))
		got := "unsure"
		if ids != nil {
			var list []string
			for id := range ids.ids {
				list = append(list, id)
			}
			if ids.footnotes {
				list = append(list, "fn*")
			}
			slices.Sort(list)
			got = strings.Join(list, " ")
		}
		if got != tt.want {
			t.Errorf("pageIDs(%q) = %s; want %s", tt.body, got, tt.want)
		}
	}
}
