//! A sub-section (其一, 其二): its opening sentence as a foldable heading,
//! then the rest of the paragraph.

use leptos::prelude::*;
use wenji_core::Section;

use crate::components::fold_heading::FoldHeading;
use crate::state::use_reader;

#[component]
pub fn SectionView(section: &'static Section) -> impl IntoView {
    let state = use_reader();
    let id = section.id.as_str();
    let body_id = format!("{id}-body");
    let body = section
        .body
        .iter()
        .map(|p| view! { <p>{p.clone()}</p> })
        .collect_view();
    view! {
        <section class="sub" id=id>
            <FoldHeading level=3 target=id body_id=body_id.clone() text=section.heading.as_str() />
            <div class="sub-body" id=body_id hidden=move || !state.is_open(id)>
                {body}
            </div>
        </section>
    }
}
