//go:build race

package cli

// raceSlowdown stretches the tests' waits for a server under the race
// detector, which runs a build several times slower; .ci/run runs these
// tests with it on a machine that may be busy.
const raceSlowdown = 4
