//! A text folded for matching, with the way back to the original bytes.

use std::ops::Range;

use crate::tables::Tables;

/// The folded characters of a text, each with the byte range of the
/// original character it came from.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    text: String,
    chars: Vec<char>,
    /// Byte offset in `text` of each folded character.
    starts: Vec<usize>,
    /// Original byte range of each folded character.
    origin: Vec<Range<usize>>,
    /// For each folded character, a bit per letter `a`…`z` that one of its
    /// pinyin readings starts with: a pinyin match can only start where
    /// its first letter's bit is set, which is checked without a lookup.
    initials: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str, tables: &Tables) -> Folded {
        // Folding keeps the count of characters nearly always: room for
        // that at once, rather than the slack of growing (a long file's
        // index is most of what the page holds).
        let n = original.chars().count();
        let mut f = Folded {
            text: String::with_capacity(original.len()),
            chars: Vec::with_capacity(n),
            starts: Vec::with_capacity(n),
            origin: Vec::with_capacity(n),
            initials: Vec::with_capacity(n),
        };
        for (i, c) in original.char_indices() {
            let end = i + c.len_utf8();
            tables.fold_char(c, |r| {
                f.starts.push(f.text.len());
                f.text.push(r);
                f.chars.push(r);
                f.origin.push(i..end);
                f.initials.push(letter_bits(tables.readings(r)));
            });
        }
        f
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Letter bits of each character's readings (see `letter_bit`).
    pub fn initials(&self) -> &[u32] {
        &self.initials
    }

    /// Index of the folded character that starts at byte `byte` of the
    /// folded text (a match boundary always falls on one).
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }

    /// The original bytes covered by folded characters `chars`.
    pub fn original(&self, chars: Range<usize>) -> Range<usize> {
        self.origin[chars.start].start..self.origin[chars.end - 1].end
    }
}

/// The bit of an ASCII lower-case letter (0 for anything else).
pub fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

fn letter_bits(readings: &[String]) -> u32 {
    readings
        .iter()
        .filter_map(|r| r.bytes().next())
        .fold(0, |bits, b| bits | letter_bit(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_is_dropped_and_positions_map_back() {
        let t = Tables::default();
        let s = "“灵魂工程”与“保障工程”";
        let f = Folded::new(s, &t);
        assert_eq!(f.as_str(), "灵魂工程与保障工程");
        let r = f.original(0..9);
        assert_eq!(&s[r], "灵魂工程”与“保障工程");
        assert_eq!(f.char_at_byte("灵魂".len()), 2);
    }
}
