package sitefs

import "testing"

func TestLeftOut(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"a.md", false},
		{"extra.css", false},
		{"4913", true},
		{"49130.md", false},
		{".git", true},
		{".DS_Store", true},
		{".#footer.html", true},
		{"#a.md#", true},
		{"#metoo.md", false}, // a writer's name, not an auto-save
		{"#archive", false},
		{"#", false},
		{"extra.css~", true},
		{"a.md.swp", true},
		{".a.md.swo", true},
		{"a.md.swx", true},
		{"swp", false},
		{"a~b.md", false},
		{".a.md.kate-swp", true},
		{"a.md___jb_tmp___", true},
		{"a.md___jb_old___", true},
		{"___jb_tmp___.md", false},
	} {
		if got := LeftOut(tt.name); got != tt.want {
			t.Errorf("LeftOut(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
	for _, tt := range []struct {
		path string
		want bool
	}{
		{"theme/css/site.css", false},
		{"theme/.git/config", true},
		{"theme/.git", true},
		{"content/a/b.md~", true},
		{"templates/partials/.#footer.html", true},
		{"content/drafts~/a.md", true},
		{".", false},
	} {
		if got := LeftOutPath(tt.path); got != tt.want {
			t.Errorf("LeftOutPath(%q) = %v; want %v", tt.path, got, tt.want)
		}
	}
}
