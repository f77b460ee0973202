//! The notebook as a Word file: hand-written WordprocessingML in a zip
//! (the zip writer the tests use to make fixtures), a few kilobytes of
//! code, run in the worker only when a reader exports. Each excerpt is its
//! paragraphs, the reader's note in italics, and the citation in small grey
//! type; Word and WPS open it as a plain document in the default style.

use wenji_core::clipboard::escape_markup_into;
use wenji_core::notebook::Excerpt;

use crate::zip::write::zip;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

/// The title of the document (and its first paragraph).
pub const NOTEBOOK_TITLE: &str = "摘抄本";

/// How a paragraph of the notebook looks.
#[derive(Clone, Copy)]
enum Look {
    Title,
    Quote,
    Note,
    Citation,
}

impl Look {
    fn run_properties(self) -> &'static str {
        match self {
            Look::Title => r#"<w:rPr><w:b/><w:sz w:val="36"/></w:rPr>"#,
            Look::Quote => "",
            Look::Note => r#"<w:rPr><w:i/></w:rPr>"#,
            Look::Citation => r#"<w:rPr><w:color w:val="595959"/><w:sz w:val="18"/></w:rPr>"#,
        }
    }
}

/// The `.docx` of `excerpts`, each cited with `links[i]` (its source's
/// address).
pub fn notebook_docx(excerpts: &[Excerpt], links: &[String]) -> Vec<u8> {
    let mut body = String::new();
    paragraph(&mut body, Look::Title, NOTEBOOK_TITLE);
    for (i, e) in excerpts.iter().enumerate() {
        for line in e.quote.lines().filter(|l| !l.trim().is_empty()) {
            paragraph(&mut body, Look::Quote, line.trim());
        }
        if !e.note.trim().is_empty() {
            paragraph(&mut body, Look::Note, &format!("笔记：{}", e.note.trim()));
        }
        let link = links.get(i).map(String::as_str).unwrap_or_default();
        let cited = format!("出处：《{}》 · {} {link}", e.essay_title, e.cited);
        paragraph(&mut body, Look::Citation, cited.trim_end());
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let mut title = String::new();
    escape_into(&mut title, NOTEBOOK_TITLE);
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>"#
    );
    zip(
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", RELS.as_bytes()),
            ("docProps/core.xml", core.as_bytes()),
            ("word/document.xml", document.as_bytes()),
        ],
        true,
    )
}

fn paragraph(out: &mut String, look: Look, text: &str) {
    out.push_str("<w:p><w:r>");
    out.push_str(look.run_properties());
    out.push_str(r#"<w:t xml:space="preserve">"#);
    escape_into(out, text);
    out.push_str("</w:t></w:r></w:p>");
}

/// XML text: the markup characters escaped, and the control characters XML
/// 1.0 cannot hold (a tab stays a tab) dropped.
fn escape_into(out: &mut String, s: &str) {
    let allowed: String = s
        .chars()
        .filter(|c| *c == '\t' || !c.is_control())
        .collect();
    escape_markup_into(out, &allowed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::read_docx;
    use crate::zip::Archive;

    fn excerpt(quote: &str, note: &str) -> Excerpt {
        Excerpt {
            id: 1,
            essay: "e".into(),
            essay_title: "心得 <&>".into(),
            cited: "篇章一：铸魂 · 其一，学深。".into(),
            fragment: "篇章一-其一".into(),
            quote: quote.into(),
            before: String::new(),
            after: String::new(),
            note: note.into(),
        }
    }

    #[test]
    fn the_word_file_holds_the_passages_notes_and_citations() {
        let bytes = notebook_docx(
            &[
                excerpt("学深悟透\n<b>学以致用</b>\u{1}", "要常读"),
                excerpt("倾听", ""),
            ],
            &["https://example.org/?essay=e#篇章一-其一".into()],
        );
        let archive = Archive::open(&bytes).unwrap();
        let xml = String::from_utf8(archive.read("word/document.xml", 1 << 20).unwrap().unwrap())
            .unwrap();
        assert!(
            xml.contains(">学深悟透</w:t>") && xml.contains(">&lt;b&gt;学以致用&lt;/b&gt;</w:t>")
        );
        assert!(xml.contains("<w:i/></w:rPr><w:t xml:space=\"preserve\">笔记：要常读</w:t>"));
        assert!(xml.contains("出处：《心得 &lt;&amp;&gt;》 · 篇章一：铸魂 · 其一，学深。 https://example.org/?essay=e#篇章一-其一"));
        assert!(!xml.contains('\u{1}'));
        // Our own reader opens it: the title and every paragraph.
        let doc = read_docx(&bytes, false).unwrap();
        assert_eq!(doc.title.as_deref(), Some(NOTEBOOK_TITLE));
        let text: Vec<String> = doc.parts[0].lead.iter().map(|p| p.text.clone()).collect();
        assert!(text.contains(&"倾听".to_owned()), "{text:?}");
        assert!(
            text.iter().any(|t| t.starts_with("出处：《心得 <&>》")),
            "{text:?}"
        );
    }
}
