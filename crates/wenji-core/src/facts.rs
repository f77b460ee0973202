//! The one-line summary of an essay's facts shown under its title.

use crate::model::Facts;

/// `原文为 Word 文档 · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南`; what
/// is not known is left out.
pub fn facts_line(facts: &Facts) -> String {
    let mut items: Vec<String> = facts.author.iter().map(|a| format!("作者 {a}")).collect();
    items.extend([
        spaced("原文为", &format_name(&facts.format)),
        format!("约 {} 字", group_thousands(facts.chars)),
    ]);
    if let Some(pages) = facts.pages {
        items.push(format!("约 {} 页", group_thousands(pages)));
    }
    match (facts.published, &facts.region) {
        (Some(date), Some(region)) => items.push(format!("{date} 发布于{region}")),
        (Some(date), None) => items.push(format!("{date} 发布")),
        (None, Some(region)) => items.push(format!("发布于{region}")),
        (None, None) => {}
    }
    if let Some(origin) = &facts.origin {
        items.push(format!("来自 {}，{} 收入", origin.file, origin.made));
    }
    items.join(" · ")
}

/// `before` and `after` as one phrase: a space only where Chinese meets a
/// Latin letter or digit (`原文为 Word 文档`, `原文为纯文本`).
fn spaced(before: &str, after: &str) -> String {
    let space = if after
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        " "
    } else {
        ""
    };
    format!("{before}{space}{after}")
}

/// The kind of document a file format is, as the list narrows by it: the
/// formats a reader does not tell apart are one (`doc` and `DOCX` are
/// `docx`, `htm` is `html`), so that the 格式 picker never offers the same
/// name twice.
pub fn format_kind(format: &str) -> String {
    let lower = format.to_ascii_lowercase();
    match lower.as_str() {
        "doc" => "docx".into(),
        "htm" => "html".into(),
        "markdown" => "md".into(),
        _ => lower,
    }
}

/// The kind of document a file format is, as a reader says it: `docx` →
/// `Word 文档` (not `.docx`).
pub fn format_name(format: &str) -> String {
    let kind = format_kind(format);
    let name = match kind.as_str() {
        "docx" => "Word 文档",
        "wps" => "WPS 文档",
        "pdf" => "PDF 文件",
        "txt" => "纯文本",
        "md" => "Markdown 文本",
        "html" => "网页",
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
    fn a_collection_made_in_the_page_says_where_each_essay_came_from() {
        let mut facts = crate::fixtures::facts();
        facts.origin = Some(crate::model::Origin {
            file: "调研.txt".into(),
            made: crate::model::Date::new(2026, 12, 4).unwrap(),
        });
        assert!(
            facts_line(&facts).ends_with(" · 来自 调研.txt，2026-12-04 收入"),
            "{}",
            facts_line(&facts)
        );
        assert_eq!(
            crate::model::Date::parse("2026-12-04"),
            facts.origin.map(|o| o.made)
        );
        assert_eq!(crate::model::Date::parse("2026-02-30"), None);
        assert_eq!(crate::model::Date::parse("2026-12"), None);
    }

    #[test]
    fn what_is_not_known_is_left_out() {
        let mut facts = crate::fixtures::facts();
        facts.pages = None;
        facts.region = None;
        assert_eq!(
            facts_line(&facts),
            "原文为 Word 文档 · 约 2,490 字 · 2026-01-15 发布"
        );
        facts.published = None;
        facts.region = Some("云南".into());
        assert_eq!(
            facts_line(&facts),
            "原文为 Word 文档 · 约 2,490 字 · 发布于云南"
        );
        facts.region = None;
        facts.format = "txt".into();
        assert_eq!(facts_line(&facts), "原文为纯文本 · 约 2,490 字");
        facts.author = Some("张三".into());
        assert_eq!(facts_line(&facts), "作者 张三 · 原文为纯文本 · 约 2,490 字");
    }

    #[test]
    fn formats_are_named_as_a_reader_says_them() {
        assert_eq!(format_name("docx"), "Word 文档");
        assert_eq!(format_name("DOC"), "Word 文档");
        assert_eq!(format_name("pdf"), "PDF 文件");
        assert_eq!(format_name("txt"), "纯文本");
        assert_eq!(format_name("epub"), "EPUB 文件");
    }

    #[test]
    fn formats_a_reader_does_not_tell_apart_are_one_kind() {
        assert_eq!(format_kind("doc"), format_kind("DOCX"));
        assert_eq!(format_kind("htm"), "html");
        assert_ne!(format_kind("pdf"), format_kind("docx"));
        // Each kind is named once, whichever of its formats is asked.
        assert_eq!(format_name("htm"), format_name("HTML"));
    }
}
