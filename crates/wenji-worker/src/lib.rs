//! The page's document reader, run in a Web Worker so that neither its code
//! (the importer, and the fold and pinyin tables for every CJK character)
//! nor the work on a large file weighs on the page: the page starts the
//! worker only when a reader opens a file.
//!
//! What it answers is the collection's own data format (`wenji_core::data`):
//! an index of the one essay with the search tables for its characters, and
//! the chunk of its text. The page reads them with the code that reads the
//! collection, so there is one format and one reader of it. It also writes
//! the notebook as a Word file, so that the page carries no zip writer.
//! This file is the pure part, tested on the host; `main.rs` is the
//! worker's edge.

use wenji_core::data::{encode_chunk, encode_index};
use wenji_core::notebook::Notebook;
use wenji_core::Collection;
use wenji_import::ImportError;
use wenji_search::Tables;

/// A file read: the index and the chunk of a one-essay collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub index: String,
    pub chunk: String,
}

/// The name the answer's index gives its chunk (the page does not fetch it).
pub const CHUNK_NAME: &str = "opened";

/// Read file `name` (`bytes`), split into parts or not.
pub fn read(name: &str, bytes: &[u8], split: bool) -> Result<Answer, ImportError> {
    let essay = wenji_import::read_file(name, bytes, split)?;
    let collection = Collection {
        essays: vec![essay],
    };
    let tables = Tables::for_essays(&collection.essays);
    let (fold, readings) = tables.to_compact();
    Ok(Answer {
        index: encode_index(
            &collection,
            &[vec![0]],
            &[CHUNK_NAME.to_owned()],
            &fold,
            &readings,
        ),
        chunk: encode_chunk(&collection, &[0]),
    })
}

/// The notebook kept as `text` (`Notebook::encode`) as a `.docx`, each
/// excerpt cited with `links[i]`.
pub fn notebook_docx(text: &str, links: &[String]) -> Result<Vec<u8>, String> {
    let notebook = Notebook::decode(text).map_err(|e| format!("摘抄本数据有误（{e}）"))?;
    Ok(wenji_import::docx_write::notebook_docx(
        &notebook.excerpts,
        links,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wenji_core::data::{decode_chunk, decode_index};

    #[test]
    fn a_file_comes_back_in_the_collections_format_with_its_tables() {
        let answer = read(
            "心得.txt",
            "心得\n\n一、學習\n正文一。\n二、实践\n正文二。\n".as_bytes(),
            true,
        )
        .unwrap();
        let index = decode_index(&answer.index).unwrap();
        assert_eq!(index.essays.len(), 1);
        assert_eq!(index.essays[0].title, "心得");
        let tables = Tables::from_compact(&index.fold_table, &index.reading_table);
        // 繁简 and pinyin for the file's own characters.
        assert_eq!(tables.fold_str("學"), "学");
        assert!(tables.readings('践').iter().any(|r| r == "jian"));
        let chunk = decode_chunk(&answer.chunk).unwrap();
        assert_eq!(chunk.len(), 1);
        assert_eq!(chunk[0].1.len(), 2, "two parts: 一、 and 二、");
    }

    #[test]
    fn the_notebook_becomes_a_word_file() {
        let text = "wenji-notebook 1\nX\t1\te\t心得\t篇章一\t篇章一\t学深悟透\t\t\t笔记\n";
        let bytes = notebook_docx(text, &["?essay=e#篇章一".into()]).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let doc = wenji_import::docx::read_docx(&bytes, false).unwrap();
        assert!(doc.parts[0].lead.iter().any(|p| *p == "学深悟透"));
        assert!(notebook_docx("not a notebook", &[]).is_err());
    }

    #[test]
    fn a_bad_file_is_an_error_not_a_panic() {
        assert_eq!(
            read("x.docx", b"PK\x03\x04junk", true).unwrap_err(),
            ImportError::DamagedZip
        );
    }
}
