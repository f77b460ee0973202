//! A toolbar button that opens and closes one of the panels (disclosure
//! pattern: `aria-expanded` and `aria-controls`).

use leptos::html::Button;
use leptos::prelude::*;

use crate::ui::{use_ui, Panel};

/// `controls` is the id of the panel's element; `class` adds to `tool`;
/// `node_ref` is filled with the button, for those who focus it;
/// `wide_only` comes before the label where there is room (and is always
/// in the button's name).
#[component]
pub fn PanelButton(
    panel: Panel,
    controls: &'static str,
    label: &'static str,
    #[prop(default = "tool")] class: &'static str,
    #[prop(optional)] node_ref: NodeRef<Button>,
    #[prop(optional)] wide_only: Option<&'static str>,
) -> impl IntoView {
    let prefix = wide_only.map(|w| view! { <span class="wide-only">{w}</span> });
    let ui = use_ui();
    view! {
        <button
            type="button"
            class=class
            node_ref=node_ref
            aria-expanded=move || ui.is_open(panel).to_string()
            aria-controls=controls
            on:click=move |_| ui.toggle(panel)
        >
            {prefix}
            {label}
        </button>
    }
}
