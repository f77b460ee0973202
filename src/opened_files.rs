//! The reader's own files (我的文件): opened from the 打开文件 panel or
//! dropped on the page, read by the worker (`importer`), added to the
//! collection (`content::add_opened`), kept in the browser (`file_store`)
//! and read again on the next visit. Nothing is sent anywhere.

use js_sys::Uint8Array;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wenji_core::route::Route;

use crate::content::{self, TextArrival};
use crate::file_store::{self, Stored};
use crate::importer;
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
            arrival,
            state,
            ui,
        }
    }

    /// Read the files kept from earlier visits back into the collection.
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
        // An address that names an opened file (a reload on it) shows it
        // now that it is back; the plain address keeps what it showed.
        let named = wenji_core::route::param(&crate::browser::address_search(), "essay");
        if let Some(slug) = named.filter(|s| content::collection().index_of(s).is_some()) {
            if self.state.route.get_untracked() != Route::Essay(slug) {
                self.state.follow_address(None);
            }
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
        let split = self.split.get_untracked();
        leptos::task::spawn_local(async move {
            let mut last = None;
            for file in files {
                let name = file.name();
                let bytes = match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => Uint8Array::new(&buffer),
                    Err(_) => {
                        self.problem(&name, "无法读取文件");
                        self.reading.update(|n| *n -= 1);
                        continue;
                    }
                };
                let stored = Stored {
                    slug: String::new(),
                    name,
                    split,
                    bytes,
                };
                if let Ok(slug) = self.read(&stored).await {
                    let kept = Stored {
                        slug: slug.clone(),
                        ..stored
                    };
                    if file_store::put(&kept).await.is_err() {
                        self.keeping.set(Some(Keeping::VisitOnly));
                    }
                    last = Some(slug);
                }
                self.reading.update(|n| *n -= 1);
            }
            // Shown whole once read; the panel stays open when something
            // could not be read, to say what.
            if let Some(slug) = last {
                if self.problems.with_untracked(Vec::is_empty) {
                    self.ui.close_panel();
                }
                self.state.navigate_at(Route::Essay(slug), None);
            }
        });
    }

    /// Close the file `slug` and forget it.
    pub fn remove(self, slug: String) {
        if self.state.route.get_untracked() == Route::Essay(slug.clone()) {
            // Away first, to the page the plain address will show (the
            // list, or the only essay left): the file's page never sees
            // its essay gone.
            let left = content::collection()
                .essays
                .iter()
                .map(|e| e.slug.as_str())
                .filter(|s| *s != slug);
            self.state.navigate_at(Route::home(left), None);
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

    /// Read `file` in the worker and add it; returns its address.
    async fn read(self, file: &Stored) -> Result<String, ()> {
        let answer = importer::read(&file.name, &file.bytes, file.split)
            .await
            .map_err(|message| self.problem(&file.name, &message))?;
        let added = content::add_opened(&answer.index, &answer.chunk)
            .map_err(|content::LoadError(message)| self.problem(&file.name, &message))?;
        if added.new {
            self.arrival.essays.update(|n| *n += 1);
        }
        let slug = added.slug;
        self.files.update(|files| {
            if !files.iter().any(|f| f.slug == slug) {
                files.push(OpenedFile {
                    slug: slug.clone(),
                    name: file.name.clone(),
                });
            }
        });
        Ok(slug)
    }

    fn problem(self, name: &str, message: &str) {
        self.problems
            .update(|p| p.push(format!("{name}：{message}")));
    }
}
