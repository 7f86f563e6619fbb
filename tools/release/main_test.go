package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/version"
	"github.com/plotline/plotline/tools/internal/noticegen"
)

var buildFlag = flag.Bool("build", false, "build a release for this platform with the go command and run it (slow the first time: it compiles everything with the release's flags)")

func TestArchiveName(t *testing.T) {
	for _, tc := range []struct {
		v    string
		t    string
		want string
	}{
		{"v1.2.3", "linux/amd64", "plotline_1.2.3_linux_amd64.tar.gz"},
		{"v1.2.3", "darwin/arm64", "plotline_1.2.3_darwin_arm64.tar.gz"},
		{"v1.2.3", "windows/arm64", "plotline_1.2.3_windows_arm64.zip"},
		{"v1.3.0-rc.1", "windows/amd64", "plotline_1.3.0-rc.1_windows_amd64.zip"},
	} {
		if got := archiveName(tc.v, tc.t); got != tc.want {
			t.Errorf("archiveName(%q, %s) = %q; want %q", tc.v, tc.t, got, tc.want)
		}
	}
}

func TestParseTargets(t *testing.T) {
	got, err := parseTargets(strings.Join(noticegen.Platforms(), ","))
	if err != nil || len(got) != 6 {
		t.Errorf("parseTargets(all) = %v, %v; want the six targets", got, err)
	}
	got, err = parseTargets("windows/arm64, linux/amd64")
	if want := []string{"windows/arm64", "linux/amd64"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("parseTargets(two) = %v, %v; want %v", got, err, want)
	}
	for _, bad := range []string{"", "linux", "linux/386", "plan9/amd64", "linux/amd64,linux/amd64", "linux/amd64/v3"} {
		if got, err := parseTargets(bad); err == nil {
			t.Errorf("parseTargets(%q) = %v; want an error", bad, got)
		}
	}
}

func TestEpoch(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want time.Time
		ok   bool
	}{
		{"", time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"1764770400", time.Date(2025, 12, 3, 14, 0, 0, 0, time.UTC), true},
		{"315532800", time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"315532799", time.Time{}, false},
		{"-1", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"4354819200", time.Time{}, false}, // 2108
	} {
		got, err := epoch(tc.env)
		if (err == nil) != tc.ok || !got.Equal(tc.want) {
			t.Errorf("epoch(%q) = %v, %v; want %v, ok %v", tc.env, got, err, tc.want, tc.ok)
		}
	}
}

// testFiles are the files the archive tests pack.
func testFiles() []archiveFile {
	return []archiveFile{
		{name: "plotline", mode: 0o755, data: bytes.Repeat([]byte("\x7fELF binary "), 1000)},
		{name: "README.md", mode: 0o644, data: []byte("# plotline\n")},
		{name: "NOTICES.txt", mode: 0o644, data: []byte("licences\n")},
	}
}

// TestTarGz checks that the same files give the same bytes, and that the
// archive holds them in order, with their modes, the one time and no owner.
func TestTarGz(t *testing.T) {
	mtime := time.Date(2025, 12, 3, 14, 0, 0, 0, time.UTC)
	var a, b bytes.Buffer
	if err := writeTarGz(&a, testFiles(), mtime); err != nil {
		t.Fatal(err)
	}
	if err := writeTarGz(&b, testFiles(), mtime); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two archives of the same files differ")
	}
	zr, err := gzip.NewReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header name %q, time %v; want none", zr.Name, zr.ModTime)
	}
	tr := tar.NewReader(zr)
	for _, want := range testFiles() {
		hdr, err := tr.Next()
		if err != nil {
			t.Fatalf("reading for %s: %v", want.name, err)
		}
		data, _ := io.ReadAll(tr)
		if hdr.Name != want.name || hdr.FileInfo().Mode() != want.mode || !bytes.Equal(data, want.data) {
			t.Errorf("entry %s, mode %v, %d bytes; want %s, %v, %d bytes", hdr.Name, hdr.FileInfo().Mode(), len(data), want.name, want.mode, len(want.data))
		}
		if !hdr.ModTime.Equal(mtime) || !hdr.AccessTime.IsZero() || hdr.Uid != 0 || hdr.Gid != 0 || hdr.Uname != "" || hdr.Gname != "" {
			t.Errorf("%s: time %v, atime %v, owner %d:%d %q:%q; want %v, none, 0:0, no names", hdr.Name, hdr.ModTime, hdr.AccessTime, hdr.Uid, hdr.Gid, hdr.Uname, hdr.Gname, mtime)
		}
	}
	if _, err := tr.Next(); err != io.EOF {
		t.Errorf("after the files: %v; want the end of the archive", err)
	}
	// Another time gives other bytes: the time is in the archive.
	var c bytes.Buffer
	if err := writeTarGz(&c, testFiles(), mtime.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("archives with different times are equal")
	}
}

// TestZip is TestTarGz for the zip archives of Windows.
func TestZip(t *testing.T) {
	mtime := time.Date(2025, 12, 3, 14, 0, 0, 0, time.UTC)
	var a, b bytes.Buffer
	if err := writeZip(&a, testFiles(), mtime); err != nil {
		t.Fatal(err)
	}
	if err := writeZip(&b, testFiles(), mtime); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two archives of the same files differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(testFiles()) {
		t.Fatalf("the zip has %d files; want %d", len(zr.File), len(testFiles()))
	}
	for i, want := range testFiles() {
		f := zr.File[i]
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name != want.name || f.Mode() != want.mode || !bytes.Equal(data, want.data) || f.Method != zip.Deflate {
			t.Errorf("entry %s, mode %v, %d bytes, method %d; want %s, %v, %d bytes, deflate", f.Name, f.Mode(), len(data), f.Method, want.name, want.mode, len(want.data))
		}
		if !f.Modified.Equal(mtime) {
			t.Errorf("%s: time %v; want %v", f.Name, f.Modified, mtime)
		}
	}
}

// TestChecksums checks the format against sha256sum, when it is installed.
func TestChecksums(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"plotline_1.2.3_linux_amd64.tar.gz": "linux", "plotline_1.2.3_darwin_arm64.tar.gz": "mac", "plotline_1.2.3_windows_amd64.zip": "windows"}
	sums := map[string][sha256.Size]byte{}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		sums[name] = sha256.Sum256([]byte(data))
	}
	got := string(checksums(sums))
	// The sums of the bytes "mac", "linux" and "windows", from sha256sum.
	want := "" +
		"348a629f5ceed032c3e8706ec47d9bfafb00fb4250b018dd965435ca50cb836e  plotline_1.2.3_darwin_arm64.tar.gz\n" +
		"caf90169eefa5f807d577486b9f795ab86ae2983c5c20806cff959117e90af18  plotline_1.2.3_linux_amd64.tar.gz\n" +
		"340d600392818df2413382dc7d8325c360d83ea49a262d31760348484bbc10b5  plotline_1.2.3_windows_amd64.zip\n"
	if got != want {
		t.Errorf("checksums =\n%s\nwant\n%s", got, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Skip("no sha256sum to check the format with")
	}
	check := func() ([]byte, error) {
		cmd := exec.Command("sha256sum", "-c", "checksums.txt")
		cmd.Dir = dir
		return cmd.CombinedOutput()
	}
	if out, err := check(); err != nil {
		t.Errorf("sha256sum -c checksums.txt: %v\n%s", err, out)
	}
	// A changed file fails the check: the sums are of the files' bytes.
	if err := os.WriteFile(filepath.Join(dir, "plotline_1.2.3_windows_amd64.zip"), []byte("tampered"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := check(); err == nil {
		t.Errorf("sha256sum -c passed a changed file:\n%s", out)
	}
}

// TestStampVar checks that the variable the linker stamps exists: a
// package-level string in internal/version that nothing else assigns.
func TestStampVar(t *testing.T) {
	pkg, name, _ := strings.Cut(strings.TrimPrefix(stampVar, "github.com/plotline/plotline/"), ".")
	dir := filepath.Join("..", "..", filepath.FromSlash(pkg))
	fset := token.NewFileSet()
	found := false
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GenDecl:
				if n.Tok != token.VAR {
					return true
				}
				for _, spec := range n.Specs {
					vs := spec.(*ast.ValueSpec)
					for _, id := range vs.Names {
						if id.Name == name && f.Scope.Lookup(name) != nil {
							typ, ok := vs.Type.(*ast.Ident)
							if !ok || typ.Name != "string" || len(vs.Values) > 0 {
								t.Errorf("%s: var %s must be a string with no value for -X to set", fset.Position(id.Pos()), name)
							}
							found = true
						}
					}
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && id.Name == name {
						t.Errorf("%s: %s is assigned; only the linker may set it", fset.Position(id.Pos()), name)
					}
				}
			}
			return true
		})
	}
	if !found {
		t.Errorf("%s has no package-level var %s for -X %s to set", dir, name, stampVar)
	}
}

// TestCheckNotices checks that a release stops when the notices the binary
// embeds are not those made from the source. (tools/notices tests that
// the committed file is up to date.)
func TestCheckNotices(t *testing.T) {
	if err := checkNotices([]byte("a\n"), []byte("a\n")); err != nil {
		t.Errorf("checkNotices(same) = %v; want nil", err)
	}
	err := checkNotices([]byte("golang.org/x/sys@v0.50.0\n"), []byte("golang.org/x/sys@v0.47.0\n"))
	if err == nil || !strings.Contains(err.Error(), "go run ./tools/notices") {
		t.Errorf("checkNotices(different) = %v; want an error saying how to make them again", err)
	}
}

func TestRunUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	for _, args := range [][]string{
		{},
		{"-version", "1.2.3"},
		{"-version", "v1.2.3+dirty"},
		{"-version", "v1.2.3", "-targets", "linux/mips"},
		{"-version", "v1.2.3", "extra"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), append(args, "-out", out), &stdout, &stderr); code != 2 || stderr.Len() == 0 {
			t.Errorf("release %q: exit %d, stderr %q; want 2 and a message", args, code, stderr.String())
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a wrong command line made the output folder")
	}
}

// TestRelease builds a release for this platform twice, checks that the
// archives are the same bytes, then unpacks the binary and checks that it
// prints the version it was stamped with and pins it in a new site's
// workflow, and that it prints the archive's notices. It runs with -build
// only.
func TestRelease(t *testing.T) {
	if !*buildFlag {
		t.Skip("run with -build to build a release")
	}
	host := runtime.GOOS + "/" + runtime.GOARCH
	if !slices.Contains(noticegen.Platforms(), host) {
		t.Skipf("%s is not a release target", host)
	}
	const v = "v9.8.7-test.1"
	t.Setenv("SOURCE_DATE_EPOCH", "1764770400")
	tmp := t.TempDir()
	var outs [2]string
	for i := range outs {
		outs[i] = filepath.Join(tmp, "dist"+string(rune('a'+i)))
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"-version", v, "-targets", host, "-out", outs[i]}, &stdout, &stderr); code != 0 {
			t.Fatalf("release: exit %d\n%s", code, stderr.String())
		}
	}
	name := archiveName(v, host)
	a, err := os.ReadFile(filepath.Join(outs[0], name))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(outs[1], name))
	if !bytes.Equal(a, b) {
		t.Errorf("two builds of %s differ", name)
	}
	sums, _ := os.ReadFile(filepath.Join(outs[0], "checksums.txt"))
	if want := []byte(checksumLine(a, name)); !bytes.Equal(sums, want) {
		t.Errorf("checksums.txt = %q; want %q", sums, want)
	}

	bin := filepath.Join(tmp, exe(host))
	if err := os.WriteFile(bin, unpack(t, a, host, exe(host)), 0o755); err != nil {
		t.Fatal(err)
	}
	// The archive's notices are the committed ones, which the binary prints.
	committed, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(noticegen.File)))
	if err != nil {
		t.Fatal(err)
	}
	if got := unpack(t, a, host, "NOTICES.txt"); !bytes.Equal(got, committed) {
		t.Errorf("the archive's NOTICES.txt is not %s", noticegen.File)
	}
	if out, err := exec.Command(bin, "version", "--licences").Output(); err != nil || !bytes.Equal(out, committed) {
		t.Errorf("plotline version --licences: %v; want %s", err, noticegen.File)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if want := "plotline " + v + " " + runtime.Version() + " " + host + "\n"; err != nil || string(out) != want {
		t.Errorf("plotline version: %v, %q; want %q", err, out, want)
	}
	site := filepath.Join(tmp, "site")
	out, err = exec.Command(bin, "new", "site", site).CombinedOutput()
	if err != nil || strings.Contains(string(out), "warning") {
		t.Errorf("plotline new site: %v\n%s", err, out)
	}
	wf, err := os.ReadFile(filepath.Join(site, ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"run: go install github.com/plotline/plotline/cmd/plotline@" + v + "\n",
		"go-version: '" + version.Go + "'",
	} {
		if !bytes.Contains(wf, []byte(want)) {
			t.Errorf("the new site's workflow has no %q:\n%s", want, wf)
		}
	}
}

func checksumLine(data []byte, name string) string {
	return string(checksums(map[string][sha256.Size]byte{name: sha256.Sum256(data)}))
}

// unpack returns the file name in a release archive for t.
func unpack(t *testing.T, archive []byte, tg, name string) []byte {
	t.Helper()
	if strings.HasPrefix(tg, "windows/") {
		zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	zr, err := gzip.NewReader(bytes.NewReader(archive))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if err != nil {
			t.Fatalf("no %s in the archive: %v", name, err)
		}
		if hdr.Name == name {
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
}

// TestWorkflow checks that the release workflow runs this tool with the tag
// as the version, on an exact Go of go.mod's release line.
func TestWorkflow(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		On   map[string]map[string][]string `yaml:"on"`
		Jobs map[string]struct {
			Env   map[string]string
			Steps []struct {
				Uses string
				Run  string
				With map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(src, &wf); err != nil {
		t.Fatalf("release.yml: %v", err)
	}
	if got := wf.On["push"]["tags"]; !slices.Equal(got, []string{"v*"}) {
		t.Errorf("release.yml runs on tags %q; want v*", got)
	}
	job, ok := wf.Jobs["release"]
	if !ok {
		t.Fatal("release.yml has no jobs.release")
	}
	if job.Env["VERSION"] != "${{ github.ref_name }}" {
		t.Errorf("VERSION = %q; want the tag, ${{ github.ref_name }}", job.Env["VERSION"])
	}
	var goVersion string
	var runs bool
	for _, s := range job.Steps {
		if strings.HasPrefix(s.Uses, "actions/setup-go@") {
			goVersion = s.With["go-version"]
		}
		runs = runs || strings.Contains(s.Run, `go run ./tools/release -version "$VERSION" -out dist`)
	}
	if parts := strings.Split(goVersion, "."); len(parts) != 3 || parts[0]+"."+parts[1] != version.Go {
		t.Errorf("release.yml sets up Go %q; want an exact version of Go %s, such as %s.0", goVersion, version.Go, version.Go)
	}
	if !runs {
		t.Error("release.yml does not run go run ./tools/release -version \"$VERSION\" -out dist")
	}
}
