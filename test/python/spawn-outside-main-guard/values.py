# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Values followed through the program: instances called (__call__), inherited
# __init__, attributes set in __init__ and used in another method, and what
# functions return. An unknown or disagreeing value is never a sink.
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def spawn_pool():
    multiprocessing.Pool()


class Worker:
    def __call__(self):
        spawn_pool()


class Base:
    def __init__(self):
        spawn_pool()


class Derived(Base):
    pass


class Service:
    def __init__(self):
        self.executor = ProcessPoolExecutor()
        self.idle = ProcessPoolExecutor()
        self.proc = multiprocessing.Process(target=print)

    def run(self):
        self.executor.submit(print, 1)

    def launch(self):
        self.proc.start()


class Changing:
    def __init__(self):
        self.executor = ProcessPoolExecutor()

    def reset(self, other):
        self.executor = other

    def run(self):
        self.executor.submit(print, 1)


def make():
    return ProcessPoolExecutor()


def make_local():
    ex = ProcessPoolExecutor()
    return ex


def make_either(flag):
    if flag:
        return ProcessPoolExecutor()
    return open("x")


def make_fork():
    return ProcessPoolExecutor(mp_context=multiprocessing.get_context("fork"))


w = Worker()
w()
Worker()()
Derived()
svc = Service()
svc.run()
svc.launch()
make().submit(print, 1)
make_local().submit(print, 1)

# Look-alikes: nothing known, or nothing that creates a process.
Worker
Changing().run()
make_either(True).submit(print, 1)
make_fork().submit(print, 1)
svc.idle
w.missing()

# CHECK: values.py:71:1: warning: process creation reachable from module-level code of 'values', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: values.py:71:1: note: module 'values' calls 'values.Worker.__call__' here
# CHECK: values.py:15:9: note: 'values.Worker.__call__' calls 'values.spawn_pool' here
# CHECK: values.py:10:5: note: 'values.spawn_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: values.py:72:1: warning: process creation reachable from module-level code of 'values', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: values.py:72:1: note: module 'values' calls 'values.Worker.__call__' here
# CHECK: values.py:15:9: note: 'values.Worker.__call__' calls 'values.spawn_pool' here
# CHECK: values.py:10:5: note: 'values.spawn_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: values.py:73:1: warning: process creation reachable from module-level code of 'values', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: values.py:73:1: note: module 'values' calls 'values.Derived' here
# CHECK: values.py:23:1: note: 'values.Derived' calls 'values.Base.__init__' here
# CHECK: values.py:20:9: note: 'values.Base.__init__' calls 'values.spawn_pool' here
# CHECK: values.py:10:5: note: 'values.spawn_pool' creates a process with 'multiprocessing.Pool' here
# CHECK: values.py:75:1: warning: process creation reachable from module-level code of 'values', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: values.py:75:1: note: module 'values' calls 'values.Service.run' here
# CHECK: values.py:34:9: note: 'values.Service.run' creates a process with 'concurrent.futures.ProcessPoolExecutor.submit' here
# CHECK: values.py:76:1: warning: process creation reachable from module-level code of 'values', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: values.py:76:1: note: module 'values' calls 'values.Service.launch' here
# CHECK: values.py:37:9: note: 'values.Service.launch' creates a process with 'multiprocessing.Process.start' here
# CHECK: values.py:77:1: warning: process creation reachable from module-level code of 'values', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: values.py:77:1: note: module 'values' creates a process with 'concurrent.futures.ProcessPoolExecutor.submit' here
# CHECK: values.py:78:1: warning: process creation reachable from module-level code of 'values', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: values.py:78:1: note: module 'values' creates a process with 'concurrent.futures.ProcessPoolExecutor.submit' here
# CHECK: spawnguard: 7 findings in 1 Python module
