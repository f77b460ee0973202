//! Near matches for a query that finds nothing: the slips of typing with a
//! pinyin input method, another character of the same reading (学深悟头 →
//! 学深悟透, 抛转引玉 → 抛砖引玉), and, in a term of four characters or more,
//! one character missing or extra (同行交借鉴 → 同行交流借鉴).
//!
//! They are offered apart from the hits and never counted with them: the
//! page asks for them only once the exact search has found nothing, and a
//! click searches for the form offered. One pass over each text, a few
//! comparisons a character (most positions fail on the first two), so the
//! cost is of the order of the exact search's, and it runs in the same
//! slices.

use std::collections::HashMap;

use wenji_core::order;

use crate::filter::EssayIndex;
use crate::folded::Folded;
use crate::query::Query;
use crate::tables::Tables;

/// A term of at least this many characters is also forgiven a character
/// missing or extra (a shorter one would match too much).
pub const MIN_EDIT_CHARS: usize = 4;
/// Longest term forgiven, in characters.
pub const MAX_CHARS: usize = 16;
/// How many near forms are offered.
pub const MAX_OFFERED: usize = 5;

/// A form found near the term, and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    pub form: String,
    pub count: usize,
}

/// The term a query forgives: a single term of Chinese characters (2 to
/// `MAX_CHARS`, all with readings), folded. Other queries (several terms,
/// pinyin, Latin words) are left as they are.
pub fn forgivable(query: &Query, tables: &Tables) -> Option<Vec<char>> {
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
    let chinese = chars.iter().all(|c| !tables.readings(*c).is_empty());
    ((2..=MAX_CHARS).contains(&chars.len()) && chinese).then_some(chars)
}

/// Near forms of one term, counted over the texts scanned.
#[derive(Debug, Default)]
pub struct NearMatches {
    counts: HashMap<String, usize>,
}

impl NearMatches {
    /// Count the near forms of `term` in `text`.
    pub fn scan(&mut self, term: &[char], text: &Folded, tables: &Tables) {
        let t = text.chars();
        let l = term.len();
        if l < 2 {
            return;
        }
        for p in 0..t.len() {
            if let Some(window) = t.get(p..p + l) {
                if same_but_one_reading(window, term, tables) {
                    self.record(window);
                }
            }
            // Inside the term only: a character more or less at either end
            // is a longer or shorter search, not a slip.
            if l >= MIN_EDIT_CHARS {
                // One extra in the text: the term is missing a character.
                if let Some(window) = t.get(p..p + l + 1) {
                    if window[0] == term[0] && window[l] == term[l - 1] && one_skipped(window, term)
                    {
                        self.record(window);
                    }
                }
                // One less in the text: the term has a character too many.
                if let Some(window) = t.get(p..p + l - 1) {
                    if window[0] == term[0]
                        && window[l - 2] == term[l - 1]
                        && one_skipped(term, window)
                    {
                        self.record(window);
                    }
                }
            }
        }
    }

    /// Count the near forms of `term` in every text of an essay.
    pub fn scan_essay(&mut self, term: &[char], essay: &EssayIndex, tables: &Tables) {
        for text in essay.texts() {
            self.scan(term, text, tables);
        }
    }

    fn record(&mut self, window: &[char]) {
        *self.counts.entry(window.iter().collect()).or_default() += 1;
    }

    /// The most frequent forms first (then in text order of their
    /// characters), at most `MAX_OFFERED`.
    pub fn offered(&self) -> Vec<Near> {
        let mut all: Vec<Near> = self
            .counts
            .iter()
            .map(|(form, count)| Near {
                form: form.clone(),
                count: *count,
            })
            .collect();
        order::sort_by(&mut all, |a, b| {
            b.count.cmp(&a.count).then_with(|| a.form.cmp(&b.form))
        });
        all.truncate(MAX_OFFERED);
        all
    }
}

/// `window` is `term` but for one character of the same reading.
fn same_but_one_reading(window: &[char], term: &[char], tables: &Tables) -> bool {
    // One difference at most, so one of the first two characters agrees.
    if window[0] != term[0] && window[1] != term[1] {
        return false;
    }
    let mut differs = window.iter().zip(term).filter(|(a, b)| a != b);
    match (differs.next(), differs.next()) {
        (Some((a, b)), None) => {
            let ra = tables.readings(*a);
            tables.readings(*b).iter().any(|r| ra.contains(r))
        }
        _ => false,
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

#[cfg(all(test, feature = "build-tables"))]
mod tests {
    use super::*;

    fn near(query: &str, text: &str) -> Vec<(String, usize)> {
        let tables = Tables::for_texts([text, query]);
        let q = Query::parse(query, &tables);
        let Some(term) = forgivable(&q, &tables) else {
            return Vec::new();
        };
        let mut m = NearMatches::default();
        m.scan(&term, &Folded::new(text, &tables), &tables);
        m.offered().into_iter().map(|n| (n.form, n.count)).collect()
    }

    #[test]
    fn another_character_of_the_same_reading() {
        let text = "要在学深悟透上下苦功，学深悟透是根本。以期抛砖引玉。";
        assert_eq!(near("学深悟头", text), [("学深悟透".to_owned(), 2)]);
        assert_eq!(near("抛转引玉", text), [("抛砖引玉".to_owned(), 1)]);
        // A character of another reading is not a slip of the same kind.
        assert_eq!(near("学深悟彻", text), Vec::<(String, usize)>::new());
    }

    #[test]
    fn a_character_missing_or_extra_in_a_long_term() {
        let text = "是同行交流借鉴的宝贵财富。";
        assert_eq!(near("同行交借鉴", text), [("同行交流借鉴".to_owned(), 1)]);
        assert_eq!(
            near("同行交流流借鉴", text),
            [("同行交流借鉴".to_owned(), 1)]
        );
        // Short terms are only forgiven a reading.
        assert_eq!(near("交借", "交流借鉴"), Vec::<(String, usize)>::new());
    }

    #[test]
    fn only_single_chinese_terms_are_forgiven() {
        let tables = Tables::for_texts(["学深悟透 理论"]);
        for q in ["xueshen", "学深 理论", "学深 -理论", "abc", "学"] {
            assert_eq!(forgivable(&Query::parse(q, &tables), &tables), None, "{q}");
        }
        assert_eq!(
            forgivable(&Query::parse("學深", &tables), &tables),
            Some(vec!['学', '深'])
        );
    }

    #[test]
    fn the_most_frequent_forms_first_and_no_more_than_offered() {
        let text = "工作 工作 工作 公作 攻作 功作 共作 供作 宫作";
        let found = near("弓作", text);
        assert_eq!(found.len(), MAX_OFFERED);
        assert_eq!(found[0], ("工作".to_owned(), 3));
    }
}
