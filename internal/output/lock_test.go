package output

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLockOutput takes the lock on an output twice in one process: the
// second taker says once that it waits, for this process, and gets the
// lock only when the first lets it go; the lock file holds the holder's
// process id and goes with the last holder.
func TestLockOutput(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	lockFile := filepath.Join(parent, ".plotline-lock-public")

	unlock, err := lockOutput(t.Context(), dest, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(lockFile); err != nil || string(got) != strconv.Itoa(os.Getpid())+"\n" {
		t.Errorf("lock file holds %q (%v); want this process's id %d", got, err, os.Getpid())
	}

	waits := make(chan int, 10)
	locked := make(chan func(), 1)
	go func() {
		unlock2, err := lockOutput(t.Context(), dest, func(pid int) { waits <- pid })
		if err != nil {
			t.Error(err)
		}
		locked <- unlock2
	}()
	select {
	case pid := <-waits:
		if pid != os.Getpid() {
			t.Errorf("the second taker waits for pid %d; want %d", pid, os.Getpid())
		}
	case <-locked:
		t.Fatal("the second taker got the lock while the first held it")
	}
	select {
	case <-locked:
		t.Fatal("the second taker got the lock while the first held it")
	default:
	}
	// Long enough for several more tries, which must not say it again.
	time.Sleep(4 * maxLockPoll)
	unlock()
	unlock() // a second call does nothing
	unlock2 := <-locked
	if unlock2 == nil {
		t.FailNow()
	}
	if n := len(waits); n != 0 {
		t.Errorf("the second taker said %d more times that it waits; want once", n)
	}
	if got, err := os.ReadFile(lockFile); err != nil || string(got) != strconv.Itoa(os.Getpid())+"\n" {
		t.Errorf("lock file of the second taker holds %q (%v); want %d", got, err, os.Getpid())
	}
	unlock2()
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("after the last unlock, %v are left; want nothing", entries)
	}
}

// TestLockOutputExclusive has many builders of one process take and
// release the lock on one output again and again, and checks that no two
// ever hold it at once: the lock file that a releasing holder removes,
// and a new taker makes again, locks nobody out twice.
func TestLockOutputExclusive(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	var holders, overlaps atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				unlock, err := lockOutput(t.Context(), dest, nil)
				if err != nil {
					t.Error(err)
					return
				}
				if holders.Add(1) > 1 {
					overlaps.Add(1)
				}
				runtime.Gosched()
				holders.Add(-1)
				unlock()
			}
		})
	}
	wg.Wait()
	if n := overlaps.Load(); n != 0 {
		t.Errorf("%d times a build took the lock while another held it; want none", n)
	}
}

// TestLockOutputCancel cancels a build that waits for the lock: it stops
// waiting with the context's error.
func TestLockOutputCancel(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	unlock, err := lockOutput(t.Context(), dest, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		_, err := lockOutput(ctx, dest, func(int) { cancel() })
		done <- err
	}()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("lockOutput cancelled while waiting = %v; want %v", err, context.Canceled)
	}
}

// TestLockOutputStaleFile takes the lock where a build that died left its
// lock file: the file is taken over, not waited for.
func TestLockOutputStaleFile(t *testing.T) {
	parent := t.TempDir()
	if err := os.WriteFile(filepath.Join(parent, ".plotline-lock-public"), []byte("1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unlock, err := lockOutput(t.Context(), filepath.Join(parent, "public"), func(pid int) {
		t.Errorf("waits for pid %d; want the lock at once", pid)
	})
	if err != nil {
		t.Fatal(err)
	}
	unlock()
}

// deadPID returns the process id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skipf("cannot find the test binary: %v", err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// TestTidyLeavesLiveFolders puts folders beside an output as builds,
// living and dead, of this plotline and of one that recorded no owner,
// would leave them, and checks that a new output removes exactly those
// whose owner is gone.
func TestTidyLeavesLiveFolders(t *testing.T) {
	if !dirLocks {
		t.Skip("folders cannot be locked here")
	}
	dead, alive := deadPID(t), os.Getpid()
	type folder struct {
		name    string
		claimed bool // locked by a live owner
		old     bool // not changed for longer than staleAfter
		stays   bool
	}
	folders := []folder{
		{name: ".plotline-tmp-public-p" + strconv.Itoa(dead) + "-1", stays: false},
		{name: ".plotline-old-public-p" + strconv.Itoa(dead) + "-1", stays: false},
		// Locked: its owner lives, whatever became of its process id.
		{name: ".plotline-tmp-public-p" + strconv.Itoa(dead) + "-2", claimed: true, stays: true},
		{name: ".plotline-tmp-public-p" + strconv.Itoa(alive) + "-3", claimed: true, stays: true},
		{name: ".plotline-old-public-p" + strconv.Itoa(alive) + "-3", claimed: true, stays: true},
		// Not locked yet, by a process that runs.
		{name: ".plotline-tmp-public-p" + strconv.Itoa(alive) + "-4", stays: true},
		// An older plotline's: left until it is an hour old.
		{name: ".plotline-tmp-public-5", stays: true},
		{name: ".plotline-tmp-public-6", old: true, stays: false},
		{name: ".plotline-old-public-6", old: true, stays: false},
		// Another output's, and other names.
		{name: ".plotline-tmp-public-2-p" + strconv.Itoa(dead) + "-7", old: true, stays: true},
		{name: ".plotline-tmp-public-2-8", old: true, stays: true},
		{name: ".plotline-tmp-public-p" + strconv.Itoa(dead) + "-x9", old: true, stays: true},
		{name: ".plotline-tmp-public-p-10", old: true, stays: true},
		{name: "public-p" + strconv.Itoa(dead) + "-11", old: true, stays: true},
	}
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := os.Mkdir(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range folders {
		p := filepath.Join(parent, f.name)
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, "index.html"), []byte(f.name), 0o644); err != nil {
			t.Fatal(err)
		}
		if f.old {
			then := time.Now().Add(-2 * staleAfter)
			if err := os.Chtimes(p, then, then); err != nil {
				t.Fatal(err)
			}
		}
		if f.claimed {
			release, err := claimFolder(p)
			if err != nil {
				t.Fatal(err)
			}
			defer release()
		}
		if f.stays {
			want = append(want, f.name)
		}
	}
	tx := open(t, dest, Options{Mode: Replace})
	tx.Close()
	var got []string
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "public" {
			got = append(got, e.Name())
		}
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		for _, f := range folders {
			if slices.Contains(got, f.name) != f.stays {
				t.Errorf("%s: left = %v; want %v", f.name, !f.stays, f.stays)
			}
		}
	}
}

// TestTidyRestores checks that a destination swapped out by a build that
// died is put back, and one swapped out by a build that still runs is not.
func TestTidyRestores(t *testing.T) {
	if !dirLocks {
		t.Skip("folders cannot be locked here")
	}
	for _, claimed := range []bool{false, true} {
		parent := t.TempDir()
		dest := filepath.Join(parent, "public")
		pid := deadPID(t)
		old := filepath.Join(parent, ".plotline-old-public-p"+strconv.Itoa(pid)+"-1")
		if err := os.MkdirAll(old, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(old, "index.html"), []byte("previous"), 0o644); err != nil {
			t.Fatal(err)
		}
		if claimed {
			release, err := claimFolder(old)
			if err != nil {
				t.Fatal(err)
			}
			defer release()
		}
		tx := open(t, dest, Options{Mode: Replace})
		tx.Close()
		got, err := os.ReadFile(filepath.Join(dest, "index.html"))
		switch {
		case claimed && err == nil:
			t.Errorf("a swapped-out output still claimed was put back")
		case !claimed && string(got) != "previous":
			t.Errorf("a swapped-out output of a dead build: public/index.html = %q (%v); want it put back", got, err)
		}
		if _, err := os.Stat(old); (err == nil) != claimed {
			t.Errorf("claimed %v: %s still there = %v; want %v", claimed, old, err == nil, claimed)
		}
	}
}

// TestLeftoverOwner checks which names are a build's folders for the
// output "public", and what process id they record.
func TestLeftoverOwner(t *testing.T) {
	for _, tc := range []struct {
		name string
		pid  int
		ok   bool
	}{
		{".plotline-tmp-public-p123-456", 123, true},
		{".plotline-tmp-public-456", 0, true},
		{".plotline-tmp-public-2-456", 0, false},
		{".plotline-tmp-public-2-p123-456", 0, false},
		{".plotline-tmp-public-p0-456", 0, false},
		{".plotline-tmp-public-p123-", 0, false},
		{".plotline-tmp-public-p-456", 0, false},
		{".plotline-tmp-public-", 0, false},
		{".plotline-tmp-public-p99999999999999999999-1", 0, false},
		{".plotline-tmp-publicity-1", 0, false},
	} {
		pid, ok := leftoverOwner(tc.name, ".plotline-tmp-public-")
		if pid != tc.pid || ok != tc.ok {
			t.Errorf("leftoverOwner(%q) = %d, %v; want %d, %v", tc.name, pid, ok, tc.pid, tc.ok)
		}
	}
}

// TestLockFileLink puts a symbolic link where the lock file of an output
// goes, as a repository may hold one beside its public/: the build refuses
// to lock through it, and the file it leads to is left as it was, where it
// was cut to the build's process id.
func TestLockFileLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	victim := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(victim, []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "site")
	if err := os.Mkdir(site, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../notes.txt", filepath.Join(site, ".plotline-lock-public")); err != nil {
		t.Fatal(err)
	}
	unlock, err := Lock(context.Background(), filepath.Join(site, "public"), nil)
	if err == nil {
		unlock()
		t.Error("Lock through a symbolic link = nil; want an error")
	} else if want := ".plotline-lock-public is a symbolic link, where a build writes its lock: remove it"; !strings.Contains(err.Error(), want) {
		t.Errorf("Lock error = %v; want one holding %q", err, want)
	}
	if b, _ := os.ReadFile(victim); string(b) != "my notes\n" {
		t.Errorf("the file the link leads to holds %q; want it as it was", b)
	}
}
