package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The kinds of Event the reload client understands.
const (
	// KindReload asks pages whose path is among the event's Paths, or all
	// pages when Paths is empty, to reload. It also clears a build error.
	KindReload = "reload"
	// KindCSS asks pages to swap in fresh copies of the stylesheets among
	// Paths, or of all stylesheets when Paths is empty, without reloading.
	KindCSS = "css"
	// KindError tells pages that the build failed, with one message per
	// line in Errors; they show it over the page until the next KindOK or
	// KindReload. Pages that connect later get it at once.
	KindError = "error"
	// KindOK tells pages that the build succeeded again.
	KindOK = "ok"
)

// Event is a message to the pages that are open in browsers.
type Event struct {
	// Kind is one of KindReload, KindCSS, KindError and KindOK.
	Kind string `json:"kind"`
	// Paths are the URL paths that changed, base path included, such as
	// "/repo/articles/a/" or "/repo/theme/css/site.css".
	Paths []string `json:"paths,omitempty"`
	// Errors are the messages of a failed build, each formatted as
	// "path:line:col: message".
	Errors []string `json:"errors,omitempty"`
}

// encode formats ev as one Server-Sent Events message; a gen other than 0
// is its id field, the generation a reload or css event brings the pages
// to (see hub.gen), by which the reload client's shared worker tells the
// events a page has seen from those it has not.
func (ev Event) encode(gen uint64) []byte {
	data, _ := json.Marshal(ev) // an Event holds only strings: Marshal cannot fail
	kind := strings.ReplaceAll(strings.ReplaceAll(ev.Kind, "\n", ""), "\r", "")
	var id string
	if gen != 0 {
		id = "id: " + strconv.FormatUint(gen, 10) + "\n"
	}
	return fmt.Appendf(nil, "%sevent: %s\ndata: %s\n\n", id, kind, data)
}

// Publish sends ev to every open event stream. It never blocks on a slow
// stream: a stream whose buffer is full is dropped, and its page
// reconnects.
func (s *Server) Publish(ev Event) { s.hub.publish(ev) }

// client is one open event stream.
type client struct {
	msgs chan []byte
	gone chan struct{} // closed when the hub drops the client
}

// hub keeps the open event streams and the last build error.
type hub struct {
	max    int
	buffer int

	mu      sync.Mutex
	clients map[*client]struct{}
	lastErr []byte // the encoded KindError event to replay, or nil
	closed  bool
	// gen counts the events that change what pages show (KindReload and
	// KindCSS); recent holds the latest of them, gen's last first, for a
	// page served before one of them and connected after it.
	gen    uint64
	recent [][]byte
}

// generation returns the number of events so far that change what pages
// show. A page served now is up to date with them.
func (h *hub) generation() uint64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.gen
}

// newHub returns a hub for at most max streams with buffer queued events
// each.
func newHub(max, buffer int) *hub {
	return &hub{max: max, buffer: buffer, clients: make(map[*client]struct{})}
}

// join registers a new stream, queueing the last build error for it and,
// when since is known, the events a page served at that generation has
// missed: the page was served before a rebuild and connected after it.
// When more were missed than the hub keeps, a reload of every page stands
// for them. It returns false when the hub is full or closed.
func (h *hub) join(since uint64, known bool) (*client, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || len(h.clients) >= h.max {
		return nil, false
	}
	c := &client{msgs: make(chan []byte, h.buffer), gone: make(chan struct{})}
	if h.lastErr != nil {
		c.msgs <- h.lastErr
	}
	if known && since < h.gen {
		missed := h.gen - since
		if missed > uint64(len(h.recent)) || missed >= uint64(cap(c.msgs)-len(c.msgs)) {
			c.msgs <- Event{Kind: KindReload}.encode(h.gen)
		} else {
			for i := int(missed) - 1; i >= 0; i-- {
				c.msgs <- h.recent[i]
			}
		}
	}
	h.clients[c] = struct{}{}
	return c, true
}

// leave unregisters c, if the hub has not dropped it already.
func (h *hub) leave(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.drop(c)
}

// drop removes c and tells its stream to end. h.mu must be held.
func (h *hub) drop(c *client) {
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c.gone)
	}
}

// publish queues ev for every stream and remembers or clears the last
// build error.
func (h *hub) publish(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var msg []byte
	if ev.Kind == KindReload || ev.Kind == KindCSS {
		h.gen++
		msg = ev.encode(h.gen)
		h.recent = append([][]byte{msg}, h.recent[:min(len(h.recent), h.buffer-1)]...)
	} else {
		msg = ev.encode(0)
	}
	switch ev.Kind {
	case KindError:
		h.lastErr = msg
	case KindOK, KindReload:
		h.lastErr = nil
	}
	for c := range h.clients {
		select {
		case c.msgs <- msg:
		default:
			h.drop(c) // too slow: let it reconnect rather than block
		}
	}
}

// close drops every stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		h.drop(c)
	}
}

// serveEvents streams events to one page until the page goes away, the
// stream falls behind, or the Server is closed.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	since, err := strconv.ParseUint(r.URL.Query().Get("since"), 10, 64)
	c, ok := s.hub.join(since, err == nil)
	if !ok {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "too many event streams", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.leave(c)

	rc := http.NewResponseController(w)
	// The server's write timeout would end the stream: give each write a
	// deadline of its own instead, the last one bounding the end of the
	// response too. (net/http lifts the read deadline itself once the
	// request is read.) Not every ResponseWriter supports deadlines; the
	// stream then simply has none.
	defer func() { _ = rc.SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout)) }()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)

	// send writes msg and flushes it, within the write timeout.
	send := func(msg []byte) bool {
		_ = rc.SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout))
		if _, err := w.Write(msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	// The retry field makes the browser reconnect soon after a restart.
	if !send([]byte("retry: 1000\n\n")) {
		return
	}
	ping := time.NewTicker(s.opts.PingInterval)
	defer ping.Stop()
	for {
		var msg []byte
		select {
		case msg = <-c.msgs:
		case <-ping.C:
			msg = []byte(": ping\n\n")
		case <-c.gone:
			return
		case <-r.Context().Done():
			return
		}
		if !send(msg) {
			return
		}
	}
}
