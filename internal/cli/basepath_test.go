package cli

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeBasePathMoves edits base_url in the config of a running serve
// while the site has an error. The failed build leaves the last good site
// as it was, links under the old base path and all, so the server keeps
// serving it there; once a build with the new config succeeds, the
// preview moves to the new path, and a page open at its old address,
// which reloads there, is sent to the same page at the new one.
func TestServeBasePathMoves(t *testing.T) {
	dir := t.TempDir()
	config := func(base string) string {
		return "title: Base Test\nbase_url: https://example.github.io/" + base + "/\n"
	}
	good := "---\ntitle: B\ndate: 2025-01-02\n---\n\nSee [A](a.md).\n"
	writeSite(t, dir, map[string]string{
		"plotline.yaml":         config("repo"),
		"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\n\nAlpha.\n",
		"content/articles/b.md": good,
	})
	s := startServe(t, dir, 30*time.Second)
	es := s.events(t)
	es.settle(t, 300*time.Millisecond, 20*time.Second)
	u, err := url.Parse(s.url)
	if err != nil {
		t.Fatal(err)
	}
	// get fetches the URL path p, redirects not followed.
	get := func(p string) (int, string, string) {
		t.Helper()
		resp, err := s.client.Get("http://" + u.Host + p)
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(body)
	}

	writeFile(t, filepath.Join(dir, "content", "articles", "b.md"), strings.Replace(good, "a.md", "nope.md", 1))
	es.waitFor(t, eventWait, "error", func(ev sseEvent) bool { return ev.Kind == "error" })
	writeFile(t, filepath.Join(dir, "plotline.yaml"), config("other"))
	es.waitFor(t, eventWait, "error", func(ev sseEvent) bool { return ev.Kind == "error" })
	if code, _, body := get("/repo/articles/b/"); code != 200 || !strings.Contains(body, `href="/repo/articles/a/"`) {
		t.Errorf("GET /repo/articles/b/ while the build with the new base path fails = %d; want 200, the last good page", code)
	}
	if strings.Contains(s.stdout.String(), "the base path is now") {
		t.Errorf("serve moved the preview before a build with the new base path succeeded:\n%s", s.stdout.String())
	}

	writeFile(t, filepath.Join(dir, "content", "articles", "b.md"), good)
	es.waitFor(t, eventWait, "reload", func(ev sseEvent) bool { return ev.reloads("/repo/articles/a/") })
	if code, _, body := get("/other/articles/b/"); code != 200 || !strings.Contains(body, `href="/other/articles/a/"`) {
		t.Errorf("GET /other/articles/b/ after the fix = %d; want 200, linking under /other/", code)
	}
	if !strings.Contains(s.stdout.String(), "the base path is now /other/") {
		t.Errorf("serve did not say that the base path moved:\n%s", s.stdout.String())
	}
	if code, loc, _ := get("/repo/articles/a/?x=1"); code != 302 || loc != "/other/articles/a/?x=1" {
		t.Errorf("GET /repo/articles/a/?x=1 after the move = %d to %q; want 302 to /other/articles/a/?x=1", code, loc)
	}
}
