//! The parts of a long essay, rendered a window at a time
//! (`wenji_core::window`): the first screens at once, more as the reader
//! scrolls near the end, clicks 显示更多 or goes to a part further on.
//! Built by a part of the wasm (`parts`): the seed and every essay of
//! ordinary length render whole, without it.

use leptos::prelude::*;
use wenji_core::window::{PartSizes, STEP_BYTES};
use wenji_core::{Essay, Place};

use crate::components::more_button::MoreButton;
use crate::components::part_view::PartView;
use crate::part_window::PartWindow;
use crate::parts::{self, lazy};
use crate::state::use_reader;

/// How far below the window the end of what is rendered may be before
/// more is rendered, in window heights: the next text is there before the
/// reader scrolls to it.
const AHEAD_SCREENS: f64 = 2.0;

lazy! {
    /// `LongEssayParts`, built by its own part of the wasm.
    pub fn build_long_essay_parts(essay: &'static Essay, index: usize) -> AnyView {
        view! { <LongEssayParts essay=essay index=index /> }
    }
    in tools;
    preload preload_long_essay;
}

/// The parts of the long essay at `index`, or why they cannot be shown.
pub fn long_essay_parts(essay: &'static Essay, index: usize) -> impl IntoView {
    Suspend::new(async move {
        parts::or_else(build_long_essay_parts(essay, index).await, |why| {
            view! { <p class="empty-state">{why}</p> }.into_any()
        })
    })
}

#[component]
fn LongEssayParts(essay: &'static Essay, index: usize) -> impl IntoView {
    let state = use_reader();
    let rendering = PartWindow::new(index, PartSizes::of(essay), STEP_BYTES);
    // A new query starts again from the top.
    Effect::new(move |was: Option<()>| {
        state.query.track();
        if was.is_some() {
            rendering.restart();
        }
    });
    let PartWindow { rendered, left, .. } = rendering;
    // Near the end of the page (what is rendered ends just above it):
    // render more. Looked at on scroll and after each render (a filter may
    // leave the screen half empty).
    let near_end = move || {
        let Some(root) = document().document_element() else {
            return;
        };
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let seen = window().scroll_y().unwrap_or(0.0) + screen;
        let below = f64::from(root.scroll_height()) - seen;
        if left.get_untracked() > 0 && below < screen * AHEAD_SCREENS {
            rendering.more();
        }
    };
    let pending = StoredValue::new(false);
    let look = move || {
        if !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || {
                pending.set_value(false);
                near_end();
            });
        }
    };
    // Rendered on the host (a collection whose first view is a long
    // essay), there is no window to listen to.
    if crate::browser::present() {
        let scrolling = window_event_listener(leptos::ev::scroll, move |_| look());
        on_cleanup(move || scrolling.remove());
    }
    Effect::new(move |_| {
        rendered.track();
        look();
    });
    view! {
        <For each=move || rendered.get() key=|p| *p let:p>
            <PartView place=Place::part(index, p) />
        </For>
        <div class="more-parts">
            <MoreButton left=left unit="章" on_more=Callback::new(move |_| rendering.more()) />
        </div>
    }
}
