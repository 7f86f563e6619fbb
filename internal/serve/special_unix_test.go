//go:build unix

package serve

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mkfifo makes a named pipe at name and, when the test ends, opens it for
// writing without waiting, which frees anything still stuck opening it
// for reading.
func mkfifo(t *testing.T, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if f, err := os.OpenFile(name, os.O_RDWR|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
}

// TestSpecialFiles puts named pipes and a socket in the output folder,
// where a page, a directory's index, a stylesheet and the 404 page would
// be: each request is answered at once, none of them is opened, and no
// goroutine is left waiting on a pipe that nobody writes.
func TestSpecialFiles(t *testing.T) {
	dir := writeSite(t)
	for _, name := range []string{"pipe.html", "pipe.csv", "piped/index.html", "theme/css/pipe.css"} {
		mkfifo(t, filepath.Join(dir, filepath.FromSlash(name)))
	}
	sock, err := net.Listen("unix", filepath.Join(dir, "sock.js"))
	if err != nil {
		t.Fatal(err)
	}
	defer sock.Close()
	// A site whose 404 page is a pipe.
	bare := t.TempDir()
	writeFile(t, filepath.Join(bare, "index.html"), homePage)
	mkfifo(t, filepath.Join(bare, "404.html"))

	client := &http.Client{Timeout: 10 * time.Second}
	get := func(t *testing.T, url string) (int, string) {
		t.Helper()
		resp, err := client.Get(url)
		if err != nil {
			t.Fatalf("GET %s: %v (want an answer at once)", url, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	goroutines := runtime.NumGoroutine()

	ts := httptest.NewServer(New(dir, "/", Options{}).Handler())
	for _, target := range []string{"/pipe.html", "/pipe.csv", "/piped/", "/theme/css/pipe.css", "/sock.js"} {
		status, body := get(t, ts.URL+target)
		if status != http.StatusForbidden {
			t.Errorf("GET %s: status %d; want 403", target, status)
		}
		if !strings.Contains(body, "not a regular file") {
			t.Errorf("GET %s: body %q; want it to say the file is not a regular file", target, body)
		}
	}
	if status, body := get(t, ts.URL+"/"); status != http.StatusOK || !strings.Contains(body, "<h1>Home</h1>") {
		t.Errorf("GET / beside the pipes: status %d; want 200 and the home page", status)
	}
	ts.Close()

	ts = httptest.NewServer(New(bare, "/", Options{}).Handler())
	if status, body := get(t, ts.URL+"/missing"); status != http.StatusNotFound || !strings.Contains(body, "404 page not found") {
		t.Errorf("GET /missing with a pipe for 404.html: status %d, body %q; want 404 and the plain message", status, body)
	}
	ts.Close()
	client.CloseIdleConnections()

	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > goroutines {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines after the requests; want %d as before them:\n%s", runtime.NumGoroutine(), goroutines, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
