//! A heading that folds and unfolds what follows it: the WAI-ARIA
//! disclosure pattern, a real button inside the heading, so Tab, Enter and
//! Space work as a click does.

use leptos::prelude::*;

use crate::state::use_reader;

/// `level` is 2 for a part and 3 for a sub-section; `target` is the id of
/// the folded element, `body_id` the id of the region it shows or hides.
#[component]
pub fn FoldHeading(
    level: u8,
    target: &'static str,
    body_id: String,
    text: &'static str,
) -> impl IntoView {
    let state = use_reader();
    let button = view! {
        <button
            type="button"
            class="fold"
            aria-expanded=move || state.is_open(target).to_string()
            aria-controls=body_id
            on:click=move |_| state.toggle(target)
        >
            <span class="chevron" aria-hidden="true"></span>
            <span class="heading-text">{text}</span>
        </button>
    };
    if level == 2 {
        view! { <h2 class="fold-heading">{button}</h2> }.into_any()
    } else {
        view! { <h3 class="fold-heading">{button}</h3> }.into_any()
    }
}
