# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# Chains through functions, methods and class constructors.
import multiprocessing


class Service:
    def __init__(self):
        self.start()

    def start(self):
        helper()


def helper():
    nested()


def nested():
    multiprocessing.Pool()


service = Service()


def outer():
    def inner():
        multiprocessing.Pool()
    return inner


outer()  # defines inner, never calls it
lambda_pool = lambda: multiprocessing.Pool()

# CHECK: calls.py:22:1: warning: process creation reachable from module-level code of 'calls', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: calls.py:22:11: note: module 'calls' calls 'calls.Service' here
# CHECK: calls.py:6:1: note: 'calls.Service' calls 'calls.Service.__init__' here
# CHECK: calls.py:8:9: note: 'calls.Service.__init__' calls 'calls.Service.start' here
# CHECK: calls.py:11:9: note: 'calls.Service.start' calls 'calls.helper' here
# CHECK: calls.py:15:5: note: 'calls.helper' calls 'calls.nested' here
# CHECK: calls.py:19:5: note: 'calls.nested' creates a process with 'multiprocessing.Pool' here
# CHECK: spawnguard: 1 finding in 1 Python module
