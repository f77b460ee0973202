//! wenji (文集): the reader, Leptos components compiled to wasm.
//!
//! The same components render twice: in the browser (`start`, the app),
//! and on the host at build time (`prerender`, with the `ssr` feature),
//! where the ship step writes their HTML into the pages it ships. Reads
//! of the browser while rendering go through `browser`, which answers
//! with defaults on the host, so that both renders agree.
#![forbid(unsafe_code)]
// The views nest deeply in types; `ssr` resolves them in async blocks.
#![recursion_limit = "256"]

mod app;
mod backup;
mod browser;
mod clipboard;
mod components;
mod content;
mod download;
mod dropped;
mod excerpt_marks;
mod file_store;
mod hit_nav;
mod idb;
mod importer;
mod layout;
mod location;
mod long_search;
mod make_collection;
mod navigation;
mod near_forms;
mod notebook;
mod notebook_store;
mod opened_files;
mod page_ids;
mod panic_notice;
mod part_window;
mod parts;
mod persist;
#[cfg(feature = "ssr")]
pub mod prerender;
mod reading_position;
mod scroll_spy;
mod search_run;
mod selection_copy;
mod shortcuts;
mod start;
mod state;
mod storage;
mod takeaway;
mod ui;

pub use start::start;
