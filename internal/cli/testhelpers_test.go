package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// lineLog collects the lines a command prints; it is safe for concurrent
// use.
type lineLog struct {
	mu    sync.Mutex
	lines []string
	part  []byte
}

// Write implements io.Writer.
func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.part = append(l.part, p...)
	for {
		i := bytes.IndexByte(l.part, '\n')
		if i < 0 {
			break
		}
		l.lines = append(l.lines, string(l.part[:i]))
		l.part = l.part[i+1:]
	}
	return len(p), nil
}

func (l *lineLog) add(line string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, line)
}

// String returns everything written so far.
func (l *lineLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n") + string(l.part)
}

// testServer is one run of "plotline serve" inside the test process.
type testServer struct {
	dir    string // the site folder
	dest   string // the output folder it serves
	url    string // the site's URL, base path included, ending in a slash
	stdout lineLog
	stderr lineLog

	cancel context.CancelFunc
	exit   chan int      // receives Main's exit code
	copied chan struct{} // closed when stdout has been read to the end
	client *http.Client

	once sync.Once
	code int
}

var servingRE = regexp.MustCompile(`^serving (.+) at (http://\S+) \(Ctrl-C to stop\)$`)

// startServe runs "plotline serve -s dir --port 0", with the flags args
// after, and waits, up to timeout (raceSlowdown times it under the race
// detector), for it to print the URL it listens on. The server is stopped
// when the test ends.
func startServe(tb testing.TB, dir string, timeout time.Duration, args ...string) *testServer {
	tb.Helper()
	timeout *= raceSlowdown
	ctx, cancel := context.WithCancel(context.Background())
	s := &testServer{
		dir:    dir,
		cancel: cancel,
		exit:   make(chan int, 1),
		copied: make(chan struct{}),
		client: &http.Client{
			Transport: &http.Transport{DisableKeepAlives: true},
			Timeout:   10 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			},
		},
	}
	pr, pw := io.Pipe()
	go func() {
		code := Main(ctx, append([]string{"serve", "-s", dir, "--port", "0"}, args...), pw, &s.stderr)
		pw.Close()
		s.exit <- code
	}()
	urls := make(chan [2]string, 1)
	go func() {
		defer close(s.copied)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			line := sc.Text()
			s.stdout.add(line)
			if m := servingRE.FindStringSubmatch(line); m != nil {
				select {
				case urls <- [2]string{m[1], m[2]}:
				default:
				}
			}
		}
		io.Copy(io.Discard, pr)
	}()
	tb.Cleanup(func() { s.stop(tb) })

	select {
	case u := <-urls:
		s.dest, s.url = u[0], u[1]
	case code := <-s.exit:
		s.exit <- code
		tb.Fatalf("plotline serve exited with %d before listening\nstdout:\n%s\nstderr:\n%s", code, s.stdout.String(), s.stderr.String())
	case <-time.After(timeout):
		tb.Fatalf("plotline serve printed no URL within %v\nstdout:\n%s\nstderr:\n%s", timeout, s.stdout.String(), s.stderr.String())
	}
	return s
}

// stop cancels the server's context, as Ctrl-C does, and returns Main's
// exit code. It fails the test if Main does not return within 10 s.
func (s *testServer) stop(tb testing.TB) int {
	s.once.Do(func() {
		s.cancel()
		select {
		case s.code = <-s.exit:
		case <-time.After(10 * time.Second):
			s.code = -1
			tb.Errorf("plotline serve did not return within 10 s of its context being cancelled")
			return
		}
		<-s.copied
		s.client.CloseIdleConnections()
	})
	return s.code
}

// get fetches rel, a path relative to the site's URL, and returns the
// status and body.
func (s *testServer) get(tb testing.TB, rel string) (int, string) {
	tb.Helper()
	return s.getURL(tb, s.url+rel)
}

// getURL fetches u, a whole URL, and returns the status and body.
func (s *testServer) getURL(tb testing.TB, u string) (int, string) {
	tb.Helper()
	resp, err := s.client.Get(u)
	if err != nil {
		tb.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("GET %s: reading the body: %v", u, err)
	}
	return resp.StatusCode, string(body)
}

// sseEvent is one message of the live-reload event stream.
type sseEvent struct {
	Name   string    `json:"-"` // the "event:" field
	Kind   string    `json:"kind"`
	Paths  []string  `json:"paths"`
	Errors []string  `json:"errors"`
	At     time.Time `json:"-"` // when the message was read
}

func (ev sseEvent) String() string {
	s := ev.Kind
	if len(ev.Paths) > 0 {
		s += " " + strings.Join(ev.Paths, ",")
	}
	if len(ev.Errors) > 0 {
		s += fmt.Sprintf(" %q", ev.Errors)
	}
	return s
}

// reloads reports whether ev reloads the page at the URL path p.
func (ev sseEvent) reloads(p string) bool {
	return ev.Kind == "reload" && (len(ev.Paths) == 0 || slices.Contains(ev.Paths, p))
}

// eventStream reads one connection to the event stream.
type eventStream struct {
	ch     chan sseEvent // closed when the stream ends
	cancel context.CancelFunc
	done   chan struct{}
	errs   lineLog // malformed messages
}

// events opens the live-reload event stream and returns once the server
// has registered it (it has sent its "retry:" line). It is closed when
// the test ends.
func (s *testServer) events(tb testing.TB) *eventStream {
	tb.Helper()
	return s.eventsAt(tb, "")
}

// eventsAt is events for a site served under the base path base, such
// as "/desk/", rather than where it was first served; "" is that place.
func (s *testServer) eventsAt(tb testing.TB, base string) *eventStream {
	tb.Helper()
	u := s.url
	if base != "" {
		pu, err := url.Parse(s.url)
		if err != nil {
			tb.Fatal(err)
		}
		u = pu.Scheme + "://" + pu.Host + base
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u+"_plotline/events", nil)
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	client := &http.Client{Transport: s.client.Transport}
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		tb.Fatalf("connecting to the event stream: %v", err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		resp.Body.Close()
		cancel()
		tb.Fatalf("event stream: status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	es := &eventStream{ch: make(chan sseEvent, 4096), cancel: cancel, done: make(chan struct{})}
	joined := make(chan struct{})
	go func() {
		defer close(es.done)
		defer close(es.ch)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var name, data string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "retry:"):
				select {
				case <-joined:
				default:
					close(joined)
				}
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = strings.TrimPrefix(line, "data: ")
			case line == "" && data != "":
				ev := sseEvent{Name: name, At: time.Now()}
				if err := json.Unmarshal([]byte(data), &ev); err != nil || ev.Kind != name {
					es.errs.add(fmt.Sprintf("bad message: event %q, data %q (%v)", name, data, err))
				}
				es.ch <- ev
				name, data = "", ""
			}
		}
	}()
	tb.Cleanup(es.close)
	select {
	case <-joined:
	case <-es.done:
		tb.Fatal("the event stream ended before its retry line")
	case <-time.After(5 * time.Second):
		es.close()
		tb.Fatal("no retry line on the event stream within 5 s")
	}
	return es
}

// ended reports whether the stream has ended: the server dropped it, or
// it was closed.
func (es *eventStream) ended() bool {
	select {
	case <-es.done:
		return true
	default:
		return false
	}
}

// close disconnects the stream and waits for its reader to end.
func (es *eventStream) close() {
	es.cancel()
	<-es.done
}

// next returns the next event, or false if none comes within timeout or
// the stream ends.
func (es *eventStream) next(timeout time.Duration) (sseEvent, bool) {
	select {
	case ev, ok := <-es.ch:
		return ev, ok
	case <-time.After(timeout):
		return sseEvent{}, false
	}
}

// waitFor returns the first event for which match is true, logging the
// ones it skips, and fails the test if none comes within timeout.
func (es *eventStream) waitFor(tb testing.TB, timeout time.Duration, what string, match func(sseEvent) bool) sseEvent {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ev, ok := es.next(time.Until(deadline))
		if !ok {
			tb.Fatalf("no %s event within %v", what, timeout)
		}
		if match(ev) {
			return ev
		}
		tb.Logf("skipping event %s while waiting for %s", ev, what)
	}
}

// settle reads events until none has come for quiet, or until max has
// passed, which fails the test; it returns the events read.
func (es *eventStream) settle(tb testing.TB, quiet, max time.Duration) []sseEvent {
	tb.Helper()
	var evs []sseEvent
	deadline := time.Now().Add(max)
	for {
		ev, ok := es.next(quiet)
		if !ok {
			return evs
		}
		evs = append(evs, ev)
		if time.Now().After(deadline) {
			tb.Fatalf("events still coming after %v: last %s", max, ev)
		}
	}
}

// writeSite writes files, slash paths relative to dir, into dir.
func writeSite(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, data := range files {
		writeFile(tb, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
}

// writeFile writes data at p, making its folder.
func writeFile(tb testing.TB, p, data string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// readTree returns the files below root by slash path, and its folders
// with a trailing slash and empty contents.
func readTree(tb testing.TB, root string) map[string][]byte {
	tb.Helper()
	tree := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			tree[rel+"/"] = nil
			return nil
		}
		data, err := os.ReadFile(p)
		tree[rel] = data
		return err
	})
	if err != nil {
		tb.Fatalf("reading %s: %v", root, err)
	}
	return tree
}

// diffTrees describes how the trees got and want differ, or returns "".
func diffTrees(got, want map[string][]byte) string {
	var b strings.Builder
	for _, name := range sortedKeys(want) {
		g, ok := got[name]
		switch {
		case !ok:
			fmt.Fprintf(&b, "missing: %s\n", name)
		case !bytes.Equal(g, want[name]):
			fmt.Fprintf(&b, "differs: %s: %s\n", name, firstDifference(g, want[name]))
		}
	}
	for _, name := range sortedKeys(got) {
		if _, ok := want[name]; !ok {
			fmt.Fprintf(&b, "extra: %s\n", name)
		}
	}
	return b.String()
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// firstDifference shows the first line on which got and want differ.
func firstDifference(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d: got %.200q; want %.200q", i+1, gl, wl)
		}
	}
	return "same lines, different bytes"
}

// checkNoLeaks fails the test if, 5 s after it is called, goroutines
// running plotline code, other than the test's own, are still alive.
func checkNoLeaks(tb testing.TB) {
	tb.Helper()
	var leaked []string
	deadline := time.Now().Add(5 * time.Second)
	for {
		leaked = leaked[:0]
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "github.com/plotline/plotline/internal/") &&
				!strings.Contains(g, "checkNoLeaks") &&
				!strings.Contains(g, "testing.tRunner") {
				leaked = append(leaked, g)
			}
		}
		if len(leaked) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(leaked) > 0 {
		tb.Errorf("%d goroutines outlived the server:\n\n%s", len(leaked), strings.Join(leaked, "\n\n"))
	}
}
