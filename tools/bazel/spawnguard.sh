#!/bin/sh
# Runs the spawnguard found on PATH (or in $SPAWNGUARD). The binary links
# the system's libLLVM and libclang-cpp, so remote executors need the same
# Debian packages as the machine that built it.
exec "${SPAWNGUARD:-spawnguard}" "$@"
