# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# RUN: %spawnguard %s --checks='*,-SG205' 2>&1 | FileCheck %s --check-prefix=OFF
# set_start_method() at module level runs again in every spawned child,
# directly or through the functions module-level code calls.
import multiprocessing as mp
import torch.multiprocessing


def configure():
    mp.set_start_method("spawn")


def setup():
    configure()


mp.set_start_method("spawn")
setup()
mp.set_start_method("fork")  # noqa: SG205

# Look-alikes: force=True replaces the method instead of failing, a function
# nobody calls at import, and calls under the main guard.
torch.multiprocessing.set_start_method("spawn", force=True)


def unused():
    mp.set_start_method("spawn")


if __name__ == "__main__":
    mp.set_start_method("spawn")
    setup()

# CHECK: module-level.py:17:1: warning: start method set by module-level code of 'module-level', outside a main guard; a spawned child sets it again while it imports the main module and fails with 'context has already been set' [spawnguard-start-method-at-import]
# CHECK: module-level.py:17:1: note: module 'module-level' sets the start method with 'multiprocessing.set_start_method' here
# CHECK: module-level.py:18:1: warning: start method set by module-level code of 'module-level', outside a main guard; a spawned child sets it again while it imports the main module and fails with 'context has already been set' [spawnguard-start-method-at-import]
# CHECK: module-level.py:18:1: note: module 'module-level' calls 'module-level.setup' here
# CHECK: module-level.py:14:5: note: 'module-level.setup' calls 'module-level.configure' here
# CHECK: module-level.py:10:5: note: 'module-level.configure' sets the start method with 'multiprocessing.set_start_method' here
# CHECK: spawnguard: 2 findings in 1 Python module
# OFF: spawnguard: 0 findings in 1 Python module
