package output

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// staleAfter is how long a folder whose owner cannot be known is left
// beside an output before a build takes it for a leftover: far longer than
// any build. Such folders are those of a plotline that did not record its
// process id in their names, and all of them where the system can tell
// neither whether a folder is locked nor whether a process runs.
const staleAfter = time.Hour

// claimFolder locks the folder dir, until release is called, to tell the
// clean-up of other builds (see claimLeftover) that its owner is alive.
// Where folders cannot be locked it takes nothing, and the process id in
// the folder's name speaks for its owner. release may be called more than
// once.
func claimFolder(dir string) (release func(), err error) {
	if !dirLocks {
		return func() {}, nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	locked, err := lockFile(f)
	switch {
	case errors.Is(err, errors.ErrUnsupported):
		f.Close()
		return func() {}, nil
	case err != nil:
		f.Close()
		return nil, err
	case !locked:
		f.Close()
		return nil, &os.PathError{Op: "lock", Path: dir, Err: errors.New("folder locked by another build")}
	}
	return sync.OnceFunc(func() { f.Close() }), nil
}

// claimLeftover reports whether the folder dir, which a build left beside
// its output, has lost its owner and may be removed or put back; pid is
// the owner's process id as the folder's name records it, or 0 when the
// name records none. When it has, the folder is claimed until release is
// called, so that no other build takes it meanwhile.
//
// A folder locked by claimFolder has an owner. One that is not has lost it
// unless its process still runs: the owner may be about to lock it, or the
// process id may since have gone to another process, and the folder is
// then left for a later build (kept a while too long, never removed too
// soon). Without locks, the process id alone decides; without either, or
// without a process id, a folder is a leftover once it has not changed for
// staleAfter.
func claimLeftover(dir string, pid int) (release func(), ok bool) {
	none := func() {}
	if pid > 0 {
		if dirLocks {
			release, err := claimFolder(dir)
			if err != nil {
				return nil, false // locked by its owner, or gone
			}
			if exists, known := processExists(pid); known && exists {
				release()
				return nil, false
			}
			return release, true
		}
		if exists, known := processExists(pid); known {
			return none, !exists
		}
	}
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() || time.Since(fi.ModTime()) < staleAfter {
		return nil, false
	}
	return none, true
}

// leftoverOwner parses the name of a folder that a build of an output
// makes beside it, prefix being the start common to all such folders
// (".plotline-tmp-public-"). The rest of the name is "p<pid>-<random>", or
// "<random>" for a plotline that recorded no process id, when pid is 0. ok
// is false for a name that is not of this form: one that belongs to
// another output whose name starts like this one's ("public-2").
func leftoverOwner(name, prefix string) (pid int, ok bool) {
	rest, found := strings.CutPrefix(name, prefix)
	if !found {
		return 0, false
	}
	if digits(rest) {
		return 0, true
	}
	p, random, found := strings.Cut(rest, "-")
	p, marked := strings.CutPrefix(p, "p")
	if !found || !marked || !digits(p) || !digits(random) {
		return 0, false
	}
	pid, err := strconv.Atoi(p)
	if err != nil || pid <= 0 {
		return 0, false
	}
	return pid, true
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
