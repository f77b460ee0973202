//! Shown when a filter finds nothing.

use leptos::prelude::*;

use wenji_search::query::quoted;

use crate::state::use_reader;

#[component]
pub fn EmptyState() -> impl IntoView {
    let state = use_reader();
    view! {
        <div class="empty-state">
            <p>{move || format!("没有找到与{}匹配的内容。", quoted(&state.input.get()))}</p>
            <p class="empty-hint">"可以换个关键词，或用拼音、首字母（如 szcx）试试。"</p>
            <button type="button" class="tool" on:click=move |_| state.clear_query()>
                "清除搜索"
            </button>
        </div>
    }
}
