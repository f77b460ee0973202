//! The worker's edge: a message `[name, bytes, split]` in, an answer out,
//! `{ index, chunk }` or `{ error }` (in the reader's words). It says
//! `ready` first, so that the page never posts to a worker not listening.
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
        let name = message.get(0).as_string().unwrap_or_default();
        let bytes = Uint8Array::new(&message.get(1)).to_vec();
        let split = message.get(2).as_bool().unwrap_or(true);
        let answer = Object::new();
        let set = |key: &str, value: &str| {
            let _ = Reflect::set(&answer, &key.into(), &value.into());
        };
        match wenji_worker::read(&name, &bytes, split) {
            Ok(a) => {
                set("index", &a.index);
                set("chunk", &a.chunk);
            }
            Err(e) => set("error", &e.zh()),
        }
        let _ = reply.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("wenji-worker runs in the browser: the page starts it as a Web Worker");
}
