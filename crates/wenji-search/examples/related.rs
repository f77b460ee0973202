//! Related passages of a collection (figures, not a test):
//! `cargo run --release -p wenji-search --example related -- CONTENT_DIR [show]`
//! (`node scripts/make-collection.mjs 1000 target/c1000` makes one).
//! Prints the time to find them, how many sub-sections have some and what
//! they add to the text chunks; with `show`, the first essay's as the
//! reader sees them.

use std::path::PathBuf;
use std::time::Instant;

use wenji_core::data::{encode_chunk, plan_chunks, CHUNK_TARGET_BYTES};
use wenji_import::load_collection;
use wenji_search::related::attach_related;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "content".into()));
    let mut collection = load_collection(&dir).expect("content parses");
    let chunk_bytes = |c: &wenji_core::Collection| -> usize {
        plan_chunks(c, CHUNK_TARGET_BYTES)
            .iter()
            .map(|m| encode_chunk(c, m).len())
            .sum()
    };
    let before = chunk_bytes(&collection);
    let t = Instant::now();
    attach_related(&mut collection);
    let took = t.elapsed();
    let after = chunk_bytes(&collection);
    let sections: Vec<_> = collection
        .essays
        .iter()
        .flat_map(|e| e.parts.iter().flat_map(|p| &p.sections))
        .collect();
    let with = sections.iter().filter(|s| !s.related.is_empty()).count();
    let links: usize = sections.iter().map(|s| s.related.len()).sum();
    println!(
        "{} essays, {} sub-sections: related passages found in {:.0} ms",
        collection.essays.len(),
        sections.len(),
        took.as_secs_f64() * 1000.0
    );
    println!("sub-sections with related passages: {with} ({links} links)");
    println!(
        "text chunks: {:.1} KB -> {:.1} KB (+{:.1}%)",
        before as f64 / 1024.0,
        after as f64 / 1024.0,
        (after - before) as f64 * 100.0 / before as f64
    );
    let heading = |place: wenji_core::Place| {
        let e = &collection.essays[place.essay];
        let part = &e.parts[place.part];
        let h = place
            .section
            .map_or(part.title.as_str(), |s| &part.sections[s].heading);
        format!("《{}》 {}", e.title, h)
    };
    let show = std::env::args().nth(2).is_some_and(|a| a == "show");
    for e in collection.essays.iter().take(usize::from(show)) {
        for part in &e.parts {
            for s in part.sections.iter().take(3) {
                println!("{}", s.heading);
                for r in &s.related {
                    println!("  → {} [{}]", heading(r.place), r.shared.join("、"));
                }
            }
        }
    }
}
