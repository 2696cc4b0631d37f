# RUN: not %spawnguard %s 2>&1 | %check-notes %s
# RUN: %spawnguard %s --checks='*,-SG205' 2>&1 | FileCheck %s --check-prefix=OFF
# set_start_method() at module level runs again in every spawned child.
import multiprocessing as mp
import torch.multiprocessing

mp.set_start_method("spawn")
torch.multiprocessing.set_start_method("spawn", force=True)
mp.set_start_method("fork")  # noqa: SG205


def configure():
    # Inside a function: local rule, not reported.
    mp.set_start_method("spawn")


if __name__ == "__main__":
    mp.set_start_method("spawn")

# CHECK: module-level.py:7:1: warning: 'set_start_method' called at module level, outside a main guard; a spawned child runs it again while it imports the main module and fails with 'context has already been set' [spawnguard-start-method-at-import]
# CHECK: module-level.py:8:1: warning: 'set_start_method' called at module level, outside a main guard; a spawned child runs it again while it imports the main module and fails with 'context has already been set' [spawnguard-start-method-at-import]
# CHECK: spawnguard: 2 findings in 1 Python module
# OFF: spawnguard: 0 findings in 1 Python module
