// Command release builds plotline's release files: for each platform, a
// binary stamped with the version, packed with the README and the licence
// notices of everything compiled into it, and a checksums.txt of the
// archives' SHA-256 sums, in the format sha256sum reads.
//
// Usage, anywhere in the repository:
//
//	go run ./tools/release -version v1.2.3 [-out dist] [-targets linux/amd64,windows/arm64]
//
// It writes into -out, which must be empty or not exist:
//
//	plotline_1.2.3_linux_amd64.tar.gz     (and darwin_amd64, linux_arm64, darwin_arm64)
//	plotline_1.2.3_windows_amd64.zip      (and windows_arm64)
//	checksums.txt
//
// The same source, Go toolchain and version give the same bytes: binaries
// are built with CGO_ENABLED=0, -trimpath, -buildvcs=false and the default
// microarchitecture level, whatever the environment says, and the
// archives hold their files in a fixed order, with fixed owners and modes
// and one modification time: SOURCE_DATE_EPOCH (seconds since 1970) when
// it is set, else 1980-01-01, the earliest a zip file can hold.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/version"
	"github.com/plotline/plotline/tools/internal/noticegen"
)

// stampVar is the variable the linker sets to the release version.
const stampVar = "github.com/plotline/plotline/internal/version.stamp"

// exe returns the binary's file name on the target t, a GOOS/GOARCH.
func exe(t string) string {
	if strings.HasPrefix(t, "windows/") {
		return "plotline.exe"
	}
	return "plotline"
}

// archiveName returns the name of t's archive for version v: the version
// without its v, as in plotline_1.2.3_linux_amd64.tar.gz.
func archiveName(v, t string) string {
	ext := ".tar.gz"
	if strings.HasPrefix(t, "windows/") {
		ext = ".zip"
	}
	return fmt.Sprintf("plotline_%s_%s%s", strings.TrimPrefix(v, "v"), strings.ReplaceAll(t, "/", "_"), ext)
}

// parseTargets reads a comma-separated list of GOOS/GOARCH pairs, each one
// of noticegen.Platforms, those whose builds the notices cover.
func parseTargets(s string) ([]string, error) {
	var out []string
	for t := range strings.SplitSeq(s, ",") {
		t = strings.TrimSpace(t)
		if !slices.Contains(noticegen.Platforms(), t) {
			return nil, fmt.Errorf("unknown target %q (want one of %s)", t, strings.Join(noticegen.Platforms(), ","))
		}
		if slices.Contains(out, t) {
			return nil, fmt.Errorf("target %s is given twice", t)
		}
		out = append(out, t)
	}
	return out, nil
}

// epoch returns the modification time of every file in the archives, from
// the value of SOURCE_DATE_EPOCH.
func epoch(env string) (time.Time, error) {
	earliest := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	if env == "" {
		return earliest, nil
	}
	sec, err := strconv.ParseInt(env, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", env)
	}
	t := time.Unix(sec, 0).UTC()
	if t.Before(earliest) || t.Year() > 2107 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is outside the years 1980 to 2107 that a zip file can hold", env)
	}
	return t, nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("release", flag.ContinueOnError)
	flags.SetOutput(stderr)
	v := flags.String("version", "", "the `version` to stamp in, such as v1.2.3 (required)")
	out := flags.String("out", "dist", "the `folder` to write into; it must be empty or not exist")
	targets := flags.String("targets", strings.Join(noticegen.Platforms(), ","), "the `platforms` to build, GOOS/GOARCH separated by commas")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "release: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	if !version.IsRelease(*v) {
		fmt.Fprintf(stderr, "release: -version %q is not a release version, such as v1.2.3 or v1.3.0-rc.1\n", *v)
		return 2
	}
	ts, err := parseTargets(*targets)
	if err != nil {
		fmt.Fprintf(stderr, "release: -targets: %v\n", err)
		return 2
	}
	mtime, err := epoch(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		fmt.Fprintf(stderr, "release: %v\n", err)
		return 2
	}
	if err := release(ctx, *v, *out, ts, mtime, stdout); err != nil {
		fmt.Fprintf(stderr, "release: %v\n", err)
		return 1
	}
	return 0
}

// release builds version v for targets into the folder out, with the
// modification time mtime, and writes checksums.txt.
func release(ctx context.Context, v, out string, targets []string, mtime time.Time, stdout io.Writer) error {
	root, err := noticegen.ModuleRoot(ctx)
	if err != nil {
		return err
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty; remove it or choose another -out", out)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "plotline-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return err
	}
	notes, err := notices(ctx, root)
	if err != nil {
		return fmt.Errorf("the licence notices: %w", err)
	}
	sums := map[string][sha256.Size]byte{}
	for _, t := range targets {
		bin := filepath.Join(tmp, strings.ReplaceAll(t, "/", "_"), exe(t))
		if err := build(ctx, root, v, t, bin); err != nil {
			return fmt.Errorf("building %s: %w", t, err)
		}
		binary, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		files := []archiveFile{
			{name: exe(t), mode: 0o755, data: binary},
			{name: "README.md", mode: 0o644, data: readme},
			{name: "NOTICES.txt", mode: 0o644, data: notes},
		}
		var buf bytes.Buffer
		if strings.HasPrefix(t, "windows/") {
			err = writeZip(&buf, files, mtime)
		} else {
			err = writeTarGz(&buf, files, mtime)
		}
		if err != nil {
			return err
		}
		name := archiveName(v, t)
		if err := os.WriteFile(filepath.Join(out, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
		sums[name] = sha256.Sum256(buf.Bytes())
		fmt.Fprintf(stdout, "%s\t%.1f MB\n", name, float64(buf.Len())/1e6)
	}
	if err := os.WriteFile(filepath.Join(out, "checksums.txt"), checksums(sums), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "checksums.txt")
	return nil
}

// goEnv returns the environment the go command builds t in: the caller's,
// with everything that would change the bytes of the binary fixed.
func goEnv(t string) []string {
	goos, goarch, _ := strings.Cut(t, "/")
	return append(os.Environ(),
		"CGO_ENABLED=0",
		"GOOS="+goos,
		"GOARCH="+goarch,
		"GOAMD64=v1",
		"GOARM64=v8.0",
		"GOFLAGS=",
		"GOEXPERIMENT=",
		"GOFIPS140=off",
	)
}

// buildArgs returns the arguments of the go command that builds t's binary,
// stamped with version v, into bin.
func buildArgs(v, bin string) []string {
	return []string{
		"build", "-trimpath", "-buildvcs=false",
		"-ldflags", "-s -w -X " + stampVar + "=" + v,
		"-o", bin, "./cmd/plotline",
	}
}

// build builds plotline for t, stamped with version v, into bin.
func build(ctx context.Context, root, v, t, bin string) error {
	cmd := exec.CommandContext(ctx, "go", buildArgs(v, bin)...)
	cmd.Dir = root
	cmd.Env = goEnv(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%w\n%s", err, out)
	}
	return nil
}

// notices returns the text of NOTICES.txt, the same in every archive: the
// licences of plotline and of everything built into it on any platform,
// as tools/notices makes them. It is an error when the file the binary
// embeds says otherwise, so that the archive and plotline version
// --licences never disagree.
func notices(ctx context.Context, root string) ([]byte, error) {
	made, err := noticegen.Generate(ctx, noticegen.Options{Root: root})
	if err != nil {
		return nil, err
	}
	committed, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(noticegen.File)))
	if err != nil {
		return nil, err
	}
	return made, checkNotices(made, committed)
}

// checkNotices returns an error when the embedded notices, committed, are
// not the ones made from the source, made.
func checkNotices(made, committed []byte) error {
	if !bytes.Equal(made, committed) {
		return fmt.Errorf("%s is out of date: run go run ./tools/notices and commit it", noticegen.File)
	}
	return nil
}

// archiveFile is one file in an archive.
type archiveFile struct {
	name string
	mode fs.FileMode
	data []byte
}

// writeTarGz writes files to w as a gzipped tar archive whose every entry
// has the modification time mtime and no owner.
func writeTarGz(w io.Writer, files []archiveFile, mtime time.Time) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression) // the gzip header has no name and no time
	if err != nil {
		return err
	}
	tw := tar.NewWriter(zw)
	for _, f := range files {
		hdr := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     f.name,
			Mode:     int64(f.mode.Perm()),
			Size:     int64(len(f.data)),
			ModTime:  mtime,
			Format:   tar.FormatUSTAR, // no PAX records for access or change times
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return zw.Close()
}

// writeZip writes files to w as a zip archive whose every entry has the
// modification time mtime.
func writeZip(w io.Writer, files []archiveFile, mtime time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	for _, f := range files {
		hdr := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mtime}
		hdr.SetMode(f.mode)
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// checksums returns the text of checksums.txt: one line a file, sorted by
// name, as sha256sum writes them.
func checksums(sums map[string][sha256.Size]byte) []byte {
	var b bytes.Buffer
	for _, n := range slices.Sorted(maps.Keys(sums)) {
		fmt.Fprintf(&b, "%x  %s\n", sums[n], n)
	}
	return b.Bytes()
}
