//! Asking the browser to keep what the reader keeps in it for good
//! (`navigator.storage.persist()`): without it, a browser may clear the
//! notebook and the opened files when space runs short, and Safari does
//! after seven days without a visit. Asked once a visit, when something is
//! first kept (`notebook_store::save`, `file_store::put`); the 备份 controls
//! say whether it was granted, and that a backup is the safe copy where not.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// The browser's storage manager, where it has one (not on plain http).
fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Ask, once a visit, that what the page keeps be kept for good.
pub fn ask() {
    if ASKED.replace(true) {
        return;
    }
    if let Some(manager) = manager() {
        // The answer is read where it is shown (`kept_for_good`).
        let _ = manager.persist();
    }
}

/// Whether the browser keeps the page's storage for good: `None` where it
/// cannot say.
pub async fn kept_for_good() -> Option<bool> {
    let promise = manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
