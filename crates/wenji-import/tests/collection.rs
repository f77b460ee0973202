//! `content/` as the build reads it: Markdown and plain text side by side.

use std::path::{Path, PathBuf};

use wenji_core::parse::load_collection as load_markdown;
use wenji_import::{load_collection, read_text};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wenji-import-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_seed_as_plain_text_gives_the_same_essay() {
    let seed = load_markdown(&root().join("content"))
        .unwrap()
        .essays
        .remove(0);
    // The text a reader would save from the Word file: the title, then
    // every heading and paragraph on a line of its own.
    let text = seed.plain_text();
    let doc = read_text(text.as_bytes(), true).unwrap();
    assert_eq!(doc.title.as_deref(), Some(seed.title.as_str()));
    assert_eq!(doc.parts, seed.parts);
    assert_eq!(doc.chars, seed.counted_chars());
}

#[test]
fn text_files_join_the_markdown_essays() {
    let dir = tempdir("mixed");
    std::fs::copy(
        root().join("content/zhenggong-xinde.md"),
        dir.join("zhenggong-xinde.md"),
    )
    .unwrap();
    let gbk = encoding_rs::GBK
        .encode("基层党建工作札记\n\n一、抓学习\n学习是基础。\n二、抓落实\n落实是关键。\n")
        .0
        .into_owned();
    std::fs::write(dir.join("基层党建.txt"), gbk).unwrap();
    std::fs::write(dir.join("notes.text"), "not an essay").unwrap();
    let c = load_collection(&dir).unwrap();
    assert_eq!(c.essays.len(), 2);
    let txt = &c.essays[1];
    assert_eq!(txt.order, 2, "after the essay that asks for order 1");
    assert_eq!(txt.title, "基层党建工作札记");
    assert!(txt.slug.starts_with("doc-"), "{}", txt.slug);
    assert_eq!(txt.facts.format, "txt");
    assert_eq!(
        txt.parts
            .iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>(),
        ["一、抓学习", "二、抓落实"]
    );
    assert_eq!(
        wenji_core::facts::facts_line(&txt.facts),
        format!("原文为 纯文本 · 约 {} 字", txt.facts.chars)
    );
}

#[test]
fn a_text_file_that_cannot_be_read_fails_the_build_naming_it() {
    let dir = tempdir("bad");
    std::fs::write(dir.join("坏.txt"), [0xFF, 0xFF, 0xFF, 0x81, 0x30]).unwrap();
    std::fs::write(dir.join("空.txt"), "\n\u{3000}\n").unwrap();
    let errors = load_collection(&dir).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown
            .iter()
            .any(|e| e.contains("坏.txt") && e.contains("UTF-8")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|e| e.contains("空.txt") && e.contains("empty")),
        "{shown:?}"
    );
}
