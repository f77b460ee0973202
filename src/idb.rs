//! The page's IndexedDB database (`wenji`): its stores, opened (and made
//! or upgraded) in one place, and a request as a future. Where IndexedDB is
//! missing or refuses (some private windows, some `file://` pages), every
//! call fails with `Unavailable` and the caller keeps things for the visit.

use std::cell::RefCell;

use js_sys::Promise;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbRequest};

const DATABASE: &str = "wenji";
/// 1: the opened files; 2: the notebook too.
const VERSION: u32 = 2;
/// The files a reader opened, by slug.
pub const OPENED_FILES: &str = "opened-files";
/// The notebook, one record (`NOTEBOOK_KEY`).
pub const NOTEBOOK: &str = "notebook";
pub const NOTEBOOK_KEY: &str = "notebook";

/// IndexedDB is not there or refused.
#[derive(Debug)]
pub struct Unavailable;

thread_local! {
    /// The database once opened: one connection for the page's life, not
    /// one per call (each held until collected, and each blocking another
    /// tab's newer build from upgrading the database).
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// The database, its stores made if they are not there yet.
pub async fn open() -> Result<IdbDatabase, Unavailable> {
    if let Some(db) = OPEN.with_borrow(Clone::clone) {
        return Ok(db);
    }
    let db = open_anew().await?;
    // A newer build in another tab upgrades the database: let it (this
    // page opens it again when next asked). Or the browser closed it (its
    // storage cleared, say): open it again as well.
    let closing = db.clone();
    let forget = Closure::<dyn Fn()>::new(move || {
        closing.close();
        OPEN.set(None);
    });
    db.set_onversionchange(Some(forget.as_ref().unchecked_ref()));
    db.set_onclose(Some(forget.as_ref().unchecked_ref()));
    // For the page's life, as the connection.
    forget.forget();
    OPEN.set(Some(db.clone()));
    Ok(db)
}

async fn open_anew() -> Result<IdbDatabase, Unavailable> {
    let factory = window().indexed_db().ok().flatten().ok_or(Unavailable)?;
    let request = factory
        .open_with_u32(DATABASE, VERSION)
        .map_err(|_| Unavailable)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result() {
            let db: IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(OPENED_FILES) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&"slug".into());
                let _ = db.create_object_store_with_optional_parameters(OPENED_FILES, &params);
            }
            if !db.object_store_names().contains(NOTEBOOK) {
                let _ = db.create_object_store(NOTEBOOK);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    done(&request).await?.dyn_into().map_err(|_| Unavailable)
}

/// The result of `request`, once it has one.
pub async fn done(request: &IdbRequest) -> Result<JsValue, Unavailable> {
    let r = request.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_request = r.clone();
        let on_success = Closure::once_into_js(move || {
            let value = ok_request.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &value);
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        r.set_onsuccess(Some(on_success.unchecked_ref()));
        r.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|_| Unavailable)
}
