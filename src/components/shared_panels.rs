//! The panels of `SharedTools`, each built when first wanted, by a part of
//! the wasm fetched then (`parts`): less to fetch and do before the page
//! is ready.

use leptos::prelude::*;

use crate::components::display_panel::display_panel;
use crate::components::files_panel::files_panel;
use crate::components::notebook_panel::notebook_panel;
use crate::parts::or_close;
use crate::ui::{use_ui, Panel};

#[component]
pub fn SharedPanels() -> impl IntoView {
    let ui = use_ui();
    view! {
        <Show when=move || ui.is_open(Panel::Display)>
            {Suspend::new(async move { or_close(ui, display_panel().await, move || ui.close_panel()) })}
        </Show>
        <Show when=move || ui.is_open(Panel::Files)>
            {Suspend::new(async move { or_close(ui, files_panel().await, move || ui.close_panel()) })}
        </Show>
        <Show when=move || ui.is_open(Panel::Notebook)>
            {Suspend::new(async move { or_close(ui, notebook_panel().await, move || ui.close_panel()) })}
        </Show>
    }
}
