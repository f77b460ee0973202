//! `content/` as the build reads it: Markdown and plain text side by side.

mod common;
use common::tempdir;
use std::path::{Path, PathBuf};

use wenji_import::{load_collection, read_text};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_seed_as_plain_text_gives_the_same_essay() {
    let seed = load_collection(&root().join("content"))
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
        format!("原文为纯文本 · 约 {} 字", txt.facts.chars)
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

#[test]
fn a_sidecar_sets_the_facts_order_and_splitting_of_a_document() {
    let dir = tempdir("sidecar");
    std::fs::copy(
        root().join("content/zhenggong-xinde.md"),
        dir.join("zhenggong-xinde.md"),
    )
    .unwrap();
    std::fs::write(
        dir.join("札记.txt"),
        "标题行\n\n一、抓学习\n学习。\n二、抓落实\n落实。\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("札记.toml"),
        "title = \"党建札记\"\norder = 0\npublished = 2024-03-01\nregion = \"四川\"\nauthor = \"李四\"\nsplit = false\n",
    )
    .unwrap();
    let c = load_collection(&dir).unwrap();
    let e = &c.essays[0];
    assert_eq!(
        (e.title.as_str(), e.order),
        ("党建札记", 0),
        "the sidecar's order comes first"
    );
    assert_eq!(e.parts.len(), 1, "split = false: one part");
    assert_eq!(e.parts[0].lead.len(), 4);
    assert_eq!(
        wenji_core::facts::facts_line(&e.facts),
        format!(
            "作者 李四 · 原文为纯文本 · 约 {} 字 · 2024-03-01 发布于四川",
            e.facts.chars
        )
    );
}

#[test]
fn a_bad_or_lonely_sidecar_fails_the_build_naming_it() {
    let dir = tempdir("bad-sidecar");
    std::fs::write(dir.join("a.txt"), "正文。\n").unwrap();
    std::fs::write(
        dir.join("a.toml"),
        "title = \"甲\"\npublished = 2024-02-30\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.toml"), "title = \"乙\"\n").unwrap();
    let mut errors: Vec<String> = load_collection(&dir)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    errors.sort();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].contains("a.toml:2: sidecar:") && errors[0].contains("date"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains("b.toml") && errors[1].contains("without a .docx or .txt"),
        "{errors:?}"
    );
    // `split` belongs to sidecars, not to Markdown.
    let dir = tempdir("split-md");
    std::fs::write(
        dir.join("a.md"),
        "+++\nsplit = false\n+++\n## 引言\n\n正文。\n",
    )
    .unwrap();
    let errors = load_collection(&dir).unwrap_err();
    assert_eq!(
        (errors[0].line, errors[0].message.contains("sidecar")),
        (2, true),
        "{errors:?}"
    );
}
