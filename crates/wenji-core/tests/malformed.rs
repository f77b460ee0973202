//! Every malformed content file fails with its file, line and cause; the
//! harmless oddities (BOM, CRLF) parse.

use std::path::{Path, PathBuf};

use wenji_core::parse::{load_collection, ParseError};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/malformed")
        .join(name)
}

/// Parse a single fixture file as a one-essay collection.
fn parse_one(name: &str) -> Result<wenji_core::Essay, ParseError> {
    let dir = tempdir(name);
    std::fs::copy(fixture(name), dir.join(name)).unwrap();
    match load_collection(&dir) {
        Ok(mut c) => Ok(c.essays.remove(0)),
        Err(mut errors) => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            Err(errors.remove(0))
        }
    }
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wenji-core-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[track_caller]
fn assert_fails(name: &str, line: usize, cause: &str) {
    let e = parse_one(name).expect_err("the file must not parse");
    assert!(e.file.ends_with(name), "file not named: {e}");
    assert_eq!(e.line, line, "wrong line: {e}");
    assert!(e.message.contains(cause), "cause `{cause}` missing: {e}");
    // The message a developer sees names all three.
    let shown = e.to_string();
    assert!(shown.contains(&format!("{name}:{line}: ")), "{shown}");
}

#[test]
fn no_front_matter_is_allowed() {
    let essay = parse_one("no-front-matter.md").expect("the front matter is optional");
    // No title anywhere: the file's name.
    assert_eq!(essay.title, "no-front-matter");
    assert_eq!(essay.parts[0].lead, ["正文。"]);
}

#[test]
fn unclosed_front_matter() {
    assert_fails("unclosed-front-matter.md", 1, "never closed");
}

#[test]
fn empty_file() {
    assert_fails("empty-file.md", 1, "no `##` part");
}

#[test]
fn a_field_left_out_is_not_known() {
    let essay = parse_one("missing-field.md").expect("every field is optional");
    assert_eq!(essay.facts.region, None);
}

#[test]
fn without_front_matter_the_facts_come_from_the_text() {
    let dir = tempdir("bare");
    std::fs::write(
        dir.join("bare.md"),
        "# 我的心得\n\n## 引言\n\n正文，共十个字。\n",
    )
    .unwrap();
    let essay = load_collection(&dir).unwrap().essays.remove(0);
    assert_eq!(essay.title, "我的心得");
    assert_eq!(essay.facts.format, "md");
    assert_eq!(essay.facts.chars, 2 + 8);
    assert_eq!(
        (
            essay.facts.pages,
            essay.facts.published,
            essay.facts.region.clone()
        ),
        (None, None, None)
    );
    assert!(!essay.facts.excerpt);
    assert_eq!(
        wenji_core::facts::facts_line(&essay.facts),
        "原文为 Markdown 文本 · 约 10 字"
    );
}

#[test]
fn essays_without_an_order_follow_those_with_one_by_file_name() {
    let dir = tempdir("unordered");
    std::fs::copy(fixture("bom.md"), dir.join("z.md")).unwrap();
    for name in ["b", "a"] {
        std::fs::write(dir.join(format!("{name}.md")), "## 引言\n\n正文。\n").unwrap();
    }
    let c = load_collection(&dir).unwrap();
    let slugs: Vec<&str> = c.essays.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(slugs, ["z", "a", "b"]);
    assert_eq!(
        c.essays.iter().map(|e| e.order).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

#[test]
fn unknown_field() {
    assert_fails("unknown-field.md", 10, "unknown field `writer`");
}

#[test]
fn date_that_does_not_exist() {
    let e = parse_one("bad-date.md").expect_err("2026-02-30 is no date");
    assert_eq!(e.line, 7, "{e}");
    assert!(
        e.message.contains("published") || e.message.contains("date"),
        "{e}"
    );
}

#[test]
fn date_given_as_text() {
    assert_fails(
        "date-not-a-date.md",
        7,
        "`published` must be a calendar date",
    );
}

#[test]
fn sub_section_before_any_part() {
    assert_fails(
        "section-before-part.md",
        12,
        "`###` sub-section before any `##` part",
    );
}

#[test]
fn empty_part() {
    assert_fails("empty-part.md", 16, "part `篇章一：空` is empty");
}

#[test]
fn two_parts_with_the_same_title() {
    assert_fails(
        "duplicate-part.md",
        16,
        "same title `引言：同名` (also on line 12)",
    );
}

#[test]
fn two_parts_with_the_same_id() {
    assert_fails(
        "duplicate-id.md",
        16,
        "already taken by the part on line 12",
    );
}

#[test]
fn sub_section_without_text() {
    assert_fails("empty-section.md", 14, "has no text");
}

#[test]
fn text_before_the_first_part() {
    assert_fails("text-before-part.md", 12, "text before the first `##` part");
}

#[test]
fn level_one_heading() {
    assert_fails("h1-heading.md", 12, "`#` heading is not allowed");
}

#[test]
fn level_four_heading() {
    assert_fails("h4-heading.md", 14, "heading of 4 `#`");
}

#[test]
fn only_front_matter() {
    assert_fails("only-front-matter.md", 11, "no `##` part");
}

#[test]
fn invalid_utf8() {
    assert_fails("invalid-utf8.md", 14, "not valid UTF-8");
}

#[test]
fn file_name_that_cannot_be_an_address() {
    assert_fails("Bad_Name.md", 1, "lower-case ASCII");
}

#[test]
fn byte_order_mark_is_accepted() {
    let essay = parse_one("bom.md").expect("a BOM is harmless");
    assert_eq!(essay.title, "T");
    assert_eq!(essay.parts[0].lead, ["正文。"]);
}

#[test]
fn windows_line_ends_are_accepted() {
    let essay = parse_one("crlf.md").expect("CRLF is harmless");
    assert_eq!(essay.parts[0].lead, ["正文，续行。"]);
    assert_eq!(essay.parts[0].sections[0].heading, "其一，开头。");
    assert_eq!(essay.parts[0].sections[0].body, ["正文。"]);
    assert!(essay.parts[0].sections[0].body[0]
        .text
        .chars()
        .all(|c| c != '\r'));
}

#[test]
fn every_error_of_every_file_is_reported() {
    let dir = tempdir("all");
    for name in ["empty-part.md", "bad-date.md", "bom.md"] {
        std::fs::copy(fixture(name), dir.join(name)).unwrap();
    }
    let errors = load_collection(&dir).expect_err("two files are bad");
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn an_empty_folder_is_an_error() {
    let dir = tempdir("empty");
    let errors = load_collection(&dir).expect_err("no essay");
    assert!(errors[0].message.contains("no essay"), "{errors:?}");
}

#[test]
fn duplicate_order_is_an_error() {
    let dir = tempdir("order");
    std::fs::copy(fixture("bom.md"), dir.join("a.md")).unwrap();
    std::fs::copy(fixture("crlf.md"), dir.join("b.md")).unwrap();
    let errors = load_collection(&dir).expect_err("both are order 1");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("order 1 is already used"),
        "{errors:?}"
    );
    assert_eq!(errors[0].line, 3);
}
