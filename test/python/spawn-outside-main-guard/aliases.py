# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Aliases, renamed imports, contexts and torch.multiprocessing resolve.
import multiprocessing as mp
import torch.multiprocessing as tmp
from multiprocessing import Pool as P
from multiprocessing import get_context

MakePool = mp.Pool

P()
MakePool()
ctx = mp.get_context("spawn")
ctx.Pool()
get_context("forkserver").Process(target=print).start()
tmp.Pool()
tmp.spawn(print, nprocs=2)

# CHECK: aliases.py:10:1: warning: process creation reachable from module-level code of 'aliases', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: aliases.py:10:1: note: module 'aliases' creates a process with 'multiprocessing.Pool' here
# CHECK: aliases.py:11:1: warning: process creation reachable from module-level code of 'aliases', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: aliases.py:11:1: note: module 'aliases' creates a process with 'multiprocessing.Pool' here
# CHECK: aliases.py:13:1: warning: process creation reachable from module-level code of 'aliases', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: aliases.py:13:1: note: module 'aliases' creates a process with 'multiprocessing.Pool' here, which uses the 'spawn' start method on every platform
# CHECK: aliases.py:14:1: warning: process creation reachable from module-level code of 'aliases', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: aliases.py:14:1: note: module 'aliases' creates a process with 'multiprocessing.Process.start' here, which uses the 'forkserver' start method on every platform
# CHECK: aliases.py:15:1: warning: process creation reachable from module-level code of 'aliases', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: aliases.py:15:1: note: module 'aliases' creates a process with 'multiprocessing.Pool' here
# CHECK: aliases.py:16:1: warning: process creation reachable from module-level code of 'aliases', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: aliases.py:16:1: note: module 'aliases' creates a process with 'torch.multiprocessing.spawn' here, which uses the 'spawn' start method on every platform
# CHECK: spawnguard: 6 findings in 1 Python module
