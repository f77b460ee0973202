//! A sub-section (其一, 其二): its opening sentence as a foldable heading,
//! then the rest of the paragraph.

use leptos::prelude::*;
use wenji_core::Section;
use wenji_search::{PartHits, UnitHits};

use crate::components::fold_section::FoldSection;
use crate::components::highlighted::Highlighted;

/// `essay`, `part` and `index` locate the sub-section in the collection.
#[component]
pub fn SectionView(
    section: &'static Section,
    part_hits: Memo<Option<Option<PartHits>>>,
    essay: usize,
    part: usize,
    index: usize,
    scope: &'static str,
    level: u8,
) -> impl IntoView {
    let id = format!("{scope}{}", section.id);
    let unit = move |f: &dyn Fn(&UnitHits) -> Vec<std::ops::Range<usize>>| {
        part_hits
            .with(|h| {
                h.as_ref()
                    .and_then(|p| p.as_ref())
                    .and_then(|p| p.sections[index].as_ref())
                    .map(f)
            })
            .unwrap_or_default()
    };
    let shown = move || {
        part_hits.with(|h| match h {
            None => true,
            Some(None) => false,
            Some(Some(p)) => p.sections[index].is_some(),
        })
    };
    let count = Signal::derive(move || {
        part_hits.with(|h| {
            h.as_ref()
                .and_then(|p| p.as_ref())
                .and_then(|p| p.sections[index].as_ref())
                .map(|u| u.hits)
        })
    });
    let heading_marks = Signal::derive(move || unit(&|u| u.heading.clone()));
    let body = section
        .body
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let marks =
                Signal::derive(move || unit(&|u| u.paragraphs.get(k).cloned().unwrap_or_default()));
            view! {
                <p>
                    <Highlighted text=text.as_str() marks=marks />
                </p>
            }
        })
        .collect_view();
    view! {
        <FoldSection
            kind="sub"
            id=id
            level=level
            text=section.heading.as_str()
            marks=heading_marks
            count=count
            shown=Signal::derive(shown)
            essay=essay
            part=part
            section=Some(index)
            link_id=section.id.as_str()
        >
            {body}
        </FoldSection>
    }
}
