#!/usr/bin/env bash
# Installs what building (and, with --browsers, testing) needs, from the
# package registries only. Idempotent: each step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

# --browsers: what the browser tests need; --bench: that and WPE WebKit,
# which only the benchmark of the engines drives (bench-engines.mjs).
BROWSERS=0
BENCH=0
[[ "${1:-}" == "--browsers" ]] && BROWSERS=1
[[ "${1:-}" == "--bench" ]] && BROWSERS=1 && BENCH=1

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
# Whether the output of a command (the arguments after the first) has a
# line matching the pattern (the first). Read whole, not piped into
# `grep -q`: that stops reading at the first match, the command can die of
# SIGPIPE, and under pipefail a tool already there looked missing (CI once
# ran `cargo install geckodriver` again for nothing).
has() {
  local out
  out=$("${@:2}" 2>/dev/null) || true
  grep -qE -- "$1" <<<"$out"
}
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Debian packages: node for the server and the tests; Chromium, Firefox ESR,
# WebKitGTK's WebDriver (with its MiniBrowser) and a virtual X display for
# it, and CJK fonts for the browser tests.
apt_pkgs=()
command -v node >/dev/null && command -v npm >/dev/null || apt_pkgs+=(nodejs npm)
if (( BROWSERS )); then
  for p in chromium chromium-driver firefox-esr webkit2gtk-driver xvfb fonts-noto-cjk; do
    dpkg -s "$p" >/dev/null 2>&1 || apt_pkgs+=("$p")
  done
fi
if (( BENCH )); then
  for p in wpewebkit-driver cog; do
    dpkg -s "$p" >/dev/null 2>&1 || apt_pkgs+=("$p")
  done
fi
if (( ${#apt_pkgs[@]} )); then
  say "apt-get install ${apt_pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_pkgs[@]}" >/dev/null
fi

# npm dev dependencies: wasm-opt 132 (binaryen), playwright-core, axe-core.
# Downloaded in the background while rustup and cargo fetch theirs (on a
# fresh machine `npm ci` is 5 of set-up's 11 s); waited for at the end.
npm_setup() {
  if [[ ! -x node_modules/.bin/wasm-opt || ! -d node_modules/playwright-core || ! -d node_modules/axe-core \
        || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  has 'version 132' wasm-opt --version \
    || { echo "setup: wasm-opt on PATH is not version 132: $(command -v wasm-opt)" >&2; return 1; }
}
npm_setup &
npm_pid=$!

# Rust: the wasm target and the lint tools.
has '^wasm32-unknown-unknown$' rustup target list --installed \
  || { say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
for c in clippy rustfmt; do
  has "^$c" rustup component list --installed || rustup component add "$c"
done
# The standard library's source: the release rebuilds it for the wasm
# (scripts/release-build.sh). Without it the release still builds, larger.
has '^rust-src' rustup component list --installed \
  || { say "rustup component add rust-src"; rustup component add rust-src \
       || say "rust-src could not be installed: the release keeps the prebuilt standard library"; }

# geckodriver drives Firefox ESR for its suite (Playwright's Firefox is
# a browser build of its own that cannot be downloaded here).
if (( BROWSERS )) && ! has '^geckodriver 0\.37\.1' geckodriver --version; then
  say "cargo install geckodriver 0.37.1"
  cargo install geckodriver --version 0.37.1 --locked
fi

# cargo-deny checks licences and duplicate crates in the test command.
if (( BROWSERS )) && ! has '0\.20\.2' cargo deny --version; then
  say "cargo install cargo-deny 0.20.2"
  cargo install cargo-deny --version 0.20.2 --locked
fi

# The crates of Cargo.lock, for the host and wasm32, fetched at once rather
# than by each build. Quick when they are already here.
cargo fetch --locked --quiet
# The standard library's own crates, for the release's rebuild of it.
if has '^rust-src' rustup component list --installed; then
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    cargo fetch --locked --quiet --target wasm32-unknown-unknown
fi

wait "$npm_pid" || { echo "setup: npm's part failed" >&2; exit 1; }
say "ready"
