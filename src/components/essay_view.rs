//! One essay: header, fold controls, parts and the end-of-excerpt marker.

use leptos::prelude::*;
use wenji_core::Essay;

use crate::components::essay_header::EssayHeader;
use crate::components::excerpt_end::ExcerptEnd;
use crate::components::fold_toolbar::FoldToolbar;
use crate::components::part_view::PartView;

#[component]
pub fn EssayView(essay: &'static Essay) -> impl IntoView {
    let parts = essay
        .parts
        .iter()
        .map(|part| view! { <PartView part=part /> })
        .collect_view();
    view! {
        <EssayHeader essay=essay />
        <main id="main" class="essay">
            <FoldToolbar essay=essay />
            <article class="essay-body">{parts}</article>
            {essay.facts.excerpt.then(|| view! { <ExcerptEnd /> })}
        </main>
    }
}
