//! Parses the collection in `content/` (or `$WENJI_CONTENT_DIR`) at build
//! time and embeds it as Rust data. A malformed file stops the build with
//! its file, line and cause.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=WENJI_CONTENT_DIR");
    let dir =
        PathBuf::from(std::env::var("WENJI_CONTENT_DIR").unwrap_or_else(|_| "content".into()));
    println!("cargo:rerun-if-changed={}", dir.display());

    let collection = match wenji_core::parse::load_collection(&dir) {
        Ok(c) => c,
        Err(errors) => {
            eprintln!("error: the content in {} is malformed:", dir.display());
            for e in &errors {
                eprintln!("  {e}");
            }
            std::process::exit(1);
        }
    };
    let source = format!(
        "/// The collection, parsed from `{dir}` at build time.\n\
         pub fn collection() -> &'static ::wenji_core::Collection {{\n\
         static C: ::std::sync::OnceLock<::wenji_core::Collection> = ::std::sync::OnceLock::new();\n\
         C.get_or_init(|| {expr})\n}}\n",
        dir = dir.display(),
        expr = wenji_core::codegen::collection_expr(&collection),
    );
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("collection.rs");
    std::fs::write(&out, source).expect("write the embedded collection");
}
