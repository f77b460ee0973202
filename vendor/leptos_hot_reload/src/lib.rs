pub const HOT_RELOAD_JS: &str = include_str!("patch.js");

// Vendored: the rest (the view macros' parser, for hot reloading on a
// server) is for the host only; the browser's leptos uses the script above.
#[cfg(not(target_arch = "wasm32"))]
include!("host.rs");
