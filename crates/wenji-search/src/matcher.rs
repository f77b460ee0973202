//! Where a term occurs in a folded text: as the same characters, or, for a
//! Latin term, as Chinese characters spelled by their pinyin.

use std::ops::Range;

use wenji_core::order;

use crate::chars::initial;
use crate::folded::Folded;
use crate::query::{Piece, Term};
use crate::tables::{letter_bit, Tables};

/// Every occurrence of `term` in `text`, as ranges of folded characters,
/// sorted and without overlap.
pub fn find(term: &Term, text: &Folded, tables: &Tables) -> Vec<Range<usize>> {
    let mut hits = text.occurrences(&term.folded);
    if let Some(spelling) = &term.spelling {
        hits.extend(find_spelled(&spelling.0, text, tables));
    }
    merge(hits)
}

/// Sort ranges and join those that overlap or touch.
pub fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    order::sort_by_key(&mut ranges, |r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Runs of Chinese characters that `pieces` spell: a character piece is
/// itself; in a run of letters each character takes one of its readings
/// in full, its initial or its first letter, and the last character of
/// the term may take any prefix of a reading. From each start the longest
/// run is taken, if it stands as whole words (`zhigong` is not the 治工 of
/// 政治工作); runs do not overlap.
fn find_spelled(pieces: &[Piece], text: &Folded, tables: &Tables) -> Vec<Range<usize>> {
    let mut hits = Vec::new();
    let Some(first) = pieces.first() else {
        return hits;
    };
    let chars = text.chars();
    let bit = match first {
        Piece::Letters(l) => letter_bit(l.as_bytes()[0]),
        Piece::Char(_) => 0,
    };
    // Most characters cannot start the spelling at all.
    let starts_here = |i: usize| match first {
        Piece::Letters(_) => tables.initials(chars[i]) & bit != 0,
        Piece::Char(c) => chars[i] == *c,
    };
    let mut start = 0;
    while start < chars.len() {
        if !starts_here(start) {
            start += 1;
            continue;
        }
        let spelled = longest_spelling(pieces, &chars[start..], tables).filter(|len| {
            let joined = |i| text.joined(i);
            tables
                .words()
                .stands_whole(chars, start..start + len, joined)
        });
        match spelled {
            Some(len) => {
                hits.push(start..start + len);
                start += len;
            }
            None => start += 1,
        }
    }
    hits
}

/// Where a spelling stands: pieces done, letters of the current piece
/// used, characters of the text used.
#[derive(Clone, Copy, PartialEq, Eq)]
struct At {
    piece: usize,
    letter: usize,
    chars: usize,
}

/// The most characters from the start of `chars` that `pieces` spell.
fn longest_spelling(pieces: &[Piece], chars: &[char], tables: &Tables) -> Option<usize> {
    // Each character takes at least one letter or is one piece, so the
    // states are bounded by pieces × letters × characters, each visited
    // once. In practice only a handful are reached, so they are kept in a
    // short list rather than a table cleared for every start.
    let mut seen: Vec<At> = Vec::new();
    let mut stack = vec![At {
        piece: 0,
        letter: 0,
        chars: 0,
    }];
    let mut best = None;
    let last = pieces.len() - 1;
    while let Some(at) = stack.pop() {
        let Some(&c) = chars.get(at.chars) else {
            continue;
        };
        let mut go = |next: At| {
            if next.piece > last {
                best = best.max(Some(next.chars));
            } else if !seen.contains(&next) {
                seen.push(next);
                stack.push(next);
            }
        };
        match &pieces[at.piece] {
            &Piece::Char(p) => {
                if p == c {
                    go(At {
                        piece: at.piece + 1,
                        letter: 0,
                        chars: at.chars + 1,
                    });
                }
            }
            Piece::Letters(letters) => {
                let rest = &letters.as_bytes()[at.letter..];
                for reading in tables.readings(c) {
                    let reading = reading.as_bytes();
                    // The term's last letters may stop inside a reading.
                    if at.piece == last && reading.starts_with(rest) {
                        go(At {
                            piece: at.piece + 1,
                            letter: 0,
                            chars: at.chars + 1,
                        });
                    }
                    // In full, by its initial (`zh`, `ch`, `sh` or a
                    // letter), or by its first letter alone (`s` for `shou`).
                    let ini = initial_bytes(reading);
                    for step in [reading, ini, &reading[..1]] {
                        if !rest.starts_with(step) {
                            continue;
                        }
                        if step.len() < rest.len() {
                            go(At {
                                piece: at.piece,
                                letter: at.letter + step.len(),
                                chars: at.chars + 1,
                            });
                        } else {
                            go(At {
                                piece: at.piece + 1,
                                letter: 0,
                                chars: at.chars + 1,
                            });
                        }
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
        Tables::with_readings(&[
            ('守', "shou"),
            ('正', "zheng"),
            ('创', "chuang"),
            ('新', "xin"),
            ('长', "chang zhang"),
            ('远', "yuan"),
            ('成', "cheng"),
        ])
    }

    fn spelled(term: &str, text: &str) -> Vec<String> {
        let t = tables();
        let f = Folded::new(text, &t);
        let query = crate::Query::parse(term, &t);
        let Some(spelling) = query.clauses.first().and_then(|c| c[0].spelling.as_ref()) else {
            return Vec::new();
        };
        find_spelled(&spelling.0, &f, &t)
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

    #[test]
    fn characters_and_letters_mixed() {
        assert_eq!(spelled("守正cx", "唯有守正创新"), ["守正创新"]);
        assert_eq!(spelled("守zheng", "守正创新"), ["守正"]);
        assert_eq!(spelled("s正c", "守正创新"), ["守正创"]);
        assert_eq!(spelled("守zhengc新", "守正创新"), ["守正创新"]);
        // Letters between characters spell whole characters.
        assert!(spelled("守zhe创", "守正创新").is_empty());
        assert!(spelled("守x", "守正创新").is_empty());
        assert!(spelled("正cx", "守正").is_empty());
    }
}
