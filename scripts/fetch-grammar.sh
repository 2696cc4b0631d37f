#!/usr/bin/env bash
# Fetches the tree-sitter Python grammar with the ordinary npm client,
# verifies it against the pinned integrity value and unpacks its generated
# sources into DEST. Nothing is fetched when DEST already holds the verified
# version, so rebuilds work offline.
#
# usage: fetch-grammar.sh <package@version> <sha512-integrity> <dest-dir>
set -euo pipefail

spec=$1
integrity=$2
dest=$3
stamp="$dest/.verified"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$spec $integrity" ] &&
   [ -f "$dest/src/parser.c" ] && [ -f "$dest/src/scanner.c" ]; then
  exit 0
fi

if ! command -v npm >/dev/null; then
  echo "fetch-grammar: npm is needed to fetch $spec (run scripts/install-deps.sh)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetch-grammar: fetching $spec"
(cd "$work" && npm pack "$spec" --silent --cache "$work/npm-cache" >/dev/null)
tarball=$(ls "$work"/*.tgz)

expected=${integrity#sha512-}
actual=$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)
if [ "$actual" != "$expected" ]; then
  echo "fetch-grammar: integrity mismatch for $spec" >&2
  echo "  expected sha512-$expected" >&2
  echo "  got      sha512-$actual" >&2
  exit 1
fi

rm -rf "$dest"
mkdir -p "$dest"
tar -xzf "$tarball" -C "$dest" --strip-components=1 package/src package/LICENSE
echo "$spec $integrity" > "$stamp"
echo "fetch-grammar: verified sha512 and unpacked into $dest"
