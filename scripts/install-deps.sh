#!/usr/bin/env bash
# Installs the Debian 12 packages spawnguard needs to build and test.
# Idempotent: packages already present are left alone, and apt is only
# consulted when something is missing.
set -euo pipefail

packages=(
  # Toolchain and build.
  cmake ninja-build ccache g++ python3
  # LLVM/Clang 19: libraries and headers for the tool, clang-19 and
  # clang-tidy-19 as peers and hosts, llvm-19-tools for lit and FileCheck.
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tidy-19
  clang-tools-19 llvm-19-tools
  # libFuzzer and the sanitizer runtimes for clang-19 (make fuzz-smoke).
  libclang-rt-19-dev
  # spawnguard-clangd: Debian's libclangdMain.a is built with remote-index
  # support, so linking it needs gRPC and protobuf.
  libgrpc++-dev libprotobuf-dev
  # Python front end: the tree-sitter runtime (the grammar is fetched with
  # npm at configure time and checked with openssl).
  libtree-sitter-dev openssl
  # pyproject.toml's [tool.spawnguard] (toml++, used header-only).
  libtomlplusplus-dev
  # Unit tests.
  libgtest-dev
  # The SARIF test validates against the official JSON schema, which
  # scripts/fetch-sarif-schema.py takes from an npm package.
  python3-jsonschema
  # The integration tests read .pre-commit-hooks.yaml and the CI example.
  python3-yaml
)
# npm may come from another nodejs distribution; add Debian's only if none.
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
