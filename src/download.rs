//! Saving generated text as a file, from the page itself (no server).

use wasm_bindgen::{JsCast, JsValue};

/// Offer `text` as a download named `name`; `false` if the browser refused.
pub fn save(name: &str, mime: &str, text: &str) -> bool {
    try_save(name, mime, &JsValue::from_str(text)).is_some()
}

/// The same for bytes (a `.docx`).
pub fn save_bytes(name: &str, mime: &str, bytes: &js_sys::Uint8Array) -> bool {
    try_save(name, mime, bytes).is_some()
}

fn try_save(name: &str, mime: &str, content: &JsValue) -> Option<()> {
    let parts = js_sys::Array::of1(content);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let doc = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL can go once it has run.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Some(())
}
