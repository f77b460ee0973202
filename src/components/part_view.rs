//! A part (引言, 篇章一 …): foldable heading, lead paragraph, sub-sections.
//! While filtering it shows only its matching sections, or hides itself.

use leptos::prelude::*;
use wenji_core::Place;

use crate::components::fold_section::FoldSection;
use crate::components::paragraph::Paragraph;
use crate::components::section_view::SectionView;
use crate::content::essay_at;

/// The part at `place`; `scope` prefixes its ids (empty on an essay's
/// page); `level` is its heading level.
#[component]
pub fn PartView(
    place: Place,
    #[prop(default = "")] scope: &'static str,
    #[prop(default = 2)] level: u8,
) -> impl IntoView {
    let part = &essay_at(place.essay).parts[place.part];
    let lead = (0..part.lead.len())
        .map(|k| view! { <Paragraph place=place index=k /> })
        .collect_view();
    let sections = (0..part.sections.len())
        .map(|j| {
            view! {
                <SectionView
                    place=Place::section(place.essay, place.part, j)
                    scope=scope
                    level=level + 1
                />
            }
        })
        .collect_view();
    view! {
        <FoldSection place=place scope=scope level=level>
            {lead}
            {sections}
        </FoldSection>
    }
}
