//go:build !race

package site

// raceEnabled says the race detector is on; see race_on_test.go.
const raceEnabled = false
