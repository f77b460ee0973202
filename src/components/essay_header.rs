//! Title, facts line and excerpt notice of an essay.

use leptos::prelude::*;
use wenji_core::facts::facts_line;
use wenji_core::route::Route;
use wenji_core::Essay;

use crate::content::collection;
use crate::state::use_reader;

#[component]
pub fn EssayHeader(essay: &'static Essay) -> impl IntoView {
    let state = use_reader();
    let back = (collection().essays.len() > 1).then(|| {
        // Relative, with the query and the list's view: Back to the list
        // as it was, under any sub-path.
        let href = move || state.href(&Route::List);
        let go_back = crate::navigation::link_to(state, Route::List);
        view! {
            <a class="back-link" href=href on:click=go_back>
                "← 全部文章"
            </a>
        }
    });
    let excerpt = essay.facts.excerpt.then(|| {
        view! { <p class="excerpt-note">"以下为原文节选，原文未完。"</p> }
    });
    view! {
        <header class="page-header">
            {back}
            <h1>{essay.title.clone()}</h1>
            <p class="facts">{facts_line(&essay.facts)}</p>
            {excerpt}
        </header>
    }
}
