//! The essay's tools: the outline (on narrow screens), expand all and
//! collapse all (of what is shown, while filtering), export, then the tools
//! every page has (`SharedTools`); each panel opens below the row.

use leptos::prelude::*;

use crate::components::export_panel::export_panel;
use crate::components::panel_button::PanelButton;
use crate::components::shared_panels::SharedPanels;
use crate::components::shared_tools::SharedTools;
use crate::parts::or_close;
use crate::state::use_reader;
use crate::ui::{use_ui, Panel};

/// `ids` are those of every part and sub-section on the page; `essay` is
/// the essay's position in the collection.
#[component]
pub fn EssayToolbar(ids: Vec<&'static str>, essay: usize) -> impl IntoView {
    let state = use_reader();
    let ui = use_ui();
    let collapse = move |_| state.collapse_all(ids.iter().copied());
    view! {
        <div class="essay-toolbar">
            <div class="toolbar-row">
                <PanelButton
                    panel=Panel::Outline
                    controls="outline"
                    label="目录"
                    class="tool outline-toggle"
                    node_ref=ui.outline_toggle
                />
                // On a phone 全部 is left unseen (still in the button's name),
                // so that the seven tools fit one row.
                <button type="button" class="tool" on:click=move |_| state.expand_all()>
                    <span class="wide-only">"全部"</span>
                    "展开"
                </button>
                <button type="button" class="tool" on:click=collapse>
                    <span class="wide-only">"全部"</span>
                    "折叠"
                </button>
                <PanelButton panel=Panel::Export controls="export-panel" label="导出" />
                <SharedTools />
            </div>
            // Built when first wanted, by its own part of the wasm (`parts`).
            <Show when=move || ui.is_open(Panel::Export)>
                {Suspend::new(async move {
                    or_close(ui, export_panel(essay).await, move || ui.close_panel())
                })}
            </Show>
            <SharedPanels />
        </div>
    }
}
