//! Character classes the search needs, without Unicode tables.

/// Characters that never take part in a match: white space and
/// punctuation (ASCII, Latin-1, general, CJK and full-width forms).
pub fn is_skipped(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_control()
        || matches!(c as u32,
            0x00A1..=0x00BF   // ¡ … ¿ (Latin-1 punctuation and signs)
            | 0x00D7 | 0x00F7
            | 0x2000..=0x206F // general punctuation: — ‘ ’ “ ” … ‧ zero-width
            | 0x2E00..=0x2E7F // supplemental punctuation
            | 0x3000..=0x3004 // 、 。 〃
            | 0x3008..=0x3020 // 〈 〉 《 》 「 」 【 】 〔 〕 …
            | 0x3030 | 0x303D..=0x303F
            | 0x30FB          // ・
            | 0xFE10..=0xFE1F // vertical forms
            | 0xFE30..=0xFE6F // CJK compatibility and small forms
            | 0xFEFF          // BOM / zero-width no-break space
            | 0xFF01..=0xFF0F // ！ ＂ … ／
            | 0xFF1A..=0xFF20 // ： ； ＜ ＝ ＞ ？ ＠
            | 0xFF3B..=0xFF40
            | 0xFF5B..=0xFF65
        )
}

/// A Chinese character: the CJK ideograph blocks of the first plane, and
/// the ideographic planes 2 and 3 whole.
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// The initial a pinyin reading may be typed as: `zh`, `ch`, `sh`, or its
/// first letter.
pub fn initial(reading: &str) -> &str {
    for two in ["zh", "ch", "sh"] {
        if reading.starts_with(two) {
            return two;
        }
    }
    reading
        .char_indices()
        .nth(1)
        .map(|(i, _)| &reading[..i])
        .unwrap_or(reading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_of_every_width_is_skipped() {
        for c in [
            '，', '。', '、', '“', '”', '：', '；', '（', '）', '《', '》', '—', '…', ' ',
            '\u{3000}', ',', '"', '-', '·', '\u{200b}',
        ] {
            assert!(is_skipped(c), "{c:?}");
        }
    }

    #[test]
    fn letters_digits_and_han_are_kept() {
        for c in ['a', 'Z', '0', '政', '〇', 'é', 'ü', '々'] {
            assert!(!is_skipped(c), "{c:?}");
        }
    }

    #[test]
    fn initials() {
        assert_eq!(initial("zheng"), "zh");
        assert_eq!(initial("chuang"), "ch");
        assert_eq!(initial("shou"), "sh");
        assert_eq!(initial("xin"), "x");
        assert_eq!(initial("an"), "a");
        assert_eq!(initial("e"), "e");
    }
}
