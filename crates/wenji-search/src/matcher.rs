//! Where a term occurs in a folded text: as the same characters, or, for a
//! Latin term, as Chinese characters spelled by their pinyin.

use std::ops::Range;

use crate::chars::initial;
use crate::folded::{letter_bit, Folded};
use crate::query::Term;
use crate::tables::Tables;

/// Every occurrence of `term` in `text`, as ranges of folded characters,
/// sorted and without overlap.
pub fn find(term: &Term, text: &Folded, tables: &Tables) -> Vec<Range<usize>> {
    let mut hits: Vec<Range<usize>> = text
        .as_str()
        .match_indices(term.folded.as_str())
        .map(|(at, m)| text.char_at_byte(at)..text.char_at_byte(at + m.len()))
        .collect();
    if let Some(letters) = &term.pinyin {
        hits.extend(find_pinyin(letters.as_bytes(), text, tables));
    }
    merge(hits)
}

/// Sort ranges and join those that overlap or touch.
pub fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Runs of Chinese characters that `letters` spells: each character takes
/// one of its readings in full, its initial or its first letter, and the last may take any
/// prefix of a reading. From each start the longest run is taken; runs do
/// not overlap.
fn find_pinyin(letters: &[u8], text: &Folded, tables: &Tables) -> Vec<Range<usize>> {
    let mut hits = Vec::new();
    let Some(&first) = letters.first() else {
        return hits;
    };
    let bit = letter_bit(first);
    let (chars, initials) = (text.chars(), text.initials());
    let mut start = 0;
    while start < chars.len() {
        // Most characters cannot start the spelling at all.
        if initials[start] & bit == 0 {
            start += 1;
            continue;
        }
        match longest_spelling(letters, &chars[start..], tables) {
            Some(len) => {
                hits.push(start..start + len);
                start += len;
            }
            None => start += 1,
        }
    }
    hits
}

/// The most characters from the start of `chars` that `letters` spells.
fn longest_spelling(letters: &[u8], chars: &[char], tables: &Tables) -> Option<usize> {
    if letters.is_empty() {
        return None;
    }
    // Each character takes at least one letter, so a state is (characters
    // used, letters used), both at most `letters.len()`: each state is
    // visited once, and the search is bounded by letters² × readings. In
    // practice only a handful of states are reached, so they are kept in
    // a short list rather than a table cleared for every start.
    let n = letters.len();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let mut stack = vec![(0usize, 0usize)];
    let mut best = None;
    while let Some((used_chars, used_letters)) = stack.pop() {
        let Some(&c) = chars.get(used_chars) else {
            continue;
        };
        let rest = &letters[used_letters..];
        for reading in tables.readings(c) {
            let reading = reading.as_bytes();
            if reading.starts_with(rest) {
                best = best.max(Some(used_chars + 1));
            }
            // In full, by its initial (`zh`, `ch`, `sh` or a letter), or
            // by its first letter alone (`s` for `shou`).
            let ini = initial_bytes(reading);
            for step in [reading, ini, &reading[..1]] {
                if step.len() < rest.len() && rest.starts_with(step) {
                    let next = (used_chars + 1, used_letters + step.len());
                    if next.0 <= n && !seen.contains(&next) {
                        seen.push(next);
                        stack.push(next);
                    }
                }
            }
        }
    }
    best
}

fn initial_bytes(reading: &[u8]) -> &[u8] {
    std::str::from_utf8(reading)
        .map(|r| initial(r).as_bytes())
        .unwrap_or(reading)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> Tables {
        let mut t = Tables::default();
        for (c, rs) in [
            ('守', &["shou"][..]),
            ('正', &["zheng"]),
            ('创', &["chuang"]),
            ('新', &["xin"]),
            ('长', &["chang", "zhang"]),
            ('远', &["yuan"]),
            ('成', &["cheng"]),
        ] {
            t.set_readings(c, rs.iter().map(|s| s.to_string()).collect());
        }
        t
    }

    fn spelled(letters: &str, text: &str) -> Vec<String> {
        let t = tables();
        let f = Folded::new(text, &t);
        find_pinyin(letters.as_bytes(), &f, &t)
            .into_iter()
            .map(|r| f.chars()[r].iter().collect())
            .collect()
    }

    #[test]
    fn full_readings_initials_and_a_prefix_at_the_end() {
        for q in [
            "shouzheng",
            "szcx",
            "shouzcx",
            "shouzhengchuangx",
            "shouzhengchuangxin",
        ] {
            let got = spelled(q, "唯有守正创新，才能");
            assert!(got.iter().any(|g| g.starts_with("守正")), "{q}: {got:?}");
        }
        assert_eq!(spelled("szcx", "守正创新"), ["守正创新"]);
        assert_eq!(spelled("shouzh", "守正创新"), ["守正"]);
        assert_eq!(spelled("sho", "守正"), ["守"]);
    }

    #[test]
    fn any_reading_of_a_character_with_several() {
        assert_eq!(spelled("changyuan", "长远益处"), ["长远"]);
        assert_eq!(spelled("chengzhang", "个人成长的阶梯"), ["成长"]);
    }

    #[test]
    fn letters_must_spell_in_order() {
        assert!(spelled("zhengshou", "守正").is_empty());
        assert!(spelled("shouq", "守正").is_empty());
        assert!(spelled("x", "守正").is_empty());
    }
}
