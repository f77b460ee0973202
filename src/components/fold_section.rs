//! What parts and sub-sections share: a `<section>` with a heading row
//! (fold control, copy buttons) and a body the control folds.

use leptos::prelude::*;
use wenji_core::fold::BODY_SUFFIX;
use wenji_core::Place;
use wenji_search::{Filtered, PlaceHits};

use crate::components::fold_heading::FoldHeading;
use crate::components::heading_actions::HeadingActions;
use crate::page_ids::section_id;
use crate::state::use_reader;

/// The part or sub-section at `place`, its heading at `level`; `scope`
/// prefixes its ids where several essays share the page (the grouped
/// results), so that `篇章一` of one essay and of another stay distinct.
#[component]
pub fn FoldSection(
    place: Place,
    scope: &'static str,
    level: u8,
    children: Children,
) -> impl IntoView {
    let state = use_reader();
    let class = place.folds().class();
    let id = section_id(place, scope);
    let body_id = format!("{id}{BODY_SUFFIX}");
    let filtered = Memo::new(move |_| state.hits_at(place, |f| f.map(PlaceHits::count)));
    let count = Signal::derive(move || filtered.get().shown());
    let (open_id, found_id, heading_id) = (id.clone(), id.clone(), id.clone());
    // Folded text stays findable (Ctrl+F, links to a fragment inside it):
    // the browser reveals it and says so with `beforematch`.
    view! {
        <section class=class id=id hidden=move || filtered.with(Filtered::is_hidden)>
            <div class="heading-row">
                <FoldHeading place=place id=heading_id level=level count=count />
                <HeadingActions place=place />
            </div>
            <div
                class=format!("{class}-body")
                id=body_id
                hidden=move || (!state.is_open(&open_id)).then_some("until-found")
                on:beforematch=move |_: web_sys::Event| state.set_open(&found_id, true)
            >
                {children()}
            </div>
        </section>
    }
}
