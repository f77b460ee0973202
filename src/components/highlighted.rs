//! Essay text with its hits in `<mark>`: always text nodes, never HTML.
//! The hit Enter moved to is marked `current` here, from the state's
//! `current_hit`, and carries the id `CURRENT_HIT` for scrolling to it.

use std::ops::Range;

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use wenji_core::Place;
use wenji_search::marks::pieces;
use wenji_search::Field;

use crate::page_ids::CURRENT_HIT;
use crate::state::use_reader;

/// `text` is `field` of the part or sub-section at `place`.
#[component]
pub fn Highlighted(text: &'static str, place: Place, field: Field) -> impl IntoView {
    let state = use_reader();
    let hits = Memo::new(move |_| state.marks_at(place, field));
    // Which of these marks is the current hit, if one is.
    let current = Memo::new(move |_| {
        let at = state.current_hit()?;
        hits.with(|(marks, first)| at.checked_sub((*first)?).filter(|k| *k < marks.len()))
    });
    // One render of the whole text per change of its marks or of which of
    // them is current: no effect per mark.
    move || {
        let at = current.get();
        hits.with(|(marks, _)| {
            let mut k = 0;
            pieces(text, marks)
                .into_iter()
                .map(|(piece, hit)| {
                    if !hit {
                        return EitherOf3::A(piece);
                    }
                    k += 1;
                    if at == Some(k - 1) {
                        EitherOf3::B(view! {
                            <mark class="current" id=CURRENT_HIT>
                                {piece}
                            </mark>
                        })
                    } else {
                        EitherOf3::C(view! { <mark>{piece}</mark> })
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
