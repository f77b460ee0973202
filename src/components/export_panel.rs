//! Export: what is shown (the whole essay, or the filtered sections) as a
//! Markdown or plain-text file, with citations.

use leptos::prelude::*;
use wenji_core::takeaway::Format;

use crate::parts::lazy;
use crate::state::use_reader;
use crate::takeaway;
use crate::ui::use_ui;

#[component]
pub fn ExportPanel(essay: usize) -> impl IntoView {
    let state = use_reader();
    let ui = use_ui();
    let what = move || {
        if state.filtering() {
            let sections = state.hits.with(|h| h.get(essay).map_or(0, |e| e.sections));
            format!("导出筛选出的 {sections} 节，每节附出处和筛选条件。")
        } else {
            "导出全文，每部分附出处。".to_owned()
        }
    };
    let save = move |format| move |_| takeaway::export(state, ui, essay, format);
    view! {
        <div id="export-panel" class="panel">
            <p class="panel-note">{what}</p>
            <div class="panel-buttons">
                <button type="button" class="tool" on:click=save(Format::Markdown)>
                    "Markdown（.md）"
                </button>
                <button type="button" class="tool" on:click=save(Format::Plain)>
                    "纯文本（.txt）"
                </button>
            </div>
        </div>
    }
}

lazy! {
    /// `ExportPanel`, built by its own part of the wasm (`parts`).
    pub fn export_panel(essay: usize) -> AnyView {
        view! { <ExportPanel essay=essay /> }
    }
    in tools;
}
