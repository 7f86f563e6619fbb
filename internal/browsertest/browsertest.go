// Package browsertest starts headless Chromium for the tests that look at
// pages as a reader's browser shows them (internal/site, internal/serve).
// Only tests import it.
//
// A package's tests share one Chromium: Tab opens each test a tab of its
// own, in a browser context of its own, in a browser started on first use
// and closed by Main when the test binary ends. A test that needs flags of
// Chromium's own, which cannot be changed once it runs, starts a browser
// of its own with Start.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// startTimeout bounds the start of the shared browser.
const startTimeout = 60 * time.Second

// closeTimeout bounds the graceful close of the shared browser.
const closeTimeout = 10 * time.Second

// shared is the browser that the tests of one binary share.
var shared struct {
	mu sync.Mutex
	// main is set by Main: without it no browser is shared, as nothing
	// would close it.
	main  bool
	alloc []chromedp.ExecAllocatorOption
	// ctx is the first tab of the running browser, nil before the first
	// Tab; it is done once the browser has exited.
	ctx         context.Context
	cancelTab   context.CancelFunc
	cancelAlloc context.CancelFunc
	profile     string
}

// Main runs the tests of m with a browser shared by the calls of Tab,
// started with alloc after the usual options (such as chromedp.WindowSize),
// then closes that browser, removes its profile and exits. A package that
// calls Tab calls Main from its TestMain.
func Main(m *testing.M, alloc ...chromedp.ExecAllocatorOption) {
	shared.mu.Lock()
	shared.main = true
	shared.alloc = alloc
	shared.mu.Unlock()
	code := m.Run()
	shared.mu.Lock()
	closeShared()
	shared.mu.Unlock()
	os.Exit(code)
}

// chromium returns the path of Chromium. Without it the test fails in CI
// (CI set) and is skipped elsewhere.
func chromium(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is needed for the browser tests: %v", err)
		}
		t.Skip("chromium not found")
	}
	return path
}

// options are the options Chromium is started with: the usual ones, then
// alloc.
func options(path, profile string, alloc []chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
	)
	return append(opts, alloc...)
}

// Tab opens a tab of the shared browser in a new browser context, so that
// no cookie, storage, cache, permission or worker of another test reaches
// it, opened with opts and bounded by timeout, and returns its context;
// chromedp.NewContext on it opens more tabs in the same browser context.
// The tab and its browser context are closed when the test ends. The tab's
// window has the size the browser was started with; emulation (viewport,
// media, time zone, scripts) is the tab's own. Without Chromium the test
// fails in CI (CI set) and is skipped elsewhere.
func Tab(t testing.TB, timeout time.Duration, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	path := chromium(t)
	browser, err := sharedBrowser(path)
	if err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(browser, timeout)
	opts = append([]chromedp.ContextOption{chromedp.WithNewBrowserContext()}, opts...)
	ctx, cancelTab := chromedp.NewContext(ctx, opts...)
	t.Cleanup(func() {
		// Closes the tab, and the tabs opened from it, and disposes of
		// their browser context.
		if err := chromedp.Cancel(ctx); err != nil && browser.Err() == nil {
			t.Logf("closing the tab: %v", err)
		}
		cancelTab()
		cancel()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab of chromium: %v", err)
	}
	return ctx
}

// sharedBrowser returns the first tab of the shared browser, starting the
// browser if it has not started yet or has exited since.
func sharedBrowser(path string) (context.Context, error) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if !shared.main {
		return nil, errors.New("the package's TestMain must call browsertest.Main to share a browser")
	}
	if shared.ctx != nil && shared.ctx.Err() == nil {
		return shared.ctx, nil
	}
	// A browser that exited (crashed, or killed) is replaced.
	closeShared()
	profile, err := os.MkdirTemp("", "plotline-chromium-")
	if err != nil {
		return nil, err
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), options(path, profile, shared.alloc)...)
	ctx, cancelTab := chromedp.NewContext(actx)
	shared.ctx, shared.cancelTab, shared.cancelAlloc, shared.profile = ctx, cancelTab, cancelAlloc, profile
	// The first Run binds the browser's life to its context, so the
	// start is bounded here, not by a deadline on that context.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err = <-started:
	case <-time.After(startTimeout):
		cancelAlloc()
		<-started
		err = fmt.Errorf("no answer in %v", startTimeout)
	}
	if err != nil {
		closeShared()
		return nil, err
	}
	return ctx, nil
}

// closeShared closes the shared browser, if one was started, and removes
// its profile. shared.mu is held.
func closeShared() {
	if shared.ctx == nil {
		return
	}
	ctx, cancel := context.WithTimeout(shared.ctx, closeTimeout)
	chromedp.Cancel(ctx)
	cancel()
	shared.cancelTab()
	shared.cancelAlloc()
	os.RemoveAll(shared.profile)
	shared.ctx, shared.cancelTab, shared.cancelAlloc, shared.profile = nil, nil, nil, ""
}

// Start starts headless Chromium of its own with a fresh profile, with
// alloc after the usual options (such as chromedp.Flag("hide-scrollbars",
// false), which a running browser cannot change), and returns the context
// of its first tab, made with tab and bounded by timeout;
// chromedp.NewContext on it opens more tabs of the same browser. The
// browser closes when the test ends, before t.TempDir removes its profile.
// Without Chromium the test fails in CI (CI set) and is skipped elsewhere.
func Start(t testing.TB, timeout time.Duration, alloc []chromedp.ExecAllocatorOption, tab ...chromedp.ContextOption) context.Context {
	t.Helper()
	path := chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, options(path, t.TempDir(), alloc)...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx, tab...)
	t.Cleanup(func() {
		// Closing the browser before t.TempDir removes its profile.
		if err := chromedp.Cancel(ctx); err != nil && ctx.Err() == nil {
			t.Logf("closing chromium: %v", err)
		}
		cancelTab()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}
