//! 摘抄: the notebook's excerpts across the collection, in the reader's
//! order (drag, or the 上移 / 下移 buttons and Alt+↑ / Alt+↓ from the
//! keyboard), each with its note, its source and a 删除 button (undone by 撤销); exported as
//! Markdown, plain text or a Word file; 备份与恢复 with the opened files.

use leptos::prelude::*;
use wenji_core::notebook::Removed;
use wenji_core::takeaway::Format;

use crate::components::backup_controls::BackupControls;
use crate::components::excerpt_undo::ExcerptUndo;
use crate::components::notebook_item::NotebookItem;
use crate::notebook::use_notebook;
use crate::opened_files::Keeping;
use crate::parts::lazy;

#[component]
pub fn NotebookPanel() -> impl IntoView {
    let notebook = use_notebook();
    // The excerpt being dragged.
    let dragged = RwSignal::new(None::<u64>);
    // The excerpt last deleted, until 撤销 or the next deletion.
    let removed = RwSignal::new(None::<Removed>);
    // Keyed: a moved excerpt keeps its element (and its note as typed).
    let ids = move || {
        notebook
            .book
            .with(|b| b.excerpts.iter().map(|e| e.id).collect::<Vec<_>>())
    };
    let empty = move || notebook.book.with(|b| b.excerpts.is_empty());
    let keeping = move || {
        (notebook.keeping.get() == Some(Keeping::VisitOnly))
            .then_some("此浏览器不允许本地保存：摘抄只保留到关闭页面为止。")
    };
    view! {
        <div id="notebook-panel" class="panel notebook-panel">
            <p class="panel-note">
                "选中正文中的文字后点“加入摘抄”，或点小节标题旁的摘抄按钮收入整节。摘抄只保存在本机浏览器中。"
            </p>
            <p class="panel-note" role="status">
                {keeping}
            </p>
            <ExcerptUndo removed=removed />
            <Show
                when=move || !empty()
                fallback=|| view! { <p class="panel-note">"摘抄本还是空的。"</p> }
            >
                <ol class="excerpts">
                    <For each=ids key=|id| *id let:id>
                        <NotebookItem id=id dragged=dragged removed=removed />
                    </For>
                </ol>
                <div class="panel-buttons">
                    <button
                        type="button"
                        class="tool"
                        on:click=move |_| notebook.export(Format::Markdown)
                    >
                        "导出 Markdown（.md）"
                    </button>
                    <button type="button" class="tool" on:click=move |_| notebook.export(Format::Plain)>
                        "导出纯文本（.txt）"
                    </button>
                    <button type="button" class="tool" on:click=move |_| notebook.export_docx()>
                        "导出 Word（.docx）"
                    </button>
                </div>
            </Show>
            <BackupControls />
        </div>
    }
}

lazy! {
    /// `NotebookPanel`, built by its own part of the wasm (`parts`).
    pub fn notebook_panel() -> AnyView {
        view! { <NotebookPanel /> }
    }
    in tools;
}
