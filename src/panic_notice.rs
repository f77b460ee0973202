//! A panic must never leave a frozen page without a word: the reader is
//! told, in Chinese, and offered a reload. The text already on the page
//! stays readable.
//!
//! The page's early script builds the notice (`wenji_core::fault`): it sees
//! the wasm trap, which is how every panic ends (at once in the release
//! build, whose standard library aborts without running a hook), and the
//! app asks it for the notices of its own.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wenji_core::fault;

/// Debug builds: the panic's message in the console, before the trap.
pub fn install() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
}

/// Tell the reader that the tools are not available, and why.
pub fn show_message(message: &str) {
    let show = js_sys::Reflect::get(&window(), &JsValue::from_str(fault::SHOW_FUNCTION))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let shown = show.is_some_and(|f| f.call1(&JsValue::NULL, &JsValue::from_str(message)).is_ok());
    if !shown {
        // A page without the early script (a test's bare page): the console.
        web_sys::console::error_1(&JsValue::from_str(message));
    }
}

/// Debug builds only: `?debug-panic` panics once the app has mounted, so
/// that a test can see the notice.
pub fn debug_trigger() {
    if cfg!(debug_assertions)
        && window()
            .location()
            .search()
            .is_ok_and(|s| s.contains("debug-panic"))
    {
        panic!("debug-panic requested by the address");
    }
}
