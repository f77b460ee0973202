//! A text folded for matching, with the way back to the original bytes.

use std::ops::Range;

use crate::tables::Tables;

/// The folded characters of a text, each with the byte range of the
/// original character it came from.
///
/// A long file's index is most of what the page holds, so a character
/// costs 8 bytes here and nothing else: no folded string beside the
/// characters (a term is found in the characters), no initials (the
/// tables have them), the origin packed into one `u32`.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    chars: Vec<char>,
    /// Of each folded character, the original character's byte offset
    /// shifted left by 2, with its UTF-8 length less one below.
    origin: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str, tables: &Tables) -> Folded {
        // Folding keeps the count of characters nearly always: room for
        // that at once, rather than the slack of growing.
        let n = original.chars().count();
        let mut f = Folded {
            chars: Vec::with_capacity(n),
            origin: Vec::with_capacity(n),
        };
        for (i, c) in original.char_indices() {
            // A text is far shorter than 1 GB (the import's limit is 50
            // MB): its offsets fit in 30 bits.
            let origin = (i as u32) << 2 | (c.len_utf8() as u32 - 1);
            tables.fold_char(c, |r| {
                f.chars.push(r);
                f.origin.push(origin);
            });
        }
        f
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The original bytes covered by folded characters `chars`.
    pub fn original(&self, chars: Range<usize>) -> Range<usize> {
        let start = self.origin[chars.start] >> 2;
        let last = self.origin[chars.end - 1];
        start as usize..((last >> 2) + (last & 3) + 1) as usize
    }

    /// Whether folded characters `i - 1` and `i` stood side by side in the
    /// original (or came from one character): not across punctuation or
    /// space that folding dropped, where no word runs.
    pub fn joined(&self, i: usize) -> bool {
        let (a, b) = (self.origin[i - 1], self.origin[i]);
        a == b || (a >> 2) + (a & 3) + 1 == b >> 2
    }

    /// Where `term` (folded, as the text is) occurs, as ranges of
    /// characters, from the left and without overlap.
    pub fn occurrences(&self, term: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut rest = term.chars();
        let Some(first) = rest.next() else {
            return found;
        };
        let len = term.chars().count();
        let mut at = 0;
        while let Some(skip) = self.chars[at..].iter().position(|&c| c == first) {
            at += skip;
            let Some(tail) = self.chars.get(at + 1..at + len) else {
                break;
            };
            if tail.iter().copied().eq(rest.clone()) {
                found.push(at..at + len);
                at += len;
            } else {
                at += 1;
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_dropped_and_positions_map_back() {
        let t = Tables::default();
        let s = "“灵魂工程”与“保障工程”";
        let f = Folded::new(s, &t);
        assert_eq!(String::from_iter(f.chars()), "灵魂工程与保障工程");
        let r = f.original(0..9);
        assert_eq!(&s[r], "灵魂工程”与“保障工程");
        assert_eq!(&s[f.original(8..9)], "程", "the last character's bytes");
        // 程 and 与 had ” between them; 灵 and 魂 nothing.
        assert!(f.joined(1) && !f.joined(4) && !f.joined(5) && f.joined(8));
        // One character folded to two: joined.
        let mut folds = Tables::default();
        folds.set_fold('㎏', "kg".into());
        assert!(Folded::new("5㎏", &folds).joined(2));
    }

    #[test]
    fn occurrences_from_the_left_without_overlap() {
        let t = Tables::default();
        let f = Folded::new("工作，工工作工工", &t);
        let found = |term| f.occurrences(term);
        // Folded: 工作工工作工工 (the comma dropped).
        assert_eq!(found("工作"), [0..2, 3..5]);
        assert_eq!(found("工工"), [2..4, 5..7], "no overlap");
        assert_eq!(found("工"), [0..1, 2..3, 3..4, 5..6, 6..7]);
        assert_eq!(found("作工工作"), vec![1..5]);
        assert_eq!(found("作作"), Vec::<std::ops::Range<usize>>::new());
        assert_eq!(
            found("工工作工工x"),
            Vec::<std::ops::Range<usize>>::new(),
            "runs past the end"
        );
        assert_eq!(found(""), Vec::<std::ops::Range<usize>>::new());
    }
}
