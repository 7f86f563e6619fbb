package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// short is the timeout these tests give the server; closed is how long
// they wait, at most, for it to act on it. Only the second is a bound on
// the test, and a generous one.
const (
	short  = 50 * time.Millisecond
	closed = 10 * time.Second
)

// dialServer serves s on 127.0.0.1 and returns a connection to it.
func dialServer(t *testing.T, s *Server) net.Conn {
	t.Helper()
	l, _ := serveOn(t, s, "127.0.0.1:0")
	c, err := net.DialTimeout("tcp", l.Addr().String(), streamTimeout)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// waitClosed reads c until the server closes it, and fails the test if
// that takes longer than closed. It returns how many bytes it read.
func waitClosed(t *testing.T, c net.Conn, what string) int64 {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(closed))
	n, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("%s: the connection is still open after %v; want it closed by the server", what, closed)
	}
	return n
}

// TestIdleTimeout keeps a connection alive after one request and sends
// nothing more: the server closes it.
func TestIdleTimeout(t *testing.T) {
	c := dialServer(t, New(writeSite(t), "/", Options{IdleTimeout: short, ReadTimeout: time.Hour}))
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
	c.SetReadDeadline(time.Now().Add(streamTimeout))
	r := bufio.NewReader(c)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Close {
		t.Fatalf("GET /: status %d, close %v; want 200 on a kept-alive connection", resp.StatusCode, resp.Close)
	}
	if n := waitClosed(t, c, "idle keep-alive connection"); n != 0 || r.Buffered() != 0 {
		t.Errorf("read %d bytes more after the response; want none", n+int64(r.Buffered()))
	}
}

// TestReadTimeout sends headers that announce a body and never sends it,
// and a request that never ends its headers: the server lets go of both.
func TestReadTimeout(t *testing.T) {
	s := New(writeSite(t), "/", Options{ReadTimeout: short, IdleTimeout: time.Hour})
	for _, req := range []string{
		"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ",
	} {
		c := dialServer(t, s)
		io.WriteString(c, req)
		waitClosed(t, c, fmt.Sprintf("%q", req))
	}
}

// TestWriteTimeout asks for a large file and reads none of it: the server
// gives up on the response instead of waiting forever to send it.
func TestWriteTimeout(t *testing.T) {
	dir := writeSite(t)
	const size = 256 << 20 // far more than the sockets' buffers hold
	big := filepath.Join(dir, "big.bin")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, size); err != nil { // a sparse file: no disk used
		t.Fatal(err)
	}
	c := dialServer(t, New(dir, "/", Options{WriteTimeout: short}))
	fmt.Fprintf(c, "GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
	// Read nothing until the write timeout has long passed; the server
	// cannot have sent the whole file by then.
	time.Sleep(10 * short)
	if n := waitClosed(t, c, "a response nobody reads"); n >= size {
		t.Errorf("read %d bytes; want the response cut short", n)
	}
}

// TestEventStreamOutlivesTimeouts keeps an event stream open for several
// times each of the server's timeouts: it still gets the next event.
func TestEventStreamOutlivesTimeouts(t *testing.T) {
	s := New(writeSite(t), "/", Options{ReadTimeout: short, WriteTimeout: short, IdleTimeout: short, PingInterval: time.Hour})
	_, url := serveOn(t, s, "127.0.0.1:0")
	st := openStream(t, url+"_plotline/events")
	time.Sleep(10 * short)
	s.Publish(Event{Kind: KindReload, Paths: []string{"/articles/a/"}})
	if kind, ev := st.next(t); kind != KindReload || len(ev.Paths) != 1 {
		t.Errorf("event after the timeouts: %q %+v; want the reload", kind, ev)
	}
}
