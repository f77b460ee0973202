//! Moving between highlighted hits: the `<mark>` elements in document
//! order are the hits; the current one gets the class `current`.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use wenji_core::route::Route;

use crate::state::{ReaderState, GROUPS_STEP};

fn marks(selector: &str) -> Vec<Element> {
    let Some(list) = document().query_selector_all(selector).ok() else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// Unfold the sub-section and the part that hold `el` (or that it is).
fn unfold_around(state: ReaderState, el: &Element) {
    for selector in ["section.sub", "section.part"] {
        if let Ok(Some(section)) = el.closest(selector) {
            state.set_open(&section.id(), true);
        }
    }
}

/// Unfold the part or sub-section named by the address's fragment (and its
/// part), then bring it into view: `…#篇章二-其二` opens at that sub-section.
pub fn reveal_fragment(state: ReaderState) {
    let hash = window().location().hash().unwrap_or_default();
    let id = wenji_core::route::decode_component(hash.trim_start_matches('#'));
    if let Some(target) = document().get_element_by_id(&id).filter(|_| !id.is_empty()) {
        reveal(state, target, false);
    }
}

/// Unfold `target` and what holds it; once that is painted, scroll it to
/// the top (and focus its fold control when `focus`).
fn reveal(state: ReaderState, target: Element, focus: bool) {
    unfold_around(state, &target);
    request_animation_frame(move || {
        if focus {
            if let Some(button) = target
                .query_selector(".fold-heading button")
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<HtmlElement>().ok())
            {
                let _ = button.focus();
            }
        }
        target.scroll_into_view();
    });
}

/// Go to part or sub-section `id` from the outline: the address takes its
/// fragment (a history entry), it unfolds and comes into view, and its fold
/// control takes the focus so that the keyboard carries on from there.
pub fn go_to(state: ReaderState, id: &str) {
    let Some(target) = document().get_element_by_id(id) else {
        return;
    };
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
    reveal(state, target, true);
}

/// Move `step` hits forward (1) or back (-1), wrapping around. On an
/// essay's page every hit is rendered; on the list the grouped results
/// render a few essays at first, so the hit is found in the results' data,
/// its essay rendered if it is not yet, and then marked and scrolled to.
pub fn step(state: ReaderState, step: isize) {
    let on_list = state.route.with_untracked(|r| *r == Route::List);
    // The grouped results are built once the search is done (or has done
    // all it can): until then there is nothing to move to.
    let groups_built = document()
        .query_selector(".essay-group")
        .ok()
        .flatten()
        .is_some();
    if on_list && !groups_built {
        return;
    }
    let total = if on_list {
        untrack(|| state.totals().hits)
    } else {
        marks(ESSAY_MARKS).len()
    };
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
    if on_list {
        let results = state.results.get_untracked();
        if let Some((k, _)) = state.hits.with_untracked(|h| h.locate(&results, next)) {
            if state.groups_shown.get_untracked() <= k {
                state.groups_shown.set((k / GROUPS_STEP + 1) * GROUPS_STEP);
            }
        }
        // The essay that holds it is rendered by the next frame.
        request_animation_frame(move || mark_and_show(state, LIST_MARKS, next));
    } else {
        mark_and_show(state, ESSAY_MARKS, next);
    }
}

/// The hits of an essay's page, and of the grouped results (the compact
/// list's sentences are not counted: they repeat what the groups show).
const ESSAY_MARKS: &str = "main mark";
const LIST_MARKS: &str = ".result-groups mark";

fn mark_and_show(state: ReaderState, selector: &str, n: usize) {
    let all = marks(selector);
    let Some(target) = all.get(n).cloned() else {
        return;
    };
    for m in &all {
        let _ = m.class_list().remove_1("current");
    }
    let _ = target.class_list().add_1("current");
    // A hit inside a folded part or sub-section unfolds it first.
    unfold_around(state, &target);
    request_animation_frame(move || {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        target.scroll_into_view_with_scroll_into_view_options(&options);
    });
}
