//! A panic must never leave a frozen page without a word: the reader is
//! told, in Chinese, and offered a reload. The text already on the page
//! stays readable.

use leptos::prelude::*;

/// Install the hook: log the panic to the console, then show the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

fn show() {
    show_message("阅读器出错了，搜索和折叠暂时无法使用；正文仍可阅读。");
}

/// Tell the reader that the tools are not available, and why.
pub fn show_message(message: &str) {
    let doc = document();
    if doc.get_element_by_id("panic-notice").is_some() {
        return;
    }
    let Ok(notice) = doc.create_element("div") else {
        return;
    };
    notice.set_id("panic-notice");
    notice.set_class_name("panic-notice");
    let _ = notice.set_attribute("role", "alert");
    let text = doc.create_element("span").ok();
    if let Some(t) = &text {
        t.set_text_content(Some(message));
        let _ = notice.append_child(t);
    }
    // A link to the page itself reloads it without any script.
    if let Ok(link) = doc.create_element("a") {
        let href = window().location().href().unwrap_or_else(|_| ".".into());
        let _ = link.set_attribute("href", &href);
        link.set_class_name("tool");
        link.set_text_content(Some("重新加载"));
        let _ = notice.append_child(&link);
    }
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&notice);
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
