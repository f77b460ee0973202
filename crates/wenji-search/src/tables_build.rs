//! Builds the tables for a given set of characters (the collection's), at
//! build time and in tests. Each character folds by NFKC, then to lower case,
//! then from traditional to simplified Chinese.
//!
//! Only what can matter is kept: the fold of every character of the text,
//! and the fold of any other character whose folded form is made of folded
//! text characters (a query character that folds to something absent from
//! the text can never match, folded or not).

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::chars::is_skipped;
use crate::folded::Folded;
use crate::heteronyms::curated;
use crate::tables::Tables;
use crate::words::Words;

/// The words the tables may list, each weighed by its frequency: from
/// jieba's dictionary (`data/words.txt`; the common ones only unless the
/// feature `all-words`, see `build.rs`).
pub fn lexicon() -> &'static Words {
    static LEXICON: OnceLock<Words> = OnceLock::new();
    LEXICON
        .get_or_init(|| Words::from_compact(include_str!(concat!(env!("OUT_DIR"), "/words.txt"))))
}

/// NFKC, lower case, traditional → simplified, of one character.
pub fn full_fold(c: char) -> String {
    let mut s: String = c.to_string().nfkc().flat_map(char::to_lowercase).collect();
    if s.chars().any(|c| c.len_utf8() >= 3) {
        // fast2s converts character by character, with a little context
        // that a single character does not have.
        s = s
            .chars()
            .map(|c| {
                let t = fast2s::convert(&c.to_string());
                let mut it = t.chars();
                match (it.next(), it.next()) {
                    (Some(one), None) => one,
                    _ => c,
                }
            })
            .collect();
    }
    s
}

/// The code points whose fold can differ from their lower case: planes 0
/// to 3 (every assigned letter and ideograph) and plane 14 (tags and
/// variation selectors). Planes 4 to 13 are unassigned and 15 and 16 are
/// for private use: each of their characters folds to itself. Looking
/// there made the first file a reader opens wait 0.5 s (2 s on a phone) in
/// the document reader (`folds_beyond_the_planes_are_their_own`).
const MAY_FOLD: [std::ops::RangeInclusive<u32>; 2] = [0..=0x3_FFFF, 0xE_0000..=0xE_FFFF];

/// Every character whose full fold differs from its plain lower case.
fn all_folds() -> &'static HashMap<char, String> {
    static ALL: OnceLock<HashMap<char, String>> = OnceLock::new();
    ALL.get_or_init(|| {
        MAY_FOLD
            .into_iter()
            .flatten()
            .filter_map(char::from_u32)
            .filter_map(|c| {
                let f = full_fold(c);
                let lower: String = c.to_lowercase().collect();
                (f != lower).then_some((c, f))
            })
            .collect()
    })
}

/// Toneless readings of a simplified character, `ü` given as `v` and `u`:
/// the curated readings of a common heteronym, else its most common
/// reading only (see `heteronyms`).
pub fn readings_of(c: char) -> Vec<String> {
    use pinyin::ToPinyin;
    let base: Vec<String> = match curated(c) {
        Some(readings) => readings.iter().map(|r| r.replace('v', "ü")).collect(),
        None => c
            .to_pinyin()
            .map(|p| p.plain().to_owned())
            .into_iter()
            .collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for plain in base {
        let variants = if plain.contains('ü') {
            vec![plain.replace('ü', "v"), plain.replace('ü', "u")]
        } else {
            vec![plain]
        };
        for v in variants {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// Make the fold table now rather than on the first file (the document
/// reader does while the reader picks one).
pub fn prepare() {
    all_folds();
    lexicon();
}

impl Tables {
    /// Tables for a text made of `chars`.
    pub fn for_chars(chars: impl IntoIterator<Item = char>) -> Tables {
        let all = all_folds();
        let text: BTreeSet<char> = chars.into_iter().collect();
        let mut tables = Tables::default();
        let mut folded_text: BTreeSet<char> = BTreeSet::new();
        for &c in &text {
            if let Some(f) = all.get(&c) {
                tables.set_fold(c, f.clone());
            }
            tables.fold_char(c, |r| {
                folded_text.insert(r);
            });
        }
        for (&c, f) in all {
            let useful = f.chars().any(|r| !is_skipped(r))
                && f.chars().all(|r| is_skipped(r) || folded_text.contains(&r));
            if useful && !text.contains(&c) && !f.contains('\n') {
                tables.set_fold(c, f.clone());
            }
        }
        for &c in &folded_text {
            let rs = readings_of(c);
            if !rs.is_empty() {
                tables.set_readings(c, rs);
            }
        }
        tables
    }

    /// Tables for everything in `texts`, with the listed words they hold
    /// (as folded, which is what the search cuts).
    pub fn for_texts<'a>(texts: impl IntoIterator<Item = &'a str> + Clone) -> Tables {
        let mut tables = Tables::for_chars(texts.clone().into_iter().flat_map(str::chars));
        let folded: Vec<Folded> = texts
            .into_iter()
            .map(|text| Folded::new(text, &tables))
            .collect();
        let texts = folded.iter().map(|f| (f.chars(), |i| f.joined(i)));
        tables.set_words(lexicon().used_in(texts));
        tables
    }

    /// Tables for every character of `essays` (titles, headings, text):
    /// what the data files carry, for the collection or a file opened in
    /// the page.
    pub fn for_essays<'a>(essays: impl IntoIterator<Item = &'a wenji_core::Essay>) -> Tables {
        let texts: Vec<String> = essays
            .into_iter()
            .map(wenji_core::Essay::plain_text)
            .collect();
        Tables::for_texts(texts.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `MAY_FOLD` leaves out only characters that fold to themselves.
    #[test]
    fn folds_beyond_the_planes_are_their_own() {
        let left_out = (0x4_0000..0xE_0000u32).chain(0xF_0000..=0x10_FFFF);
        for cp in left_out {
            let c = char::from_u32(cp).unwrap();
            assert_eq!(full_fold(c), c.to_string(), "U+{cp:X}");
        }
        // And a character in each kept range does fold: the ranges are not
        // empty of folds.
        assert_eq!(full_fold('\u{2F800}'), full_fold('丽'));
        assert!(all_folds().contains_key(&'Ｄ'));
    }

    #[test]
    fn full_width_letters_fold_to_ascii_lower_case() {
        assert_eq!(full_fold('Ｄ'), "d");
        assert_eq!(full_fold('９'), "9");
        assert_eq!(full_fold('ｘ'), "x");
    }

    #[test]
    fn traditional_folds_to_simplified() {
        assert_eq!(full_fold('傳'), "传");
        assert_eq!(full_fold('幫'), "帮");
        assert_eq!(full_fold('帶'), "带");
        assert_eq!(full_fold('政'), "政");
    }

    #[test]
    fn readings_a_reader_uses_and_no_others() {
        // Common heteronyms keep each everyday reading; every other
        // character keeps its most common one only.
        for (c, want) in [
            ('长', &["chang", "zhang"][..]),
            ('行', &["xing", "hang"]),
            ('重', &["zhong", "chong"]),
            ('还', &["hai", "huan"]),
            ('似', &["si", "shi"]),
            ('率', &["lv", "lu", "shuai"]),
            ('绿', &["lv", "lu"]),
            ('巨', &["ju"]),
            ('大', &["da", "dai"]),
            ('育', &["yu"]),
            ('活', &["huo"]),
            ('是', &["shi"]),
            ('前', &["qian"]),
            ('听', &["ting"]),
            ('倾', &["qing"]),
            ('政', &["zheng"]),
        ] {
            assert_eq!(readings_of(c), want, "{c}");
        }
        assert!(readings_of('a').is_empty());
        assert!(readings_of('，').is_empty());
    }

    #[test]
    fn every_curated_reading_is_one_the_dictionary_knows() {
        // A typo in the hand-written list would be a reading nobody has.
        use pinyin::ToPinyinMulti;
        for (c, readings) in crate::heteronyms::HETERONYMS {
            let known: Vec<String> = c
                .to_pinyin_multi()
                .map(|m| m.into_iter().map(|p| p.plain().replace('ü', "v")).collect())
                .unwrap_or_default();
            for r in *readings {
                assert!(known.iter().any(|k| k == r), "{c} {r}: {known:?}");
            }
            assert!(readings.len() >= 2, "{c}");
        }
    }

    #[test]
    fn tables_keep_only_what_the_text_can_use() {
        let t = Tables::for_texts(["传帮带 docx"]);
        assert_eq!(t.fold_str("傳幫帶"), "传帮带");
        assert_eq!(t.fold_str("ＤＯＣＸ"), "docx");
        // 國 folds to 国, which the text lacks: no entry, it stays itself.
        assert_eq!(t.fold_str("國"), "國");
        assert!(t.fold_len() < 200, "{}", t.fold_len());
        assert_eq!(t.readings('带'), ["dai"]);
    }
}
