//! Where the notebook is kept between visits: one record of the page's
//! IndexedDB (`idb`), the notebook's own text format
//! (`wenji_core::notebook`). Nothing leaves the browser.

use wasm_bindgen::JsValue;
use web_sys::IdbTransactionMode;

use crate::idb::{done, open, Unavailable, NOTEBOOK, NOTEBOOK_KEY};

/// The notebook as kept, if one was.
pub async fn load() -> Result<Option<String>, Unavailable> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(NOTEBOOK, IdbTransactionMode::Readonly)
        .and_then(|t| t.object_store(NOTEBOOK))
        .map_err(|_| Unavailable)?;
    let value = done(&store.get(&NOTEBOOK_KEY.into()).map_err(|_| Unavailable)?).await?;
    Ok(value.as_string())
}

/// Keep `text` as the notebook.
pub async fn save(text: &str) -> Result<(), Unavailable> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(NOTEBOOK, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(NOTEBOOK))
        .map_err(|_| Unavailable)?;
    let request = store
        .put_with_key(&JsValue::from_str(text), &NOTEBOOK_KEY.into())
        .map_err(|_| Unavailable)?;
    done(&request).await?;
    crate::persist::ask();
    Ok(())
}
