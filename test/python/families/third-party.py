# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Third-party process APIs, at the point where they create processes.
# APIs that force spawn say so in the note.
import multiprocess
import billiard
import pathos.pools
import uvicorn
from dask.distributed import Client, LocalCluster
import dask
from joblib import Parallel, delayed
from lightning import Trainer
from pebble import ProcessPool
from pqdm.processes import pqdm
from stable_baselines3.common.vec_env import SubprocVecEnv
from tqdm.contrib.concurrent import process_map, thread_map
import datasets
import loky


def work(x):
    return x


multiprocess.Pool(2)
billiard.Process(target=work).start()
pathos.pools.ProcessPool(2).map(work, [1])
uvicorn.run("app:app", workers=4)
uvicorn.run("app:app", reload=True)
Client()
LocalCluster(n_workers=2)
dask.compute(work, scheduler="processes")
Parallel(n_jobs=2, backend="multiprocessing")(delayed(work)(i) for i in range(2))
Trainer(strategy="ddp_spawn").fit(None)
ProcessPool().schedule(work, args=[1])
pqdm([1, 2], work, n_jobs=2)
SubprocVecEnv([work, work])
process_map(work, [1, 2])
datasets.load_dataset("x", num_proc=4)
ds = datasets.load_dataset("x")
ds.map(work, num_proc=4)

# Look-alikes: no process, or no re-import of the main module.
uvicorn.run("app:app")
uvicorn.run("app:app", workers=1)
Trainer(strategy="ddp").fit(None)
Client(processes=False)
Parallel(n_jobs=2)(delayed(work)(i) for i in range(2))
loky.get_reusable_executor().submit(work, 1)
thread_map(work, [1, 2])
ds.map(work)
ds.map(work, num_proc=1)
ProcessPool()
pathos.pools.ProcessPool(2)
SubprocVecEnv([work], start_method="fork")

# CHECK: third-party.py:24:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:24:1: note: module 'third-party' creates a process with 'multiprocessing.Pool' here
# CHECK: third-party.py:25:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:25:1: note: module 'third-party' creates a process with 'multiprocessing.Process.start' here
# CHECK: third-party.py:26:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:26:1: note: module 'third-party' creates a process with 'pathos.pools.ProcessPool.map' here
# CHECK: third-party.py:27:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:27:1: note: module 'third-party' creates a process with 'uvicorn.run' here, which uses the 'spawn' start method on every platform
# CHECK: third-party.py:28:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:28:1: note: module 'third-party' creates a process with 'uvicorn.run' here, which uses the 'spawn' start method on every platform
# CHECK: third-party.py:29:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:29:1: note: module 'third-party' creates a process with 'dask.distributed.Client' here, which uses the 'spawn' start method on every platform
# CHECK: third-party.py:30:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:30:1: note: module 'third-party' creates a process with 'dask.distributed.LocalCluster' here, which uses the 'spawn' start method on every platform
# CHECK: third-party.py:31:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:31:1: note: module 'third-party' creates a process with 'dask.compute' here, which uses the 'spawn' start method on every platform
# CHECK: third-party.py:32:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:32:1: note: module 'third-party' creates a process with 'joblib.Parallel(backend='multiprocessing')' here
# CHECK: third-party.py:33:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:33:1: note: module 'third-party' creates a process with 'lightning.Trainer.fit(strategy='ddp_spawn')' here, which uses the 'spawn' start method on every platform
# CHECK: third-party.py:34:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:34:1: note: module 'third-party' creates a process with 'pebble.ProcessPool.schedule' here
# CHECK: third-party.py:35:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:35:1: note: module 'third-party' creates a process with 'pqdm.processes.pqdm' here
# CHECK: third-party.py:36:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:36:1: note: module 'third-party' creates a process with 'stable_baselines3.common.vec_env.SubprocVecEnv' here, which uses the 'forkserver' or 'spawn' start method on every platform
# CHECK: third-party.py:37:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:37:1: note: module 'third-party' creates a process with 'tqdm.contrib.concurrent.process_map' here
# CHECK: third-party.py:38:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:38:1: note: module 'third-party' creates a process with 'datasets.load_dataset(num_proc=...)' here
# CHECK: third-party.py:40:1: warning: process creation reachable from module-level code of 'third-party', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: third-party.py:40:1: note: module 'third-party' creates a process with 'datasets.Dataset.map(num_proc=...)' here
# CHECK: spawnguard: 16 findings in 1 Python module
