//! A heading that folds and unfolds what follows it: the WAI-ARIA
//! disclosure pattern, a real button inside the heading, so Tab, Enter and
//! Space work as a click does.

use std::ops::Range;

use leptos::prelude::*;

use crate::components::highlighted::Highlighted;
use crate::state::use_reader;

/// `level` is the heading level (2 for a part, 3 for a sub-section); `target`
/// the id of the folded element, `body_id` that of the region it shows or
/// hides; `count` the hits under it while filtering.
#[component]
pub fn FoldHeading(
    level: u8,
    target: String,
    body_id: String,
    text: &'static str,
    #[prop(into)] marks: Signal<Vec<Range<usize>>>,
    #[prop(into)] count: Signal<Option<usize>>,
) -> impl IntoView {
    let state = use_reader();
    let open_id = target.clone();
    let button = view! {
        <button
            type="button"
            class="fold"
            aria-expanded=move || state.is_open(&open_id).to_string()
            aria-controls=body_id
            on:click=move |_| state.toggle(&target)
        >
            <span class="chevron" aria-hidden="true"></span>
            <span class="heading-text">
                <Highlighted text=text marks=marks />
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
        </button>
    };
    match level {
        2 => view! { <h2 class="fold-heading">{button}</h2> }.into_any(),
        3 => view! { <h3 class="fold-heading">{button}</h3> }.into_any(),
        _ => view! { <h4 class="fold-heading">{button}</h4> }.into_any(),
    }
}
