//! Which part or sub-section the reader is at: the last one whose top has
//! scrolled up to the sticky search bar. The outline marks it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::ui::UiState;

/// Follow the scroll position (once a frame at most).
pub fn install(ui: UiState) {
    let pending = StoredValue::new(false);
    let _ = window_event_listener(leptos::ev::scroll, move |_| {
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            update(ui);
        });
    });
    request_animation_frame(move || update(ui));
}

fn update(ui: UiState) {
    let Ok(list) = document().query_selector_all(
        ".essay-body section.part:not([hidden]), .essay-body section.sub:not([hidden])",
    ) else {
        return;
    };
    let line = document()
        .query_selector(".search-bar")
        .ok()
        .flatten()
        .map(|el| el.get_bounding_client_rect().bottom() + 8.0)
        .unwrap_or(0.0);
    let sections: Vec<Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect();
    // Before the first heading reaches the line, the first is current.
    let current = sections
        .iter()
        .rev()
        .find(|s| s.get_bounding_client_rect().top() <= line)
        .or(sections.first())
        .map(Element::id);
    if ui.current.with_untracked(|c| *c != current) {
        ui.current.set(current);
    }
}
