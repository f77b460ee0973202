//! 打开文件: pick `.docx`, `.txt` and `.md` files to read in the page (or
//! drop them, or a folder, anywhere on it), choose whether they are split into parts,
//! and the list of 我的文件, each with a link and a 删除 button; 做成文集;
//! 备份与恢复.

use leptos::prelude::*;
use wenji_core::opened::accept;
use wenji_core::route::Route;

use crate::components::backup_controls::BackupControls;
use crate::components::choice_group::ChoiceGroup;
use crate::components::make_collection::MakeCollection;
use crate::components::picked_files;
use crate::dropped::open_handed_over;
use crate::opened_files::{use_opened, Keeping, OpenedFile};
use crate::parts::lazy;
use crate::state::use_reader;

const SPLITS: [(&str, &str); 2] = [("split", "按标题分章节"), ("whole", "不分章节")];

#[component]
fn OpenedRow(file: OpenedFile) -> impl IntoView {
    let state = use_reader();
    let opened = use_opened();
    let route = Route::Essay(file.slug.clone());
    let href = {
        let route = route.clone();
        move || state.href(&route)
    };
    let slug = file.slug.clone();
    view! {
        <li class="opened-file">
            <a href=href on:click=crate::navigation::link_to(state, route)>
                {file.name.clone()}
            </a>
            <button
                type="button"
                class="tool"
                aria-label=format!("删除 {}", file.name)
                on:click=move |_| opened.remove(slug.clone())
            >
                "删除"
            </button>
        </li>
    }
}

#[component]
pub fn FilesPanel() -> impl IntoView {
    let opened = use_opened();
    let on_pick = move |ev: leptos::ev::Event| opened.open(picked_files(&ev));
    let on_pick_folder = move |ev: leptos::ev::Event| opened.open_folder(picked_files(&ev));
    // A file is about to be picked: the document reader starts meanwhile,
    // not after the pick.
    if crate::browser::present() {
        leptos::task::spawn_local(crate::importer::warm_up());
    }
    // What was dropped on the page, before or while the panel is open.
    Effect::new(move || {
        opened.dropped.track();
        open_handed_over(opened);
    });
    let status = move || {
        let reading = opened.reading.get();
        if reading > 0 {
            format!("正在读取 {reading} 个文件…")
        } else if opened.keeping.get() == Some(Keeping::VisitOnly) {
            "此浏览器不允许本地保存：打开的文件只保留到关闭页面为止。".to_owned()
        } else {
            String::new()
        }
    };
    let rows = move || {
        opened
            .files
            .get()
            .into_iter()
            .map(|file| view! { <OpenedRow file=file /> })
            .collect_view()
    };
    view! {
        <div id="files-panel" class="panel files-panel">
            <div class="panel-buttons">
                <label class="tool file-pick">
                    "选择文件…"
                    <input
                        type="file"
                        id="file-input"
                        class="visually-hidden"
                        multiple
                        accept=accept()
                        on:change=on_pick
                    />
                </label>
                <label class="tool file-pick">
                    "选择文件夹…"
                    <input
                        type="file"
                        id="folder-input"
                        class="visually-hidden"
                        prop:webkitdirectory=true
                        on:change=on_pick_folder
                    />
                </label>
            </div>
            <ChoiceGroup
                legend="分章"
                name="split"
                options=SPLITS.to_vec()
                chosen=Signal::derive(move || usize::from(!opened.split.get()))
                on_pick=Callback::new(move |i: usize| opened.split.set(i == 0))
            />
            <p class="panel-note">
                "可打开 Word（.docx）、纯文本（.txt）和 Markdown（.md）文件，或整个文件夹，也可以把文件拖到页面上。文件只在本机读取，不会上传。"
            </p>
            <p class="panel-note" role="status">
                {status}
            </p>
            <div class="file-problems" role="alert">
                {move || {
                    opened
                        .problems
                        .get()
                        .into_iter()
                        .map(|p| view! { <p>{p}</p> })
                        .collect_view()
                }}
            </div>
            <h2 class="files-heading">"我的文件"</h2>
            <Show
                when=move || opened.files.with(|f| !f.is_empty())
                fallback=|| view! { <p class="panel-note">"还没有打开的文件。"</p> }
            >
                <ul class="opened-files">{rows}</ul>
                <MakeCollection />
            </Show>
            <BackupControls />
        </div>
    }
}

lazy! {
    /// `FilesPanel`, built by its own part of the wasm (`parts`).
    pub fn files_panel() -> AnyView {
        view! { <FilesPanel /> }
    }
    in tools;
}
