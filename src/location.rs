//! The browser's address: the page (`?essay=`) and the query (`?q=`) live
//! in it, so that a filtered view can be bookmarked, and Back and Forward
//! move between pages and earlier queries without a reload.

use wenji_core::route::{address, param, Route};

use crate::content::collection;

fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The route the current address shows.
pub fn current_route() -> Route {
    Route::from_query(&search(), collection())
}

/// The query in the current address.
pub fn current_query() -> String {
    param(&search(), "q").unwrap_or_default()
}

/// Put `route` and `query` in the address bar: as a new history entry when
/// `push`, else in place of the current one.
pub fn write_address(route: &Route, query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let tail = address(route, query, collection());
    // An empty tail must still drop the old query: address the bare path.
    let url = if tail.is_empty() {
        window.location().pathname().unwrap_or_else(|_| ".".into())
    } else {
        tail
    };
    if let Ok(history) = window.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&null, "", Some(&url))
        } else {
            history.replace_state_with_url(&null, "", Some(&url))
        };
    }
}

/// Name the browser tab after what is shown.
pub fn set_document_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Milliseconds since the page started.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
