//! A part's entry in the outline, with its sub-sections' under it.

use leptos::html::Nav;
use leptos::prelude::*;
use wenji_core::Place;

use crate::components::outline_link::OutlineLink;
use crate::content::essay_at;

/// The entry of the part at `place`, in the outline `frame`.
#[component]
pub fn OutlinePart(place: Place, frame: NodeRef<Nav>) -> impl IntoView {
    let sections = essay_at(place.essay).parts[place.part].sections.len();
    let subs = (0..sections)
        .map(|s| {
            view! {
                <li>
                    <OutlineLink place=Place::section(place.essay, place.part, s) frame=frame />
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="outline-part">
            <OutlineLink place=place frame=frame />
            <ol>{subs}</ol>
        </li>
    }
}
