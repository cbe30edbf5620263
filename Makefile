# The front door. `make` installs what is missing, then builds bin/; `make test` runs every test;
# `make check` runs the static checks; `make demo` does the main job end to end.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SOURCES := $(shell find packages -path '*/node_modules' -prune -o \( -name '*.ts' -o -name '*.sh' -o -name '*.c' \) -print) scripts/build.mjs
DEMO_DIR ?= build/demo

.PHONY: all deps build test test-unit test-e2e check bench demo install uninstall clean

all: build

# Debian packages and host preparation; idempotent and quick when nothing is missing.
deps:
	@sh scripts/install-deps.sh

# npm ci only when the lockfile or a manifest changed since the last install.
node_modules/.installed: package-lock.json package.json $(wildcard packages/*/package.json)
	npm ci --no-audit --no-fund
	@touch $@

bin/.built: node_modules/.installed $(SOURCES) bench/run.ts
	node scripts/build.mjs
	@touch $@

build: deps bin/.built

test: build check
	sh scripts/run-tests.sh

test-unit: build
	sh scripts/run-tests.sh --project unit

test-e2e: build
	sh scripts/run-tests.sh --project e2e

check: node_modules/.installed
	npx tsc -p tsconfig.json
	npx eslint .
	npx prettier --check .

bench: build
	node build/bench.cjs

# The main job for a newcomer: build a busybox image from this machine's busybox-static and look inside.
demo: build
	sh scripts/demo.sh $(DEMO_DIR)

install: build
	install -d $(DESTDIR)$(BINDIR)
	install -m 0755 bin/rkt bin/rkt-* $(DESTDIR)$(BINDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/rkt $(addprefix $(DESTDIR)$(BINDIR)/,$(notdir $(wildcard bin/rkt-*)))

clean:
	rm -rf bin build
