//! The keyboard shortcuts of the page (see `wenji_core::shortcuts`).

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use wenji_core::shortcuts::{shortcut, takes_typing, Shortcut};

use crate::content::essay_at;
use crate::scroll_spy::{reading_line, shown_on_page};
use crate::state::ReaderState;
use crate::ui::UiState;

/// Listen for shortcuts on the whole page.
pub fn install(state: ReaderState, ui: UiState) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|el| {
                let input_type = el.get_attribute("type").unwrap_or_default();
                takes_typing(
                    &el.tag_name(),
                    &input_type,
                    el.has_attribute("contenteditable"),
                )
            });
        let modified = ev.ctrl_key() || ev.meta_key() || ev.alt_key();
        let Some(action) = shortcut(&ev.key(), in_field, modified) else {
            return;
        };
        // With the help open, only its own keys act.
        if ui.help_open.get_untracked() && !matches!(action, Shortcut::Escape | Shortcut::Help) {
            return;
        }
        ev.prevent_default();
        match action {
            Shortcut::FocusSearch => {
                if let Some(input) = ui.search_input.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
            }
            Shortcut::Escape => {
                if ui.help_open.get_untracked() {
                    ui.help_open.set(false);
                } else if ui.panel.get_untracked().is_some() {
                    // From inside the panel, the focus goes back to the
                    // button that opened it rather than to the page's start.
                    let panel = document()
                        .active_element()
                        .and_then(|el| el.closest(".panel[id]").ok().flatten());
                    ui.close_panel();
                    if let Some(panel) = panel {
                        let button = format!("button[aria-controls=\"{}\"]", panel.id());
                        crate::browser::focus_first(&button);
                    }
                } else if state.filtering() {
                    state.clear_query();
                }
            }
            Shortcut::ExpandAll => state.expand_all(),
            Shortcut::CollapseAll => {
                if let Some(essay) = state.essay_on_page().map(essay_at) {
                    state.collapse_all(essay.fold_ids());
                }
            }
            Shortcut::PreviousPart => go_to_part(state, ui, -1),
            Shortcut::NextPart => go_to_part(state, ui, 1),
            Shortcut::Help => ui.help_open.update(|open| *open = !*open),
        }
    });
}

/// Move to the previous or next part: focus its fold control and bring
/// its heading to the top.
fn go_to_part(state: ReaderState, ui: UiState, step: i32) {
    let parts = shown_on_page(state, true);
    if parts.is_empty() {
        return;
    }
    // The part being read: the last whose top has reached the reading line.
    let line = reading_line(ui);
    let current = parts
        .iter()
        .rposition(|(_, el)| el.get_bounding_client_rect().top() <= line)
        .map(|i| i as i32)
        .unwrap_or(-1);
    let next = (current + step).clamp(0, parts.len() as i32 - 1) as usize;
    crate::hit_nav::bring_to_top(parts[next].0, true);
}
