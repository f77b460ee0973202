//! The outline of a long essay (`wenji_core::window`): its first entries
//! (parts and sub-sections), more on 显示更多 or when the reader goes
//! further; while filtering, those of the parts the filter shows. Built by a part of the wasm
//! (`parts`), as the long essay's text.

use leptos::html::Nav;
use leptos::prelude::*;
use wenji_core::window::{PartSizes, OUTLINE_STEP};
use wenji_core::Place;

use crate::components::more_button::MoreButton;
use crate::components::outline_part::OutlinePart;
use crate::content::essay_at;
use crate::part_window::PartWindow;
use crate::parts::{self, lazy};

lazy! {
    /// `LongOutline`, built by its own part of the wasm.
    fn build_long_outline(index: usize, frame: NodeRef<Nav>) -> AnyView {
        view! { <LongOutline index=index frame=frame /> }
    }
    in tools;
}

/// The entries of the long essay at `index`, in the outline `frame`.
pub fn long_outline(index: usize, frame: NodeRef<Nav>) -> impl IntoView {
    Suspend::new(async move {
        parts::or_else(build_long_outline(index, frame).await, |why| {
            view! { <li>{why}</li> }.into_any()
        })
    })
}

#[component]
fn LongOutline(index: usize, frame: NodeRef<Nav>) -> impl IntoView {
    let rendering = PartWindow::new(index, PartSizes::entries(essay_at(index)), OUTLINE_STEP);
    view! {
        <For each=move || rendering.rendered.get() key=|p| *p let:p>
            <OutlinePart place=Place::part(index, p) frame=frame />
        </For>
        <li class="outline-more">
            <MoreButton
                left=rendering.left
                unit="章"
                on_more=Callback::new(move |_| rendering.more())
            />
        </li>
    }
}
