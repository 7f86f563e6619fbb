package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rawRequest sends request, written out in full, on a new connection to
// addr and returns the response's status and, unless the response is an
// event stream, its body.
func rawRequest(t *testing.T, addr, request string) (int, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, streamTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(streamTimeout))
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%q: %v", request, err)
	}
	if resp.Header.Get("Content-Type") == "text/event-stream" {
		// Closing the body would read the endless stream; the deferred
		// Close of the connection ends it.
		return resp.StatusCode, ""
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%q: reading the body: %v", request, err)
	}
	return resp.StatusCode, string(body)
}

// hostRequest returns a GET request for target with the Host header host,
// or none when host is empty.
func hostRequest(target, host string) string {
	if host == "" {
		return "GET " + target + " HTTP/1.0\r\n\r\n"
	}
	return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"
}

// The routes of a Server, one of each kind.
var routes = []string{"/", "/articles/a/", "/theme/css/site.css", "/missing", "/_plotline/reload.js", "/_plotline/reload-worker.js", "/_plotline/events"}

// TestHostHeader sends requests by hand, each naming a host, to every
// kind of route: only the loopback names are answered, so a page that
// gets a browser to send it here under another name (DNS rebinding)
// reads nothing.
func TestHostHeader(t *testing.T) {
	s := New(writeSite(t), "/", Options{})
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)
	addr := ts.Listener.Addr().String()

	allowed := []string{
		"localhost",
		"localhost:1313",
		"LocalHost:80",
		"127.0.0.1",
		"127.0.0.1:1313",
		"127.1.2.3:8080",
		"[::1]",
		"[::1]:1313",
		addr,
	}
	refused := []string{
		"",
		"evil.example",
		"evil.example:1313",
		"localhost.evil.example",
		"localhost.evil.example:1313",
		"127.0.0.1.nip.io:1313",
		"evillocalhost",
		"192.0.2.1:1313",
		"[::2]:1313",
		"[2001:db8::1]",
		"0.0.0.0:1313",
	}
	for _, route := range routes {
		for _, host := range allowed {
			status, body := rawRequest(t, addr, hostRequest(route, host))
			if status == http.StatusForbidden || status == http.StatusMisdirectedRequest {
				t.Errorf("GET %s with Host %q: status %d (%q); want it answered", route, host, status, body)
			}
		}
		for _, host := range refused {
			status, body := rawRequest(t, addr, hostRequest(route, host))
			if status != http.StatusForbidden {
				t.Errorf("GET %s with Host %q: status %d; want 403", route, host, status)
				continue
			}
			if !strings.Contains(body, "not allowed") || strings.Contains(body, "<") {
				t.Errorf("GET %s with Host %q: body %q; want a plain-text explanation", route, host, body)
			}
			if strings.Contains(body, "Home") || strings.Contains(body, "EventSource") {
				t.Errorf("GET %s with Host %q: body %q gives the site away", route, host, body)
			}
		}
	}
}

// serveOn serves s on a Listener for addr until the test ends, and
// returns the Listener and the URL Serve reported.
func serveOn(t *testing.T, s *Server, addr string) (*Listener, string) {
	t.Helper()
	l, err := Listen(addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, l, func(url string) { urls <- url }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve() = %v; want nil", err)
		}
	})
	return l, <-urls
}

func TestHostSet(t *testing.T) {
	own := []netip.Addr{
		netip.MustParseAddr("127.0.0.1"),
		netip.MustParseAddr("192.0.2.2"),
		netip.MustParseAddr("fd00::2"),
		netip.MustParseAddr("fe80::fc:ff:fe00:1"),
	}
	tests := []struct {
		bind    string
		bound   string
		own     []netip.Addr
		allowed []string
		refused []string
	}{
		{
			bind: "127.0.0.1", bound: "127.0.0.1",
			allowed: []string{"localhost", "127.0.0.1:1313", "[::1]:1313", "127.9.9.9"},
			refused: []string{"192.0.2.2:1313", "[fd00::2]:1313", "mybox.lan", "0.0.0.0:1313", ""},
		},
		{
			bind: "192.0.2.7", bound: "192.0.2.7",
			allowed: []string{"192.0.2.7:1313", "192.0.2.7", "[::ffff:192.0.2.7]:1313", "localhost:1313"},
			refused: []string{"192.0.2.2:1313", "192.0.2.70:1313", "evil.example:1313"},
		},
		{
			bind: "MyBox.lan", bound: "192.0.2.7",
			allowed: []string{"mybox.lan:1313", "MYBOX.LAN", "192.0.2.7:1313"},
			refused: []string{"mybox.lan.evil.example:1313", "box.lan:1313", "192.0.2.2:1313"},
		},
		{
			bind: "0.0.0.0", bound: "0.0.0.0", own: own,
			allowed: []string{"192.0.2.2:1313", "[fd00::2]:1313", "[fe80::fc:ff:fe00:1%25eth0]:1313", "localhost:1313"},
			refused: []string{"0.0.0.0:1313", "192.0.2.3:1313", "[fd00::3]:1313", "evil.example:1313"},
		},
		{
			bind: "", bound: "::", own: own,
			allowed: []string{"192.0.2.2:1313", "[fd00::2]"},
			refused: []string{"[::]:1313", "evil.example"},
		},
		{
			bind: "::1", bound: "::1",
			allowed: []string{"[::1]:1313", "localhost"},
			refused: []string{"[fd00::2]:1313"},
		},
	}
	for _, tt := range tests {
		hs := newHostSet(tt.bind, netip.MustParseAddr(tt.bound), tt.own)
		for _, h := range tt.allowed {
			if !hs.allows(h) {
				t.Errorf("bound to %q: allows(%q) = false; want true", tt.bind, h)
			}
		}
		for _, h := range tt.refused {
			if hs.allows(h) {
				t.Errorf("bound to %q: allows(%q) = true; want false", tt.bind, h)
			}
		}
	}
}

// ownAddr returns an address of one of this machine's interfaces that is
// not a loopback one, or skips the test.
func ownAddr(t *testing.T) netip.Addr {
	t.Helper()
	for _, a := range interfaceAddrs() {
		if !a.IsLoopback() && !a.IsLinkLocalUnicast() {
			return a
		}
	}
	t.Skip("this machine has no address besides the loopback ones")
	return netip.Addr{}
}

// TestListenOnEveryInterface listens on 0.0.0.0 and on 127.0.0.1: the
// first answers requests that name one of the machine's own addresses,
// the second only those that name the loopback.
func TestListenOnEveryInterface(t *testing.T) {
	own := ownAddr(t)
	for _, tt := range []struct {
		bind     string
		loopback bool
		urlHost  string // the host of the URL Serve reports
		ownOK    bool
	}{
		{"0.0.0.0", false, "localhost", true},
		{"127.0.0.1", true, "127.0.0.1", false},
	} {
		s := New(writeSite(t), "/", Options{})
		l, url := serveOn(t, s, net.JoinHostPort(tt.bind, "0"))
		if got := l.Loopback(); got != tt.loopback {
			t.Errorf("Listen(%s).Loopback() = %v; want %v", tt.bind, got, tt.loopback)
		}
		port := strconv.Itoa(l.Port())
		if want := "http://" + net.JoinHostPort(tt.urlHost, port) + "/"; url != want {
			t.Errorf("bound to %s: URL %q; want %q", tt.bind, url, want)
		}
		addr := net.JoinHostPort("127.0.0.1", port)
		for _, host := range []string{net.JoinHostPort(own.String(), port), own.String()} {
			status, _ := rawRequest(t, addr, hostRequest("/", host))
			if ok := status == http.StatusOK; ok != tt.ownOK {
				t.Errorf("bound to %s: GET / with Host %q: status %d; want it answered: %v", tt.bind, host, status, tt.ownOK)
			}
		}
		if status, _ := rawRequest(t, addr, hostRequest("/", "evil.example:"+port)); status != http.StatusForbidden {
			t.Errorf("bound to %s: GET / with Host evil.example: status %d; want 403", tt.bind, status)
		}
	}
}

// TestListenIPv6 listens on [::1] and on [::] and serves the site at the
// URL Serve reports.
func TestListenIPv6(t *testing.T) {
	if l, err := net.Listen("tcp", "[::1]:0"); err != nil {
		t.Skipf("no IPv6 loopback: %v", err)
	} else {
		l.Close()
	}
	for _, tt := range []struct{ addr, urlHost string }{
		{"[::1]:0", "[::1]"},
		{"[::]:0", "localhost"},
		{":0", "localhost"},
	} {
		s := New(writeSite(t), "/repo/", Options{})
		l, url := serveOn(t, s, tt.addr)
		port := strconv.Itoa(l.Port())
		if want := "http://" + tt.urlHost + ":" + port + "/repo/"; url != want {
			t.Errorf("Listen(%q): URL %q; want %q", tt.addr, url, want)
		}
		addr := net.JoinHostPort("::1", port)
		if status, body := rawRequest(t, addr, hostRequest("/repo/", "[::1]:"+port)); status != http.StatusOK || !strings.Contains(body, "<h1>Home</h1>") {
			t.Errorf("Listen(%q): GET /repo/ over [::1]: status %d; want 200 and the home page", tt.addr, status)
		}
	}
}
