package output

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkReplace writes a new output of 2,000 files in 400 folders,
// two levels deep, and commits it: the folders of a full build.
func BenchmarkReplace(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	data := []byte("<!DOCTYPE html><p>page</p>\n")
	for i := range b.N {
		tx, err := Begin(dest, Options{Mode: Replace})
		if err != nil {
			b.Fatal(err)
		}
		for f := range 2000 {
			// A different byte each round, so that nothing is reused.
			p := fmt.Sprintf("s%d/p%d/f%d-%d.html", f%20, f%400, f, i%2)
			if err := tx.Write(p, data); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		tx.Close()
	}
}

// BenchmarkPatch changes 200 files in 40 folders of an output of 2,000
// and commits the patch: the folders of a rebuild after an edit that moves
// a page through its lists.
func BenchmarkPatch(b *testing.B) {
	dest := filepath.Join(b.TempDir(), "public")
	tx, err := Begin(dest, Options{Mode: Replace})
	if err != nil {
		b.Fatal(err)
	}
	for f := range 2000 {
		if err := tx.Write(fmt.Sprintf("s%d/p%d/f%d.html", f%20, f%400, f), []byte("old")); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	tx.Close()
	b.ResetTimer()
	for i := range b.N {
		tx, err := Begin(dest, Options{Mode: Patch})
		if err != nil {
			b.Fatal(err)
		}
		for f := 0; f < 2000; f += 10 {
			if err := tx.Write(fmt.Sprintf("s%d/p%d/f%d.html", f%20, f%400, f), fmt.Appendf(nil, "new %d", i)); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		tx.Close()
	}
}
