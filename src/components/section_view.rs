//! A sub-section (其一, 其二): its opening sentence as a foldable heading,
//! then the rest of the paragraph.

use leptos::prelude::*;
use wenji_core::Place;

use crate::components::fold_section::FoldSection;
use crate::components::paragraph::Paragraph;
use crate::components::related_passages::RelatedPassages;
use crate::content::essay_at;
use crate::page_ids::section_id;

/// The sub-section at `place`; `scope` and `level` as for its part.
#[component]
pub fn SectionView(place: Place, scope: &'static str, level: u8) -> impl IntoView {
    let (part, section) = (place.part, place.section.unwrap_or_default());
    let paragraphs = essay_at(place.essay).parts[part].sections[section]
        .body
        .len();
    let body = (0..paragraphs)
        .map(|k| view! { <Paragraph place=place index=k /> })
        .collect_view();
    // On the essay's own page only: the grouped results keep to the hits.
    let related = scope
        .is_empty()
        .then(|| view! { <RelatedPassages place=place id=section_id(place, scope) /> });
    view! {
        <FoldSection place=place scope=scope level=level>
            {body}
            {related}
        </FoldSection>
    }
}
