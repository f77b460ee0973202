//! The reader's 摘抄本 in the page: excerpts added from a selection or a
//! whole sub-section, reordered, noted, removed and exported; kept in the
//! browser (`notebook_store`), for the visit only where it keeps nothing.
//! The excerpts themselves, their anchoring and their files are
//! `wenji_core::notebook`; the Word file is written by the worker.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wenji_core::clipboard::to_plain;
use wenji_core::notebook::{context_of, locate, Excerpt, Notebook, Removed, Span};
use wenji_core::route::Route;
use wenji_core::takeaway::Format;
use wenji_core::{Essay, Place};

use crate::content::{collection, essay_at, full_essay};
use crate::opened_files::Keeping;
use crate::state::ReaderState;
use crate::ui::UiState;
use crate::{download, importer, notebook_store, selection_copy, takeaway};

thread_local! {
    /// The last save asked for.
    static SAVING: std::cell::RefCell<Option<js_sys::Promise>> =
        const { std::cell::RefCell::new(None) };
}

#[derive(Clone, Copy)]
pub struct NotebookState {
    pub book: RwSignal<Notebook>,
    /// `None` until the store has been asked.
    pub keeping: RwSignal<Option<Keeping>>,
    /// The excerpt the reader jumped to, marked apart in the text.
    pub current: RwSignal<Option<u64>>,
    state: ReaderState,
    ui: UiState,
}

pub fn use_notebook() -> NotebookState {
    expect_context::<NotebookState>()
}

impl NotebookState {
    pub fn new(state: ReaderState, ui: UiState) -> Self {
        Self {
            book: RwSignal::new(Notebook::default()),
            keeping: RwSignal::new(None),
            current: RwSignal::new(None),
            state,
            ui,
        }
    }

    /// Read the notebook kept from earlier visits.
    pub async fn restore(self) {
        match notebook_store::load().await {
            Ok(text) => {
                if let Some(book) = text.and_then(|t| Notebook::decode(&t).ok()) {
                    self.book.set(book);
                }
                self.keeping.set(Some(Keeping::Kept));
            }
            Err(_) => self.keeping.set(Some(Keeping::VisitOnly)),
        }
    }

    /// Change the notebook and keep it.
    fn change(self, f: impl FnOnce(&mut Notebook) -> bool) {
        let mut changed = false;
        self.book.update(|b| changed = f(b));
        if !changed {
            return;
        }
        let text = self.book.with_untracked(Notebook::encode);
        // Saves run one after the other, so that an older one never lands
        // after a newer one.
        let mut done = None;
        let mine = js_sys::Promise::new(&mut |resolve, _| done = Some(resolve));
        let before = SAVING.replace(Some(mine));
        leptos::task::spawn_local(async move {
            if let Some(before) = before {
                let _ = wasm_bindgen_futures::JsFuture::from(before).await;
            }
            if notebook_store::save(&text).await.is_err() {
                self.keeping.set(Some(Keeping::VisitOnly));
            }
            if let Some(done) = done {
                let _ = done.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
    }

    pub fn add(self, mut excerpt: Excerpt) {
        let now = js_sys::Date::now() as u64;
        let mut count = 0;
        self.change(|b| {
            excerpt.id = b.new_id(now);
            b.add(excerpt);
            count = b.excerpts.len();
            true
        });
        // No break inside `2 条` on a narrow screen.
        self.ui
            .notify(format!("已加入摘抄本（共\u{a0}{count}\u{a0}条）"));
    }

    /// Add the excerpts of `from` not here yet (a backup restored); how
    /// many were added.
    pub fn merge(self, from: Notebook) -> usize {
        let mut added = 0;
        self.change(|b| {
            added = wenji_core::backup::merge_notebook(b, from);
            added > 0
        });
        added
    }

    /// Take excerpt `id` out; what `put_back` needs to undo it.
    pub fn remove(self, id: u64) -> Option<Removed> {
        let mut removed = None;
        self.change(|b| {
            removed = b.take(id);
            removed.is_some()
        });
        removed
    }

    /// Undo `remove`; whether the excerpt is back.
    pub fn put_back(self, removed: Removed) -> bool {
        let mut back = false;
        self.change(|b| {
            back = b.put_back(removed);
            back
        });
        back
    }

    pub fn step(self, id: u64, by: isize) {
        self.change(|b| b.step(id, by));
    }

    pub fn move_to(self, id: u64, to: usize) {
        self.change(|b| b.move_to(id, to));
    }

    pub fn set_note(self, id: u64, note: String) {
        self.change(|b| {
            let same = b.excerpts.iter().any(|e| e.id == id && e.note == note);
            b.set_note(id, &note);
            !same
        });
    }

    /// Add what is selected in the essay on screen; whether there was
    /// something to add.
    pub fn add_selection(self) -> bool {
        let Some(excerpt) = self
            .state
            .essay_on_page()
            .and_then(|i| selection_excerpt(i, essay_at(i)))
        else {
            return false;
        };
        self.add(excerpt);
        if let Ok(Some(s)) = window().get_selection() {
            let _ = s.remove_all_ranges();
        }
        true
    }

    /// Show excerpt `id` where it stands in its essay.
    pub fn jump(self, id: u64) {
        let Some(e) = self
            .book
            .with_untracked(|b| b.excerpts.iter().find(|e| e.id == id).cloned())
        else {
            return;
        };
        let Some(i) = collection().index_of(&e.essay) else {
            self.ui.notify(format!("《{}》已不在文集中", e.essay_title));
            return;
        };
        let fragment = full_essay(i)
            .and_then(|essay| locate(essay, i, &e))
            .and_then(|spans| {
                spans
                    .first()
                    .map(|s| essay_at(i).heading_at(s.place).0.to_owned())
            })
            .unwrap_or(e.fragment.clone());
        self.current.set(Some(id));
        self.ui.panel.set(None);
        crate::navigation::navigate_at(self.state, Route::Essay(e.essay.clone()), Some(&fragment));
    }

    /// Offer the notebook as a file.
    pub fn export(self, format: Format) {
        let excerpts = self.book.get_untracked().excerpts;
        let text = wenji_core::notebook::export(&excerpts, format, &link);
        let name = format!("摘抄本.{}", format.extension());
        if download::save(&name, format.mime(), &format.file_text(&text)) {
            self.ui.notify(format!("已导出 {name}"));
        }
    }

    /// Offer the notebook as a Word file, written by the worker.
    pub fn export_docx(self) {
        let book = self.book.get_untracked();
        let links: Vec<String> = book.excerpts.iter().map(link).collect();
        let ui = self.ui;
        ui.notify("正在生成 Word 文件…");
        leptos::task::spawn_local(async move {
            match importer::notebook_docx(&book.encode(), &links).await {
                Ok(bytes) => {
                    if download::save_bytes("摘抄本.docx", DOCX_MIME, &bytes) {
                        ui.notify("已导出 摘抄本.docx");
                    }
                }
                Err(message) => ui.notify(message),
            }
        });
    }
}

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The address of an excerpt's source: its essay's page, at its part or
/// sub-section.
fn link(e: &Excerpt) -> String {
    let page = match collection().essay(&e.essay) {
        Some(essay) => takeaway::page(essay),
        None => {
            let href = window().location().href().unwrap_or_default();
            wenji_core::takeaway::page_address(&href, &format!("?essay={}", e.essay))
        }
    };
    format!(
        "{page}#{}",
        wenji_core::route::encode_component(&e.fragment)
    )
}

/// An excerpt of the whole part or sub-section at `place`.
pub fn place_excerpt(place: Place) -> Excerpt {
    let essay = essay_at(place.essay);
    let part = &essay.parts[place.part];
    let quote = match place.section {
        Some(s) => part.sections[s]
            .paragraphs()
            .into_iter()
            .map(|p| p.text)
            .collect::<Vec<_>>(),
        None => part
            .lead
            .iter()
            .map(|p| p.text.clone())
            .chain(
                part.sections
                    .iter()
                    .flat_map(|s| s.paragraphs().into_iter().map(|p| p.text)),
            )
            .collect(),
    };
    new_excerpt(essay, place, quote.join("\n"), String::new(), String::new())
}

fn new_excerpt(
    essay: &Essay,
    place: Place,
    quote: String,
    before: String,
    after: String,
) -> Excerpt {
    let part = &essay.parts[place.part];
    let (id, _) = essay.heading_at(place);
    let cited = match place.section {
        Some(s) => format!("{} · {}", part.title, part.sections[s].heading),
        None => part.title.clone(),
    };
    Excerpt {
        id: 0,
        essay: essay.slug.clone(),
        essay_title: essay.title.clone(),
        cited,
        fragment: id.to_owned(),
        quote,
        before,
        after,
        note: String::new(),
    }
}

/// The selection, when it lies in the text of essay `index` (`essay`).
fn selection_excerpt(index: usize, essay: &Essay) -> Option<Excerpt> {
    let selection = window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let element_of = |node: web_sys::Node| -> Option<web_sys::Element> {
        match node.dyn_ref::<web_sys::Element>() {
            Some(e) => Some(e.clone()),
            None => node.parent_element(),
        }
    };
    let start = element_of(range.start_container().ok()?)?;
    start.closest("main article").ok()??;
    let section = start.closest("section.part, section.sub").ok()??;
    let place = essay.place_of(index, &section.id())?;
    let quote = to_plain(&selection_copy::selected_blocks()?);
    if quote.trim().is_empty() {
        return None;
    }
    // A little of the text around it, from its own paragraphs.
    let block_text = |node: web_sys::Node, offset: u32, before: bool| -> Option<String> {
        let block = element_of(node.clone())?.closest("p, h2, h3").ok()??;
        let r = document().create_range().ok()?;
        if before {
            r.set_start(&block, 0).ok()?;
            r.set_end(&node, offset).ok()?;
        } else {
            r.set_start(&node, offset).ok()?;
            r.set_end_after(&block.last_child()?).ok()?;
        }
        Some(String::from(r.to_string()))
    };
    let before = block_text(
        range.start_container().ok()?,
        range.start_offset().ok()?,
        true,
    )
    .unwrap_or_default();
    let after = block_text(range.end_container().ok()?, range.end_offset().ok()?, false)
        .unwrap_or_default();
    let context = format!("{before}{after}");
    let (before, after) = context_of(&context, before.len(), "");
    Some(new_excerpt(essay, place, quote, before, after))
}

/// Where each excerpt of essay `index` is in its text, by excerpt.
pub fn spans_in(book: &Notebook, index: usize) -> Vec<(u64, Vec<Span>)> {
    let Some(essay) = full_essay(index) else {
        return Vec::new();
    };
    book.excerpts
        .iter()
        .filter(|e| e.essay == essay.slug)
        .filter_map(|e| Some((e.id, locate(essay, index, e)?)))
        .collect()
}
