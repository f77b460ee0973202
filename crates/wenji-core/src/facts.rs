//! The one-line summary of an essay's facts shown under its title.

use crate::model::Facts;

/// `原文为 Word 文档 · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南`
pub fn facts_line(facts: &Facts) -> String {
    format!(
        "原文为 {} · 约 {} 字 · 约 {} 页 · {} 发布于{}",
        format_name(&facts.format),
        group_thousands(facts.chars),
        group_thousands(facts.pages),
        facts.published,
        facts.region
    )
}

/// The kind of document a file format is, as a reader says it: `docx` →
/// `Word 文档` (not `.docx`).
pub fn format_name(format: &str) -> String {
    let name = match format.to_ascii_lowercase().as_str() {
        "docx" | "doc" => "Word 文档",
        "wps" => "WPS 文档",
        "pdf" => "PDF 文件",
        "txt" => "纯文本",
        "md" | "markdown" => "Markdown 文本",
        "html" | "htm" => "网页",
        "rtf" => "RTF 文档",
        "odt" => "ODT 文档",
        other => return format!("{} 文件", other.to_ascii_uppercase()),
    };
    name.to_owned()
}

/// `2490` → `2,490`.
pub fn group_thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(6), "6");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(2490), "2,490");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn facts_line_reads_as_on_the_seed_page() {
        let facts = crate::fixtures::facts();
        assert_eq!(
            facts_line(&facts),
            "原文为 Word 文档 · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南"
        );
    }

    #[test]
    fn formats_are_named_as_a_reader_says_them() {
        assert_eq!(format_name("docx"), "Word 文档");
        assert_eq!(format_name("DOC"), "Word 文档");
        assert_eq!(format_name("pdf"), "PDF 文件");
        assert_eq!(format_name("txt"), "纯文本");
        assert_eq!(format_name("epub"), "EPUB 文件");
    }
}
