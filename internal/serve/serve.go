// Package serve is the preview web server: it serves a built site from a
// folder under a base path and tells open pages, over Server-Sent Events,
// when to reload, when to swap a stylesheet and when the build is broken.
// It knows nothing of builds; whoever builds calls Publish.
//
// Every HTML page is served with a script tag for the live-reload client
// inserted before </body>; the files on disk never hold it. The clients of
// one browser share one event stream through a shared worker: a browser
// opens at most six connections to a host over HTTP/1.1, and a stream for
// each page held them all once six pages were open.
package serve

import (
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/plotline/plotline/internal/sitefs"
)

// Options tunes a Server. The zero value gives the defaults.
type Options struct {
	// MaxClients caps the number of open event streams; a page that asks
	// for one more gets 503 Service Unavailable. Zero means 64.
	MaxClients int
	// ClientBuffer is how many events may wait for one slow stream before
	// that stream is dropped. Zero means 16.
	ClientBuffer int
	// PingInterval is how often an idle stream gets a comment line so that
	// proxies keep it open. Zero means 15 seconds.
	PingInterval time.Duration
	// ReadTimeout bounds the reading of one request, headers and body.
	// Zero means 10 seconds.
	ReadTimeout time.Duration
	// WriteTimeout bounds the writing of one response, and of each event
	// on an event stream, which itself stays open as long as the page
	// does. Zero means 10 seconds.
	WriteTimeout time.Duration
	// IdleTimeout is how long a kept-alive connection may wait for its
	// next request before it is closed. Zero means 30 seconds.
	IdleTimeout time.Duration
}

// withDefaults returns o with zero fields set to their defaults.
func (o Options) withDefaults() Options {
	orDefault(&o.MaxClients, 64)
	orDefault(&o.ClientBuffer, 16)
	orDefault(&o.PingInterval, 15*time.Second)
	orDefault(&o.ReadTimeout, 10*time.Second)
	orDefault(&o.WriteTimeout, 10*time.Second)
	orDefault(&o.IdleTimeout, 30*time.Second)
	return o
}

// orDefault sets *v to def when it is zero or less.
func orDefault[T int | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// Server serves the site in one folder and the live-reload event stream.
// Its methods are safe for concurrent use.
type Server struct {
	dir string
	// real is the folder dir led to when the site was first served,
	// through its symbolic links; see openSite.
	real atomic.Pointer[string]
	at   atomic.Pointer[basePath] // see SetBasePath
	opts Options
	hub  *hub
}

// basePath is where a Server serves the site.
type basePath struct {
	// base is the path decoded, as a request's URL.Path is; it starts and
	// ends with a slash.
	base string
	// escaped is the path as the pages link it, percent-encoded: what
	// SetBasePath was given, cleaned.
	escaped string
	tag     []byte // the script tag inserted into HTML pages, up to its generation (see inject)
	// before are the base paths the site was served under earlier, the
	// latest first: a request under one of them, and not under base, is
	// sent to the same place under base.
	before []string
}

// newBasePath cleans the base path p, such as "repo" or "/repo/",
// percent-encoded as the pages link it ("/my%20site/").
func newBasePath(p string) *basePath {
	escaped := "/" + strings.Trim(p, "/") + "/"
	if escaped == "//" {
		escaped = "/"
	}
	base, err := url.PathUnescape(escaped)
	if err != nil {
		base = escaped // not percent-encoding: a path as it is
	}
	return &basePath{base: base, escaped: escaped, tag: []byte(`<script src="` + html.EscapeString(escaped+reloadPath) + `" defer data-since="`)}
}

// New returns a Server for the site built into dir and published under
// basePath, such as "/" or "/repo/", a URL path percent-encoded as the
// pages link it ("/my%20site/"). The folder is opened afresh for each
// request, so it may be replaced, or not exist yet, while the Server runs.
func New(dir, basePath string, opts Options) *Server {
	opts = opts.withDefaults()
	s := &Server{
		dir:  dir,
		opts: opts,
		hub:  newHub(opts.MaxClients, opts.ClientBuffer),
	}
	s.SetBasePath(basePath)
	return s
}

// SetBasePath moves the site to the base path p, such as "/" or "/repo/"
// (percent-encoded, as for New), for the requests that follow: a site
// rebuilt with another base URL links its pages under the new path. A
// request under an earlier base path, and not under the new one, is
// redirected to the same place under the new one, so that a page open at
// its old address reloads at its new one. Setting the path the Server
// has already changes nothing. It returns the path as the Server serves
// it, percent-encoded, with a slash at each end.
func (s *Server) SetBasePath(p string) string {
	bp := newBasePath(p)
	old := s.at.Load()
	if old != nil && old.base == bp.base && old.escaped == bp.escaped {
		return old.escaped // the earlier paths still lead here
	}
	if old != nil && old.base != bp.base {
		bp.before = append([]string{old.base}, old.before...)
		bp.before = slices.DeleteFunc(bp.before, func(b string) bool { return b == bp.base })
		bp.before = bp.before[:min(len(bp.before), maxBefore)]
	}
	s.at.Store(bp)
	return bp.escaped
}

// maxBefore is how many earlier base paths a Server redirects from.
const maxBefore = 8

// reloadJS is the live-reload client served at reloadPath.
//
//go:embed reload.js
var reloadJS string

// workerJS is the shared worker served at workerPath, through which the
// live-reload clients of a browser share one event stream.
//
//go:embed reload-worker.js
var workerJS string

// The server's own files, under the base path.
const (
	eventsPath = "_plotline/events"
	reloadPath = "_plotline/reload.js"
	workerPath = "_plotline/reload-worker.js"
)

// Close ends every open event stream and refuses new ones. Files are
// still served. It is safe to call more than once.
func (s *Server) Close() { s.hub.close() }

// Serve serves s on l, calls ready with the site's URL, and serves until
// ctx is done; then it ends the event streams and shuts the HTTP server
// down, giving open requests a few seconds to finish. It closes l, and
// returns nil after a clean shutdown; its errors start with "serve: ".
//
// Connections that arrive on l before Serve is called wait, unanswered,
// until it is: a caller that listens, builds the site and then serves
// makes the first pages asked for wait for the first build.
func (s *Server) Serve(ctx context.Context, l *Listener, ready func(url string)) error {
	hs := &http.Server{
		Handler:           http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.serveHTTP(w, r, l.hosts) }),
		ReadHeaderTimeout: s.opts.ReadTimeout,
		ReadTimeout:       s.opts.ReadTimeout,
		// Each event on a stream moves the deadline on (serveEvents).
		WriteTimeout: s.opts.WriteTimeout,
		IdleTimeout:  s.opts.IdleTimeout,
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(l.ln) }()
	if ready != nil {
		ready(siteURL(l.Addr(), s.at.Load().base))
	}

	select {
	case err := <-served:
		s.Close()
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.Close()
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(shutCtx)
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	if err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}

// siteURL returns the URL of the site served on addr, naming "localhost"
// when addr listens on every interface.
func siteURL(addr net.Addr, base string) string {
	host := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok && (tcp.IP == nil || tcp.IP.IsUnspecified()) {
		host = net.JoinHostPort("localhost", strconv.Itoa(tcp.Port))
	}
	return "http://" + host + (&url.URL{Path: base}).EscapedPath()
}

// serveHTTP answers one request.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request, hosts hostSet) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")

	if !hosts.allows(r.Host) {
		http.Error(w, fmt.Sprintf("host %q is not allowed: this preview server answers only requests for localhost, 127.0.0.1, [::1] or the address it listens on", r.Host), http.StatusForbidden)
		return
	}

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// The generation is read before any file: a page read after a rebuild
	// it does not count is reloaded once more, never missed.
	gen := s.hub.generation()
	p := r.URL.Path
	if !validPath(p) {
		http.Error(w, "bad request path", http.StatusBadRequest)
		return
	}
	bp := s.at.Load()
	base := bp.base
	if base != "/" && (p == "/" || p == strings.TrimSuffix(base, "/")) {
		// The query goes along, as on a folder's redirect below.
		to := &url.URL{Path: base, RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, to.String(), http.StatusFound)
		return
	}
	rel, ok := strings.CutPrefix(p, base)
	if !ok {
		for _, old := range bp.before {
			rest, ok := strings.CutPrefix(p, old)
			if !ok && p == strings.TrimSuffix(old, "/") {
				rest, ok = "", true
			}
			if ok {
				moved := &url.URL{Path: base + rest, RawQuery: r.URL.RawQuery}
				http.Redirect(w, r, moved.String(), http.StatusFound)
				return
			}
		}
		s.notFound(w, r, gen)
		return
	}
	switch rel {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case reloadPath, workerPath:
		js := reloadJS
		if rel == workerPath {
			js = workerJS
		}
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(js))
		return
	}
	s.serveFile(w, r, rel, gen)
}

// validPath reports whether the decoded URL path p is one the server
// looks up: absolute, without backslashes, NUL bytes, empty segments or
// "." and ".." segments. Encoded forms such as %2e%2e and %2F are decoded
// before this check.
func validPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || seg == "" && i < len(segs)-1 {
			return false
		}
	}
	return true
}

// serveFile serves the file or directory at rel, a slash path relative to
// the site folder that validPath accepted, either empty or naming a
// directory when it ends with a slash, an HTML page with the live-reload
// script of the generation gen, the hub's when the request came.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rel string, gen uint64) {
	if strings.Count(r.Header.Get("Range"), ",") >= maxRanges {
		r.Header.Del("Range") // the whole file is cheaper to send
	}
	root, err := s.openSite()
	if err != nil {
		s.notBuilt(w, r, gen)
		return
	}
	defer root.Close()

	name := cmp.Or(strings.TrimSuffix(rel, "/"), ".")
	f, info, err := open(root, name)
	if err != nil {
		s.openFailed(w, r, root, name, err, gen)
		return
	}
	defer f.Close()

	if info.IsDir() {
		if !strings.HasSuffix(rel, "/") && rel != "" {
			target := r.URL.EscapedPath() + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		f.Close()
		name = path.Join(name, "index.html")
		f, info, err = openFile(root, name)
		if err != nil {
			s.openFailed(w, r, root, name, err, gen)
			return
		}
		defer f.Close()
	} else if strings.HasSuffix(rel, "/") {
		s.notFoundIn(w, r, root, gen)
		return
	}

	ctype := contentType(name)
	w.Header().Set("Content-Type", ctype)
	if !isHTML(ctype) {
		http.ServeContent(w, r, "", time.Time{}, f)
		return
	}
	page, err := s.withScript(f, info.Size(), gen)
	if err != nil {
		http.Error(w, "reading "+name+" failed", http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, "", time.Time{}, page)
}

// withScript returns the HTML page of size bytes read from src with the
// live-reload script of generation gen spliced in before its last
// </body>, or after its end when its last MB has none. The page is read as it is
// sent, not whole: a page of 40 MB (an article of a thousand charts) read
// whole for each request took three times that for each, however many
// came at once.
func (s *Server) withScript(src io.ReaderAt, size int64, gen uint64) (*io.SectionReader, error) {
	at, err := lastBodyTag(src, size)
	if err != nil {
		return nil, err
	}
	tag := s.scriptTag(gen)
	sp := splice{io.NewSectionReader(src, 0, at), io.NewSectionReader(bytes.NewReader(tag), 0, int64(len(tag))), io.NewSectionReader(src, at, size-at)}
	return io.NewSectionReader(sp, 0, size+int64(len(tag))), nil
}

// maxRanges is the most parts of a file one request is served, as
// Apache's MaxRanges: a browser asks for one. Each part is sent with
// its own headers, so that 250,000 parts of one byte, a request of
// 1 MB, made a response of 36 MB in 8 s of CPU.
const maxRanges = 200

// maxBodyTagDistance is how far from the end of a page its </body> is
// looked for. A page's </body> is near its end; one of 100 MB without
// one was read whole, backwards, for each request, 0.6 s of CPU each.
const maxBodyTagDistance = 1 << 20

// lastBodyTag returns the offset of the last </body> (in any case) of the
// size bytes of page, or size when its last maxBodyTagDistance bytes have
// none (a browser reads the script after the end as part of the body),
// reading them backwards a piece at a time.
func lastBodyTag(page io.ReaderAt, size int64) (int64, error) {
	const piece = 64 << 10
	sep := []byte("</body>")
	buf := make([]byte, piece+len(sep)-1)
	for end := size; end > max(0, size-maxBodyTagDistance); {
		start := max(0, end-piece)
		// Each piece takes the start of the next one, for a tag
		// that the two share.
		n, err := page.ReadAt(buf[:min(size, end+int64(len(sep)-1))-start], start)
		if err != nil && err != io.EOF {
			return 0, err
		}
		if i := lastIndexFold(buf[:n], sep); i >= 0 {
			return start + int64(i), nil
		}
		end = start
	}
	return size, nil
}

// splice is the text of its parts one after the other.
type splice []*io.SectionReader

// ReadAt reads from the parts that hold the bytes from off on.
func (sp splice) ReadAt(b []byte, off int64) (int, error) {
	n := 0
	for _, p := range sp {
		if off >= p.Size() {
			off -= p.Size()
			continue
		}
		m, err := p.ReadAt(b[n:], off)
		if n += m; n == len(b) {
			return n, nil
		}
		if off+int64(m) < p.Size() {
			return n, err // the part failed, or ended early
		}
		off = 0
	}
	return n, io.EOF
}

// open opens the regular file or directory name inside root. Symbolic
// links are followed only while they stay inside root. Anything else is
// refused with sitefs.ErrNotRegular, and never opened: the path is looked at
// first (Stat, which sees where a link leads), and then opened without
// waiting (O_NONBLOCK), so that even a file swapped for a named pipe in
// between cannot make the request wait for a writer.
func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	info, err := root.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if !usable(info) {
		return nil, nil, sitefs.ErrNotRegular
	}
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err = f.Stat()
	if err == nil && !usable(info) {
		err = sitefs.ErrNotRegular
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// openFile is open for a regular file: a directory is not there.
func openFile(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, info, err := open(root, name)
	if err == nil && info.IsDir() {
		f.Close()
		return nil, nil, fs.ErrNotExist
	}
	return f, info, err
}

// openSite opens the output folder for one request. The folder is opened
// by name each time, as a build puts a new one in place of the old; but it
// must be the folder the name led to when the site was first served (a
// link swapped to lead elsewhere, /etc say, serves nothing), and a folder
// still: opening a pipe put in its place would hold the request for ever.
func (s *Server) openSite() (*os.Root, error) {
	real, err := filepath.EvalSymlinks(s.dir)
	if err != nil {
		return nil, err
	}
	s.real.CompareAndSwap(nil, &real) // the first folder served
	if first := s.real.Load(); *first != real {
		return nil, fmt.Errorf("%s leads to %s now, not %s", s.dir, real, *first)
	}
	if info, err := os.Lstat(real); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", real)
	}
	return os.OpenRoot(real)
}

// usable reports whether info is that of a regular file or a directory.
func usable(info fs.FileInfo) bool { return info.IsDir() || info.Mode().IsRegular() }

// notFound serves the site's 404 page, or a plain message when the site
// has none, with status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, gen uint64) {
	root, err := s.openSite()
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer root.Close()
	s.notFoundIn(w, r, root, gen)
}

// notBuilt answers a request made while there is no output folder, as when
// the first build failed: a 404 page that carries the live-reload script,
// so that the build's errors show over it and it reloads once a build
// succeeds.
func (s *Server) notBuilt(w http.ResponseWriter, r *http.Request, gen uint64) {
	page := strings.NewReader("<!DOCTYPE html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n<title>Not built yet</title>\n<body>\n<p>404 page not found (the site is not built yet)</p>\n</body>\n</html>\n")
	s.writeNotFound(w, r, page, page.Size(), gen)
}

// openFailed answers a request for name, which open could not open with
// err, in the site folder root: 403 for a named pipe, socket or device,
// and the 404 page otherwise.
func (s *Server) openFailed(w http.ResponseWriter, r *http.Request, root *os.Root, name string, err error, gen uint64) {
	if errors.Is(err, sitefs.ErrNotRegular) {
		http.Error(w, fmt.Sprintf("%s %v, so the preview server does not open it", name, err), http.StatusForbidden)
		return
	}
	s.notFoundIn(w, r, root, gen)
}

// notFoundIn is notFound with the site folder already open. A 404.html
// that is not a regular file counts as none. It is read as it is sent, as
// any page is: a site's 404.html is written by its templates, and may be
// as large as a page may be.
func (s *Server) notFoundIn(w http.ResponseWriter, r *http.Request, root *os.Root, gen uint64) {
	f, info, err := openFile(root, "404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	s.writeNotFound(w, r, f, info.Size(), gen)
}

// writeNotFound answers r with the HTML page of size bytes read from src,
// as a 404, with the live-reload script of the generation gen added.
func (s *Server) writeNotFound(w http.ResponseWriter, r *http.Request, src io.ReaderAt, size int64, gen uint64) {
	page, err := s.withScript(src, size, gen)
	if err != nil {
		http.Error(w, "reading 404.html failed", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(page.Size()))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		io.Copy(w, page)
	}
}

// scriptTag returns the live-reload script tag of a page served at the
// generation gen.
func (s *Server) scriptTag(gen uint64) []byte {
	tag := s.at.Load().tag
	out := make([]byte, 0, len(tag)+32)
	out = append(out, tag...)
	out = strconv.AppendUint(out, gen, 10)
	return append(out, `"></script>`...)
}

// lastIndexFold returns the index of the last ASCII-case-insensitive
// occurrence of sep in b, or -1.
func lastIndexFold(b, sep []byte) int {
	for i := len(b) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(b[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}

// contentType returns the media type of a file by its extension: a
// common web type from mediaTypes, so that it does not depend on the
// system's MIME tables, or else the system's.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := mediaTypes[ext]; ok {
		return t
	}
	return cmp.Or(mime.TypeByExtension(ext), "application/octet-stream")
}

// mediaTypes are the media types of common web files, by extension.
var mediaTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml; charset=utf-8",
	".atom":        "application/atom+xml; charset=utf-8",
	".rss":         "application/rss+xml; charset=utf-8",
	".svg":         "image/svg+xml",
	".csv":         "text/csv; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/plain; charset=utf-8",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/vnd.microsoft.icon",
	".pdf":         "application/pdf",
	".wasm":        "application/wasm",
}

// isHTML reports whether the media type ctype is HTML.
func isHTML(ctype string) bool {
	mt, _, _ := strings.Cut(ctype, ";")
	return strings.TrimSpace(mt) == "text/html"
}
