package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestPageIDs(t *testing.T) {
	tests := []struct {
		body string
		want string // the ids, sorted
	}{
		{"# Title\n\n## Section one\n\n## Section one\n", "section-one section-one-1 title"},
		{"## [戚风蛋糕](https://x/) <!-- c -->\n### `code` & <em>more</em> ###\n", "code--more 戚风蛋糕"},
		{"## Intro\n## Later {#intro}\n<p id=\"p1\">x</p> <a name='top'></a>\n", "intro intro-1 p1 top"},
		{"```\n# not a heading\n```\n    # nor this\n#nope\n", ""},
		{"## Rate: 92/day\n", "rate-92day"},
		{"Setext\n======\n", "setext"},
		{"\"Common Core\" Required\nFields\n-----\n\n- item\n---\n\n    code\n---\n<p>x</p>\n---\n", "common-core-required-fields"},
		{"A\n===\n\n## A\n", "a a-1"},
		{"## A\nText[^1].\n\n[^1]: x\n", "a fn:1"},
		{"Two[^b], `[^a]` one[^a][^b][^none].\n\n[^a]: x\n   [^b]: y [^c]\n[^c]: z\n    [^d]: code\n", "fn:a=2 fn:b=1 fn:c=3"},
	}
	for _, tt := range tests {
		ids := pageIDs(newCodeParser(), []byte(tt.body), true)
		var list []string
		for id := range ids.ids {
			list = append(list, id)
		}
		for label, n := range ids.notes {
			if label == strconv.Itoa(n) {
				list = append(list, "fn:"+label)
			} else {
				list = append(list, fmt.Sprintf("fn:%s=%d", label, n))
			}
		}
		slices.Sort(list)
		got := strings.Join(list, " ")
		if got != tt.want {
			t.Errorf("pageIDs(%q) = %s; want %s", tt.body, got, tt.want)
		}
	}
}
