//! One entry of the outline: a link that unfolds and scrolls to its part
//! or sub-section, with its hit count while filtering.

use leptos::prelude::*;

use crate::state::use_reader;
use crate::ui::{use_ui, Panel};

/// One entry's hits while filtering: `None` when there is no filter,
/// `Some(None)` when the filter hides it, else its hit count.
pub type EntryHits = Option<Option<usize>>;

#[component]
pub fn OutlineLink(id: &'static str, text: &'static str, hits: Signal<EntryHits>) -> impl IntoView {
    let state = use_reader();
    let ui = use_ui();
    let hidden_by_filter = move || matches!(hits.get(), Some(None));
    let current = move || ui.current.with(|c| c.as_deref() == Some(id));
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        ui.panel.update(|p| {
            if *p == Some(Panel::Outline) {
                *p = None;
            }
        });
        crate::hit_nav::go_to(state, id);
    };
    view! {
        <a
            class="outline-link"
            class:dim=hidden_by_filter
            href=move || (!hidden_by_filter()).then(|| format!("#{id}"))
            aria-current=move || current().then_some("location")
            on:click=on_click
        >
            <span class="outline-text">{text}</span>
            {move || match hits.get() {
                Some(Some(n)) if n > 0 => {
                    Some(
                        view! {
                            <span class="outline-count">
                                {n}
                                <span class="visually-hidden">" 处"</span>
                            </span>
                        }
                            .into_any(),
                    )
                }
                Some(None) => {
                    Some(view! { <span class="visually-hidden">"（无匹配）"</span> }.into_any())
                }
                _ => None,
            }}
        </a>
    }
}
