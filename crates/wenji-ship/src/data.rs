//! The collection's data files (`wenji_core::data`): an index and text
//! chunks, each named after a hash of its content, so that a browser and
//! the service worker keep a file until its content changes, and a change
//! to one essay's text renames only its chunk (and the index).

use sha2::{Digest, Sha256};
use wenji_core::data::{encode_chunk, encode_index, plan_chunks, CHUNK_TARGET_BYTES};
use wenji_core::Collection;
use wenji_search::related::attach_related;
use wenji_search::Tables;

/// A data file to write beside the page.
pub struct DataFile {
    pub name: String,
    pub text: String,
}

/// 16 hex digits of the sha256 of `content`: what names a file by its
/// content (a data file, the app's wasm, a kept compressed copy).
pub fn content_hash(content: impl AsRef<[u8]>) -> String {
    Sha256::digest(content.as_ref())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `stem-<content_hash>.txt`.
fn named(stem: &str, text: String) -> DataFile {
    DataFile {
        name: format!("{stem}-{}.txt", content_hash(&text)),
        text,
    }
}

/// The index (first) and the chunks of `collection`, with the search tables
/// for its characters and, in the chunks, each sub-section's related
/// passages.
pub fn data_files(collection: &Collection) -> Vec<DataFile> {
    let mut collection = collection.clone();
    attach_related(&mut collection);
    let collection = &collection;
    let plan = plan_chunks(collection, CHUNK_TARGET_BYTES);
    let chunks: Vec<DataFile> = plan
        .iter()
        .map(|members| named("text", encode_chunk(collection, members)))
        .collect();
    let names: Vec<String> = chunks.iter().map(|c| c.name.clone()).collect();
    let tables = Tables::for_essays(&collection.essays);
    let index = named(
        "index",
        encode_index(collection, &plan, &names, &tables.to_compact()),
    );
    std::iter::once(index).chain(chunks).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wenji_core::data::{decode_chunk, decode_index};
    use wenji_core::fixtures::essay;
    use wenji_core::{HeadingForm, Part, Section};

    fn collection(body: &str) -> Collection {
        let part = Part {
            id: "p".into(),
            title: "篇章一：傳幫帶".into(),
            lead: vec![],
            sections: vec![Section {
                related: Vec::new(),
                id: "p-s".into(),
                heading: "其一。".into(),
                form: HeadingForm::Opening,
                body: vec![body.into()],
            }],
        };
        Collection {
            essays: vec![
                essay("a", "甲", vec![part.clone()]),
                essay("b", "乙", vec![part]),
            ],
        }
    }

    #[test]
    fn the_files_hold_the_collection_and_are_named_by_content() {
        let files = data_files(&collection("守正创新"));
        assert!(files[0].name.starts_with("index-") && files[0].name.ends_with(".txt"));
        let index = decode_index(&files[0].text).unwrap();
        assert_eq!(index.chunks.len(), files.len() - 1);
        assert_eq!(index.chunks[0], files[1].name);
        // The tables cover the collection's characters: 傳 folds to 传.
        assert!(index.tables.fold.contains('傳'));
        assert!(index.tables.readings.contains("shou"));
        let essays = decode_chunk(&files[1].text).unwrap();
        assert_eq!(essays.len(), 2);
        assert_eq!(essays[1].1[0].sections[0].body[0], "守正创新");
        // Same content, same names; other text, another chunk name.
        let again = data_files(&collection("守正创新"));
        assert_eq!(again[1].name, files[1].name);
        let changed = data_files(&collection("守正创新。"));
        assert_ne!(changed[1].name, files[1].name);
    }
}
