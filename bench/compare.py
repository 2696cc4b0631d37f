#!/usr/bin/env python3
"""Times spawnguard against its peers over one compilation database.

Runs, side by side in one invocation and over exactly the same translation
units:
  * clang-19 -fsyntax-only          the floor: parsing alone
  * clang-tidy-19 bugprone-signal-handler and cert-err58-cpp, the peers
  * spawnguard -p                   parse, extract facts, link, search

and prints wall time, peak RSS and the ratio to the floor. Each tool gets the
same parallelism (-j). Timings are measured, never asserted: this is not a
test.

Usage: bench/compare.py -p BUILD_DIR [-j N] [--repeat R] [--spawnguard BIN]
"""
import argparse
import concurrent.futures
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
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


def peak_child_rss_mb():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", dest="build", required=True)
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--spawnguard",
                    default=os.path.join(os.path.dirname(__file__), "..",
                                         "build", "bin", "spawnguard"))
    ap.add_argument("--skip-tidy", action="store_true",
                    help="leave out the clang-tidy peers (slow on big trees)")
    opts = ap.parse_args()

    commands = load_commands(opts.build)
    build = os.path.abspath(opts.build)
    tools = [("clang-19 -fsyntax-only",
              [(d, syntax_only_args(a, f)) for d, f, a in commands])]
    if not opts.skip_tidy:
        for check in ("bugprone-signal-handler", "cert-err58-cpp"):
            tools.append((f"clang-tidy-19 {check}",
                          [(d, [CLANG_TIDY, f"-checks=-*,{check}", "-p", build,
                                "--quiet", f]) for d, f, a in commands]))
    # spawnguard parallelizes internally; it is one process.
    spawnguard = [(os.getcwd(), [opts.spawnguard, "-p", build, "-q",
                                 "-j", str(opts.jobs)])]

    print(f"{len(commands)} translation units, -j{opts.jobs}, "
          f"best of {opts.repeat}")
    rows = []
    for name, tasks in tools:
        times = [run_parallel(opts.jobs, tasks) for _ in range(opts.repeat)]
        rows.append((name, min(times)))
    times = [run_parallel(1, spawnguard) for _ in range(opts.repeat)]
    rows.append(("spawnguard", min(times)))

    floor = rows[0][1]
    print(f"{'tool':<38}{'wall s':>10}{'x floor':>10}")
    for name, secs in rows:
        print(f"{name:<38}{secs:>10.2f}{secs / floor:>10.2f}")
    print(f"peak RSS of any child process: {peak_child_rss_mb():.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
