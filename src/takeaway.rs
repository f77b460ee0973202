//! The copy and export buttons: the text comes from
//! `wenji_core::takeaway`, the clipboard and the file from the browser.

use leptos::prelude::*;
use wenji_core::prefs::CopyMode;
use wenji_core::route::Route;
use wenji_core::takeaway::{self, Format, PartShown, Shown};
use wenji_core::{Essay, Place};
use wenji_search::{Filtered, PlaceHits};

use crate::content::{collection, essay_at};
use crate::state::ReaderState;
use crate::ui::UiState;

/// The address of essay `essay`'s page, without query or fragment.
pub fn page(essay: &Essay) -> String {
    let href = window().location().href().unwrap_or_default();
    let route = Route::Essay(essay.slug.clone()).to_query(&collection());
    takeaway::page_address(&href, &route)
}

fn copy_and_tell(ui: UiState, text: String, done: impl Into<String> + 'static) {
    leptos::task::spawn_local(async move {
        if crate::clipboard::copy(&text).await {
            ui.notify(done);
        } else {
            ui.notify("复制失败：浏览器不允许访问剪贴板，请选中文字后手动复制");
        }
    });
}

/// Copy the sub-section at `place`, or what is shown of the part, cited
/// or not as the reader chose (`prefs.copy`).
pub fn copy_place(state: ReaderState, ui: UiState, place: Place) {
    let e = essay_at(place.essay);
    let p = &e.parts[place.part];
    let cited = ui.prefs.with_untracked(|p| p.copy == CopyMode::Cited);
    let address = cited.then(|| page(e));
    let cite = address.as_deref();
    let what = place.folds().named();
    let done = if cited {
        format!("已复制{what}文字和出处")
    } else {
        format!("已复制{what}文字")
    };
    let text = match place.section {
        Some(s) => takeaway::copy_section(e, p, &p.sections[s], cite),
        None => {
            let shown = state
                .hits
                .with_untracked(|h| match h.at(place) {
                    Filtered::Shown(PlaceHits::Part(hits)) => Some(hits.shown()),
                    _ => None,
                })
                .unwrap_or_else(|| PartShown::all(p));
            takeaway::copy_part(e, p, &shown, cite)
        }
    };
    copy_and_tell(ui, text, done);
}

/// Copy the address of part or sub-section `id` of essay `essay`.
pub fn copy_link(ui: UiState, essay: usize, id: &str) {
    let text = format!("{}#{id}", page(essay_at(essay)));
    // A file the reader opened lives in this browser only.
    let done = if crate::content::is_opened(essay) {
        "已复制链接（此文件只在本浏览器中，别的浏览器打不开这个链接）"
    } else {
        "已复制链接"
    };
    copy_and_tell(ui, text, done);
}

/// Save what is shown of essay `essay` as a file.
pub fn export(state: ReaderState, ui: UiState, essay: usize, format: Format) {
    let e = essay_at(essay);
    let query = state
        .filtering()
        .then(|| state.input.get_untracked().trim().to_owned());
    let shown = match &query {
        Some(_) => state
            .hits
            .with_untracked(|h| h.get(essay).map(|eh| eh.shown()))
            .unwrap_or_else(|| Shown::all(e)),
        None => Shown::all(e),
    };
    let text = takeaway::export(e, &shown, query.as_deref(), &page(e), format);
    let name = takeaway::export_file_name(e, query.is_some(), format);
    if crate::download::save(&name, format.mime(), &format.file_text(&text)) {
        ui.notify(format!("已导出 {name}"));
    } else {
        ui.notify("导出失败：浏览器不允许保存文件");
    }
}
