package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline"
)

// eventWait bounds the wait for an event the test is sure to get: long,
// since a full rebuild on a loaded machine takes seconds, and a wait ends
// as soon as the event comes.
const eventWait = 30 * time.Second * raceSlowdown

// serveSite is the site the serve tests start from: an article with a data
// block and a chart, a plain article, a page, twenty short articles for
// the burst of edits, and the theme's stylesheet.
func serveSite(tb testing.TB) map[string]string {
	tb.Helper()
	css, err := fs.ReadFile(plotline.Defaults(), "theme/css/plotline.css")
	if err != nil {
		tb.Fatal(err)
	}
	files := map[string]string{
		"plotline.yaml": "title: Serve Test Desk\n" +
			"description: A site for testing plotline serve.\n" +
			"base_url: https://example.github.io/repo/\n",
		"content/articles/a.md":  alpha("The reservoir held steady through the winter."),
		"content/articles/b.md":  "---\ntitle: \"Bravo\"\ndate: 2025-02-01\ndescription: \"The second article.\"\n---\n\nBravo's body, soon to be deleted.\n",
		"content/about.md":       "---\ntitle: About\ndate: 2025-01-01\ntype: page\n---\n\nAbout this test site.\n",
		"theme/css/plotline.css": string(css),
	}
	for k := range 20 {
		files[fmt.Sprintf("content/burst/p%02d.md", k)] = burstArticle(k, 0)
	}
	files["content/shared/level.csv"] = sharedCSV(0)
	for k := range sharedArticles {
		files[fmt.Sprintf("content/shared/s%03d.md", k)] = fmt.Sprintf(`---
title: "Shared %d"
date: 2024-06-%02d
data:
  level:
    unit: megalitres
    csv: level.csv
    projection:
      start: last
      rate: fit
      per: day
      limit: 5000
---

Shared article %d reads level.csv: the level is {{ level.last.value }} megalitres.

`+"```chart\ndata: level\ntitle: Level %d\n```\n", k, 1+k%28, k, k)
	}
	return files
}

// sharedArticles is how many articles read content/shared/level.csv, so
// that an edit of it makes a rebuild that takes a while.
const sharedArticles = 100

// sharedCSV returns version v of the CSV the shared articles read.
func sharedCSV(v int) string {
	var b strings.Builder
	b.WriteString("date,value,label,source\n")
	for i := range 12 {
		fmt.Fprintf(&b, "2024-%02d-01,%d,Month start,Test office\n", i+1, 100+i*(10+v))
	}
	return b.String()
}

// alpha returns the article with a data block, its date on line 3, and
// body as its first paragraph.
func alpha(body string) string {
	return `---
title: "Alpha"
date: 2025-03-01
description: "Water in the reservoir, projected."
tags: [water]
data:
  level:
    unit: megalitres
    series:
      - {date: 2025-01-01, value: 100}
      - {date: 2025-01-15, value: 130}
      - {date: 2025-02-01, value: 160}
    projection:
      start: last
      rate: fit
      per: day
      limit: 400
---

` + body + `

The level rose to {{ level.last.value }} megalitres.

` + "```chart\ndata: level\ntitle: Reservoir level\n```\n"
}

// burstArticle returns version v of the k-th burst article; its date and
// tag change with v, so the lists change too.
func burstArticle(k, v int) string {
	return fmt.Sprintf("---\ntitle: \"Burst %d\"\ndate: 2025-01-%02d\ntags: [burst, t%d]\n---\n\nBurst article %d, edit %d.\n",
		k, 1+(v*7+k)%28, (k+v)%3, k, v)
}

// TestServe runs "plotline serve" on a small site and checks, step by
// step, what a writer sees while editing it: the live-reload events and
// the pages served.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, serveSite(t))
	s := startServe(t, dir, 30*time.Second)
	if want := filepath.Join(dir, "public"); s.dest != want {
		t.Errorf("serving %s; want %s", s.dest, want)
	}
	if !strings.HasSuffix(s.url, "/repo/") {
		t.Fatalf("serving at %s; want a URL under /repo/", s.url)
	}
	t.Logf("serving at %s", s.url)
	es := s.events(t)
	site := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	// Each step starts after the events of the one before have died down.
	settle := func(t *testing.T) { es.settle(t, 300*time.Millisecond, 20*time.Second) }

	if code, body := s.get(t, "articles/a/"); code != 200 || !strings.Contains(body, "held steady") {
		t.Fatalf("GET articles/a/ = %d before any edit; want 200 with the article's text", code)
	}

	t.Run("edit", func(t *testing.T) {
		settle(t)
		start := time.Now()
		writeFile(t, site("content/articles/a.md"), alpha("The reservoir rose sharply in the spring."))
		ev := es.waitFor(t, eventWait, "reload of /repo/articles/a/", func(ev sseEvent) bool { return ev.reloads("/repo/articles/a/") })
		t.Logf("edit to reload event: %v (debounce %v)", ev.At.Sub(start), debounce)
		code, body := s.get(t, "articles/a/")
		if code != 200 || !strings.Contains(body, "rose sharply") || strings.Contains(body, "held steady") {
			t.Errorf("GET articles/a/ after the reload event = %d, new text served: %v, old text served: %v; want 200 with only the new text",
				code, strings.Contains(body, "rose sharply"), strings.Contains(body, "held steady"))
		}
		if !regexp.MustCompile(`<script src="/repo/_plotline/reload.js" defer data-since="\d+"></script></body>`).MatchString(body) {
			t.Errorf("GET articles/a/: no live-reload script before </body>")
		}
	})

	t.Run("new article in a new folder", func(t *testing.T) {
		settle(t)
		writeFile(t, site("content/notes/new.md"), "---\ntitle: \"A Brand New Note\"\ndate: 2025-04-01\n---\n\nFresh from a folder that did not exist.\n")
		es.waitFor(t, eventWait, "reload of /repo/notes/new/", func(ev sseEvent) bool { return ev.reloads("/repo/notes/new/") })
		if code, body := s.get(t, "notes/new/"); code != 200 || !strings.Contains(body, "Fresh from a folder") {
			t.Errorf("GET notes/new/ = %d; want 200 with the note's text", code)
		}
		if _, home := s.get(t, ""); !strings.Contains(home, `href="/repo/notes/new/"`) || !strings.Contains(home, "A Brand New Note") {
			t.Errorf("the home page does not link to the new note")
		}
	})

	t.Run("deleted article", func(t *testing.T) {
		settle(t)
		if _, home := s.get(t, ""); !strings.Contains(home, `href="/repo/articles/b/"`) {
			t.Fatalf("the home page does not link to articles/b/ before it is deleted")
		}
		if err := os.Remove(site("content/articles/b.md")); err != nil {
			t.Fatal(err)
		}
		es.waitFor(t, eventWait, "reload of /repo/articles/b/", func(ev sseEvent) bool { return ev.reloads("/repo/articles/b/") })
		if code, body := s.get(t, "articles/b/"); code != 404 || strings.Contains(body, "soon to be deleted") {
			t.Errorf("GET articles/b/ after deleting it = %d; want 404 without its text", code)
		}
		if _, home := s.get(t, ""); strings.Contains(home, "/repo/articles/b/") || strings.Contains(home, "Bravo") {
			t.Errorf("the home page still lists the deleted article")
		}
	})

	t.Run("editor save by rename", func(t *testing.T) {
		for i, tmp := range []string{"content/articles/.a.md.swp", "content/articles/a.md.tmp~"} {
			settle(t)
			text := fmt.Sprintf("Saved through %s, round %d.", filepath.Base(tmp), i)
			start := time.Now()
			writeFile(t, site(tmp), alpha(text))
			if err := os.Rename(site(tmp), site("content/articles/a.md")); err != nil {
				t.Fatal(err)
			}
			ev := es.waitFor(t, eventWait, "reload of /repo/articles/a/", func(ev sseEvent) bool { return ev.reloads("/repo/articles/a/") })
			t.Logf("%s renamed over a.md: reload after %v", tmp, ev.At.Sub(start))
			if code, body := s.get(t, "articles/a/"); code != 200 || !strings.Contains(body, text) {
				t.Errorf("GET articles/a/ after saving through %s = %d; want 200 with %q", tmp, code, text)
			}
		}
		// An editor's temporary file on its own changes nothing.
		settle(t)
		writeFile(t, site("content/articles/.a.md.swp"), "half-typed")
		writeFile(t, site("content/articles/4913"), "")
		if evs := es.settle(t, 500*time.Millisecond, 5*time.Second); len(evs) > 0 {
			t.Errorf("editor temporary files caused events: %v", evs)
		}
		os.Remove(site("content/articles/.a.md.swp"))
		os.Remove(site("content/articles/4913"))
	})

	t.Run("burst of edits", func(t *testing.T) {
		// Each variant edits the twenty burst articles in ten rounds and
		// ends with every article at a known last version; the served
		// output must then equal a clean build.
		variants := []struct {
			name string
			gap  time.Duration // between rounds
			csv  bool          // each round also edits level.csv
			last func(k int) int
		}{
			// Back to back: one long burst.
			{name: "back to back", last: func(k int) int { return 1180 + k }},
			// Rounds a little more than the debounce window apart, so
			// each makes its own change set.
			{name: "in rounds", gap: debounce + 5*time.Millisecond, last: func(k int) int { return 2180 + k }},
			// Two articles and the CSV that a hundred articles read in
			// every round: each rebuild takes longer than the gap, so the
			// next change set cancels it, and the cancelled build's
			// changes must be built with the next ones.
			{name: "cancelling builds", gap: debounce + 5*time.Millisecond, csv: true, last: func(k int) int { return 3000 + 20*(k%10) + k }},
		}
		for n, v := range variants {
			settle(t)
			start := time.Now()
			for round := range 10 {
				if v.csv {
					writeFile(t, site("content/shared/level.csv"), sharedCSV(100*n+round))
				}
				for k := range 20 {
					if v.csv && k%10 != round {
						// Two articles a round, so that a round whose
						// changes are lost leaves two articles stale.
						continue
					}
					writeFile(t, site(fmt.Sprintf("content/burst/p%02d.md", k)), burstArticle(k, 1000*(n+1)+round*20+k))
				}
				time.Sleep(v.gap)
			}
			t.Logf("%s: edits written in %v", v.name, time.Since(start))
			// Every article eventually shows its last version; then the
			// events die down. The wait is for liveness, not speed: under
			// the load of the whole test run a rebuild of the hundred
			// articles that read the CSV (their preview images too) has
			// taken 21 s where it takes one alone.
			deadline := time.Now().Add(60 * time.Second)
			for k := 0; k < 20; {
				want := fmt.Sprintf("Burst article %d, edit %d.", k, v.last(k))
				if _, body := s.get(t, fmt.Sprintf("burst/p%02d/", k)); strings.Contains(body, want) {
					k++
					continue
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s: burst/p%02d/ does not show its last edit %q 60 s after the burst", v.name, k, want)
				}
				time.Sleep(20 * time.Millisecond)
			}
			evs := es.settle(t, 500*time.Millisecond, 20*time.Second)
			if len(evs) == 0 {
				// The event of the last build is sent after its pages
				// are served: on a loaded machine, seconds after.
				if ev, ok := es.next(20 * time.Second); ok {
					evs = append([]sseEvent{ev}, es.settle(t, 500*time.Millisecond, 20*time.Second)...)
				}
			}
			kinds := map[string]int{}
			for _, ev := range evs {
				kinds[ev.Kind]++
				if ev.Kind == "error" {
					// A build may read a file its editor is halfway
					// through writing; the next change set fixes it.
					t.Logf("%s: transient %s", v.name, ev)
				}
			}
			t.Logf("%s: %d events, quiet %v after the first edit: %v", v.name, len(evs), time.Since(start), kinds)
			switch {
			case len(evs) == 0 && es.ended():
				// The server drops a stream that falls behind, for the
				// page to reconnect, as it may on a loaded machine: so
				// does the test, for the variants after this one.
				t.Logf("%s: the event stream was dropped as too slow; reconnecting", v.name)
				es = s.events(t)
			case len(evs) == 0:
				t.Fatalf("%s: no events after the burst", v.name)
			default:
				if last := evs[len(evs)-1]; last.Kind != "reload" && last.Kind != "ok" {
					t.Errorf("%s: the last event after the burst is %s; want reload or ok", v.name, last)
				}
			}

			clean := filepath.Join(t.TempDir(), "public")
			var out, errOut lineLog
			if code := Main(context.Background(), []string{"build", "-s", dir, "-d", clean}, &out, &errOut); code != 0 {
				t.Fatalf("plotline build = %d\n%s", code, errOut.String())
			}
			if diff := diffTrees(readTree(t, s.dest), readTree(t, clean)); diff != "" {
				t.Errorf("%s: served output after the burst differs from a clean build (got served, want clean):\n%s", v.name, diff)
			}
		}
	})

	t.Run("broken front matter", func(t *testing.T) {
		settle(t)
		_, before := s.get(t, "articles/a/")
		old := "Saved through a.md.tmp~, round 1."
		if !strings.Contains(before, old) {
			t.Fatalf("articles/a/ does not show %q before the error", old)
		}
		broken := strings.Replace(alpha("This text must not be served."), "date: 2025-03-01", "date: next tuesday", 1)
		writeFile(t, site("content/articles/a.md"), broken)
		ev := es.waitFor(t, eventWait, "error", func(ev sseEvent) bool { return ev.Kind == "error" })
		const want = "content/articles/a.md:3:7: date:"
		found := false
		for _, e := range ev.Errors {
			found = found || strings.HasPrefix(e, want)
		}
		if !found {
			t.Errorf("error event errors = %q; want one starting %q", ev.Errors, want)
		}
		if !strings.Contains(s.stderr.String(), want) {
			t.Errorf("stderr does not show %q:\n%s", want, s.stderr.String())
		}
		code, body := s.get(t, "articles/a/")
		if code != 200 || !strings.Contains(body, old) || strings.Contains(body, "must not be served") {
			t.Errorf("GET articles/a/ while the build is broken = %d; want 200 with the last good text", code)
		}

		// A page opened while the build is broken is told at once.
		late := s.events(t)
		if ev, ok := late.next(eventWait); !ok || ev.Kind != "error" {
			t.Errorf("a stream opened while the build is broken first got %v (ok %v); want the error", ev, ok)
		}
		late.close()

		writeFile(t, site("content/articles/a.md"), alpha("Fixed again."))
		es.waitFor(t, eventWait, "reload or ok", func(ev sseEvent) bool {
			if ev.Kind == "error" {
				t.Errorf("an error after the fix: %s", ev)
			}
			return ev.Kind == "reload" || ev.Kind == "ok"
		})
		if _, body := s.get(t, "articles/a/"); !strings.Contains(body, "Fixed again.") {
			t.Errorf("articles/a/ does not show the fixed text")
		}

		// A page opened after the fix is not told of the old error: the
		// first thing it hears is the next rebuild.
		settle(t)
		later := s.events(t)
		defer later.close()
		writeFile(t, site("content/burst/p00.md"), burstArticle(0, 1000))
		if ev, ok := later.next(eventWait); !ok || !ev.reloads("/repo/burst/p00/") {
			t.Errorf("a stream opened after the fix first got %v (ok %v); want the reload of /repo/burst/p00/", ev, ok)
		}
	})

	t.Run("stylesheet", func(t *testing.T) {
		settle(t)
		css, err := os.ReadFile(site("theme/css/plotline.css"))
		if err != nil {
			t.Fatal(err)
		}
		rule := "\n.serve-test-rule { color: rebeccapurple }\n"
		writeFile(t, site("theme/css/plotline.css"), string(css)+rule)
		ev, ok := es.next(eventWait)
		if !ok || ev.Kind != "css" {
			t.Fatalf("first event after a stylesheet edit = %v (ok %v); want css", ev, ok)
		}
		if len(ev.Paths) > 0 && !strings.Contains(strings.Join(ev.Paths, " "), "/repo/theme/css/plotline.css") {
			t.Errorf("css event paths = %q; want /repo/theme/css/plotline.css among them", ev.Paths)
		}
		if code, body := s.get(t, "theme/css/plotline.css"); code != 200 || !strings.Contains(body, "serve-test-rule") {
			t.Errorf("GET theme/css/plotline.css = %d; want 200 with the new rule", code)
		}
		if evs := es.settle(t, 300*time.Millisecond, 5*time.Second); len(evs) > 0 {
			t.Errorf("events after the css event: %v; want none", evs)
		}
	})

	t.Run("path traversal", func(t *testing.T) {
		u, err := url.Parse(s.url)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{
			"../../etc/passwd",
			"%2e%2e/%2e%2e/etc/passwd",
			"..%2f..%2fetc%2fpasswd",
			"articles/../../../etc/passwd",
			"%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
		} {
			target := u.Path + p
			code, body := rawGet(t, u.Host, target)
			if code != 400 && code != 404 {
				t.Errorf("GET %s = %d; want 400 or 404", target, code)
			}
			if strings.Contains(body, "root:") {
				t.Errorf("GET %s served /etc/passwd", target)
			}
		}
	})

	t.Run("shutdown", func(t *testing.T) {
		start := time.Now()
		if code := s.stop(t); code != 0 {
			t.Errorf("plotline serve returned %d after its context was cancelled; want 0", code)
		}
		t.Logf("cli.Main returned %v after cancel", time.Since(start))
		select {
		case <-es.done:
		case <-time.After(5 * time.Second):
			t.Errorf("the event stream is still open 5 s after shutdown")
		}
		if _, err := http.Get(s.url); err == nil {
			t.Errorf("the server still answers after shutdown")
		}
		es.close()
		checkNoLeaks(t)
	})
	if t.Failed() {
		t.Logf("stdout:\n%s\nstderr:\n%s", s.stdout.String(), s.stderr.String())
	}
}

// rawGet sends target on the request line exactly as given, which
// net/http's client would not always do, and returns the status and body.
func rawGet(t *testing.T, host, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
