package output

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// noFollow is the flag that keeps an open from following a symbolic
// link, where there is one.
const noFollow = 0

// dirLocks is whether a folder can be locked while it is renamed and
// written: here it cannot, since a folder held open cannot be renamed, and
// a folder's owner is known by the process id in its name alone.
const dirLocks = false

// lockFile locks f with LockFileEx without waiting. It reports false when
// another handle holds the lock. The byte locked lies far past the end of
// the file: Windows locks keep others from reading what they cover, and a
// build that waits reads the holder's process id at the start.
func lockFile(f *os.File) (bool, error) {
	ol := windows.Overlapped{OffsetHigh: 1}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION), errors.Is(err, windows.ERROR_IO_PENDING):
		return false, nil
	}
	return false, err
}

// processExists reports whether a process pid is running, and whether
// that could be known.
func processExists(pid int) (exists, known bool) {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	switch {
	case errors.Is(err, windows.ERROR_INVALID_PARAMETER):
		return false, true // no such process
	case err != nil:
		return true, true // there is one, which this user may not query
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return false, false
	}
	const stillActive = 259
	return code == stillActive, true
}
