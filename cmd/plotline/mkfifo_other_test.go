//go:build !unix

package main

import "github.com/rogpeppe/go-internal/testscript"

// cmdMkfifo fails: this system has no named pipes. Scripts that use it
// start with [!unix] skip.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	ts.Fatalf("mkfifo: no named pipes on this system")
}
