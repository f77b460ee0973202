//! Search for Chinese text that matches on characters, never on words.
//!
//! Text and query are folded alike (compatibility forms, case, traditional
//! to simplified, punctuation and white space dropped); every hit is mapped
//! back to the exact bytes of the original text for highlighting. A Latin
//! term also matches Chinese characters by their pinyin, as whole words
//! (`words`: where the text's words begin and end).
#![forbid(unsafe_code)]

pub mod chars;
pub mod collate;
pub mod collection;
pub mod filter;
pub mod folded;
#[cfg(feature = "build-tables")]
pub mod heteronyms;
pub mod likeness;
#[cfg(feature = "build-likeness")]
pub mod likeness_build;
pub mod marks;
pub mod matcher;
pub mod near;
pub mod query;
#[cfg(feature = "build-tables")]
pub mod related;
pub mod tables;
#[cfg(feature = "build-tables")]
pub mod tables_build;
mod word_weight;
pub mod words;

pub use collection::{CollectionHits, Field, Filtered, PlaceHits, Snippet, Totals};
pub use filter::{filter_essay, filter_next_part, EssayHits, Extent, PartHits, UnitHits};
pub use query::Query;
pub use tables::Tables;
