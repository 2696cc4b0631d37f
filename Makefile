# Entry points for a fresh Debian 12 machine. Each target installs what it
# needs, so `make example` and `make check` work from a clean clone.

BUILD ?= build
# A second build of the same sources with ASan and UBSan; `make check` runs
# the whole suite in both.
SANITIZE_BUILD ?= build-sanitize
EXAMPLE_BUILD ?= examples/cpp/build
# A third build, of the libFuzzer targets only (fuzz/), with clang-19;
# `make check` runs each target for FUZZ_SECONDS.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 30
SPAWNGUARD = $(BUILD)/bin/spawnguard
# ccache keys on paths relative to the checkout, so a fresh clone elsewhere
# (as CI makes) still reuses what earlier builds compiled.
export CCACHE_BASEDIR ?= $(CURDIR)

.PHONY: deps configure build example check check-sanitize fuzz-smoke clean

deps:
	./scripts/install-deps.sh

configure: deps
	@test -f $(BUILD)/build.ninja || cmake -S . -B $(BUILD) -G Ninja

build: configure
	cmake --build $(BUILD)

# Runs spawnguard on the bundled demo project, its C++ and Python parts in
# one run. Findings are expected there (exit code 1); only a usage or input
# error (exit code 2) fails the target.
example: build
	@test -f $(EXAMPLE_BUILD)/compile_commands.json || \
	  cmake -S examples/cpp -B $(EXAMPLE_BUILD) -G Ninja >/dev/null
	$(SPAWNGUARD) -p $(EXAMPLE_BUILD) examples/cpp examples/python; \
	  status=$$?; test $$status -le 1

check: build
	cmake --build $(BUILD) --target check
	$(MAKE) check-sanitize
	$(MAKE) fuzz-smoke

check-sanitize: deps
	@test -f $(SANITIZE_BUILD)/build.ninja || \
	  cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DSPAWNGUARD_SANITIZE=ON \
	    -DSPAWNGUARD_STATIC_LLVM=OFF \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(SANITIZE_BUILD) --target check

# Seeds come from the tests (facts files from the plain build's
# `spawnguard extract`); a crash fails the target and leaves the input in
# $(FUZZ_BUILD)/artifacts/.
fuzz-smoke: build
	@test -f $(FUZZ_BUILD)/build.ninja || \
	  cmake -S . -B $(FUZZ_BUILD) -G Ninja -DSPAWNGUARD_FUZZ=ON \
	    -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_C_COMPILER=clang-19 \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(FUZZ_BUILD) --target fuzzers
	python3 fuzz/make-seeds.py --source . --out $(FUZZ_BUILD)/seeds \
	  --spawnguard $(SPAWNGUARD)
	python3 fuzz/run-fuzzers.py --build $(FUZZ_BUILD) \
	  --seeds $(FUZZ_BUILD)/seeds --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD) $(EXAMPLE_BUILD)
