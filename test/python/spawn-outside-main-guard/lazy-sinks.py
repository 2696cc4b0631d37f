# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Lazy APIs create their processes at start(), submit()/map(),
# run_in_executor, with, or iteration; never at construction.
import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.managers import SyncManager
from torch.utils.data import DataLoader


def work(x):
    return x


proc = multiprocessing.Process(target=work)
proc.start()
multiprocessing.Process(target=work).start()

executor = ProcessPoolExecutor(max_workers=2)
executor.submit(work, 1)
executor.map(work, [1, 2])
loop = asyncio.new_event_loop()
loop.run_in_executor(executor, work, 1)

manager = SyncManager()
manager.start()
with SyncManager() as shared:
    pass

loader = DataLoader([1, 2], num_workers=2)
for batch in loader:
    pass
first = next(iter(loader))

# Constructors of the eager APIs create processes.
pool = multiprocessing.Pool(2)
mgr = multiprocessing.Manager()

# Constructors of the lazy APIs do not.
idle_proc = multiprocessing.Process(target=work)
idle_executor = ProcessPoolExecutor()
idle_manager = SyncManager()
idle_loader = DataLoader([1, 2], num_workers=4)

# CHECK: lazy-sinks.py:16:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:16:1: note: module 'lazy-sinks' creates a process with 'multiprocessing.Process.start' here
# CHECK: lazy-sinks.py:17:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:17:1: note: module 'lazy-sinks' creates a process with 'multiprocessing.Process.start' here
# CHECK: lazy-sinks.py:20:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:20:1: note: module 'lazy-sinks' creates a process with 'concurrent.futures.ProcessPoolExecutor.submit' here
# CHECK: lazy-sinks.py:21:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:21:1: note: module 'lazy-sinks' creates a process with 'concurrent.futures.ProcessPoolExecutor.map' here
# CHECK: lazy-sinks.py:23:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:23:1: note: module 'lazy-sinks' creates a process with 'asyncio.loop.run_in_executor' here
# CHECK: lazy-sinks.py:26:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:26:1: note: module 'lazy-sinks' creates a process with 'multiprocessing.managers.SyncManager.start' here
# CHECK: lazy-sinks.py:27:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:27:6: note: module 'lazy-sinks' creates a process with 'multiprocessing.managers.SyncManager.__enter__' here
# CHECK: lazy-sinks.py:31:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:31:14: note: module 'lazy-sinks' creates a process with 'torch.utils.data.DataLoader.__iter__' here
# CHECK: lazy-sinks.py:33:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:33:19: note: module 'lazy-sinks' creates a process with 'torch.utils.data.DataLoader.__iter__' here
# CHECK: lazy-sinks.py:36:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:36:8: note: module 'lazy-sinks' creates a process with 'multiprocessing.Pool' here
# CHECK: lazy-sinks.py:37:1: warning: process creation reachable from module-level code of 'lazy-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: lazy-sinks.py:37:7: note: module 'lazy-sinks' creates a process with 'multiprocessing.Manager' here
# CHECK: spawnguard: 11 findings in 1 Python module
