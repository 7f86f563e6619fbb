package serve

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const (
	homePage     = "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>\n"
	notFoundPage = "<!doctype html><html><body><h1>Gone</h1></body></html>\n"
	secret       = "top secret outside the site"
)

// writeSite builds a small output folder and a secret file beside it, and
// returns the folder.
func writeSite(t *testing.T) string {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	files := map[string]string{
		"index.html":            homePage,
		"404.html":              notFoundPage,
		"articles/a/index.html": "<html><body><p>A</p></body></html>",
		"upper.html":            "<HTML><BODY><p>shout</p></BODY></HTML>",
		"nobody.html":           "<p>no body element",
		"two.html":              "<body><pre>&lt;/body&gt;</pre></body><!-- </body> -->",
		"index.xml":             "<feed/>",
		"sitemap.xml":           "<urlset/>",
		"theme/css/site.css":    "body{color:red}",
		"theme/js/app.js":       "console.log(1)",
		"theme/img/logo.svg":    "<svg/>",
		"theme/fonts/f.woff2":   "wOF2",
		"data/x.csv":            "a,b\n1,2\n",
		"data/x.json":           `{"a":1}`,
		"site.webmanifest":      `{"name":"x"}`,
		"noindex/readme.txt":    "no index here",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	writeFile(t, filepath.Join(parent, "secret.txt"), secret)
	writeFile(t, filepath.Join(parent, "outside", "secret.txt"), secret)
	links := map[string]string{
		"leak.txt":  filepath.Join(parent, "secret.txt"),
		"leakdir":   filepath.Join(parent, "outside"),
		"relleak":   "../secret.txt",
		"alias.css": "theme/css/site.css",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// do sends a request for localhost to h and returns the response with its body read.
func do(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "localhost" // not NewRequest's example.com, which the server refuses
	h.ServeHTTP(rec, req)
	resp := rec.Result()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestContentTypes(t *testing.T) {
	h := New(writeSite(t), "/", Options{}).Handler()
	tests := []struct {
		path string
		want string
	}{
		{"/", "text/html; charset=utf-8"},
		{"/upper.html", "text/html; charset=utf-8"},
		{"/index.xml", "application/xml; charset=utf-8"},
		{"/sitemap.xml", "application/xml; charset=utf-8"},
		{"/theme/css/site.css", "text/css; charset=utf-8"},
		{"/theme/js/app.js", "text/javascript; charset=utf-8"},
		{"/theme/img/logo.svg", "image/svg+xml"},
		{"/theme/fonts/f.woff2", "font/woff2"},
		{"/data/x.csv", "text/csv; charset=utf-8"},
		{"/data/x.json", "application/json"},
		{"/site.webmanifest", "application/manifest+json"},
		{"/noindex/readme.txt", "text/plain; charset=utf-8"},
		{"/_plotline/reload.js", "text/javascript; charset=utf-8"},
	}
	for _, tt := range tests {
		resp, _ := do(t, h, "GET", tt.path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d; want 200", tt.path, resp.StatusCode)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != tt.want {
			t.Errorf("GET %s: Content-Type %q; want %q", tt.path, got, tt.want)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q; want %q", tt.path, got, "no-store")
		}
	}
}

func TestFilesAndDirectories(t *testing.T) {
	h := New(writeSite(t), "/", Options{}).Handler()
	tests := []struct {
		path     string
		status   int
		location string
		contains string
	}{
		{"/", 200, "", "<h1>Home</h1>"},
		{"/index.html", 200, "", "<h1>Home</h1>"},
		{"/articles/a/", 200, "", "<p>A</p>"},
		{"/articles/a", 301, "/articles/a/", ""},
		{"/articles/a?x=1", 301, "/articles/a/?x=1", ""},
		{"/articles", 301, "/articles/", ""},
		{"/articles/", 404, "", "<h1>Gone</h1>"},
		{"/noindex/", 404, "", "<h1>Gone</h1>"},
		{"/missing", 404, "", "<h1>Gone</h1>"},
		{"/missing/deeper/page/", 404, "", "<h1>Gone</h1>"},
		{"/theme/css/site.css", 200, "", "body{color:red}"},
		{"/theme/css/site.css/", 404, "", "<h1>Gone</h1>"},
		{"/alias.css", 200, "", "body{color:red}"},
	}
	for _, tt := range tests {
		resp, body := do(t, h, "GET", tt.path)
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s: status %d; want %d", tt.path, resp.StatusCode, tt.status)
		}
		if got := resp.Header.Get("Location"); got != tt.location {
			t.Errorf("GET %s: Location %q; want %q", tt.path, got, tt.location)
		}
		if !strings.Contains(body, tt.contains) {
			t.Errorf("GET %s: body %q does not contain %q", tt.path, body, tt.contains)
		}
		if tt.status == 404 && resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q; want the HTML 404 page", tt.path, resp.Header.Get("Content-Type"))
		}
	}
}

func TestNotFoundWithoutPage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "index.html"), homePage)
	h := New(dir, "/", Options{}).Handler()
	resp, body := do(t, h, "GET", "/missing")
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /missing: status %d; want 404", resp.StatusCode)
	}
	if !strings.Contains(body, "404 page not found") {
		t.Errorf("GET /missing: body %q; want a plain 404 message", body)
	}

	h = New(filepath.Join(dir, "not-built"), "/", Options{}).Handler()
	resp, body = do(t, h, "GET", "/")
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET / with no folder: status %d; want 404", resp.StatusCode)
	}
	// A first build that failed leaves no folder: the page still carries
	// the live-reload script, which shows the errors and reloads the page
	// once a build succeeds.
	if !strings.Contains(body, `<script src="/_plotline/reload.js" defer data-since="0"></script>`) || !strings.Contains(body, "not built yet") {
		t.Errorf("GET / with no folder: body %q; want the not-built page with the live-reload script", body)
	}
}

func TestBasePath(t *testing.T) {
	h := New(writeSite(t), "/repo/", Options{}).Handler()
	tests := []struct {
		path     string
		status   int
		location string
		contains string
	}{
		{"/", 302, "/repo/", ""},
		{"/repo", 302, "/repo/", ""},
		{"/repo?utm_source=feed", 302, "/repo/?utm_source=feed", ""},
		{"/?x=1", 302, "/repo/?x=1", ""},
		{"/repo/", 200, "", "<h1>Home</h1>"},
		{"/repo/", 200, "", `<script src="/repo/_plotline/reload.js" defer data-since="0"></script>`},
		{"/repo/articles/a/", 200, "", "<p>A</p>"},
		{"/repo/articles/a", 301, "/repo/articles/a/", ""},
		{"/repo/theme/css/site.css", 200, "", "body{color:red}"},
		{"/repo/_plotline/reload.js", 200, "", "EventSource"},
		{"/repo/_plotline/reload-worker.js", 200, "", "EventSource"},
		{"/articles/a/", 404, "", "<h1>Gone</h1>"},
		{"/index.html", 404, "", ""},
		{"/repository/", 404, "", ""},
		{"/_plotline/reload.js", 404, "", ""},
		{"/repo/missing", 404, "", "<h1>Gone</h1>"},
	}
	for _, tt := range tests {
		resp, body := do(t, h, "GET", tt.path)
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s: status %d; want %d", tt.path, resp.StatusCode, tt.status)
		}
		if got := resp.Header.Get("Location"); got != tt.location {
			t.Errorf("GET %s: Location %q; want %q", tt.path, got, tt.location)
		}
		if !strings.Contains(body, tt.contains) {
			t.Errorf("GET %s: body %q does not contain %q", tt.path, body, tt.contains)
		}
	}

	// A base path of letters a URL escapes is redirected to escaped.
	h = New(writeSite(t), "/my repo/", Options{}).Handler()
	for _, path := range []string{"/", "/my%20repo"} {
		if resp, _ := do(t, h, "GET", path); resp.StatusCode != 302 || resp.Header.Get("Location") != "/my%20repo/" {
			t.Errorf("GET %s under /my repo/: status %d to %q; want 302 to /my%%20repo/", path, resp.StatusCode, resp.Header.Get("Location"))
		}
	}

	// The base path is given as the pages link it, percent-encoded: a
	// %3F there is a ? of the folder's name, which the script's address
	// keeps encoded, as a bare one would start a query.
	s := New(writeSite(t), "/a%3Fb/", Options{})
	if got := s.SetBasePath("/a%3Fb/"); got != "/a%3Fb/" {
		t.Errorf("SetBasePath(/a%%3Fb/) = %q; want it as given", got)
	}
	h = s.Handler()
	for _, tt := range []struct {
		path     string
		status   int
		location string
		contains string
	}{
		{"/a%3Fb/articles/a/", 200, "", `<script src="/a%3Fb/_plotline/reload.js" defer data-since="0"></script>`},
		{"/a%3Fb/_plotline/reload.js", 200, "", "EventSource"},
		{"/", 302, "/a%3Fb/", ""},
		{"/a?b/articles/a/", 404, "", ""},
	} {
		resp, body := do(t, h, "GET", tt.path)
		if resp.StatusCode != tt.status || resp.Header.Get("Location") != tt.location || !strings.Contains(body, tt.contains) {
			t.Errorf("GET %s under /a%%3Fb/: status %d to %q, body %q; want %d to %q holding %q", tt.path, resp.StatusCode, resp.Header.Get("Location"), body, tt.status, tt.location, tt.contains)
		}
	}
}

// TestSetBasePath moves a running server to a new base path, as serve does
// after base_url changes: pages and the reload script are served under
// the new path, and a request under an old one, as a page open there
// makes when it reloads, is sent to the same place under the new one.
func TestSetBasePath(t *testing.T) {
	s := New(writeSite(t), "/repo/", Options{})
	h := s.Handler()
	if got := s.SetBasePath("other"); got != "/other/" {
		t.Errorf("SetBasePath(other) = %q; want /other/", got)
	}
	for _, tt := range []struct {
		path     string
		status   int
		contains string
		location string
	}{
		{"/other/articles/a/", 200, `<script src="/other/_plotline/reload.js" defer data-since="0"></script>`, ""},
		{"/other/_plotline/reload.js", 200, "EventSource", ""},
		{"/", 302, "", "/other/"},
		{"/repo/articles/a/", 302, "", "/other/articles/a/"},
		{"/repo/articles/a/?q=1", 302, "", "/other/articles/a/?q=1"},
		{"/repo", 302, "", "/other/"},
		{"/repo/_plotline/events", 302, "", "/other/_plotline/events"},
		{"/elsewhere/", 404, "", ""},
	} {
		resp, body := do(t, h, "GET", tt.path)
		if resp.StatusCode != tt.status || !strings.Contains(body, tt.contains) || resp.Header.Get("Location") != tt.location {
			t.Errorf("GET %s: status %d to %q, body %q; want %d to %q holding %q", tt.path, resp.StatusCode, resp.Header.Get("Location"), body, tt.status, tt.location, tt.contains)
		}
	}
	// Moved again, and back: every earlier path leads to the latest, also
	// after the path it has is set once more.
	s.SetBasePath("/third/")
	s.SetBasePath("/repo/")
	s.SetBasePath("/repo/")
	for path, want := range map[string]string{"/other/a/": "/repo/a/", "/third/a/": "/repo/a/"} {
		if resp, _ := do(t, h, "GET", path); resp.StatusCode != 302 || resp.Header.Get("Location") != want {
			t.Errorf("GET %s after two more moves: status %d to %q; want 302 to %q", path, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
	if resp, _ := do(t, h, "GET", "/repo/articles/a/"); resp.StatusCode != 200 {
		t.Errorf("GET /repo/articles/a/ back at /repo/: status %d; want 200", resp.StatusCode)
	}
}

func TestBasePathForms(t *testing.T) {
	tests := []struct {
		base string
		want string
	}{
		{"", "/"},
		{"/", "/"},
		{"repo", "/repo/"},
		{"/repo", "/repo/"},
		{"/repo/", "/repo/"},
		{"/a/b/", "/a/b/"},
	}
	for _, tt := range tests {
		if got := New("x", tt.base, Options{}).at.Load().base; got != tt.want {
			t.Errorf("New(%q).base = %q; want %q", tt.base, got, tt.want)
		}
	}
}

func TestNothingOutsideTheFolder(t *testing.T) {
	h := New(writeSite(t), "/", Options{}).Handler()
	targets := []string{
		"/../secret.txt",
		"/articles/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/.%2e/secret.txt",
		"/articles/%2F../../secret.txt",
		"/articles%2F..%2F..%2Fsecret.txt",
		"/..%5Csecret.txt",
		"/..\\secret.txt",
		"/articles\\..\\..\\secret.txt",
		"/%00secret.txt",
		"/leak.txt",
		"/relleak",
		"/leakdir/secret.txt",
		"//secret.txt",
		"/./secret.txt",
	}
	for _, target := range targets {
		resp, body := do(t, h, "GET", target)
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d; want 400 or 404", target, resp.StatusCode)
		}
		if strings.Contains(body, secret) {
			t.Errorf("GET %s: served the file outside the site", target)
		}
	}
}

func TestMethods(t *testing.T) {
	h := New(writeSite(t), "/", Options{}).Handler()
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		for _, target := range []string{"/", "/theme/css/site.css", "/_plotline/events"} {
			resp, _ := do(t, h, method, target)
			if resp.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: status %d; want 405", method, target, resp.StatusCode)
			}
			if got := resp.Header.Get("Allow"); !strings.Contains(got, "GET") {
				t.Errorf("%s %s: Allow %q; want it to list GET", method, target, got)
			}
		}
	}
}

func TestInjection(t *testing.T) {
	dir := writeSite(t)
	h := New(dir, "/", Options{}).Handler()
	const tag = `<script src="/_plotline/reload.js" defer data-since="0"></script>`
	tests := []struct {
		path string
		want string
	}{
		{"/", "<h1>Home</h1>" + tag + "</body></html>\n"},
		{"/upper.html", "<p>shout</p>" + tag + "</BODY></HTML>"},
		{"/nobody.html", "<p>no body element" + tag},
		{"/two.html", "<body><pre>&lt;/body&gt;</pre></body><!-- " + tag + "</body> -->"},
		{"/missing", "<h1>Gone</h1>" + tag + "</body></html>\n"},
	}
	for _, tt := range tests {
		resp, body := do(t, h, "GET", tt.path)
		if !strings.HasSuffix(body, tt.want) {
			t.Errorf("GET %s: body %q; want it to end with %q", tt.path, body, tt.want)
		}
		if got := strings.Count(body, tag); got != 1 {
			t.Errorf("GET %s: body holds the script tag %d times; want 1", tt.path, got)
		}
		if got, want := resp.Header.Get("Content-Length"), strconv.Itoa(len(body)); got != want {
			t.Errorf("GET %s: Content-Length %s; want %s", tt.path, got, want)
		}
	}
	for _, tt := range []struct{ file, want string }{
		{"index.html", homePage},
		{"404.html", notFoundPage},
	} {
		onDisk, err := os.ReadFile(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if string(onDisk) != tt.want {
			t.Errorf("%s on disk = %q; want it unchanged %q", tt.file, onDisk, tt.want)
		}
	}
	if _, body := do(t, h, "GET", "/theme/css/site.css"); strings.Contains(body, "script") {
		t.Errorf("GET /theme/css/site.css: body %q; want no script tag in CSS", body)
	}
}

func TestHead(t *testing.T) {
	ts := httptest.NewServer(New(writeSite(t), "/", Options{}).Handler())
	defer ts.Close()
	for _, tt := range []struct {
		path   string
		status int
	}{
		{"/", 200},
		{"/theme/css/site.css", 200},
		{"/missing", 404},
	} {
		get, err := http.Get(ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		getBody, _ := io.ReadAll(get.Body)
		get.Body.Close()

		head, err := http.Head(ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		headBody, _ := io.ReadAll(head.Body)
		head.Body.Close()
		if head.StatusCode != tt.status {
			t.Errorf("HEAD %s: status %d; want %d", tt.path, head.StatusCode, tt.status)
		}
		if len(headBody) != 0 {
			t.Errorf("HEAD %s: body %q; want none", tt.path, headBody)
		}
		if got, want := head.ContentLength, int64(len(getBody)); got != want {
			t.Errorf("HEAD %s: Content-Length %d; want %d, the length of GET's body", tt.path, got, want)
		}
	}
}

func TestContentType(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{"a.HTML", "text/html; charset=utf-8"},
		{"feed.atom", "application/atom+xml; charset=utf-8"},
		{"photo.JPG", "image/jpeg"},
		{"blob", "application/octet-stream"},
		{"x.unknown-ext", "application/octet-stream"},
	}
	for _, tt := range tests {
		if got := contentType(tt.name); got != tt.want {
			t.Errorf("contentType(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// TestSiteURLEscaped checks the address serve prints and opens: a base path with
// a space is written escaped, as a browser and a terminal take it.
func TestSiteURLEscaped(t *testing.T) {
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}
	for base, want := range map[string]string{
		"/":         "http://127.0.0.1:1313/",
		"/repo/":    "http://127.0.0.1:1313/repo/",
		"/my site/": "http://127.0.0.1:1313/my%20site/",
		"/café/":    "http://127.0.0.1:1313/caf%C3%A9/",
	} {
		if got := siteURL(addr, base); got != want {
			t.Errorf("siteURL(%q) = %q; want %q", base, got, want)
		}
	}
}

// TestOutputFolderSwapped checks that the output folder, opened by name
// for each request, is the one the name led to when the site was first
// served: one moved away and replaced by a link to another folder serves
// nothing of that folder, and the site is served again once it is back.
func TestOutputFolderSwapped(t *testing.T) {
	dir := writeSite(t)
	h := New(dir, "/", Options{}).Handler()
	if resp, _ := do(t, h, "GET", "/"); resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: status %d; want 200", resp.StatusCode)
	}
	if err := os.Rename(dir, dir+".real"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(filepath.Dir(dir), "outside"), dir); err != nil {
		t.Fatal(err)
	}
	if resp, body := do(t, h, "GET", "/secret.txt"); resp.StatusCode != http.StatusNotFound || strings.Contains(body, secret) {
		t.Errorf("GET /secret.txt through the swapped link: status %d, secret served %v; want 404 and not", resp.StatusCode, strings.Contains(body, secret))
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(dir+".real", dir); err != nil {
		t.Fatal(err)
	}
	if resp, _ := do(t, h, "GET", "/"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET / with the folder back: status %d; want 200", resp.StatusCode)
	}
}
