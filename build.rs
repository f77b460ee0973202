//! Checks the collection in `content/` (or `$WENJI_CONTENT_DIR`) at build
//! time, so that a malformed file stops even `cargo check` with its file,
//! line and cause. The collection is not compiled into the app: the
//! post-build step (`wenji-ship`) writes it as data files beside the wasm.
//!
//! It also marks the release's wasm for splitting (`src/parts.rs`) when the
//! build asks for it (`WENJI_SPLIT=1`, set by `scripts/release-build.sh`):
//! `cfg(wenji_split)`, and the linker keeps its relocations, which the
//! split step reads.

use std::path::PathBuf;

fn main() {
    println!("cargo:rustc-check-cfg=cfg(wenji_split)");
    println!("cargo:rerun-if-env-changed=WENJI_SPLIT");
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    if wasm && std::env::var("WENJI_SPLIT").as_deref() == Ok("1") {
        println!("cargo:rustc-cfg=wenji_split");
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    println!("cargo:rerun-if-env-changed=WENJI_CONTENT_DIR");
    let dir =
        PathBuf::from(std::env::var("WENJI_CONTENT_DIR").unwrap_or_else(|_| "content".into()));
    println!("cargo:rerun-if-changed={}", dir.display());
    match wenji_import::load_collection_noting(&dir) {
        // Read one sensible way: said, not refused.
        Ok(loaded) => {
            for w in &loaded.warnings {
                println!("cargo:warning={w}");
            }
        }
        Err(errors) => {
            eprintln!("error: the content in {} is malformed:", dir.display());
            for e in &errors {
                eprintln!("  {e}");
            }
            std::process::exit(1);
        }
    }
}
