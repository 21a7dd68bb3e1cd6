# Artel: `make run` starts a node, `make test` runs every test. Both install what is missing first.

SWIFT ?= swift
ARTEL := .build/debug/artel
RELEASE_ARTEL := .build/release/artel

.PHONY: run demo test test-tools fuzz-api build release deps lint format bench bench-sync bench-api vectors clean

run: build
	@$(ARTEL) init --if-missing
	@$(ARTEL) serve

# Three nodes on loopback: two partner communities and an association that gathers their vacancies
# and events (examples/federation/README.md). Ctrl-C stops them; DEMO_ONCE=1 stops them at once.
demo: build
	ARTEL_BIN=$(CURDIR)/$(ARTEL) examples/federation/run.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps lint test-tools
	$(SWIFT) build --build-tests
	$(SWIFT) test

# The C libraries Artel links: libsodium, SQLite and zlib, from Debian's packages, plus pkg-config; curl,
# which the README's examples use; and rsvg-convert (librsvg2-bin), which `artel stats jobs --png` draws with.
deps:
	@missing=""; \
	[ -f /usr/include/sodium.h ] || missing="$$missing libsodium-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/include/zlib.h ] || missing="$$missing zlib1g-dev"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	command -v curl >/dev/null 2>&1 || missing="$$missing curl"; \
	command -v rsvg-convert >/dev/null 2>&1 || missing="$$missing librsvg2-bin"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
		else echo "error: cannot install$$missing: not root and no sudo. Install them (apt-get install$$missing), then run make again." >&2; exit 1; fi; \
		if ! command -v apt-get >/dev/null 2>&1; then \
			echo "error: apt-get not found. Install the development files of libsodium and SQLite and rsvg-convert ($$missing) with your package manager, then run make again." >&2; exit 1; fi; \
		$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
			|| { echo "error: installing$$missing failed; install them by hand, then run make again." >&2; exit 1; }; \
	fi

# schemathesis with every check against a fresh node (Tests/tools/schemathesis.toml says what it
# allows and why); FUZZ_EXAMPLES bounds the examples per operation. Takes 10 to 20 minutes.
FUZZ_EXAMPLES ?= 25
fuzz-api: build test-tools
	.venv/bin/pip install --quiet schemathesis==4.32.5
	Tests/tools/fuzz_api.sh $(CURDIR)/$(ARTEL) $(FUZZ_EXAMPLES)

# The independent parsers the tests check exports with (Tests/tools/requirements.txt), in .venv/.
test-tools: .venv/.installed

.venv/.installed: Tests/tools/requirements.txt
	python3 -m venv .venv
	.venv/bin/pip install --quiet --requirement Tests/tools/requirements.txt
	touch $@

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests

format:
	$(SWIFT) format --in-place --recursive --parallel Sources Tests

bench: release
	$(RELEASE_ARTEL) bench apply --count 100000

# The HTTP API of a real artel serve process: a filtered job query on 100 000 jobs, idle and while a peer syncs.
bench-api: release
	$(RELEASE_ARTEL) bench api --count 100000

# Real artel serve processes on loopback: initial sync, 1M-vs-1M reconciliation, propagation.
bench-sync: release
	$(RELEASE_ARTEL) bench sync

# Checks protocol/vectors/ with implementations written from the specification alone (also run by
# `make test` when python3 is installed).
vectors:
	python3 protocol/vectors/check_vectors.py
	python3 protocol/vectors/check_session.py protocol/vectors/session.json protocol/vectors/session-rounds.json

clean:
	rm -rf .build
