# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Workers must be importable module-level names: not lambdas, nested
# functions, partials of those, or functions defined under the main guard.
import functools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from torch.utils.data import DataLoader


def work(x):
    return x


def main():
    def inner(x):
        return x

    with multiprocessing.Pool(2) as pool:
        pool.map(lambda x: x, [1])
        pool.map(inner, [1])
        pool.map(functools.partial(inner), [1])
        pool.map(work, [1])
        pool.map(functools.partial(work, 1), [1])
    multiprocessing.Process(target=lambda: None).start()
    with ProcessPoolExecutor(initializer=inner) as ex:
        ex.submit(work, 1)
    for batch in DataLoader([1], num_workers=2, collate_fn=lambda b: b):
        pass
    for batch in DataLoader([1], num_workers=0, collate_fn=lambda b: b):
        pass
    fork = multiprocessing.get_context("fork")
    fork.Process(target=lambda: None).start()


if __name__ == "__main__":
    def guarded_work(x):
        return x

    with multiprocessing.Pool(2) as pool:
        pool.map(guarded_work, [1])
        pool.map(work, [1])
    main()

# CHECK: workers.py:19:18: warning: the worker passed to 'multiprocessing.Pool.map' is a lambda, which a child process cannot unpickle; use a module-level function [spawnguard-unpicklable-worker]
# CHECK: workers.py:20:18: warning: the worker passed to 'multiprocessing.Pool.map' is nested function 'workers.main.<locals>.inner', which a child process cannot unpickle; use a module-level function [spawnguard-unpicklable-worker]
# CHECK: workers.py:21:36: warning: the worker passed to 'multiprocessing.Pool.map' is nested function 'workers.main.<locals>.inner', which a child process cannot unpickle; use a module-level function [spawnguard-unpicklable-worker]
# CHECK: workers.py:24:36: warning: the worker passed to 'multiprocessing.Process' is a lambda, which a child process cannot unpickle; use a module-level function [spawnguard-unpicklable-worker]
# CHECK: workers.py:25:42: warning: the worker passed to 'concurrent.futures.ProcessPoolExecutor' is nested function 'workers.main.<locals>.inner', which a child process cannot unpickle; use a module-level function [spawnguard-unpicklable-worker]
# CHECK: workers.py:27:60: warning: the worker passed to 'torch.utils.data.DataLoader' is a lambda, which a child process cannot unpickle; use a module-level function [spawnguard-unpicklable-worker]
# CHECK: workers.py:40:18: warning: the worker passed to 'multiprocessing.Pool.map' is 'guarded_work', which is defined only under the main guard; a spawned child imports the main module as '__mp_main__' and does not find it [spawnguard-unpicklable-worker]
# CHECK: workers.py:36:5: note: 'guarded_work' is defined here
# CHECK: spawnguard: 7 findings in 1 Python module
