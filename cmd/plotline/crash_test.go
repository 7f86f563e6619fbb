package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashArticles is how many articles the crash test's site has: enough
// that a build takes a second or two, so that the kills land in its every
// phase.
const crashArticles = 1000

// writeCrashSite writes a site of crashArticles small articles, each with
// a data block, a chart and a value, into dir.
func writeCrashSite(t *testing.T, dir, title string) {
	t.Helper()
	writeSite(t, dir, title, crashArticles)
}

// writeSite writes a site of n small articles, each with a data block, a
// chart and a value, into dir. The site has a base URL, so its articles
// get embed pages and a sitemap too; one article in a hundred draws a
// link preview (og.png), the others say image: none, as a preview takes
// the processor far longer than the rest of its page.
func writeSite(t *testing.T, dir, title string, n int) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "plotline.yaml"), []byte("title: "+title+"\nbase_url: https://example.org/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		folder := filepath.Join(dir, "content", fmt.Sprintf("s%02d", i%50))
		if err := os.MkdirAll(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		image := "\nimage: none"
		if i%100 == 0 {
			image = ""
		}
		src := fmt.Sprintf(`---
title: Article %d
date: 2025-01-%02d
tags: [t%d]%s
data:
  n:
    series:
      - {date: 2025-01-01, value: %d}
      - {date: 2025-01-08, value: %d}
    projection: {rate: 3, limit: 1000}
---
It reaches a thousand {{ n.crossing | approx }}.

`+"```chart\ndata: n\n```\n", i, 1+i%28, i%20, image, i%100, i%100+20)
		if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("a%04d.md", i)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// treeHashes returns the SHA-256 of every file under dir, by slash path.
func treeHashes(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// leftovers lists the build folders (.plotline-*) in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".plotline-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// plotlineCmd returns a command that runs plotline with args: the test
// binary itself, which testscript.Main turns into plotline when it is
// started under that name.
func plotlineCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skipf("cannot find the test binary: %v", err)
	}
	return &exec.Cmd{Path: exe, Args: append([]string{"plotline"}, args...)}
}

// TestKilledBuild kills `plotline build` with SIGKILL at several moments
// of a build that would replace every page of a site. Whenever it dies,
// public/ is whole: byte for byte the previous site, or, when the kill
// came after the swap, the new one; never a mix, never missing. The next
// build then succeeds and removes what the killed ones left beside
// public/.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 1000 articles a dozen times")
	}
	site := t.TempDir()
	public := filepath.Join(site, "public")
	// The builds' cache goes with the test, not into the user's.
	t.Setenv("XDG_CACHE_HOME", t.TempDir())

	// The new site, built elsewhere: what a finished build must give.
	writeCrashSite(t, site, "After")
	want := filepath.Join(t.TempDir(), "public")
	start := time.Now()
	if out, err := plotlineCmd(t, "build", "-q", "-s", site, "-d", want).CombinedOutput(); err != nil {
		t.Fatalf("building the new site: %v\n%s", err, out)
	}
	full := time.Since(start)
	after := treeHashes(t, want)

	// The previous site, in public/.
	writeCrashSite(t, site, "Before")
	if out, err := plotlineCmd(t, "build", "-q", "-s", site).CombinedOutput(); err != nil {
		t.Fatalf("building the previous site: %v\n%s", err, out)
	}
	before := treeHashes(t, public)
	if len(before) < crashArticles || maps.Equal(before, after) {
		t.Fatalf("the two sites have %d and %d files; want two different sites of over %d", len(before), len(after), crashArticles)
	}
	writeCrashSite(t, site, "After")
	t.Logf("a full build takes %v", full)

	delays := []time.Duration{50 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond}
	for _, f := range []float64{0.8, 1.15, 1.5} {
		delays = append(delays, time.Duration(f*float64(full)))
	}
	slices.Sort(delays)
	killedMidway := 0
	for _, d := range delays {
		cmd := plotlineCmd(t, "build", "-q", "-s", site)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(d)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		got := treeHashes(t, public)
		switch {
		case maps.Equal(got, before):
			killedMidway++
			t.Logf("killed after %v: public/ is the previous site (%v)", d, err)
		case maps.Equal(got, after):
			t.Logf("killed after %v: the build had swapped in the new site (%v)", d, err)
			if d == delays[len(delays)-1] {
				break
			}
			// Start the next round from the previous site again.
			writeCrashSite(t, site, "Before")
			if out, err := plotlineCmd(t, "build", "-q", "-s", site).CombinedOutput(); err != nil {
				t.Fatalf("rebuilding the previous site: %v\n%s", err, out)
			}
			writeCrashSite(t, site, "After")
			before = treeHashes(t, public)
		default:
			t.Fatalf("killed after %v: public/ is neither the previous site nor the new one: %s\n%s", d, diffSummary(got, before, after), out.String())
		}
	}
	if killedMidway == 0 {
		t.Errorf("no kill landed before the swap; want most of them to")
	}
	t.Logf("left beside public/ by the killed builds: %v", leftovers(t, site))

	// A normal build finishes the job and tidies up.
	if out, err := plotlineCmd(t, "build", "-q", "-s", site).CombinedOutput(); err != nil {
		t.Fatalf("building after the kills: %v\n%s", err, out)
	}
	if got := treeHashes(t, public); !maps.Equal(got, after) {
		t.Errorf("after the kills, a build gives %s", diffSummary(got, before, after))
	}
	if l := leftovers(t, site); len(l) > 0 {
		t.Errorf("after a good build, %v are still beside public/", l)
	}
}

// diffSummary says how got differs from the previous and the new site.
func diffSummary(got, before, after map[string][32]byte) string {
	m1, c1, e1 := compareTrees(got, before)
	m2, c2, e2 := compareTrees(got, after)
	return fmt.Sprintf("%d files; against the previous site %d missing, %d changed, %d extra; against the new one %d missing, %d changed, %d extra",
		len(got), m1, c1, e1, m2, c2, e2)
}

// compareTrees counts the files of want that got lacks or holds with other
// contents, and the files of got that want does not have.
func compareTrees(got, want map[string][32]byte) (missing, changed, extra int) {
	for p, h := range want {
		g, ok := got[p]
		switch {
		case !ok:
			missing++
		case g != h:
			changed++
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			extra++
		}
	}
	return missing, changed, extra
}
