//! The page's side of the document reader (`crates/wenji-worker`): a Web
//! Worker started the first time a file is read, so that neither its code
//! nor the work on a large file weighs on the page.
//!
//! The served site starts it from `worker-start.js` beside the page. The single file carries the worker's glue and wasm
//! inline (base64, `data-wenji-worker`): the worker is then made from a
//! blob, and its wasm is the first message it gets.

use std::cell::RefCell;

use js_sys::{Array, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

/// What starts the worker, beside the page (`public/worker-start.js`).
const LOADER: &str = "./worker-start.js";

/// Appended to the inline glue: take the wasm from the first message.
const INLINE_START: &str = "\nself.onmessage = (e) => { self.onmessage = null; \
                            wasm_bindgen({ module_or_path: e.data }); };\n";

/// What the worker answered: the file in the collection's data format.
pub struct Answer {
    pub index: String,
    pub chunk: String,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// Read file `name` (`bytes`) in the worker, split into parts or not. The
/// error is what to tell the reader.
pub async fn read(name: &str, bytes: &Uint8Array, split: bool) -> Result<Answer, String> {
    let worker = started().await?;
    let answer = JsFuture::from(next_message(&worker));
    let message = Array::of3(&name.into(), bytes, &split.into());
    worker
        .post_message(&message)
        .map_err(|_| "无法把文件交给读取程序".to_owned())?;
    let data = answer
        .await
        .map_err(|_| "读取程序出错，文件未能打开".to_owned())?;
    let field = |key: &str| {
        Reflect::get(&data, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    if let Some(error) = field("error") {
        return Err(error);
    }
    match (field("index"), field("chunk")) {
        (Some(index), Some(chunk)) => Ok(Answer { index, chunk }),
        _ => Err("读取程序的回答有误".to_owned()),
    }
}

/// The worker, started (and ready) on first use.
async fn started() -> Result<Worker, String> {
    if let Some(w) = WORKER.with_borrow(Clone::clone) {
        return Ok(w);
    }
    let failed = || "无法启动文件读取程序".to_owned();
    let (worker, wasm) = match inline_parts() {
        Some((glue, wasm)) => {
            let source = Array::of2(&glue.into(), &INLINE_START.into());
            let options = BlobPropertyBag::new();
            options.set_type("text/javascript");
            let blob =
                Blob::new_with_str_sequence_and_options(&source, &options).map_err(|_| failed())?;
            let url = Url::create_object_url_with_blob(&blob).map_err(|_| failed())?;
            (Worker::new(&url).map_err(|_| failed())?, Some(wasm))
        }
        None => (Worker::new(LOADER).map_err(|_| failed())?, None),
    };
    // It says "ready" once it listens.
    let ready = JsFuture::from(next_message(&worker));
    if let Some(wasm) = wasm {
        worker
            .post_message(&Uint8Array::from(wasm.as_slice()))
            .map_err(|_| failed())?;
    }
    ready.await.map_err(|_| failed())?;
    WORKER.set(Some(worker.clone()));
    Ok(worker)
}

/// The worker's next message (or its next error, as a rejection).
fn next_message(worker: &Worker) -> Promise {
    let worker = worker.clone();
    Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |e: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        });
        let on_error = Closure::once_into_js(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// The single file's inline worker: its glue and its wasm.
fn inline_parts() -> Option<(String, Vec<u8>)> {
    let part = |kind: &str| {
        document()
            .query_selector(&format!("script[data-wenji-worker='{kind}']"))
            .ok()
            .flatten()?
            .text_content()
    };
    let decode = |b64: String| -> Option<Vec<u8>> {
        let binary = window().atob(b64.trim()).ok()?;
        binary.chars().map(|c| u8::try_from(c).ok()).collect()
    };
    let glue = String::from_utf8(decode(part("glue")?)?).ok()?;
    let wasm = decode(part("wasm")?)?;
    Some((glue, wasm))
}
