package watch

import (
	"maps"
	"slices"
)

// ChangeSet is a set of changed paths, each a slash-separated path relative
// to the site root, such as "content/a.md" or "plotline.yaml". A path may
// also name a directory that was removed or moved away, in which case
// everything that was under it should be taken as changed.
//
// The zero value is an empty set. A ChangeSet received from a channel is
// never modified by the package again.
type ChangeSet struct {
	paths map[string]struct{}
}

// add puts p into c, allocating the set on first use.
func (c *ChangeSet) add(p string) {
	if c.paths == nil {
		c.paths = make(map[string]struct{})
	}
	c.paths[p] = struct{}{}
}

// Paths returns the paths of c in sorted order.
func (c ChangeSet) Paths() []string {
	return slices.Sorted(maps.Keys(c.paths))
}
