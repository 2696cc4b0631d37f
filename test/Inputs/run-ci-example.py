#!/usr/bin/env python3
"""Checks an integration file and runs its spawnguard command.

Usage:
  run-ci-example.py pre-commit HOOKS_YAML SPAWNGUARD
  run-ci-example.py workflow WORKFLOW_YAML SPAWNGUARD

Runs in the current directory, which must hold a build/ with a
compile_commands.json. Prints what it ran and the command's exit status, so
a lit test can pin both.
"""
import re
import shlex
import subprocess
import sys

import yaml


def run(argv):
    print("run:", " ".join(argv[1:]), flush=True)
    status = subprocess.call(argv)
    print("status:", status)


def pre_commit(path, spawnguard):
    hooks = yaml.safe_load(open(path))
    (hook,) = [h for h in hooks if h["id"] == "spawnguard"]
    for key in ("id", "name", "entry", "language"):
        assert key in hook, "hook lacks required key " + key
    assert hook["language"] == "system"
    files = re.compile(hook["files"])
    for name in ("src/a.cpp", "a.cc", "include/x.h", "x.hpp"):
        assert files.search(name), name
    for name in ("a.py", "CMakeLists.txt", "README.md"):
        assert not files.search(name), name
    # pre-commit runs: entry, then args (then file names, not passed here).
    entry = shlex.split(hook["entry"])
    assert entry == ["spawnguard"], entry
    assert hook["pass_filenames"] is False
    run([spawnguard] + hook.get("args", []))


def workflow(path, spawnguard):
    wf = yaml.safe_load(open(path))
    assert wf["permissions"]["security-events"] == "write"
    (job,) = wf["jobs"].values()
    steps = {s.get("id") or s.get("name"): s for s in job["steps"]}
    upload = [s for s in job["steps"]
              if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert len(upload) == 1, "one upload-sarif step"
    sarif_file = upload[0]["with"]["sarif_file"]
    command = steps["spawnguard"]["run"]
    # The step's command, with our binary, through a shell like Actions.
    assert "-o " + sarif_file in command, command
    print("sarif_file:", sarif_file)
    print("run:", command, flush=True)
    status = subprocess.call(["bash", "-e", "-c",
                              command.replace("spawnguard ", spawnguard + " ", 1)])
    print("status:", status)


if __name__ == "__main__":
    {"pre-commit": pre_commit, "workflow": workflow}[sys.argv[1]](*sys.argv[2:])
