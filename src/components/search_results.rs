//! A filter over a collection of several essays: what matches, grouped by
//! essay, each group under the essay's title.

use leptos::prelude::*;
use wenji_core::route::{address, Route};

use crate::components::empty_state::EmptyState;
use crate::components::part_view::PartView;
use crate::content::{collection, group_scope};
use crate::state::use_reader;

#[component]
pub fn SearchResults() -> impl IntoView {
    let state = use_reader();
    let groups = collection()
        .essays
        .iter()
        .enumerate()
        .map(|(e, essay)| {
            let scope = group_scope(e);
            let group_hits = move || state.hits.with(|h| h.get(e).map_or((0, 0), |h| (h.hits, h.sections)));
            let route = Route::Essay(essay.slug.clone());
            let href = {
                let route = route.clone();
                move || address(&route, &state.input.get(), collection())
            };
            let open = state.link_to(route);
            let parts = essay
                .parts
                .iter()
                .enumerate()
                .map(|(i, part)| view! { <PartView part=part essay=e index=i scope=scope level=3 /> })
                .collect_view();
            view! {
                <section class="essay-group" hidden=move || group_hits().1 == 0>
                    <h2 class="group-title">
                        <a href=href on:click=open>
                            {essay.title.clone()}
                        </a>
                    </h2>
                    <p class="facts">
                        {move || {
                            let (h, s) = group_hits();
                            if h > 0 { format!("{h} 处，{s} 节") } else { format!("{s} 节") }
                        }}
                    </p>
                    {parts}
                </section>
            }
        })
        .collect_view();
    view! {
        <Show when=move || state.totals().1 == 0>
            <EmptyState />
        </Show>
        {groups}
    }
}
