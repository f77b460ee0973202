#!/usr/bin/env bash
# README command 2: every check and test. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step says when it starts (seconds since the run began), so that a
# CI log shows where the time goes.
step() { printf '\n\033[1m== %s\033[0m (at %d s)\n' "$*" "$SECONDS"; }

# The disk is shared with other work on these machines; a full disk shows up
# later as an obscure rustc "IO failure", so say it first.
free_kb=$(df -Pk . | awk 'NR==2 {print $4}')
if [ "${free_kb:-0}" -lt $((8 * 1024 * 1024)) ]; then
  echo "warning: only $((free_kb / 1024)) MiB free here; a full run needs about 8 GiB" >&2
fi

step "set-up"
bash scripts/setup.sh --browsers
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
source scripts/release-build.sh

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (host)"
cargo clippy --workspace --all-targets -- -D warnings

# The app and the worker together, as the build compiles them (one cargo
# call, features unified: wasm::cargo_build); the first pass also compiles
# the proc macros and build scripts the debug build below reuses.
step "cargo clippy (wasm32, and as the release splits it)"
cargo clippy -p wenji -p wenji-worker --target wasm32-unknown-unknown -- -D warnings
WENJI_SPLIT=1 cargo clippy -p wenji -p wenji-worker --target wasm32-unknown-unknown -- -D warnings

step "cargo deny (licences, bans; offline)"
cargo deny --offline check licenses bans

# Two cargo calls: in one, the others' dev-dependencies (proptest,
# tempfile) would turn on std features of libc, getrandom, bitflags… for
# the whole call, and the build program's dependencies (wasmparser,
# walrus, lol_html, …) would be compiled once for its tests and again for
# the release builds below. Alone, its tests share them with the builds.
step "host tests (wenji-ship)"
cargo test -p wenji-ship
step "host tests (wenji-core, wenji-search, wenji-import, wenji-worker)"
cargo test -p wenji-core -p wenji-search -p wenji-import -p wenji-worker

step "release build of the several-essays fixture (target/dist-multi)"
WENJI_CONTENT_DIR=tests/fixtures/collection-multi \
  release_build --dist target/dist-multi

step "release build of a generated collection of 140 essays (target/dist-140)"
node scripts/make-collection.mjs 140 target/collection-140
WENJI_CONTENT_DIR=target/collection-140 \
  release_build --dist target/dist-140

step "release build of the hostile-content fixture (target/dist-hostile)"
node tests/support/make-hostile.mjs target/hostile-content
WENJI_CONTENT_DIR=target/hostile-content \
  release_build --dist target/dist-hostile

step "debug build (target/dist-debug, for the panic test)"
cargo run --quiet -p wenji-ship -- --dist target/dist-debug

step "release build (dist/)"
release_build

# Two test files at a time: one file alone left the two cores a quarter
# idle (waiting on pages and drivers); two took 271 s and 236 s where one
# took 369 s (2026-12-06, one after the other). Each file has its own
# browser, server and driver ports.
step "browser tests (Chromium; the engines' list in Firefox ESR and WebKitGTK)"
node --test --test-concurrency=2 tests/*.test.mjs

step "done"
