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

use wenji_core::data::{encode_chunk, encode_index, plan_chunks};
use wenji_core::notebook::Notebook;
use wenji_core::{Collection, Date, Origin};
use wenji_import::ImportError;
use wenji_search::related::attach_related;
use wenji_search::Tables;

/// A file read: the index and the chunk of a one-essay collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub index: String,
    pub chunk: String,
}

/// The name the answer's index gives its chunk (the page does not fetch it).
pub const CHUNK_NAME: &str = "opened";

/// Make what the first file would wait for (the fold table), before it
/// comes.
pub fn warm_up() {
    wenji_search::tables_build::prepare();
}

/// Read file `name` (`bytes`), split into parts or not.
pub fn read(name: &str, bytes: &[u8], split: bool) -> Result<Answer, ImportError> {
    let essay = wenji_import::read_file(name, bytes, split)?;
    let collection = Collection {
        essays: vec![essay],
    };
    let tables = Tables::for_essays(&collection.essays);
    Ok(Answer {
        index: encode_index(
            &collection,
            &[vec![0]],
            &[CHUNK_NAME.to_owned()],
            &tables.to_compact(),
        ),
        chunk: encode_chunk(&collection, &[0]),
    })
}

/// Bytes of essay text a chunk of a made collection holds, as the build's.
const CHUNK_BYTES: usize = 256 * 1024;

/// A file to make a collection of: its name, bytes and whether it is split
/// into parts by its headings.
pub struct Source<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub split: bool,
}

/// The data files (`(name, text)`, the index first) of a collection of
/// `files`, in their order, for a single file made in the page (做成文集):
/// the collection's own format, search tables and related passages, as the
/// build writes them.
/// Their addresses are `essay-1`, `essay-2` …: in the made collection they
/// are its own essays, not files opened in a browser. A file that cannot
/// be read is named with the reason.
/// Each essay's facts say which file it came from, and that it was
/// collected on `made`.
pub fn collection(files: &[Source], made: Date) -> Result<Vec<(String, String)>, String> {
    let mut essays = Vec::with_capacity(files.len());
    for (i, f) in files.iter().enumerate() {
        let mut essay = wenji_import::read_file(f.name, f.bytes, f.split)
            .map_err(|e| format!("{}：{}", f.name, e.zh()))?;
        essay.slug = format!("essay-{}", i + 1);
        essay.facts.origin = Some(Origin {
            file: f.name.to_owned(),
            made,
        });
        essay.order = u32::try_from(i + 1).unwrap_or(u32::MAX);
        essays.push(essay);
    }
    if essays.is_empty() {
        return Err("没有选中的文件".to_owned());
    }
    let mut collection = Collection { essays };
    // Related passages among the files, as the build finds them.
    attach_related(&mut collection);
    let tables = Tables::for_essays(&collection.essays);
    let plan = plan_chunks(&collection, CHUNK_BYTES);
    let names: Vec<String> = (0..plan.len()).map(|i| format!("text-{i}.txt")).collect();
    let mut out = vec![(
        "index.txt".to_owned(),
        encode_index(&collection, &plan, &names, &tables.to_compact()),
    )];
    for (name, members) in names.into_iter().zip(&plan) {
        out.push((name, encode_chunk(&collection, members)));
    }
    Ok(out)
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
        let tables = Tables::from_compact(&index.tables);
        // 繁简 and pinyin for the file's own characters.
        assert_eq!(tables.fold_str("學"), "学");
        assert!(tables.readings('践').iter().any(|r| r == "jian"));
        let chunk = decode_chunk(&answer.chunk).unwrap();
        assert_eq!(chunk.len(), 1);
        assert_eq!(chunk[0].1.len(), 2, "two parts: 一、 and 二、");
    }

    fn day() -> Date {
        Date::new(2026, 12, 4).unwrap()
    }

    #[test]
    fn files_become_a_collection_in_the_builds_format() {
        let md = "# 读书笔记\n\n## 第一篇\n\n读书使人明理。\n";
        let txt = "调研报告\n\n第一章 背景\n走访了十个支部。\n";
        let files = collection(
            &[
                Source {
                    name: "笔记.md",
                    bytes: md.as_bytes(),
                    split: true,
                },
                Source {
                    name: "调研.txt",
                    bytes: txt.as_bytes(),
                    split: true,
                },
            ],
            day(),
        )
        .unwrap();
        assert_eq!(files[0].0, "index.txt");
        let index = decode_index(&files[0].1).unwrap();
        let titles: Vec<&str> = index.essays.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["读书笔记", "调研报告"]);
        let slugs: Vec<&str> = index.essays.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, ["essay-1", "essay-2"]);
        let origin = index.essays[1].facts.origin.as_ref().unwrap();
        assert_eq!((origin.file.as_str(), origin.made), ("调研.txt", day()));
        let tables = Tables::from_compact(&index.tables);
        assert!(tables.readings('研').iter().any(|r| r == "yan"));
        // Every chunk named by the index is there, and holds both essays.
        assert_eq!(files.len(), 2);
        assert_eq!(decode_chunk(&files[1].1).unwrap().len(), 2);
        assert!(files.iter().all(|(_, text)| !text.contains('<')));

        let bad = collection(
            &[Source {
                name: "坏.docx",
                bytes: b"PK\x03\x04junk",
                split: true,
            }],
            day(),
        );
        assert!(bad.unwrap_err().starts_with("坏.docx："));
        assert!(collection(&[], day()).is_err());
    }

    #[test]
    fn a_made_collection_carries_related_passages_among_its_files() {
        let seed = include_str!("../../../content/zhenggong-xinde.md");
        let files = collection(
            &[
                Source {
                    name: "甲.md",
                    bytes: seed.as_bytes(),
                    split: true,
                },
                Source {
                    name: "乙.md",
                    bytes: seed.as_bytes(),
                    split: true,
                },
            ],
            day(),
        )
        .unwrap();
        let chunk = decode_chunk(&files[1].1).unwrap();
        let (first, parts) = &chunk[0];
        let other = parts
            .iter()
            .flat_map(|p| &p.sections)
            .flat_map(|s| &s.related)
            .filter(|r| r.place.essay != *first)
            .count();
        assert!(other > 0, "the other file's passages are related");
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
