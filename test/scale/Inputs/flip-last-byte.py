"""Flips the last byte of every cache entry in a directory."""
import pathlib
import sys

for entry in sorted(pathlib.Path(sys.argv[1]).glob("*.sgcache")):
    data = bytearray(entry.read_bytes())
    data[-1] ^= 0xFF
    entry.write_bytes(bytes(data))
