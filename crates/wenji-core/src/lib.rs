//! The document model of wenji and everything about it that needs no browser:
//! parsing content files, stable ids, the facts line and the folding state.
#![forbid(unsafe_code)]

pub mod backup;
pub mod clipboard;
pub mod data;
pub mod excerpt;
pub mod facts;
pub mod fault;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod fold;
pub mod ids;
pub mod library;
pub mod model;
pub mod notebook;
pub mod opened;
pub mod order;
pub mod prefs;
pub mod reading;
pub mod route;
pub mod shortcuts;
pub mod single_file;
pub mod takeaway;
pub mod window;
pub mod worker_protocol;

#[cfg(feature = "parse")]
pub mod front_matter;
#[cfg(feature = "parse")]
pub mod parse;

pub use model::{
    Collection, Date, Document, Essay, Facts, Folds, HeadingForm, Origin, Paragraph, ParagraphKind,
    Part, Place, RelatedPassage, Section,
};
