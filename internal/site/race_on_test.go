//go:build race

package site

// raceEnabled says the race detector is on: it allocates on its own and
// drops a quarter of what a sync.Pool is given, so counts of allocations
// mean nothing under it.
const raceEnabled = true
