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
    // Fold and pinyin tables for the characters of the collection only.
    let texts: Vec<String> = collection.essays.iter().map(|e| e.plain_text()).collect();
    let tables = wenji_search::Tables::for_texts(texts.iter().map(String::as_str));
    let (fold, readings) = tables.to_compact();
    let source = format!(
        "/// The collection, parsed from `{dir}` at build time.\n\
         pub fn collection() -> &'static ::wenji_core::Collection {{\n\
         static C: ::std::sync::OnceLock<::wenji_core::Collection> = ::std::sync::OnceLock::new();\n\
         C.get_or_init(|| {expr})\n}}\n\
         /// Fold table ({fold_len} entries), generated for this collection.\n\
         pub static FOLD_TABLE: &str = {fold:?};\n\
         /// Pinyin readings ({readings_len} characters), generated for this collection.\n\
         pub static READING_TABLE: &str = {readings:?};\n",
        fold_len = tables.fold_len(),
        readings_len = tables.readings_len(),
        dir = dir.display(),
        expr = wenji_core::codegen::collection_expr(&collection),
    );
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("collection.rs");
    std::fs::write(&out, source).expect("write the embedded collection");
}
