package version

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	const rev = "e5815da47025230cc97e03c22b805b8f05e5c89d"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: rev},
			{Key: "vcs.modified", Value: modified},
		}
	}
	for _, tc := range []struct {
		name      string
		release   string
		bi        *debug.BuildInfo
		str       string
		install   string // "" for none
		installOK bool
	}{
		{"release stamp", "v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: Devel}}, "v1.2.3", "v1.2.3", true},
		{"release stamp wins over the module", "v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.2"}, Settings: vcs("true")}, "v1.2.3", "v1.2.3", true},
		{"release candidate", "v1.3.0-rc.1", nil, "v1.3.0-rc.1", "v1.3.0-rc.1", true},
		{"go install at a version", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3", "v1.2.3", true},
		{"go install at a commit", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261126111256-e5815da47025"}}, "v0.0.0-20261126111256-e5815da47025", "v0.0.0-20261126111256-e5815da47025", true},
		{"clone with changes", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261126111256-e5815da47025+dirty"}, Settings: vcs("true")}, "v0.0.0-20261126111256-e5815da47025+dirty", "", false},
		{"devel with a clean commit", "", &debug.BuildInfo{Main: debug.Module{Version: Devel}, Settings: vcs("false")}, "(devel) e5815da47025", "", false},
		{"devel with changes", "", &debug.BuildInfo{Main: debug.Module{Version: Devel}, Settings: vcs("true")}, "(devel) e5815da47025+dirty", "", false},
		{"devel without vcs", "", &debug.BuildInfo{Main: debug.Module{Version: Devel}}, "(devel)", "", false},
		{"empty module version", "", &debug.BuildInfo{}, "(devel)", "", false},
		{"no build info", "", nil, "(devel)", "", false},
		{"a stamp that is no version falls back", "nightly", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "nightly", "v1.2.3", true},
	} {
		i := FromBuildInfo(tc.release, tc.bi)
		if got := i.String(); got != tc.str {
			t.Errorf("%s: String() = %q; want %q", tc.name, got, tc.str)
		}
		got, ok := i.Installable()
		if got != tc.install || ok != tc.installOK {
			t.Errorf("%s: Installable() = %q, %v; want %q, %v", tc.name, got, ok, tc.install, tc.installOK)
		}
	}
}

func TestIsRelease(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want bool
	}{
		{"v1.2.3", true},
		{"v0.0.1", true},
		{"v10.20.30", true},
		{"v1.3.0-rc.1", true},
		{"v1.3.0-beta-2.x", true},
		{"v0.0.0-20261126111256-e5815da47025", true},
		{"v1.2.4-0.20191109021931-daa7c04131f5", true},
		{"", false},
		{"1.2.3", false},
		{"v1.2", false},
		{"v1.2.3.4", false},
		{"v01.2.3", false},
		{"v1.2.3-", false},
		{"v1.2.3-rc..1", false},
		{"v1.2.3-rc.01", false},
		{"v1.2.3+dirty", false},
		{"v1.2.3-rc_1", false},
		{"v1.2.3 ", false},
		{"v1.2.3\nrun: x", false},
		{"latest", false},
	} {
		if got := IsRelease(tc.v); got != tc.want {
			t.Errorf("IsRelease(%q) = %v; want %v", tc.v, got, tc.want)
		}
	}
}

// TestGoMatchesGoMod keeps Go equal to the go directive of go.mod.
func TestGoMatchesGoMod(t *testing.T) {
	src, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	directive := ""
	for _, line := range strings.Split(string(src), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			directive = strings.TrimSpace(v)
		}
	}
	if directive == "" {
		t.Fatal("go.mod has no go directive")
	}
	if got := lineOf(directive); got != Go {
		t.Errorf("go.mod says go %s, release line %s; want Go = %q in version.go to match", directive, got, Go)
	}
}

// lineOf returns the release line of a Go version: 1.26 for 1.26.0 and 1.26.
func lineOf(v string) string {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return v
	}
	return parts[0] + "." + parts[1]
}

// TestGet checks that a test binary, which no release stamps, knows no
// release and still has a module version to show.
func TestGet(t *testing.T) {
	i := Get()
	if i.Release != "" || i.Module == "" {
		t.Errorf("Get() = %+v; want no release and a module version", i)
	}
}
