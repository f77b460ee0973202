//! Where the files a reader opened are kept between visits: IndexedDB, as
//! their original bytes (read again on each visit, so that a better reader
//! in a later build reads them better). Nothing leaves the browser.
//!
//! Where IndexedDB is missing or refuses (some private windows, some
//! `file://` pages), every call fails and the caller keeps the files for
//! the visit only, and says so.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbObjectStore, IdbTransactionMode};
use wenji_core::order::sort_positions;

use crate::idb::{done, open, Unavailable, OPENED_FILES as STORE};

/// A file as kept: what it was called, how it was read, its bytes.
pub struct Stored {
    pub slug: String,
    pub name: String,
    pub split: bool,
    pub bytes: Uint8Array,
}

/// Every kept file, in the order they were opened.
pub async fn all() -> Result<Vec<Stored>, Unavailable> {
    let store = store(IdbTransactionMode::Readonly).await?;
    let list = done(&store.get_all().map_err(|_| Unavailable)?).await?;
    let files: Vec<(f64, Stored)> = Array::from(&list)
        .iter()
        .filter_map(|record| {
            let get = |k: &str| Reflect::get(&record, &k.into()).ok();
            Some((
                get("opened")?.as_f64().unwrap_or(0.0),
                Stored {
                    slug: get("slug")?.as_string()?,
                    name: get("name")?.as_string()?,
                    split: get("split")?.as_bool().unwrap_or(true),
                    bytes: get("bytes")?.dyn_into().ok()?,
                },
            ))
        })
        .collect();
    // The library's sort (type-erased, so no second sort in the wasm).
    let mut order: Vec<usize> = (0..files.len()).collect();
    sort_positions(&mut order, &|a, b| files[a].0.total_cmp(&files[b].0));
    let mut files: Vec<Option<Stored>> = files.into_iter().map(|(_, f)| Some(f)).collect();
    Ok(order.into_iter().filter_map(|i| files[i].take()).collect())
}

/// Keep `file` (replacing one of the same slug).
pub async fn put(file: &Stored) -> Result<(), Unavailable> {
    let record = Object::new();
    let set = |k: &str, v: &JsValue| Reflect::set(&record, &k.into(), v).map_err(|_| Unavailable);
    set("slug", &file.slug.as_str().into())?;
    set("name", &file.name.as_str().into())?;
    set("split", &file.split.into())?;
    set("bytes", &file.bytes)?;
    set("opened", &js_sys::Date::now().into())?;
    let store = store(IdbTransactionMode::Readwrite).await?;
    done(&store.put(&record).map_err(|_| Unavailable)?).await?;
    crate::persist::ask();
    Ok(())
}

/// Forget the file `slug`.
pub async fn delete(slug: &str) -> Result<(), Unavailable> {
    let store = store(IdbTransactionMode::Readwrite).await?;
    done(&store.delete(&slug.into()).map_err(|_| Unavailable)?).await?;
    Ok(())
}

async fn store(mode: IdbTransactionMode) -> Result<IdbObjectStore, Unavailable> {
    let db = open().await?;
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(|_| Unavailable)
}
