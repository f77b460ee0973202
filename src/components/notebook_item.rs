//! One excerpt of the notebook: its words, where they come from (a link
//! that shows them there, or why it cannot: 原文已改动 when the text no
//! longer holds them, or the essay or file is gone), the reader's note,
//! and the buttons that move and remove it.

use leptos::prelude::*;
use wenji_core::notebook::{locate, Removed};
use wenji_core::opened::OPENED_PREFIX;

use crate::content::{collection, full_essay, use_arrival};
use crate::notebook::use_notebook;

/// Excerpt `id`; `dragged` is the one the reader is dragging, if any;
/// `removed` takes it when the reader deletes it (for 撤销).
#[component]
pub fn NotebookItem(
    id: u64,
    dragged: RwSignal<Option<u64>>,
    removed: RwSignal<Option<Removed>>,
) -> impl IntoView {
    let notebook = use_notebook();
    let arrival = use_arrival();
    let excerpt = move || {
        notebook
            .book
            .with(|b| b.excerpts.iter().find(|e| e.id == id).cloned())
    };
    let Some(first) = excerpt() else {
        return ().into_any();
    };
    let position = move || notebook.book.with(|b| b.position(id).unwrap_or(0));
    let first_one = move || position() == 0;
    let last_one = move || position() + 1 >= notebook.book.with(|b| b.excerpts.len());
    // Found again in the text as it is now? (Unknown until it arrives.)
    let changed = move || {
        arrival.essays.track();
        let e = excerpt()?;
        let Some(i) = collection().index_of(&e.essay) else {
            return Some(if e.essay.starts_with(OPENED_PREFIX) {
                "原文件已从本页删除"
            } else {
                "原文已不在文集中"
            });
        };
        let found = locate(full_essay(i)?, i, &e).is_some();
        (!found).then_some("原文已改动")
    };
    let label = format!("《{}》 · {}", first.essay_title, first.cited);
    let quote = first
        .quote
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| view! { <p>{l.trim().to_owned()}</p> })
        .collect_view();
    let move_and_keep_focus = move |id: u64, by: isize| {
        notebook.step(id, by);
        // Moving its element takes the focus away: give it back.
        let focused = document()
            .active_element()
            .and_then(|e| e.get_attribute("data-act"));
        request_animation_frame(move || {
            let selector = match focused {
                Some(act) => format!("#excerpt-{id} [data-act=\"{act}\"]:not([disabled])"),
                None => format!("#excerpt-{id} textarea"),
            };
            if !crate::browser::focus_first(&selector) {
                crate::browser::focus_first(&format!("#excerpt-{id} textarea"));
            }
        });
    };
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if !ev.alt_key() {
            return;
        }
        let by = match ev.key().as_str() {
            "ArrowUp" => -1,
            "ArrowDown" => 1,
            _ => return,
        };
        ev.prevent_default();
        move_and_keep_focus(id, by);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(from) = dragged.get_untracked() {
            notebook.move_to(from, position());
        }
        dragged.set(None);
    };
    view! {
        <li
            id=format!("excerpt-{id}")
            class="excerpt"
            class:dragging=move || dragged.get() == Some(id)
            draggable="true"
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(data) = ev.data_transfer() {
                    let _ = data.set_data("text/plain", &id.to_string());
                    data.set_effect_allowed("move");
                }
                dragged.set(Some(id));
            }
            on:dragend=move |_| dragged.set(None)
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
            on:keydown=keys
        >
            // Long quotes scroll: focusable, so that the keyboard scrolls them too.
            <blockquote class="excerpt-quote" tabindex="0">
                {quote}
            </blockquote>
            <p class="excerpt-source">
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| notebook.jump(id)
                    title="在原文中查看"
                >
                    {label.clone()}
                </button>
                {move || changed().map(|why| view! { <span class="excerpt-changed">{why}</span> })}
            </p>
            <label class="excerpt-note">
                <span class="visually-hidden">{format!("笔记：{label}")}</span>
                <textarea
                    rows="2"
                    placeholder="写点笔记…"
                    prop:value=first.note.clone()
                    on:change=move |ev| notebook.set_note(id, event_target_value(&ev))
                ></textarea>
            </label>
            <div class="excerpt-actions">
                <button
                    type="button"
                    class="tool"
                    disabled=first_one
                    data-act="up"
                    on:click=move |_| move_and_keep_focus(id, -1)
                    aria-label=format!("上移：{label}")
                >
                    "上移"
                </button>
                <button
                    type="button"
                    class="tool"
                    disabled=last_one
                    data-act="down"
                    on:click=move |_| move_and_keep_focus(id, 1)
                    aria-label=format!("下移：{label}")
                >
                    "下移"
                </button>
                <button
                    type="button"
                    class="tool"
                    data-act="remove"
                    on:click=move |_| {
                        if let Some(r) = notebook.remove(id) {
                            removed.set(Some(r));
                        }
                    }
                    aria-label=format!("删除：{label}")
                >
                    "删除"
                </button>
            </div>
        </li>
    }
    .into_any()
}
