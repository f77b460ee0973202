//! The list of keyboard shortcuts, opened with `?`: built when opened, by
//! its own part of the wasm (`parts`).

use leptos::prelude::*;

use crate::components::help_dialog::help_dialog;
use crate::parts;
use crate::ui::use_ui;

/// The dialog while the help is open.
#[component]
pub fn HelpOverlay() -> impl IntoView {
    let ui = use_ui();
    view! {
        <Show when=move || ui.help_open.get()>
            {Suspend::new(async move {
                parts::or_close(ui, help_dialog().await, move || ui.help_open.set(false))
            })}
        </Show>
    }
}
