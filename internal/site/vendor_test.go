package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/plotline/plotline"
)

// echartsDir is the vendored ECharts folder, in the theme and in the
// output alike.
const echartsDir = "theme/vendor/echarts"

// echartsSHA256 is the SHA-256 of echarts.common.min.js as published in
// the npm package theme/vendor/echarts/README.md names. A change to the
// bundle must change it, and the README, on purpose.
const echartsSHA256 = "55974cf42cc160e6cf9099cd3ed8cdedfaa9779919fcee7e2272c85f6ca30e27"

// echartsNotices are the licence and notice files that must travel with
// the bundle: ECharts' own, the d3 licence its LICENSE points to, and the
// licence of zrender, which the bundle includes.
var echartsNotices = []string{"LICENSE", "NOTICE", "licenses/LICENSE-d3", "licenses/LICENSE-zrender"}

// TestVendorECharts checks the vendored bundle against the SHA-256 its
// README records, and that a build copies the bundle and every licence
// and notice file beside it into the output, unchanged.
func TestVendorECharts(t *testing.T) {
	defaults := plotline.Defaults()
	bundle, err := fs.ReadFile(defaults, echartsDir+"/echarts.common.min.js")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(bundle)
	if got := hex.EncodeToString(sum[:]); got != echartsSHA256 {
		t.Errorf("echarts.common.min.js has SHA-256 %s; want %s", got, echartsSHA256)
	}
	readme, err := fs.ReadFile(defaults, echartsDir+"/README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, []byte(echartsSHA256)) {
		t.Errorf("%s/README.md does not give the bundle's SHA-256 %s", echartsDir, echartsSHA256)
	}
	for _, name := range echartsNotices {
		if _, err := fs.Stat(defaults, echartsDir+"/"+name); err != nil {
			t.Errorf("the theme has no %s/%s: %v", echartsDir, name, err)
		}
	}

	dest := buildExample(t, "https://example.github.io/repo/")
	// Every file of the folder, the notices among them, reaches the output.
	err = fs.WalkDir(defaults, echartsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		want, err := fs.ReadFile(defaults, p)
		if err != nil {
			return err
		}
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(p)))
		switch {
		case err != nil:
			t.Errorf("%s is not in the output: %v", p, err)
		case !bytes.Equal(got, want):
			t.Errorf("%s in the output differs from the theme's", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

}
