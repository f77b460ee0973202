//! The outline of an essay: its parts and sub-sections as links. Beside the
//! text on wide screens, a panel opened from the toolbar on narrow ones.
//! It marks the part being read and, while filtering, counts the hits of
//! each entry and dims those the filter hides.

use leptos::html::{Button, Nav};
use leptos::prelude::*;
use wenji_core::window::renders_whole;
use wenji_core::{Essay, Place};

use crate::components::long_outline::long_outline;
use crate::components::outline_part::OutlinePart;
use crate::ui::{use_ui, Panel};

/// `index` is the essay's position in the collection.
#[component]
pub fn Outline(essay: &'static Essay, index: usize) -> impl IntoView {
    let ui = use_ui();
    let close_ref = NodeRef::<Button>::new();
    let open = move || ui.is_open(Panel::Outline);
    // Opened on a narrow screen, the panel takes the focus.
    Effect::new(move |_| {
        if open() {
            if let Some(button) = close_ref.get() {
                let _ = button.focus();
            }
        }
    });
    let frame = NodeRef::<Nav>::new();
    // A long essay's outline is rendered a window at a time, as its text.
    let parts = if renders_whole(essay) {
        (0..essay.parts.len())
            .map(|p| view! { <OutlinePart place=Place::part(index, p) frame=frame /> })
            .collect_view()
            .into_any()
    } else {
        long_outline(index, frame).into_any()
    };
    view! {
        <div
            class="outline-backdrop"
            hidden=move || !open()
            on:click=move |_| ui.panel.set(None)
        ></div>
        <nav id="outline" class="outline" class:open=open aria-label="目录" node_ref=frame>
            <div class="outline-head">
                <h2 class="outline-title">"目录"</h2>
                <button
                    type="button"
                    class="tool outline-close"
                    node_ref=close_ref
                    on:click=move |_| ui.close_panel()
                >
                    "关闭"
                </button>
            </div>
            <ol class="outline-list">{parts}</ol>
        </nav>
    }
}
