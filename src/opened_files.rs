//! The reader's own files (我的文件): opened from the 打开文件 panel or
//! dropped on the page, read by the worker (`importer`), added to the
//! collection (`content::add_opened`), kept in the browser (`file_store`)
//! and read again on the next visit. Nothing is sent anywhere.

use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wenji_core::library::{ListView, Source};
use wenji_core::opened::{in_folder, FolderReport, InFolder, OPENED_PREFIX};
use wenji_core::route::Route;

use crate::content::{self, TextArrival};
use crate::file_store::{self, Stored};
use crate::importer;
use crate::parts::lazy;
use crate::state::ReaderState;
use crate::ui::UiState;

/// A file open in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedFile {
    /// Its essay's address (`mine-…`).
    pub slug: String,
    /// Its file name, as the reader knows it.
    pub name: String,
}

/// Where opened files are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeping {
    /// In the browser, across visits.
    Kept,
    /// For this visit only: the browser has no storage for the page.
    VisitOnly,
}

#[derive(Clone, Copy)]
pub struct OpenedFiles {
    pub files: RwSignal<Vec<OpenedFile>>,
    /// Files waiting to be read, or being read.
    pub reading: RwSignal<usize>,
    /// What could not be opened: one line a file, naming it.
    pub problems: RwSignal<Vec<String>>,
    /// `None` until the store has been asked.
    pub keeping: RwSignal<Option<Keeping>>,
    /// Split new files into parts by the headings found (else as they are).
    pub split: RwSignal<bool>,
    /// Drops, each handed to the 打开文件 panel to read
    /// (`dropped::hand_over`).
    pub dropped: RwSignal<usize>,
    arrival: TextArrival,
    state: ReaderState,
    ui: UiState,
}

pub fn use_opened() -> OpenedFiles {
    expect_context::<OpenedFiles>()
}

impl OpenedFiles {
    pub fn new(state: ReaderState, ui: UiState, arrival: TextArrival) -> Self {
        Self {
            files: RwSignal::new(Vec::new()),
            reading: RwSignal::new(0),
            problems: RwSignal::new(Vec::new()),
            keeping: RwSignal::new(None),
            split: RwSignal::new(true),
            dropped: RwSignal::new(0),
            arrival,
            state,
            ui,
        }
    }

    /// Read the files kept from earlier visits back into the collection:
    /// by the tools part of the wasm (`read_kept`), fetched only where
    /// there are kept files, with the document reader.
    pub async fn restore(self) {
        let stored = match file_store::all().await {
            Ok(stored) => {
                self.keeping.set(Some(Keeping::Kept));
                stored
            }
            Err(_) => {
                self.keeping.set(Some(Keeping::VisitOnly));
                return;
            }
        };
        if stored.is_empty() {
            self.after_restore();
        } else if read_kept(self, stored).await.is_err() {
            self.ui.notify(crate::parts::UNAVAILABLE);
        }
    }

    /// `restore`'s reading, in the tools part.
    async fn read_all_kept(self, stored: Vec<Stored>) {
        self.reading.update(|n| *n += stored.len());
        for file in stored {
            let added = self.read(&file).await;
            self.reading.update(|n| *n -= 1);
            if added.is_err() {
                // A file this build cannot read any more is let go, not
                // kept failing on every visit; the reader is told once.
                let _ = file_store::delete(&file.slug).await;
            }
        }
        self.after_restore();
    }

    /// Once the kept files are back: the address, if it names one.
    fn after_restore(self) {
        // An address that names an opened file (a reload on it) shows it
        // now that it is back; the plain address keeps what it showed.
        let named = wenji_core::route::param(&crate::browser::address_search(), "essay");
        let Some(slug) = named else {
            return;
        };
        if content::collection().index_of(&slug).is_some() {
            if self.state.route.get_untracked() != Route::Essay(slug) {
                self.state.follow_address(None);
            }
        } else if slug.starts_with(OPENED_PREFIX) {
            // A link to a file opened in another browser (or since removed).
            self.ui
                .notify("链接里的文件是在别的浏览器中打开的，只在那里有；这里显示的是本站文集。");
        }
    }

    /// Open `files` (from the picker or a drop), one after the other, then
    /// show the last one read.
    pub fn open(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        self.problems.set(Vec::new());
        self.reading.update(|n| *n += files.len());
        leptos::task::spawn_local(async move {
            let mut last = None;
            for file in files {
                if let Ok(slug) = self.open_one(file).await {
                    last = Some(slug);
                }
            }
            // Shown whole once read; the panel stays open when something
            // could not be read, to say what.
            if let Some(slug) = last {
                if self.problems.with_untracked(Vec::is_empty) {
                    self.ui.close_panel();
                }
                crate::navigation::navigate_at(self.state, Route::Essay(slug), None);
            }
        });
    }

    /// Open every document of a folder (`files`, from a folder picker),
    /// skipping what is not one, then show the list of the reader's own
    /// files; one summary says what was opened, skipped and refused (each
    /// refused file also with its reason).
    pub fn open_folder(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        // `资料/2024/心得.docx` → `资料`.
        let folder = js_sys::Reflect::get(&files[0], &"webkitRelativePath".into())
            .ok()
            .and_then(|p| p.as_string())
            .and_then(|p| p.split('/').next().map(str::to_owned))
            .filter(|f| !f.is_empty())
            .unwrap_or_else(|| "所选文件夹".to_owned());
        self.open_folder_named(folder, files);
    }

    /// `open_folder` for the files of `folder` (its name, as the summary
    /// says it), found by the caller: a dropped folder's files do not know
    /// their folder.
    pub fn open_folder_named(self, folder: String, files: Vec<web_sys::File>) {
        let mut report = FolderReport {
            folder,
            ..FolderReport::default()
        };
        let mut documents = Vec::new();
        for file in files {
            match in_folder(&file.name()) {
                InFolder::Read => documents.push(file),
                InFolder::Skip => report.skipped.push(file.name()),
                InFolder::Ignore => {}
            }
        }
        self.problems.set(Vec::new());
        self.reading.update(|n| *n += documents.len());
        leptos::task::spawn_local(async move {
            for file in documents {
                match self.open_one(file).await {
                    Ok(_) => report.opened += 1,
                    Err(()) => report.failed += 1,
                }
            }
            self.problems.update(|p| p.insert(0, report.summary()));
            if report.opened > 0 {
                let mine = ListView {
                    source: Some(Source::Mine),
                    ..self.state.list.get_untracked()
                };
                self.state.list.set(mine);
                crate::navigation::navigate_at(self.state, Route::List, None);
            }
        });
    }

    /// Read picked `file`, add it and keep it; its address. What went
    /// wrong is said in `problems`.
    async fn open_one(self, file: web_sys::File) -> Result<String, ()> {
        let name = file.name();
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => Uint8Array::new(&buffer),
            Err(_) => {
                // Only where the browser has no `webkitGetAsEntry` (dropped.rs
                // walks folders elsewhere) does a dropped folder arrive as a
                // file that cannot be read.
                self.problem(&name, "无法读取文件（如果是文件夹，请用“选择文件夹…”打开）");
                self.reading.update(|n| *n -= 1);
                return Err(());
            }
        };
        let stored = Stored {
            slug: String::new(),
            name,
            split: self.split.get_untracked(),
            bytes,
        };
        self.keep(stored).await.map(|(slug, _)| slug)
    }

    /// Read `stored`, add it and keep it in the browser, one of the files
    /// being read done; its address, and whether it was not open already.
    async fn keep(self, stored: Stored) -> Result<(String, bool), ()> {
        let read = self.read(&stored).await;
        if let Ok((slug, _)) = &read {
            let kept = Stored {
                slug: slug.clone(),
                ..stored
            };
            if file_store::put(&kept).await.is_err() {
                self.keeping.set(Some(Keeping::VisitOnly));
            }
        }
        self.reading.update(|n| *n -= 1);
        read
    }

    /// Close the file `slug` and forget it.
    pub fn remove(self, slug: String) {
        if self.state.route.get_untracked() == Route::Essay(slug.clone()) {
            // Away first, to the page the plain address will show (the
            // list, or the only essay left): the file's page never sees
            // its essay gone.
            let all = content::collection();
            let left = all
                .essays
                .iter()
                .map(|e| e.slug.as_str())
                .filter(|s| *s != slug);
            crate::navigation::navigate_at(self.state, Route::home(left), None);
        }
        self.files.update(|f| f.retain(|x| x.slug != slug));
        // Once the page shown has been rebuilt without it.
        request_animation_frame(move || {
            if content::remove_opened(&slug) {
                self.arrival.essays.update(|n| *n -= 1);
                self.state.rewrite_address();
            }
            leptos::task::spawn_local(async move {
                let _ = file_store::delete(&slug).await;
            });
        });
    }

    /// Open and keep the files of a backup (`backup`), without showing
    /// them; how many were not open yet. What cannot be read is said in
    /// `problems`, as for a file opened by hand.
    pub async fn restore_files(self, files: Vec<wenji_core::backup::BackupFile>) -> usize {
        self.problems.set(Vec::new());
        self.reading.update(|n| *n += files.len());
        let mut new = 0;
        for file in files {
            let stored = Stored {
                slug: String::new(),
                name: file.name,
                split: file.split,
                bytes: Uint8Array::from(file.bytes.as_slice()),
            };
            if let Ok((_, added)) = self.keep(stored).await {
                new += usize::from(added);
            }
        }
        new
    }

    /// Read `file` in the worker and add it; returns its address, and
    /// whether it was not open already.
    async fn read(self, file: &Stored) -> Result<(String, bool), ()> {
        let answer = importer::read(&file.name, &file.bytes, file.split)
            .await
            .map_err(|message| self.problem(&file.name, &message))?;
        // A long file's text took a while to take over: adding it, as long
        // again, waits for the page's turn.
        crate::browser::later_task().await;
        let added = content::add_opened(&answer.index, &answer.chunk)
            .map_err(|content::LoadError(message)| self.problem(&file.name, &message))?;
        if added.new {
            self.arrival.essays.update(|n| *n += 1);
        }
        let (slug, new) = (added.slug, added.new);
        self.files.update(|files| {
            if !files.iter().any(|f| f.slug == slug) {
                files.push(OpenedFile {
                    slug: slug.clone(),
                    name: file.name.clone(),
                });
            }
        });
        Ok((slug, new))
    }

    fn problem(self, name: &str, message: &str) {
        self.problems
            .update(|p| p.push(format!("{name}：{message}")));
    }
}

lazy! {
    /// `OpenedFiles::restore`'s reading of the kept files `stored`.
    fn read_kept(opened: OpenedFiles, stored: Vec<Stored>) {
        leptos::task::spawn_local(opened.read_all_kept(stored))
    }
    in tools;
}
