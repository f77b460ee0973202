//! The small buttons beside a heading: copy the text (with a citation,
//! unless the reader chose text only), copy the link to it, and add it
//! whole to the notebook (摘抄).

use leptos::prelude::*;
use wenji_core::prefs::CopyMode;
use wenji_core::Place;

use crate::content::essay_at;
use crate::notebook::{place_excerpt, use_notebook};
use crate::state::use_reader;
use crate::takeaway;
use crate::ui::use_ui;

/// The buttons of the part or sub-section at `place`.
#[component]
pub fn HeadingActions(place: Place) -> impl IntoView {
    let state = use_reader();
    let ui = use_ui();
    let (id, _) = essay_at(place.essay).heading_at(place);
    let copy_text = move |_| takeaway::copy_place(state, ui, place);
    let copy_link = move |_| takeaway::copy_link(ui, place.essay, id);
    let notebook = use_notebook();
    let excerpt = move |_| notebook.add(place_excerpt(place));
    let what = place.folds().named();
    view! {
        <div class="heading-actions">
            <button
                type="button"
                class="act act-copy"
                aria-label=format!("复制文字：{id}")
                title=move || {
                    let cited = ui.prefs.with(|p| p.copy == CopyMode::Cited);
                    format!("复制{what}文字{}", if cited { "（附出处）" } else { "" })
                }
                on:click=copy_text
            >
                <span class="icon icon-copy" aria-hidden="true"></span>
            </button>
            <button
                type="button"
                class="act act-link"
                aria-label=format!("复制链接：{id}")
                title=format!("复制{what}链接")
                on:click=copy_link
            >
                <span class="icon icon-link" aria-hidden="true"></span>
            </button>
            <button
                type="button"
                class="act act-excerpt"
                aria-label=format!("加入摘抄：{id}")
                title=format!("把{what}加入摘抄本")
                on:click=excerpt
            >
                <span class="icon icon-excerpt" aria-hidden="true"></span>
            </button>
        </div>
    }
}
