//! The essay's tools: the outline (on narrow screens), expand all and
//! collapse all (of what is shown, while filtering), export, and display
//! settings; the last two open a panel below the row.

use leptos::prelude::*;

use crate::components::display_panel::DisplayPanel;
use crate::components::export_panel::ExportPanel;
use crate::components::files_panel::FilesPanel;
use crate::components::notebook_panel::NotebookPanel;
use crate::components::panel_button::PanelButton;
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
                // so that the six tools fit one row.
                <button type="button" class="tool" on:click=move |_| state.expand_all()>
                    <span class="wide-only">"全部"</span>
                    "展开"
                </button>
                <button type="button" class="tool" on:click=collapse>
                    <span class="wide-only">"全部"</span>
                    "折叠"
                </button>
                <PanelButton panel=Panel::Export controls="export-panel" label="导出" />
                <PanelButton panel=Panel::Display controls="display-panel" label="显示" />
                <PanelButton
                    panel=Panel::Files
                    controls="files-panel"
                    label="文件"
                    wide_only="打开"
                />
                <PanelButton panel=Panel::Notebook controls="notebook-panel" label="摘抄" />
            </div>
            // Built when first wanted: less to do before the page is ready.
            <Show when=move || ui.is_open(Panel::Export)>
                <ExportPanel essay=essay />
            </Show>
            <Show when=move || ui.is_open(Panel::Display)>
                <DisplayPanel />
            </Show>
            <Show when=move || ui.is_open(Panel::Files)>
                <FilesPanel />
            </Show>
            <Show when=move || ui.is_open(Panel::Notebook)>
                <NotebookPanel />
            </Show>
        </div>
    }
}
