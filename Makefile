# persona-host: the two commands a new machine needs are `make demo` and `make test`.
# Each installs what is missing (Debian's liblua5.4-dev), builds, and runs.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release demo test lint bench clean

all: build

# Lua 5.4 (pkg-config lua5.4), SQLite's headers for GRDB, zlib and PCRE2 for the dataset
# commands, libjpeg-turbo, libpng and OpenCV's face cascade for the photo measures, luacheck for
# the plugin lint, /usr/bin/time for the benchmarks' peak memory, and chromium for the run
# report's browser test.
deps:
	@if ! pkg-config --exists lua5.4 sqlite3 zlib libpcre2-8 libjpeg libpng 2>/dev/null || ! command -v luacheck >/dev/null || [ ! -x /usr/bin/time ] || ! command -v chromium >/dev/null || [ ! -f /usr/include/opencv4/opencv2/objdetect.hpp ] || [ ! -f /usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml ]; then \
	  echo "installing liblua5.4-dev, libsqlite3-dev, zlib1g-dev, libpcre2-dev, libjpeg62-turbo-dev, libpng-dev, OpenCV (core, imgproc, objdetect, data), pkg-config, lua-check, time and chromium with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq liblua5.4-dev libsqlite3-dev zlib1g-dev libpcre2-dev libjpeg62-turbo-dev libpng-dev libopencv-objdetect-dev libopencv-imgproc-dev libopencv-core-dev opencv-data pkg-config lua-check time chromium >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product persona-host

# The main job on the embedded default database (created on first use: 20,000 users, seed 42).
demo: release
	.build/release/persona-host run goal "Gen Z Moms"

# Lint the shipped plugins, then build and run every test: the Swift suites, then the tests
# every shipped plugin ships (plugins/*/tests; a plugin without tests fails).
test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test
	.build/debug/persona-host test --require-tests plugins

# The globals luacheck allows plugins (the sandbox's and host.*) are a std generated from the
# plugin contract's schema, so lint builds the binary and writes it first (.luacheckrc loads it).
lint: deps
	$(SWIFT) build --product persona-host
	"$$($(SWIFT) build --show-bin-path)/persona-host" plugins types --out .build/lua-types
	luacheck --no-color -q plugins Sources/LuaBridge/Lua

# Release-build benchmarks; figures are written to docs/BENCHMARKS.md. The goal benchmark
# generates its users with the Python reference's generator (numpy); the dataset benchmark runs
# a datatrove peer (bench/dataset); the photo benchmark times `photos check` on 100 photos it derives
# from the test portrait (decode, measures and faces separately, then the command).
bench: deps
	@python3 -c "import numpy" 2>/dev/null || python3 -m pip install -q numpy
	@python3 -c "import datatrove" 2>/dev/null || python3 -m pip install -q datatrove 2>/dev/null || python3 -m pip install -q --break-system-packages datatrove
	$(SWIFT) build -c release --product persona-host
	$(SWIFT) build -c release --product persona-bench
	.build/release/persona-bench

clean:
	rm -rf .build
