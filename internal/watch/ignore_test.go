package watch

import "testing"

func TestIgnored(t *testing.T) {
	patterns := []string{"public", ".plotline-tmp-*", "content/drafts/*"}
	tests := []struct {
		rel  string
		want bool
	}{
		{"content/a.md", false},
		{"plotline.yaml", false},
		{"theme/css/site.css", false},
		{"content/a.md.swp", true},
		{"content/.a.md.swx", true},
		{"content/a.md~", true},
		{"content/.#a.md", true},
		{"content/4913", true},
		{"content/#a.md#", true},
		// JetBrains IDEs' safe write: a.md___jb_tmp___ renamed over a.md,
		// which is kept as a.md___jb_old___ until then.
		{"content/a.md___jb_tmp___", true},
		{"content/a.md___jb_old___", true},
		{"templates/page.html___jb_tmp___", true},
		{"content/a___jb_tmp___b.md", false},
		{"content/.a.md.kate-swp", true},
		{"content/.a.md.swp", true},
		{"content/a.md.~1~", true},
		{"content/.goutputstream-4ZQ3J2", true},
		{"theme/.git/config", true},
		{"theme/.DS_Store", true},
		{"public", true},
		{"public/index.html", true},
		{"public/articles/a/index.html", true},
		{".plotline-tmp-123/index.html", true},
		{".git/HEAD", true},
		{"content/.hidden/a.md", true},
		{"content/drafts/x.md", true},
		{"content/drafts", false},
		{"content/public/a.md", false},
		{"content/49130.md", false},
	}
	for _, tt := range tests {
		if got := ignored(tt.rel, patterns); got != tt.want {
			t.Errorf("ignored(%q) = %v; want %v", tt.rel, got, tt.want)
		}
	}
}
