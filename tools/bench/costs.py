#!/usr/bin/env python3
"""What each part of a cold build costs, against the floor, from the repository root:

  python3 tools/bench/costs.py [--shared ../shared] [-n 10000] [--runs 3] [--out /dev/shm/costs]

It checks HEAD out into a temporary worktree, applies tools/bench/costs.patch there (three
switches, read from PLOTLINE_COST_LEAVE_OUT, that leave out a part of the build: `chart`, the
charts whole, with their option, drawings, tables and files; `files`, only the charts' CSV and
SVG files; `typed`, the check of numbers typed by hand), builds that plotline and the floor
program of ../shared/bench, then times, round-robin so that noise hits all alike, `plotline
build -q --no-cache` with each set of parts left out and the floor, each into an empty output
folder under /usr/bin/time. The patch is for measuring only and never goes into a release.

The default output folder is in memory (/dev/shm): on the shared machines these figures come
from, the system time of writing the same files to disk ranged from 3.6 to 25 s from one run to
the next, which hid what the parts cost; --out on disk gives compare.py's setting. Only the
ratios of one run compare.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
VARIANTS = [
    ("plotline", ""),
    ("without the typed-number check", "typed"),
    ("without the charts' CSV and SVG files", "files"),
    ("without the charts", "chart"),
    ("without the charts and the check", "chart,typed"),
]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def timed(cmd, env):
    """Runs cmd under /usr/bin/time; returns wall, user and system seconds and peak RSS MiB."""
    p = subprocess.run(["/usr/bin/time", "-f", "TIME %e %U %S %M"] + cmd, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr[-3000:])
        raise SystemExit("failed: " + " ".join(cmd))
    m = re.search(r"TIME (\S+) (\S+) (\S+) (\d+)", p.stderr)
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), int(m.group(4)) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default="/dev/shm/plotline-costs", help="output folder of each build")
    a = ap.parse_args()

    bench = os.path.join(os.path.abspath(a.shared), "bench")
    site = "/tmp/plotline-bench-%d" % a.n
    if not os.path.isdir(os.path.join(site, "content")):
        run(["go", "run", ".", "-n", str(a.n), "-out", site, "-hugo"], cwd=os.path.join(bench, "gencorpus"))
    work = tempfile.mkdtemp(prefix="plotline-costs-")
    tree = os.path.join(work, "tree")
    plotline, floor = os.path.join(work, "plotline"), os.path.join(work, "floor")
    try:
        run(["git", "worktree", "add", "-q", "--detach", tree, "HEAD"], cwd=ROOT)
        run(["git", "apply", os.path.join(ROOT, "tools", "bench", "costs.patch")], cwd=tree)
        run(["go", "build", "-o", plotline, "./cmd/plotline"], cwd=tree)
        run(["go", "build", "-o", floor, "."], cwd=os.path.join(bench, "floor"))
        tools = [(name, [plotline, "build", "-q", "--no-cache", "-s", site, "-d"],
                  dict(os.environ, PLOTLINE_COST_LEAVE_OUT=parts)) for name, parts in VARIANTS]
        tools.append(("floor", [floor, "-in", os.path.join(site, "content", "articles"), "-yaml", "v3", "-out"],
                      dict(os.environ)))
        res = {name: [] for name, _, _ in tools}
        for i in range(a.runs):
            for name, cmd, env in tools:
                shutil.rmtree(a.out, ignore_errors=True)
                run(["sync"])
                t = timed(cmd + [a.out], env)
                res[name].append(t)
                print("run %d %-40s %6.2f s wall %6.2f s user %5.2f s system %4.0f MiB" % ((i + 1, name) + t), flush=True)
        shutil.rmtree(a.out, ignore_errors=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT)
        shutil.rmtree(work, ignore_errors=True)

    floor_wall = min(t[0] for t in res["floor"])
    floor_user = min(t[1] for t in res["floor"])
    print("\n| N=%d, output in %s | wall min s | wall median s | user min s | wall / floor | user / floor |" % (a.n, a.out))
    print("|---|---:|---:|---:|---:|---:|")
    for name, ts in res.items():
        wall, user = [t[0] for t in ts], [t[1] for t in ts]
        print("| %s | %.2f | %.2f | %.2f | %.2f | %.2f |" % (name, min(wall), statistics.median(wall), min(user),
                                                           min(wall) / floor_wall, min(user) / floor_user))


if __name__ == "__main__":
    main()
