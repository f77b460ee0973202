#!/usr/bin/env bash
# Benchmark of the release build: sizes and load times of the seed, then the
# scale benchmark at 1, 140 and 1,000 essays, and how reliably the WebKit
# engines start and open files (figures, no verdict).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --bench
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
source scripts/release-build.sh
release_build
node scripts/bench.mjs
node scripts/bench-lighthouse.mjs
node scripts/bench-import.mjs
MB=2,30 node scripts/bench-big.mjs
node scripts/bench-make.mjs
node scripts/bench-phone.mjs
# 200 fresh pages each in WPE WebKit 2.38 and WebKitGTK: failures are
# printed, not fatal.
node scripts/bench-engines.mjs 200 || true
node scripts/bench-scale.mjs "$@"
# What finding the related passages costs, on the collections just made.
for n in ${*:-1 140 1000}; do
  dir="target/bench-content-$n"
  if [ -d "$dir" ]; then
    cargo run --quiet --release -p wenji-search --example related -- "$dir"
  fi
done
