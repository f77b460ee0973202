//! Text the reader takes away: a part or sub-section copied with a citation
//! line, and what is shown exported as Markdown or plain text.
//!
//! A sub-section's heading is the opening sentence of its paragraph, so
//! the two are joined again here: what is copied reads as the original.

use crate::facts::facts_line;
use crate::model::{Essay, Paragraph, ParagraphKind, Part, Section};

/// Which parts and sections are on screen (all of them unless filtering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// One entry per part, `None` when the part is hidden.
    pub parts: Vec<Option<PartShown>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartShown {
    pub lead: bool,
    /// One flag per sub-section.
    pub sections: Vec<bool>,
}

impl PartShown {
    pub fn all(part: &Part) -> PartShown {
        PartShown {
            lead: !part.lead.is_empty(),
            sections: vec![true; part.sections.len()],
        }
    }

    fn count(&self) -> usize {
        usize::from(self.lead) + self.sections.iter().filter(|s| **s).count()
    }
}

impl Shown {
    pub fn all(essay: &Essay) -> Shown {
        Shown {
            parts: essay
                .parts
                .iter()
                .map(|p| Some(PartShown::all(p)))
                .collect(),
        }
    }
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Plain => "txt",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Plain => "text/plain;charset=utf-8",
        }
    }

    /// `text` (lines ended by `\n`) as the file's content: a plain-text
    /// file has Windows line ends and a byte-order mark, or Notepad on an
    /// older Windows shows it as one line and may guess another encoding.
    pub fn file_text(self, text: &str) -> String {
        match self {
            Format::Markdown => text.to_owned(),
            Format::Plain => format!("\u{feff}{}", text.replace('\n', "\r\n")),
        }
    }
}

/// The page address without query or fragment, with the essay's own query
/// (`route_query`, e.g. `?essay=b`, or empty) put back.
pub fn page_address(href: &str, route_query: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    format!("{}{route_query}", &href[..end])
}

/// `出处：《题目》 · 篇章一：… · 其一，…。 https://…#篇章一-其一`
pub fn citation(essay: &Essay, part: &Part, section: Option<&Section>, page: &str) -> String {
    let (label, id) = cited(essay, part, section);
    format!("出处：{label} {page}#{id}")
}

fn cited<'a>(essay: &Essay, part: &'a Part, section: Option<&'a Section>) -> (String, &'a str) {
    let mut label = format!("《{}》 · {}", essay.title, part.title);
    if let Some(s) = section {
        label.push_str(" · ");
        label.push_str(&s.heading);
    }
    (label, section.map_or(part.id.as_str(), |s| s.id.as_str()))
}

/// A sub-section as copied: its text, then, when `cite` gives the page's
/// address, a blank line and its citation.
pub fn copy_section(essay: &Essay, part: &Part, section: &Section, cite: Option<&str>) -> String {
    with_citation(
        section
            .paragraphs()
            .iter()
            .map(Paragraph::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        cite.map(|page| citation(essay, part, Some(section), page)),
    )
}

/// A part as copied: its title and what of it is shown, then (with `cite`)
/// its citation.
pub fn copy_part(essay: &Essay, part: &Part, shown: &PartShown, cite: Option<&str>) -> String {
    let mut lines = vec![part.title.clone()];
    if shown.lead {
        lines.extend(part.lead.iter().map(|p| p.text.clone()));
    }
    for (s, on) in part.sections.iter().zip(&shown.sections) {
        if *on {
            lines.extend(s.paragraphs().into_iter().map(|p| p.text));
        }
    }
    with_citation(
        lines.join("\n"),
        cite.map(|page| citation(essay, part, None, page)),
    )
}

fn with_citation(text: String, citation: Option<String>) -> String {
    match citation {
        Some(c) => format!("{text}\n\n{c}"),
        None => text,
    }
}

/// What is shown of `essay`, as a file. `query` is the active filter: then
/// each shown section carries its own citation, and the file says what was
/// searched; otherwise each part is cited once.
pub fn export(
    essay: &Essay,
    shown: &Shown,
    query: Option<&str>,
    page: &str,
    format: Format,
) -> String {
    let md = format == Format::Markdown;
    let text = |s: &str| if md { escape_markdown(s) } else { s.to_owned() };
    // A lead-in line is bold in Markdown; plain text has no bold.
    let paragraph = |p: &Paragraph| match (md, p.kind) {
        (true, ParagraphKind::LeadIn) => format!("**{}**", escape_markdown(&p.text)),
        _ => text(&p.text),
    };
    let cite = |part: &Part, section: Option<&Section>| {
        let (label, id) = cited(essay, part, section);
        if md {
            format!("*出处：[{}](<{page}#{id}>)*", escape_markdown(&label))
        } else {
            format!("出处：{label} {page}#{id}")
        }
    };
    let mut blocks = Vec::new();
    blocks.push(if md {
        format!("# {}", text(&essay.title))
    } else {
        essay.title.clone()
    });
    let mut about = vec![facts_line(&essay.facts)];
    if essay.facts.excerpt {
        about.push("原文节选，原文未完。".into());
    }
    if let Some(q) = query {
        let n: usize = shown.parts.iter().flatten().map(PartShown::count).sum();
        about.push(format!("筛选：{q}（只含匹配的 {n} 节）"));
    }
    for line in about {
        blocks.push(if md {
            format!("> {}", text(&line))
        } else {
            line
        });
    }
    for (part, on) in essay.parts.iter().zip(&shown.parts) {
        let Some(on) = on else { continue };
        blocks.push(if md {
            format!("## {}", text(&part.title))
        } else {
            format!("【{}】", part.title)
        });
        if on.lead {
            blocks.extend(part.lead.iter().map(paragraph));
            if query.is_some() {
                blocks.push(cite(part, None));
            }
        }
        for (section, show) in part.sections.iter().zip(&on.sections) {
            if !show {
                continue;
            }
            let mut paragraphs = section.paragraphs().into_iter();
            let first = paragraphs.next().map(|p| p.text).unwrap_or_default();
            if md {
                // A heading line of its own: bold run into the text
                // (`**其一，…。**最初…`) is not bold in CommonMark, whose
                // closing `**` after `。` must be followed by a space or
                // punctuation, so every renderer shows the asterisks.
                blocks.push(format!("### {}", text(&section.heading)));
                let rest = first[section.heading.len()..].trim_start();
                if !rest.is_empty() {
                    blocks.push(text(rest));
                }
            } else {
                blocks.push(first);
            }
            blocks.extend(paragraphs.map(|p| paragraph(&p)));
            if query.is_some() {
                blocks.push(cite(part, Some(section)));
            }
        }
        if query.is_none() {
            blocks.push(cite(part, None));
        }
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// `title` as the stem of a file name: characters file systems refuse
/// become `_`, at most 80 characters, no leading dot, never empty.
pub fn safe_file_stem(title: &str) -> String {
    let title: String = title
        .chars()
        .map(|c| {
            if c.is_control() || r#"\/:*?"<>|"#.contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let title = title.trim().trim_start_matches('.');
    if title.is_empty() { "文集" } else { title }.to_owned()
}

/// `题目.md`, or `题目（筛选）.md`; characters file systems refuse become `_`.
pub fn export_file_name(essay: &Essay, filtered: bool, format: Format) -> String {
    let title = safe_file_stem(&essay.title);
    let tag = if filtered { "（筛选）" } else { "" };
    format!("{title}{tag}.{}", format.extension())
}

/// Text that Markdown shows as it stands: the ASCII characters that could
/// start markup are backslash-escaped.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let at_start = i == 0;
        if r"\`*_[]<>#|~!".contains(c) || (at_start && "+-=".contains(c)) {
            out.push('\\');
        }
        // A line starting `1.` would become a list item.
        if c == '.' && out.chars().all(|d| d.is_ascii_digit()) && !out.is_empty() {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::model::HeadingForm;

    fn essay() -> Essay {
        let section = |id: &str, heading: &str, body: &[&str]| Section {
            related: Vec::new(),
            id: id.into(),
            heading: heading.into(),
            form: HeadingForm::Opening,
            body: body.iter().map(|s| Paragraph::text(*s)).collect(),
        };
        fixtures::essay(
            "e",
            "心得",
            vec![
                Part {
                    id: "引言".into(),
                    title: "引言：开篇".into(),
                    lead: vec!["引言正文。".into()],
                    sections: vec![],
                },
                Part {
                    id: "篇章一".into(),
                    title: "篇章一：铸魂".into(),
                    lead: vec!["导语。".into()],
                    sections: vec![
                        section("篇章一-其一", "其一，学深。", &["正文一。", "续段。"]),
                        section("篇章一-其二", "其二，运用。", &["正文二。"]),
                    ],
                },
            ],
        )
    }

    const PAGE: &str = "https://example.org/wenji/";

    #[test]
    fn a_section_is_copied_as_its_paragraph_with_a_citation() {
        let e = essay();
        let (p, s) = (&e.parts[1], &e.parts[1].sections[0]);
        assert_eq!(
            copy_section(&e, p, s, Some(PAGE)),
            "其一，学深。正文一。\n续段。\n\n\
             出处：《心得》 · 篇章一：铸魂 · 其一，学深。 https://example.org/wenji/#篇章一-其一"
        );
    }

    #[test]
    fn a_part_is_copied_with_what_of_it_is_shown() {
        let e = essay();
        let p = &e.parts[1];
        assert_eq!(
            copy_part(&e, p, &PartShown::all(p), Some(PAGE)),
            "篇章一：铸魂\n导语。\n其一，学深。正文一。\n续段。\n其二，运用。正文二。\n\n\
             出处：《心得》 · 篇章一：铸魂 https://example.org/wenji/#篇章一"
        );
        let only_second = PartShown {
            lead: false,
            sections: vec![false, true],
        };
        assert_eq!(
            copy_part(&e, p, &only_second, Some(PAGE)),
            "篇章一：铸魂\n其二，运用。正文二。\n\n出处：《心得》 · 篇章一：铸魂 https://example.org/wenji/#篇章一"
        );
    }

    #[test]
    fn text_only_leaves_the_citation_out() {
        let e = essay();
        let (p, s) = (&e.parts[1], &e.parts[1].sections[0]);
        assert_eq!(copy_section(&e, p, s, None), "其一，学深。正文一。\n续段。");
        let only_second = PartShown {
            lead: false,
            sections: vec![false, true],
        };
        assert_eq!(
            copy_part(&e, p, &only_second, None),
            "篇章一：铸魂\n其二，运用。正文二。"
        );
    }

    #[test]
    fn the_page_address_keeps_the_essay_but_not_the_query_or_fragment() {
        assert_eq!(
            page_address("http://h/p/?essay=b&q=x#y", "?essay=b"),
            "http://h/p/?essay=b"
        );
        assert_eq!(
            page_address("file:///tmp/wenji.html#a", ""),
            "file:///tmp/wenji.html"
        );
        assert_eq!(page_address("http://h/", ""), "http://h/");
    }

    #[test]
    fn a_plain_text_file_has_a_byte_order_mark_and_windows_line_ends() {
        assert_eq!(
            Format::Plain.file_text("一\n\n二\n"),
            "\u{feff}一\r\n\r\n二\r\n"
        );
        assert_eq!(Format::Markdown.file_text("# 一\n"), "# 一\n");
    }

    #[test]
    fn a_full_export_cites_each_part_once() {
        let e = essay();
        let md = export(&e, &Shown::all(&e), None, PAGE, Format::Markdown);
        assert!(
            md.starts_with("# 心得\n\n> 原文为 Word 文档 · 约 2,490 字"),
            "{md}"
        );
        assert!(md.contains("> 原文节选，原文未完。"));
        assert!(md.contains("## 篇章一：铸魂\n\n导语。\n\n### 其一，学深。\n\n正文一。\n\n续段。\n\n### 其二，运用。\n\n正文二。\n\n*出处：[《心得》 · 篇章一：铸魂](<https://example.org/wenji/#篇章一>)*"), "{md}");
        assert_eq!(md.matches("出处").count(), 2);
        assert!(!md.contains("筛选"));
        let txt = export(&e, &Shown::all(&e), None, PAGE, Format::Plain);
        assert!(
            txt.contains("【篇章一：铸魂】\n\n导语。\n\n其一，学深。正文一。\n\n续段。"),
            "{txt}"
        );
        assert!(!txt.contains("**") && !txt.contains("# "));
        assert!(txt.ends_with("出处：《心得》 · 篇章一：铸魂 https://example.org/wenji/#篇章一\n"));
    }

    #[test]
    fn a_filtered_export_holds_only_what_is_shown_and_names_the_query() {
        let e = essay();
        let shown = Shown {
            parts: vec![
                None,
                Some(PartShown {
                    lead: false,
                    sections: vec![false, true],
                }),
            ],
        };
        let txt = export(&e, &shown, Some("运用"), PAGE, Format::Plain);
        assert!(txt.contains("筛选：运用（只含匹配的 1 节）"), "{txt}");
        assert!(!txt.contains("引言") && !txt.contains("学深") && !txt.contains("导语"));
        assert!(txt.contains(
            "其二，运用。正文二。\n\n出处：《心得》 · 篇章一：铸魂 · 其二，运用。 https://example.org/wenji/#篇章一-其二"
        ));
    }

    #[test]
    fn a_lead_in_line_stays_a_line_of_its_own_and_is_bold_in_markdown() {
        let mut e = essay();
        e.parts[1].sections[1].body = vec![Paragraph::lead_in("（1）*细则*"), "细则正文。".into()];
        let (p, s) = (&e.parts[1], &e.parts[1].sections[1]);
        // The heading does not run into the lead-in line that follows it.
        assert_eq!(
            copy_section(&e, p, s, None),
            "其二，运用。\n（1）*细则*\n细则正文。"
        );
        let md = export(&e, &Shown::all(&e), None, PAGE, Format::Markdown);
        assert!(
            md.contains("\n### 其二，运用。\n\n**（1）\\*细则\\***\n\n细则正文。\n"),
            "{md}"
        );
        let text = export(&e, &Shown::all(&e), None, PAGE, Format::Plain);
        assert!(
            text.contains("\n其二，运用。\n\n（1）*细则*\n\n细则正文。\n"),
            "{text}"
        );
    }

    #[test]
    fn a_heading_that_stands_alone_is_not_joined_to_the_text() {
        let mut e = essay();
        e.parts[1].sections[0].form = HeadingForm::Alone;
        let (p, s) = (&e.parts[1], &e.parts[1].sections[0]);
        assert_eq!(
            copy_section(&e, p, s, None),
            "其一，学深。\n正文一。\n续段。"
        );
        let md = export(&e, &Shown::all(&e), None, PAGE, Format::Markdown);
        assert!(md.contains("\n### 其一，学深。\n\n正文一。\n"), "{md}");
    }

    #[test]
    fn markdown_export_keeps_markup_in_the_text_as_text() {
        let mut e = essay();
        e.title = "<script>alert(1)</script> *x* [a](b)".into();
        e.parts[0].lead = vec!["# 不是标题".into(), "1. 不是列表".into(), "- 也不是".into()];
        let md = export(&e, &Shown::all(&e), None, PAGE, Format::Markdown);
        assert!(
            md.starts_with(r"# \<script\>alert(1)\</script\> \*x\* \[a\](b)"),
            "{md}"
        );
        assert!(md.contains("\n\\# 不是标题\n") && md.contains("\n1\\. 不是列表\n"));
        assert!(md.contains("\n\\- 也不是\n"));
    }

    #[test]
    fn file_names_are_safe() {
        let mut e = essay();
        assert_eq!(export_file_name(&e, false, Format::Markdown), "心得.md");
        assert_eq!(
            export_file_name(&e, true, Format::Plain),
            "心得（筛选）.txt"
        );
        e.title = "a/b:c?".into();
        assert_eq!(export_file_name(&e, false, Format::Plain), "a_b_c_.txt");
        e.title = "..".into();
        assert_eq!(export_file_name(&e, false, Format::Plain), "文集.txt");
    }
}
