//! The two small buttons beside a heading: copy the text (with a citation)
//! and copy the link to it.

use leptos::prelude::*;

use crate::state::use_reader;
use crate::takeaway;
use crate::ui::use_ui;

/// `essay` and `part` locate the part; `section` the sub-section in it, if
/// the heading is a sub-section's; `id` is its fragment on the essay's page.
#[component]
pub fn HeadingActions(
    essay: usize,
    part: usize,
    section: Option<usize>,
    id: &'static str,
) -> impl IntoView {
    let state = use_reader();
    let ui = use_ui();
    let copy_text = move |_| match section {
        Some(s) => takeaway::copy_section(ui, essay, part, s),
        None => takeaway::copy_part(state, ui, essay, part),
    };
    let copy_link = move |_| takeaway::copy_link(ui, essay, id);
    let what = if section.is_some() {
        "本节"
    } else {
        "本部分"
    };
    view! {
        <div class="heading-actions">
            <button
                type="button"
                class="act act-copy"
                aria-label=format!("复制文字：{id}")
                title=format!("复制{what}文字（附出处）")
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
        </div>
    }
}
