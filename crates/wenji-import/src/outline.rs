//! A document's paragraphs made into the reader's parts and sub-sections,
//! by the headings `headings` finds. Levels the reader does not show (a
//! third and deeper) stay in the text as lead-in lines (bold paragraphs of
//! their own), except a heading that opens its paragraph (其一，…), which
//! stays running text. Text
//! before the first part, or a document with no heading at all, becomes a
//! part titled 正文: nothing is lost, nothing is an error.

use wenji_core::ids;
use wenji_core::{HeadingForm, Paragraph, Part, Section};

use crate::headings::{classify, Family, Ranker};

pub use wenji_core::model::UNTITLED_PART;

/// A paragraph as the document gives it, with what the document itself
/// says of its level (a Word heading style), if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocParagraph {
    pub text: String,
    /// 1 for a part, 2 for a sub-section, deeper for a lead-in line.
    pub level: Option<usize>,
    /// The document marks it as a lead-in line itself (a Markdown
    /// paragraph bold as a whole).
    pub lead_in: bool,
}

impl DocParagraph {
    pub fn text(text: impl Into<String>) -> DocParagraph {
        DocParagraph {
            text: text.into(),
            level: None,
            lead_in: false,
        }
    }

    pub fn lead_in(text: impl Into<String>) -> DocParagraph {
        DocParagraph {
            lead_in: true,
            ..DocParagraph::text(text)
        }
    }
}

/// The parts of `paragraphs`. With `split` off, one part of every paragraph
/// as it is (for a reader who wants the document without detection).
pub fn parts(paragraphs: &[DocParagraph], split: bool) -> Vec<Part> {
    let mut out = Outline::default();
    let mut ranker = Ranker::default();
    // A document that says its own levels (Word styles) is taken at its
    // word; the patterns are for text that does not.
    // The highest level used is a part (a document may start at heading 2).
    let top = paragraphs.iter().filter_map(|p| p.level).min();
    let styled = top.is_some();
    // Styled parts with no styled sub-section: 其一，… paragraphs still open
    // sub-sections, as in the seed.
    let styled_sections = top.is_some_and(|t| paragraphs.iter().any(|p| p.level == Some(t + 1)));
    for p in paragraphs {
        let text = p.text.trim();
        if text.is_empty() {
            continue;
        }
        if p.lead_in {
            out.lead_in(text);
            continue;
        }
        if !split {
            out.paragraph(text);
            continue;
        }
        if styled {
            match p.level.zip(top).map(|(l, t)| l + 1 - t) {
                Some(1) => {
                    out.part(text);
                    ranker = Ranker::default();
                }
                Some(2) => out.section(text, ""),
                Some(_) => out.lead_in(text),
                None => match classify(text).filter(|c| c.family == Family::Inline) {
                    Some(c) if !styled_sections && ranker.accept(&c).is_some() => {
                        let (heading, rest) = text.split_at(c.heading_end);
                        out.section(heading, rest);
                    }
                    _ => out.paragraph(text),
                },
            }
            continue;
        }
        let level = classify(text).and_then(|c| Some((c, ranker.accept(&c)?)));
        match level {
            Some((c, 1)) if c.family == Family::Inline => {
                out.part(&text[..c.heading_end]);
                out.paragraph(&text[c.heading_end..]);
            }
            Some((_, 1)) => out.part(text),
            Some((c, 2)) => {
                let (heading, rest) = text.split_at(c.heading_end);
                out.section(heading, rest);
            }
            Some((c, _)) if c.family != Family::Inline => out.lead_in(text),
            _ => out.paragraph(text),
        }
    }
    out.finish()
}

#[derive(Default)]
struct Outline {
    parts: Vec<Part>,
}

impl Outline {
    fn part(&mut self, title: &str) {
        let id = unique(ids::part_id(title, self.parts.len()), |id| {
            self.parts.iter().any(|p| p.id == id)
        });
        self.parts.push(Part {
            id,
            title: title.trim().to_owned(),
            lead: Vec::new(),
            sections: Vec::new(),
        });
    }

    fn current(&mut self) -> &mut Part {
        if self.parts.is_empty() {
            self.part(UNTITLED_PART);
        }
        let last = self.parts.len() - 1;
        &mut self.parts[last]
    }

    /// A sub-section headed `heading`; `rest` is the text that follows the
    /// heading in its own paragraph (an inline heading), if any.
    fn section(&mut self, heading: &str, rest: &str) {
        let part = self.current();
        let id = unique(
            ids::section_id(&part.id, heading, part.sections.len()),
            |id| part.sections.iter().any(|s| s.id == id),
        );
        let rest = rest.trim();
        part.sections.push(Section {
            related: Vec::new(),
            id,
            heading: heading.trim().to_owned(),
            // What follows an opening sentence is the rest of its paragraph.
            form: if rest.is_empty() {
                HeadingForm::Alone
            } else {
                HeadingForm::Opening
            },
            body: (!rest.is_empty())
                .then(|| Paragraph::text(rest))
                .into_iter()
                .collect(),
        });
    }

    fn paragraph(&mut self, text: &str) {
        self.push(Paragraph::text(text.trim()));
    }

    /// A heading deeper than a sub-section, kept in the text.
    fn lead_in(&mut self, text: &str) {
        self.push(Paragraph::lead_in(text.trim()));
    }

    fn push(&mut self, paragraph: Paragraph) {
        if paragraph.text.is_empty() {
            return;
        }
        let part = self.current();
        match part.sections.last_mut() {
            Some(s) => s.body.push(paragraph),
            None => part.lead.push(paragraph),
        }
    }

    fn finish(self) -> Vec<Part> {
        self.parts
    }
}

/// `id`, or `id-2`, `id-3` … when `taken` says it is in use already.
fn unique(id: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&id) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(parts: &[Part]) -> Vec<(String, usize, Vec<String>)> {
        parts
            .iter()
            .map(|p| {
                (
                    p.title.clone(),
                    p.lead.len(),
                    p.sections.iter().map(|s| s.heading.clone()).collect(),
                )
            })
            .collect()
    }

    fn text(lines: &[&str]) -> Vec<DocParagraph> {
        lines.iter().map(|l| DocParagraph::text(*l)).collect()
    }

    #[test]
    fn the_seed_shape_from_plain_text() {
        let parts = parts(
            &text(&[
                "引言：深耕政工沃土，汲取实践智慧",
                "政工工作，是生命线。",
                "篇章一：铸魂育人，强化理论武装的深度与广度",
                "理论是行动的先导。",
                "其一，在“学深悟透”上下苦功。最初接触理论学习，有时会感到些许枯燥。",
                "第二段。",
                "其二，在“转化运用”上求实效。理论的价值在于指导实践。",
                "篇章二：以人为本",
                "政工工作的对象是人。",
            ]),
            true,
        );
        assert_eq!(
            shape(&parts),
            [
                ("引言：深耕政工沃土，汲取实践智慧".into(), 1, vec![]),
                (
                    "篇章一：铸魂育人，强化理论武装的深度与广度".into(),
                    1,
                    vec![
                        "其一，在“学深悟透”上下苦功。".into(),
                        "其二，在“转化运用”上求实效。".into()
                    ]
                ),
                ("篇章二：以人为本".into(), 1, vec![]),
            ]
        );
        let s = &parts[1].sections[0];
        assert_eq!(s.id, "篇章一-其一");
        assert_eq!(s.form, HeadingForm::Opening);
        assert_eq!(
            s.body,
            ["最初接触理论学习，有时会感到些许枯燥。", "第二段。"]
        );
    }

    #[test]
    fn official_document_order_and_deeper_levels_are_lead_in_lines() {
        let parts = parts(
            &text(&[
                "一、总体要求",
                "正文。",
                "（一）学习",
                "1. 细则",
                "细则正文。",
                "（二）实践",
                "二、保障措施",
            ]),
            true,
        );
        assert_eq!(
            shape(&parts),
            [
                (
                    "一、总体要求".into(),
                    1,
                    vec!["（一）学习".into(), "（二）实践".into()]
                ),
                ("二、保障措施".into(), 0, vec![]),
            ]
        );
        assert_eq!(
            parts[0].sections[0].body,
            [Paragraph::lead_in("1. 细则"), Paragraph::text("细则正文。")]
        );
    }

    #[test]
    fn no_heading_is_one_part_and_nothing_is_lost() {
        let parts = parts(&text(&["第一段。", "一是学习，二是实践。", "三、四"]), true);
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].title, UNTITLED_PART);
        assert_eq!(
            parts[0].lead,
            ["第一段。", "一是学习，二是实践。", "三、四"]
        );
    }

    #[test]
    fn text_before_the_first_heading_and_repeated_titles() {
        let parts = parts(&text(&["开头。", "附录", "甲。", "附录", "乙。"]), true);
        assert_eq!(
            parts.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            ["正文", "附录", "附录-2"]
        );
    }

    #[test]
    fn without_splitting_everything_is_one_part() {
        let parts = parts(&text(&["一、甲", "正文。", "二、乙"]), false);
        assert_eq!(shape(&parts), [(UNTITLED_PART.to_owned(), 3, vec![])]);
    }

    #[test]
    fn styled_levels_win_over_patterns() {
        let ps = vec![
            DocParagraph {
                text: "总则".into(),
                level: Some(1),
                lead_in: false,
            },
            DocParagraph::text("一、不是标题，因为文档有样式"),
            DocParagraph {
                text: "细则".into(),
                level: Some(2),
                lead_in: false,
            },
            DocParagraph {
                text: "更深".into(),
                level: Some(3),
                lead_in: false,
            },
            DocParagraph::text("更深的正文。"),
        ];
        let parts = parts(&ps, true);
        assert_eq!(shape(&parts), [("总则".into(), 1, vec!["细则".into()])]);
        assert_eq!(
            parts[0].sections[0].body,
            [Paragraph::lead_in("更深"), Paragraph::text("更深的正文。")]
        );
        // A heading of its own is copied as a line of its own.
        assert_eq!(parts[0].sections[0].form, HeadingForm::Alone);
        assert_eq!(
            parts[0].sections[0].paragraphs()[..2],
            [Paragraph::text("细则"), Paragraph::lead_in("更深")]
        );
    }
}
