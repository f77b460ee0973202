//! The page's side of the document reader (`crates/wenji-worker`): a Web
//! Worker started the first time a file is read, so that neither its code
//! nor the work on a large file weighs on the page.
//!
//! The served site starts it from `worker-start.js` beside the page. The single file carries the worker's glue and wasm
//! inline (base64, `data-wenji-worker`): the worker is then made from a
//! blob, and its wasm is the first message it gets.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};
use wenji_core::worker_protocol::{Ask, CHUNK, DOCX, ERROR, FILES, INDEX};

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
    /// How many workers were started: the listeners of one retired ignore
    /// what it still says.
    static STARTED: Cell<u32> = const { Cell::new(0) };
    /// The last read asked for: each read waits for the one before, so the
    /// worker has one question at a time and its answers never cross.
    static QUEUE: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// Who waits for the worker's next message: its promise's resolve and
    /// reject.
    static WAITING: RefCell<Option<(js_sys::Function, js_sys::Function)>> =
        const { RefCell::new(None) };
}

/// Read file `name` (`bytes`) in the worker, split into parts or not. The
/// error is what to tell the reader. Reads run one after the other (files
/// opened while kept ones are read again, say).
pub async fn read(name: &str, bytes: &Uint8Array, split: bool) -> Result<Answer, String> {
    let message = Array::of4(&Ask::Read.tag().into(), &name.into(), bytes, &split.into());
    let words = Words {
        unstarted: "无法启动文件读取程序（第一次打开文件需要联网）",
        broke: "读取程序出错，文件未能打开",
    };
    let data = ask(&message).await.map_err(|t| words.say(t))?;
    let chunk = Reflect::get(&data, &CHUNK.into())
        .ok()
        .filter(|c| c.is_instance_of::<Uint8Array>())
        .and_then(|c| String::from_utf8(Uint8Array::new(&c).to_vec()).ok());
    match (field(&data, INDEX), chunk) {
        (Some(index), Some(chunk)) => Ok(Answer { index, chunk }),
        _ => Err("读取程序的回答有误".to_owned()),
    }
}

/// The notebook kept as `text` written as a `.docx` by the worker, each
/// excerpt cited with `links[i]`.
pub async fn notebook_docx(text: &str, links: &[String]) -> Result<Uint8Array, String> {
    let links: Array = links.iter().map(|l| JsValue::from(l.as_str())).collect();
    let message = Array::of3(&Ask::Docx.tag().into(), &text.into(), &links);
    let words = Words {
        unstarted: "无法生成 Word 文件（第一次导出 Word 需要联网；Markdown 和纯文本可离线导出）",
        broke: "生成 Word 文件时出错",
    };
    let data = ask(&message).await.map_err(|t| words.say(t))?;
    Reflect::get(&data, &DOCX.into())
        .ok()
        .and_then(|v| v.dyn_into().ok())
        .ok_or_else(|| "读取程序的回答有误".to_owned())
}

/// The data files (`(name, text)`, the index first) of a collection of
/// `files` (name, bytes, split) made on `made` (`2026-12-04`), made by the
/// worker for 做成文集.
pub async fn collection(
    files: &[(String, Uint8Array, bool)],
    made: &str,
) -> Result<Vec<(String, String)>, String> {
    let names: Array = files.iter().map(|f| JsValue::from(f.0.as_str())).collect();
    let bytes: Array = files.iter().map(|f| JsValue::from(&f.1)).collect();
    let splits: Array = files.iter().map(|f| JsValue::from(f.2)).collect();
    let message = Array::of5(
        &Ask::Collection.tag().into(),
        &names,
        &bytes,
        &splits,
        &made.into(),
    );
    let words = Words {
        unstarted: "无法做成文集（第一次使用需要联网）",
        broke: "做成文集时出错",
    };
    let data = ask(&message).await.map_err(|t| words.say(t))?;
    let list = Reflect::get(&data, &FILES.into()).map_err(|_| "读取程序的回答有误".to_owned())?;
    Array::from(&list)
        .iter()
        .map(|pair| {
            let pair = Array::from(&pair);
            match (pair.get(0).as_string(), pair.get(1).as_string()) {
                (Some(name), Some(text)) => Ok((name, text)),
                _ => Err("读取程序的回答有误".to_owned()),
            }
        })
        .collect()
}

/// What to tell the reader when the worker cannot start (offline, before
/// its first use) or breaks, for one kind of question.
#[derive(Clone, Copy)]
struct Words {
    unstarted: &'static str,
    broke: &'static str,
}

impl Words {
    fn say(self, trouble: Trouble) -> String {
        match trouble {
            Trouble::Unstarted => self.unstarted.to_owned(),
            Trouble::Broke => self.broke.to_owned(),
            Trouble::Said(error) => error,
        }
    }
}

/// Why the worker gave no answer.
enum Trouble {
    /// It could not be started.
    Unstarted,
    /// It could not be given the question, or it broke on it.
    Broke,
    /// It answered with an error of its own (already in the reader's words).
    Said(String),
}

/// Start the worker and have it make its tables ahead of its first
/// question (the reader is about to pick a file), so that the file does not
/// wait for them. A worker that cannot start is not reported here: the
/// question that follows says so in its own words.
pub async fn warm_up() {
    if WORKER.with_borrow(Option::is_none) {
        let _ = ask(&Array::of1(&Ask::Warm.tag().into())).await;
    }
}

/// Post `message` to the worker once the questions before it are answered,
/// and give its answer.
async fn ask(message: &Array) -> Result<JsValue, Trouble> {
    let mut done = None;
    let mine = Promise::new(&mut |resolve, _| done = Some(resolve));
    if let Some(before) = QUEUE.replace(Some(mine)) {
        let _ = JsFuture::from(before).await;
    }
    let answer = match ask_now(message).await {
        // A worker that broke is not asked again: its memory may be in any
        // state (WPE WebKit 2.38 traps now and then in a fresh worker,
        // DEVELOPERS.md). A new one gets the question once more.
        Err(Trouble::Broke) => {
            if let Some(broken) = WORKER.take() {
                broken.terminate();
            }
            ask_now(message).await
        }
        answer => answer,
    };
    if let Some(done) = done {
        let _ = done.call0(&JsValue::NULL);
    }
    answer
}

async fn ask_now(message: &Array) -> Result<JsValue, Trouble> {
    let worker = started().await?;
    let answer = JsFuture::from(next_message());
    worker.post_message(message).map_err(|_| Trouble::Broke)?;
    let data = answer.await.map_err(|_| Trouble::Broke)?;
    match field(&data, ERROR) {
        Some(error) => Err(Trouble::Said(error)),
        None => Ok(data),
    }
}

fn field(data: &JsValue, key: &str) -> Option<String> {
    Reflect::get(data, &key.into())
        .ok()
        .and_then(|v| v.as_string())
}

/// The worker, started (and ready) on first use. Offline, its code is
/// there only if it was fetched before.
async fn started() -> Result<Worker, Trouble> {
    if let Some(w) = WORKER.with_borrow(Clone::clone) {
        return Ok(w);
    }
    let (worker, wasm) = match inline_parts() {
        Some((glue, wasm)) => {
            // The glue's UTF-8 bytes and the line after it.
            let source = Array::of2(&glue, &INLINE_START.into());
            let options = BlobPropertyBag::new();
            options.set_type("text/javascript");
            let blob = Blob::new_with_str_sequence_and_options(&source, &options)
                .map_err(|_| Trouble::Unstarted)?;
            let url = Url::create_object_url_with_blob(&blob).map_err(|_| Trouble::Unstarted)?;
            (
                Worker::new(&url).map_err(|_| Trouble::Unstarted)?,
                Some(wasm),
            )
        }
        None => (Worker::new(LOADER).map_err(|_| Trouble::Unstarted)?, None),
    };
    listen(&worker);
    // It says `worker_protocol::READY` once it listens.
    let ready = JsFuture::from(next_message());
    if let Some(wasm) = wasm {
        worker.post_message(&wasm).map_err(|_| Trouble::Unstarted)?;
    }
    ready.await.map_err(|_| Trouble::Unstarted)?;
    WORKER.set(Some(worker.clone()));
    Ok(worker)
}

/// Hand the worker's messages and errors to whoever waits, while it is the
/// page's worker (it is replaced only when it broke).
fn listen(worker: &Worker) {
    let me = STARTED.get() + 1;
    STARTED.set(me);
    let current = move || STARTED.get() == me;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        if let Some((resolve, _)) = current().then(|| WAITING.take()).flatten() {
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        }
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        if let Some((_, reject)) = current().then(|| WAITING.take()).flatten() {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
}

/// The worker's next message (or its next error, as a rejection).
fn next_message() -> Promise {
    Promise::new(&mut |resolve, reject| WAITING.set(Some((resolve, reject))))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The single file's base64 reader (`wenji-ship`'s `page.rs`): absent
    /// from the served site, which has no inline worker to read.
    #[wasm_bindgen(catch, js_name = wenjiBytes)]
    fn wenji_bytes(b64: &str) -> Result<Uint8Array, JsValue>;
}

/// The single file's inline worker: its glue and its wasm.
fn inline_parts() -> Option<(Uint8Array, Uint8Array)> {
    let part = |kind: &str| {
        document()
            .query_selector(&format!("script[data-wenji-worker='{kind}']"))
            .ok()
            .flatten()?
            .text_content()
    };
    let decode = |b64: String| wenji_bytes(b64.trim()).ok();
    Some((decode(part("glue")?)?, decode(part("wasm")?)?))
}
