//! 打开文件: pick `.docx`, `.txt` and `.md` files to read in the page (or
//! drop them anywhere on it), choose whether they are split into parts,
//! and the list of 我的文件, each with a link and a 删除 button.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wenji_core::route::Route;

use crate::components::choice_group::ChoiceGroup;
use crate::opened_files::{use_opened, Keeping, OpenedFile};
use crate::parts::lazy_view;
use crate::state::use_reader;

/// What the picker offers; the worker reads these (`wenji_import::read_file`).
pub const ACCEPTED: &str = ".docx,.txt,.md";

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
            <a href=href on:click=state.link_to(route)>
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
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = input.files().map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .collect::<Vec<_>>()
        });
        // The same file picked again must fire `change` again.
        input.set_value("");
        opened.open(files.unwrap_or_default());
    };
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
                        accept=ACCEPTED
                        on:change=on_pick
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
                "可打开 Word（.docx）、纯文本（.txt）和 Markdown（.md）文件，也可以把文件拖到页面上。文件只在本机读取，不会上传。"
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
            </Show>
        </div>
    }
}

lazy_view! {
    /// `FilesPanel`, built by its own part of the wasm (`parts`).
    pub fn files_panel() -> AnyView {
        view! { <FilesPanel /> }
    }
    in tools;
}
