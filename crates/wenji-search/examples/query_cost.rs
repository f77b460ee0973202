//! Worst-case query cost on a 1 MB synthetic collection (figures, not a
//! test): `cargo run --release -p wenji-search --example query_cost`.
//!
//! The collection repeats the seed essay's sentences, with traditional,
//! full-width and Latin variants mixed in, into parts of ten sections.

use std::path::Path;
use std::time::Instant;

use wenji_core::{fixtures, Essay, HeadingForm, Part, Section};
use wenji_import::load_collection;
use wenji_search::filter::EssayIndex;
use wenji_search::{filter_essay, Query, Tables};

fn synthetic(target_bytes: usize) -> Essay {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"));
    let seed = load_collection(dir)
        .expect("content parses")
        .essays
        .remove(0);
    let sentences: Vec<String> = seed
        .plain_text()
        .split('。')
        .filter(|s| !s.is_empty())
        .map(|s| format!("{s}。"))
        .collect();
    let extras = [
        "傳幫帶與長遠發展。",
        "ＤＯＣＸ and docx files, Ａ-Ｚ. ",
        "aaaa aaaaa aaaaaaaa。",
    ];
    let mut parts = Vec::new();
    let mut bytes = 0;
    let mut n = 0;
    while bytes < target_bytes {
        let mut sections = Vec::new();
        for s in 0..10 {
            let mut body = String::new();
            while body.len() < 1_000 {
                body.push_str(&sentences[n % sentences.len()]);
                if n % 17 == 0 {
                    body.push_str(extras[n % extras.len()]);
                }
                n += 1;
            }
            bytes += body.len();
            sections.push(Section {
                related: Vec::new(),
                id: format!("p{}-{s}", parts.len()),
                heading: format!("其{s}，{}", &sentences[(n + s) % sentences.len()]),
                form: HeadingForm::Opening,
                body: vec![body.into()],
            });
        }
        parts.push(Part {
            id: format!("p{}", parts.len()),
            title: format!("篇章{}：守正创新", parts.len()),
            lead: vec![],
            sections,
        });
    }
    fixtures::essay("synthetic", "synthetic", parts)
}

fn main() {
    let essay = synthetic(1 << 20);
    let text = essay.plain_text();
    let started = Instant::now();
    let tables = Tables::for_texts([text.as_str()]);
    let index = EssayIndex::new(&essay, &tables);
    println!(
        "collection: {:.2} MB in {} sections; tables and index built in {:?}",
        text.len() as f64 / 1e6,
        essay.parts.iter().map(|p| p.sections.len()).sum::<usize>(),
        started.elapsed()
    );

    let long_query: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(10_000)
        .collect();
    let many_terms: String = (0..1_000)
        .map(|i| ["守正", "职工", "理论", "a", "-xyz"][i % 5])
        .collect::<Vec<_>>()
        .join(" ");
    let queries: Vec<(&str, String)> = vec![
        ("守正", "守正".into()),
        ("szcx (pinyin)", "szcx".into()),
        ("傳幫帶 (traditional)", "傳幫帶".into()),
        ("10,000-character query", long_query),
        ("1,000 terms", many_terms),
        ("64 × a (pinyin)", "a".repeat(64)),
        ("10,000 × a", "a".repeat(10_000)),
        ("zhzh… (pinyin, 64 letters)", "zh".repeat(32)),
        ("shishishi… (pinyin, 63 letters)", "shi".repeat(21)),
        (
            "24 distinct 60-letter pinyin terms",
            (0..24)
                .map(|i| format!("zh{}", "shi".repeat(19 + i % 2)))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (
            "many ORs",
            (0..500)
                .map(|i| if i % 2 == 0 { "守" } else { "|" })
                .collect::<Vec<_>>()
                .join(" "),
        ),
    ];
    let mut worst = (String::new(), 0.0f64);
    for (name, q) in &queries {
        // Median of 5 runs.
        let mut times = Vec::new();
        let mut result = None;
        for _ in 0..5 {
            let t = Instant::now();
            let query = Query::parse(q, &tables);
            let hits = filter_essay(&index, &query, &tables);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            result = Some((hits.hits, hits.sections, query.truncated));
        }
        times.sort_by(f64::total_cmp);
        let ms = times[2];
        let (hits, sections, cut) = result.unwrap();
        println!(
            "{name:<34} {ms:>9.2} ms   {hits:>6} hits in {sections:>4} sections{}",
            if cut { "  (query cut)" } else { "" }
        );
        if ms > worst.1 {
            worst = (name.to_string(), ms);
        }
    }
    println!("worst: {} at {:.2} ms", worst.0, worst.1);
}
