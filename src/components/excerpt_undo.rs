//! After an excerpt was deleted: which one, and 撤销, which puts it back
//! with its note at its place. The line stays until the next deletion or
//! until the panel closes (no timer: a reader who is slow to notice still
//! can undo), and takes the focus, so that deleting from the keyboard does
//! not drop it to the page's start.

use leptos::html::Button;
use leptos::prelude::*;
use wenji_core::notebook::Removed;

use crate::notebook::use_notebook;

/// How much of the quote names the deleted excerpt.
const NAMED_CHARS: usize = 16;

#[component]
pub fn ExcerptUndo(removed: RwSignal<Option<Removed>>) -> impl IntoView {
    let notebook = use_notebook();
    let button = NodeRef::<Button>::new();
    Effect::new(move || {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
    let undo = move |_| {
        let Some(r) = removed.get_untracked() else {
            return;
        };
        let id = r.excerpt.id;
        removed.set(None);
        if notebook.put_back(r) {
            // The focus goes to the excerpt back in the list.
            request_animation_frame(move || {
                crate::browser::focus_first(&format!("#excerpt-{id} [data-act=\"remove\"]"));
            });
        }
    };
    let line = move || {
        removed.with(|r| {
            r.as_ref().map(|r| {
                let words: String = r.excerpt.quote.split_whitespace().collect();
                let named: String = words.chars().take(NAMED_CHARS).collect();
                let more = if words.chars().count() > NAMED_CHARS {
                    "…"
                } else {
                    ""
                };
                view! {
                    <span>{format!("已删除摘抄“{named}{more}”")}</span>
                    <button type="button" class="tool" node_ref=button on:click=undo>
                        "撤销"
                    </button>
                }
            })
        })
    };
    view! {
        <p class="excerpt-removed" role="status">
            {line}
        </p>
    }
}
