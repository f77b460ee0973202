//! A part (引言, 篇章一 …): foldable heading, lead paragraph, sub-sections.
//! While filtering it shows only its matching sections, or hides itself.

use leptos::prelude::*;
use wenji_core::Part;
use wenji_search::PartHits;

use crate::components::fold_section::FoldSection;
use crate::components::highlighted::Highlighted;
use crate::components::section_view::SectionView;
use crate::state::use_reader;

/// `essay` and `index` locate the part in the collection; `scope` prefixes
/// its ids (empty on an essay's page); `level` is its heading level.
#[component]
pub fn PartView(
    part: &'static Part,
    essay: usize,
    index: usize,
    #[prop(default = "")] scope: &'static str,
    #[prop(default = 2)] level: u8,
) -> impl IntoView {
    let state = use_reader();
    let id = format!("{scope}{}", part.id);
    // None: no filter. Some(None): filtered out. Some(Some(_)): shown.
    let hits: Memo<Option<Option<PartHits>>> = Memo::new(move |_| {
        state
            .hits
            .with(|h| h.get(essay).map(|e| e.parts[index].clone()))
    });
    let shown = move || !matches!(hits.get(), Some(None));
    let title_marks = Signal::derive(move || {
        hits.with(|h| h.as_ref().and_then(|p| p.as_ref()).map(|p| p.title.clone()))
            .unwrap_or_default()
    });
    let count =
        Signal::derive(move || hits.with(|h| h.as_ref().and_then(|p| p.as_ref()).map(|p| p.hits)));
    let lead_shown = move || {
        hits.with(|h| {
            h.as_ref()
                .is_none_or(|p| p.as_ref().is_some_and(|p| p.lead.is_some()))
        })
    };
    let lead = part
        .lead
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let marks = Signal::derive(move || {
                hits.with(|h| {
                    h.as_ref()
                        .and_then(|p| p.as_ref())
                        .and_then(|p| p.lead.as_ref())
                        .and_then(|l| l.paragraphs.get(k).cloned())
                })
                .unwrap_or_default()
            });
            view! {
                <p class="lead" hidden=move || !lead_shown()>
                    <Highlighted text=text.as_str() marks=marks />
                </p>
            }
        })
        .collect_view();
    let sections = part
        .sections
        .iter()
        .enumerate()
        .map(|(j, s)| {
            view! {
                <SectionView
                    section=s
                    part_hits=hits
                    essay=essay
                    part=index
                    index=j
                    scope=scope
                    level=level + 1
                />
            }
        })
        .collect_view();
    view! {
        <FoldSection
            kind="part"
            id=id
            level=level
            text=part.title.as_str()
            marks=title_marks
            count=count
            shown=Signal::derive(shown)
            essay=essay
            part=index
            section=None
            link_id=part.id.as_str()
        >
            {lead}
            {sections}
        </FoldSection>
    }
}
