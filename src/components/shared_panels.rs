//! The panels of `SharedTools`, each built when first wanted: less to do
//! before the page is ready.

use leptos::prelude::*;

use crate::components::display_panel::DisplayPanel;
use crate::components::files_panel::FilesPanel;
use crate::components::notebook_panel::NotebookPanel;
use crate::ui::{use_ui, Panel};

#[component]
pub fn SharedPanels() -> impl IntoView {
    let ui = use_ui();
    view! {
        <Show when=move || ui.is_open(Panel::Display)>
            <DisplayPanel />
        </Show>
        <Show when=move || ui.is_open(Panel::Files)>
            <FilesPanel />
        </Show>
        <Show when=move || ui.is_open(Panel::Notebook)>
            <NotebookPanel />
        </Show>
    }
}
