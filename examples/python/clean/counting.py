"""The look-alike of bugs/stats.py: the lock is created in the parent and
handed to each worker by the pool's initializer."""
import multiprocessing


def init(shared_lock):
    global lock
    lock = shared_lock


def tally(x):
    with lock:
        return x * 2


if __name__ == "__main__":
    shared = multiprocessing.Lock()
    with multiprocessing.Pool(2, initializer=init, initargs=(shared,)) as pool:
        print(pool.map(tally, range(4)))
