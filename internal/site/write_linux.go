package site

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"sync"

	"golang.org/x/sys/unix"
)

// root is an open descriptor of an output's temporary folder. Files and
// folders are made by paths relative to it, and written with plain system
// calls rather than through os.File, which on Linux costs a failing
// attempt to register each file with the network poller and several fcntl
// calls besides.
type root struct {
	mu sync.RWMutex // held for reading while fd is used, for writing to close it
	fd int          // -1 once closed
}

// openRoot opens the folder dir.
func openRoot(dir string) (*root, error) {
	for {
		fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err == nil {
			return &root{fd: fd}, nil
		}
		if err != unix.EINTR {
			return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
		}
	}
}

// close closes the folder's descriptor. Later calls do nothing, and the
// root can no longer be written through.
func (r *root) close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fd < 0 {
		return nil
	}
	err := unix.Close(r.fd)
	r.fd = -1
	return err
}

// mkdir makes the folder at rel, a clean path relative to the root.
func (r *root) mkdir(rel string) error {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.fd < 0 {
		return fs.ErrClosed
	}
	for {
		if err := unix.Mkdirat(r.fd, rel, 0o755); err != unix.EINTR {
			return err
		}
	}
}

// create opens the file at rel, a clean path relative to the root, for
// writing: made if missing, emptied if not. It returns its descriptor.
func (r *root) create(rel string) (int, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.fd < 0 {
		return -1, fs.ErrClosed
	}
	for {
		fd, err := unix.Openat(r.fd, rel, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// mkdir makes the folder of the file at sitePath, once.
func (o *output) mkdir(sitePath string) error {
	return o.mkdirAt(path.Dir(siteKey(sitePath)))
}

// mkdirAt makes the folder at d, a site key, and its parents where they
// are missing.
func (o *output) mkdirAt(d string) error {
	if d == "." {
		return nil
	}
	if _, ok := o.dirs.Load(d); ok {
		return nil
	}
	// A page's folder is new and its parent nearly always made already,
	// so one mkdirat usually does.
	err := o.root.mkdir(d)
	if errors.Is(err, unix.ENOENT) {
		if err := o.mkdirAt(path.Dir(d)); err != nil {
			return err
		}
		err = o.root.mkdir(d)
	}
	if err != nil && !errors.Is(err, unix.EEXIST) {
		return &fs.PathError{Op: "mkdir", Path: o.path(d), Err: err}
	}
	o.dirs.Store(d, true)
	return nil
}

// write makes the file at sitePath hold data and, when the output keeps
// stamps, records the file's stamp as fstat gives it once the data is
// written.
func (o *output) write(sitePath string, data []byte) error {
	k := siteKey(sitePath)
	if err := o.mkdirAt(path.Dir(k)); err != nil {
		return err
	}
	fd, err := o.root.create(k)
	if err != nil {
		return &fs.PathError{Op: "open", Path: o.path(sitePath), Err: err}
	}
	if err := writeAll(fd, data); err != nil {
		unix.Close(fd)
		return &fs.PathError{Op: "write", Path: o.path(sitePath), Err: err}
	}
	st := fileStamp{Size: -1} // not known; the cache looks the file up
	if o.stamps != nil {
		if fst, err := fstatStamp(fd); err == nil {
			st = fst
		}
	}
	// Like os.File.Close, an interrupted close is not retried: the
	// descriptor is released either way.
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: o.path(sitePath), Err: err}
	}
	o.record(k, st)
	return nil
}

// writeAll writes data to fd, going on after a short or interrupted write.
func writeAll(fd int, data []byte) error {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return err
		case n <= 0:
			return io.ErrShortWrite
		}
		data = data[n:]
	}
	return nil
}

// fstatStamp returns the stamp of the open file fd, equal to what stampOf
// makes of os.Stat's answer for the same file.
func fstatStamp(fd int) (fileStamp, error) {
	var st unix.Stat_t
	for {
		err := unix.Fstat(fd, &st)
		if err == nil {
			return fileStamp{Size: st.Size, ModTime: st.Mtim.Nano()}, nil
		}
		if err != unix.EINTR {
			return fileStamp{}, err
		}
	}
}
