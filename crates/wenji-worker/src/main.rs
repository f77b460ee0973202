//! The worker's edge: a message `["read", name, bytes, split]` in, an
//! answer out, `{ index, chunk }` or `{ error }` (in the reader's words;
//! `chunk` as UTF-8 bytes, handed over rather than copied: a 30 MB file's
//! text would otherwise be turned to a JavaScript string and back on the
//! page's thread); or
//! `["docx", notebook, links]` in, `{ docx }` (bytes) or `{ error }` out; or
//! `["collection", names, bytes, splits, made]` in (arrays, one entry a
//! file; `made`, the day, `2026-12-04`),
//! `{ files }` (`[name, text]` pairs, the index first) or `{ error }`; or
//! `["warm"]` in, `{}` out once its tables are made (before a file comes). It
//! says `ready` first, so that the page never posts to a worker not
//! listening.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let answer = Object::new();
        // Buffers handed to the page with the answer.
        let handed = Array::new();
        let set = |key: &str, value: &JsValue| {
            let _ = Reflect::set(&answer, &key.into(), value);
        };
        let kind = message.get(0).as_string().unwrap_or_default();
        if kind == "warm" {
            wenji_worker::warm_up();
        } else if kind == "collection" {
            let names: Vec<String> = Array::from(&message.get(1))
                .iter()
                .map(|n| n.as_string().unwrap_or_default())
                .collect();
            let bytes: Vec<Vec<u8>> = Array::from(&message.get(2))
                .iter()
                .map(|b| Uint8Array::new(&b).to_vec())
                .collect();
            let splits = Array::from(&message.get(3));
            let made = message
                .get(4)
                .as_string()
                .and_then(|d| wenji_core::Date::parse(&d));
            let sources: Vec<wenji_worker::Source> = names
                .iter()
                .zip(&bytes)
                .enumerate()
                .map(|(i, (name, bytes))| wenji_worker::Source {
                    name,
                    bytes,
                    split: splits.get(i as u32).as_bool().unwrap_or(true),
                })
                .collect();
            let made = made.ok_or_else(|| "做成文集的日期有误".to_owned());
            match made.and_then(|made| wenji_worker::collection(&sources, made)) {
                Ok(files) => {
                    let list: Array = files
                        .iter()
                        .map(|(n, t)| Array::of2(&n.into(), &t.into()))
                        .collect();
                    set("files", &list);
                }
                Err(e) => set("error", &e.into()),
            }
        } else if kind == "docx" {
            let text = message.get(1).as_string().unwrap_or_default();
            let links: Vec<String> = Array::from(&message.get(2))
                .iter()
                .map(|l| l.as_string().unwrap_or_default())
                .collect();
            match wenji_worker::notebook_docx(&text, &links) {
                Ok(bytes) => set("docx", &Uint8Array::from(bytes.as_slice())),
                Err(e) => set("error", &e.into()),
            }
        } else {
            let name = message.get(1).as_string().unwrap_or_default();
            let bytes = Uint8Array::new(&message.get(2)).to_vec();
            let split = message.get(3).as_bool().unwrap_or(true);
            match wenji_worker::read(&name, &bytes, split) {
                Ok(a) => {
                    set("index", &a.index.into());
                    let chunk = Uint8Array::from(a.chunk.as_bytes());
                    handed.push(&chunk.buffer());
                    set("chunk", &chunk);
                }
                Err(e) => set("error", &e.zh().into()),
            }
        }
        let _ = reply.post_message_with_transfer(&answer, &handed);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wenji-worker runs in the browser: the page starts it as a Web Worker");
}
