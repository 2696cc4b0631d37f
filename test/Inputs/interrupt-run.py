#!/usr/bin/env python3
"""Interrupts a spawnguard run once it has written some cache entries.

Usage: interrupt-run.py SIGNAL CACHE_DIR ENTRIES -- COMMAND...

Starts COMMAND, waits until CACHE_DIR holds ENTRIES finished entries
(*.sgcache), sends SIGNAL (INT or TERM), and waits for the process. Prints
how it ended, then every file left in CACHE_DIR that is not a finished
entry, one per line: a run interrupted at any point must leave none.
"""
import os
import signal
import subprocess
import sys
import time


def entries(cache):
    try:
        return sorted(os.listdir(cache))
    except FileNotFoundError:
        return []


def main():
    sig = getattr(signal, "SIG" + sys.argv[1])
    cache, wanted = sys.argv[2], int(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1:]
    # A shell that runs commands in the background (CI, 'make &') starts
    # them with SIGINT ignored; a user's Ctrl-C meets the default action.
    def default_signals():
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL,
                               preexec_fn=default_signals)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if sum(e.endswith(".sgcache") for e in entries(cache)) >= wanted:
            break
        time.sleep(0.005)
    if process.poll() is not None:
        sys.exit("interrupt-run: the run ended before it could be interrupted")
    process.send_signal(sig)
    status = process.wait()
    print("ended by signal %s" % signal.Signals(-status).name
          if status < 0 else "exit=%d" % status)
    for name in entries(cache):
        if not name.endswith(".sgcache"):
            print("left behind: %s" % name)


if __name__ == "__main__":
    main()
