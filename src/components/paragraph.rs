//! One paragraph of a part's lead or of a sub-section's body, its hits
//! marked; hidden when a filter hides it (a lead without hits while its
//! part's sub-sections match). A lead-in line carries its kind's class.

use leptos::prelude::*;
use wenji_core::Place;
use wenji_search::{Field, Filtered};

use crate::components::highlighted::Highlighted;
use crate::content::essay_at;
use crate::state::use_reader;

/// Paragraph `index` of the text of the part or sub-section at `place`.
#[component]
pub fn Paragraph(place: Place, index: usize) -> impl IntoView {
    let state = use_reader();
    let part = &essay_at(place.essay).parts[place.part];
    let text = match place.section {
        None => &part.lead[index],
        Some(s) => &part.sections[s].body[index],
    };
    let hidden = Memo::new(move |_| {
        state.hits_at(place, |f| match f {
            Filtered::Off => false,
            Filtered::Hidden => true,
            Filtered::Shown(h) => h.paragraph(index).is_none(),
        })
    });
    // A part's lead is `lead`; a lead-in line adds its kind's class.
    let lead = place.section.is_none().then_some("lead");
    let classes: Vec<&str> = lead.into_iter().chain(text.kind.class()).collect();
    let class = (!classes.is_empty()).then(|| classes.join(" "));
    view! {
        <p class=class hidden=hidden>
            <Highlighted text=text.as_str() place=place field=Field::Paragraph(index) />
        </p>
    }
}
