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

pub mod docx;
pub mod headings;
pub mod numerals;
pub mod outline;
pub mod text;
pub mod zip;

use std::fmt;

use wenji_core::model::count_chars;
use wenji_core::Document;

/// Why a document could not be read; the caller names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
}

impl ImportError {
    pub fn new(message: impl Into<String>) -> ImportError {
        ImportError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// The collection in `dir`: its Markdown essays, and the `.txt` documents
/// read here. Errors name the file (and, for Markdown, the line).
#[cfg(feature = "collection")]
pub fn load_collection(
    dir: &std::path::Path,
) -> Result<wenji_core::Collection, Vec<wenji_core::parse::ParseError>> {
    wenji_core::parse::load_collection_with(dir, &|ext, bytes, split| match ext {
        "txt" => Some(read_text(bytes, split).map_err(|e| e.message)),
        "docx" => Some(docx::read_docx(bytes, split).map_err(|e| e.message)),
        // Older Word and WPS files: say what to do rather than skip them.
        "doc" | "wps" => Some(Err(
            "not a .docx (an older .doc or .wps file): save it as .docx".into(),
        )),
        _ => None,
    })
}

/// A plain-text document (the title it shows, if any, is its first short
/// line standing alone). With `split` off the text is one part, as it is.
pub fn read_text(bytes: &[u8], split: bool) -> Result<Document, ImportError> {
    let (text, _) = text::decode(bytes)?;
    let mut paragraphs = text::paragraphs(&text);
    if paragraphs.is_empty() {
        return Err(ImportError::new("the document is empty"));
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
fn title_line(paragraphs: &[outline::Paragraph]) -> bool {
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
    fn an_empty_document_is_an_error() {
        assert_eq!(
            read_text(" \n\u{3000}\n".as_bytes(), true)
                .unwrap_err()
                .message,
            "the document is empty"
        );
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
