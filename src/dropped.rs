//! Files and folders dropped on the page: opened as those picked in 打开文件
//! are (`OpenedFiles::open`, `OpenedFiles::open_folder_named`).
//!
//! A drop hands over a folder as an entry of the browser's file system
//! API (`webkitGetAsEntry`, in every current engine), which can only be
//! taken during the drop event itself: `DropZone` takes the entries (or
//! the files, in a browser without them), hands them over here, counts
//! the drop in `OpenedFiles::dropped` and opens the 打开文件 panel, which
//! takes them, walks the folders (asynchronously, callback by callback)
//! and says what it found. The reading is the panel's: it is in the tools
//! part of the wasm, and the first view's wasm does not carry it.

use std::cell::RefCell;

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

use crate::opened_files::OpenedFiles;

/// What one drop handed over.
pub enum Dropped {
    /// Entries of the browser's file system (files and folders).
    Entries(Vec<FileSystemEntry>),
    /// Files, where the browser has no `webkitGetAsEntry`.
    Files(Vec<File>),
}

thread_local! {
    /// Drops the panel has not taken yet.
    static HANDED_OVER: RefCell<Vec<Dropped>> = const { RefCell::new(Vec::new()) };
}

/// Keep what was dropped for `open_handed_over`.
pub fn hand_over(dropped: Dropped) {
    HANDED_OVER.with_borrow_mut(|kept| kept.push(dropped));
}

/// The summary's name for what was dropped: the folder's own name when
/// one folder was dropped.
fn dropped_name(entries: &[FileSystemEntry]) -> String {
    let mut folders = entries.iter().filter(|e| e.is_directory());
    match (folders.next(), folders.next()) {
        (Some(only), None) => only.name(),
        _ => "拖入的文件夹".to_owned(),
    }
}

/// The next batch of `reader`'s entries; empty once all were given (or
/// when the folder cannot be read).
async fn next_entries(reader: &web_sys::FileSystemDirectoryReader) -> Array {
    let batch = Promise::new(&mut |ok, fail| {
        if let Err(e) = reader.read_entries_with_callback_and_callback(&ok, &fail) {
            let _ = fail.call1(&wasm_bindgen::JsValue::NULL, &e);
        }
    });
    JsFuture::from(batch)
        .await
        .map(JsCast::unchecked_into)
        .unwrap_or_default()
}

/// The file of a file entry, if the browser can still give it.
async fn file_of(entry: &FileSystemFileEntry) -> Option<File> {
    let file = Promise::new(&mut |ok, fail| {
        entry.file_with_callback_and_callback(&ok, &fail);
    });
    JsFuture::from(file).await.ok().map(JsCast::unchecked_into)
}

/// Every file under `entries`, folders walked to the bottom (hidden
/// folders such as `.git` passed over), in the order of their paths.
async fn files_under(entries: Vec<FileSystemEntry>) -> Vec<File> {
    let mut found = Vec::new();
    let mut waiting = entries;
    while let Some(entry) = waiting.pop() {
        if entry.is_directory() {
            if entry.name().starts_with('.') {
                continue;
            }
            let reader = entry
                .unchecked_ref::<FileSystemDirectoryEntry>()
                .create_reader();
            // `readEntries` gives at most 100 entries a call (Chromium).
            loop {
                let batch = next_entries(&reader).await;
                if batch.length() == 0 {
                    break;
                }
                waiting.extend(batch.iter().map(JsCast::unchecked_into));
            }
        } else if entry.is_file() {
            if let Some(file) = file_of(entry.unchecked_ref()).await {
                found.push((entry.full_path(), file));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.into_iter().map(|(_, file)| file).collect()
}

/// Open what was handed over: dropped files as files picked in the panel
/// are, a drop with a folder as a folder picked there is.
pub fn open_handed_over(opened: OpenedFiles) {
    let drops = HANDED_OVER.with_borrow_mut(std::mem::take);
    for dropped in drops {
        match dropped {
            Dropped::Files(files) => opened.open(files),
            Dropped::Entries(entries) => leptos::task::spawn_local(async move {
                let folder = entries
                    .iter()
                    .any(|e| e.is_directory())
                    .then(|| dropped_name(&entries));
                let files = files_under(entries).await;
                match folder {
                    Some(folder) => opened.open_folder_named(folder, files),
                    None => opened.open(files),
                }
            }),
        }
    }
}
