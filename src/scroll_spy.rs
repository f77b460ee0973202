//! Which part or sub-section the reader is at: the last one whose top has
//! scrolled up to the sticky search bar. The outline marks it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::state::ReaderState;
use crate::ui::UiState;

/// How far below the sticky bar a heading still counts as reached: links
/// and shortcuts scroll headings to the sections' `scroll-margin-top`.
const REACH_PX: f64 = 48.0;

/// Follow the scroll position (once a frame at most), and what moves the
/// text without scrolling: another page, a filter, folding.
pub fn install(state: ReaderState, ui: UiState) {
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
    Effect::new(move |_| {
        state.route.track();
        state.hits.track();
        state.folding.track();
        state.search_folding.track();
        request_animation_frame(move || update(ui));
    });
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
        .map(|el| el.get_bounding_client_rect().bottom() + REACH_PX)
        .unwrap_or(0.0);
    let sections: Vec<Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect();
    // Before the first heading reaches the line, the first is current; at
    // the very bottom, the last (which may never reach the line).
    let at_bottom = document().document_element().is_some_and(|root| {
        let seen = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0)
            + window().scroll_y().unwrap_or(0.0);
        seen >= f64::from(root.scroll_height()) - 2.0 && window().scroll_y().unwrap_or(0.0) > 0.0
    });
    let current = if at_bottom {
        sections.last()
    } else {
        sections
            .iter()
            .rev()
            .find(|s| s.get_bounding_client_rect().top() <= line)
            .or(sections.first())
    }
    .map(Element::id);
    if ui.current.with_untracked(|c| *c != current) {
        ui.current.set(current);
    }
}
