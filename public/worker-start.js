// Starts the document reader's worker (crates/wenji-worker): its
// wasm-bindgen glue (no-modules), then its wasm, both beside this file.
importScripts('./wenji-worker.js');
wasm_bindgen({ module_or_path: './wenji-worker_bg.wasm' });
