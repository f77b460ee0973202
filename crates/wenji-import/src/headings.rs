//! Which lines of a text are headings, by the families of Chinese headings
//! (`第三章`, `篇章二`, `一、`, `（一）`, `1.`, `（1）`, `1.1`, 引言 …), and at
//! what level: the numbers of a family must run in sequence (一 → 二 → 三),
//! and families rank by the order in which they first appear, as a reader
//! of the document would take them.

use crate::numerals::{self, is_digit};

/// A family of headings: its members look alike and count together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// 引言, 前言, 结语 …: unnumbered, always at the top level.
    Named,
    /// 第N章, 第N节, 第N篇, 第N部 (one family per unit).
    Ordinal(char),
    /// 篇章一, 篇章二 …
    Pianzhang,
    /// 上篇, 中篇, 下篇.
    Pian,
    /// 一、
    ChineseComma,
    /// （一）
    ChineseParen,
    /// 1. or 1、
    DigitDot,
    /// （1）
    DigitParen,
    /// 1.1 (depth 2), 1.1.1 (depth 3) …
    Decimal(u8),
    /// 其一，/ 第一， at the start of a paragraph: the first sentence is a
    /// sub-section's heading, the rest its text (as the seed writes them).
    Inline,
}

/// A paragraph that may be a heading: its family and number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub family: Family,
    /// `None` for the named headings.
    pub number: Option<u32>,
    /// For `Inline`: where the heading (the first sentence) ends, in bytes.
    pub heading_end: usize,
}

/// Longest heading line, in characters.
pub const MAX_HEADING_CHARS: usize = 40;
/// Longest first sentence taken as an inline heading, in characters.
const MAX_INLINE_CHARS: usize = 60;

const NAMED: [&str; 11] = [
    "引言",
    "前言",
    "序言",
    "绪论",
    "摘要",
    "结束语",
    "结语",
    "结论",
    "后记",
    "附录",
    "致谢",
];

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '…')
}

/// What may follow a heading's number: the heading's own punctuation.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | '：' | ':' | '．' | '.' | ' ' | '\u{3000}' | '—'
    )
}

/// The candidate `paragraph` is, if any.
pub fn classify(paragraph: &str) -> Option<Candidate> {
    let p = paragraph.trim();
    if let Some(c) = inline(p) {
        return Some(c);
    }
    if !heading_shaped(p) {
        return None;
    }
    let whole = |family, number| {
        Some(Candidate {
            family,
            number,
            heading_end: p.len(),
        })
    };
    for name in NAMED {
        if let Some(rest) = p.strip_prefix(name) {
            if rest.is_empty() || rest.starts_with(is_separator) {
                return whole(Family::Named, None);
            }
        }
    }
    if let Some(rest) = p.strip_prefix('第') {
        let (len, n) = numerals::leading(rest)?;
        let unit = rest[len..].chars().next()?;
        if matches!(unit, '章' | '节' | '篇' | '部') {
            return whole(Family::Ordinal(unit), Some(n));
        }
        return None;
    }
    if let Some(rest) = p.strip_prefix("篇章") {
        let (len, n) = numerals::leading(rest)?;
        let after = &rest[len..];
        if after.is_empty() || after.starts_with(is_separator) {
            return whole(Family::Pianzhang, Some(n));
        }
        return None;
    }
    for (i, pian) in ["上篇", "中篇", "下篇"].iter().enumerate() {
        if let Some(rest) = p.strip_prefix(pian) {
            if rest.is_empty() || rest.starts_with(is_separator) {
                return whole(Family::Pian, Some(i as u32 + 1));
            }
        }
    }
    if let Some(inner) = p.strip_prefix('（').or_else(|| p.strip_prefix('(')) {
        let (len, n) = numerals::leading(inner)?;
        if !inner[len..].starts_with(['）', ')']) {
            return None;
        }
        let family = if inner.starts_with(is_digit) {
            Family::DigitParen
        } else {
            Family::ChineseParen
        };
        return whole(family, Some(n));
    }
    let (len, n) = numerals::leading(p)?;
    let after = &p[len..];
    if p.starts_with(is_digit) {
        // 1.1, 1.1.1: a decimal outline; its depth is its family.
        let mut depth = 1u8;
        let mut rest = after;
        while let Some(r) = rest.strip_prefix('.') {
            match numerals::leading(r) {
                Some((l, _)) if r.starts_with(is_digit) => {
                    depth += 1;
                    rest = &r[l..];
                }
                _ => break,
            }
        }
        if depth > 1 {
            return whole(
                Family::Decimal(depth),
                Some(last_number(&p[..p.len() - rest.len()])),
            );
        }
        if after.starts_with(['.', '、', '．']) {
            return whole(Family::DigitDot, Some(n));
        }
        return None;
    }
    after
        .starts_with('、')
        .then_some(())
        .and_then(|()| whole(Family::ChineseComma, Some(n)))
}

/// The last number of a decimal heading number (`1.2.3` → 3).
fn last_number(s: &str) -> u32 {
    s.rsplit('.').next().and_then(numerals::parse).unwrap_or(0)
}

/// Short, and a sentence at most: a line that can stand as a heading.
fn heading_shaped(p: &str) -> bool {
    let n = p.chars().count();
    if n == 0 || n > MAX_HEADING_CHARS {
        return false;
    }
    // Sentence-final punctuation only at the end (a heading's own 。).
    let body = p.trim_end_matches(is_sentence_end);
    !body.contains(is_sentence_end)
}

/// 其一，… / 第一，… at the start of a paragraph, up to its first
/// sentence's end.
fn inline(p: &str) -> Option<Candidate> {
    let rest = p.strip_prefix('其').or_else(|| p.strip_prefix('第'))?;
    let (len, n) = numerals::leading(rest)?;
    // 第1，is not how the seed counts; 第一章 is a chapter (no comma).
    if rest.starts_with(is_digit) {
        return None;
    }
    let after = &rest[len..];
    if !after.starts_with(['，', '、', '：']) {
        return None;
    }
    let (end, c) = p.char_indices().find(|(_, c)| is_sentence_end(*c))?;
    let heading_end = end + c.len_utf8();
    (p[..heading_end].chars().count() <= MAX_INLINE_CHARS).then_some(Candidate {
        family: Family::Inline,
        number: Some(n),
        heading_end,
    })
}

/// Accepts candidates in document order, keeping numbers in sequence, and
/// gives each accepted heading its level (1 = a part, 2 = a sub-section,
/// deeper ones stay text).
#[derive(Debug, Default)]
pub struct Ranker {
    /// Numbered families in the order they first appeared, with the last
    /// number accepted in each.
    seen: Vec<(Family, u32)>,
}

impl Ranker {
    /// The level of `candidate` if it is taken as a heading here.
    pub fn accept(&mut self, candidate: &Candidate) -> Option<usize> {
        let Some(n) = candidate.number else {
            // Named headings stand at the top, beside the first family.
            self.reset_below(0);
            return Some(1);
        };
        match self.seen.iter().position(|(f, _)| *f == candidate.family) {
            Some(at) => {
                let last = self.seen[at].1;
                if n != last + 1 && n != 1 {
                    return None;
                }
                self.seen[at].1 = n;
                self.reset_below(at + 1);
                Some(at + 1)
            }
            None => {
                if n != 1 {
                    return None;
                }
                self.seen.push((candidate.family, 1));
                Some(self.seen.len())
            }
        }
    }

    /// A heading at a higher level restarts the count of deeper families.
    fn reset_below(&mut self, level: usize) {
        for (_, last) in self.seen.iter_mut().skip(level) {
            *last = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(p: &str) -> Option<(Family, Option<u32>)> {
        classify(p).map(|c| (c.family, c.number))
    }

    #[test]
    fn each_family_is_recognised() {
        use Family::*;
        for (p, want) in [
            ("引言：深耕政工沃土，汲取实践智慧", (Named, None)),
            ("结束语", (Named, None)),
            ("第三章 理论武装", (Ordinal('章'), Some(3))),
            ("第十二节　小结", (Ordinal('节'), Some(12))),
            (
                "篇章一：铸魂育人，强化理论武装的深度与广度",
                (Pianzhang, Some(1)),
            ),
            ("下篇：实践", (Pian, Some(3))),
            ("一、加强理论学习", (ChineseComma, Some(1))),
            ("（二）学会“倾听”", (ChineseParen, Some(2))),
            ("(二)学会倾听", (ChineseParen, Some(2))),
            ("3. 方法", (DigitDot, Some(3))),
            ("３、方法", (DigitDot, Some(3))),
            ("（4）细节", (DigitParen, Some(4))),
            ("1.2 小节", (Decimal(2), Some(2))),
            ("2.1.3 细节", (Decimal(3), Some(3))),
        ] {
            assert_eq!(family(p), Some(want), "{p}");
        }
    }

    #[test]
    fn headings_with_quotes_and_numbers_are_still_headings() {
        assert!(family("（一）学会“倾听”，方能“理解”").is_some());
        assert!(family("一、关于《纲要》的2024年学习").is_some());
    }

    #[test]
    fn sentences_and_inline_enumerations_are_not_headings() {
        for p in [
            "一是加强学习，二是注重实践。",
            "政工工作的对象是人，核心是做人的工作。以人为本。",
            "第一时间赶到现场",
            "引言部分很重要",
            "1984年是一个年份",
            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
        ] {
            assert_eq!(family(p), None, "{p}");
        }
    }

    #[test]
    fn inline_sub_sections_take_the_first_sentence() {
        let p = "其一，在“学深悟透”上下苦功。最初接触理论学习，有时会感到些许枯燥。";
        let c = classify(p).unwrap();
        assert_eq!((c.family, c.number), (Family::Inline, Some(1)));
        assert_eq!(&p[..c.heading_end], "其一，在“学深悟透”上下苦功。");
        assert_eq!(
            family("第二、要注重方法。然后……"),
            Some((Family::Inline, Some(2)))
        );
    }

    #[test]
    fn numbers_must_run_in_sequence_and_families_rank_by_first_appearance() {
        let mut r = Ranker::default();
        let c = |p: &str| classify(p).unwrap();
        assert_eq!(r.accept(&c("引言")), Some(1));
        assert_eq!(r.accept(&c("一、甲")), Some(1));
        assert_eq!(r.accept(&c("（一）乙")), Some(2));
        assert_eq!(r.accept(&c("（二）丙")), Some(2));
        // Out of sequence: not a heading.
        assert_eq!(r.accept(&c("（五）丁")), None);
        assert_eq!(r.accept(&c("1. 戊")), Some(3));
        assert_eq!(r.accept(&c("二、己")), Some(1));
        // A new part restarts the count below it.
        assert_eq!(r.accept(&c("（一）庚")), Some(2));
        assert_eq!(r.accept(&c("结语")), Some(1));
        // A family must start at one.
        let mut r = Ranker::default();
        assert_eq!(r.accept(&c("三、辛")), None);
    }
}
