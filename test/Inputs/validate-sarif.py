#!/usr/bin/env python3
"""Validates a SARIF log against the official SARIF 2.1.0 JSON schema.

Usage: validate-sarif.py SCHEMA LOG

Prints "valid" or every violation with its JSON path, and exits 1 then.
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    with open(sys.argv[2]) as f:
        log = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors:
        print("invalid: /%s: %s" % ("/".join(map(str, e.path)), e.message))
    if errors:
        sys.exit(1)
    print("valid")


if __name__ == "__main__":
    main()
