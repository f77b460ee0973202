//! Every example of the filter issue, on the real collection.

use std::path::Path;
use std::sync::OnceLock;

use wenji_core::Essay;
use wenji_import::load_collection;
use wenji_search::filter::EssayIndex;
use wenji_search::{filter_essay, EssayHits, Query, Tables};

struct Fixture {
    essay: Essay,
    tables: Tables,
    index: EssayIndex,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
        let essay = load_collection(dir).unwrap().essays.remove(0);
        let text = essay.plain_text();
        let tables = Tables::for_texts([text.as_str()]);
        let index = EssayIndex::new(&essay, &tables);
        Fixture {
            essay,
            tables,
            index,
        }
    })
}

fn search(q: &str) -> EssayHits {
    let f = fixture();
    filter_essay(&f.index, &Query::parse(q, &f.tables), &f.tables)
}

/// Ids of the sections shown (`篇章一` for a part's lead).
fn shown(q: &str) -> Vec<String> {
    let f = fixture();
    let hits = search(q);
    let mut out = Vec::new();
    for (part, h) in f.essay.parts.iter().zip(&hits.parts) {
        let Some(h) = h else { continue };
        if h.lead.is_some() {
            out.push(part.id.clone());
        }
        for (s, sh) in part.sections.iter().zip(&h.sections) {
            if sh.is_some() {
                out.push(s.id.clone());
            }
        }
    }
    out
}

/// Every highlighted string, in document order.
fn marked(q: &str) -> Vec<String> {
    let f = fixture();
    let hits = search(q);
    let mut out = Vec::new();
    let mut take = |text: &str, ranges: &[std::ops::Range<usize>]| {
        out.extend(ranges.iter().map(|r| text[r.clone()].to_owned()));
    };
    for (part, h) in f.essay.parts.iter().zip(&hits.parts) {
        let Some(h) = h else { continue };
        take(&part.title, &h.title);
        if let Some(lead) = &h.lead {
            for (p, r) in part.lead.iter().zip(&lead.paragraphs) {
                take(&p.text, r);
            }
        }
        for (s, sh) in part.sections.iter().zip(&h.sections) {
            let Some(sh) = sh else { continue };
            take(&s.heading, &sh.heading);
            for (p, r) in s.body.iter().zip(&sh.paragraphs) {
                take(&p.text, r);
            }
        }
    }
    out
}

#[test]
fn characters_anywhere_in_a_sentence() {
    assert_eq!(shown("新形势"), ["篇章三"]);
    assert_eq!(marked("新形势"), ["新形势"]);
}

#[test]
fn traditional_finds_simplified() {
    assert_eq!(shown("傳幫帶"), ["篇章二-其二"]);
    assert_eq!(marked("傳幫帶"), ["传帮带"]);
}

#[test]
fn full_width_and_case_fold() {
    let t = Tables::for_texts(["原文 docx 文件"]);
    for q in ["ＤＯＣＸ", "DocX", "docx"] {
        let query = Query::parse(q, &t);
        let text = wenji_search::folded::Folded::new("原文 docx 文件", &t);
        let hits = wenji_search::matcher::find(&query.clauses[0][0], &text, &t);
        assert_eq!(hits.len(), 1, "{q}");
    }
}

#[test]
fn punctuation_inside_a_match_is_skipped() {
    assert_eq!(shown("灵魂工程与保障工程"), ["引言"]);
    assert_eq!(marked("灵魂工程与保障工程"), ["灵魂工程”与“保障工程"]);
}

#[test]
fn pinyin_spellings_find_shouzheng_chuangxin() {
    for q in ["shouzheng", "szcx", "shouzcx", "shouzhengchuangx"] {
        let m = marked(q);
        assert!(m.iter().any(|s| s.starts_with("守正")), "{q}: {m:?}");
        assert!(shown(q).contains(&"篇章三".to_owned()), "{q}");
    }
    assert!(marked("szcx").iter().all(|s| s == "守正创新"));
}

#[test]
fn a_spelling_marks_whole_words_only() {
    // Before words were known: 障工 (保障工作), 着工 (随着工作), 之高
    // (束之高阁), 治工 (政治工作) were marked too.
    let zg = marked("zg");
    assert!(zg.contains(&"政工".to_owned()), "{zg:?}");
    assert!(zg.contains(&"职工".to_owned()), "{zg:?}");
    for across in ["障工", "着工", "之高", "治工"] {
        assert!(!zg.contains(&across.to_owned()), "zg: {across} in {zg:?}");
    }
    let zhigong = marked("zhigong");
    assert!(
        !zhigong.is_empty() && zhigong.iter().all(|s| s == "职工"),
        "{zhigong:?}"
    );
    // Punctuation ends a word: the “守正”是 of the text is 守正, not the
    // 正是 the dictionary would rather read.
    assert_eq!(marked("shouzheng"), marked("守正"));
    assert_eq!(marked("守正").len(), 4);
    // The characters themselves are still found inside any word.
    assert!(marked("治工").contains(&"治工".to_owned()));
}

#[test]
fn pinyin_uses_every_reading() {
    assert!(marked("changyuan").contains(&"长远".to_owned()));
    assert!(shown("changyuan").contains(&"篇章一-其二".to_owned()));
    assert!(marked("chengzhang").contains(&"成长".to_owned()));
    assert!(shown("chengzhang").contains(&"引言".to_owned()));
}

#[test]
fn all_terms_must_match() {
    assert_eq!(shown("倾听 改革"), ["篇章一-其二"]);
    assert_eq!(
        marked("倾听 改革"),
        ["改革", "改革", "改革", "倾听", "改革"]
    );
}

#[test]
fn either_term_with_a_bar() {
    assert_eq!(shown("传帮带 | 润物细无声"), ["篇章二-其一", "篇章二-其二"]);
}

#[test]
fn minus_excludes_sections() {
    let with = shown("理论");
    let without = shown("理论 -实践");
    assert!(with.contains(&"篇章一-其二".to_owned()));
    assert!(
        !without.contains(&"篇章一-其二".to_owned()),
        "其二 speaks of 实践"
    );
    assert!(without.len() < with.len() && !without.is_empty());
}

#[test]
fn a_term_in_a_part_title_shows_all_its_sections() {
    assert_eq!(shown("铸魂育人"), ["篇章一", "篇章一-其一", "篇章一-其二"]);
    assert_eq!(marked("铸魂育人"), ["铸魂育人"]);
    // The title's hit is counted once for the part.
    let h = search("铸魂育人");
    assert_eq!((h.hits, h.sections), (1, 3));
}

#[test]
fn counts_add_up() {
    let h = search("职工");
    let marks = marked("职工").len();
    assert_eq!(h.hits, marks);
    let per_part: usize = h.parts.iter().flatten().map(|p| p.hits).sum();
    assert_eq!(per_part, h.hits);
    assert_eq!(h.sections, shown("职工").len());
}

#[test]
fn no_match_shows_nothing() {
    let h = search("区块链");
    assert_eq!((h.hits, h.sections), (0, 0));
    assert!(h.parts.iter().all(Option::is_none));
}

#[test]
fn an_empty_query_is_empty() {
    let f = fixture();
    for q in ["", "   ", "\"", "-", "|", "，。"] {
        assert!(Query::parse(q, &f.tables).is_empty(), "{q:?}");
    }
}

#[test]
fn a_filtered_export_holds_exactly_the_shown_sections() {
    use wenji_core::takeaway::{export, Format};
    let f = fixture();
    let txt = export(
        &f.essay,
        &search("理论 -实践").shown(),
        Some("理论 -实践"),
        "http://h/",
        Format::Plain,
    );
    let cited: Vec<String> = txt
        .lines()
        .filter_map(|l| l.rsplit_once("http://h/#").map(|(_, id)| id.to_owned()))
        .collect();
    assert_eq!(cited, shown("理论 -实践"));
    assert!(txt.contains(&format!("只含匹配的 {} 节", cited.len())));
}

// Issue 14: pinyin marks only what it spells, by the readings a reader
// would use.

#[test]
fn rare_readings_mark_nothing() {
    // 巨 qu, 大 tai; 育 zhou, 活 guo; 是 ti… and 前 jian are a dictionary's
    // rare readings, not what a reader spells.
    for (q, not) in [("qt", "巨大"), ("zg", "育活"), ("shijian", "是前")] {
        let m = marked(q);
        assert!(!m.iter().any(|s| s.contains(not)), "{q}: {m:?}");
    }
    assert!(marked("lilun shijian").iter().all(|s| s != "是前"));
    // Common heteronyms keep both readings.
    assert!(marked("xingdong").iter().any(|s| s == "行动"));
}

#[test]
fn one_letter_is_not_pinyin() {
    // A single letter (or an initial, zh) would mark the 166 places whose
    // reading starts with it, or hide the whole text while the reader is
    // still typing: it is not looked for, and the query says so.
    for q in ["d", "q", "zh", "sh"] {
        let query = Query::parse(q, &fixture().tables);
        assert!(query.is_empty() && query.has_lone_letter(), "{q}");
        assert_eq!(marked(q), Vec::<String>::new(), "{q}");
    }
    // A full-width letter the text has no fold for is looked for as it is.
    assert_eq!(marked("Ｚ"), Vec::<String>::new());
    // Beside other words it is left out, and they are looked for.
    assert_eq!(shown("倾听 d"), shown("倾听"));
    assert_eq!(marked("倾听 d"), marked("倾听"));
}

#[test]
fn tone_marks_and_mixed_terms_find_the_text() {
    for q in ["qīngtīng", "QĪNGTĪNG", "倾ting", "倾t", "qing听", "qīng听"] {
        assert!(
            marked(q).iter().any(|s| s == "倾听"),
            "{q}: {:?}",
            marked(q)
        );
    }
    assert!(marked("守正cx").iter().all(|s| s == "守正创新"));
    assert!(!marked("守正cx").is_empty());
    assert_eq!(shown("倾ting"), shown("倾听"));
}

#[test]
fn the_extent_counts_the_headings_shown() {
    // 篇章一's title holds 理论, so each of its sections has it; only
    // 其二 has 实践 too: one chapter heading and one section heading.
    let x = search("理论 实践").extent();
    assert_eq!(x.to_string(), "1 章 1 节");
    assert_eq!(shown("理论 实践"), ["篇章一-其二"]);
    // A hit in 篇章三's title shows its lead and both sub-sections.
    assert_eq!(search("szcx").extent().to_string(), "1 章 2 节");
    // 引言 has no sub-section.
    assert_eq!(search("灵魂工程与保障工程").extent().to_string(), "1 章");
}

/// A long essay is indexed and searched a part at a time, the two
/// interleaved, between which the page goes on: what that finds is what
/// one search of the whole finds, whatever the query.
#[test]
fn searched_part_by_part_finds_what_the_whole_search_finds() {
    let f = fixture();
    for q in [
        "守正",
        "工作 -职工",
        "szcx",
        "zhigong",
        "学习 | 群众",
        "没有的词",
    ] {
        let query = Query::parse(q, &f.tables);
        let mut index = EssayIndex::default();
        let mut hits = EssayHits::default();
        for part in &f.essay.parts {
            // Nothing beyond what is indexed is searched.
            while wenji_search::filter_next_part(&index, &query, &f.tables, &mut hits) {}
            assert_eq!(hits.parts.len(), index.built());
            index.build_part(part, &f.tables);
        }
        while wenji_search::filter_next_part(&index, &query, &f.tables, &mut hits) {}
        assert_eq!(hits, search(q), "{q}");
    }
    assert!(search("守正").hits > 0 && f.essay.parts.len() > 2);
}
