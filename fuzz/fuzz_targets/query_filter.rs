//! Arbitrary text and query through the parser, the folding and the
//! matcher: no panic, and every highlight range valid.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wenji_core::{fixtures, Part, Section};
use wenji_search::filter::EssayIndex;
use wenji_search::{filter_essay, Query, Tables};

fn valid(text: &str, ranges: &[std::ops::Range<usize>]) -> bool {
    ranges.iter().all(|r| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    // Text, then the query after the first NUL.
    let (text, query) = input.split_once('\0').unwrap_or((input, input));
    let essay = fixtures::essay(
        "f",
        "f",
        vec![Part {
            id: "a".into(),
            title: text.chars().take(20).collect(),
            lead: vec![text.into()],
            sections: vec![Section {
                id: "a-1".into(),
                heading: query.into(),
                body: vec![text.into()],
            }],
        }],
    );
    let tables = Tables::for_texts([text, query]);
    let index = EssayIndex::new(&essay, &tables);
    let q = Query::parse(query, &tables);
    let hits = filter_essay(&index, &q, &tables);
    let part = &essay.parts[0];
    if let Some(Some(h)) = hits.parts.first() {
        assert!(valid(&part.title, &h.title));
        if let Some(l) = &h.lead {
            assert!(valid(&part.lead[0], &l.paragraphs[0]));
        }
        if let Some(Some(s)) = h.sections.first() {
            assert!(valid(&part.sections[0].heading, &s.heading));
            assert!(valid(&part.sections[0].body[0], &s.paragraphs[0]));
        }
    }
    // Folding is idempotent.
    let once = tables.fold_str(text);
    assert_eq!(tables.fold_str(&once), once);
});
