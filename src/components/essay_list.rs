//! The list of essays, shown first when the collection holds several: a
//! compact library (title and facts a line), sorted and narrowed by the
//! reader, rendered a hundred at a time; with a query, the results.

use leptos::prelude::*;
use wenji_core::facts::facts_line;
use wenji_core::route::Route;

use crate::components::library_controls::LibraryControls;
use crate::components::more_button::MoreButton;
use crate::components::search_bar::SearchBar;
use crate::components::search_results::SearchResults;
use crate::components::shared_panels::SharedPanels;
use crate::components::shared_tools::SharedTools;
use crate::content::{by_title, collection, is_opened, site_len};
use crate::parts::lazy;
use crate::state::{use_reader, LIST_STEP};

#[component]
fn EssayRow(essay: usize) -> AnyView {
    let state = use_reader();
    let e = &collection().essays[essay];
    let route = Route::Essay(e.slug.clone());
    let href = {
        let route = route.clone();
        move || state.href(&route)
    };
    // The reader's own files, among the collection's essays.
    let mine = is_opened(essay).then(|| view! { <span class="mine-badge">"我的文件"</span> });
    view! {
        <li>
            <a class="essay-link" href=href on:click=crate::navigation::link_to(state, route)>
                <span class="essay-link-title">{e.title.clone()}</span>
                {mine}
                <span class="facts">{facts_line(&e.facts)}</span>
            </a>
        </li>
    }
    .into_any()
}

#[component]
pub fn EssayList() -> AnyView {
    let state = use_reader();
    // Reactive: a file the reader opens or closes changes the collection.
    let total = move || collection().essays.len();
    let listed = Memo::new(move |_| {
        state
            .list
            .with(|v| v.essays(&collection(), site_len(), &by_title))
    });
    let rows = move || {
        let shown = state.list_shown.get();
        listed.with(|l| l.iter().take(shown).copied().collect::<Vec<_>>())
    };
    let count = move || {
        let n = listed.with(Vec::len);
        let total = total();
        if n == total {
            format!("共 {total} 篇")
        } else {
            format!("{n} 篇（共 {total} 篇）")
        }
    };
    let left = Signal::derive(move || listed.with(Vec::len).saturating_sub(state.list_shown.get()));
    view! {
        <header class="page-header">
            <h1>{crate::browser::collection_name()}</h1>
            <p class="facts">{move || format!("共 {} 篇", total())}</p>
        </header>
        <SearchBar />
        <main id="main" class="essay-list">
            <div class="essay-toolbar">
                <div class="toolbar-row">
                    <SharedTools />
                </div>
                <SharedPanels />
            </div>
            <LibraryControls />
            <Show when=move || state.filtering() fallback=|| ()>
                <SearchResults />
            </Show>
            <div class="library" hidden=move || state.filtering()>
                <p class="list-count" role="status">
                    {count}
                </p>
                <ul class="essay-rows">
                    <For each=rows key=|i| *i let:i>
                        <EssayRow essay=i />
                    </For>
                </ul>
                <MoreButton
                    left=left
                    unit="篇"
                    on_more=Callback::new(move |_| state.list_shown.update(|n| *n += LIST_STEP))
                />
            </div>
        </main>
    }
    .into_any()
}

lazy! {
    /// `EssayList`, built by its own part of the wasm (`parts`).
    pub fn essay_list() -> AnyView {
        view! { <EssayList /> }
    }
    in list;
    preload preload_essay_list;
}
