# persona-host: the two commands a new machine needs are `make demo` and `make test`.
# Each installs what is missing (Debian's liblua5.4-dev), builds, and runs.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release demo test lint bench clean

all: build

# Lua 5.4 headers and library (pkg-config name lua5.4); luacheck for the plugin lint.
deps:
	@if ! pkg-config --exists lua5.4 2>/dev/null || ! command -v luacheck >/dev/null; then \
	  echo "installing liblua5.4-dev, pkg-config and lua-check with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq liblua5.4-dev pkg-config lua-check >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product persona-host

# The main job on the embedded default database.
demo: release
	.build/release/persona-host plugins list

# Lint the shipped plugins, then build and run every test.
test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test

lint: deps
	luacheck --no-color -q plugins

# Release-build benchmarks; figures are written to docs/BENCHMARKS.md.
bench: deps
	$(SWIFT) build -c release --product persona-host
	$(SWIFT) build -c release --product persona-bench
	.build/release/persona-bench

clean:
	rm -rf .build
