"""Counts in worker processes under a lock created at import time.

Under spawn, each child imports this module again and creates its own
lock: the parent's lock guards nothing (SG204). Pass it to the workers
instead, as clean/counting.py does.
"""
import multiprocessing

lock = multiprocessing.Lock()


def tally(x):
    with lock:
        return x * 2


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(tally, range(4)))
