#!/usr/bin/env python3
"""Reproduce every performance figure of the README, from the repository root:

  python3 tools/bench/bench.py [--shared ../shared] [-n 10000] [--runs 3] [--no-hugo | --install-hugo]
                               [--only compare,scaling,noop,watch]

1. Cold build against Hugo and the floor program: ../shared/bench/compare.py on the N-article
   site (it generates the site once under /tmp and interleaves the three tools; --install-hugo
   builds Hugo once if it is missing). Gives plotline/hugo, plotline/floor and
   plotline's peak RSS.
2. Scaling: plotline and the floor on the 1,000- and N-article sites, interleaved, min against
   min; the floor's own ratio shows what the machine's file system adds at N.
3. No-op rebuild: a build into a fresh folder, then `plotline build` again into the same folder
   with nothing changed, RUNS times; min against min.
4. Edit to reload: BenchmarkEditToReload (internal/cli) on the N-article site, 50 edits.

Each figure is a ratio of times taken in one run of this script. The machines these run on are
shared: compare ratios, never absolute times across runs.
"""
import argparse, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS MiB)."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write((p.stdout + p.stderr)[-3000:])
        raise SystemExit("failed: " + " ".join(cmd))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr)
    wall = 0.0
    for part in m.group(1).split(":"):
        wall = wall * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return wall, rss


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["sync"])


def site(shared, n):
    """The n-article site compare.py uses, generated if missing."""
    path = "/tmp/plotline-bench-%d" % n
    if not os.path.exists(os.path.join(path, "hugo.toml")):
        shutil.rmtree(path, ignore_errors=True)
        subprocess.run(["go", "run", ".", "-n", str(n), "-out", path, "-hugo"],
                       cwd=os.path.join(shared, "bench", "gencorpus"), check=True)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--install-hugo", action="store_true")
    ap.add_argument("--only", default="compare,scaling,noop,watch", help="the sections to run")
    a = ap.parse_args()
    only = set(a.only.split(","))

    work = tempfile.mkdtemp(prefix="plotline-bench-")
    # The build caches of the output folders made here go with them.
    os.environ["XDG_CACHE_HOME"] = os.path.join(work, "cache")
    binary = os.path.join(work, "plotline")
    subprocess.run(["go", "build", "-o", binary, "./cmd/plotline"], cwd=ROOT, check=True)
    big, small = site(a.shared, a.n), site(a.shared, 1000)
    out = os.path.join(work, "public")

    if "compare" in only:
        compare(a, binary)
    if "scaling" in only:
        scaling(a, binary, small, big, out)
    if "noop" in only:
        noop(a, binary, big, out)
    if "watch" in only:
        watch(a, big)
    shutil.rmtree(work, ignore_errors=True)


def compare(a, binary):
    print("## 1. cold build, plotline vs Hugo vs floor (compare.py -n %d --runs %d)" % (a.n, a.runs), flush=True)
    cmd = ["python3", os.path.join(a.shared, "bench", "compare.py"), "--plotline", binary,
           "-n", str(a.n), "--runs", str(a.runs)]
    if a.no_hugo:
        cmd.append("--no-hugo")
    elif a.install_hugo:
        cmd.append("--install-hugo")
    subprocess.run(cmd, check=True)


def scaling(a, binary, small, big, out):
    print("\n## 2. scaling, 1,000 against %d articles" % a.n, flush=True)
    floor = os.path.join(os.path.dirname(out), "floor")
    subprocess.run(["go", "build", "-o", floor, "."], cwd=os.path.join(a.shared, "bench", "floor"), check=True)
    tools = {
        "plotline": lambda s: [binary, "build", "-q", "--no-cache", "-s", s, "-d", out],
        "floor": lambda s: [floor, "-in", os.path.join(s, "content", "articles"), "-out", out, "-yaml", "v3"],
    }
    times = {(t, s): [] for t in tools for s in (small, big)}
    for i in range(a.runs):
        for s in (small, big):
            for t, cmd in tools.items():
                fresh(out)
                wall, rss = timed(cmd(s))
                times[(t, s)].append(wall)
                print("run %d %-8s %-24s %7.2f s %5.0f MiB" % (i + 1, t, os.path.basename(s), wall, rss), flush=True)
    for t in tools:
        lo, hi = min(times[(t, small)]), min(times[(t, big)])
        print("%-8s %d/1000 = %.2f (min %.2f s / min %.2f s)" % (t, a.n, hi / lo, hi, lo))


def noop(a, binary, big, out):
    print("\n## 3. no-op rebuild of the %d-article site" % a.n, flush=True)
    cold, again = [], []
    for i in range(a.runs):
        fresh(out)
        # The first build renders every page (the folder is new, so the
        # cache has nothing to reuse) and records what it wrote; the
        # second finds every page unchanged.
        cold.append(timed([binary, "build", "-q", "-s", big, "-d", out])[0])
        again.append(timed([binary, "build", "-q", "-s", big, "-d", out])[0])
        print("run %d cold %.2f s, unchanged %.2f s" % (i + 1, cold[-1], again[-1]), flush=True)
    print("no-op/cold = %.2f (min %.2f s / min %.2f s)" % (min(again) / min(cold), min(again), min(cold)))


def watch(a, big):
    print("\n## 4. edit to reload event, %d-article site" % a.n, flush=True)
    env = dict(os.environ, PLOTLINE_BENCH_SITE=big)
    subprocess.run(["go", "test", "./internal/cli", "-run", "^$", "-bench", "EditToReload",
                    "-benchtime", "50x"], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
