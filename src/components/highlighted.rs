//! Essay text with its hits in `<mark>`: always text nodes, never HTML.

use std::ops::Range;

use leptos::either::Either;
use leptos::prelude::*;
use wenji_search::marks::pieces;

#[component]
pub fn Highlighted(
    text: &'static str,
    #[prop(into)] marks: Signal<Vec<Range<usize>>>,
) -> impl IntoView {
    move || {
        marks.with(|m| {
            pieces(text, m)
                .into_iter()
                .map(|(piece, hit)| {
                    if hit {
                        Either::Left(view! { <mark>{piece}</mark> })
                    } else {
                        Either::Right(piece)
                    }
                })
                .collect_view()
        })
    }
}

/// The same for a text made for the occasion (a snippet), marks fixed.
#[component]
pub fn HighlightedOwned(text: String, marks: Vec<Range<usize>>) -> impl IntoView {
    pieces(&text, &marks)
        .into_iter()
        .map(|(piece, hit)| {
            let piece = piece.to_owned();
            if hit {
                Either::Left(view! { <mark>{piece}</mark> })
            } else {
                Either::Right(piece)
            }
        })
        .collect_view()
}
