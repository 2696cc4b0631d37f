# RUN: %spawnguard %s 2>&1 | %check-notes %s
# None of these re-imports the main module: threads, new commands, fork
# without re-import, loky, ray, and explicit fork contexts.
import multiprocessing
import multiprocessing.dummy
import os
import subprocess
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing.pool import ThreadPool

import joblib
import ray
from dask.distributed import Client
from torch.utils.data import DataLoader


def work(x):
    return x


ThreadPool(4).map(work, [1])
multiprocessing.dummy.Pool(4).map(work, [1])
ThreadPoolExecutor().submit(work, 1)
subprocess.run(["true"])
subprocess.Popen(["true"])
os.system("true")
os.fork()
joblib.Parallel(n_jobs=2)(joblib.delayed(work)(i) for i in range(3))
ray.init()
ray.util.multiprocessing.Pool()
Client(processes=False)
for batch in DataLoader([1], num_workers=0):
    pass
for batch in DataLoader([1]):
    pass
fork = multiprocessing.get_context("fork")
fork.Pool()
fork.Process(target=work).start()
ProcessPoolExecutor(mp_context=multiprocessing.get_context("fork")).submit(work, 1)

# CHECK: spawnguard: 0 findings in 1 Python module
