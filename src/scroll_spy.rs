//! Which part or sub-section the reader is at: the one holding the current
//! hit while it is on screen, else the last one whose top has scrolled up
//! to the reading line, just under the sticky search bar. The
//! outline marks it; `[` and `]` move from the part that holds it.

use leptos::prelude::*;
use web_sys::Element;
use wenji_core::Place;

use crate::browser::element_by_id as by_id;
use crate::content::full_essay;
use crate::layout::HEADING_REACH_PX;
use crate::page_ids::CURRENT_HIT;
use crate::state::ReaderState;
use crate::ui::UiState;

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
            update(state, ui);
        });
    });
    Effect::new(move |_| {
        state.route.track();
        state.hits.track();
        state.folding.track();
        state.search_folding.track();
        state.current_hit.track();
        request_animation_frame(move || update(state, ui));
    });
}

/// How far down the window a heading's top has reached the reading line.
pub fn reading_line(ui: UiState) -> f64 {
    ui.search_bar
        .get_untracked()
        .map(|bar| bar.get_bounding_client_rect().bottom() + HEADING_REACH_PX)
        .unwrap_or(0.0)
}

/// The parts (and, unless `parts_only`, sub-sections) of this essay's page
/// that the filter shows, in reading order, with their elements.
pub fn shown_on_page(state: ReaderState, parts_only: bool) -> Vec<(Place, Element)> {
    let Some(i) = state.essay_on_page() else {
        return Vec::new();
    };
    let Some(essay) = full_essay(i) else {
        return Vec::new();
    };
    essay
        .places(i)
        .filter(|at| !parts_only || at.section.is_none())
        .filter(|at| !untrack(|| state.hits_at(*at, |f| f.is_hidden())))
        .filter_map(|at| Some((at, document().get_element_by_id(essay.heading_at(at).0)?)))
        .collect()
}

fn update(state: ReaderState, ui: UiState) {
    let screen = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let far_down = window().scroll_y().unwrap_or(0.0) > screen;
    if ui.far_down.get_untracked() != far_down {
        ui.far_down.set(far_down);
    }
    let sections = shown_on_page(state, false);
    let line = reading_line(ui);
    // Before the first heading reaches the line, the first is current; at
    // the very bottom, the last (which may never reach the line).
    let at_bottom = document().document_element().is_some_and(|root| {
        let seen = screen + window().scroll_y().unwrap_or(0.0);
        seen >= f64::from(root.scroll_height()) - 2.0 && window().scroll_y().unwrap_or(0.0) > 0.0
    });
    // Going through the hits, the current hit's section is where the
    // reader is, even before its heading reaches the line.
    let hit = by_id::<Element>(CURRENT_HIT).filter(|m| {
        let r = m.get_bounding_client_rect();
        r.bottom() > line && r.top() < screen
    });
    let holding_hit = hit.and_then(|m| sections.iter().rev().find(|(_, s)| s.contains(Some(&m))));
    let current = if holding_hit.is_some() {
        holding_hit
    } else if at_bottom {
        sections.last()
    } else {
        sections
            .iter()
            .rev()
            .find(|(_, s)| s.get_bounding_client_rect().top() <= line)
            .or(sections.first())
    }
    .map(|(_, s)| s.id());
    if ui.current.with_untracked(|c| *c != current) {
        ui.current.set(current);
    }
}
