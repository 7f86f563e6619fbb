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

// NewChangeSet returns a set holding paths.
func NewChangeSet(paths ...string) ChangeSet {
	var c ChangeSet
	for _, p := range paths {
		c.add(p)
	}
	return c
}

// add puts p into c, allocating the set on first use.
func (c *ChangeSet) add(p string) {
	if c.paths == nil {
		c.paths = make(map[string]struct{})
	}
	c.paths[p] = struct{}{}
}

// Merge returns a new set holding the paths of c and of other; neither c nor
// other is modified.
func (c ChangeSet) Merge(other ChangeSet) ChangeSet {
	out := ChangeSet{paths: make(map[string]struct{}, len(c.paths)+len(other.paths))}
	maps.Copy(out.paths, c.paths)
	maps.Copy(out.paths, other.paths)
	return out
}

// Paths returns the paths of c in sorted order.
func (c ChangeSet) Paths() []string {
	return slices.Sorted(maps.Keys(c.paths))
}

// Len returns the number of paths in c.
func (c ChangeSet) Len() int { return len(c.paths) }

// Has reports whether c holds path p.
func (c ChangeSet) Has(p string) bool {
	_, ok := c.paths[p]
	return ok
}
