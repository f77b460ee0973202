//! What parts and sub-sections share: a `<section>` with a heading row
//! (fold control, copy buttons) and a body the control folds.

use std::ops::Range;

use leptos::prelude::*;

use crate::components::fold_heading::FoldHeading;
use crate::components::heading_actions::HeadingActions;
use crate::state::use_reader;

/// `kind` is `part` or `sub` (the classes `part`/`part-body`, …); `id` the
/// element's id (scoped where several essays share the page), `link_id`
/// its fragment on the essay's page; `essay`, `part` and `section` locate
/// it for the copy buttons; `shown` is false when a filter hides it.
#[component]
pub fn FoldSection(
    kind: &'static str,
    id: String,
    level: u8,
    text: &'static str,
    #[prop(into)] marks: Signal<Vec<Range<usize>>>,
    #[prop(into)] count: Signal<Option<usize>>,
    #[prop(into)] shown: Signal<bool>,
    essay: usize,
    part: usize,
    section: Option<usize>,
    link_id: &'static str,
    children: Children,
) -> impl IntoView {
    let state = use_reader();
    let body_id = format!("{id}-body");
    let open_id = id.clone();
    // Folded text stays findable (Ctrl+F, links to a fragment inside it):
    // the browser reveals it and says so with `beforematch`.
    let found_id = id.clone();
    let target = id.clone();
    view! {
        <section class=kind id=id hidden=move || !shown.get()>
            <div class="heading-row">
                <FoldHeading
                    level=level
                    target=target
                    body_id=body_id.clone()
                    text=text
                    marks=marks
                    count=count
                />
                <HeadingActions essay=essay part=part section=section id=link_id />
            </div>
            <div
                class=format!("{kind}-body")
                id=body_id
                hidden=move || (!state.is_open(&open_id)).then_some("until-found")
                on:beforematch=move |_: web_sys::Event| state.set_open(&found_id, true)
            >
                {children()}
            </div>
        </section>
    }
}
