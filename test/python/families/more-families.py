# RUN: not %spawnguard %s %S/Inputs/no-pandarallel.py 2>&1 | %check-notes %s
# mpire, gymnasium vector environments, pandarallel and mapply create
# processes where the reference says; their thread and fork variants, and
# InterpreterPoolExecutor (interpreters in this process), do not.
from concurrent.futures import InterpreterPoolExecutor

import gymnasium as gym
import mapply
import pandas as pd
from gymnasium.vector import AsyncVectorEnv, SyncVectorEnv
from mpire import WorkerPool
from pandarallel import pandarallel


def work(x):
    return x


pandarallel.initialize()
mapply.init(n_workers=2)
df = pd.DataFrame({"a": [1]})

WorkerPool(n_jobs=2).map(work, [1])
with WorkerPool(n_jobs=2, start_method="spawn") as pool:
    pool.imap_unordered(work, [1])
AsyncVectorEnv([lambda: gym.make("CartPole-v1")] * 2)
gym.make_vec("CartPole-v1", num_envs=2, vectorization_mode="async")
gym.vector.make("CartPole-v1", num_envs=2)
df.parallel_apply(work, axis=1)
df.a.parallel_map(work)
df.mapply(work)

# Look-alikes.
WorkerPool(n_jobs=2)
WorkerPool(n_jobs=2, start_method="threading").map(work, [1])
WorkerPool(n_jobs=2, start_method="fork").map(work, [1])
SyncVectorEnv([lambda: gym.make("CartPole-v1")] * 2)
AsyncVectorEnv([work], context="fork")
gym.make_vec("CartPole-v1", num_envs=2)
gym.make_vec("CartPole-v1", num_envs=2, vectorization_mode="sync")
gym.vector.make("CartPole-v1", num_envs=2, asynchronous=False)
df.apply(work, axis=1)
InterpreterPoolExecutor().submit(work, 1)

# CHECK: more-families.py:23:1: warning: process creation reachable from module-level code of 'more-families', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: more-families.py:23:1: note: module 'more-families' creates a process with 'mpire.WorkerPool.map' here
# CHECK: more-families.py:25:5: warning: process creation reachable from module-level code of 'more-families', outside a main guard
# CHECK: more-families.py:25:5: note: module 'more-families' creates a process with 'mpire.WorkerPool.imap_unordered' here, which uses the 'spawn' start method on every platform
# CHECK: more-families.py:26:1: warning: process creation reachable from module-level code of 'more-families', outside a main guard
# CHECK: more-families.py:26:1: note: module 'more-families' creates a process with 'gymnasium.vector.AsyncVectorEnv' here
# CHECK: more-families.py:27:1: warning: process creation reachable from module-level code of 'more-families', outside a main guard
# CHECK: more-families.py:27:1: note: module 'more-families' creates a process with 'gymnasium.make_vec(vectorization_mode='async')' here
# CHECK: more-families.py:28:1: warning: process creation reachable from module-level code of 'more-families', outside a main guard
# CHECK: more-families.py:28:1: note: module 'more-families' creates a process with 'gymnasium.vector.make' here
# CHECK: more-families.py:29:1: warning: process creation reachable from module-level code of 'more-families', outside a main guard
# CHECK: more-families.py:29:1: note: module 'more-families' creates a process with 'DataFrame.parallel_apply (pandarallel)' here
# CHECK: more-families.py:30:1: warning: process creation reachable from module-level code of 'more-families', outside a main guard
# CHECK: more-families.py:30:1: note: module 'more-families' creates a process with 'Series.parallel_map (pandarallel)' here
# CHECK: more-families.py:31:1: warning: process creation reachable from module-level code of 'more-families', outside a main guard
# CHECK: more-families.py:31:1: note: module 'more-families' creates a process with 'DataFrame.mapply (mapply)' here
# CHECK: spawnguard: 8 findings in 2 Python modules
