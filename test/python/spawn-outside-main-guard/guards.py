# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Recognised main guards keep process creation out of the root; tests of
# sys.argv, os.environ and parent_process() are not guards.
import multiprocessing
import os
import sys
from multiprocessing import current_process, parent_process

if __name__ == "__main__":
    multiprocessing.Pool()
if '__main__' == __name__:
    multiprocessing.Pool()
if __name__ == '__main__' and len(sys.argv) > 1:
    multiprocessing.Pool()
if current_process().name == "MainProcess":
    multiprocessing.Pool()
if multiprocessing.current_process().name == 'MainProcess':
    multiprocessing.Pool()
if not __name__ != "__main__":
    multiprocessing.Pool()


def main():
    if __name__ != "__main__":
        return
    multiprocessing.Pool()


def main_exit():
    if not __name__ == "__main__":
        sys.exit(0)
    multiprocessing.Pool()


main()
main_exit()

# Not guards.
if len(sys.argv) > 1:
    multiprocessing.Pool()
if os.environ.get("WORKER") is None:
    multiprocessing.Pool()
if parent_process() is None:
    multiprocessing.Pool()
if __name__ == "__main__":
    pass
else:
    multiprocessing.Pool()

# CHECK: guards.py:40:5: warning: process creation reachable from module-level code of 'guards', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: guards.py:40:5: note: module 'guards' creates a process with 'multiprocessing.Pool' here
# CHECK: guards.py:42:5: warning: process creation reachable from module-level code of 'guards', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: guards.py:42:5: note: module 'guards' creates a process with 'multiprocessing.Pool' here
# CHECK: guards.py:44:5: warning: process creation reachable from module-level code of 'guards', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: guards.py:44:5: note: module 'guards' creates a process with 'multiprocessing.Pool' here
# CHECK: guards.py:48:5: warning: process creation reachable from module-level code of 'guards', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: guards.py:48:5: note: module 'guards' creates a process with 'multiprocessing.Pool' here
# CHECK: spawnguard: 4 findings in 1 Python module
