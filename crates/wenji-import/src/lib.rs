//! Readers' own documents made into the reader's model: Word files
//! (`.docx`, their structure from heading styles and outline levels) and
//! plain text (`.txt` in UTF-8, UTF-16 or GBK, its structure found from the
//! families of Chinese headings, as for a Word file without heading styles).
//!
//! The crate has no web dependency: the build reads `content/` with it, and
//! the page can read a file a reader opens with the very same code. It is
//! split where the work splits: `zip` and `docx` read Word files, `text`
//! decodes bytes into paragraphs,
//! `headings` says which paragraphs are headings and at what level,
//! `numerals` reads the numbers headings count with, and `outline` makes
//! parts and sub-sections of it all.
#![forbid(unsafe_code)]

#[cfg(feature = "collection")]
mod collection;
pub mod docx;
pub mod docx_write;
mod error;
pub mod headings;
#[cfg(feature = "collection")]
pub mod markdown;
pub mod numerals;
pub mod outline;
pub mod text;
pub mod zip;

use wenji_core::model::count_chars;
use wenji_core::opened::OPENED_PREFIX;
use wenji_core::Document;

#[cfg(feature = "collection")]
pub use collection::{load_collection, load_collection_noting};
pub use error::ImportError;

/// A file a reader opened in the page (`name` is its file name): a
/// `.docx`, a `.txt` or Markdown as people write it (`markdown`: nothing
/// refused, unlike `content/`'s dialect). Its address is `mine-` and a hash of its bytes, so that
/// opening the same file again replaces it and never clashes with the
/// collection's own essays (`-whole` follows when it is not split).
#[cfg(feature = "collection")]
pub fn read_file(name: &str, bytes: &[u8], split: bool) -> Result<wenji_core::Essay, ImportError> {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext.to_lowercase()),
        _ => (name, String::new()),
    };
    let too_much = ImportError::TooMuchText {
        limit_mb: TEXT_LIMIT / (1024 * 1024),
    };
    // A text file is all text: refused before it is read.
    if matches!(ext.as_str(), "txt" | "md" | "markdown") && bytes.len() > TEXT_LIMIT {
        return Err(too_much);
    }
    let mut essay = match ext.as_str() {
        "txt" => wenji_core::parse::essay_from_document(stem, "txt", read_text(bytes, split)?),
        "docx" => {
            wenji_core::parse::essay_from_document(stem, "docx", docx::read_docx(bytes, split)?)
        }
        "doc" | "wps" => return Err(ImportError::OldWordFile),
        "md" | "markdown" => {
            let (doc, given) = markdown::read_markdown(name, bytes, split)?;
            wenji_core::parse::essay_from_document_with(stem, "md", doc, given)
        }
        _ => return Err(ImportError::NotADocument { extension: ext }),
    };
    if wenji_core::window::text_bytes(&essay.parts) > TEXT_LIMIT {
        return Err(too_much);
    }
    // Read whole, it is another view of the file, open beside the split one.
    let whole = if split { "" } else { "-whole" };
    essay.slug = format!(
        "{OPENED_PREFIX}{:016x}{whole}",
        wenji_core::ids::name_hash(bytes)
    );
    Ok(essay)
}

/// The most text (UTF-8 bytes) a file opened in the page may hold. The
/// page keeps a file's text and, once it is searched, its search index:
/// about ten times the text (284 MiB of wasm memory for a 30 MB file,
/// `scripts/bench-big.mjs`). 50 MB is half a gigabyte, about where a
/// phone's browser or a 32-bit one gives out; beyond it the reader is told
/// to split the file, and nothing is added.
pub const TEXT_LIMIT: usize = 50 * 1024 * 1024;

/// A plain-text document (the title it shows, if any, is its first short
/// line standing alone). With `split` off the text is one part, as it is.
pub fn read_text(bytes: &[u8], split: bool) -> Result<Document, ImportError> {
    let (text, _) = text::decode(bytes)?;
    let mut paragraphs = text::paragraphs(&text);
    if paragraphs.is_empty() {
        return Err(ImportError::Empty);
    }
    let title = title_line(&paragraphs).then(|| paragraphs.remove(0).text);
    let chars = count_chars(paragraphs.iter().map(|p| p.text.as_str()));
    Ok(Document {
        title,
        parts: outline::parts(&paragraphs, split),
        chars,
        pages: None,
        published: None,
        author: None,
    })
}

/// The first paragraph is a title: short, not a sentence, not a heading of
/// the text, and followed by more.
fn title_line(paragraphs: &[outline::DocParagraph]) -> bool {
    let Some(first) = paragraphs.first() else {
        return false;
    };
    let t = first.text.as_str();
    paragraphs.len() > 1
        && t.chars().count() <= headings::MAX_HEADING_CHARS
        && !t.ends_with(['。', '！', '？', '；', '，', '、', '：'])
        && headings::classify(t).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_file_becomes_a_titled_outline() {
        let doc = read_text(
            "政工工作心得\n\n引言\n政工工作，是生命线。\n篇章一：铸魂育人\n其一，学深。正文一。\n"
                .as_bytes(),
            true,
        )
        .unwrap();
        assert_eq!(doc.title.as_deref(), Some("政工工作心得"));
        assert_eq!(
            doc.parts
                .iter()
                .map(|p| p.title.as_str())
                .collect::<Vec<_>>(),
            ["引言", "篇章一：铸魂育人"]
        );
        assert_eq!(doc.parts[1].sections[0].heading, "其一，学深。");
        assert_eq!(
            doc.chars,
            count_chars(["引言政工工作，是生命线。篇章一：铸魂育人其一，学深。正文一。"])
        );
    }

    #[test]
    fn a_markdown_file_without_a_title_is_named_after_the_file() {
        let md = "## 篇一\n\n第一段。\n\n## 篇二\n\n第二段。\n";
        let essay = read_file("学习笔记.md", md.as_bytes(), true).unwrap();
        assert_eq!(essay.title, "学习笔记");
    }

    #[test]
    fn a_file_opened_in_the_page_is_read_by_its_extension() {
        let text = "心得\n\n一、学习\n正文一。\n二、实践\n正文二。\n".as_bytes();
        let essay = read_file("我的心得.TXT", text, true).unwrap();
        assert_eq!(essay.title, "心得");
        assert_eq!(essay.facts.format, "txt");
        assert_eq!(essay.parts.len(), 2);
        assert!(essay.slug.starts_with("mine-"), "{}", essay.slug);
        // The same bytes under another name keep their address.
        assert_eq!(read_file("副本.txt", text, true).unwrap().slug, essay.slug);
        let whole = read_file("我的心得.txt", text, false).unwrap();
        assert_eq!(whole.parts.len(), 1);
        assert_eq!(whole.slug, format!("{}-whole", essay.slug));

        let md = "# 标题\n\n## 篇一\n\n第一段。\n\n## 篇二\n\n第二段。\n";
        let split = read_file("文.md", md.as_bytes(), true);
        let whole = read_file("文.md", md.as_bytes(), false);
        if let (Ok(split), Ok(whole)) = (&split, &whole) {
            assert!(split.parts.len() >= 2, "{split:?}");
            assert_eq!(whole.parts.len(), 1);
            assert!(
                whole.parts[0].lead.iter().any(|p| *p == "第二段。"),
                "{whole:?}"
            );
        } else {
            panic!("{split:?}");
        }
    }

    #[test]
    fn a_file_the_page_cannot_open_says_why_in_chinese() {
        let pdf = read_file("报告.pdf", b"%PDF-1.7", true).unwrap_err();
        assert_eq!(
            pdf,
            ImportError::NotADocument {
                extension: "pdf".into()
            }
        );
        assert!(pdf.zh().contains(".pdf"), "{}", pdf.zh());
        let doc = read_file("旧.doc", &[0xD0, 0xCF, 0x11, 0xE0], true).unwrap_err();
        assert!(doc.zh().contains("另存为 .docx"), "{}", doc.zh());
        let empty = read_file("空.txt", b"  \n", true).unwrap_err();
        assert_eq!(empty, ImportError::Empty);
        assert_eq!(empty.zh(), "文件没有正文");
    }

    #[test]
    fn an_empty_document_is_an_error() {
        assert_eq!(
            read_text(" \n\u{3000}\n".as_bytes(), true)
                .unwrap_err()
                .message(),
            "the document is empty"
        );
    }

    #[test]
    fn more_text_than_the_page_holds_is_refused_with_what_to_do() {
        let line = "学习理论，联系实际，把工作做实做细。\n".repeat(1000);
        let big = line.repeat(TEXT_LIMIT / line.len() + 1);
        let refused = read_file("长篇.txt", big.as_bytes(), true).unwrap_err();
        assert_eq!(refused, ImportError::TooMuchText { limit_mb: 50 });
        assert!(refused.zh().contains("超过 50 MB"), "{}", refused.zh());
        // Just under the limit, it opens.
        let under = &big[..TEXT_LIMIT - TEXT_LIMIT % line.len()];
        assert!(read_file("长篇.txt", under.as_bytes(), true).is_ok());
    }

    #[test]
    fn a_single_line_is_text_not_a_title() {
        let doc = read_text("只有一行".as_bytes(), true).unwrap();
        assert_eq!(doc.title, None);
        assert_eq!(doc.parts[0].lead, ["只有一行"]);
    }

    #[test]
    fn word_files_join_the_collection_and_old_ones_are_named() {
        let dir = std::env::temp_dir().join(format!("wenji-import-docx-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let document = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>一、总则</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p></w:body></w:document>"#;
        let core = r#"<c xmlns:dc="d"><dc:title>工作心得</dc:title></c>"#;
        let docx = zip::write::zip(
            &[
                ("word/document.xml", document.as_bytes()),
                ("docProps/core.xml", core.as_bytes()),
            ],
            true,
        );
        std::fs::write(dir.join("心得.docx"), docx).unwrap();
        let c = load_collection(&dir).unwrap();
        let e = &c.essays[0];
        assert_eq!(
            (e.title.as_str(), e.facts.format.as_str()),
            ("工作心得", "docx")
        );
        assert_eq!(e.parts[0].title, "一、总则");

        std::fs::write(dir.join("旧.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0, 0]).unwrap();
        let errors = load_collection(&dir).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].file.ends_with("旧.doc"), "{errors:?}");
        assert!(errors[0].message.contains("save it as .docx"), "{errors:?}");
    }
}
