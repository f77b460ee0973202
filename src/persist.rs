//! Asking the browser to keep what the reader keeps in it for good
//! (`navigator.storage.persist()`): without it, a browser may clear the
//! notebook and the opened files when space runs short, and Safari does
//! after seven days without a visit. Asked once a visit, when something is
//! first kept (`notebook_store::save`, `file_store::put`); the 备份 controls
//! say whether it was granted, and that a backup is the safe copy where not.
//!
//! Called by name (`Reflect`), not through web-sys's `StorageManager`: the
//! first view's wasm then carries no binding of its own for it, and a
//! browser without the API (plain http) is simply not asked.

use std::cell::Cell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// `navigator.storage.<method>()`, where the browser has it.
fn call(method: &str) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let storage = Reflect::get(&navigator, &"storage".into()).ok()?;
    let f: Function = Reflect::get(&storage, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    f.call0(&storage).ok()
}

/// Ask, once a visit, that what the page keeps be kept for good.
pub fn ask() {
    if !ASKED.replace(true) {
        // The answer is read where it is shown (`kept_for_good`).
        let _ = call("persist");
    }
}

/// Whether the browser keeps the page's storage for good: `None` where it
/// cannot say.
pub async fn kept_for_good() -> Option<bool> {
    let promise: Promise = call("persisted")?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
