//! A query across a collection of several essays: first the matching
//! essays as a compact list (title, hits, the sentence that best shows the
//! match; each opens its essay filtered, at that sentence), then the
//! matching sections themselves, grouped by essay. Both render a first
//! screen and more on 显示更多 (or, for the groups, when hit navigation
//! goes further), so that a query over a thousand essays costs no more to
//! show than one over twenty.

use leptos::prelude::*;
use wenji_core::route::Route;
use wenji_core::Place;
use wenji_search::collection::snippet;
use wenji_search::{Extent, Snippet};

use crate::components::empty_state::empty_state;
use crate::components::highlighted::HighlightedOwned;
use crate::components::more_button::MoreButton;
use crate::components::part_view::PartView;
use crate::content::{collection, full_essay, group_scope, use_arrival};
use crate::state::{use_reader, GROUPS_STEP, RESULTS_STEP};

/// Sentences in the compact list are cut to this many characters.
const SNIPPET_CHARS: usize = 80;

#[derive(Clone, PartialEq)]
struct Row {
    essay: usize,
    hits: usize,
    extent: Extent,
    snippet: Option<Snippet>,
}

#[component]
fn ResultRow(row: Row) -> AnyView {
    let state = use_reader();
    let e = &collection().essays[row.essay];
    let route = Route::Essay(e.slug.clone());
    let fragment = row.snippet.as_ref().map(|s| s.id.clone());
    let href = {
        let route = route.clone();
        let tail = fragment
            .as_ref()
            .map(|id| format!("#{}", wenji_core::route::encode_component(id)))
            .unwrap_or_default();
        move || format!("{}{tail}", state.href(&route))
    };
    let snippet = row.snippet.map(|s| {
        view! {
            <p class="result-snippet">
                <HighlightedOwned text=s.text marks=s.marks />
            </p>
        }
    });
    view! {
        <li class="result-row">
            <a class="essay-link" href=href on:click=crate::navigation::link_to_at(state, route, fragment)>
                <span class="essay-link-title">{e.title.clone()}</span>
                <span class="facts">{format!("{} 处，{}", row.hits, row.extent)}</span>
            </a>
            {snippet}
        </li>
    }
    .into_any()
}

#[component]
fn ResultGroup(essay: usize) -> impl IntoView {
    let state = use_reader();
    let Some(e) = full_essay(essay) else {
        return ().into_any();
    };
    let scope = group_scope(essay);
    let state = state.provide_for_page();
    let group_hits = move || {
        state
            .hits
            .with(|h| h.get(essay).map(|h| (h.hits, h.extent())))
    };
    let route = Route::Essay(e.slug.clone());
    let href = {
        let route = route.clone();
        move || state.href(&route)
    };
    let parts = (0..e.parts.len())
        .map(|i| view! { <PartView place=Place::part(essay, i) scope=scope level=3 /> })
        .collect_view();
    view! {
        <section class="essay-group">
            <h2 class="group-title">
                <a href=href on:click=crate::navigation::link_to(state, route)>
                    {e.title.clone()}
                </a>
            </h2>
            <p class="facts">
                {move || group_hits().map(|(h, x)| format!("{h} 处，{x}"))}
            </p>
            {parts}
        </section>
    }
    .into_any()
}

#[component]
pub fn SearchResults() -> AnyView {
    let state = use_reader();
    let arrival = use_arrival();
    let results = state.results;
    let rows = Memo::new(move |_| {
        let shown = state.results_shown.get();
        let ids: Vec<usize> = results.with(|r| r.iter().take(shown).copied().collect());
        state.hits.with(|h| {
            ids.into_iter()
                .filter_map(|i| {
                    let eh = h.get(i)?;
                    Some(Row {
                        essay: i,
                        hits: eh.hits,
                        extent: eh.extent(),
                        snippet: full_essay(i).and_then(|e| snippet(e, eh, SNIPPET_CHARS)),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    // The groups lie below the first screen and cost far more to build
    // than the rows: they wait until the search is done, and then for a
    // task of their own, so that no keystroke pays for them.
    // Text that cannot arrive ends the wait as well.
    let groups_ready = RwSignal::new(false);
    let settled = move || state.hits.with(|h| h.complete()) || arrival.failed.with(Option::is_some);
    Effect::new(move |_| {
        if settled() {
            set_timeout(
                move || {
                    if untrack(settled) {
                        groups_ready.set(true);
                    }
                },
                std::time::Duration::ZERO,
            );
        } else {
            groups_ready.set(false);
        }
    });
    let groups = move || {
        if !groups_ready.get() {
            return Vec::new();
        }
        let shown = state.groups_shown.get();
        results.with(|r| r.iter().take(shown).copied().collect::<Vec<_>>())
    };
    let rows_left = Signal::derive(move || {
        results
            .with(Vec::len)
            .saturating_sub(state.results_shown.get())
    });
    let groups_left = Signal::derive(move || {
        results
            .with(Vec::len)
            .saturating_sub(state.groups_shown.get())
    });
    let done = move || state.hits.with(|h| h.complete());
    let progress = move || {
        let searched = state.hits.with(|h| h.searched());
        let total = collection().essays.len();
        if let Some(why) = arrival.failed.get() {
            format!("{why}，只搜索了已载入的 {searched} / {total} 篇。")
        } else if !arrival.complete() {
            format!("全文还在载入，已搜索 {searched} / {total} 篇…")
        } else {
            format!("正在搜索，已搜索 {searched} / {total} 篇…")
        }
    };
    let nothing = move || done() && results.with(Vec::is_empty);
    view! {
        <p class="search-progress" hidden=done>
            {progress}
        </p>
        <Show when=nothing>
            {empty_state()}
        </Show>
        <section class="results" aria-label="匹配的文章" hidden=nothing>
            <ol class="result-list">
                {move || {
                    rows.get().into_iter().map(|row| view! { <ResultRow row=row /> }).collect_view()
                }}
            </ol>
            <MoreButton
                left=rows_left
                unit="篇"
                on_more=Callback::new(move |_| state.results_shown.update(|n| *n += RESULTS_STEP))
            />
        </section>
        <div class="result-groups" hidden=nothing>
            <For each=groups key=|i| *i let:i>
                <ResultGroup essay=i />
            </For>
            <MoreButton
                left=groups_left
                unit="篇的匹配段落"
                on_more=Callback::new(move |_| state.groups_shown.update(|n| *n += GROUPS_STEP))
            />
        </div>
    }
    .into_any()
}
