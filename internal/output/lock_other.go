//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris || windows)

package output

import (
	"errors"
	"os"
)

// noFollow is the flag that keeps an open from following a symbolic
// link, where there is one.
const noFollow = 0

// dirLocks is whether a folder can be locked while it is renamed and
// written: not here.
const dirLocks = false

// lockFile cannot lock files here.
func lockFile(*os.File) (bool, error) { return false, errors.ErrUnsupported }

// processExists cannot tell here whether a process runs.
func processExists(int) (exists, known bool) { return false, false }
