package serve

import (
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReloadCanonical runs reload.js's canonical, which decides whether a
// reload event names the open page, in Node when it is installed: a page
// whose file name holds ? or # (its address %3F, %23) is named by the
// server's decoded path, and a % that is not an escape stays as it is.
func TestReloadCanonical(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		// .ci/run installs npm, and with it Node, for the HTML checker.
		if os.Getenv("CI") != "" {
			t.Fatalf("node is missing: %v", err)
		}
		t.Skip("node is not installed")
	}
	fn := regexp.MustCompile(`(?s)const canonical = .*?;\n\n`).FindString(reloadJS)
	if fn == "" {
		t.Fatal("reload.js has no canonical function")
	}
	in := []string{"/articles/q%3Fmark/", "/articles/q?mark/", "/articles/h%23sh/index.html", "/caf%C3%A9%20menu/", "/articles/100%/"}
	want := []string{"/articles/q?mark/", "/articles/q?mark/", "/articles/h#sh/", "/café menu/", "/articles/100%/"}
	arg, _ := json.Marshal(in)
	out, err := exec.Command(node, "-e", fn+"console.log(JSON.stringify("+string(arg)+".map(canonical)));").Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node printed %q: %v", out, err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("canonical(%q) = %q; want %q", in, got, want)
	}
}

// workerHarness runs reload-worker.js with a fake EventSource and fake
// pages, and prints what each page was sent ("kind id", or "kind" for an
// event without one) and the address of each stream the worker opened,
// with "closed" after the address of one it closed.
const workerHarness = `
class MessageEvent { constructor(data, id) { this.data = data; this.lastEventId = id; } }
const sources = [];
class EventSource {
	constructor(url) { this.url = url; this.on = {}; this.closed = false; sources.push(this); }
	addEventListener(kind, f) { (this.on[kind] = this.on[kind] || []).push(f); }
	close() { this.closed = true; }
	emit(kind, data, id) {
		const e = data === undefined ? { type: kind } : new MessageEvent(data, id === undefined ? "" : String(id));
		for (const f of this.on[kind] || []) f(e);
	}
}
let connect = null;
const self = { addEventListener(kind, f) { connect = f; } };
const got = {};
const pages = {};
const join = (name, since) => {
	got[name] = [];
	const port = {
		postMessage(m) { got[name].push(m.kind + (m.id === undefined ? "" : " " + m.id)); },
		addEventListener(kind, f) { this.message = f; },
		start() {},
	};
	pages[name] = port;
	connect({ ports: [port] });
	port.message({ data: { events: "http://127.0.0.1/repo/_plotline/events", since } });
};
const bye = (name) => pages[name].message({ data: { bye: true } });
const stream = () => sources[sources.length - 1];
new Function("self", "EventSource", "MessageEvent", WORKER)(self, EventSource, MessageEvent);

join("a", 3);                                   // opens the stream at generation 3
stream().emit("reload", '{"paths":["/repo/a/"]}', 4); // replayed by the server
join("b", 4);                                   // up to date
stream().emit("css", "{}", 5);
join("c", 3);                                   // served before 4, connected after 5
join("d", 6);                                   // served after 6, which is still on its way
stream().emit("reload", "{}", 6);
join("e", 1);                                   // served before the stream's start
stream().emit("error", '{"errors":["x.md:1:1: bad"]}');
join("f", 6);                                   // sees the error at once
stream().emit("ok", "{}");
join("g", 6);                                   // no error to see
for (const n of ["a", "b", "c", "d", "e", "f", "g"]) bye(n);
join("h", 7);                                   // a stream of its own, the first one closed
stream().emit("error");                         // the connection is lost...
stream().emit("open");                          // ...and opened again: the server restarted
console.log(JSON.stringify({ got, streams: sources.map((s) => s.url + (s.closed ? " closed" : "")) }));
`

// TestReloadWorker runs the shared worker of the live-reload client in
// Node, with fake pages and a fake event stream, when Node is installed:
// each page is sent the events it has not seen, once, those that came
// between the page and its connection included; a page served before the
// oldest event the worker knows reloads; a page that connects during a
// failed build sees the error; the stream closes with the last page, and
// after a lost connection every page reloads.
func TestReloadWorker(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("node is missing: %v", err)
		}
		t.Skip("node is not installed")
	}
	src, err := json.Marshal(workerJS)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, "-e", "const WORKER = "+string(src)+";\n"+workerHarness).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var got struct {
		Got     map[string][]string `json:"got"`
		Streams []string            `json:"streams"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node printed %q: %v", out, err)
	}
	want := map[string][]string{
		"a": {"reload 4", "css 5", "reload 6", "error", "ok"},
		"b": {"css 5", "reload 6", "error", "ok"},
		"c": {"reload 4", "css 5", "reload 6", "error", "ok"},
		"d": {"error", "ok"},
		"e": {"reload", "error", "ok"},
		"f": {"error", "ok"},
		"g": {},
		"h": {"restart"},
	}
	if diff := cmp.Diff(want, got.Got); diff != "" {
		t.Errorf("what each page was sent (-want +got):\n%s", diff)
	}
	wantStreams := []string{
		"http://127.0.0.1/repo/_plotline/events?since=3 closed",
		"http://127.0.0.1/repo/_plotline/events?since=7 closed",
	}
	if diff := cmp.Diff(wantStreams, got.Streams); diff != "" {
		t.Errorf("streams opened (-want +got):\n%s", diff)
	}
}
