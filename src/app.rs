//! The root component: picks the page from the address.

use leptos::prelude::*;
use wenji_core::route::Route;

use crate::components::back_to_top::BackToTop;
use crate::components::drop_zone::DropZone;
use crate::components::essay_list::essay_list;
use crate::components::essay_view::EssayView;
use crate::components::help_overlay::HelpOverlay;
use crate::components::loading_essay::LoadingEssay;
use crate::components::notice::Notice;
use crate::components::selection_excerpt::SelectionExcerpt;
use crate::content::{collection, full_essay, use_arrival, TextArrival};
use crate::location::set_document_title;
use crate::notebook::NotebookState;
use crate::opened_files::OpenedFiles;
use crate::parts;
use crate::state::ReaderState;
use crate::ui::UiState;

#[component]
pub fn App() -> impl IntoView {
    let state = ReaderState::from_address();
    provide_context(state);
    let ui = UiState::new();
    provide_context(ui);
    let arrival = use_arrival();
    let opened = OpenedFiles::new(state, ui, arrival);
    provide_context(opened);
    let notebook = NotebookState::new(state, ui);
    provide_context(notebook);
    if crate::browser::present() {
        wire(state, ui, arrival);
        leptos::task::spawn_local(opened.restore());
        leptos::task::spawn_local(notebook.restore());
        crate::excerpt_marks::install(state, notebook);
    }

    // An essay opened before its text has arrived waits for it. The list
    // is built by its own part of the wasm (`parts`), fetched before the
    // app starts when the list is its first page (`start`).
    let page = move || match shown_essay(&state.route.get()) {
        Some(i) => {
            arrival.essays.track();
            match full_essay(i) {
                Some(essay) => view! { <EssayView essay=essay index=i /> }.into_any(),
                None => view! { <LoadingEssay failed=arrival.failed /> }.into_any(),
            }
        }
        None => Suspend::new(async {
            parts::or_else(essay_list().await, |_| {
                let failed = RwSignal::new(Some(parts::LIST_UNAVAILABLE.to_owned()));
                view! { <LoadingEssay failed=failed /> }.into_any()
            })
        })
        .into_any(),
    };
    view! {
        {page}
        <BackToTop />
        <DropZone />
        <SelectionExcerpt />
        <HelpOverlay />
        <Notice />
    }
}

/// The essay `route` shows, by its position; `None` for the list (also
/// where the address names no essay of the collection).
pub fn shown_essay(route: &Route) -> Option<usize> {
    match route {
        Route::Essay(slug) => collection().index_of(slug),
        Route::List => None,
    }
}

/// What ties the app to the browser: storage, keys, scrolling, the
/// search's slices, the address and the document's title.
fn wire(state: ReaderState, ui: UiState, arrival: TextArrival) {
    state.remember_folding();
    ui.apply_prefs();
    crate::shortcuts::install(state, ui);
    crate::scroll_spy::install(state, ui);
    crate::search_run::install(state, arrival);
    crate::selection_copy::install();
    crate::reading_position::install(state, ui);

    // Back and Forward change the address without a reload: follow it.
    let _ = window_event_listener(leptos::ev::popstate, move |ev| {
        state.follow_address(crate::location::Saved::from_js(&ev.state()))
    });
    // A link to a part or sub-section unfolds it, now and whenever the
    // fragment changes.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        crate::hit_nav::reveal_fragment(state)
    });
    request_animation_frame(move || crate::hit_nav::reveal_fragment(state));
    crate::hit_nav::tell_if_fragment_hidden(state, ui);

    let name = crate::browser::collection_name();
    Effect::new(move |_| {
        let title = match state.route.get() {
            Route::Essay(slug) => collection()
                .essay(&slug)
                .map(|e| format!("{} · {name}", e.title))
                .unwrap_or_else(|| name.clone()),
            Route::List => name.clone(),
        };
        set_document_title(&title);
    });
}
