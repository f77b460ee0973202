//! What the page and the document reader in its worker say to each other,
//! named once for both sides (`src/importer.rs`, `crates/wenji-worker`).
//!
//! A question is an array whose first item is its kind (`Ask::tag`), then
//! its arguments in the order each kind lists; an answer is an object with
//! the fields below, or `error` alone (in the reader's words). The worker
//! says `READY` once it listens.

/// What the worker is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// `name, bytes, split`: read one file; answered with `INDEX` and
    /// `CHUNK` (UTF-8 bytes, handed over rather than copied).
    Read,
    /// `notebook, links`: write the notebook as a `.docx`; answered with
    /// `DOCX` (bytes).
    Docx,
    /// `names, bytes, splits, made` (arrays, one entry a file; `made`, the
    /// day, `2026-12-04`): make a collection for 做成文集; answered with
    /// `FILES` (`[name, text]` pairs, the index first).
    Collection,
    /// Nothing: make the tables ahead of the first file; answered with an
    /// empty object.
    Warm,
}

impl Ask {
    const ALL: [Ask; 4] = [Ask::Read, Ask::Docx, Ask::Collection, Ask::Warm];

    /// The first item of the question's array.
    pub fn tag(self) -> &'static str {
        match self {
            Ask::Read => "read",
            Ask::Docx => "docx",
            Ask::Collection => "collection",
            Ask::Warm => "warm",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Ask> {
        Ask::ALL.into_iter().find(|a| a.tag() == tag)
    }
}

/// The worker's first message: it listens.
pub const READY: &str = "ready";
/// Answer fields.
pub const INDEX: &str = "index";
pub const CHUNK: &str = "chunk";
pub const DOCX: &str = "docx";
pub const FILES: &str = "files";
pub const ERROR: &str = "error";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_tag() {
        for a in Ask::ALL {
            assert_eq!(Ask::from_tag(a.tag()), Some(a));
        }
        assert_eq!(Ask::from_tag("READ"), None);
        assert_eq!(Ask::from_tag(""), None);
    }
}
