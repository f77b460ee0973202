//! 备份与恢复, in the 摘抄 and 文件 panels: the notebook and the opened
//! files written to one file and read back (`backup`), and whether this
//! browser keeps them for good (`persist`): where it may not, the backup is
//! said to be the safe copy.

use leptos::prelude::*;
use wenji_core::backup::BACKUP_EXTENSION;

use crate::components::picked_files;
use crate::notebook::use_notebook;
use crate::opened_files::use_opened;
use crate::ui::use_ui;
use crate::{backup, persist};

#[component]
pub fn BackupControls() -> impl IntoView {
    let (notebook, opened, ui) = (use_notebook(), use_opened(), use_ui());
    // Unknown until the browser answers.
    let lasting = RwSignal::new(None::<bool>);
    Effect::new(move || {
        leptos::task::spawn_local(async move {
            // The panel may have closed meanwhile.
            let _ = lasting.try_set(Some(persist::kept_for_good().await.unwrap_or(false)));
        });
    });
    let said = move || {
        match lasting.get() {
        None => "",
        Some(true) => "此浏览器会长期保存摘抄和打开的文件。备份文件可在别的浏览器或电脑上恢复。",
        Some(false) => {
            "浏览器可能在空间不足或长期未访问时清除摘抄和打开的文件（Safari 七天未访问即清除）：备份文件才是可靠的副本，请定期备份。"
        }
    }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(file) = picked_files(&ev).into_iter().next() {
            backup::restore(file, notebook, opened, ui);
        }
    };
    view! {
        <section class="backup" aria-labelledby="backup-heading">
            <h2 id="backup-heading" class="files-heading">
                "备份与恢复"
            </h2>
            <p class="panel-note">
                "备份把摘抄（含笔记和顺序）和打开的文件存成一个文件；恢复时合并，不会重复。"
            </p>
            <p class="panel-note backup-lasting">{said}</p>
            <div class="panel-buttons">
                <button
                    type="button"
                    class="tool"
                    on:click=move |_| backup::make(notebook, opened, ui)
                >
                    "备份"
                </button>
                <label class="tool file-pick">
                    "恢复…"
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=format!(".{BACKUP_EXTENSION}")
                        on:change=on_pick
                    />
                </label>
            </div>
        </section>
    }
}
