package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterrupt stops `plotline build` with an interrupt (Ctrl-C) while it
// renders a large site: it ends soon, says so, exits 1, and leaves public/
// as it was. The site is large enough that no machine builds it within
// the 100 ms between the build taking its lock and the interrupt; as the
// build stops, its size costs little. The bound is generous; plotline
// itself gives a build one second after the interrupt before it exits
// anyway.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a site of 4000 articles")
	}
	site := t.TempDir()
	writeSite(t, site, "Before", 4000)
	public := filepath.Join(site, "public")
	cmd := plotlineCmd(t, "build", "-q", "--no-cache", "-s", site)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The interrupt must come once plotline handles it. A fixed wait is
	// not enough: on a busy machine a process can take longer than 300 ms
	// to start, and an interrupt before its handler kills it at once. The
	// build takes its output lock after the handler is in place, so the
	// lock file says it is ready; then it reads and renders for seconds.
	if lock := filepath.Join(site, ".plotline-lock-public"); !waitForFile(lock) {
		t.Fatalf("%s did not appear within a minute", lock)
	}
	time.Sleep(100 * time.Millisecond)
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	took := time.Since(sent)
	t.Logf("ended %v after the interrupt", took)
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("exit = %v; want status 1", err)
	}
	if took > 10*time.Second {
		t.Errorf("still building %v after the interrupt", took)
	}
	if !strings.Contains(stderr.String(), "interrupted; the previous output is unchanged") {
		t.Errorf("stderr = %q; want it to say it was interrupted", stderr.String())
	}
	if _, err := os.Stat(public); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("public/ after an interrupted first build: %v; want none", err)
	}
}
