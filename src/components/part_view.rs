//! A part (引言, 篇章一 …): foldable heading, lead paragraph, sub-sections.

use leptos::prelude::*;
use wenji_core::Part;

use crate::components::fold_heading::FoldHeading;
use crate::components::section_view::SectionView;
use crate::state::use_reader;

#[component]
pub fn PartView(part: &'static Part) -> impl IntoView {
    let state = use_reader();
    let id = part.id.as_str();
    let body_id = format!("{id}-body");
    let lead = part
        .lead
        .iter()
        .map(|p| view! { <p class="lead">{p.clone()}</p> })
        .collect_view();
    let sections = part
        .sections
        .iter()
        .map(|s| view! { <SectionView section=s /> })
        .collect_view();
    view! {
        <section class="part" id=id>
            <FoldHeading level=2 target=id body_id=body_id.clone() text=part.title.as_str() />
            <div class="part-body" id=body_id hidden=move || !state.is_open(id)>
                {lead}
                {sections}
            </div>
        </section>
    }
}
