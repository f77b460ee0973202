//! One entry of the outline: a link that unfolds and scrolls to its part
//! or sub-section, with its hit count while filtering.

use leptos::html::{Nav, A};
use leptos::prelude::*;
use wenji_core::Place;
use wenji_search::{Filtered, PlaceHits};

use crate::content::essay_at;
use crate::layout::OUTLINE_MARGIN_PX;
use crate::state::use_reader;
use crate::ui::{use_ui, Panel};

/// The entry of the part or sub-section at `place`, in the outline `frame`.
#[component]
pub fn OutlineLink(place: Place, frame: NodeRef<Nav>) -> impl IntoView {
    let state = use_reader();
    let ui = use_ui();
    let (id, text) = essay_at(place.essay).heading_at(place);
    let hits = Memo::new(move |_| state.hits_at(place, |f| f.map(PlaceHits::count)));
    let hidden_by_filter = move || hits.with(Filtered::is_hidden);
    let current = move || ui.current.with(|c| c.as_deref() == Some(id));
    // The entry being read stays in sight when the outline itself scrolls.
    let entry = NodeRef::<A>::new();
    Effect::new(move |_| {
        if current() {
            request_animation_frame(move || {
                // By then the page may have changed and the entry be gone.
                let (frame, entry) = (frame.try_get_untracked(), entry.try_get_untracked());
                if let (Some(Some(frame)), Some(Some(entry))) = (frame, entry) {
                    keep_in_sight(&frame, &entry);
                }
            });
        }
    });
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
        crate::hit_nav::go_to(state, place);
    };
    view! {
        <a
            class="outline-link"
            node_ref=entry
            class:dim=hidden_by_filter
            href=move || (!hidden_by_filter()).then(|| format!("#{id}"))
            aria-current=move || current().then_some("location")
            on:click=on_click
        >
            <span class="outline-text">{text}</span>
            {move || match hits.get() {
                Filtered::Shown(n) if n > 0 => {
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
                Filtered::Hidden => {
                    Some(view! { <span class="visually-hidden">"（无匹配）"</span> }.into_any())
                }
                _ => None,
            }}
        </a>
    }
}

/// Scroll the outline `frame` (never the page) so that `entry` shows.
fn keep_in_sight(frame: &web_sys::HtmlElement, entry: &web_sys::HtmlElement) {
    if frame.scroll_height() <= frame.client_height() {
        return;
    }
    let (outer, at) = (
        frame.get_bounding_client_rect(),
        entry.get_bounding_client_rect(),
    );
    let margin = OUTLINE_MARGIN_PX;
    let shift = if at.top() < outer.top() + margin {
        at.top() - outer.top() - margin
    } else if at.bottom() > outer.bottom() - margin {
        at.bottom() - outer.bottom() + margin
    } else {
        return;
    };
    frame.set_scroll_top(frame.scroll_top() + shift as i32);
}
