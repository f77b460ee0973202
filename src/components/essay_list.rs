//! The list of essays, shown first when the collection holds several.

use leptos::prelude::*;
use wenji_core::facts::facts_line;
use wenji_core::route::{address, Route};

use crate::components::display_panel::DisplayPanel;
use crate::components::panel_button::PanelButton;
use crate::components::search_bar::SearchBar;
use crate::components::search_results::SearchResults;
use crate::content::collection;
use crate::state::use_reader;
use crate::ui::{use_ui, Panel};

#[component]
pub fn EssayList() -> impl IntoView {
    let state = use_reader();
    let ui = use_ui();
    let essays = &collection().essays;
    let items = essays
        .iter()
        .map(|essay| {
            let route = Route::Essay(essay.slug.clone());
            let href = {
                let route = route.clone();
                move || address(&route, &state.input.get(), collection())
            };
            let open = state.link_to(route);
            view! {
                <li>
                    <a class="essay-link" href=href on:click=open>
                        <span class="essay-link-title">{essay.title.clone()}</span>
                        <span class="facts">{facts_line(&essay.facts)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="page-header">
            <h1>"文集"</h1>
            <p class="facts">{format!("共 {} 篇", essays.len())}</p>
        </header>
        <SearchBar />
        <main id="main" class="essay-list">
            <div class="essay-toolbar">
                <div class="toolbar-row">
                    <PanelButton panel=Panel::Display controls="display-panel" label="显示" />
                </div>
                <Show when=move || ui.is_open(Panel::Display)>
                    <DisplayPanel />
                </Show>
            </div>
            <Show when=move || state.filtering() fallback=|| ()>
                <SearchResults />
            </Show>
            <ul hidden=move || state.filtering()>{items}</ul>
        </main>
    }
}
