"""Look-alikes that are correct: guards, lazy constructors, threads, fork."""
import multiprocessing
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing.pool import ThreadPool

from torch.utils.data import DataLoader


def square(x):
    return x * x


# Constructors of lazy APIs create nothing.
executor = ProcessPoolExecutor()
worker = multiprocessing.Process(target=square, args=(2,))
loader = DataLoader(list(range(10)), num_workers=2)

# Threads and new commands do not re-import this module.
ThreadPool(2).map(square, range(3))
ThreadPoolExecutor().submit(square, 3)
subprocess.run([sys.executable, "--version"])

# An explicit fork context does not re-import either.
multiprocessing.get_context("fork").Pool(2).map(square, range(3))


def main():
    if __name__ != "__main__":
        return
    with multiprocessing.Pool(2) as pool:
        print(pool.map(square, range(10)))
    print(executor.submit(square, 4).result())
    worker.start()
    for batch in loader:
        print(batch)


main()

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn", force=True)
