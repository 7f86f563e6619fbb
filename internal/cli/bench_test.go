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

// BenchmarkShapeToServe measures, on the same kind of large served site
// as BenchmarkEditToReload, how long a new article, a deleted one and a
// renamed one take to be served (or to be gone) after the save: from the
// file operation to the reload event that names the page. After the
// runs, the served output is compared with a clean build of the same
// files; then every file is put back.
//
//	PLOTLINE_BENCH_SITE=/tmp/plotline-bench-10000 go test ./internal/cli -run '^$' -bench ShapeToServe -benchtime 10x
func BenchmarkShapeToServe(b *testing.B) {
	dir := os.Getenv("PLOTLINE_BENCH_SITE")
	if dir == "" {
		b.Skip("PLOTLINE_BENCH_SITE is not set; see the comment at the top of bench_test.go")
	}
	folder := filepath.Join(dir, "content", "articles")
	articles, err := filepath.Glob(filepath.Join(folder, "*.md"))
	if err != nil || len(articles) < 100 {
		b.Fatalf("want at least 100 articles in %s (%v)", folder, err)
	}
	slices.Sort(articles)
	// What the runs take away is put back, and what they add goes, after
	// the server has stopped.
	originals := map[string][]byte{}
	var added []string
	b.Cleanup(func() {
		for _, p := range added {
			os.Remove(p)
		}
		for p, data := range originals {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Errorf("restoring %s: %v", p, err)
			}
		}
	})
	keep := func(p string) {
		if _, ok := originals[p]; !ok {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			originals[p] = data
		}
	}
	pageOf := func(p string) string { return "/articles/" + strings.TrimSuffix(filepath.Base(p), ".md") + "/" }
	template, err := os.ReadFile(articles[0])
	if err != nil {
		b.Fatal(err)
	}

	s := startServe(b, dir, 10*time.Minute)
	es := s.events(b)
	es.settle(b, 500*time.Millisecond, time.Minute)
	next := len(articles) / 2
	measure := func(b *testing.B, act func(i int) (page string)) {
		lat := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := range b.N {
			t0 := time.Now()
			page := act(i)
			ev := es.waitFor(b, time.Minute, "reload of "+page, func(ev sseEvent) bool {
				if ev.Kind == "error" {
					b.Fatalf("build error: %q", ev.Errors)
				}
				return ev.reloads(page)
			})
			lat = append(lat, ev.At.Sub(t0))
		}
		b.StopTimer()
		slices.Sort(lat)
		ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
		b.ReportMetric(ms(lat[(len(lat)-1)/2]), "p50-ms")
		b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
	}
	b.Run("new", func(b *testing.B) {
		measure(b, func(i int) string {
			p := filepath.Join(folder, fmt.Sprintf("zz-new-%d-%d.md", b.N, i))
			added = append(added, p)
			if err := os.WriteFile(p, template, 0o644); err != nil {
				b.Fatal(err)
			}
			return pageOf(p)
		})
	})
	b.Run("deleted", func(b *testing.B) {
		measure(b, func(int) string {
			p := articles[next]
			next++
			keep(p)
			if err := os.Remove(p); err != nil {
				b.Fatal(err)
			}
			return pageOf(p)
		})
	})
	b.Run("renamed", func(b *testing.B) {
		measure(b, func(int) string {
			p := articles[next]
			next++
			keep(p)
			q := filepath.Join(folder, "zz-renamed-"+filepath.Base(p))
			added = append(added, q)
			if err := os.Rename(p, q); err != nil {
				b.Fatal(err)
			}
			return pageOf(q)
		})
	})
	es.settle(b, 500*time.Millisecond, time.Minute)
	if code := s.stop(b); code != 0 {
		b.Errorf("plotline serve returned %d after its context was cancelled; want 0", code)
	}
	// The output is what a clean build of the same files makes.
	clean := filepath.Join(b.TempDir(), "public")
	var out, errOut strings.Builder
	if code := Main(b.Context(), []string{"build", "-q", "--no-cache", "-s", dir, "-d", clean}, &out, &errOut); code != 0 {
		b.Fatalf("clean build: %d\n%s", code, errOut.String())
	}
	if diff := diffTrees(readTree(b, s.dest), readTree(b, clean)); diff != "" {
		b.Errorf("the served output differs from a clean build:\n%s", diff)
	}
}
