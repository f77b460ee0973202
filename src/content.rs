//! The collection, read at start-up from the data files the build wrote
//! (`wenji_core::data`): the index first (every essay's facts and the search
//! tables), then the text chunks as they arrive. Everything read is kept
//! for the page's life, so views borrow it as `&'static`.
//!
//! The served site fetches the files (the page names the index in
//! `<meta name="wenji-data">` and starts its fetch beside the wasm's); the single
//! file carries them inline, each in a `<script type="text/plain"
//! data-wenji-file="…">`.
//!
//! Files a reader opens in the page (`opened_files`) join the collection
//! after its own essays, in the same format: the collection then changes,
//! so it is kept as a whole that is replaced (never edited in place), and
//! reading it tracks a trigger, so that what was computed from it is
//! computed again. A replaced whole is freed when nothing holds it: only
//! the essays' text is borrowed as `&'static` by views, and each opened
//! file's is kept once, however often it is opened and closed.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wenji_core::data::{decode_chunk, decode_index, Index};
use wenji_core::single_file::{EARLY_FETCH, SHARED_KIND};
use wenji_core::{Collection, Essay};
use wenji_search::collate::{self, title_key};
use wenji_search::filter::EssayIndex;
use wenji_search::Tables;

/// The site's own essays, read once and kept for the page's life (views
/// borrow their text as `&'static`).
struct Site {
    /// The essays without their text, and which chunk holds each one's.
    index: Index,
    /// Each essay with its text, once its chunk has arrived.
    full: Vec<OnceLock<&'static Essay>>,
    /// Each essay folded for the search, built on first use.
    folded: Vec<OnceLock<&'static EssayIndex>>,
    scopes: Vec<String>,
    /// The collection while no file is open.
    alone: Whole,
}

/// A file the reader opened: kept once per file (its address names its
/// bytes), so opening it again, after closing it, allocates nothing.
struct Opened {
    /// The essay without its text, as the collection lists it.
    meta: Essay,
    essay: &'static Essay,
    folded: OnceLock<&'static EssayIndex>,
    scope: String,
    /// The tables of the file's own characters.
    tables: Tables,
}

/// The collection as a whole: its essays without their text, the search
/// tables of all their characters, and what the titles sort by.
struct Whole {
    collection: Arc<Collection>,
    tables: Tables,
    /// What each title sorts by (`wenji_search::collate`), made when the
    /// list is first sorted by title.
    title_keys: OnceLock<Vec<String>>,
}

impl Whole {
    fn new(collection: Collection, tables: Tables) -> Self {
        Whole {
            collection: Arc::new(collection),
            tables,
            title_keys: OnceLock::new(),
        }
    }
}

/// The collection while files are open: the site's essays, then theirs.
/// Replaced when a file joins or leaves (and dropped when the last one
/// leaves), only ever by the files' own code: the page's first view
/// borrows it and never drops it.
struct WithOpened {
    opened: Vec<&'static Opened>,
    whole: Whole,
}

thread_local! {
    // Per thread rather than global: the page has one thread, and each of
    // the host's prerender tests keeps a collection of its own.
    static SITE: Cell<Option<&'static Site>> = const { Cell::new(None) };
    static OPENED: RefCell<Option<WithOpened>> = const { RefCell::new(None) };
    /// Every file opened in this page, open or closed since.
    static KEPT: RefCell<Vec<&'static Opened>> = const { RefCell::new(Vec::new()) };
    /// Notified when an opened file joins or leaves the collection.
    static CHANGED: ArcTrigger = ArcTrigger::new();
}

fn site() -> &'static Site {
    SITE.get().expect("the index is read before the app mounts")
}

/// `f` of the collection as it stands, and of the files open in it.
fn with_whole<T>(f: impl FnOnce(&Whole, &[&'static Opened]) -> T) -> T {
    let site = site();
    OPENED.with_borrow(|o| match o {
        Some(o) => f(&o.whole, &o.opened),
        None => f(&site.alone, &[]),
    })
}

/// Every essay of the collection, without its text (the list needs no
/// more). Tracked: a reactive reader runs again when files are opened.
pub fn collection() -> Arc<Collection> {
    CHANGED.with(|c| c.track());
    with_whole(|w, _| w.collection.clone())
}

/// `f` of the search tables of every essay's characters (tracked like
/// `collection`: an opened file brings its own).
pub fn with_tables<T>(f: impl FnOnce(&Tables) -> T) -> T {
    CHANGED.with(|c| c.track());
    with_whole(|w, _| f(&w.tables))
}

/// The opened file at essay position `i`, if `i` is one.
fn opened_at(i: usize) -> Option<&'static Opened> {
    let k = i.checked_sub(site_len())?;
    with_whole(|_, opened| opened.get(k).copied())
}

/// Essay `i` with its text, once that has arrived.
pub fn full_essay(i: usize) -> Option<&'static Essay> {
    match opened_at(i) {
        Some(o) => Some(o.essay),
        None => site().full.get(i)?.get().copied(),
    }
}

/// Essay `i` as far as it is known: with its text once that has arrived.
pub fn essay_at(i: usize) -> &'static Essay {
    full_essay(i).unwrap_or_else(|| &site().index.essays[i])
}

/// Essay `i` folded for the search, when its text has arrived.
pub fn search_index(i: usize) -> Option<&'static EssayIndex> {
    let essay = full_essay(i)?;
    Some(
        index_cell(i).get_or_init(|| {
            with_whole(|w, _| Box::leak(Box::new(EssayIndex::new(essay, &w.tables))))
        }),
    )
}

/// Essay `i`'s search index if it is built.
pub fn built_index(i: usize) -> Option<&'static EssayIndex> {
    index_cell(i).get().copied()
}

/// Keep essay `i`'s search index, built a part at a time elsewhere (a
/// long essay's); the one kept before, if any, stands.
pub fn keep_search_index(i: usize, index: EssayIndex) -> &'static EssayIndex {
    index_cell(i).get_or_init(|| Box::leak(Box::new(index)))
}

fn index_cell(i: usize) -> &'static OnceLock<&'static EssayIndex> {
    match opened_at(i) {
        Some(o) => &o.folded,
        None => &site().folded[i],
    }
}

/// Id prefix of essay `i` where several essays share the page (`slug--`),
/// so that `篇章一` of one essay and of another stay distinct.
pub fn group_scope(i: usize) -> &'static str {
    match opened_at(i) {
        Some(o) => o.scope.as_str(),
        None => site().scopes[i].as_str(),
    }
}

/// Essays `a` and `b` in the order of their titles, as a reader looks a
/// title up: by pinyin (`wenji_search::collate`).
pub fn by_title(a: usize, b: usize) -> std::cmp::Ordering {
    with_whole(|w, _| {
        let essays = &w.collection.essays;
        let keys = w.title_keys.get_or_init(|| {
            essays
                .iter()
                .map(|e| title_key(&e.title, &w.tables))
                .collect()
        });
        collate::by_title((&keys[a], &essays[a].title), (&keys[b], &essays[b].title))
    })
}

/// The id prefix of an essay (see `group_scope`).
fn scope_of(essay: &Essay) -> String {
    format!("{}--", essay.slug)
}

/// How much of the collection's text has arrived (reactive), shared by
/// whatever waits for text: the essay page, the search, the progress line.
#[derive(Clone, Copy)]
pub struct TextArrival {
    /// Essays whose text has arrived.
    pub essays: RwSignal<usize>,
    /// A chunk that could not be read: what to tell the reader.
    pub failed: RwSignal<Option<String>>,
}

impl TextArrival {
    pub fn total(&self) -> usize {
        collection().essays.len()
    }

    /// Has every essay's text arrived? (reactive)
    pub fn complete(&self) -> bool {
        self.essays.get() >= self.total()
    }
}

pub fn use_arrival() -> TextArrival {
    expect_context::<TextArrival>()
}

/// Why the data could not be read, in the reader's words.
#[derive(Debug)]
pub struct LoadError(pub String);

/// Read the index; then the chunk of the essay the address shows (when it
/// names one), so that the first view is whole when the app mounts.
pub async fn load_index() -> Result<(), LoadError> {
    let name = document()
        .query_selector(r#"meta[name="wenji-data"]"#)
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .ok_or_else(|| LoadError("页面没有指明文集数据".into()))?;
    let text = read_file(&name).await?;
    keep_index(&name, &text)
}

/// Keep the index `text` (file `name`) as the collection of this page.
pub fn keep_index(name: &str, text: &str) -> Result<(), LoadError> {
    if SITE.get().is_some() {
        return Err(LoadError("文集数据已读取".into()));
    }
    let index =
        decode_index(text).map_err(|e| LoadError(format!("文集数据有误（{name}，{e}）")))?;
    let n = index.essays.len();
    let tables = Tables::from_compact(&index.tables);
    SITE.set(Some(Box::leak(Box::new(Site {
        scopes: index.essays.iter().map(scope_of).collect(),
        alone: Whole::new(index.collection(), tables),
        index,
        full: (0..n).map(|_| OnceLock::new()).collect(),
        folded: (0..n).map(|_| OnceLock::new()).collect(),
    }))));
    Ok(())
}

/// How many essays are the site's own (the opened files follow them).
pub fn site_len() -> usize {
    site().index.essays.len()
}

/// Is essay `i` a file the reader opened?
pub fn is_opened(i: usize) -> bool {
    i >= site_len()
}

/// An opened file in the collection: its essay's address, and whether it
/// joined now (else it was open already).
pub struct Added {
    pub slug: String,
    pub new: bool,
}

/// Add the essay of an opened file, given in the collection's format (the
/// worker's answer: a one-essay index with its tables, and its chunk).
/// A file already open is not added twice.
pub fn add_opened(index_text: &str, chunk_text: &str) -> Result<Added, LoadError> {
    let bad = |e: wenji_core::data::DataError| LoadError(format!("文件读取有误（{e}）"));
    let index = decode_index(index_text).map_err(bad)?;
    let mut chunk = decode_chunk(chunk_text).map_err(bad)?;
    let (Some(meta), Some((_, parts))) = (index.essays.into_iter().next(), chunk.pop()) else {
        return Err(LoadError("文件读取有误（没有文章）".into()));
    };
    let slug = meta.slug.clone();
    if collection().index_of(&slug).is_some() {
        return Ok(Added { slug, new: false });
    }
    let kept = KEPT.with_borrow(|k| k.iter().find(|o| o.essay.slug == slug).copied());
    let file = kept.unwrap_or_else(|| {
        let file: &'static Opened = Box::leak(Box::new(Opened {
            scope: scope_of(&meta),
            essay: Box::leak(Box::new(Essay {
                parts,
                ..meta.clone()
            })),
            meta,
            folded: OnceLock::new(),
            tables: Tables::from_compact(&index.tables),
        }));
        KEPT.with_borrow_mut(|k| k.push(file));
        file
    });
    let mut opened = with_whole(|_, o| o.to_vec());
    opened.push(file);
    open_only(opened);
    Ok(Added { slug, new: true })
}

/// Take the opened file `slug` out of the collection (never the site's
/// own essays). Returns whether it was there.
pub fn remove_opened(slug: &str) -> bool {
    let Some(gone) = collection().index_of(slug).filter(|&i| is_opened(i)) else {
        return false;
    };
    let mut opened = with_whole(|_, o| o.to_vec());
    opened.remove(gone - site_len());
    open_only(opened);
    true
}

/// The collection with `opened` after the site's essays. Its tables are
/// the site's and theirs, no more: nothing of a closed file stays in them.
fn open_only(opened: Vec<&'static Opened>) {
    let site = site();
    let next = (!opened.is_empty()).then(|| {
        let mut essays = site.index.essays.clone();
        let mut tables = site.alone.tables.clone();
        for o in &opened {
            essays.push(o.meta.clone());
            tables.merge(&o.tables);
        }
        WithOpened {
            opened,
            whole: Whole::new(Collection { essays }, tables),
        }
    });
    OPENED.set(next);
    CHANGED.with(|c| c.notify());
}

/// Read chunk `chunk` and keep its essays; returns how many arrived.
pub async fn load_chunk(chunk: usize) -> Result<usize, LoadError> {
    let site = site();
    if site.index.essays_in(chunk).all(|i| full_essay(i).is_some()) {
        return Ok(0);
    }
    let name = &site.index.chunks[chunk];
    let text = read_file(name).await?;
    keep_chunk(name, &text)
}

/// Keep the essays of chunk `text` (file `name`); returns how many were new.
pub fn keep_chunk(name: &str, text: &str) -> Result<usize, LoadError> {
    let site = site();
    let essays =
        decode_chunk(text).map_err(|e| LoadError(format!("文集数据有误（{name}，{e}）")))?;
    let mut arrived = 0;
    for (i, parts) in essays {
        let Some(meta) = site.index.essays.get(i) else {
            return Err(LoadError(format!("文集数据有误（{name}，没有第 {i} 篇）")));
        };
        if site.full[i].get().is_some() {
            continue;
        }
        let essay: &'static Essay = Box::leak(Box::new(Essay {
            parts,
            ..meta.clone()
        }));
        let _ = site.full[i].set(essay);
        arrived += 1;
    }
    Ok(arrived)
}

/// The chunk that holds essay `i` (`None` for an opened file).
pub fn chunk_of(i: usize) -> Option<usize> {
    site().index.chunk_of.get(i).copied()
}

pub fn chunk_count() -> usize {
    site().index.chunks.len()
}

/// The fetch of `name` the served page started as it loaded, taken once
/// (`EARLY_FETCH`), or a new one (also where the page has none).
fn early_fetch(name: &str) -> js_sys::Promise {
    js_sys::Reflect::get(&js_sys::global(), &EARLY_FETCH.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&JsValue::NULL, &name.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .unwrap_or_else(|| window().fetch_with_str(name))
}

/// A data file of the collection: from the page itself in the single
/// file, else fetched from beside the page (or taken from the page's early
/// fetch of it).
async fn read_file(name: &str) -> Result<String, LoadError> {
    read_data("file", name).await
}

/// A data file the app itself reads, the same for any collection (in the
/// single file, a block of `SHARED_KIND`).
pub(crate) async fn read_shared(name: &str) -> Result<String, LoadError> {
    read_data(SHARED_KIND, name).await
}

async fn read_data(kind: &str, name: &str) -> Result<String, LoadError> {
    let attribute = format!("data-wenji-{kind}");
    let inline = document()
        .query_selector_all(&format!("script[type='text/plain'][{attribute}]"))
        .ok()
        .and_then(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                .find(|e| e.get_attribute(&attribute).as_deref() == Some(name))
        });
    if let Some(script) = inline {
        return Ok(script.text_content().unwrap_or_default());
    }
    let failed = || LoadError(format!("无法读取文集数据 {name}"));
    fetched_text(early_fetch(name)).await.ok_or_else(failed)
}

/// The text a `fetch` answered, if it answered with success.
pub async fn fetched_text(fetch: js_sys::Promise) -> Option<String> {
    let response = JsFuture::from(fetch)
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
