//go:build !race

package cli

// raceSlowdown stretches the tests' waits for a server under the race
// detector; without it, the waits are as written.
const raceSlowdown = 1
