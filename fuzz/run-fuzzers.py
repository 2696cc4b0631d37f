#!/usr/bin/env python3
"""Runs each libFuzzer target of a fuzz build for a fixed time.

Each target starts from its seed corpus (make-seeds.py) plus what earlier
runs in this build tree added to <build>/corpus/<target>. A crash, leak,
timeout or out-of-memory fails the run; libFuzzer writes the input that
caused it to <build>/artifacts/, and this script prints the command that
reproduces it. One summary line per target gives the figures that
docs/reliability.md records.

Usage: run-fuzzers.py --build <fuzz build dir> --seeds <dir> --seconds N
                      [target ...]
"""

import argparse
import os
import re
import subprocess
import sys
import time

TARGETS = ["PythonFrontEndFuzzer", "BindingScannerFuzzer",
           "FactsReaderFuzzer", "ConfigFuzzer", "JsonRpcFuzzer",
           "JsonSyntaxFuzzer"]


def run_target(build, seeds, name, seconds):
    binary = os.path.join(build, "bin", name)
    corpus = os.path.join(build, "corpus", name)
    artifacts = os.path.join(build, "artifacts", name) + "-"
    scratch = os.path.join(build, "tmp")
    for directory in (corpus, os.path.dirname(artifacts), scratch):
        os.makedirs(directory, exist_ok=True)
    seed_dir = os.path.join(seeds, name)
    dirs = [corpus] + ([seed_dir] if os.path.isdir(seed_dir) else [])
    command = [binary, "-max_total_time=%d" % seconds, "-timeout=10",
               "-rss_limit_mb=2048", "-print_final_stats=1",
               "-artifact_prefix=" + artifacts] + dirs
    env = dict(os.environ, TMPDIR=scratch)
    started = time.monotonic()
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            errors="replace")
    elapsed = time.monotonic() - started
    stats = dict(re.findall(r"^stat::(\w+):\s*(\d+)", result.stdout, re.M))
    executions = int(stats.get("number_of_executed_units", 0))
    corpus_size = len(os.listdir(corpus))
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-20000:])
        print("run-fuzzers: %s FAILED (exit %d) after %d executions; "
              "reproduce with: %s <artifact from %s*>"
              % (name, result.returncode, executions, binary, artifacts))
        return False
    print("run-fuzzers: %s: %d executions in %.0f s, corpus %d inputs, "
          "no crash" % (name, executions, elapsed, corpus_size))
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True)
    parser.add_argument("--seeds", required=True)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("targets", nargs="*")
    args = parser.parse_args()
    targets = args.targets or [
        t for t in TARGETS if os.path.exists(os.path.join(args.build, "bin", t))]
    if not targets:
        sys.exit("run-fuzzers: no fuzz targets in %s/bin" % args.build)
    ok = True
    for name in targets:
        ok = run_target(args.build, args.seeds, name, args.seconds) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
