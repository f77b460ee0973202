//! Near matches for a query that finds nothing: the slips of typing with a
//! pinyin input method. One character of the query may be another of the
//! same syllable (学深悟头 → 学深悟透; another tone too: 以人为笨 → 以人为本),
//! of a similar shape (正人先正已 → 正人先正己) or, in a term of three
//! characters or more, of a syllable heard alike (身命线 → 生命线); two
//! neighbours may be swapped (命生线 → 生命线); a character may be missing
//! (同行交借鉴 → 同行交流借鉴) or, in a term of four or more, extra. What
//! makes characters alike is `likeness`.
//!
//! A slip is looked for in every stretch of the text, so a word typed
//! wrong inside a longer phrase is offered as the stretch that matches.
//! Only inside the term: a character more or less at either end is a
//! longer or shorter search, not a slip, and would offer any word that
//! shares most of an absent one's characters.
//!
//! They are offered apart from the hits and never counted with them: the
//! page asks for them only once the exact search has found nothing, and a
//! click searches for the form offered. One pass over each text, a few
//! comparisons a character (most positions fail on the first two), so the
//! cost is of the order of the exact search's, and it runs in the same
//! slices.

use std::collections::HashMap;

use wenji_core::order;

use crate::chars::is_ideograph;
use crate::filter::EssayIndex;
use crate::folded::Folded;
use crate::likeness::{Alike, Likeness};
use crate::query::Query;
use crate::tables::Tables;

/// A term of at least this many characters is also forgiven a syllable
/// heard alike (a shorter one would match too much).
pub const MIN_HEARD_ALIKE_CHARS: usize = 3;
/// A term of at least this many characters is also forgiven a character
/// too many (one of three would leave a pair of characters, found almost
/// anywhere).
pub const MIN_EXTRA_CHARS: usize = 4;
/// Longest term forgiven, in characters.
pub const MAX_CHARS: usize = 16;
/// How many near forms are offered.
pub const MAX_OFFERED: usize = 5;

/// The kinds of slip, the closest first: the order in which forms found
/// are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slip {
    SameTone,
    OtherTone,
    Shape,
    HeardAlike,
    Swapped,
    /// The query lacks a character of the text.
    Missing,
    /// The query has a character the text lacks.
    Extra,
}

impl From<Alike> for Slip {
    fn from(a: Alike) -> Slip {
        match a {
            Alike::SameTone => Slip::SameTone,
            Alike::OtherTone => Slip::OtherTone,
            Alike::Shape => Slip::Shape,
            Alike::HeardAlike => Slip::HeardAlike,
        }
    }
}

/// A form found near the term, how often it occurs, and the closest slip
/// that makes the term of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    pub form: String,
    pub count: usize,
    pub slip: Slip,
}

/// The term a query forgives: a single term of Chinese characters (2 to
/// `MAX_CHARS`, any, since the query's may be one the collection never
/// uses), folded. Other queries (several terms,
/// pinyin, Latin words) are left as they are.
pub fn forgivable(query: &Query) -> Option<Vec<char>> {
    let [clause] = query.clauses.as_slice() else {
        return None;
    };
    let [term] = clause.as_slice() else {
        return None;
    };
    if !query.excluded.is_empty() || term.spelling.is_some() {
        return None;
    }
    let chars: Vec<char> = term.folded.chars().collect();
    ((2..=MAX_CHARS).contains(&chars.len()) && chars.iter().all(|c| is_ideograph(*c)))
        .then_some(chars)
}

/// What the scan compares characters with.
#[derive(Clone, Copy)]
pub struct Judge<'a> {
    pub tables: &'a Tables,
    pub likeness: &'a Likeness,
}

/// Near forms of one term, counted over the texts scanned.
#[derive(Debug, Default)]
pub struct NearMatches {
    found: HashMap<String, (usize, Slip)>,
}

impl NearMatches {
    /// Count the near forms of `term` in `text`.
    pub fn scan(&mut self, term: &[char], text: &Folded, judge: Judge) {
        let t = text.chars();
        let l = term.len();
        if l < 2 {
            return;
        }
        for p in 0..t.len() {
            if let Some(window) = t.get(p..p + l) {
                if let Some(slip) = one_changed(window, term, judge) {
                    self.record(window, slip);
                }
            }
            // One more in the text: the term is missing a character.
            if let Some(window) = t.get(p..p + l + 1) {
                if window[0] == term[0] && window[l] == term[l - 1] && one_skipped(window, term) {
                    self.record(window, Slip::Missing);
                }
            }
            // One less in the text: the term has a character too many.
            if l >= MIN_EXTRA_CHARS {
                if let Some(window) = t.get(p..p + l - 1) {
                    if window[0] == term[0]
                        && window[l - 2] == term[l - 1]
                        && one_skipped(term, window)
                    {
                        self.record(window, Slip::Extra);
                    }
                }
            }
        }
    }

    /// Count the near forms of `term` in every text of an essay.
    pub fn scan_essay(&mut self, term: &[char], essay: &EssayIndex, judge: Judge) {
        for text in essay.texts() {
            self.scan(term, text, judge);
        }
    }

    fn record(&mut self, window: &[char], slip: Slip) {
        let entry = self
            .found
            .entry(window.iter().collect())
            .or_insert((0, slip));
        entry.0 += 1;
        entry.1 = entry.1.min(slip);
    }

    /// The closest forms first, then the most frequent (then in text order
    /// of their characters), at most `MAX_OFFERED`.
    pub fn offered(&self) -> Vec<Near> {
        let mut all: Vec<Near> = self
            .found
            .iter()
            .map(|(form, (count, slip))| Near {
                form: form.clone(),
                count: *count,
                slip: *slip,
            })
            .collect();
        order::sort_by(&mut all, |a, b| {
            a.slip
                .cmp(&b.slip)
                .then_with(|| b.count.cmp(&a.count))
                .then_with(|| a.form.cmp(&b.form))
        });
        all.truncate(MAX_OFFERED);
        all
    }
}

/// How `window` is `term` with one character changed, or two neighbours
/// swapped, if it is.
fn one_changed(window: &[char], term: &[char], judge: Judge) -> Option<Slip> {
    // Most windows differ in their first two characters: then only a swap
    // of those two can make them the term, and one comparison settles it.
    let l = term.len();
    let first = (0..l).find(|&i| window[i] != term[i])?;
    match (first + 1..l).find(|&i| window[i] != term[i]) {
        None => {
            let alike = judge
                .likeness
                .alike(window[first], term[first], judge.tables)?;
            let too_loose = alike == Alike::HeardAlike && l < MIN_HEARD_ALIKE_CHARS;
            (!too_loose).then_some(alike.into())
        }
        Some(second)
            if second == first + 1
                && window[first] == term[second]
                && window[second] == term[first]
                && window[second + 1..] == term[second + 1..] =>
        {
            Some(Slip::Swapped)
        }
        _ => None,
    }
}

/// `long` is `short` with one character more, anywhere.
fn one_skipped(long: &[char], short: &[char]) -> bool {
    if long.len() != short.len() + 1 {
        return false;
    }
    let same_start = long.iter().zip(short).take_while(|(a, b)| a == b).count();
    long[same_start + 1..] == short[same_start..]
}

#[cfg(all(test, feature = "build-likeness"))]
mod tests {
    use super::*;
    use crate::likeness_build::likeness_for;

    fn offered(query: &str, text: &str) -> Vec<Near> {
        let tables = Tables::for_texts([text]);
        let likeness = Likeness::from_compact(&likeness_for(text.chars()));
        let q = Query::parse(query, &tables);
        let Some(term) = forgivable(&q) else {
            return Vec::new();
        };
        let mut m = NearMatches::default();
        let judge = Judge {
            tables: &tables,
            likeness: &likeness,
        };
        m.scan(&term, &Folded::new(text, &tables), judge);
        m.offered()
    }

    fn near(query: &str, text: &str) -> Vec<(String, usize)> {
        offered(query, text)
            .into_iter()
            .map(|n| (n.form, n.count))
            .collect()
    }

    fn none() -> Vec<(String, usize)> {
        Vec::new()
    }

    #[test]
    fn another_character_of_the_same_syllable_in_any_tone() {
        let text = "要在学深悟透上下苦功，学深悟透是根本。以期抛砖引玉。以人为本。";
        assert_eq!(near("学深悟头", text), [("学深悟透".to_owned(), 2)]);
        assert_eq!(near("抛转引玉", text), [("抛砖引玉".to_owned(), 1)]);
        // 笨 is not in the text: its sound comes from the likeness data.
        assert_eq!(near("以人为笨", text), [("以人为本".to_owned(), 1)]);
        // A character of another sound and shape is not a slip.
        assert_eq!(near("学深悟彻", text), none());
    }

    #[test]
    fn a_similar_shape_swapped_neighbours_and_sounds_heard_alike() {
        let text = "正人先正己，是动员群众的生命线。";
        assert_eq!(near("正人先正已", text), [("正人先正己".to_owned(), 1)]);
        assert_eq!(near("命生线", text), [("生命线".to_owned(), 1)]);
        assert_eq!(near("身命线", text), [("生命线".to_owned(), 1)]);
        // Too loose in a pair of characters: 身命 is not offered 生命.
        assert_eq!(near("身命", text), none());
        assert_eq!(near("命生", text), [("生命".to_owned(), 1)]);
    }

    #[test]
    fn a_character_missing_or_extra_inside_the_term() {
        let text = "是同行交流借鉴的宝贵财富，是生命线。";
        assert_eq!(near("同行交借鉴", text), [("同行交流借鉴".to_owned(), 1)]);
        assert_eq!(
            near("同行交流流借鉴", text),
            [("同行交流借鉴".to_owned(), 1)]
        );
        assert_eq!(near("生线", text), [("生命线".to_owned(), 1)]);
        // One too many in three characters would leave a pair found almost
        // anywhere; and at either end it is another search, not a slip.
        assert_eq!(near("宝大贵", text), none());
        assert_eq!(near("宝贵财富们", text), none());
    }

    #[test]
    fn a_word_inside_a_longer_phrase_is_offered_as_its_stretch() {
        let text = "锤炼党性，永葆政工干部的先进性。";
        assert_eq!(near("锤练", text), [("锤炼".to_owned(), 1)]);
        assert_eq!(near("永保政工", text), [("永葆政工".to_owned(), 1)]);
    }

    #[test]
    fn the_closest_slip_first_then_the_most_frequent_and_no_more_than_offered() {
        // 弓 gong1: 工 and 宫 in the same tone, 共 in another.
        let text = "工作 工作 共作 共作 共作 宫作 公作 攻作 功作 供作";
        let found = offered("弓作", text);
        assert_eq!(found.len(), MAX_OFFERED);
        assert_eq!((found[0].form.as_str(), found[0].count), ("工作", 2));
        assert!(found.iter().all(|n| n.slip == Slip::SameTone), "{found:?}");
        assert!(found.iter().all(|n| n.form != "共作"), "{found:?}");
        assert_eq!(
            offered("共做", "工作 共作")
                .iter()
                .map(|n| (n.form.as_str(), n.slip))
                .collect::<Vec<_>>(),
            [("共作", Slip::SameTone)],
            "共做 is 共作 in one tone (zuo4), 工作 in two characters",
        );
    }

    #[test]
    fn only_single_chinese_terms_are_forgiven() {
        let tables = Tables::for_texts(["学深悟透 理论"]);
        for q in ["xueshen", "学深 理论", "学深 -理论", "abc", "学"] {
            assert_eq!(forgivable(&Query::parse(q, &tables)), None, "{q}");
        }
        assert_eq!(
            forgivable(&Query::parse("學深", &tables)),
            Some(vec!['学', '深'])
        );
        // A character the collection never uses is still a Chinese term.
        assert_eq!(
            forgivable(&Query::parse("以人为笨", &tables)),
            Some("以人为笨".chars().collect())
        );
    }
}
