//! Properties over arbitrary text and queries.

use proptest::prelude::*;
use wenji_core::{fixtures, Essay, HeadingForm, Part, Section};
use wenji_search::filter::EssayIndex;
use wenji_search::folded::Folded;
use wenji_search::{filter_essay, Query, Tables};

/// Text that mixes what readers meet: Chinese (simplified and traditional),
/// Latin, full-width forms, punctuation, and any other character.
fn mixed_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("守正创新".to_owned()),
        Just("传帮带，長遠".to_owned()),
        Just("“灵魂工程”与".to_owned()),
        Just("ＤＯＣＸ docx ".to_owned()),
        Just("成长 Lü 绿".to_owned()),
        "[a-zA-Z0-9 ,.;:!?\"|-]{0,8}",
        "\\PC{0,6}",
        any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ];
    prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
}

fn essay_of(paragraphs: &[String]) -> Essay {
    fixtures::essay(
        "p",
        "T",
        vec![Part {
            id: "a".into(),
            title: paragraphs.first().cloned().unwrap_or_default(),
            lead: paragraphs
                .iter()
                .skip(1)
                .take(1)
                .map(|p| p.as_str().into())
                .collect(),
            sections: paragraphs
                .iter()
                .skip(2)
                .enumerate()
                .map(|(i, p)| Section {
                    related: Vec::new(),
                    id: format!("a-{i}"),
                    heading: format!("其{i}"),
                    form: HeadingForm::Opening,
                    body: vec![p.as_str().into()],
                })
                .collect(),
        }],
    )
}

fn all_ranges_valid(essay: &Essay, hits: &wenji_search::EssayHits) -> bool {
    let ok = |text: &str, rs: &[std::ops::Range<usize>]| {
        rs.iter().all(|r| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        }) && rs.windows(2).all(|w| w[0].end <= w[1].start)
    };
    essay.parts.iter().zip(&hits.parts).all(|(p, h)| {
        let Some(h) = h else { return true };
        ok(&p.title, &h.title)
            && h.lead.as_ref().is_none_or(|l| {
                p.lead
                    .iter()
                    .zip(&l.paragraphs)
                    .all(|(t, r)| ok(&t.text, r))
            })
            && p.sections.iter().zip(&h.sections).all(|(s, sh)| {
                sh.as_ref().is_none_or(|sh| {
                    ok(&s.heading, &sh.heading)
                        && s.body
                            .iter()
                            .zip(&sh.paragraphs)
                            .all(|(t, r)| ok(&t.text, r))
                })
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_and_query_never_panic_and_ranges_are_valid(
        paragraphs in prop::collection::vec(mixed_text(), 1..5),
        query in mixed_text(),
    ) {
        let essay = essay_of(&paragraphs);
        let tables = Tables::for_texts(paragraphs.iter().map(String::as_str).chain([query.as_str()]));
        let index = EssayIndex::new(&essay, &tables);
        let hits = filter_essay(&index, &Query::parse(&query, &tables), &tables);
        prop_assert!(all_ranges_valid(&essay, &hits));
    }

    #[test]
    fn folding_is_idempotent(text in mixed_text()) {
        let tables = Tables::for_texts([text.as_str()]);
        let once = tables.fold_str(&text);
        prop_assert_eq!(tables.fold_str(&once), once);
    }

    #[test]
    fn a_substring_of_a_section_finds_that_section(
        paragraphs in prop::collection::vec(mixed_text(), 3..5),
        pick in any::<prop::sample::Index>(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let essay = essay_of(&paragraphs);
        let tables = Tables::for_texts(paragraphs.iter().map(String::as_str));
        // A sub-section body (index ≥ 2), cut on character boundaries.
        let which = 2 + pick.index(paragraphs.len() - 2);
        let chars: Vec<char> = paragraphs[which].chars().collect();
        prop_assume!(!chars.is_empty());
        let (i, j) = { let (x, y) = (a.index(chars.len()), b.index(chars.len())); (x.min(y), x.max(y) + 1) };
        let sub: String = chars[i..j].iter().collect();
        // Quoted, so that spaces, `|` and `-` in it are text; quotes inside are dropped
        // as punctuation by the fold anyway.
        prop_assume!(!sub.contains('"') && !sub.contains('＂') && sub.chars().count() < 200);
        let query = Query::parse(&format!("\"{sub}\""), &tables);
        prop_assume!(!query.is_empty());
        let index = EssayIndex::new(&essay, &tables);
        let hits = filter_essay(&index, &query, &tables);
        let part = hits.parts[0].as_ref();
        prop_assert!(part.is_some_and(|p| p.sections[which - 2].is_some()), "{sub:?} not found");
    }

    #[test]
    fn folded_positions_map_inside_the_original(text in any::<String>()) {
        let tables = Tables::default();
        let f = Folded::new(&text, &tables);
        for i in 0..f.chars().len() {
            let r = f.original(i..i + 1);
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.end <= text.len());
        }
    }
}
