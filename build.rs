//! Checks the collection in `content/` (or `$WENJI_CONTENT_DIR`) at build
//! time, so that a malformed file stops even `cargo check` with its file,
//! line and cause. The collection is not compiled into the app: the
//! post-build step (`wenji-ship`) writes it as data files beside the wasm.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=WENJI_CONTENT_DIR");
    let dir =
        PathBuf::from(std::env::var("WENJI_CONTENT_DIR").unwrap_or_else(|_| "content".into()));
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Err(errors) = wenji_import::load_collection(&dir) {
        eprintln!("error: the content in {} is malformed:", dir.display());
        for e in &errors {
            eprintln!("  {e}");
        }
        std::process::exit(1);
    }
}
