//! Every malformed content file fails with its file, line and cause; the
//! harmless oddities (BOM, CRLF) parse; what has one sensible reading is
//! read so, with a warning naming the line and what to write instead.

mod common;
use common::tempdir;
use std::path::{Path, PathBuf};

use wenji_core::model::{HeadingForm, Paragraph, UNTITLED_PART};
use wenji_core::parse::ParseError;
use wenji_import::{load_collection, load_collection_noting};

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

/// Parse a fixture that builds with one warning: the essay and the warning.
#[track_caller]
fn parse_warned(name: &str, line: usize, cause: &str) -> wenji_core::Essay {
    let dir = tempdir(name);
    std::fs::copy(fixture(name), dir.join(name)).unwrap();
    let mut loaded = load_collection_noting(&dir).expect("it builds");
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    let w = &loaded.warnings[0];
    assert!(w.file.ends_with(name), "file not named: {w}");
    assert_eq!(w.line, line, "wrong line: {w}");
    assert!(w.message.contains(cause), "cause `{cause}` missing: {w}");
    loaded.collection.essays.remove(0)
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
    assert_fails(
        "empty-file.md",
        1,
        "has no text: write a `## …` part heading",
    );
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
fn sub_section_before_any_part_is_in_an_untitled_part() {
    let essay = parse_warned(
        "section-before-part.md",
        12,
        "a `###` sub-section before the first `##` part: it is read as a part titled 正文; write a `## …` heading",
    );
    assert_eq!(essay.parts[0].title, UNTITLED_PART);
    assert_eq!(essay.parts[0].sections[0].heading, "其一，开头。");
    assert_eq!(essay.parts[0].sections[0].body, ["正文。"]);
}

#[test]
fn an_empty_part_is_kept_as_a_heading() {
    let essay = parse_warned(
        "empty-part.md",
        16,
        "part `篇章一：空` is empty: it is kept",
    );
    let titles: Vec<&str> = essay.parts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["引言", "篇章一：空", "篇章二"]);
    assert!(essay.parts[1].lead.is_empty() && essay.parts[1].sections.is_empty());
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
fn a_sub_section_without_text_is_a_heading_alone() {
    let essay = parse_warned("empty-section.md", 14, "has no text under its heading");
    let section = &essay.parts[0].sections[0];
    assert_eq!(section.heading, "其一，开头。");
    assert_eq!(section.form, HeadingForm::Alone);
    assert!(section.body.is_empty());
}

#[test]
fn text_before_the_first_part_is_a_part_of_its_own() {
    let essay = parse_warned("text-before-part.md", 12, "text before the first `##` part");
    assert_eq!(essay.parts[0].title, UNTITLED_PART);
    assert_eq!(essay.parts[0].lead, ["开头的文字。"]);
    assert_eq!(essay.parts[1].title, "引言");
}

#[test]
fn a_second_title_is_an_error_that_says_what_to_write() {
    assert_fails("h1-heading.md", 12, "write `##` to make this a part");
}

#[test]
fn a_level_four_heading_is_a_lead_in_line() {
    let essay = parse_warned(
        "h4-heading.md",
        14,
        "heading of 4 `#` is deeper than the reader shows",
    );
    assert_eq!(
        essay.parts[0].lead,
        [Paragraph::lead_in("太深"), Paragraph::text("正文。")]
    );
}

#[test]
fn only_front_matter() {
    assert_fails("only-front-matter.md", 11, "the essay has no text");
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
    for name in ["h1-heading.md", "bad-date.md", "bom.md"] {
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
