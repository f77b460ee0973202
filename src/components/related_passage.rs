//! One related passage: where it is (a link that opens it there) and a
//! stretch of its text with the words it shares marked (`<b>`, not the
//! search's `<mark>`: these are not hits).

use leptos::either::Either;
use leptos::prelude::*;
use wenji_core::excerpt::excerpt;
use wenji_core::route::{encode_component, Route};
use wenji_core::{Place, RelatedPassage};
use wenji_search::marks::pieces;

use crate::content::{essay_at, full_essay, use_arrival};
use crate::parts::lazy;
use crate::state::use_reader;

/// `related`, a passage close to the sub-section at `from`.
#[component]
pub fn RelatedPassageItem(from: Place, related: &'static RelatedPassage) -> impl IntoView {
    let state = use_reader();
    let arrival = use_arrival();
    let at = related.place;
    let essay = essay_at(at.essay);
    let (id, heading) = essay.heading_at(at);
    let whose = if at.essay == from.essay {
        "本文".to_owned()
    } else {
        format!("《{}》", essay.title)
    };
    let route = Route::Essay(essay.slug.clone());
    let fragment = id.to_owned();
    let href = {
        let route = route.clone();
        let tail = format!("#{}", encode_component(id));
        move || format!("{}{tail}", state.href(&route))
    };
    // The text shows once its essay has arrived (the list may open first).
    let text = move || {
        arrival.essays.track();
        let e = full_essay(at.essay)?;
        let shown = excerpt(&e.text_at(at), &related.shared);
        let pieces: Vec<(String, bool)> = pieces(&shown.text, &shown.marks)
            .into_iter()
            .map(|(piece, shared)| (piece.to_owned(), shared))
            .collect();
        Some(view! {
            <p class="related-text">
                {pieces
                    .into_iter()
                    .map(|(piece, shared)| {
                        if shared {
                            Either::Left(view! { <b class="shared">{piece}</b> })
                        } else {
                            Either::Right(piece)
                        }
                    })
                    .collect_view()}
            </p>
        })
    };
    view! {
        <li>
            <a class="related-link" href=href on:click=crate::navigation::link_to_at(state, route, Some(fragment))>
                <span class="related-essay">{whose}</span>
                " · "
                {heading.to_owned()}
            </a>
            {text}
        </li>
    }
}

lazy! {
    /// The passages `related` to the sub-section at `from`, built by their
    /// own part of the wasm.
    pub fn related_items(from: Place, related: &'static [RelatedPassage]) -> AnyView {
        related
            .iter()
            .map(|r| view! { <RelatedPassageItem from=from related=r /> })
            .collect_view()
    }
    in tools;
}
