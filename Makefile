# Anxin — every command installs what it needs first (idempotently), so a fresh machine needs only `make`.
#   make serve   build and serve the app on http://127.0.0.1:8080
#   make test    every check CI runs (lint, host, browser component, build, end-to-end)
#   make fuzz    the long fuzz run of the bank reader, the sheet import and the other file readers
#   make soak    the soak runs at full length: 1,000 kiosk sessions in one page load, a 200-question match
#   make dist    release build into dist/
#   make banks   check every bank and rewrite quizzes/index.json
#   make bench   Anxin against two peer quiz apps in Chromium, into bench/results.json and README.md

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
CARGO_BIN := $(HOME)/.cargo/bin
NODE_BIN := $(CURDIR)/node_modules/.bin
export PATH := $(CARGO_BIN):$(NODE_BIN):$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080

STAMP := target/.stamps
WASM_SPLIT := target/tools/binaryen/usr/bin/wasm-split
# The pages: each <page>.html is its own trunk build (its own wasm), built once per `make dist`.
PAGES := index kiosk contest desk
# The pages whose wasm tools/split.mjs splits (each its own binary), and where their binaries are linked a
# second time with their relocations, which tell it what data only the rest uses (tools/data-split.mjs).
SPLIT_BINS := anxin kiosk contest
LINKINFO := $(or $(CARGO_TARGET_DIR),target)/linkinfo
APP_SOURCES := $(shell find src style public quizzes tools -type f 2>/dev/null) $(PAGES:%=%.html) Trunk.toml Cargo.toml Cargo.lock .cargo/config.toml

.PHONY: help tools browsers fonts serve dist test lint host-test web-test engines e2e cli soak fuzz bench bench-peers banks check-banks clean

help:
	@echo "make serve   build and serve on http://127.0.0.1:$(PORT)"
	@echo "make test    run every check"
	@echo "make dist    release build into dist/"
	@echo "make fuzz    long fuzz run of the file readers; FUZZ_SECONDS=300 per target, FUZZ_SEED to replay"
	@echo "make soak    1,000 kiosk sessions and 300 learner rounds, each in one page load, and a 200-question match (about 30 min); SOAK_SESSIONS=1000 SOAK_ROUNDS=300"
	@echo "make banks   check the banks and rewrite quizzes/index.json"
	@echo "make bench   Anxin vs a vanilla and a React quiz (phone profile, unthrottled), sizes, domain timings; BENCH_RUNS=5"

## ---- installs (each step skips itself when already done) ----
tools: $(STAMP)/wasm-target $(STAMP)/trunk-$(TRUNK_VERSION) $(STAMP)/wasm-bindgen-$(WASM_BINDGEN_VERSION) node_modules/.installed $(WASM_SPLIT)

$(STAMP)/wasm-target:
	@mkdir -p $(STAMP)
	rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@touch $@

$(STAMP)/trunk-$(TRUNK_VERSION):
	@mkdir -p $(STAMP)
	trunk --version 2>/dev/null | grep -q " $(TRUNK_VERSION)" || \
	  cargo install trunk --version =$(TRUNK_VERSION) --locked --no-default-features
	@touch $@

# Without --locked: wasm-bindgen-cli's lockfile names a crate version the registry here does not serve.
$(STAMP)/wasm-bindgen-$(WASM_BINDGEN_VERSION):
	@mkdir -p $(STAMP)
	wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)" || \
	  cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION)
	@touch $@

# Binaryen's wasm-split, which splits the phone's wasm (tools/split.mjs): npm's binaryen has no
# wasm-split, so Debian's package is unpacked into target/tools (nothing installed system-wide; its
# wasm-opt stays out of PATH, where trunk wants npm's version_132).
$(WASM_SPLIT):
	mkdir -p target/tools
	cd target/tools && rm -f binaryen_*.deb && (apt-get download binaryen || (apt-get update && apt-get download binaryen))
	cd target/tools && dpkg -x binaryen_*.deb binaryen && rm -f binaryen_*.deb
	$@ --help >/dev/null

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# A Chinese font, for the benchmark (a phone has one: without it Chromium searches every font for
# each Chinese character and draws boxes) and for screenshots; the end-to-end tests do not need it.
fonts: $(STAMP)/fonts
$(STAMP)/fonts:
	@mkdir -p $(STAMP)
	if [ -z "$$(fc-list :lang=zh 2>/dev/null)" ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-wqy-microhei; \
	fi
	@touch $@

browsers: $(STAMP)/browsers
$(STAMP)/browsers:
	@mkdir -p $(STAMP)
	if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	fi
	@touch $@

## ---- build and serve ----
# trunk builds one page per run: each page once into target/pages/<page>; then each split page's binary
# is linked again with its relocations (target/linkinfo, seconds once the crates are built); then one dist/
# is assembled from the pages (shared files must be identical) and the post-build steps run once over it
# (minify, each page's wasm split in two after profiling its start-up in Chromium, with the data only the
# rest uses moved there as those relocations tell, each page's service worker, .br/.gz copies).
# dist/index.html stands for the whole dist/ (touched last).
dist: dist/index.html
dist/index.html: $(APP_SOURCES) | tools browsers
	cargo fetch --target wasm32-unknown-unknown
	rm -rf target/pages
	for page in $(PAGES); do trunk build --release --offline=true --dist target/pages/$$page $$page.html; done
	CARGO_TARGET_DIR=$(LINKINFO) cargo build --release --offline --target wasm32-unknown-unknown $(SPLIT_BINS:%=--bin %) \
	  --config 'target.wasm32-unknown-unknown.rustflags=["-C", "link-arg=--emit-relocs"]'
	node tools/assemble.mjs dist $(PAGES:%=target/pages/%)
	node tools/postbuild.mjs dist
	@touch $@

serve: dist
	@echo "Anxin on http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## ---- tests ----
test: lint host-test web-test dist engines e2e
	@echo "make test: all checks passed"

lint: tools
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

host-test:
	cargo test

# Stripped like the release build: without reference types wasm-bindgen needs a symbol-free wasm.
web-test: tools browsers
	CARGO_PROFILE_DEV_STRIP=symbols cargo test --target wasm32-unknown-unknown --test web

# The old-engine floor (about Chrome/WebView 80 and iOS 13.4), checked on the built files of every page:
# the wasm uses no post-MVP feature those engines lack, the module scripts are ES2020 at most, the nomodule
# script and the service workers are ES5.
engines: dist tools
	for wasm in dist/*.wasm; do \
	  wasm-validate --disable-reference-types --disable-multi-value --disable-bulk-memory \
	    --disable-sign-extension --disable-saturating-float-to-int $$wasm; \
	done
	es-check es2020 --module $$(ls dist/*.js | grep -E '/[a-z0-9_]+-[0-9a-f]{10,16}\.js$$') dist/loader.js
	es-check es5 dist/nomodule.js dist/sw.js dist/kiosk-sw.js dist/contest-sw.js dist/desk-sw.js
	@echo "engines: wasm MVP-only, JavaScript ES2020 (modules) / ES5 (nomodule, workers), pages: $(PAGES)"

# Every end-to-end file, tests/e2e/soak.test.mjs included at its default length (200 kiosk sessions,
# 150 learner rounds). The command line is built first, as the kiosk panel's test runs it (`cargo run`
# would otherwise compile it mid-test on a fresh machine).
e2e: dist browsers tools cli
	node --test --test-concurrency=1 tests/e2e/

cli:
	cargo build --bin anxin-bank

# The soak runs at full length (tests/e2e/soak.test.mjs): SOAK_SESSIONS kiosk sessions in one page load
# (about 1 s each here), SOAK_ROUNDS learner rounds in one page load (about 1.8 s each), then one match
# of 200 questions (about 2 minutes).
SOAK_SESSIONS ?= 1000
SOAK_ROUNDS ?= 300

soak: dist browsers tools
	SOAK_SESSIONS=$(SOAK_SESSIONS) SOAK_ROUNDS=$(SOAK_ROUNDS) node --test --test-concurrency=1 tests/e2e/soak.test.mjs

# The fuzz test's long run (tests/fuzz): random and mutated banks, sheets and other files fed to
# their readers, each case checked for a panic, a hang and memory beyond 64 times its size.
# `cargo test` (so `make test`) runs a short pass of a few hundred cases in seconds; this runs each
# of its four targets for FUZZ_SECONDS (two at a time on two cores: about twice that in all), and
# checks a FUZZ_BIG_MB bank and sheet, built optimised but with overflow checks (profile.fuzz:
# 5-10 times the cases of a debug build; its first build takes about 10 minutes here, a rebuild
# after a change about 5; FUZZ_PROFILE=dev reuses `cargo test`'s build instead).
# A failure names its seed and case: replay it with FUZZ_SEED=<seed> make fuzz.
FUZZ_SECONDS ?= 300
FUZZ_BIG_MB ?= 47
FUZZ_PROFILE ?= fuzz

fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BIG_MB=$(FUZZ_BIG_MB) \
	  cargo test --profile $(FUZZ_PROFILE) --test fuzz -- --nocapture

# The benchmark's peers, installed from npm into bench/.peers (ignored by git, so `make test` never pays
# for them) at pinned versions; esbuild bundles the React one at bench time.
PEERS := bench/.peers
PEER_PACKAGES := react@18.3.1 react-dom@18.3.1 react-quiz-component@0.9.1 esbuild@0.28.2
PEERS_STAMP := $(PEERS)/.installed-react-18.3.1-rqc-0.9.1-esbuild-0.28.2
BENCH_RUNS ?= 5

bench-peers: $(PEERS_STAMP)
$(PEERS_STAMP):
	@mkdir -p $(PEERS)
	rm -f $(PEERS)/.installed-*
	npm install --prefix $(PEERS) --no-audit --no-fund --no-package-lock --save-exact $(PEER_PACKAGES)
	@touch $@

# The domain steps natively (cargo bench), then Anxin against a vanilla-JS floor and react-quiz-component,
# interleaved, phone profile and unthrottled; bench/run.mjs writes bench/results.json and the README's tables.
bench: dist browsers tools bench-peers fonts
	BENCH_RUNS=$(BENCH_RUNS) node bench/run.mjs

## ---- content ----
banks:
	cargo run --quiet --bin anxin-bank -- check quizzes/
	cargo run --quiet --bin anxin-bank -- index quizzes/

check-banks:
	cargo run --quiet --bin anxin-bank -- check quizzes/

clean:
	rm -rf dist target node_modules
