package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// lockPrefix names the lock file of an output folder: ".plotline-lock-public"
// for "public". It lives beside the folder, in its parent, so that swapping
// the folder leaves it where it is.
const lockPrefix = ".plotline-lock-"

// A build that waits for the lock tries again after minLockPoll, then after
// twice as long each time, up to maxLockPoll. It reports a holder whose
// process id it cannot read (a lock file being written) after
// unknownHolderPolls tries.
const (
	minLockPoll        = 2 * time.Millisecond
	maxLockPoll        = 100 * time.Millisecond
	unknownHolderPolls = 5
)

// lockOutput takes the lock on the output folder dest, which a build holds
// for as long as it writes dest or the folders beside it, so that two
// builds never write one output at once, whether they run in two processes
// or in one. The lock is the file .plotline-lock-<base of dest> in dest's
// parent, locked with flock(2) (LockFileEx on Windows), which holds the
// process id of the build that has it.
//
// When another build holds the lock, lockOutput calls onWait (if not nil)
// once, with that build's process id, or 0 when it cannot be read, and
// tries again until the lock is free or ctx is done; it then returns ctx's
// error. Where the system cannot lock files it does not wait, and builds
// are kept apart only by their temporary folders (see claimLeftover).
//
// unlock removes the lock file and releases the lock; later calls do
// nothing. A process that dies releases its lock with it, and leaves the
// file for the next build to take.
func lockOutput(ctx context.Context, dest string, onWait func(pid int)) (unlock func(), err error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	name := filepath.Join(parent, lockPrefix+filepath.Base(dest))
	poll := minLockPoll
	for tries := 1; ; tries++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, holder, err := tryLock(name)
		if errors.Is(err, errors.ErrUnsupported) {
			return func() {}, nil
		}
		if err != nil {
			return nil, err
		}
		if f != nil {
			return unlocker(name, f), nil
		}
		if onWait != nil && (holder > 0 || tries == unknownHolderPolls) {
			onWait(max(holder, 0))
			onWait = nil
		}
		t := time.NewTimer(poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
		poll = min(2*poll, maxLockPoll)
	}
}

// tryLock opens the lock file name, making it if it is missing, and locks
// it if it is free. It returns the file, locked and holding this process's
// id, or nil and the process id written in the file when another build
// holds it (0 when it cannot be read, -1 when the file was replaced).
//
// A symbolic link at name (one a repository holds beside its public/) is
// an error: the process id would be written into the file it leads to,
// wherever that is. Where the system can, the open does not follow one
// made in between either.
func tryLock(name string) (f *os.File, holder int, err error) {
	if fi, err := os.Lstat(name); err == nil && !fi.Mode().IsRegular() {
		what := "a symbolic link"
		if fi.Mode()&fs.ModeSymlink == 0 {
			what = "not a regular file"
		}
		return nil, 0, fmt.Errorf("%s is %s, where a build writes its lock: remove it", name, what)
	}
	f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|noFollow, 0o644)
	if err != nil {
		return nil, 0, err
	}
	locked, err := lockFile(f)
	if err != nil {
		f.Close()
		if errors.Is(err, errors.ErrUnsupported) {
			os.Remove(name)
			return nil, 0, err
		}
		return nil, 0, fmt.Errorf("locking %s: %w", name, err)
	}
	if !locked {
		holder = readPID(f)
		f.Close()
		return nil, holder, nil
	}
	// The build that held the lock removed the file before releasing it,
	// and another may have made a new one since: a lock on a file no longer
	// at name keeps no one out.
	if !sameFile(f, name) {
		f.Close()
		return nil, -1, nil
	}
	// The process id only names the holder to a build that waits; a lock
	// file without it locks all the same.
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return f, 0, nil
}

// unlocker returns the function that releases the lock held on f, the
// lock file name.
func unlocker(name string, f *os.File) func() {
	return sync.OnceFunc(func() {
		// The file goes while it is still locked, so that a build that
		// gets the lock on it next finds it gone and tries again. Where
		// it cannot go (Windows, while another build has it open), it
		// stays, and the next build locks it where it is.
		if sameFile(f, name) {
			os.Remove(name)
		}
		f.Close()
	})
}

// sameFile reports whether the open file f is still the file at name.
func sameFile(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(name)
	return err == nil && os.SameFile(a, b)
}

// readPID returns the process id written in a lock file, or 0.
func readPID(f *os.File) int {
	var buf [24]byte
	n, _ := f.ReadAt(buf[:], 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}
