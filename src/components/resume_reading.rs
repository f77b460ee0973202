//! 继续阅读: on a new visit to an essay (once a visit), an offer to go back to the section
//! the reader was at when they left (never a jump they did not ask for).
//! Not offered when the address already says where to go (a fragment) or
//! what to look for (a query).

use leptos::prelude::*;
use wenji_core::Essay;

use crate::hit_nav;
use crate::state::use_reader;
use crate::storage::load_reading;
use crate::ui::use_ui;

thread_local! {
    /// The essays whose offer was weighed in this visit (a few: a list,
    /// not a hash set, whose hasher would cost the first view's wasm 3 KB).
    static OFFERED: std::cell::RefCell<Vec<&'static str>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The offer for essay `essay`, at position `index` in the collection.
#[component]
pub fn ResumeReading(essay: &'static Essay, index: usize) -> impl IntoView {
    let state = use_reader();
    let offer = RwSignal::new(None::<&'static str>);
    // After the first render: the prerendered page knows no storage, and
    // the app must adopt it as it is before it adds anything. Once: not
    // again when a search is cleared (nothing tracked), nor when the reader
    // comes back to the essay within the visit (where they were is where
    // they just left).
    Effect::new(move |_| {
        let slug = essay.slug.as_str();
        let first_this_visit = OFFERED.with_borrow_mut(|seen| {
            let first = !seen.contains(&slug);
            if first {
                seen.push(slug);
            }
            first
        });
        let fragment = window().location().hash().unwrap_or_default();
        if first_this_visit && fragment.len() <= 1 && !state.filtering_untracked() {
            offer.set(load_reading(&essay.slug));
        }
    });
    // Once the reader is a screen down, they are reading: the offer goes.
    let ui = use_ui();
    Effect::new(move |_| {
        if ui.far_down.get() {
            offer.set(None);
        }
    });
    let heading = move || {
        offer
            .get()
            .and_then(|id| essay.place_of(index, id))
            .map(|at| essay.heading_at(at).1.to_owned())
    };
    let resume = move |_| {
        if let Some(at) = offer
            .get_untracked()
            .and_then(|id| essay.place_of(index, id))
        {
            offer.set(None);
            hit_nav::go_to(state, at);
        }
    };
    view! {
        <div class="resume" hidden=move || heading().is_none()>
            <button type="button" class="resume-go" on:click=resume>
                <span class="resume-label">"继续阅读"</span>
                <span class="resume-where">{heading}</span>
            </button>
            <button
                type="button"
                class="resume-close"
                aria-label="不用了"
                title="不用了"
                on:click=move |_| offer.set(None)
            >
                <span aria-hidden="true">"×"</span>
            </button>
        </div>
    }
}
