//! The notice the page shows when its tools stop working, written once.
//!
//! The page's early script (`public/fault-early.js`) builds it: when the
//! app's wasm traps (a panic traps at once in the release build, with no
//! hook run: DEVELOPERS.md) and when the app itself asks (a load that
//! failed), through the function it leaves on `window`. The ship step
//! writes these values into that script.

/// The notice's id, which is also its class.
pub const NOTICE_ID: &str = "panic-notice";
/// The name on `window` of the function that shows a notice.
pub const SHOW_FUNCTION: &str = "wenjiFault";
/// What the notice says when the wasm trapped.
pub const TRAPPED: &str = "阅读器出错了，搜索和折叠暂时无法使用；正文仍可阅读。";
/// The link that reloads the page.
pub const RELOAD: &str = "重新加载";
