//! The collection and its search tables, embedded at build time by
//! `build.rs`, and the search index built from them once.

use std::sync::OnceLock;

use wenji_search::filter::EssayIndex;
use wenji_search::Tables;

include!(concat!(env!("OUT_DIR"), "/collection.rs"));

pub fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables::from_compact(FOLD_TABLE, READING_TABLE))
}

/// The folded texts of every essay, in collection order.
pub fn indexes() -> &'static [EssayIndex] {
    static I: OnceLock<Vec<EssayIndex>> = OnceLock::new();
    I.get_or_init(|| {
        collection()
            .essays
            .iter()
            .map(|e| EssayIndex::new(e, tables()))
            .collect()
    })
}

/// Id prefix of essay `i` where several essays share the page (`slug--`),
/// so that `篇章一` of one essay and of another stay distinct.
pub fn group_scope(i: usize) -> &'static str {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        collection()
            .essays
            .iter()
            .map(|e| format!("{}--", e.slug))
            .collect()
    })[i]
        .as_str()
}
