# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Everything a module runs when imported is a root: compound statement
# bodies, class bodies, decorators, default arguments, the else branch of a
# main guard.
import multiprocessing


def make_pool():
    return multiprocessing.Pool()


def decorate(fn):
    make_pool()
    return fn


for i in range(2):
    make_pool()
while False:
    make_pool()
try:
    make_pool()
except Exception:
    make_pool()
finally:
    make_pool()
with open(__file__):
    make_pool()


class Config:
    pool = make_pool()

    def method(self, pool=make_pool()):
        pass


@decorate
def decorated():
    pass


def defaults(pool=make_pool()):
    pass


if __name__ == "__main__":
    make_pool()
else:
    make_pool()


def never_called():
    make_pool()

# CHECK: roots.py:18:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:18:5: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:20:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:20:5: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:22:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:22:5: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:24:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:24:5: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:26:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:26:5: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:28:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:28:5: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:32:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:32:12: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:34:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:34:27: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:38:1: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:38:2: note: module 'roots' calls 'roots.decorate' here
# CHECK: roots.py:13:5: note: 'roots.decorate' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:43:1: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:43:19: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: roots.py:50:5: warning: process creation reachable from module-level code of 'roots', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: roots.py:50:5: note: module 'roots' calls 'roots.make_pool' here
# CHECK: roots.py:9:12: note: 'roots.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: spawnguard: 11 findings in 1 Python module
