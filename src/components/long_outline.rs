//! The outline of a long essay (`wenji_core::window`): its first entries
//! (parts and sub-sections), more on 显示更多 or when the reader goes
//! further; while filtering, those of the parts the filter shows. Built by a part of the wasm
//! (`parts`), as the long essay's text.

use leptos::html::Nav;
use leptos::prelude::*;
use wenji_core::window::{PartSizes, OUTLINE_STEP};
use wenji_core::Place;
use wenji_search::CollectionHits;

use crate::components::more_button::MoreButton;
use crate::components::outline_part::OutlinePart;
use crate::content::essay_at;
use crate::parts::{self, lazy};
use crate::state::use_reader;

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
    let state = use_reader();
    let sizes = StoredValue::new(PartSizes::entries(essay_at(index)));
    let count = RwSignal::new(OUTLINE_STEP);
    let shown = move |h: &CollectionHits, p: usize| !h.at(Place::part(index, p)).is_hidden();
    // A part gone to further on has its entry.
    Effect::new(move |_| {
        if let Some(part) = state.asked_parts.get().checked_sub(1) {
            let needed = state
                .hits
                .with_untracked(|h| sizes.with_value(|s| s.budget_through(part, |p| shown(h, p))));
            if needed > count.get_untracked() {
                count.set(needed);
            }
        }
    });
    let entries = Memo::new(move |_| {
        let count = count.get();
        state
            .hits
            .with(|h| sizes.with_value(|s| s.rendered(count, |p| shown(h, p))))
    });
    let left = Signal::derive(move || {
        let all = state
            .hits
            .with(|h| sizes.with_value(|s| s.count(|p| shown(h, p))));
        all.saturating_sub(entries.with(Vec::len))
    });
    view! {
        <For each=move || entries.get() key=|p| *p let:p>
            <OutlinePart place=Place::part(index, p) frame=frame />
        </For>
        <li class="outline-more">
            <MoreButton
                left=left
                unit="章"
                on_more=Callback::new(move |_| count.update(|c| *c += OUTLINE_STEP))
            />
        </li>
    }
}
