//! Moving between highlighted hits: the `<mark>` elements in document
//! order are the hits; the current one gets the class `current`.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::state::ReaderState;

fn marks() -> Vec<Element> {
    let Some(list) = document().query_selector_all("main mark").ok() else {
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

/// Move `step` hits forward (1) or back (-1), wrapping around.
pub fn step(state: ReaderState, step: isize) {
    let all = marks();
    if all.is_empty() {
        return;
    }
    let n = all.len() as isize;
    let next = match state.current_hit.get_untracked() {
        Some(i) => (i as isize + step).rem_euclid(n),
        None if step >= 0 => 0,
        None => n - 1,
    } as usize;
    for m in &all {
        let _ = m.class_list().remove_1("current");
    }
    let target = all[next].clone();
    let _ = target.class_list().add_1("current");
    // A hit inside a folded part or sub-section unfolds it first.
    unfold_around(state, &target);
    state.current_hit.set(Some(next));
    request_animation_frame(move || {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        target.scroll_into_view_with_scroll_into_view_options(&options);
    });
}
