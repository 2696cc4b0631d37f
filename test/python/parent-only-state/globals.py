# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# A worker must not rely on state that exists only in the parent: globals
# bound under the main guard, or module-level queues and locks used as
# globals instead of arguments.
import multiprocessing

lock = multiprocessing.Lock()
LIMIT = 10


def work(x):
    with lock:
        return x * scale + LIMIT


def work_with_args(x, lock, scale):
    with lock:
        return x * scale


def uses_local(x):
    scale = 2
    return x * scale


if __name__ == "__main__":
    scale = 3
    with multiprocessing.Pool(2) as pool:
        pool.map(work, [1])
        pool.map(uses_local, [1])
    multiprocessing.Process(target=work_with_args, args=(1, lock, scale)).start()

# The warning sits where the worker is handed over; the notes lead to the
# read and to the binding.
# CHECK: globals.py:29:18: warning: worker 'globals.work' reads global 'scale', which is bound only under the main guard; in a spawned child it does not exist [spawnguard-parent-only-state]
# CHECK: globals.py:13:20: note: 'globals.work' reads 'scale' here
# CHECK: globals.py:27:5: note: 'scale' is bound here
# CHECK: globals.py:29:18: warning: worker 'globals.work' uses module-level 'lock' ('multiprocessing.Lock') as a global; a spawned child creates its own, separate object when it imports the module; pass it as an argument [spawnguard-parent-only-state]
# CHECK: globals.py:12:10: note: 'globals.work' reads 'lock' here
# CHECK: globals.py:7:8: note: 'lock' is created here
# CHECK: spawnguard: 2 findings in 1 Python module
