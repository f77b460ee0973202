//! Moving between hits and to parts. The state says which hit is current
//! (`current_hit`, which `Highlighted` renders) and the search's data where
//! it is (a `Place`); folding opens around it, and once that is painted the
//! page scrolls to the element the view gave a known id.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use wenji_core::route::Route;
use wenji_core::Place;

use crate::browser::element_by_id as by_id;
use crate::content::{essay_at, full_essay, group_scope};
use crate::page_ids::{fold_button_id, section_id, CURRENT_HIT};
use crate::state::{ReaderState, GROUPS_STEP};

/// Unfold the part at `place`, and its sub-section if it names one
/// (their ids prefixed with `scope`, as on the page); a long essay renders
/// as far as it.
fn unfold(state: ReaderState, place: Place, scope: &str) {
    state.asked_parts.set(place.part + 1);
    let part = Place::part(place.essay, place.part);
    for at in [Some(part), place.section.map(|_| place)]
        .into_iter()
        .flatten()
    {
        state.set_open(&section_id(at, scope), true);
    }
}

/// Unfold the part or sub-section named by the address's fragment (and its
/// part), then bring it into view: `…#篇章二-其二` opens at that sub-section.
pub fn reveal_fragment(state: ReaderState) {
    let hash = window().location().hash().unwrap_or_default();
    let id = wenji_core::route::decode_component(hash.trim_start_matches('#'));
    let found = state
        .essay_on_page()
        .and_then(|i| full_essay(i)?.place_of(i, &id));
    if let Some(place) = found {
        reveal(state, place, false);
    }
}

/// When the address names a part or sub-section that the address's query
/// hides (`?q=守正#篇章二-其二`), say so once the search has finished,
/// rather than leave the reader looking at another place.
pub fn tell_if_fragment_hidden(state: ReaderState, ui: crate::ui::UiState) {
    let hash = window().location().hash().unwrap_or_default();
    if hash.len() <= 1 || !state.filtering_untracked() {
        return;
    }
    let id = wenji_core::route::decode_component(hash.trim_start_matches('#'));
    let told = StoredValue::new(false);
    Effect::new(move |_| {
        if told.get_value() || !state.hits.with(|h| h.complete()) {
            return;
        }
        told.set_value(true);
        let Some(i) = state.essay_on_page() else {
            return;
        };
        let Some(place) = full_essay(i).and_then(|e| e.place_of(i, &id)) else {
            return;
        };
        if state.hits.with_untracked(|h| h.at(place).is_hidden()) {
            let heading = essay_at(i).heading_at(place).1;
            let query = state.input.get_untracked();
            ui.notify(format!(
                "“{heading}”中没有“{}”，筛选时不显示；按 Esc 清除搜索即可看到。",
                query.trim()
            ));
        }
    });
}

/// Unfold the part or sub-section at `place` on its essay's page; once that
/// is painted, scroll it to the top (and focus its fold control when
/// `focus`).
fn reveal(state: ReaderState, place: Place, focus: bool) {
    unfold(state, place, "");
    request_animation_frame(move || bring_to_top(place, focus));
}

/// Scroll the part or sub-section at `place` to the top, and focus its
/// fold control when `focus`.
pub fn bring_to_top(place: Place, focus: bool) {
    let id = essay_at(place.essay).heading_at(place).0;
    if focus {
        if let Some(button) = by_id::<HtmlElement>(&fold_button_id(id)) {
            let _ = button.focus();
        }
    }
    if let Some(target) = by_id::<Element>(id) {
        target.scroll_into_view();
    }
}

/// Go to the part or sub-section at `place` of this page's essay (from the
/// outline, or a shortcut): the address takes its fragment (a history
/// entry), it unfolds and comes into view, and its fold control takes the
/// focus so that the keyboard carries on from there.
pub fn go_to(state: ReaderState, place: Place) {
    let id = essay_at(place.essay).heading_at(place).0;
    // The fragment goes after the query as it is now.
    state.write_typed_address();
    let location = window().location();
    let url = format!("{}#{id}", location.search().unwrap_or_default());
    let pushed = window().history().is_ok_and(|h| {
        h.push_state_with_url(&JsValue::NULL, "", Some(&url))
            .is_ok()
    });
    if !pushed {
        // A page opened from a file may refuse pushState; the hash still works.
        let _ = location.set_hash(id);
    }
    reveal(state, place, true);
}

/// Move `step` hits forward (1) or back (-1), wrapping around. On the list
/// the grouped results render a few essays at first: the essay that holds
/// the hit is rendered if it is not yet. The hit's part and sub-section
/// unfold, and it is scrolled to once painted.
pub fn step(state: ReaderState, step: isize) {
    let on_list = state.route.with_untracked(|r| *r == Route::List);
    // The grouped results are built once the search is done: until then
    // there is nothing to move to.
    if on_list && !state.hits.with_untracked(|h| h.complete()) {
        return;
    }
    let total = untrack(|| state.totals().hits);
    if total == 0 {
        return;
    }
    let n = total as isize;
    let next = match state.current_hit.get_untracked() {
        Some(i) => (i as isize + step).rem_euclid(n),
        None if step >= 0 => 0,
        None => n - 1,
    } as usize;
    state.current_hit.set(Some(next));
    let found = if on_list {
        let results = state.results.get_untracked();
        state.hits.with_untracked(|h| {
            let (k, local) = h.locate(&results, next)?;
            let essay = results[k];
            Some((k, h.get(essay)?.place_of_hit(essay, local)?))
        })
    } else {
        state.essay_on_page().and_then(|i| {
            state
                .hits
                .with_untracked(|h| h.get(i)?.place_of_hit(i, next))
                .map(|place| (0, place))
        })
    };
    if let Some((k, place)) = found {
        if on_list && state.groups_shown.get_untracked() <= k {
            state.groups_shown.set((k / GROUPS_STEP + 1) * GROUPS_STEP);
        }
        unfold(
            state,
            place,
            if on_list {
                group_scope(place.essay)
            } else {
                ""
            },
        );
    }
    // The hit is rendered (and marked current) by the next frame.
    request_animation_frame(move || {
        if let Some(target) = by_id::<Element>(CURRENT_HIT) {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            target.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
