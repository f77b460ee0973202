//! 做成文集: the reader's own files made into one `.html` to send, that
//! works as `dist/wenji.html` does (from `file://`, with no network). The
//! worker writes the collection's data files with the build's own writer
//! (`wenji_worker::collection`); the app around them is this build's single
//! file, fetched from beside the page, its data swapped for the new
//! (`wenji_core::single_file::remake`: every script as it was, so the
//! policy that allows them still does). Reached only from the 文件 panel:
//! its code is in the `tools` part of the wasm.

use js_sys::Uint8Array;
use wenji_core::single_file::remake;
use wenji_core::takeaway::safe_file_stem;

use crate::content::fetched_text;
use crate::ui::UiState;
use crate::{download, file_store, importer};

/// This build's single file, beside the page.
const TEMPLATE: &str = "./wenji.html";

/// Make a collection titled `title` of the kept files `slugs` (in that
/// order) and offer it as `<title>.html`; the notice says how it went.
pub fn make(title: String, slugs: Vec<String>, ui: UiState) {
    leptos::task::spawn_local(async move {
        ui.notify("正在做成文集…");
        match made(&title, &slugs).await {
            Ok(name) => ui.notify(format!("已做成 {name}：发给同事，双击即可打开、搜索")),
            Err(message) => ui.notify(message),
        }
    });
}

async fn made(title: &str, slugs: &[String]) -> Result<String, String> {
    let stored = file_store::all()
        .await
        .map_err(|_| "此浏览器没有保存打开的文件，无法做成文集".to_owned())?;
    let chosen: Vec<(String, Uint8Array, bool)> = slugs
        .iter()
        .filter_map(|s| stored.iter().find(|f| &f.slug == s))
        .map(|f| (f.name.clone(), f.bytes.clone(), f.split))
        .collect();
    if chosen.is_empty() {
        return Err("请先勾选要收入文集的文件".to_owned());
    }
    let template = fetch_template().await?;
    let files = importer::collection(&chosen, &crate::browser::today()).await?;
    let title = match title.trim() {
        "" => "我的文集",
        t => t,
    };
    let html = remake(&template, title, &files)
        .map_err(|_| "无法做成文集：本站的单文件版本有误".to_owned())?;
    let name = format!("{}.html", safe_file_stem(title));
    if !download::save(&name, "text/html;charset=utf-8", &html) {
        return Err("无法保存文件".to_owned());
    }
    Ok(name)
}

async fn fetch_template() -> Result<String, String> {
    fetched_text(leptos::prelude::window().fetch_with_str(TEMPLATE))
        .await
        .ok_or_else(|| "无法取得文集程序（wenji.html）：请联网后在网站上再试".to_owned())
}
