#!/usr/bin/env python3
"""Fetches the official SARIF 2.1.0 JSON schema for the tests.

Usage: fetch-sarif-schema.py OUTPUT

The schema is public data, shipped by the npm package @microsoft/jest-sarif
as lib/schemas/sarif-2.1.0-rtm.5.json (the final 2.1.0 schema). The package
version and the tarball's integrity hash are pinned, and the extracted
schema's SHA-256 is checked too; nothing is committed.
"""
import base64
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
INTEGRITY = ("sha512-A1fOhPd6Ic5iDk4F9YPw1qNB4XF+7+IviR7xl8r2F6QzQkx5cpY9LsGk2r"
             "ExiFIEcBbjpVnSmwWGBukASkiQ9A==")
MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
SCHEMA_SHA256 = "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"


def main():
    output = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", "--pack-destination", tmp,
                        PACKAGE], check=True, stdout=subprocess.DEVNULL)
        tarballs = [f for f in os.listdir(tmp) if f.endswith(".tgz")]
        if len(tarballs) != 1:
            sys.exit("fetch-sarif-schema: npm pack produced %r" % tarballs)
        path = os.path.join(tmp, tarballs[0])
        with open(path, "rb") as f:
            digest = base64.b64encode(hashlib.sha512(f.read()).digest())
        if "sha512-" + digest.decode() != INTEGRITY:
            sys.exit("fetch-sarif-schema: integrity mismatch for " + PACKAGE)
        with tarfile.open(path) as tar:
            data = tar.extractfile(MEMBER).read()
    if hashlib.sha256(data).hexdigest() != SCHEMA_SHA256:
        sys.exit("fetch-sarif-schema: unexpected schema contents")
    with open(output + ".tmp", "wb") as f:
        f.write(data)
    os.replace(output + ".tmp", output)


if __name__ == "__main__":
    main()
