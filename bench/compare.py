#!/usr/bin/env python3
"""Times spawnguard against its peers over one compilation database.

Runs, side by side in one invocation and over exactly the same translation
units:
  * clang-19 -fsyntax-only          the floor: parsing alone
  * clang-tidy-19 bugprone-signal-handler and cert-err58-cpp, the peers
  * spawnguard cold (empty cache), warm (nothing changed), and after one
    edit (one unit touched)
  * spawnguard link over every unit's facts file, alone

and prints wall time, peak RSS and the ratio to the floor. Each tool gets the
same parallelism (-j). Timings are measured, never asserted: this is not a
test.

Usage:
  bench/compare.py -p BUILD_DIR [-j N] [--repeat R]   an existing database
  bench/compare.py --corpus 100,1000 [-j N]            generated corpora
                                                      (bench/gen_corpus.py)
"""
import argparse
import concurrent.futures
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

CLANG = "/usr/lib/llvm-19/bin/clang"
CLANG_TIDY = "/usr/lib/llvm-19/bin/clang-tidy"


def load_commands(build_dir):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    commands = []
    for e in entries:
        args = e.get("arguments") or shlex.split(e["command"])
        commands.append((e["directory"], e["file"], args))
    return commands


def syntax_only_args(args, file):
    """The entry's command as a clang-19 syntax-only parse, warnings off,
    as spawnguard itself parses it."""
    out, skip = [CLANG], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith("-o"):
            continue
        out.append(a)
    if "++" in os.path.basename(args[0]) or file.endswith((".cpp", ".cc", ".cxx")):
        out.insert(1, "--driver-mode=g++")
    return out + ["-fsyntax-only", "-w"]


def run_parallel(jobs, tasks):
    """Runs (cwd, argv) tasks with a pool of `jobs`; returns wall seconds."""
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(subprocess.run, argv, cwd=cwd,
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                   for cwd, argv in tasks]
        for f in futures:
            f.result()
    return time.perf_counter() - start


def timed(cwd, argv):
    """Wall seconds and peak RSS (MB) of one command, via GNU time."""
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, *argv],
                       cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        secs = time.perf_counter() - start
        # GNU time prefixes a line when the command exits non-zero, as
        # spawnguard does when it finds something; the figure is last.
        lines = rss.read().split()
        return secs, int(lines[-1] if lines else 0) / 1024.0


def bench_database(build, opts):
    commands = load_commands(build)
    print(f"\n== {build}: {len(commands)} translation units, -j{opts.jobs}, "
          f"best of {opts.repeat}")
    rows = []

    def row(name, secs, rss=None):
        rows.append((name, secs, rss))

    tools = [("clang-19 -fsyntax-only",
              [(d, syntax_only_args(a, f)) for d, f, a in commands])]
    if not opts.skip_tidy:
        for check in ("bugprone-signal-handler", "cert-err58-cpp"):
            tools.append((f"clang-tidy-19 {check}",
                          [(d, [CLANG_TIDY, f"-checks=-*,{check}", "-p", build,
                                "--quiet", f]) for d, f, a in commands]))
    for name, tasks in tools:
        row(name, min(run_parallel(opts.jobs, tasks)
                      for _ in range(opts.repeat)))

    sg = [opts.spawnguard, "-p", build, "-q", "-j", str(opts.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "cache")
        cold = []
        for _ in range(opts.repeat):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(timed(os.getcwd(), sg + ["--cache-dir", cache]))
        row("spawnguard cold", *min(cold))
        row("spawnguard warm, nothing changed",
            *min(timed(os.getcwd(), sg + ["--cache-dir", cache])
                 for _ in range(opts.repeat)))
        # Touch one unit: new contents, so its cache entry goes stale.
        victim = commands[len(commands) // 2][1]
        with open(victim) as f:
            original = f.read()
        edits = []
        for n in range(opts.repeat):
            with open(victim, "w") as f:
                f.write(original + f"\n// edit {n} {time.time()}\n")
            edits.append(timed(os.getcwd(), sg + ["--cache-dir", cache]))
        with open(victim, "w") as f:
            f.write(original)
        row("spawnguard after one edit", *min(edits))

        facts = os.path.join(tmp, "facts")
        subprocess.run([opts.spawnguard, "extract", "-p", build, "-q", "-o",
                        facts, "--cache-dir", cache, "-j", str(opts.jobs)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        row("spawnguard link (facts files only)",
            *min(timed(os.getcwd(), [opts.spawnguard, "link", "-q", facts])
                 for _ in range(opts.repeat)))

    floor = rows[0][1]
    print(f"{'tool':<40}{'wall s':>9}{'x floor':>9}{'peak MB':>9}")
    for name, secs, rss in rows:
        mem = f"{rss:>9.0f}" if rss is not None else f"{'':>9}"
        print(f"{name:<40}{secs:>9.2f}{secs / floor:>9.2f}{mem}")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", dest="build")
    ap.add_argument("--corpus", help="comma-separated sizes to generate")
    ap.add_argument("--headers", action="store_true",
                    help="generated units include standard headers")
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--spawnguard",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         "..", "build", "bin", "spawnguard"))
    ap.add_argument("--skip-tidy", action="store_true",
                    help="leave out the clang-tidy peers (slow on big trees)")
    opts = ap.parse_args()
    if not opts.build and not opts.corpus:
        ap.error("give -p BUILD_DIR or --corpus SIZES")
    if opts.build:
        bench_database(os.path.abspath(opts.build), opts)
    for size in filter(None, (opts.corpus or "").split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            gen = [sys.executable,
                   os.path.join(os.path.dirname(__file__), "gen_corpus.py"),
                   tmp, size] + (["--headers"] if opts.headers else [])
            subprocess.run(gen, check=True)
            bench_database(tmp, opts)


if __name__ == "__main__":
    sys.exit(main())
