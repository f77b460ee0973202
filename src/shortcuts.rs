//! The keyboard shortcuts of the page (see `wenji_core::shortcuts`).

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use wenji_core::route::Route;
use wenji_core::shortcuts::{shortcut, Shortcut};

use crate::content::{collection, essay_at};
use crate::state::ReaderState;
use crate::ui::UiState;

/// Listen for shortcuts on the whole page.
pub fn install(state: ReaderState, ui: UiState) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
        let modified = ev.ctrl_key() || ev.meta_key() || ev.alt_key();
        let Some(action) = shortcut(&ev.key(), in_field, modified) else {
            return;
        };
        // With the help open, only its own keys act.
        if state.help_open.get_untracked() && !matches!(action, Shortcut::Escape | Shortcut::Help) {
            return;
        }
        ev.prevent_default();
        match action {
            Shortcut::FocusSearch => {
                if let Some(input) = by_id::<web_sys::HtmlInputElement>("search") {
                    let _ = input.focus();
                    input.select();
                }
            }
            Shortcut::Escape => {
                if state.help_open.get_untracked() {
                    state.help_open.set(false);
                } else if ui.panel.get_untracked().is_some() {
                    ui.close_panel();
                } else if state.filtering() {
                    state.clear_query();
                }
            }
            Shortcut::ExpandAll => state.expand_all(),
            Shortcut::CollapseAll => {
                if let Route::Essay(slug) = state.route.get_untracked() {
                    if let Some(essay) = collection().index_of(&slug).map(essay_at) {
                        state.collapse_all(essay.fold_ids());
                    }
                }
            }
            Shortcut::PreviousPart => go_to_part(-1),
            Shortcut::NextPart => go_to_part(1),
            Shortcut::Help => state.help_open.update(|open| *open = !*open),
        }
    });
}

fn by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id)?.dyn_into::<T>().ok()
}

/// Move to the previous or next part: focus its fold control and bring
/// its heading to the top.
fn go_to_part(step: i32) {
    let Ok(list) = document().query_selector_all("section.part:not([hidden])") else {
        return;
    };
    let parts: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect();
    if parts.is_empty() {
        return;
    }
    // The part being read: the last whose top has reached the sticky bar
    // (give or take the scroll margin that parts keep below it).
    let bar = document()
        .query_selector(".search-bar")
        .ok()
        .flatten()
        .map(|el| el.get_bounding_client_rect().bottom() + 40.0)
        .unwrap_or(0.0);
    let current = parts
        .iter()
        .rposition(|p| p.get_bounding_client_rect().top() <= bar)
        .map(|i| i as i32)
        .unwrap_or(-1);
    let next = (current + step).clamp(0, parts.len() as i32 - 1) as usize;
    let target = &parts[next];
    if let Ok(Some(button)) = target.query_selector(":scope > .heading-row .fold-heading button") {
        if let Ok(button) = button.dyn_into::<HtmlElement>() {
            let _ = button.focus();
        }
    }
    target.scroll_into_view();
}
