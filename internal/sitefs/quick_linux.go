package sitefs

import (
	"os"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
)

// quickFlags and quickResolve are how quickDir opens a path: for reading,
// without waiting on a named pipe, never as the controlling terminal, and
// only beneath the folder with no symbolic link on the way. A path with a
// link in it fails (ELOOP) and is left to os.Root, which follows links
// that stay in the folder under its own rules (at most 8 of them, none
// absolute), so that what opens, and every error, is what os.Root gives.
const (
	quickFlags   = unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NONBLOCK | unix.O_NOCTTY | unix.O_LARGEFILE
	quickResolve = unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS
)

// quickDir reads regular files of a folder in five system calls: openat2
// beneath the folder, fstat, two reads (the file into a buffer of its
// size and one byte more, then the end), close. Where os.Root opens a
// path one folder at a time, and os.File asks the poller about every
// file, this takes no more calls for content/a/b/c.md than for a.md. It
// reports only success: on an error, or for anything but a regular file,
// the caller goes through os.Root, whose errors are the ones a writer
// sees. One difference remains: a file in a folder that may be searched
// but not listed (mode 0711) is read, as any program reads it by its
// path, where os.Root, which opens each folder on the way, refuses it.
type quickDir struct {
	dir  *os.File        // the folder, opened again through its os.Root
	conn syscall.RawConn // keeps dir's descriptor open while a path is opened beneath it
	off  atomic.Bool     // set once the kernel lacks openat2 or a sandbox forbids it
}

// openQuick opens root's folder a second time, through root so that it is
// the same folder even if it was renamed meanwhile, and returns nil if it
// cannot: reads then all go through root.
func openQuick(root *os.Root) *quickDir {
	dir, err := root.Open(".")
	if err != nil {
		return nil
	}
	conn, err := dir.SyscallConn()
	if err != nil {
		dir.Close()
		return nil
	}
	return &quickDir{dir: dir, conn: conn}
}

// close releases the folder. The descriptor stays open until a read that
// is opening a path beneath it has done so.
func (q *quickDir) close() error {
	if q == nil {
		return nil
	}
	return q.dir.Close()
}

// readFile reads the regular file name, a valid fs path, at most limit+1
// bytes of it, and reports whether it did.
func (q *quickDir) readFile(name string, limit int64) ([]byte, bool) {
	if q == nil || q.off.Load() {
		return nil, false
	}
	fd, ok := q.open(name)
	if !ok {
		return nil, false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size > limit {
		return nil, false
	}
	return readFd(fd, st.Size, limit)
}

// open opens name beneath the folder and reports whether it could. A
// kernel without openat2 (ENOSYS) or a sandbox that forbids it (EPERM)
// turns the quick way off for the rest of the folder's life, so that each
// later read costs no failing call.
func (q *quickDir) open(name string) (int, bool) {
	fd := -1
	var err error
	cerr := q.conn.Control(func(dirfd uintptr) {
		how := unix.OpenHow{Flags: quickFlags, Resolve: quickResolve}
		for {
			fd, err = unix.Openat2(int(dirfd), name, &how)
			if err != unix.EINTR {
				return
			}
		}
	})
	if cerr != nil { // the folder was closed
		return -1, false
	}
	if err == unix.ENOSYS || err == unix.EPERM {
		q.off.Store(true)
	}
	return fd, err == nil
}

// readFd reads fd to its end, at most limit+1 bytes, into a buffer of the
// size fstat gave and one byte more, to see the end without growing it in
// the usual case. It reports false on an error; EAGAIN, which a regular
// file should not give, is one, so the file is read the ordinary way.
func readFd(fd int, size, limit int64) ([]byte, bool) {
	b := make([]byte, 0, max(size+1, 512))
	for int64(len(b)) <= limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		end := int(min(int64(cap(b)), limit+1))
		n, err := unix.Read(fd, b[len(b):end])
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return nil, false
		case n == 0:
			return b, true
		}
		b = b[:len(b)+n]
	}
	return b, true
}
