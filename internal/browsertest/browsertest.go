// Package browsertest starts headless Chromium for the tests that look at
// pages as a reader's browser shows them (internal/site, internal/serve).
// Only tests import it.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Start starts headless Chromium with a fresh profile, with alloc after
// the usual options (such as chromedp.WindowSize), and returns the context
// of its first tab, made with tab and bounded by timeout;
// chromedp.NewContext on it opens more tabs of the same browser. The
// browser closes when the test ends, before t.TempDir removes its profile.
// Without Chromium the test fails in CI (CI set) and is skipped elsewhere.
func Start(t testing.TB, timeout time.Duration, alloc []chromedp.ExecAllocatorOption, tab ...chromedp.ContextOption) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is needed for the browser tests: %v", err)
		}
		t.Skip("chromium not found")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	opts = append(opts, alloc...)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
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
