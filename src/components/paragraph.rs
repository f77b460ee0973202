//! One paragraph of a part's lead or of a sub-section's body, its hits
//! marked; hidden when a filter hides it (a lead without hits while its
//! part's sub-sections match).

use leptos::either::Either;
use leptos::prelude::*;
use wenji_core::Place;
use wenji_search::Filtered;

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
    // None while the filter hides it, else its marks.
    let marks: Memo<Option<Vec<_>>> = Memo::new(move |_| {
        state.hits_at(place, |f| match f {
            Filtered::Off => Some(Vec::new()),
            Filtered::Hidden => None,
            Filtered::Shown(h) => h.paragraph(index).map(<[_]>::to_vec),
        })
    });
    let shown_marks = Signal::derive(move || marks.get().unwrap_or_default());
    let hidden = move || marks.with(Option::is_none);
    let text = view! { <Highlighted text=text.as_str() marks=shown_marks /> };
    match place.section {
        None => Either::Left(view! { <p class="lead" hidden=hidden>{text}</p> }),
        Some(_) => Either::Right(view! { <p hidden=hidden>{text}</p> }),
    }
}
