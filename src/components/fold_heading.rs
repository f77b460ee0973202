//! A heading that folds and unfolds what follows it: the WAI-ARIA
//! disclosure pattern, a real button inside the heading, so Tab, Enter and
//! Space work as a click does. The heading's text stands beside the button,
//! not in it, so that it can be selected and copied like any text.

use leptos::prelude::*;
use wenji_core::fold::BODY_SUFFIX;
use wenji_core::Place;
use wenji_search::Field;

use crate::components::highlighted::Highlighted;
use crate::content::essay_at;
use crate::page_ids::fold_button_id;
use crate::state::use_reader;

/// Ends the id of a heading's text, which names its fold control.
const LABEL_SUFFIX: &str = "-label";

/// The heading of the part or sub-section at `place`, at `level`; `id` is
/// that of the folded `<section>` (scoped), `count` the hits under it
/// while filtering.
#[component]
pub fn FoldHeading(
    place: Place,
    id: String,
    level: u8,
    count: Signal<Option<usize>>,
) -> impl IntoView {
    let state = use_reader();
    let (_, text) = essay_at(place.essay).heading_at(place);
    let (open_id, body_id, button_id) = (
        id.clone(),
        format!("{id}{BODY_SUFFIX}"),
        fold_button_id(&id),
    );
    let label_id = format!("{id}{LABEL_SUFFIX}");
    let toggle_id = id.clone();
    // A click on the heading's text folds as the chevron does; a drag over
    // it selects it (to copy), and never folds.
    let on_label_click = move |ev: web_sys::MouseEvent| {
        let selecting = window()
            .get_selection()
            .ok()
            .flatten()
            .is_some_and(|s| !s.is_collapsed());
        if ev.detail() <= 1 && !selecting {
            state.toggle(&toggle_id);
        }
    };
    // The button holds the chevron and takes its name from the text beside
    // it; the text itself is hidden from the accessibility tree so that it
    // is heard once, as the button's name.
    let inner = view! {
        <button
            type="button"
            class="fold"
            id=button_id
            aria-expanded=move || state.is_open(&open_id).to_string()
            aria-controls=body_id
            aria-labelledby=label_id.clone()
            on:click=move |_| state.toggle(&id)
        >
            <span class="chevron" aria-hidden="true"></span>
        </button>
        <span class="fold-label" id=label_id aria-hidden="true" on:click=on_label_click>
            <span class="heading-text">
                <Highlighted text=text place=place field=Field::Heading />
            </span>
            {move || {
                count
                    .get()
                    .filter(|n| *n > 0)
                    .map(|n| {
                        view! {
                            <span class="hit-count" title=format!("{n} 处")>
                                <span class="visually-hidden">"，"</span>
                                {n}
                                <span class="visually-hidden">" 处"</span>
                            </span>
                        }
                    })
            }}
        </span>
    };
    match level {
        2 => view! { <h2 class="fold-heading">{inner}</h2> }.into_any(),
        3 => view! { <h3 class="fold-heading">{inner}</h3> }.into_any(),
        _ => view! { <h4 class="fold-heading">{inner}</h4> }.into_any(),
    }
}
