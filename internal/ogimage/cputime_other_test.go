//go:build !unix

package ogimage

import "time"

// cpuTime reports false: the processor time is not read on this system.
func cpuTime() (time.Duration, bool) { return 0, false }
