//! The worker's edge: a question in, an answer out, as
//! `wenji_core::worker_protocol` names them (a file's text handed back as
//! UTF-8 bytes rather than copied: a 30 MB file's text would otherwise be
//! turned to a JavaScript string and back on the page's thread). It says
//! `READY` first, so that the page never posts to a worker not listening.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use wenji_core::worker_protocol::{Ask, CHUNK, DOCX, ERROR, FILES, INDEX, READY};

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
        let kind = message.get(0).as_string().and_then(|k| Ask::from_tag(&k));
        match kind {
            Some(Ask::Warm) => wenji_worker::warm_up(),
            Some(Ask::Collection) => {
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
                        set(FILES, &list);
                    }
                    Err(e) => set(ERROR, &e.into()),
                }
            }
            Some(Ask::Docx) => {
                let text = message.get(1).as_string().unwrap_or_default();
                let links: Vec<String> = Array::from(&message.get(2))
                    .iter()
                    .map(|l| l.as_string().unwrap_or_default())
                    .collect();
                match wenji_worker::notebook_docx(&text, &links) {
                    Ok(bytes) => set(DOCX, &Uint8Array::from(bytes.as_slice())),
                    Err(e) => set(ERROR, &e.into()),
                }
            }
            Some(Ask::Read) => {
                let name = message.get(1).as_string().unwrap_or_default();
                let bytes = Uint8Array::new(&message.get(2)).to_vec();
                let split = message.get(3).as_bool().unwrap_or(true);
                match wenji_worker::read(&name, &bytes, split) {
                    Ok(a) => {
                        set(INDEX, &a.index.into());
                        let chunk = Uint8Array::from(a.chunk.as_bytes());
                        handed.push(&chunk.buffer());
                        set(CHUNK, &chunk);
                    }
                    Err(e) => set(ERROR, &e.zh().into()),
                }
            }
            None => set(ERROR, &"读取程序不认识这个请求".into()),
        }
        let _ = reply.post_message_with_transfer(&answer, &handed);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&READY.into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wenji-worker runs in the browser: the page starts it as a Web Worker");
}
