# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Datasets, classes and partials: what a worker process runs must be
# importable by name too.
import functools
import multiprocessing

from torch.utils.data import DataLoader, Dataset


class Squares(Dataset):
    def __getitem__(self, i):
        return i * i


def collate(batch):
    return batch


def main():
    class Local(Dataset):
        pass

    for batch in DataLoader(Local(), num_workers=2):
        pass
    local = Local()
    for batch in DataLoader(dataset=local, num_workers=2):
        pass
    with multiprocessing.Pool(2) as pool:
        pool.map(functools.partial(lambda x, y: x + y, 1), [1])
    # Look-alikes: module-level classes, no workers, a fork context.
    for batch in DataLoader(Squares(), num_workers=2, collate_fn=collate):
        pass
    for batch in DataLoader(Local(), num_workers=0):
        pass
    fork = multiprocessing.get_context("fork")
    with fork.Pool(2) as pool:
        pool.map(functools.partial(lambda x, y: x + y, 1), [1])


if __name__ == "__main__":
    class Guarded(Dataset):
        pass

    class Job:
        def __call__(self):
            pass

    for batch in DataLoader(Guarded(), num_workers=2):
        pass
    multiprocessing.Process(target=Job).start()
    multiprocessing.Process(target=Job()).start()
    main()

# CHECK: classes.py:23:29: warning: the worker passed to 'torch.utils.data.DataLoader' is an instance of nested class 'classes.main.<locals>.Local', which a child process cannot unpickle; define it at module level [spawnguard-unpicklable-worker]
# CHECK: classes.py:26:37: warning: the worker passed to 'torch.utils.data.DataLoader' is an instance of nested class 'classes.main.<locals>.Local', which a child process cannot unpickle; define it at module level [spawnguard-unpicklable-worker]
# CHECK: classes.py:29:36: warning: the worker passed to 'multiprocessing.Pool.map' is a lambda, which a child process cannot unpickle; use a module-level function [spawnguard-unpicklable-worker]
# CHECK: classes.py:48:29: warning: the worker passed to 'torch.utils.data.DataLoader' is an instance of class 'Guarded', which is defined only under the main guard; a spawned child imports the main module as '__mp_main__' and does not find it [spawnguard-unpicklable-worker]
# CHECK: classes.py:41:5: note: 'Guarded' is defined here
# CHECK: classes.py:50:36: warning: the worker passed to 'multiprocessing.Process' is 'Job', which is defined only under the main guard; a spawned child imports the main module as '__mp_main__' and does not find it [spawnguard-unpicklable-worker]
# CHECK: classes.py:44:5: note: 'Job' is defined here
# CHECK: classes.py:51:36: warning: the worker passed to 'multiprocessing.Process' is an instance of class 'Job', which is defined only under the main guard; a spawned child imports the main module as '__mp_main__' and does not find it [spawnguard-unpicklable-worker]
# CHECK: classes.py:44:5: note: 'Job' is defined here
# CHECK: spawnguard: 6 findings in 1 Python module
