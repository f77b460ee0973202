//! 备份 and 恢复 in the page: the notebook and the opened files, which the
//! browser alone holds, written to one file the reader keeps
//! (`wenji_core::backup`, the format) and read back, merged, into this or
//! another browser. Reached only from the panels, so its code is in the
//! `tools` part of the wasm, not the first view's.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wenji_core::backup::{file_name, Backup, BackupFile};

use crate::browser::today;
use crate::notebook::NotebookState;
use crate::opened_files::{Keeping, OpenedFiles};
use crate::ui::UiState;
use crate::{download, file_store};

/// Offer the notebook and every kept file as one backup file.
pub fn make(notebook: NotebookState, opened: OpenedFiles, ui: UiState) {
    leptos::task::spawn_local(async move {
        let stored = file_store::all().await.unwrap_or_default();
        let backup = Backup {
            notebook: notebook.book.get_untracked(),
            files: stored
                .into_iter()
                .map(|f| BackupFile {
                    name: f.name,
                    split: f.split,
                    bytes: f.bytes.to_vec(),
                })
                .collect(),
        };
        let name = file_name(&today());
        let (excerpts, files) = (backup.notebook.excerpts.len(), backup.files.len());
        if !download::save(&name, "text/plain;charset=utf-8", &backup.encode()) {
            ui.notify("无法保存备份文件");
            return;
        }
        // Files read only for the visit have no bytes kept to back up.
        let unkept = opened.files.with_untracked(Vec::len).saturating_sub(files);
        let unkept = if unkept > 0 && opened.keeping.get_untracked() == Some(Keeping::VisitOnly) {
            format!("（{unkept} 个文件此浏览器未保存，未能备份）")
        } else {
            String::new()
        };
        ui.notify(format!(
            "已备份 {excerpts} 条摘抄、{files} 个文件：{name}{unkept}"
        ));
    });
}

/// Read backup `file` and merge it in: the notebook's excerpts not here
/// yet, the files not open yet. A file that is no backup, or a broken or
/// newer one, changes nothing and is said.
pub fn restore(file: web_sys::File, notebook: NotebookState, opened: OpenedFiles, ui: UiState) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        let backup = match text.as_deref().map(Backup::decode) {
            Some(Ok(backup)) => backup,
            Some(Err(e)) => return ui.notify(format!("{name}：{}", e.zh())),
            None => return ui.notify(format!("{name}：无法读取文件")),
        };
        ui.notify("正在恢复…");
        let excerpts = notebook.merge(backup.notebook);
        let files = opened.restore_files(backup.files).await;
        ui.notify(format!("恢复了 {excerpts} 条摘抄、{files} 个文件"));
    });
}
