//! One essay: header, search bar, outline, tools, parts and the
//! end-of-excerpt marker, or the empty state when a filter finds nothing.

use leptos::prelude::*;
use wenji_core::window::renders_whole;
use wenji_core::{Essay, Place};

use crate::components::empty_state::empty_state;
use crate::components::essay_header::EssayHeader;
use crate::components::essay_toolbar::EssayToolbar;
use crate::components::excerpt_end::ExcerptEnd;
use crate::components::long_essay_parts::long_essay_parts;
use crate::components::outline::Outline;
use crate::components::part_view::PartView;
use crate::components::resume_reading::ResumeReading;
use crate::components::search_bar::SearchBar;
use crate::state::use_reader;

/// `index` is the essay's position in the collection.
#[component]
pub fn EssayView(essay: &'static Essay, index: usize) -> impl IntoView {
    let state = use_reader().provide_for_page();
    // A long essay renders a window at a time; a part asked for on another
    // page is not this one's.
    let parts = if renders_whole(essay) {
        (0..essay.parts.len())
            .map(|i| view! { <PartView place=Place::part(index, i) /> })
            .collect_view()
            .into_any()
    } else {
        state.asked_parts.set(0);
        long_essay_parts(essay, index).into_any()
    };
    // Once this essay has been searched: the empty hits of no query stand
    // until the search has begun, and say nothing about this one.
    let nothing_found = move || {
        state.filtering()
            && state
                .hits
                .with(|h| h.get(index).is_some_and(|e| e.sections == 0))
    };
    let ids: Vec<&'static str> = essay.fold_ids();
    // On paper the filter cannot be seen in the search box: say it.
    let print_note = move || {
        let t = state.totals();
        format!(
            "筛选：{}（{} 处，{}；只打印了匹配的部分）",
            state.input.get().trim(),
            t.hits,
            t.extent
        )
    };
    view! {
        <div class="essay-page" data-essay=essay.slug.as_str()>
            <a class="skip-link" href="#main">
                "跳到正文"
            </a>
            <EssayHeader essay=essay />
            <SearchBar />
            <Outline essay=essay index=index />
            <main id="main" class="essay">
                <ResumeReading essay=essay index=index />
                <EssayToolbar ids=ids essay=index />
                <p class="print-query" hidden=move || !state.filtering()>
                    {print_note}
                </p>
                <Show when=nothing_found>
                    {empty_state()}
                </Show>
                <article class="essay-body" hidden=nothing_found>
                    {parts}
                </article>
                {essay
                    .facts
                    .excerpt
                    .then(|| {
                        view! { <ExcerptEnd hidden=Signal::derive(move || state.filtering()) /> }
                    })}
            </main>
        </div>
    }
}
