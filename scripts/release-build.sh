# Sourced by the scripts that build the release: `release_build [--dist DIR]`
# builds the site end to end with our own program (crates/wenji-ship):
# cargo for the app's and the worker's wasm (the standard library rebuilt,
# the app split at its lazy views: DEVELOPERS.md), wasm-bindgen and wasm-opt
# once each, the page, the single file, the service worker, the data files
# of `WENJI_CONTENT_DIR` (default content/), into dist/ unless told.

release_build() {
  cargo run --quiet -p wenji-ship -- --release "$@"
}
