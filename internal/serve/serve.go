// Package serve is the preview web server: it serves a built site from a
// folder under a base path and tells open pages, over Server-Sent Events,
// when to reload, when to swap a stylesheet and when the build is broken.
// It knows nothing of builds; whoever builds calls Publish.
//
// Every HTML page is served with a script tag for the live-reload client
// inserted before </body>; the files on disk never hold it.
package serve

import (
	"bytes"
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
	"os"
	"path"
	"strings"
	"time"
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
	// WriteTimeout bounds each write to an event stream. Zero means 10
	// seconds.
	WriteTimeout time.Duration
}

// withDefaults returns o with zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.MaxClients <= 0 {
		o.MaxClients = 64
	}
	if o.ClientBuffer <= 0 {
		o.ClientBuffer = 16
	}
	if o.PingInterval <= 0 {
		o.PingInterval = 15 * time.Second
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 10 * time.Second
	}
	return o
}

// Server serves the site in one folder and the live-reload event stream.
// Its methods are safe for concurrent use.
type Server struct {
	dir  string
	base string // starts and ends with a slash
	opts Options
	tag  []byte // the script tag inserted into HTML pages
	hub  *hub
}

// New returns a Server for the site built into dir and published under
// basePath, such as "/" or "/repo/". The folder is opened afresh for each
// request, so it may be replaced, or not exist yet, while the Server runs.
func New(dir, basePath string, opts Options) *Server {
	base := "/" + strings.Trim(basePath, "/") + "/"
	if base == "//" {
		base = "/"
	}
	opts = opts.withDefaults()
	return &Server{
		dir:  dir,
		base: base,
		opts: opts,
		tag:  []byte(`<script src="` + html.EscapeString(base+reloadPath) + `" defer></script>`),
		hub:  newHub(opts.MaxClients, opts.ClientBuffer),
	}
}

// reloadJS is the live-reload client served at reloadPath.
//
//go:embed reload.js
var reloadJS string

// The server's own files, under the base path.
const (
	eventsPath = "_plotline/events"
	reloadPath = "_plotline/reload.js"
)

// Handler returns the HTTP handler of s.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Close ends every open event stream and refuses new ones. Files are
// still served. It is safe to call more than once.
func (s *Server) Close() { s.hub.close() }

// ListenAndServe serves s on addr, calls ready with the site's URL once it
// is listening, and serves until ctx is done; then it ends the event
// streams and shuts the HTTP server down, giving open requests a few
// seconds to finish. It returns nil after a clean shutdown.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(url string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	if ready != nil {
		ready(siteURL(ln.Addr(), s.base))
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
	err = hs.Shutdown(shutCtx)
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
		host = net.JoinHostPort("localhost", fmt.Sprint(tcp.Port))
	}
	return "http://" + host + base
}

// serveHTTP answers one request.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !validPath(p) {
		http.Error(w, "bad request path", http.StatusBadRequest)
		return
	}
	if s.base != "/" && (p == "/" || p == strings.TrimSuffix(s.base, "/")) {
		http.Redirect(w, r, s.base, http.StatusFound)
		return
	}
	rel, ok := strings.CutPrefix(p, s.base)
	if !ok {
		s.notFound(w, r)
		return
	}
	switch rel {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case reloadPath:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(reloadJS))
		return
	}
	s.serveFile(w, r, rel)
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
		switch {
		case seg == "." || seg == "..":
			return false
		case seg == "" && i < len(segs)-1:
			return false
		}
	}
	return true
}

// serveFile serves the file or directory at rel, a slash path relative to
// the site folder that validPath accepted, either empty or naming a
// directory when it ends with a slash.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, rel string) {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		http.Error(w, "404 page not found (the site is not built yet)", http.StatusNotFound)
		return
	}
	defer root.Close()

	name := strings.TrimSuffix(rel, "/")
	if name == "" {
		name = "."
	}
	f, info, err := open(root, name)
	if err != nil {
		s.notFoundIn(w, r, root)
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
		f, info, err = open(root, name)
		if err != nil || info.IsDir() {
			s.notFoundIn(w, r, root)
			return
		}
		defer f.Close()
	} else if strings.HasSuffix(rel, "/") {
		s.notFoundIn(w, r, root)
		return
	}

	ctype := contentType(name)
	w.Header().Set("Content-Type", ctype)
	if !isHTML(ctype) {
		http.ServeContent(w, r, "", time.Time{}, f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "reading "+name+" failed", http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(s.inject(page)))
}

// open opens the regular file or directory name inside root. Symbolic
// links are followed only while they stay inside root.
func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.IsDir() && !info.Mode().IsRegular() {
		err = fmt.Errorf("%s: not a regular file", name)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// notFound serves the site's 404 page, or a plain message when the site
// has none, with status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	defer root.Close()
	s.notFoundIn(w, r, root)
}

// notFoundIn is notFound with the site folder already open.
func (s *Server) notFoundIn(w http.ResponseWriter, r *http.Request, root *os.Root) {
	page, err := root.ReadFile("404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	page = s.inject(page)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(len(page)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// inject returns page with the live-reload script tag inserted before its
// last </body>, or appended when it has none.
func (s *Server) inject(page []byte) []byte {
	i := lastIndexFold(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(s.tag))
	out = append(out, page[:i]...)
	out = append(out, s.tag...)
	return append(out, page[i:]...)
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

// contentType returns the media type of a file by its extension. Common
// web types are fixed here so that they do not depend on the system's
// MIME tables.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".atom":
		return "application/atom+xml; charset=utf-8"
	case ".rss":
		return "application/rss+xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".ttf":
		return "font/ttf"
	case ".otf":
		return "font/otf"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/vnd.microsoft.icon"
	case ".pdf":
		return "application/pdf"
	case ".wasm":
		return "application/wasm"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// isHTML reports whether the media type ctype is HTML.
func isHTML(ctype string) bool {
	mt, _, _ := strings.Cut(ctype, ";")
	return strings.TrimSpace(mt) == "text/html"
}
