# Trygg: the commands a newcomer needs. Each one installs what is missing first.
#   make serve   build and serve the app at http://127.0.0.1:8080/
#   make check   the inner loop: fmt, clippy and native tests (under a minute when warm)
#   make test    run every test (native, wasm in Chromium, end to end, lint); CI runs this
#   make dist    write the release folder dist/ to upload to any static web server
#   make package build the SCORM 1.2 and 2004 packages for an LMS from dist/ (ROLE=... for one role)
#   make bench   print release sizes (raw, gzip, brotli), load times, Lighthouse and roster timings (not a test)

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

.PHONY: setup setup-browser serve dist package check test test-native test-wasm test-e2e lint lint-native bench clean

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh --browser

serve: setup
	trunk serve --offline

dist: setup
	trunk build --release --offline
	@scripts/check-dist.sh dist

# SCORM packages of the release, for upload to an LMS (see README, "LMS (SCORM)").
SCORM_OUT := target/scorm
ROLE ?=
package: dist
	@mkdir -p $(SCORM_OUT)
	cargo run -q -p trygg-cli -- package --format scorm12 --out $(SCORM_OUT)/trygg-scorm12$(if $(ROLE),-$(ROLE)).zip $(if $(ROLE),--role $(ROLE)) dist
	cargo run -q -p trygg-cli -- package --format scorm2004 --out $(SCORM_OUT)/trygg-scorm2004$(if $(ROLE),-$(ROLE)).zip $(if $(ROLE),--role $(ROLE)) dist

test: setup-browser lint test-native test-wasm dist test-e2e
	@echo "All tests passed."

check: lint-native test-native
	@echo "Checks passed (run make test for the full gate)."

lint-native:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

lint: lint-native
	cargo clippy -p trygg-app -p trygg-course -p trygg-records -p trygg-pdf -p trygg-manager --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test --workspace

test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver cargo test -p trygg-app --target wasm32-unknown-unknown

test-e2e:
	node tests/e2e/run.mjs

bench: setup-browser dist
	node scripts/bench.mjs
	node scripts/bench-load.mjs
	node scripts/bench-lighthouse.mjs
	node scripts/bench-roster.mjs

clean:
	cargo clean
	rm -rf dist node_modules
