# Sourced by the scripts that build the release: `release_build [trunk args]`
# runs `trunk build --release --offline` with the standard library rebuilt
# for the page's wasm with panic=immediate-abort (DEVELOPERS.md, "The
# standard library, rebuilt"): a panic then traps at once, with no message
# and none of the formatting code that would write it, and the page's own
# script (`public/fault-early.js`) tells the reader. That needs rustup's
# rust-src and RUSTC_BOOTSTRAP=1 on the stable toolchain; without rust-src
# the build goes on with the prebuilt library, and says so.
#
# The wasm is also split at its lazy views (`WENJI_SPLIT=1`: src/parts.rs),
# which the post-build hook (wenji-ship's split.rs) does.
#
# The variables reach cargo through Trunk; its post-build hook, a host
# build, drops them (Trunk.toml). Debug builds keep the prebuilt library,
# so that a panic still prints its message.

release_env() {
  # The release's wasm is split at its lazy views (src/parts.rs, build.rs).
  RELEASE_ENV=(WENJI_SPLIT=1)
  if rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    # Target rustflags replace `build.rustflags`: carry those over, so that
    # .cargo/config.toml stays their one source.
    local base
    base=$(RUSTC_BOOTSTRAP=1 cargo -Zunstable-options config get --format json-value build.rustflags \
      | tr -d '[]"' | tr ',' ' ')
    RELEASE_ENV+=(
      RUSTC_BOOTSTRAP=1
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort
      "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=$base -Zunstable-options -Cpanic=immediate-abort"
    )
  else
    echo "warning: rustup's rust-src is missing: the release keeps the prebuilt standard library (a larger wasm)" >&2
  fi
}

release_build() {
  release_env
  env "${RELEASE_ENV[@]}" trunk build --release --offline "$@"
}
