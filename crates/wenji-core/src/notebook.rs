//! 摘抄本, the reader's notebook of excerpts across the collection: what
//! an excerpt keeps, how it is found again in its essay after the text has
//! changed, the notebook's own order, and how it is kept and exported.
//!
//! An excerpt is anchored by its quoted words with a little context, not
//! by a position: the essay is searched for the quote with white space
//! left out (a selection across paragraphs and a copied section read
//! alike), and of several occurrences the one whose context matches best
//! wins. Not found, it is shown as changed (原文已改动), never dropped.

use std::ops::Range;

use crate::data::{expect_fields, number, record, records, DataError};
use crate::model::{Essay, Place};
use crate::takeaway::{escape_markdown, Format};

/// First line of the notebook as kept in the browser.
pub const NOTEBOOK_HEADER: &str = "wenji-notebook 1";
/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 12;

/// One excerpt: the words, where they came from, the reader's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// Unique in the notebook (when it was added, and a counter).
    pub id: u64,
    /// The essay's address (its slug).
    pub essay: String,
    pub essay_title: String,
    /// Part, and sub-section if any, as when it was added
    /// (`篇章一：… · 其一，…`).
    pub cited: String,
    /// The part or sub-section's id, for the link.
    pub fragment: String,
    /// The words, paragraphs on lines of their own.
    pub quote: String,
    /// The text just before and after the quote, when it was added.
    pub before: String,
    pub after: String,
    pub note: String,
}

/// An excerpt taken out of the notebook, and where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub at: usize,
    pub excerpt: Excerpt,
}

/// The excerpts, in the reader's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Notebook {
    pub excerpts: Vec<Excerpt>,
}

impl Notebook {
    pub fn add(&mut self, excerpt: Excerpt) {
        self.excerpts.push(excerpt);
    }

    /// Take excerpt `id` out, with the place it had (for `put_back`).
    pub fn take(&mut self, id: u64) -> Option<Removed> {
        let at = self.position(id)?;
        Some(Removed {
            at,
            excerpt: self.excerpts.remove(at),
        })
    }

    /// Undo `take`: the excerpt, its note and id as they were, at its place
    /// (or the end, if the notebook has shrunk since); whether it was put
    /// back (not when an excerpt of its id is here again).
    pub fn put_back(&mut self, removed: Removed) -> bool {
        if self.position(removed.excerpt.id).is_some() {
            return false;
        }
        let at = removed.at.min(self.excerpts.len());
        self.excerpts.insert(at, removed.excerpt);
        true
    }

    /// Move excerpt `id` to position `to` (clamped); whether it moved.
    pub fn move_to(&mut self, id: u64, to: usize) -> bool {
        let Some(from) = self.position(id) else {
            return false;
        };
        let to = to.min(self.excerpts.len() - 1);
        if from == to {
            return false;
        }
        let e = self.excerpts.remove(from);
        self.excerpts.insert(to, e);
        true
    }

    /// Move excerpt `id` one place up (`-1`) or down (`1`).
    pub fn step(&mut self, id: u64, by: isize) -> bool {
        match self.position(id) {
            Some(at) => at
                .checked_add_signed(by)
                .is_some_and(|to| to < self.excerpts.len() && self.move_to(id, to)),
            None => false,
        }
    }

    pub fn set_note(&mut self, id: u64, note: &str) {
        if let Some(e) = self.excerpts.iter_mut().find(|e| e.id == id) {
            e.note = note.to_owned();
        }
    }

    pub fn position(&self, id: u64) -> Option<usize> {
        self.excerpts.iter().position(|e| e.id == id)
    }

    /// An id no excerpt has, from `now` (milliseconds).
    pub fn new_id(&self, now: u64) -> u64 {
        let max = self.excerpts.iter().map(|e| e.id).max().unwrap_or(0);
        now.max(max + 1)
    }

    /// The notebook as one text, as kept (tab-separated records, the data
    /// files' escapes).
    pub fn encode(&self) -> String {
        let mut out = String::from(NOTEBOOK_HEADER);
        out.push('\n');
        for e in &self.excerpts {
            record(
                &mut out,
                "X",
                &[
                    &e.id.to_string(),
                    &e.essay,
                    &e.essay_title,
                    &e.cited,
                    &e.fragment,
                    &e.quote,
                    &e.before,
                    &e.after,
                    &e.note,
                ],
            );
        }
        out
    }

    pub fn decode(text: &str) -> Result<Notebook, DataError> {
        let mut excerpts = Vec::new();
        for r in records(text, NOTEBOOK_HEADER)? {
            let (line, tag, f) = r?;
            if tag != "X" {
                return Err(DataError {
                    line,
                    message: format!("unknown record `{tag}`"),
                });
            }
            expect_fields(line, tag, &f, 9)?;
            let mut f = f.into_iter();
            let mut next = || f.next().unwrap_or_default();
            excerpts.push(Excerpt {
                id: number(line, &next())?,
                essay: next(),
                essay_title: next(),
                cited: next(),
                fragment: next(),
                quote: next(),
                before: next(),
                after: next(),
                note: next(),
            });
        }
        Ok(Notebook { excerpts })
    }
}

/// A piece of an essay's text: a heading (part title or sub-section
/// heading) or one of the paragraphs under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Heading,
    Paragraph(usize),
}

/// Where (part of) a quote is: bytes of one unit of one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub place: Place,
    pub unit: Unit,
    pub range: Range<usize>,
}

/// The units of `essay` (essay `index` of its collection), in reading
/// order, with their text.
fn units(essay: &Essay, index: usize) -> Vec<(Place, Unit, &str)> {
    let mut out = Vec::new();
    for (p, part) in essay.parts.iter().enumerate() {
        let at = Place::part(index, p);
        out.push((at, Unit::Heading, part.title.as_str()));
        for (k, l) in part.lead.iter().enumerate() {
            out.push((at, Unit::Paragraph(k), l.as_str()));
        }
        for (s, section) in part.sections.iter().enumerate() {
            let at = Place::section(index, p, s);
            out.push((at, Unit::Heading, section.heading.as_str()));
            for (k, b) in section.body.iter().enumerate() {
                out.push((at, Unit::Paragraph(k), b.as_str()));
            }
        }
    }
    out
}

/// Where `excerpt` is in `essay` (essay `index`), white space aside: one
/// span a unit it covers. `None` when the text no longer holds it.
pub fn locate(essay: &Essay, index: usize, excerpt: &Excerpt) -> Option<Vec<Span>> {
    let quote: Vec<char> = excerpt
        .quote
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if quote.is_empty() {
        return None;
    }
    let units = units(essay, index);
    // The essay's characters without white space, each with its unit and
    // byte offset.
    let mut chars: Vec<char> = Vec::new();
    let mut at: Vec<(usize, usize)> = Vec::new();
    for (u, (_, _, text)) in units.iter().enumerate() {
        for (i, c) in text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
            chars.push(c);
            at.push((u, i));
        }
    }
    let before: Vec<char> = excerpt
        .before
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let after: Vec<char> = excerpt
        .after
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let fits = |start: usize| {
        let end = start + quote.len();
        let back = before
            .iter()
            .rev()
            .zip(chars[..start].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let ahead = after
            .iter()
            .zip(&chars[end..])
            .take_while(|(a, b)| a == b)
            .count();
        back + ahead
    };
    let start = (0..=chars.len().checked_sub(quote.len())?)
        .filter(|&s| chars[s..s + quote.len()] == quote[..])
        .max_by_key(|&s| (fits(s), std::cmp::Reverse(s)))?;
    let mut spans: Vec<Span> = Vec::new();
    for &(u, i) in &at[start..start + quote.len()] {
        let (place, unit, text) = units[u];
        let end = i + text[i..].chars().next().map_or(0, char::len_utf8);
        match spans.last_mut() {
            Some(s) if s.place == place && s.unit == unit => s.range.end = end,
            _ => spans.push(Span {
                place,
                unit,
                range: i..end,
            }),
        }
    }
    Some(spans)
}

/// The context of `quote` in `text` at byte `start`: up to
/// `CONTEXT_CHARS` characters on each side.
pub fn context_of(text: &str, start: usize, quote: &str) -> (String, String) {
    let before: Vec<char> = text[..start].chars().rev().take(CONTEXT_CHARS).collect();
    let after = text[start + quote.len()..]
        .chars()
        .take(CONTEXT_CHARS)
        .collect();
    (before.into_iter().rev().collect(), after)
}

/// The notebook as a file: each excerpt's words, the reader's note and the
/// citation with `link(excerpt)`, the address of its source.
pub fn export(excerpts: &[Excerpt], format: Format, link: &dyn Fn(&Excerpt) -> String) -> String {
    let md = format == Format::Markdown;
    let mut blocks = vec![if md {
        "# 摘抄本".to_owned()
    } else {
        "摘抄本".to_owned()
    }];
    for (n, e) in excerpts.iter().enumerate() {
        let label = format!("《{}》 · {}", e.essay_title, e.cited);
        if md {
            blocks.push(format!("## {}", n + 1));
            let quoted: Vec<String> = e
                .quote
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| format!("> {}", escape_markdown(l.trim())))
                .collect();
            blocks.push(quoted.join("\n>\n"));
            if !e.note.trim().is_empty() {
                blocks.push(format!("笔记：{}", escape_markdown(e.note.trim())));
            }
            blocks.push(format!(
                "*出处：[{}](<{}>)*",
                escape_markdown(&label),
                link(e)
            ));
        } else {
            blocks.push(format!("{}.", n + 1));
            blocks.push(e.quote.trim().to_owned());
            if !e.note.trim().is_empty() {
                blocks.push(format!("笔记：{}", e.note.trim()));
            }
            blocks.push(format!("出处：{label} {}", link(e)));
        }
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::model::{HeadingForm, Part, Section};

    fn essay() -> Essay {
        fixtures::essay(
            "e",
            "心得",
            vec![Part {
                id: "篇章一".into(),
                title: "篇章一：铸魂".into(),
                lead: vec!["理论是先导。".into()],
                sections: vec![Section {
                    id: "篇章一-其一".into(),
                    heading: "其一，学深。".into(),
                    form: HeadingForm::Opening,
                    body: vec!["要学深悟透，学以致用。".into(), "学以致用最难。".into()],
                    related: vec![],
                }],
            }],
        )
    }

    fn excerpt(quote: &str, before: &str, after: &str) -> Excerpt {
        Excerpt {
            id: 1,
            essay: "e".into(),
            essay_title: "心得".into(),
            cited: "篇章一：铸魂 · 其一，学深。".into(),
            fragment: "篇章一-其一".into(),
            quote: quote.into(),
            before: before.into(),
            after: after.into(),
            note: "我的\t笔记\n第二行".into(),
        }
    }

    #[test]
    fn a_quote_is_found_by_its_words_and_context() {
        let e = essay();
        // 学以致用 is twice in the text: the context picks the second.
        let spans = locate(&e, 4, &excerpt("学以致用", "。", "最难")).expect("found");
        assert_eq!(spans.len(), 1);
        let s = &spans[0];
        assert_eq!(
            (s.place, s.unit),
            (Place::section(4, 0, 0), Unit::Paragraph(1))
        );
        assert_eq!(
            &e.parts[0].sections[0].body[1].text[s.range.clone()],
            "学以致用"
        );
        let first = locate(&e, 4, &excerpt("学以致用", "悟透，", "。")).unwrap();
        assert_eq!(first[0].unit, Unit::Paragraph(0));
    }

    #[test]
    fn a_quote_across_a_heading_and_paragraphs_is_one_span_a_unit() {
        let e = essay();
        let spans = locate(
            &e,
            0,
            &excerpt("学深。\n要学深悟透，学以致用。\n学以", "", ""),
        )
        .unwrap();
        let units: Vec<Unit> = spans.iter().map(|s| s.unit).collect();
        assert_eq!(
            units,
            [Unit::Heading, Unit::Paragraph(0), Unit::Paragraph(1)]
        );
        assert_eq!(
            &e.parts[0].sections[0].heading[spans[0].range.clone()],
            "学深。"
        );
    }

    #[test]
    fn a_changed_text_no_longer_holds_the_quote() {
        let mut e = essay();
        let x = excerpt("学深悟透", "", "");
        assert!(locate(&e, 0, &x).is_some());
        e.parts[0].sections[0].body[0] = "要学懂弄通。".into();
        assert_eq!(locate(&e, 0, &x), None);
        assert_eq!(locate(&e, 0, &excerpt(" \n", "", "")), None);
    }

    #[test]
    fn context_is_a_few_characters_each_side() {
        let text = "一二三四五六七八九十甲乙丙丁学深悟透子丑寅卯辰巳午未申酉戌亥";
        let start = text.find("学深悟透").unwrap();
        let (b, a) = context_of(text, start, "学深悟透");
        assert_eq!(b, "三四五六七八九十甲乙丙丁");
        assert_eq!(a, "子丑寅卯辰巳午未申酉戌亥");
    }

    #[test]
    fn the_notebook_keeps_its_order_and_survives_the_round_trip() {
        let mut n = Notebook::default();
        for id in 1..=3 {
            n.add(Excerpt {
                id,
                ..excerpt(&format!("第{id}条"), "", "")
            });
        }
        assert!(n.step(3, -1));
        assert!(!n.step(1, -1), "the first cannot go up");
        assert!(n.move_to(1, 9));
        let order: Vec<u64> = n.excerpts.iter().map(|e| e.id).collect();
        assert_eq!(order, [3, 2, 1]);
        n.set_note(2, "新的笔记");
        assert!(n.take(3).is_some() && n.take(3).is_none());
        assert_eq!(n.new_id(0), 3);
        let text = n.encode();
        assert_eq!(Notebook::decode(&text).unwrap(), n);
        assert!(Notebook::decode("wenji-notebook 1\nX\t1\n").is_err());
        assert!(Notebook::decode("something else").is_err());
    }

    #[test]
    fn an_excerpt_taken_out_goes_back_to_its_place_with_its_note() {
        let mut n = Notebook::default();
        for id in 1..=4 {
            n.add(Excerpt {
                id,
                ..excerpt(&format!("第{id}条"), "", "")
            });
        }
        n.set_note(3, "要紧的笔记");
        let kept = n.clone();
        let removed = n.take(3).unwrap();
        assert_eq!(removed.at, 2);
        assert!(n.put_back(removed.clone()));
        assert_eq!(n, kept);
        assert!(!n.put_back(removed.clone()), "not twice");
        // The notebook shrank meanwhile: it goes last.
        n.take(3);
        n.take(4);
        n.take(2);
        assert!(n.put_back(removed));
        let order: Vec<u64> = n.excerpts.iter().map(|e| e.id).collect();
        assert_eq!(order, [1, 3]);
        assert_eq!(n.excerpts[1].note, "要紧的笔记");
    }

    #[test]
    fn exports_hold_the_words_the_note_and_the_citation() {
        let x = excerpt("学深悟透\n*学以致用*", "", "");
        let link = |e: &Excerpt| format!("https://example.org/?essay={}#{}", e.essay, e.fragment);
        let md = export(std::slice::from_ref(&x), Format::Markdown, &link);
        assert!(
            md.starts_with("# 摘抄本\n\n## 1\n\n> 学深悟透\n>\n> \\*学以致用\\*\n"),
            "{md}"
        );
        assert!(md.contains("笔记：我的\t笔记 第二行"), "{md}");
        assert!(md.contains("*出处：[《心得》 · 篇章一：铸魂 · 其一，学深。](<https://example.org/?essay=e#篇章一-其一>)*"));
        let txt = export(&[x], Format::Plain, &link);
        assert!(
            txt.contains(
                "1.\n\n学深悟透\n*学以致用*\n\n笔记：我的\t笔记\n第二行\n\n出处：《心得》"
            ),
            "{txt}"
        );
    }
}
