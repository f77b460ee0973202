//! Shown when a filter finds nothing; with the near forms of the query
//! when there are some (a click searches for one). Built by a part of the
//! wasm (`parts`): it is never the first view.

use leptos::prelude::*;

use wenji_core::route::Route;
use wenji_search::query::quoted;

use crate::parts::{self, lazy};
use crate::state::use_reader;

lazy! {
    /// `EmptyState`, built by its own part of the wasm.
    fn build_empty_state() -> AnyView {
        view! { <EmptyState /> }
    }
    in tools;
}

/// What a filter that finds nothing shows: `EmptyState` once its part is
/// there; if it cannot be fetched, why (the count of hits already says
/// that there are none).
pub fn empty_state() -> impl IntoView {
    Suspend::new(async {
        parts::or_else(build_empty_state().await, |why| {
            view! {
                <div class="empty-state">
                    <p>{why}</p>
                </div>
            }
            .into_any()
        })
    })
}

#[component]
fn EmptyState() -> impl IntoView {
    let state = use_reader();
    crate::near_forms::watch(state);
    let near = move || {
        state
            .near
            .get()
            .into_iter()
            .map(|n| {
                let form = n.form.clone();
                view! {
                    <li>
                        <button
                            type="button"
                            class="tool near-form"
                            on:click=move |_| state.search_for(form.clone())
                        >
                            {n.form}
                            <span class="near-count">{format!("{} 处", n.count)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // On a narrowed list: what the narrowing leaves out.
    let outside = move || match state.route.get() {
        Route::List => state.matching_outside(),
        Route::Essay(_) => 0,
    };
    view! {
        <div class="empty-state">
            <p>{move || format!("没有找到与{}匹配的内容。", quoted(&state.input.get()))}</p>
            <Show when=move || { outside() > 0 }>
                <p class="outside-narrowing">
                    {move || format!("筛选范围外还有 {} 篇匹配。", outside())}
                    <button type="button" class="tool" on:click=move |_| state.clear_narrowing()>
                        "在全部文章中搜索"
                    </button>
                </p>
            </Show>
            <Show when=move || state.near.with(|n| !n.is_empty())>
                <div class="near">
                    <p>"没有完全匹配；近似："</p>
                    <ul class="near-forms">{near}</ul>
                </div>
            </Show>
            <p class="empty-hint">"可以换个关键词，或用拼音、首字母（如 szcx）试试。"</p>
            <button type="button" class="tool" on:click=move |_| state.clear_query()>
                "清除搜索"
            </button>
        </div>
    }
}
