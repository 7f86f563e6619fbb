package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportInterrupted checks what an interrupted import says it
// leaves: its folder as it was, absent or empty. It said "the previous
// output is unchanged", or that the folder "was not written", though an
// import has no previous output.
func TestImportInterrupted(t *testing.T) {
	src := t.TempDir()
	if err := os.MkdirAll(filepath.Join(src, "_posts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "_config.yml"), []byte("title: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "_posts", "2024-01-01-a.md"), []byte("---\ntitle: A\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name, was string
		make      bool
	}{
		{"absent", "does not exist", false},
		{"empty", "is still empty", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "new")
			if tc.make {
				if err := os.Mkdir(dest, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			if code := Main(ctx, []string{"import", "jekyll", src, dest}, &stdout, &stderr); code != ExitContent {
				t.Errorf("exit code %d; want %d", code, ExitContent)
			}
			want := "plotline import: interrupted; nothing was written: " + dest + " " + tc.was + "\n"
			if got := stderr.String(); !strings.HasSuffix(got, want) {
				t.Errorf("stderr:\n%s\nwant it to end with\n%s", got, want)
			}
			entries, err := os.ReadDir(dest)
			switch {
			case !tc.make && !os.IsNotExist(err):
				t.Errorf("%s: %v, %d entries; want it absent", dest, err, len(entries))
			case tc.make && (err != nil || len(entries) > 0):
				t.Errorf("%s: %v, %d entries; want it empty", dest, err, len(entries))
			}
		})
	}
}
