package anchor

import (
	"strings"
	"testing"
)

func TestName(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Section one", "section-one"},
		{`Sub-section: "quoted" & more`, "sub-section-quoted--more"},
		{"  Total: 12,000  ", "total-12000"},
		{"戚风蛋糕", "戚风蛋糕"},
		{"Café naïve Ünïcode", "café-naïve-ünïcode"},
		{"snake_case and CamelCase", "snake_case-and-camelcase"},
		{"Что нового в Ruby 3.4", "что-нового-в-ruby-34"},
		{"«»“”!?", ""},
	}
	for _, tt := range tests {
		if got := Name(tt.text); got != tt.want {
			t.Errorf("Name(%q) = %q; want %q", tt.text, got, tt.want)
		}
	}
}

func TestSet(t *testing.T) {
	s := NewSet()
	s.Reserve("intro")
	var got []string
	for _, text := range []string{"Intro", "Intro", "«»", "«»", "Other"} {
		got = append(got, s.Add(text))
	}
	want := "intro-1 intro-2 heading heading-1 other"
	if strings.Join(got, " ") != want {
		t.Errorf("ids = %s; want %s", strings.Join(got, " "), want)
	}
	if !s.Has("intro") || !s.Has("heading-1") || s.Has("heading-2") {
		t.Error("Has does not answer for the ids given")
	}
}

// TestSetSuffixes covers the suffixes a Set remembers: a suffix taken by a
// writer's own id, or by a heading whose text reads like a suffixed id, is
// skipped, and the next heading alike goes on from the last suffix given.
func TestSetSuffixes(t *testing.T) {
	s := NewSet()
	s.Reserve("a-2")
	var got []string
	for _, text := range []string{"a", "a", "a-3", "a", "a", "a-1"} {
		got = append(got, s.Add(text))
	}
	want := "a a-1 a-3 a-4 a-5 a-1-1"
	if strings.Join(got, " ") != want {
		t.Errorf("ids = %s; want %s", strings.Join(got, " "), want)
	}
}

// BenchmarkSetAlike adds 10,000 headings of one text: each Add must take
// about the same time however many came before (it took time in
// proportion to their number, so a page of such headings took minutes).
func BenchmarkSetAlike(b *testing.B) {
	for b.Loop() {
		s := NewSet()
		for range 10000 {
			s.Add("a")
		}
	}
}

func TestBlackfriday(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"--fast-list", "fast-list"},
		{"Filtering, includes and excludes", "filtering-includes-and-excludes"},
		{"rclone config: 2 steps", "rclone-config-2-steps"},
		{"Café au lait", "café-au-lait"},
		{"--", ""},
		{"snake_case flag", "snake-case-flag"},
	} {
		if got := Blackfriday(c.text); got != c.want {
			t.Errorf("Blackfriday(%q) = %q; want %q", c.text, got, c.want)
		}
	}
}
