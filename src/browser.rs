//! What the app reads of the browser while it renders: the address and
//! storage. On the host (the ship step's prerender) there is no browser,
//! and each read answers as a first visit to the site's root would: no
//! query, nothing stored. The prerendered page is that visit's first view.

use wasm_bindgen::JsCast;

/// Is this the browser (rather than the build, rendering on the host)?
pub fn present() -> bool {
    cfg!(target_arch = "wasm32")
}

/// The collection's name when the page has none of its own (`index.html`'s
/// `<title>`).
pub const DEFAULT_NAME: &str = "文集";

thread_local! {
    static NAME: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

/// The collection's name: the page's `<title>` as it arrived (a single
/// file made in the page, 做成文集, carries the title the reader gave it),
/// read before the app names the tab after what it shows. On the host,
/// `DEFAULT_NAME`, as the built page says.
pub fn collection_name() -> String {
    NAME.with(|name| {
        name.get_or_init(|| {
            if present() {
                leptos::prelude::document().title()
            } else {
                DEFAULT_NAME.to_owned()
            }
        })
        .clone()
    })
}

/// Today as `2026-12-04`, in the reader's time zone.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The address's query string (`?essay=…&q=…`), or none.
pub fn address_search() -> String {
    if !present() {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The element with id `id`, as a `T`, if there is one (none on the host).
pub fn element_by_id<T: JsCast>(id: &str) -> Option<T> {
    if !present() {
        return None;
    }
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<T>()
        .ok()
}

/// Focus the first element matching `selector`; whether there was one.
pub fn focus_first(selector: &str) -> bool {
    let found = leptos::prelude::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    found.is_some_and(|el| el.focus().is_ok())
}
/// The page's `localStorage`, when there is one and the browser allows it.
pub fn local_storage() -> Option<web_sys::Storage> {
    if !present() {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// Wait for a later task: what follows runs after the page has had its
/// turn at input and painting (between two long steps of work).
pub async fn later_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
