//! The browser's address: the page (`?essay=`) and the query (`?q=`) live
//! in it, so that a filtered view can be bookmarked, and Back and Forward
//! move between pages and earlier queries without a reload.

use wasm_bindgen::{JsCast, JsValue};
use wenji_core::library::ListView;
use wenji_core::route::{address, list_address, param, Route};

use crate::browser::address_search as search;
use crate::content::collection;

/// The route the current address shows.
pub fn current_route() -> Route {
    Route::from_query(&search(), &collection())
}

/// The query in the current address.
pub fn current_query() -> String {
    param(&search(), "q").unwrap_or_default()
}

/// Does the address show the root's first view, as the prerendered page
/// does (no other page, no query, the list as it first comes)?
pub fn shows_first_view() -> bool {
    current_route() == Route::from_query("", &collection())
        && current_query().is_empty()
        && current_list_view() == ListView::default()
}

/// The list's view in the current address.
pub fn current_list_view() -> ListView {
    ListView::from_query(&search())
}

/// What a history entry remembers of the page it left, so that Back
/// shows it as it was: the scroll position, and how much of the list and
/// of the results was rendered (the scroll position may lie below the
/// first screen of either).
#[derive(Clone, Copy, Debug)]
pub struct Saved {
    pub scroll: f64,
    pub rendered: Rendered,
}

/// How many essays the list, the results and the grouped results render.
#[derive(Clone, Copy, Debug)]
pub struct Rendered {
    pub list: usize,
    pub results: usize,
    pub groups: usize,
}

impl Saved {
    fn to_js(self) -> JsValue {
        let a = js_sys::Array::new();
        for n in [
            self.scroll,
            self.rendered.list as f64,
            self.rendered.results as f64,
            self.rendered.groups as f64,
        ] {
            a.push(&n.into());
        }
        a.into()
    }

    /// What a popstate event's state says, if it is ours.
    pub fn from_js(v: &JsValue) -> Option<Saved> {
        let a = v.dyn_ref::<js_sys::Array>()?;
        let n = |i| a.get(i).as_f64();
        Some(Saved {
            scroll: n(0)?,
            rendered: Rendered {
                list: n(1)? as usize,
                results: n(2)? as usize,
                groups: n(3)? as usize,
            },
        })
    }
}

/// The address of `route` with `query` (and, for the list, its `view`):
/// always relative, so the page works under any sub-path.
pub fn href(route: &Route, query: &str, view: &ListView) -> String {
    match route {
        Route::List => list_address(query, view, crate::content::site_len() == 1),
        Route::Essay(_) => {
            let tail = address(route, query, &collection());
            if tail.is_empty() {
                "?".into()
            } else {
                tail
            }
        }
    }
}

/// Put `route` and `query` in the address bar: as a new history entry when
/// `push` (the entry left remembers its scroll position and what it had
/// `rendered`), else in place of the current one.
pub fn write_address(route: &Route, query: &str, view: &ListView, push: bool, rendered: Rendered) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let tail = href(route, query, view);
    // `?` alone still leaves a `?` in the bar: address the bare path.
    let url = if tail == "?" {
        window.location().pathname().unwrap_or_else(|_| ".".into())
    } else {
        tail
    };
    let Ok(history) = window.history() else {
        return;
    };
    if push {
        let here = Saved {
            scroll: window.scroll_y().unwrap_or(0.0),
            rendered,
        };
        let _ = history.replace_state(&here.to_js(), "");
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
    } else {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
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
