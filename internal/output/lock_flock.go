//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// noFollow is the flag that keeps an open from following a symbolic
// link, where there is one.
const noFollow = unix.O_NOFOLLOW

// dirLocks is whether a folder can be locked while it is renamed and
// written: here it can, by flock(2) on a descriptor of the folder.
const dirLocks = true

// lockFile takes an exclusive flock(2) on f without waiting. It reports
// false when another open file holds the lock, and errors.ErrUnsupported
// when the file system has no locks.
func lockFile(f *os.File) (bool, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return false, err
	}
	var ferr error
	err = rc.Control(func(fd uintptr) {
		for {
			ferr = unix.Flock(int(fd), unix.LOCK_EX|unix.LOCK_NB)
			if ferr != unix.EINTR {
				return
			}
		}
	})
	if err != nil {
		return false, err
	}
	switch {
	case ferr == nil:
		return true, nil
	case ferr == unix.EWOULDBLOCK:
		return false, nil
	case ferr == unix.ENOLCK, ferr == unix.EOPNOTSUPP, ferr == unix.ENOTSUP, ferr == unix.ENOSYS:
		return false, errors.Join(errors.ErrUnsupported, ferr)
	}
	return false, ferr
}

// processExists reports whether a process pid is running, and true for
// known: here it is always known.
func processExists(pid int) (exists, known bool) {
	err := unix.Kill(pid, 0)
	return err == nil || err == unix.EPERM, true
}
