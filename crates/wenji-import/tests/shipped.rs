//! The shipped collection and the several-essays fixture.

use std::path::Path;

use wenji_core::data::{
    decode_chunk, decode_index, encode_chunk, encode_index, plan_chunks, CHUNK_TARGET_BYTES,
};
use wenji_core::facts::facts_line;
use wenji_core::parse::ids_are_unique;
use wenji_core::Collection;
use wenji_import::load_collection;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The collection as the app reads it: parsed, written as data files (an
/// index and text chunks) and read back.
fn shipped(dir: &Path) -> Collection {
    let parsed = load_collection(dir).expect("content parses");
    let plan = plan_chunks(&parsed, CHUNK_TARGET_BYTES);
    let names: Vec<String> = (0..plan.len()).map(|i| format!("text-{i}.txt")).collect();
    let index = decode_index(&encode_index(&parsed, &plan, &names, &Default::default()))
        .expect("index reads");
    let mut c = index.collection();
    for members in &plan {
        for (i, parts) in decode_chunk(&encode_chunk(&parsed, members)).expect("chunk reads") {
            c.essays[i].parts = parts;
        }
    }
    assert_eq!(c, parsed);
    c
}

/// Seed text with the scrape's ASCII punctuation folded to the full-width
/// forms that stand between Chinese characters.
fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '?' => '？',
            '!' => '！',
            c => c,
        })
        .collect()
}

/// The essay as it stands on the seed page: from its title (second
/// occurrence) to the last line before the site's comment box.
fn seed_essay() -> String {
    let seed = include_str!("data/seed.txt");
    let lines: Vec<&str> = seed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("引言"))
        .expect("seed has 引言")
        - 1;
    let end = lines
        .iter()
        .position(|l| l.starts_with("文档评论"))
        .expect("seed has the comment box");
    fold_width(&lines[start..end].join("\n"))
}

#[test]
fn embedded_text_equals_the_seed_letter_for_letter() {
    let c = shipped(&root().join("content"));
    assert_eq!(c.essays.len(), 1);
    let ours = c.essays[0].plain_text();
    let seed = seed_essay();
    if ours != seed {
        for (i, (a, b)) in ours.lines().zip(seed.lines()).enumerate() {
            assert_eq!(a, b, "paragraph {i} differs");
        }
        assert_eq!(ours.lines().count(), seed.lines().count());
    }
    assert!(
        ours.ends_with("在日常工作中，我时刻"),
        "nothing is added after the seed's end"
    );
}

#[test]
fn the_seed_essay_has_five_parts_and_seven_sub_sections() {
    let c = load_collection(&root().join("content")).unwrap();
    let e = &c.essays[0];
    let titles: Vec<&str> = e.parts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "引言：深耕政工沃土，汲取实践智慧",
            "篇章一：铸魂育人，强化理论武装的深度与广度",
            "篇章二：以人为本，提升思想疏导的温度与精度",
            "篇章三：守正创新，增强政工工作的时代感与吸引力",
            "篇章四：锤炼党性，永葆政工干部的先进性与纯洁性",
        ]
    );
    let sections: Vec<&str> = e
        .parts
        .iter()
        .flat_map(|p| p.sections.iter().map(|s| s.id.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            "篇章一-其一",
            "篇章一-其二",
            "篇章二-其一",
            "篇章二-其二",
            "篇章三-其一",
            "篇章三-其二",
            "篇章四-其一",
        ]
    );
    assert_eq!(
        e.parts[1].sections[0].heading,
        "其一，在“学深悟透”上下苦功。"
    );
    assert!(e.parts[0].sections.is_empty());
    assert!(e.parts.iter().all(|p| p.lead.len() == 1));
    assert!(ids_are_unique(e));
}

#[test]
fn the_seed_facts_are_those_of_the_page() {
    let c = load_collection(&root().join("content")).unwrap();
    let e = &c.essays[0];
    assert_eq!(e.title, "政工工作心得体会范文合集");
    assert!(e.facts.excerpt);
    assert_eq!(
        facts_line(&e.facts),
        "原文为 Word 文档 · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南"
    );
}

#[test]
fn no_ascii_punctuation_stands_between_chinese_characters() {
    let c = load_collection(&root().join("content")).unwrap();
    let text = c.essays[0].plain_text();
    assert!(!text.contains([',', ':', ';', '(', ')']), "{text}");
}

#[test]
fn several_essays_come_in_their_stated_order() {
    let c = load_collection(&root().join("tests/fixtures/collection-multi")).unwrap();
    let slugs: Vec<&str> = c.essays.iter().map(|e| e.slug.as_str()).collect();
    // File names sort the other way: `order` decides.
    assert_eq!(slugs, ["jiceng", "qingnian"]);
    assert_eq!(c.essay("qingnian").unwrap().title, "青年职工思想工作札记");
    assert!(c.essay("nope").is_none());
}
