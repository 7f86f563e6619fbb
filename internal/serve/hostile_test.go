package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestMorePathSpellings tries other ways of writing a path out of the
// output folder: encoded twice, overlong UTF-8, runs of slashes, dots
// with trailing spaces, very long paths. None reaches the secret.
func TestMorePathSpellings(t *testing.T) {
	h := New(writeSite(t), "/", Options{}).Handler()
	targets := []string{
		"/%252e%252e/secret.txt",
		"/%252e%252e%252fsecret.txt",
		"/%c0%ae%c0%ae/secret.txt",
		"/%c0%af..%c0%afsecret.txt",
		"/%e0%80%ae%e0%80%ae/secret.txt",
		"///../secret.txt",
		"/articles//../../secret.txt",
		"/articles/./../../secret.txt",
		"/articles/a/%2e%2e/%2e%2e/%2e%2e/secret.txt",
		"/..%20/secret.txt",
		"/..%09/secret.txt",
		"/...//secret.txt",
		"/%2e%2e%5csecret.txt",
		"/leakdir/",
		"/leakdir/../leak.txt",
		"/relleak/",
		"/index.html/../../secret.txt",
		"/" + strings.Repeat("../", 2000) + "secret.txt",
		"/" + strings.Repeat("a/", 4000) + "x",
	}
	for _, target := range targets {
		resp, body := do(t, h, "GET", target)
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %.60s: status %d; want 400 or 404", target, resp.StatusCode)
		}
		if strings.Contains(body, secret) {
			t.Errorf("GET %.60s: served the file outside the site", target)
		}
	}
	// A file that starts with two dots is a name like any other.
	dir := writeSite(t)
	writeFile(t, filepath.Join(dir, "..dots.txt"), "dots")
	resp, body := do(t, New(dir, "/", Options{}).Handler(), "GET", "/..dots.txt")
	if resp.StatusCode != http.StatusOK || body != "dots" {
		t.Errorf("GET /..dots.txt: status %d, body %q; want 200 and the file", resp.StatusCode, body)
	}
}

// TestClientsThatDisconnect opens event streams and downloads over real
// connections and drops them half-way, many times: the server lets go of
// every stream, keeps serving and keeps publishing to the streams that
// stay.
func TestClientsThatDisconnect(t *testing.T) {
	dir := writeSite(t)
	writeFile(t, filepath.Join(dir, "big.csv"), strings.Repeat("2025-01-01,12345\n", 1<<16))
	s := New(dir, "/", Options{MaxClients: 8, ClientBuffer: 4})
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)
	addr := strings.TrimPrefix(ts.URL, "http://")
	goroutines := runtime.NumGoroutine()

	dial := func() net.Conn {
		t.Helper()
		c, err := net.DialTimeout("tcp", addr, streamTimeout)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(streamTimeout))
		return c
	}
	for i := range 40 {
		c := dial()
		switch i % 4 {
		case 0: // disconnect right after asking for the stream
			fmt.Fprintf(c, "GET /_plotline/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
		case 1: // read the stream's first lines, then go while events flow
			fmt.Fprintf(c, "GET /_plotline/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
			r := bufio.NewReader(c)
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					t.Fatalf("reading a stream: %v", err)
				}
				if strings.HasPrefix(line, "retry:") {
					break
				}
			}
			s.Publish(Event{Kind: KindReload, Paths: []string{strings.Repeat("/x", 1000)}})
		case 2: // half a request
			fmt.Fprintf(c, "GET /_plotline/ev")
		case 3: // a large file, dropped after its first bytes
			fmt.Fprintf(c, "GET /big.csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
			io.ReadFull(c, make([]byte, 512))
		}
		if tc, ok := c.(*net.TCPConn); ok && i%2 == 0 {
			tc.SetLinger(0) // end with a reset rather than a polite close
		}
		c.Close()
	}

	// A stream that stays, to see that publishing still works. It opens
	// after the churn: each stream of these tests lives for streamTimeout,
	// which a loaded machine can spend on the loop above.
	stay := openStream(t, ts.URL+"/_plotline/events")

	// Every dropped stream is let go; only the one that stays is open.
	deadline := time.Now().Add(streamTimeout)
	for s.hub.len() != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("open streams = %d after the clients left; want 1", s.hub.len())
		}
		s.Publish(Event{Kind: KindCSS}) // a write shows a dead connection
		time.Sleep(10 * time.Millisecond)
	}

	// The server still serves, and the stream that stayed still gets events.
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<h1>Home</h1>") {
		t.Errorf("GET / after the disconnects: status %d; want 200 and the home page", resp.StatusCode)
	}
	s.Publish(Event{Kind: KindError, Errors: []string{"content/a.md:1:1: broken"}})
	for {
		kind, ev := stay.next(t)
		if kind == KindError {
			if len(ev.Errors) != 1 {
				t.Errorf("error event %+v; want one error", ev)
			}
			break
		}
	}
	fresh := openStream(t, ts.URL+"/_plotline/events")
	if kind, _ := fresh.next(t); kind != KindError {
		t.Errorf("a new stream first gets %q; want the last error replayed", kind)
	}

	// No goroutine is left behind by the clients that went away: only the
	// two open streams and their connections remain.
	stay.close()
	fresh.close()
	deadline = time.Now().Add(streamTimeout)
	for runtime.NumGoroutine() > goroutines+2 {
		if time.Now().After(deadline) {
			t.Errorf("%d goroutines after the clients left; want about %d", runtime.NumGoroutine(), goroutines)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// discardWriter is a ResponseWriter that keeps only the status, the
// number of bytes of the body and those of it from the offset from on,
// up to 300.
type discardWriter struct {
	header http.Header
	status int
	n      int
	from   int
	window []byte
}

func (d *discardWriter) Header() http.Header { return d.header }

func (d *discardWriter) WriteHeader(status int) { d.status = status }

func (d *discardWriter) Write(b []byte) (int, error) {
	for i, c := range b {
		if at := d.n + i; at >= d.from && len(d.window) < 300 {
			d.window = append(d.window, c)
		}
	}
	d.n += len(b)
	return len(b), nil
}

// TestLargePageReadAsSent serves an HTML page of 32 MB: it is read as it
// is sent, with the reload script before its last </body>, and not read
// whole into memory for each request, which made a few readers of a page
// of many charts take gigabytes.
func TestLargePageReadAsSent(t *testing.T) {
	dir := writeSite(t)
	// The last </body> begins 64 KB and 4 bytes before the end: it lies
	// across two of the pieces lastBodyTag reads, 64 KB each from the
	// end. A </BODY> before it is not the last.
	head := "<html><body><p>x</p></BODY>"
	trailer := "<!--" + strings.Repeat("-", 64<<10-3-len("<!---->")) + "-->"
	filler := strings.Repeat("<p>x</p>", (32<<20)/8)
	page := head + filler + "</body>" + trailer
	at := len(head) + len(filler)
	writeFile(t, filepath.Join(dir, "big.html"), page)
	h := New(dir, "/", Options{}).Handler()
	req := httptest.NewRequest("GET", "/big.html", nil)
	req.Host = "localhost"
	w := &discardWriter{header: http.Header{}, from: at - 8}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	h.ServeHTTP(w, req)
	runtime.ReadMemStats(&after)
	if w.status != http.StatusOK && w.status != 0 {
		t.Fatalf("GET /big.html: status %d; want 200", w.status)
	}
	if got := string(w.window); !strings.HasPrefix(got, `<p>x</p><script src="/_plotline/reload.js"`) || !strings.Contains(got, `"></script></body><!--`) {
		t.Errorf("GET /big.html at the last </body>: %q; want the script before it", got)
	}
	if got := w.header.Get("Content-Length"); got != fmt.Sprint(w.n) || w.n <= len(page) {
		t.Errorf("GET /big.html: Content-Length %s, %d bytes sent; want the page's %d and the script's", got, w.n, len(page))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("GET /big.html allocated %d MB; want less than 4 MB for a page of 32 MB", alloc>>20)
	}
}

// TestLargeNotFoundReadAsSent serves a site's 404.html of 32 MB for a
// page that does not exist: it is read as it is sent, as any page is,
// with the reload script before its last </body>, where each request read
// it whole and copied it, twice its size in memory a request.
func TestLargeNotFoundReadAsSent(t *testing.T) {
	dir := writeSite(t)
	head := "<html><body><p>gone</p>"
	filler := strings.Repeat("<p>x</p>", (32<<20)/8)
	page := head + filler + "</body></html>"
	at := len(head) + len(filler)
	writeFile(t, filepath.Join(dir, "404.html"), page)
	h := New(dir, "/", Options{}).Handler()
	sent := 0 // the bytes a GET sends
	for _, method := range []string{"GET", "HEAD"} {
		req := httptest.NewRequest(method, "/no/such/page/", nil)
		req.Host = "localhost"
		w := &discardWriter{header: http.Header{}, from: at - 8}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		h.ServeHTTP(w, req)
		runtime.ReadMemStats(&after)
		if w.status != http.StatusNotFound {
			t.Fatalf("%s /no/such/page/: status %d; want 404", method, w.status)
		}
		length := w.header.Get("Content-Length")
		if method == "HEAD" {
			if w.n != 0 || length != fmt.Sprint(sent) {
				t.Errorf("HEAD /no/such/page/: Content-Length %s, %d bytes sent; want the length of the page as a GET serves it, and no body", length, w.n)
			}
			continue
		}
		if got := string(w.window); !strings.HasPrefix(got, `<p>x</p><script src="/_plotline/reload.js`) || !strings.Contains(got, `"></script></body></html>`) {
			t.Errorf("GET /no/such/page/ at the last </body>: %q; want the script before it", got)
		}
		if length != fmt.Sprint(w.n) || w.n <= len(page) {
			t.Errorf("GET /no/such/page/: Content-Length %s, %d bytes sent; want the page's %d and the script's", length, w.n, len(page))
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
			t.Errorf("GET /no/such/page/ allocated %d MB; want less than 4 MB for a 404.html of 32 MB", alloc>>20)
		}
		sent = w.n
	}
}

// TestRangesOfAPage asks for ranges of HTML pages, which are served with
// the reload script spliced in: each is the same bytes of the page as a
// whole GET serves, across the script's edges too, and HEAD gives the
// length of the page as served.
func TestRangesOfAPage(t *testing.T) {
	h := New(writeSite(t), "/", Options{}).Handler()
	get := func(target string, header ...string) (*http.Response, string) {
		t.Helper()
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", target, nil)
		req.Host = "localhost"
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		h.ServeHTTP(rec, req)
		resp := rec.Result()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	for _, page := range []string{"/articles/a/", "/nobody.html", "/two.html", "/upper.html"} {
		_, whole := get(page)
		script := strings.Index(whole, "<script")
		if script < 0 {
			t.Fatalf("GET %s = %q; want the reload script in it", page, whole)
		}
		end := strings.Index(whole, "</script>") + len("</script>")
		for _, r := range [][2]int{{0, 0}, {0, 20}, {script - 3, script + 5}, {end - 4, end + 2}, {script, end - 1}, {0, len(whole) - 1}} {
			r[1] = min(r[1], len(whole)-1)
			resp, body := get(page, "Range", fmt.Sprintf("bytes=%d-%d", r[0], r[1]))
			if want := whole[r[0] : r[1]+1]; resp.StatusCode != http.StatusPartialContent || body != want {
				t.Errorf("GET %s bytes %d-%d: status %d, %q; want 206 and %q", page, r[0], r[1], resp.StatusCode, body, want)
			}
		}
		if resp, body := get(page, "Range", "bytes=-10"); body != whole[len(whole)-10:] {
			t.Errorf("GET %s the last 10 bytes: status %d, %q; want %q", page, resp.StatusCode, body, whole[len(whole)-10:])
		}
		if resp, _ := get(page, "Range", fmt.Sprintf("bytes=%d-", len(whole)+5)); resp.StatusCode != http.StatusRequestedRangeNotSatisfiable {
			t.Errorf("GET %s a range past its end: status %d; want 416", page, resp.StatusCode)
		}
		resp, body := get(page, "Range", fmt.Sprintf("bytes=0-3,%d-%d", script, script+6))
		if resp.StatusCode != http.StatusPartialContent || !strings.Contains(body, whole[:4]) || !strings.Contains(body, whole[script:script+7]) {
			t.Errorf("GET %s two ranges: status %d, %q; want 206 with both", page, resp.StatusCode, body)
		}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("HEAD", page, nil)
		req.Host = "localhost"
		h.ServeHTTP(rec, req)
		if got := rec.Result().Header.Get("Content-Length"); got != fmt.Sprint(len(whole)) || rec.Body.Len() != 0 {
			t.Errorf("HEAD %s: Content-Length %s and %d bytes; want %d and none", page, got, rec.Body.Len(), len(whole))
		}
	}
}

// TestManyRanges checks that a request for more than maxRanges parts of
// a file is answered with the whole file: 250,000 ranges of one byte
// (a header of 1 MB) of a page of 2 MB made a response of 36 MB, in 8 s
// of CPU. As many as maxRanges are served as parts.
func TestManyRanges(t *testing.T) {
	dir := writeSite(t)
	page := "<html><body>" + strings.Repeat("<p>A</p>\n", 1000) + "</body></html>"
	if err := os.WriteFile(filepath.Join(dir, "long.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	h := New(dir, "/", Options{}).Handler()
	get := func(ranges int) (*http.Response, string) {
		t.Helper()
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/long.html", nil)
		req.Host = "localhost"
		if ranges > 0 {
			req.Header.Set("Range", "bytes="+strings.Repeat("0-0,", ranges-1)+"0-0")
		}
		h.ServeHTTP(rec, req)
		resp := rec.Result()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	_, whole := get(0)
	if resp, body := get(maxRanges + 1); resp.StatusCode != http.StatusOK || body != whole {
		t.Errorf("GET with %d ranges: status %d, %d bytes; want 200 and the whole page, %d bytes", maxRanges+1, resp.StatusCode, len(body), len(whole))
	}
	if resp, body := get(maxRanges); resp.StatusCode != http.StatusPartialContent || strings.Count(body, "Content-Range: bytes 0-0/") != maxRanges {
		t.Errorf("GET with %d ranges: status %d, %d bytes; want 206 and %[1]d parts", maxRanges, resp.StatusCode, len(body))
	}
}

// readCounter is a page that counts the bytes read from it.
type readCounter struct {
	page io.ReaderAt
	n    int64
}

func (c *readCounter) ReadAt(b []byte, off int64) (int, error) {
	n, err := c.page.ReadAt(b, off)
	c.n += int64(n)
	return n, err
}

// TestPageWithoutBodyTagReadAtItsEnd looks for the </body> of pages that
// have none near their end: only their last MB is read for it, and the
// reload script goes after the end, where each request read a page of
// 100 MB whole, backwards, comparing a tag at every byte, 0.6 s of CPU
// for a request of one byte of it.
func TestPageWithoutBodyTagReadAtItsEnd(t *testing.T) {
	for _, page := range []string{
		strings.Repeat("<p>x</p>\n", (8<<20)/9),
		"<html><body><p>x</p></body>" + strings.Repeat("<!-- a comment -->\n", (2<<20)/19),
	} {
		r := &readCounter{page: strings.NewReader(page)}
		at, err := lastBodyTag(r, int64(len(page)))
		if err != nil || at != int64(len(page)) || r.n > maxBodyTagDistance+64<<10 {
			t.Errorf("lastBodyTag of a page of %d bytes whose last </body> is not in its last MB = %d, %v, after reading %d bytes; want %d, read from the last MB alone", len(page), at, err, r.n, len(page))
		}
	}
	dir := writeSite(t)
	page := "<html><body><p>x</p></body>" + strings.Repeat("<!-- a comment -->\n", (2<<20)/19)
	writeFile(t, filepath.Join(dir, "far.html"), page)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/far.html", nil)
	req.Host = "localhost"
	New(dir, "/", Options{}).Handler().ServeHTTP(rec, req)
	if got := rec.Body.String(); !strings.HasPrefix(got, page) || !strings.HasSuffix(got, "></script>") {
		t.Errorf("GET /far.html ends %q; want the page, then the reload script", got[max(0, len(got)-80):])
	}
}
