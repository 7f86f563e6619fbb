//go:build unix

package ogimage

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, in user and
// system mode, and true; a benchmark reports it beside the wall clock,
// which on a busy machine counts the time other processes ran.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
