//! The build of wenji's site (`wenji-ship`, `src/main.rs`): the wasm, the
//! page, the single file, the service worker, the data files.
#![forbid(unsafe_code)]

/// The workspace: the sources, `content/`, `public/`, `style/` and the
/// npm tools (`node_modules/.bin`).
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

pub mod compress;
pub mod cores;
pub mod css;
pub mod data;
pub mod early;
pub mod files;
pub mod js;
pub mod js_tokens;
pub mod page;
pub mod service_worker;
pub mod split;
pub mod wasm;
