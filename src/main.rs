//! wenji (文集): the reader, a Leptos client-side app compiled to wasm.
#![forbid(unsafe_code)]

mod app;
mod clipboard;
mod components;
mod content;
mod download;
mod hit_nav;
mod location;
mod panic_notice;
mod scroll_spy;
mod shortcuts;
mod state;
mod storage;
mod takeaway;
mod ui;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    // For the benchmark: how long the app's own start takes.
    if let Some(perf) = window().performance() {
        let _ = perf.mark("wenji-start");
    }
    panic_notice::install();
    let doc = document();
    let Some(root) = doc
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        leptos::mount::mount_to_body(app::App);
        return;
    };
    // The page arrives prerendered: take it over without anything moving.
    // Keep the scroll position, and what the reader typed or focused meanwhile.
    let scroll = window().scroll_y().unwrap_or(0.0);
    let search = doc
        .get_element_by_id("search")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let typed = search.as_ref().map(|i| i.value()).unwrap_or_default();
    let had_focus = search.is_some_and(|i| doc.active_element().is_some_and(|a| a == **i));
    if !typed.trim().is_empty() && location::current_query().is_empty() {
        location::write_address(&location::current_route(), &typed, false);
    }
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
    leptos::mount::mount_to(root, app::App).forget();
    window().scroll_to_with_x_and_y(0.0, scroll);
    if had_focus {
        if let Some(input) = doc
            .get_element_by_id("search")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    }
    // For the benchmark: the reader can filter from here on.
    if let Some(perf) = window().performance() {
        let _ = perf.mark("wenji-interactive");
    }
    panic_notice::debug_trigger();
}
