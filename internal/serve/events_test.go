package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// streamTimeout bounds every wait on an event stream.
const streamTimeout = 5 * time.Second

// stream is an open event stream, read line by line.
type stream struct {
	body   io.ReadCloser
	r      *bufio.Reader
	cancel context.CancelFunc
}

// openStream connects to the event stream at url and reads the opening
// retry field, which the server sends once the stream is registered.
func openStream(t *testing.T, url string) *stream {
	t.Helper()
	s, status := tryStream(t, url)
	if status != http.StatusOK {
		t.Fatalf("GET %s: status %d; want 200", url, status)
	}
	return s
}

// tryStream is openStream, returning the status instead of failing when
// it is not 200.
func tryStream(t *testing.T, url string) (*stream, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), streamTimeout)
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, resp.StatusCode
	}
	if got := resp.Header.Get("Content-Type"); got != "text/event-stream" {
		t.Errorf("Content-Type %q; want text/event-stream", got)
	}
	s := &stream{body: resp.Body, r: bufio.NewReader(resp.Body), cancel: cancel}
	t.Cleanup(s.close)
	if line := s.line(t); !strings.HasPrefix(line, "retry: ") {
		t.Fatalf("first line %q; want a retry field", line)
	}
	if line := s.line(t); line != "" {
		t.Fatalf("second line %q; want a blank line", line)
	}
	return s, resp.StatusCode
}

func (s *stream) close() {
	s.cancel()
	s.body.Close()
}

// line reads one line, without its newline.
func (s *stream) line(t *testing.T) string {
	t.Helper()
	line, err := s.r.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the stream: %v", err)
	}
	return strings.TrimSuffix(line, "\n")
}

// next reads the next event, skipping comments, and returns its kind and
// decoded data.
func (s *stream) next(t *testing.T) (string, Event) {
	t.Helper()
	kind, _, ev := s.nextID(t)
	return kind, ev
}

// nextID is next, which also returns the event's id field ("" without
// one).
func (s *stream) nextID(t *testing.T) (kind, id string, ev Event) {
	t.Helper()
	var data string
	for {
		line := s.line(t)
		switch {
		case line == "" && kind != "":
			if err := json.Unmarshal([]byte(data), &ev); err != nil {
				t.Fatalf("event data %q: %v", data, err)
			}
			return kind, id, ev
		case strings.HasPrefix(line, ":"):
		case strings.HasPrefix(line, "id: ") && kind == "" && id == "":
			id = strings.TrimPrefix(line, "id: ")
		case strings.HasPrefix(line, "event: "):
			kind = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		default:
			t.Fatalf("unexpected line %q", line)
		}
	}
}

// newEventServer starts s on a test server and returns the URL of its
// event stream.
func newEventServer(t *testing.T, s *Server) string {
	t.Helper()
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close) // runs first, so that ts.Close does not wait on streams
	return ts.URL + "/repo/_plotline/events"
}

func TestPublish(t *testing.T) {
	s := New(t.TempDir(), "/repo/", Options{})
	url := newEventServer(t, s)
	a := openStream(t, url)
	b := openStream(t, url)

	events := []Event{
		{Kind: KindReload, Paths: []string{"/repo/articles/a/"}},
		{Kind: KindCSS, Paths: []string{"/repo/theme/css/site.css"}},
		{Kind: KindError, Errors: []string{`content/a.md:3:7: date: cannot parse "next tuesday"`, "content/b.md:1:1: <script>alert(1)</script>"}},
		{Kind: KindOK},
		{Kind: KindReload},
	}
	for _, want := range events {
		s.Publish(want)
		for name, st := range map[string]*stream{"a": a, "b": b} {
			kind, got := st.next(t)
			if kind != want.Kind {
				t.Errorf("stream %s: event kind %q; want %q", name, kind, want.Kind)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("stream %s: event mismatch (-want +got):\n%s", name, diff)
			}
		}
	}
}

func TestEventKindHasNoNewline(t *testing.T) {
	got := string(Event{Kind: "re\nload\r"}.encode(0))
	if want := "event: reload\ndata: "; !strings.HasPrefix(got, want) {
		t.Errorf("encode() = %q; want it to start with %q", got, want)
	}
	if got := strings.Count(got, "\n"); got != 3 {
		t.Errorf("encode() has %d newlines; want 3", got)
	}
}

func TestErrorReplayedToLateSubscriber(t *testing.T) {
	s := New(t.TempDir(), "/repo/", Options{})
	url := newEventServer(t, s)

	broken := Event{Kind: KindError, Errors: []string{"content/a.md:2:1: unknown field"}}
	s.Publish(Event{Kind: KindError, Errors: []string{"content/a.md:1:1: older"}})
	s.Publish(broken)
	late := openStream(t, url)
	kind, got := late.next(t)
	if kind != KindError {
		t.Fatalf("first event kind %q; want %q", kind, KindError)
	}
	if diff := cmp.Diff(broken, got); diff != "" {
		t.Errorf("replayed event mismatch (-want +got):\n%s", diff)
	}

	for _, clear := range []Event{{Kind: KindOK}, {Kind: KindReload}} {
		s.Publish(broken)
		s.Publish(clear)
		later := openStream(t, url)
		s.Publish(Event{Kind: KindCSS})
		if kind, _ := later.next(t); kind != KindCSS {
			t.Errorf("after %q, first event kind %q; want %q (no replay)", clear.Kind, kind, KindCSS)
		}
	}
}

func TestMaxClients(t *testing.T) {
	s := New(t.TempDir(), "/repo/", Options{MaxClients: 2})
	url := newEventServer(t, s)
	first := openStream(t, url)
	openStream(t, url)
	if _, status := tryStream(t, url); status != http.StatusServiceUnavailable {
		t.Fatalf("third stream: status %d; want 503", status)
	}

	first.close()
	// The server notices the closed connection on its own schedule; try
	// again until the slot is free.
	deadline := time.Now().Add(streamTimeout)
	for {
		_, status := tryStream(t, url)
		if status == http.StatusOK {
			break
		}
		if status != http.StatusServiceUnavailable || time.Now().After(deadline) {
			t.Fatalf("stream after a disconnect: status %d; want 200", status)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got := s.hub.len(); got != 2 {
		t.Errorf("open streams = %d; want 2", got)
	}
}

func TestSlowClientDropped(t *testing.T) {
	h := newHub(4, 2)
	slow, _ := h.join(0, false)
	fast, _ := h.join(0, false)

	published := make(chan struct{})
	go func() {
		defer close(published)
		for range 3 {
			h.publish(Event{Kind: KindReload})
			<-fast.msgs
		}
	}()
	select {
	case <-published:
	case <-time.After(streamTimeout):
		t.Fatal("publish blocked on a slow client")
	}
	select {
	case <-slow.gone:
	default:
		t.Error("slow client not dropped")
	}
	select {
	case <-fast.gone:
		t.Error("fast client dropped")
	default:
	}
	if got := h.len(); got != 1 {
		t.Errorf("clients = %d; want 1", got)
	}
	h.leave(slow) // leaving after being dropped is harmless
	h.leave(fast)
	if got := h.len(); got != 0 {
		t.Errorf("clients after leave = %d; want 0", got)
	}
}

func TestCloseEndsStreams(t *testing.T) {
	s := New(t.TempDir(), "/repo/", Options{})
	url := newEventServer(t, s)
	a := openStream(t, url)
	b := openStream(t, url)
	s.Close()
	for name, st := range map[string]*stream{"a": a, "b": b} {
		rest, err := io.ReadAll(st.r)
		if err != nil {
			t.Errorf("stream %s: %v; want it ended cleanly", name, err)
		}
		if len(rest) != 0 {
			t.Errorf("stream %s: got %q after Close; want nothing", name, rest)
		}
	}
	if _, status := tryStream(t, url); status != http.StatusServiceUnavailable {
		t.Errorf("stream after Close: status %d; want 503", status)
	}
	s.Publish(Event{Kind: KindReload}) // harmless after Close
}

func TestPing(t *testing.T) {
	s := New(t.TempDir(), "/repo/", Options{PingInterval: 10 * time.Millisecond})
	st := openStream(t, newEventServer(t, s))
	var lines []string
	for range 2 {
		lines = append(lines, st.line(t), st.line(t))
	}
	if want := []string{": ping", "", ": ping", ""}; !slices.Equal(lines, want) {
		t.Errorf("lines %q; want %q", lines, want)
	}
}

func TestListenAndServe(t *testing.T) {
	s := New(writeSite(t), "/repo/", Options{})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()

	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.ListenAndServe(ctx, "127.0.0.1:0", func(url string) { urls <- url }) }()

	var url string
	select {
	case url = <-urls:
	case err := <-done:
		t.Fatalf("ListenAndServe() = %v before it was ready", err)
	case <-time.After(streamTimeout):
		t.Fatal("ListenAndServe never ready")
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/repo/") {
		t.Errorf("ready URL %q; want http://127.0.0.1:PORT/repo/", url)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "<h1>Home</h1>") {
		t.Errorf("GET %s: body %q; want the home page", url, body)
	}

	st := openStream(t, url+"_plotline/events")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ListenAndServe() = %v; want nil", err)
		}
	case <-time.After(streamTimeout):
		t.Fatal("ListenAndServe did not return after cancel")
	}
	if _, err := io.ReadAll(st.r); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("stream after shutdown: %v; want it ended", err)
	}
	if _, err := http.Get(url); err == nil {
		t.Error("GET after shutdown succeeded; want the server gone")
	}
}

func TestSiteURL(t *testing.T) {
	s := New(t.TempDir(), "/", Options{})
	ctx, cancel := context.WithCancel(t.Context())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.ListenAndServe(ctx, ":0", func(url string) { urls <- url }) }()
	select {
	case url := <-urls:
		if !strings.HasPrefix(url, "http://localhost:") || !strings.HasSuffix(url, "/") {
			t.Errorf("ready URL %q; want http://localhost:PORT/", url)
		}
	case err := <-done:
		t.Fatalf("ListenAndServe() = %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("ListenAndServe() = %v; want nil", err)
	}
}

// len returns the number of open streams.
func (h *hub) len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// TestMissedEventsReplayed serves a page, publishes the reload of a
// rebuild that ends before the page opens its event stream, and then
// connects as the page does, with the generation its script tag names:
// the page is told of the rebuild it missed, and of nothing older. A page
// that missed more than the server keeps is told to reload.
func TestMissedEventsReplayed(t *testing.T) {
	dir := writeSite(t)
	s := New(dir, "/repo/", Options{ClientBuffer: 4})
	url := newEventServer(t, s)
	h := s.Handler()
	s.Publish(Event{Kind: KindReload, Paths: []string{"/repo/old/"}})

	_, body := do(t, h, "GET", "/repo/articles/a/")
	since := regexp.MustCompile(`data-since="(\d+)"`).FindStringSubmatch(body)
	if since == nil || since[1] != "1" {
		t.Fatalf("the page's script tag names generation %q; want 1\n%s", since, body)
	}
	missed := Event{Kind: KindReload, Paths: []string{"/repo/articles/a/"}}
	s.Publish(missed)
	page := openStream(t, url+"?since="+since[1])
	s.Publish(Event{Kind: KindOK})
	if kind, got := page.next(t); kind != KindReload || !slices.Equal(got.Paths, missed.Paths) {
		t.Errorf("first event of a page served before the rebuild: %s %q; want the reload of %q", kind, got.Paths, missed.Paths)
	}
	if kind, _ := page.next(t); kind != KindOK {
		t.Errorf("second event: %s; want ok, the next one published", kind)
	}

	// Up to date: nothing is replayed.
	current := openStream(t, url+"?since=2")
	s.Publish(Event{Kind: KindOK})
	if kind, _ := current.next(t); kind != KindOK {
		t.Errorf("first event of an up-to-date page: %s; want ok", kind)
	}

	// More missed than the server keeps: a reload of every page.
	for range 5 {
		s.Publish(Event{Kind: KindCSS})
	}
	old := openStream(t, url+"?since=1")
	if kind, got := old.next(t); kind != KindReload || len(got.Paths) != 0 {
		t.Errorf("first event of a page that missed six events: %s %q; want a reload of every page", kind, got.Paths)
	}
}

// TestEventGenerations checks the id field of the events: a reload or css
// event carries the generation it brings the pages to, counted from 1 as
// the script tag's data-since counts them; an error or ok event, which
// changes no page, carries none. A replayed event keeps its id, and the
// reload that stands for more missed events than the server keeps has the
// latest generation.
func TestEventGenerations(t *testing.T) {
	s := New(t.TempDir(), "/repo/", Options{ClientBuffer: 4})
	url := newEventServer(t, s)
	st := openStream(t, url)
	for _, want := range []struct{ kind, id string }{
		{KindReload, "1"}, {KindError, ""}, {KindCSS, "2"}, {KindOK, ""}, {KindReload, "3"},
	} {
		s.Publish(Event{Kind: want.kind})
		if kind, id, _ := st.nextID(t); kind != want.kind || id != want.id {
			t.Errorf("published %s: got %s with id %q; want id %q", want.kind, kind, id, want.id)
		}
	}

	late := openStream(t, url+"?since=1")
	for _, want := range []struct{ kind, id string }{{KindCSS, "2"}, {KindReload, "3"}} {
		if kind, id, _ := late.nextID(t); kind != want.kind || id != want.id {
			t.Errorf("replayed: %s with id %q; want %s with id %q", kind, id, want.kind, want.id)
		}
	}

	for range 5 {
		s.Publish(Event{Kind: KindCSS})
	}
	old := openStream(t, url+"?since=1")
	if kind, id, ev := old.nextID(t); kind != KindReload || id != "8" || len(ev.Paths) != 0 {
		t.Errorf("a page that missed seven events: %s %q with id %q; want a reload of every page with id 8", kind, ev.Paths, id)
	}
}
