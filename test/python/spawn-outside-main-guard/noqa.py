# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# '# noqa' and '# noqa: CODE' at the statement (the root) or at the process
# creation (the sink) suppress the finding; other codes do not.
import multiprocessing


def make_pool():
    return multiprocessing.Pool()  # noqa: SG202


def quiet_pool():
    return multiprocessing.Pool()  # noqa


multiprocessing.Pool()  # noqa
multiprocessing.Pool()  # NOQA: SG201
multiprocessing.Pool()  # noqa: E501, SG201
multiprocessing.Pool()  # noqa: spawnguard-spawn-outside-main-guard
multiprocessing.Pool()  # noqa: E501
make_pool()
quiet_pool()

# CHECK: noqa.py:19:1: warning: process creation reachable from module-level code of 'noqa', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: noqa.py:19:1: note: module 'noqa' creates a process with 'multiprocessing.Pool' here
# CHECK: noqa.py:20:1: warning: process creation reachable from module-level code of 'noqa', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: noqa.py:20:1: note: module 'noqa' calls 'noqa.make_pool' here
# CHECK: noqa.py:8:12: note: 'noqa.make_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: spawnguard: 2 findings in 1 Python module
