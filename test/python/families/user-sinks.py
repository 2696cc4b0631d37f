# RUN: not %spawnguard %s --sink='pylangacq.read_chat(parallel=True)' --sink=nautilus.Sampler 2>&1 | %check-notes %s
# Libraries that hide a pool behind an ordinary call, declared with --sink.
import pylangacq
from nautilus import Sampler

pylangacq.read_chat("corpus", parallel=True)
Sampler(pool=4)

# Look-alikes: the keyword does not match.
pylangacq.read_chat("corpus", parallel=False)
pylangacq.read_chat("corpus")

# CHECK: user-sinks.py:6:1: warning: process creation reachable from module-level code of 'user-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: user-sinks.py:6:1: note: module 'user-sinks' creates a process with 'pylangacq.read_chat' here
# CHECK: user-sinks.py:7:1: warning: process creation reachable from module-level code of 'user-sinks', outside a main guard; spawned children run it again when they import the main module [spawnguard-spawn-outside-main-guard]
# CHECK: user-sinks.py:7:1: note: module 'user-sinks' creates a process with 'nautilus.Sampler' here
# CHECK: spawnguard: 2 findings in 1 Python module
