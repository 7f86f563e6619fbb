// Package version says which plotline a binary is: the release stamped in
// when it was linked, or else what the go command recorded when it built it.
//
// A release is stamped with the linker's -X flag:
//
//	go build -ldflags "-X github.com/plotline/plotline/internal/version.stamp=v1.2.3" ./cmd/plotline
//
// A binary installed with "go install …@v1.2.3" knows its version from its
// build information instead; one built from a clone knows a pseudo-version
// or only "(devel)" and the commit.
package version

import (
	"cmp"
	"runtime/debug"
	"slices"
	"strings"
)

// stamp is the release version, such as v1.2.3, set only by the linker
// (see the package documentation); nothing assigns it at run time.
var stamp string

// Go is the Go release line plotline is written for: the go directive of
// its go.mod without the patch number. A site's Pages workflow builds
// plotline with it. A test keeps it equal to go.mod.
const Go = "1.26"

// Devel is the module version the go command records for a build of the
// main module that it could not name.
const Devel = "(devel)"

// Info is what a binary knows about its own version.
type Info struct {
	// Release is the version stamped in at link time, such as v1.2.3, or
	// empty.
	Release string
	// Module is the main module's version as the go command recorded it:
	// v1.2.3 after "go install …@v1.2.3", a pseudo-version (ending in
	// +dirty for uncommitted changes) for a build in a clone, or Devel.
	Module string
	// Revision is the commit the binary was built from, when known.
	Revision string
	// Modified reports that the working tree had uncommitted changes.
	Modified bool
}

// Get returns the running binary's Info.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return FromBuildInfo(stamp, bi)
}

// FromBuildInfo returns the Info of a binary stamped with release (empty
// for none) whose build information is bi (nil when there is none).
func FromBuildInfo(release string, bi *debug.BuildInfo) Info {
	i := Info{Release: release, Module: Devel}
	if bi == nil {
		return i
	}
	i.Module = cmp.Or(bi.Main.Version, i.Module)
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			i.Revision = s.Value
		case "vcs.modified":
			i.Modified = s.Value == "true"
		}
	}
	return i
}

// String returns the version "plotline version" prints: the release, else
// the module version, else Devel followed by the short commit and +dirty
// for uncommitted changes, as in "(devel) e5815da47025+dirty".
func (i Info) String() string {
	if i.Release != "" {
		return i.Release
	}
	if i.Module != "" && i.Module != Devel {
		return i.Module
	}
	s := Devel
	if i.Revision != "" {
		s += " " + i.Revision[:min(12, len(i.Revision))]
		if i.Modified {
			s += "+dirty"
		}
	}
	return s
}

// Installable returns the version of plotline that "go install
// github.com/plotline/plotline/cmd/plotline@VERSION" would install to get
// this binary back, and false when there is none: a build with
// uncommitted changes, or one that knows no version.
func (i Info) Installable() (string, bool) {
	if IsRelease(i.Release) {
		return i.Release, true
	}
	if installable(i.Module) {
		return i.Module, true
	}
	return "", false
}

// installable reports whether v is a module version the go command can
// fetch: a semantic version with a v, whose build metadata, if any, is
// +incompatible.
func installable(v string) bool {
	v, meta, hasMeta := strings.Cut(v, "+")
	return IsRelease(v) && (!hasMeta || meta == "incompatible")
}

// IsRelease reports whether v can name a plotline release: a semantic
// version with a leading v and no build metadata, such as v1.2.3 or
// v1.3.0-rc.1.
func IsRelease(v string) bool {
	rest, ok := strings.CutPrefix(v, "v")
	if !ok {
		return false
	}
	core, pre, hasPre := strings.Cut(rest, "-")
	nums := strings.Split(core, ".")
	if len(nums) != 3 || slices.ContainsFunc(nums, func(n string) bool { return !isNumber(n) }) {
		return false
	}
	if !hasPre {
		return true
	}
	for id := range strings.SplitSeq(pre, ".") {
		// A numeric identifier has no leading zero.
		if id == "" || strings.Trim(id, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") != "" || isDigits(id) && !isNumber(id) {
			return false
		}
	}
	return true
}

// isNumber reports whether s is a decimal number without a leading zero.
func isNumber(s string) bool {
	return isDigits(s) && (len(s) == 1 || s[0] != '0')
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
