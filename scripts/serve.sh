#!/usr/bin/env bash
# README command 1: set up, build the release, serve dist/ on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
source scripts/release-build.sh
release_build
exec node tests/support/serve.mjs dist "${PORT:-8080}"
