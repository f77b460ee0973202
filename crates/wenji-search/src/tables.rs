//! The data the search needs about characters: how each folds, and the
//! toneless pinyin readings of Chinese characters. Generated at build time
//! for the characters of the collection only (see `tables_build`), shipped
//! as two compact strings, and loaded once when the app starts.

use wenji_core::data::SearchTables;
use wenji_core::order;

use crate::chars::is_skipped;
use crate::words::Words;

/// The characters whose initials are kept in a table indexed by the
/// character (CJK Extension A and the Unified Ideographs: nearly every
/// character with a reading); others are looked up in `readings`.
const DENSE: std::ops::RangeInclusive<char> = '\u{3400}'..='\u{9FFF}';
const DENSE_LEN: usize = 0x9FFF - 0x3400 + 1;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tables {
    /// Characters whose fold is not just their lower case.
    fold: CharMap<String>,
    /// Toneless readings (`ü` given both as `v` and as `u`).
    readings: CharMap<Vec<String>>,
    /// `letter_bits` of the readings of each character of `DENSE`, so that
    /// a pinyin search tests a character's initials without a lookup (an
    /// index of the text would otherwise hold them, 4 bytes a character).
    initials: Vec<u32>,
    /// The words the text holds, to tell where they begin and end.
    words: Words,
}

impl Tables {
    /// Push the folded form of `c` (skipped characters dropped) to `out`.
    pub fn fold_char(&self, c: char, mut out: impl FnMut(char)) {
        match self.fold.get(c) {
            Some(f) => f.chars().filter(|r| !is_skipped(*r)).for_each(&mut out),
            None => c.to_lowercase().filter(|r| !is_skipped(*r)).for_each(out),
        }
    }

    /// Fold a whole string.
    pub fn fold_str(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            self.fold_char(c, |r| out.push(r));
        }
        out
    }

    /// Toneless readings of a (folded) character; empty for non-Chinese.
    pub fn readings(&self, c: char) -> &[String] {
        self.readings.get(c).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn words(&self) -> &Words {
        &self.words
    }

    pub fn set_words(&mut self, words: Words) {
        self.words = words;
    }

    pub fn set_fold(&mut self, c: char, folded: String) {
        self.fold.set(c, folded);
    }

    /// A bit per letter `a`…`z` that one of `c`'s readings starts with
    /// (see `letter_bit`): a pinyin match can only start where its first
    /// letter's bit is set.
    pub fn initials(&self, c: char) -> u32 {
        match dense_slot(c) {
            Some(i) => self.initials.get(i).copied().unwrap_or(0),
            None => letter_bits(self.readings(c)),
        }
    }

    pub fn set_readings(&mut self, c: char, readings: Vec<String>) {
        note_initials(&mut self.initials, c, &readings);
        self.readings.set(c, readings);
    }

    /// Bring `initials` in step with `readings` (once loaded or merged).
    fn index_initials(&mut self) {
        let mut initials = Vec::new();
        for (c, rs) in self.readings.iter() {
            note_initials(&mut initials, *c, rs);
        }
        self.initials = initials;
    }

    /// Tables that know only these characters' readings (space-separated:
    /// `('长', "chang zhang")`), for the tests.
    #[cfg(test)]
    pub(crate) fn with_readings(readings: &[(char, &str)]) -> Tables {
        let mut t = Tables::default();
        for (c, rs) in readings {
            t.set_readings(*c, rs.split(' ').map(str::to_owned).collect());
        }
        t
    }

    /// Add what `other` says of characters this does not know (a file's
    /// tables joining the collection's: both come from the same builder,
    /// so a character both know is said the same way).
    pub fn merge(&mut self, other: &Tables) {
        self.fold.add_missing(&other.fold);
        self.readings.add_missing(&other.readings);
        self.words.merge(&other.words);
        self.index_initials();
    }

    pub fn fold_len(&self) -> usize {
        self.fold.len()
    }

    pub fn readings_len(&self) -> usize {
        self.readings.len()
    }

    /// One entry a line: the character then its fold; the character then
    /// its readings separated by spaces; the words (`Words::to_compact`).
    pub fn to_compact(&self) -> SearchTables {
        let mut fold = String::new();
        for (c, f) in self.fold.iter() {
            fold.push(*c);
            fold.push_str(f);
            fold.push('\n');
        }
        let mut readings = String::new();
        for (c, rs) in self.readings.iter() {
            readings.push(*c);
            readings.push_str(&rs.join(" "));
            readings.push('\n');
        }
        SearchTables {
            fold,
            readings,
            words: self.words.to_compact(),
        }
    }

    pub fn from_compact(compact: &SearchTables) -> Tables {
        let mut t = Tables {
            words: Words::from_compact(&compact.words),
            ..Tables::default()
        };
        for line in compact.fold.split('\n') {
            let mut cs = line.chars();
            if let Some(c) = cs.next() {
                t.fold.0.push((c, cs.as_str().to_owned()));
            }
        }
        for line in compact.readings.split('\n') {
            let mut cs = line.chars();
            if let Some(c) = cs.next() {
                let rs = cs
                    .as_str()
                    .split(' ')
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned);
                t.readings.0.push((c, rs.collect()));
            }
        }
        // Written in order (`to_compact`); sorted again all the same, so
        // that text from elsewhere cannot break the look-ups.
        t.fold.sort();
        t.readings.sort();
        t.index_initials();
        t
    }
}

/// What is known of characters, sorted by character: smaller code in the
/// page than a `BTreeMap` of each kind, and as quick to look up.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CharMap<T>(Vec<(char, T)>);

impl<T> Default for CharMap<T> {
    fn default() -> Self {
        CharMap(Vec::new())
    }
}

impl<T: Clone> CharMap<T> {
    fn get(&self, c: char) -> Option<&T> {
        let i = self.0.binary_search_by_key(&c, |e| e.0).ok()?;
        Some(&self.0[i].1)
    }

    fn set(&mut self, c: char, value: T) {
        match self.0.binary_search_by_key(&c, |e| e.0) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (c, value)),
        }
    }

    fn iter(&self) -> impl Iterator<Item = (&char, &T)> {
        self.0.iter().map(|(c, v)| (c, v))
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// Sort by character; of one character twice, the first stays.
    fn sort(&mut self) {
        order::sort_by_key(&mut self.0, |e| e.0);
        self.0.dedup_by_key(|e| e.0);
    }

    /// Add the characters of `other` not known here.
    fn add_missing(&mut self, other: &CharMap<T>) {
        self.0.extend_from_slice(&other.0);
        self.sort();
    }
}

/// Write the initials of `c` into the dense table, made on first need.
fn note_initials(initials: &mut Vec<u32>, c: char, readings: &[String]) {
    if let Some(i) = dense_slot(c) {
        if initials.is_empty() {
            *initials = vec![0; DENSE_LEN];
        }
        initials[i] = letter_bits(readings);
    }
}

fn dense_slot(c: char) -> Option<usize> {
    DENSE
        .contains(&c)
        .then(|| c as usize - *DENSE.start() as usize)
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
    fn compact_form_round_trips() {
        let mut t = Tables::default();
        t.set_fold('Ａ', "a".into());
        t.set_fold('傳', "传".into());
        t.set_fold('㎏', "kg".into());
        t.set_readings('长', vec!["chang".into(), "zhang".into()]);
        t.set_readings('绿', vec!["lv".into(), "lu".into()]);
        t.set_words(Words::from_compact("长远K\n"));
        assert_eq!(Tables::from_compact(&t.to_compact()), t);
    }

    #[test]
    fn merging_adds_the_characters_not_known() {
        let mut site = Tables::default();
        site.set_readings('长', vec!["chang".into(), "zhang".into()]);
        let mut file = Tables::default();
        file.set_fold('傳', "传".into());
        file.set_readings('长', vec!["chang".into()]);
        file.set_readings('传', vec!["chuan".into()]);
        file.set_words(Words::from_compact("传承K\n"));
        site.merge(&file);
        assert_eq!(site.words().len(), 1, "the file's words join");
        assert_eq!(site.fold_str("傳"), "传");
        assert_eq!(site.readings('传'), ["chuan"]);
        assert_eq!(site.readings('长'), ["chang", "zhang"], "kept as it was");
        assert_eq!(site.initials('传'), letter_bit(b'c'));
        assert_eq!(site.initials('长'), letter_bit(b'c') | letter_bit(b'z'));
    }

    #[test]
    fn initials_of_characters_in_and_out_of_the_dense_table() {
        let t = Tables::with_readings(&[('长', "chang zhang"), ('𠀀', "qiu"), ('〇', "ling")]);
        assert_eq!(t.initials('长'), letter_bit(b'c') | letter_bit(b'z'));
        assert_eq!(t.initials('𠀀'), letter_bit(b'q'), "beyond the dense range");
        assert_eq!(t.initials('〇'), letter_bit(b'l'), "before it");
        assert_eq!(t.initials('政'), 0, "no readings known");
        assert_eq!(t.initials('a'), 0);
        assert_eq!(
            Tables::from_compact(&t.to_compact()).initials('长'),
            t.initials('长')
        );
    }

    #[test]
    fn unknown_characters_fold_to_lower_case() {
        let t = Tables::default();
        assert_eq!(t.fold_str("DocX，Σ 政"), "docxσ政");
    }
}
