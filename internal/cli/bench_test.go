// BenchmarkEditToReload measures how long a writer waits, on a large site,
// between saving an article and the live-reload event that tells the open
// page to reload. It needs a site folder; make a 10,000-article one with
// the corpus generator and run the benchmark on it, from the repository
// root:
//
//	(cd ../shared/bench/gencorpus && go run . -n 10000 -out /tmp/plotline-bench-10000)
//	PLOTLINE_BENCH_SITE=/tmp/plotline-bench-10000 go test ./internal/cli -run '^$' -bench EditToReload -benchtime 50x
//
// The server builds into SITE/public first, which takes a while. Every
// article the benchmark edits is restored when it ends.

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func BenchmarkEditToReload(b *testing.B) {
	dir := os.Getenv("PLOTLINE_BENCH_SITE")
	if dir == "" {
		b.Skip("PLOTLINE_BENCH_SITE is not set; see the comment at the top of bench_test.go")
	}
	articles, err := filepath.Glob(filepath.Join(dir, "content", "articles", "*.md"))
	if err != nil || len(articles) == 0 {
		b.Fatalf("no articles in %s/content/articles (%v)", dir, err)
	}
	slices.Sort(articles)

	// Put back what the benchmark appends; this runs after the server
	// has stopped, since cleanups run last first.
	originals := map[string][]byte{}
	b.Cleanup(func() {
		for p, data := range originals {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Errorf("restoring %s: %v", p, err)
			}
		}
	})

	start := time.Now()
	s := startServe(b, dir, 10*time.Minute)
	b.Logf("%d articles: first build and listening after %v", len(articles), time.Since(start))
	es := s.events(b)
	es.settle(b, 500*time.Millisecond, time.Minute)

	// The sub-benchmark runs more than once (b.N = 1, then the real N);
	// the server above is started only once for all of them.
	next := 0
	b.Run(fmt.Sprintf("articles=%d", len(articles)), func(b *testing.B) {
		lat := make([]time.Duration, 0, b.N)
		var slowest string
		var slowestLat time.Duration
		b.ResetTimer()
		for range b.N {
			p := articles[next%len(articles)]
			next++
			if _, ok := originals[p]; !ok {
				data, err := os.ReadFile(p)
				if err != nil {
					b.Fatal(err)
				}
				originals[p] = data
			}
			page := "/articles/" + strings.TrimSuffix(filepath.Base(p), ".md") + "/"
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				b.Fatal(err)
			}
			t0 := time.Now()
			_, err = fmt.Fprintf(f, "\nA sentence added by edit %d.\n", next)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				b.Fatal(err)
			}
			ev := es.waitFor(b, time.Minute, "reload of "+page, func(ev sseEvent) bool {
				if ev.Kind == "error" {
					b.Fatalf("build error after editing %s: %q", p, ev.Errors)
				}
				return ev.reloads(page)
			})
			lat = append(lat, ev.At.Sub(t0))
			if d := ev.At.Sub(t0); d > slowestLat {
				slowest, slowestLat = p, d
			}
		}
		b.StopTimer()
		// The figures include the watcher's debounce window: the quiet
		// time it waits after the last file event before it reports a
		// change set. p50-minus-debounce-ms takes it out.
		slices.Sort(lat)
		ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
		p50 := lat[(len(lat)-1)*50/100]
		p95 := lat[(len(lat)-1)*95/100]
		b.ReportMetric(ms(p50), "p50-ms")
		b.ReportMetric(ms(p95), "p95-ms")
		b.ReportMetric(ms(p50-debounce), "p50-minus-debounce-ms")
		b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
		for _, line := range strings.Split(s.stdout.String(), "\n") {
			if strings.Contains(line, "rebuilt after "+filepath.ToSlash(filepath.Join("content/articles", filepath.Base(slowest)))+":") {
				b.Logf("slowest edit, %v: %s", slowestLat, line)
			}
		}
	})
	if code := s.stop(b); code != 0 {
		b.Errorf("plotline serve returned %d after its context was cancelled; want 0", code)
	}
}
