//! The browser's address: read the route from it and push new ones, so
//! that Back and Forward move between pages without a reload.

use wenji_core::route::Route;

use crate::content::collection;

/// The route the current address shows.
pub fn current_route() -> Route {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Route::from_query(&search, collection())
}

/// Put `route` in the address bar as a new history entry.
pub fn push_route(route: &Route) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = route.to_query(collection());
    // An empty query must still drop the old one: address the bare path.
    let url = if query.is_empty() {
        window.location().pathname().unwrap_or_else(|_| ".".into())
    } else {
        query
    };
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Name the browser tab after what is shown.
pub fn set_document_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}
