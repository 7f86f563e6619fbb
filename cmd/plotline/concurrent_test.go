package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// concurrentArticles is how many articles the site of TestConcurrentBuilds
// has: enough that a build takes a few hundred milliseconds, so that the
// second build starts in every phase of the first.
const concurrentArticles = 600

// TestConcurrentBuilds starts two `plotline build`s into one output, the
// second 0, 1, 2, 5, 10, 20, 50, 100, 200 and 400 ms after the first. Both
// must succeed, and whenever one of them exits, public/ must hold the
// complete site: the files of a build of its own, byte for byte. The runs
// alternate between an output that does not exist yet and one that both
// builds replace, each run with a build cache of its own that starts empty.
func TestConcurrentBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 600 articles twenty times")
	}
	site := t.TempDir()
	public := filepath.Join(site, "public")
	writeSite(t, site, "Both", concurrentArticles)
	alone := filepath.Join(t.TempDir(), "public")
	if out, err := plotlineCmd(t, "build", "-q", "--no-cache", "-s", site, "-d", alone).CombinedOutput(); err != nil {
		t.Fatalf("building the site alone: %v\n%s", err, out)
	}
	want := treeHashes(t, alone)

	type exit struct {
		name string
		err  error
		out  *bytes.Buffer
	}
	waitingRE := regexp.MustCompile(`(?m)^plotline: waiting for another build of (.+) to finish \(pid (\d+)\)$`)
	waited := 0
	offsets := []time.Duration{0, 1, 2, 5, 10, 20, 50, 100, 200, 400}
	for i, d := range offsets {
		d *= time.Millisecond
		if i%2 == 0 {
			if err := os.RemoveAll(public); err != nil {
				t.Fatal(err)
			}
		}
		cache := t.TempDir()
		exits := make(chan exit, 2)
		pids := map[string]int{}
		start := func(name string) {
			cmd := plotlineCmd(t, "build", "-q", "-s", site)
			cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache)
			out := new(bytes.Buffer)
			cmd.Stdout, cmd.Stderr = out, out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			pids[name] = cmd.Process.Pid
			go func() { exits <- exit{name, cmd.Wait(), out} }()
		}
		start("first")
		time.Sleep(d)
		start("second")
		for range 2 {
			e := <-exits
			if e.err != nil {
				t.Errorf("second build %v after the first: the %s failed: %v\n%s", d, e.name, e.err, e.out)
				continue
			}
			got := treeHashes(t, public)
			if !maps.Equal(got, want) {
				missing, changed, extra := compareTrees(got, want)
				t.Errorf("second build %v after the first: when the %s exited 0, public/ held %d files; against a build alone %d missing, %d changed, %d extra\n%s",
					d, e.name, len(got), missing, changed, extra, e.out)
			}
			if m := waitingRE.FindAllStringSubmatch(e.out.String(), -1); m != nil {
				waited++
				other := map[string]string{"first": "second", "second": "first"}[e.name]
				if len(m) != 1 || m[0][1] != public || m[0][2] != strconv.Itoa(pids[other]) {
					t.Errorf("the %s build said %q; want once that it waits for %s (pid %d)", e.name, m, public, pids[other])
				}
				t.Logf("second build %v after the first: the %s waited for the %s", d, e.name, other)
			}
		}
	}
	if waited == 0 {
		t.Errorf("no build said it was waiting for the other; want those that overlapped to")
	}
	if l := leftovers(t, site); len(l) > 0 {
		t.Errorf("after the builds, %v are still beside public/", l)
	}
}
