#!/usr/bin/env bash
# README command 1: set up, build the release, serve dist/ on 127.0.0.1:8080.
# With --watch: a debug build in target/dist-dev, made again on every change
# of the sources (the development loop).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if [[ "${1:-}" != "--watch" ]]; then
  source scripts/release-build.sh
  release_build
  exec node tests/support/serve.mjs dist "${PORT:-8080}"
fi

dist=target/dist-dev
build() { cargo run --quiet -p wenji-ship -- --dist "$dist" || echo "serve: the build failed; the last good one is served" >&2; }
stamp=$(mktemp)
build
node tests/support/serve.mjs "$dist" "${PORT:-8080}" &
trap 'kill $! 2>/dev/null; rm -f "$stamp"' EXIT
echo "serve: watching src/ crates/ style/ public/ content/ index.html"
while sleep 1; do
  # A change during a build is caught by the next look: the stamp is
  # touched before the build starts.
  if [[ -n $(find src crates style public content index.html -newer "$stamp" -type f -print -quit) ]]; then
    touch "$stamp"
    echo "serve: rebuilding"
    build
  fi
done
