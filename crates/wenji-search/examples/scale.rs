//! Search cost on a generated collection (figures, not a test):
//! `node scripts/make-collection.mjs 1000 target/c1000 &&
//!  cargo run --release -p wenji-search --example scale -- target/c1000`
//! Prints the time to fold the collection once and, for typical queries,
//! the time to filter every essay and the hits found; then, for slips that
//! find nothing, the time to look for near forms over every essay.

use std::path::PathBuf;
use std::time::Instant;

use wenji_import::load_collection;
use wenji_search::filter::EssayIndex;
use wenji_search::likeness::Likeness;
use wenji_search::likeness_build::likeness_for_essays;
use wenji_search::near::{forgivable, Judge, NearMatches};
use wenji_search::{filter_essay, Query, Tables};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: scale CONTENT_DIR"));
    let t = Instant::now();
    let collection = load_collection(&dir).expect("content parses");
    println!(
        "parse {} essays: {:?}",
        collection.essays.len(),
        t.elapsed()
    );
    let t = Instant::now();
    let tables = Tables::for_essays(&collection.essays);
    println!("tables: {:?}", t.elapsed());
    let t = Instant::now();
    let indexes: Vec<EssayIndex> = collection
        .essays
        .iter()
        .map(|e| EssayIndex::new(e, &tables))
        .collect();
    println!("fold all: {:?}", t.elapsed());
    for q in [
        "政",
        "职工",
        "z",
        "zh",
        "zhi",
        "zhig",
        "zhigong",
        "量子计算",
        "理论 实践",
        "倾听 | 理解",
    ] {
        let query = Query::parse(q, &tables);
        let t = Instant::now();
        let hits: Vec<_> = indexes
            .iter()
            .map(|i| filter_essay(i, &query, &tables))
            .collect();
        let el = t.elapsed();
        let (h, s) = hits
            .iter()
            .fold((0, 0), |(a, b), x| (a + x.hits, b + x.sections));
        let essays = hits.iter().filter(|x| x.sections > 0).count();
        println!("{q:>10}: {el:>10.2?}  {h} hits, {s} sections, {essays} essays");
    }
    let t = Instant::now();
    let text = likeness_for_essays(&collection.essays);
    println!("likeness data: {:?}, {} bytes", t.elapsed(), text.len());
    let t = Instant::now();
    let likeness = Likeness::from_compact(&text);
    println!("likeness read: {:?}", t.elapsed());
    let judge = Judge {
        tables: &tables,
        likeness: &likeness,
    };
    for q in [
        "学深悟头",
        "同行交借鉴",
        "抛转引玉",
        "以人为笨",
        "锤练党性",
        "命生线",
        "正人先正已",
        "强化理论武的深度与广度",
        "电脑",
        "人工智能",
    ] {
        let query = Query::parse(q, &tables);
        let term = forgivable(&query).expect("a forgivable term");
        let t = Instant::now();
        let mut near = NearMatches::default();
        for i in &indexes {
            near.scan_essay(&term, i, judge);
        }
        let el = t.elapsed();
        let offered: Vec<String> = near
            .offered()
            .iter()
            .map(|n| format!("{} ({})", n.form, n.count))
            .collect();
        println!("{q:>10}: {el:>10.2?}  near: {}", offered.join(", "));
    }
}
