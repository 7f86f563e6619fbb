package watch

import "maps"

// The parts of ChangeSet only the tests use.

// NewChangeSet returns a set holding paths.
func NewChangeSet(paths ...string) ChangeSet {
	var c ChangeSet
	for _, p := range paths {
		c.add(p)
	}
	return c
}

// Merge returns a new set holding the paths of c and of other; neither c nor
// other is modified.
func (c ChangeSet) Merge(other ChangeSet) ChangeSet {
	out := ChangeSet{paths: make(map[string]struct{}, len(c.paths)+len(other.paths))}
	maps.Copy(out.paths, c.paths)
	maps.Copy(out.paths, other.paths)
	return out
}

// Len returns the number of paths in c.
func (c ChangeSet) Len() int { return len(c.paths) }

// Has reports whether c holds path p.
func (c ChangeSet) Has(p string) bool {
	_, ok := c.paths[p]
	return ok
}
