//! Where words begin and end, for what pinyin marks and for the words two
//! related passages share.
//!
//! The search matches characters, never words: 工作 is found inside
//! 政治工作, and should be. But a spelling names a word: `zhigong` is 职工,
//! and the 治工 that 政治工作 holds across its two words is noise (so are
//! 障工 in 保障工作 and 之高 in 束之高阁 for `zg`). So a spelled match of two
//! characters or more must begin and end where the text's words do.
//!
//! The text is cut as jieba cuts it without its HMM: the most likely
//! sequence of listed words, each as likely as its frequency in jieba's
//! dictionary, every other character a word of its own and as unlikely as
//! a word can be. Only the words of two to four characters the collection
//! holds are listed (the build picks them, `tables_build`), each with the
//! natural log of its frequency in sixths, so a page carries a few
//! thousand words, not the dictionary. Only a window around a match is
//! cut: words reach a few characters, so the cut there is the text's.

use std::ops::Range;

use wenji_core::order;

/// The characters a listed word is made of (CJK Extension A and the
/// Unified Ideographs): 15 bits each, four in a `u64` with the length.
const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;
/// Characters of context either side of a match that its cut looks at.
const CONTEXT: usize = 8;
/// The natural log of the dictionary's total frequency, in sixths: the
/// cost of a word of its own (a listed word earns its weight back).
const TOTAL: i32 = 107;
pub use crate::word_weight::weight_of;
use crate::word_weight::{MAX_WEIGHT, WEIGHT_BASE};

/// Listed words and their weights, sorted by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    entries: Vec<(u64, u8)>,
}

/// The key of a word of 2–4 characters of the listed range.
fn key(word: &[char]) -> Option<u64> {
    if !(2..=4).contains(&word.len()) {
        return None;
    }
    let mut k = 0u64;
    for &c in word {
        let c = c as u32;
        if !(FIRST..=LAST).contains(&c) {
            return None;
        }
        k = k << 15 | u64::from(c - FIRST);
    }
    Some((word.len() as u64) << 60 | k)
}

impl Words {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The weight of `word` if it is listed.
    pub fn weight(&self, word: &[char]) -> Option<u8> {
        let k = key(word)?;
        self.entries
            .binary_search_by_key(&k, |e| e.0)
            .ok()
            .map(|i| self.entries[i].1)
    }

    /// List `word` (kept as it was if listed already).
    #[cfg(test)]
    pub fn insert(&mut self, word: &[char], weight: u8) {
        let Some(k) = key(word) else { return };
        if let Err(i) = self.entries.binary_search_by_key(&k, |e| e.0) {
            self.entries.insert(i, (k, weight.min(MAX_WEIGHT)));
        }
    }

    /// Add the words of `other` this does not list.
    pub fn merge(&mut self, other: &Words) {
        self.entries.extend_from_slice(&other.entries);
        // Stable: of one word in both, this one's entry stays.
        order::sort_by_key(&mut self.entries, |e| e.0);
        self.entries.dedup_by_key(|e| e.0);
    }

    /// The listed words that the most likely cut of each text uses, and
    /// the listed words inside them (so that 政治 stands inside 政治工作 as
    /// it does with the whole list), with their weights here: what a page
    /// needs to cut its own text as the whole list would, not every listed
    /// word its characters happen to spell (业者 of 从业者). `joined` as
    /// for `stands_whole`.
    pub fn used_in<'a, J: Fn(usize) -> bool>(
        &self,
        texts: impl IntoIterator<Item = (&'a [char], J)>,
    ) -> Words {
        let mut found = Vec::new();
        for (chars, joined) in texts {
            let cuts = self.cuts_joined(chars, joined);
            let mut start = 0;
            for end in 1..=chars.len() {
                if !cuts[end] {
                    continue;
                }
                let word = &chars[start..end];
                if word.len() >= 2 {
                    for i in 0..word.len() {
                        for len in 2..=word.len() - i {
                            if let Some(k) = key(&word[i..i + len]) {
                                if let Ok(at) = self.entries.binary_search_by_key(&k, |e| e.0) {
                                    found.push(self.entries[at]);
                                }
                            }
                        }
                    }
                }
                start = end;
            }
        }
        // Sorted once at the end: a collection uses tens of thousands.
        order::sort_by_key(&mut found, |e| e.0);
        found.dedup_by_key(|e| e.0);
        Words { entries: found }
    }

    /// One word a line, its weight the last character.
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        for &(k, w) in &self.entries {
            let len = (k >> 60) as usize;
            for i in (0..len).rev() {
                let c = FIRST + ((k >> (15 * i)) & 0x7FFF) as u32;
                out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
            out.push(char::from(WEIGHT_BASE + w));
            out.push('\n');
        }
        out
    }

    /// Read `to_compact`'s form (a line that is not a word is passed over).
    pub fn from_compact(text: &str) -> Words {
        let mut entries = Vec::new();
        let mut word = Vec::with_capacity(4);
        for line in text.split('\n') {
            word.clear();
            word.extend(line.chars());
            let Some(w) = word.pop() else { continue };
            let weight = (w as u32).wrapping_sub(u32::from(WEIGHT_BASE));
            if let (Some(k), true) = (key(&word), weight <= u32::from(MAX_WEIGHT)) {
                entries.push((k, weight as u8));
            }
        }
        order::sort_by_key(&mut entries, |e| e.0);
        entries.dedup_by_key(|e| e.0);
        Words { entries }
    }

    /// Where the most likely cut of `chars` into words falls: for each
    /// position, whether a word begins there (and at the end).
    pub fn cuts(&self, chars: &[char]) -> Vec<bool> {
        self.cuts_joined(chars, |_| true)
    }

    /// The same, no word running between characters `i - 1` and `i` where
    /// `joined(i)` is false (punctuation stood there).
    fn cuts_joined(&self, chars: &[char], joined: impl Fn(usize) -> bool) -> Vec<bool> {
        let n = chars.len();
        // best[i]: the score of the best cut of chars[i..], and the length
        // of its first word; from the right, as jieba does.
        let mut best = vec![(0i32, 0usize); n + 1];
        for i in (0..n).rev() {
            let mut pick = (best[i + 1].0 - TOTAL, 1);
            for len in 2..=4.min(n - i) {
                if !joined(i + len - 1) {
                    break;
                }
                if let Some(w) = self.weight(&chars[i..i + len]) {
                    let score = best[i + len].0 + i32::from(w) - TOTAL;
                    // Of two as likely, the longer word.
                    if score >= pick.0 {
                        pick = (score, len);
                    }
                }
            }
            best[i] = pick;
        }
        let mut cuts = vec![false; n + 1];
        let mut i = 0;
        while i < n {
            cuts[i] = true;
            i += best[i].1;
        }
        cuts[n] = true;
        cuts
    }

    /// Whether `chars[range]` stands as whole words in `chars`: it is a
    /// listed word, or the cut of the text around it begins and ends
    /// there. A single character always does. `joined(i)`: characters
    /// `i - 1` and `i` stood side by side (no punctuation between: “守正”是
    /// is 守正 then 是, whatever 正是 would say).
    pub fn stands_whole(
        &self,
        chars: &[char],
        range: Range<usize>,
        joined: impl Fn(usize) -> bool,
    ) -> bool {
        if range.len() < 2 || self.is_empty() || self.weight(&chars[range.clone()]).is_some() {
            return true;
        }
        let lo = range.start.saturating_sub(CONTEXT);
        let hi = (range.end + CONTEXT).min(chars.len());
        let cuts = self.cuts_joined(&chars[lo..hi], |i| joined(lo + i));
        cuts[range.start - lo] && cuts[range.end - lo]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Words with jieba's frequencies.
    fn words() -> Words {
        let mut w = Words::default();
        for (word, freq) in [
            ("政治", 24866),
            ("工作", 66367),
            ("政治工作", 380),
            ("保障", 6335),
            ("随着", 10614),
            ("职工", 5213),
            ("束之高阁", 17),
            ("高阁", 123),
            ("有时", 6917),
            ("时会", 257),
            ("研究", 20000),
            ("研究生", 1816),
            ("生命", 6986),
            ("作出", 3000),
        ] {
            w.insert(&chars(word), weight_of(freq));
        }
        w
    }

    fn cut(w: &Words, s: &str) -> Vec<String> {
        let c = chars(s);
        let cuts = w.cuts(&c);
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..=c.len() {
            if cuts[i] {
                out.push(c[start..i].iter().collect());
                start = i;
            }
        }
        out
    }

    #[test]
    fn the_most_likely_cut() {
        let w = words();
        assert_eq!(cut(&w, "有时会感到"), ["有时", "会", "感", "到"]);
        assert_eq!(cut(&w, "研究生命"), ["研究", "生命"]);
        assert_eq!(cut(&w, "保障工作"), ["保障", "工作"]);
        assert_eq!(cut(&w, "把理论束之高阁"), ["把", "理", "论", "束之高阁"]);
        assert_eq!(cut(&w, ""), Vec::<String>::new());
    }

    #[test]
    fn a_match_across_two_words_does_not_stand_whole() {
        let w = words();
        let at = |text: &str, part: &str| {
            let t = chars(text);
            let start = text.find(part).unwrap();
            let start = text[..start].chars().count();
            w.stands_whole(&t, start..start + part.chars().count(), |_| true)
        };
        assert!(!at("加强政治工作", "治工"));
        assert!(!at("做好保障工作", "障工"));
        assert!(!at("随着工作的深入", "着工"));
        assert!(!at("如果将理论束之高阁", "之高"));
        assert!(at("关心职工生活", "职工"));
        // A listed word stands even where its neighbours overlap it.
        assert!(at("全体职工作出贡献", "职工"));
        assert!(at("研究生命科学", "生命"));
        assert!(at("政治工作", "政治工作"));
        assert!(at("政治工作", "工作"));
        // Unknown text, one character: nothing to say against it.
        assert!(at("守正创新", "守正"));
        assert!(at("政治工作", "治"));
        assert!(Words::default().stands_whole(&chars("政治工作"), 1..3, |_| true));
        // Where punctuation stood, no word runs: 守正 then 正是 is no cut
        // when the text was “守正”是.
        let mut w = words();
        w.insert(&chars("正是"), weight_of(9307));
        let t = chars("守正是根本");
        assert!(!w.stands_whole(&t, 0..2, |_| true));
        assert!(w.stands_whole(&t, 0..2, |i| i != 2));
    }

    #[test]
    fn compact_form_round_trips_and_merges() {
        let w = words();
        let back = Words::from_compact(&w.to_compact());
        assert_eq!(back, w);
        assert_eq!(back.weight(&chars("政治")), Some(weight_of(24866)));
        assert_eq!(back.weight(&chars("治工")), None);
        // Junk lines and words out of range are passed over.
        let odd = Words::from_compact("政\n\nabc!\n政治X\n𠀀𠀀!\n");
        assert_eq!(odd.len(), 1);
        let mut site = Words::from_compact("政治!\n");
        site.merge(&Words::from_compact("政治~\n职工#\n"));
        assert_eq!(site.weight(&chars("政治")), Some(0), "kept as it was");
        assert_eq!(site.weight(&chars("职工")), Some(2));
    }

    #[test]
    fn used_in_lists_the_words_of_the_cut_and_those_inside_them() {
        // 研究生 is spelled by the text, but its cut is 研究|生命.
        let text = chars("加强政治工作关心职工研究生命");
        let out = words().used_in([(text.as_slice(), |_| true)]);
        let mut listed: Vec<String> = out
            .to_compact()
            .lines()
            .map(|l| l.chars().take(l.chars().count() - 1).collect())
            .collect();
        listed.sort();
        assert_eq!(listed, ["工作", "政治", "政治工作", "生命", "研究", "职工"]);
    }
}
