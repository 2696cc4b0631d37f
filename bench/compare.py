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
same parallelism (-j; '-j 1,2' gives a table for each). With --repeat R,
every tool runs once per round for R rounds, and its best round counts:
round-robin, so that a shared host's drifting speed affects all tools
alike. Timings are measured, never asserted: this is not a test.

With --python DIR, the same over a copy of the '.py' files under DIR (e.g.
the standard library, /usr/lib/python3.11), each tool one process:
  * bench/ast_parse.py              the floor: ast.parse of every file
  * python3 -m pyflakes, and pylint with one cheap check, the peers
  * spawnguard cold (empty cache), warm (nothing changed), and after one
    module's body was edited, with each -j given (the peers run one
    process on one core, as they always do)
with wall time, CPU time (user + system), peak RSS and ratios to the floor.
The peers come from Debian: apt-get install python3-pyflakes pylint.

Usage:
  bench/compare.py -p BUILD_DIR [-j 1,2] [--repeat R]  an existing database
  bench/compare.py --corpus 100,1000 [-j 1,2]           generated corpora
                                                       (bench/gen_corpus.py)
  bench/compare.py --python /usr/lib/python3.11 [-j 1,2]  a Python tree
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


def timed_cpu(cwd, argv):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one
    command, via GNU time."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", report.name,
                        *argv],
                       cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        secs = time.perf_counter() - start
        # GNU time prefixes a line when the command exits non-zero, as
        # spawnguard does when it finds something; the figures are last.
        fields = report.read().split()[-3:]
        if len(fields) != 3:
            return secs, 0.0, 0.0
        return secs, float(fields[0]) + float(fields[1]), int(fields[2]) / 1024.0


def timed(cwd, argv):
    """Wall seconds and peak RSS (MB) of one command."""
    secs, _, rss = timed_cpu(cwd, argv)
    return secs, rss


def interleaved(rounds, tools):
    """Runs `tools`, a list of (name, thunk) where a thunk returns a tuple
    whose first field is wall seconds, round-robin for `rounds` rounds, and
    returns (name, best result) in order. Round-robin rather than each tool's
    repeats in a row: on a shared host the machine's speed drifts over
    minutes, and it should drift for every tool alike."""
    best = {}
    for _ in range(rounds):
        for name, thunk in tools:
            result = thunk()
            if name not in best or result[0] < best[name][0]:
                best[name] = result
    return [(name, best[name]) for name, _ in tools]


def bench_database(build, opts, jobs):
    commands = load_commands(build)
    print(f"\n== {build}: {len(commands)} translation units, -j{jobs}, "
          f"best of {opts.repeat} interleaved rounds")
    rows = []

    def row(name, secs, rss=None):
        rows.append((name, secs, rss))

    peers = [("clang-19 -fsyntax-only",
              [(d, syntax_only_args(a, f)) for d, f, a in commands])]
    if not opts.skip_tidy:
        for check in ("bugprone-signal-handler", "cert-err58-cpp"):
            peers.append((f"clang-tidy-19 {check}",
                          [(d, [CLANG_TIDY, f"-checks=-*,{check}", "-p", build,
                                "--quiet", f]) for d, f, a in commands]))
    tools = [(name, lambda tasks=tasks: (run_parallel(jobs, tasks), None))
             for name, tasks in peers]

    sg = [opts.spawnguard, "-p", build, "-q", "-j", str(jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "cache")
        facts = os.path.join(tmp, "facts")
        # Touch one unit: new contents, so its cache entry goes stale.
        victim = commands[len(commands) // 2][1]
        with open(victim) as f:
            original = f.read()
        edits = iter(range(1 << 30))

        def cold():
            shutil.rmtree(cache, ignore_errors=True)
            return timed(os.getcwd(), sg + ["--cache-dir", cache])

        def edited():
            with open(victim, "w") as f:
                f.write(original + f"\n// edit {next(edits)} {time.time()}\n")
            return timed(os.getcwd(), sg + ["--cache-dir", cache])

        def link():
            if not os.path.isdir(facts):
                subprocess.run([opts.spawnguard, "extract", "-p", build, "-q",
                                "-o", facts, "--cache-dir", cache,
                                "-j", str(jobs)],
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            return timed(os.getcwd(), [opts.spawnguard, "link", "-q", facts])

        tools += [
            ("spawnguard cold", cold),
            ("spawnguard warm, nothing changed",
             lambda: timed(os.getcwd(), sg + ["--cache-dir", cache])),
            ("spawnguard after one edit", edited),
            ("spawnguard link (facts files only)", link),
        ]
        try:
            for name, result in interleaved(opts.repeat, tools):
                row(name, *result)
        finally:
            with open(victim, "w") as f:
                f.write(original)

    floor = rows[0][1]
    print(f"{'tool':<40}{'wall s':>9}{'x floor':>9}{'peak MB':>9}")
    for name, secs, rss in rows:
        mem = f"{rss:>9.0f}" if rss is not None else f"{'':>9}"
        print(f"{name:<40}{secs:>9.2f}{secs / floor:>9.2f}{mem}")


def copy_python_tree(source, dest):
    """Copies the '.py' files under `source` to `dest`, keeping the layout,
    so that one module can be edited without touching the original."""
    count = 0
    for dirpath, dirnames, filenames in os.walk(source):
        dirnames[:] = sorted(d for d in dirnames
                             if d != "__pycache__" and not d.startswith("."))
        for name in filenames:
            if name.endswith(".py"):
                rel = os.path.relpath(os.path.join(dirpath, name), source)
                os.makedirs(os.path.join(dest, os.path.dirname(rel)),
                            exist_ok=True)
                shutil.copyfile(os.path.join(dirpath, name),
                                os.path.join(dest, rel))
                count += 1
    return count


def bench_python(source, opts):
    with tempfile.TemporaryDirectory() as tmp:
        tree = os.path.join(tmp, "tree")
        count = copy_python_tree(source, tree)
        print(f"\n== {source}: {count} Python files, one process each, "
              f"best of {opts.repeat} interleaved rounds")
        python = "/usr/bin/python3"
        here = os.path.dirname(os.path.abspath(__file__))
        rows = []

        tools = [
            ("ast.parse only (bench/ast_parse.py)",
             lambda: timed_cpu(tmp, [python, os.path.join(here, "ast_parse.py"),
                                     tree])),
            ("python3 -m pyflakes",
             lambda: timed_cpu(tmp, [python, "-m", "pyflakes", tree])),
        ]
        if not opts.skip_pylint:
            tools.append(("pylint unused-import",
                          lambda: timed_cpu(tmp, [
                              "pylint", "--disable=all",
                              "--enable=unused-import", "--recursive=y",
                              "--persistent=n", "--score=n", tree])))
        # A body edit: a comment at the end keeps the module's interface.
        victim = os.path.join(tree, "subprocess.py")
        if not os.path.exists(victim):
            victim = sorted(os.path.join(d, f) for d, _, fs in os.walk(tree)
                            for f in fs)[0]
        with open(victim, encoding="utf-8") as f:
            original = f.read()
        edits = iter(range(1 << 30))
        for jobs in opts.jobs:
            cache = os.path.join(tmp, f"cache-j{jobs}")
            sg = [opts.spawnguard, tree, "-q", "-j", str(jobs),
                  "--cache-dir", cache]

            def cold(cache=cache, sg=sg):
                shutil.rmtree(cache, ignore_errors=True)
                return timed_cpu(tmp, sg)

            def edited(sg=sg):
                with open(victim, "w", encoding="utf-8") as f:
                    f.write(original + f"\n# edit {next(edits)} {time.time()}\n")
                return timed_cpu(tmp, sg)

            tools += [(f"spawnguard -j{jobs} cold", cold),
                      (f"spawnguard -j{jobs} warm, nothing changed",
                       lambda sg=sg: timed_cpu(tmp, sg)),
                      (f"spawnguard -j{jobs} after one body edit", edited)]
        try:
            rows = [(name, *result)
                    for name, result in interleaved(opts.repeat, tools)]
        finally:
            with open(victim, "w", encoding="utf-8") as f:
                f.write(original)

    floor_wall, floor_cpu = rows[0][1], rows[0][2]
    print(f"{'tool':<40}{'wall s':>9}{'x floor':>9}{'cpu s':>9}"
          f"{'x floor':>9}{'peak MB':>9}")
    for name, secs, cpu, rss in rows:
        print(f"{name:<40}{secs:>9.2f}{secs / floor_wall:>9.2f}{cpu:>9.2f}"
              f"{cpu / floor_cpu:>9.2f}{rss:>9.0f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", dest="build")
    ap.add_argument("--corpus", help="comma-separated sizes to generate")
    ap.add_argument("--headers", action="store_true",
                    help="generated units include standard headers")
    ap.add_argument("-j", dest="jobs", default=str(os.cpu_count()),
                    help="comma-separated job counts, e.g. 1,2; each gets "
                         "its own rows (default: the number of cores)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--spawnguard",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         "..", "build", "bin", "spawnguard"))
    ap.add_argument("--skip-tidy", action="store_true",
                    help="leave out the clang-tidy peers (slow on big trees)")
    ap.add_argument("--python", metavar="DIR",
                    help="also time the Python tools over the '.py' files "
                         "under DIR")
    ap.add_argument("--skip-pylint", action="store_true",
                    help="leave out pylint (slow on big trees)")
    opts = ap.parse_args()
    opts.jobs = [int(j) for j in opts.jobs.split(",") if j]
    if not opts.build and not opts.corpus and not opts.python:
        ap.error("give -p BUILD_DIR, --corpus SIZES or --python DIR")
    if opts.build:
        for jobs in opts.jobs:
            bench_database(os.path.abspath(opts.build), opts, jobs)
    for size in filter(None, (opts.corpus or "").split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            gen = [sys.executable,
                   os.path.join(os.path.dirname(__file__), "gen_corpus.py"),
                   tmp, size] + (["--headers"] if opts.headers else [])
            subprocess.run(gen, check=True)
            for jobs in opts.jobs:
                bench_database(tmp, opts, jobs)
    if opts.python:
        bench_python(os.path.abspath(opts.python), opts)


if __name__ == "__main__":
    sys.exit(main())
