//! The order of titles as a Chinese reader looks them up: by pinyin, as in
//! a dictionary's index or a phone's contacts, not by code point (which
//! scatters them: 中 before 乡 before 供). A Chinese character counts as its
//! everyday reading (the tables' first, toneless), anything else as itself
//! in lower case, so that Latin words fall in with the pinyin; punctuation
//! counts for nothing. Titles read the same are then ordered by their text.

use std::cmp::Ordering;

use crate::Tables;

/// What a title sorts by: `安全生产（一）` → `an quan sheng chan yi `.
pub fn title_key(title: &str, tables: &Tables) -> String {
    let mut key = String::with_capacity(title.len() * 2);
    for c in title.chars() {
        tables.fold_char(c, |f| match tables.readings(f).first() {
            // The space ends the syllable: `an` sorts before `ang`.
            Some(reading) => {
                key.push_str(reading);
                key.push(' ');
            }
            None => key.extend(f.to_lowercase()),
        });
    }
    key
}

/// Two titles in that order, given their keys (`title_key`).
pub fn by_title(a: (&str, &str), b: (&str, &str)) -> Ordering {
    a.0.cmp(b.0).then_with(|| a.1.cmp(b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> Tables {
        let mut t = Tables::with_readings(&[
            ('安', "an"),
            ('昂', "ang"),
            ('部', "bu"),
            ('供', "gong"),
            ('乡', "xiang"),
            ('中', "zhong"),
            ('医', "yi"),
            ('国', "guo"),
        ]);
        t.set_fold('國', "国".into());
        t
    }

    fn sorted(titles: &[&str]) -> Vec<String> {
        let t = tables();
        let mut v: Vec<(String, &str)> = titles.iter().map(|s| (title_key(s, &t), *s)).collect();
        v.sort_by(|a, b| by_title((&a.0, a.1), (&b.0, b.1)));
        v.into_iter().map(|(_, s)| s.to_owned()).collect()
    }

    #[test]
    fn titles_go_by_pinyin_not_by_code_point() {
        // By code point: 中 乡 供 医 国 部.
        assert_eq!(
            sorted(&["中国", "乡医", "供部", "医部", "国安", "部中"]),
            ["部中", "供部", "国安", "乡医", "医部", "中国"]
        );
    }

    #[test]
    fn a_syllable_ends_before_a_longer_one_and_latin_falls_in_with_pinyin() {
        assert_eq!(
            sorted(&["昂", "安", "Apple", "zoo", "中"]),
            ["安", "昂", "Apple", "中", "zoo"]
        );
    }

    #[test]
    fn traditional_characters_and_punctuation_read_as_the_plain_title() {
        let t = tables();
        assert_eq!(title_key("國安", &t), title_key("国安", &t));
        assert_eq!(title_key("《国安》", &t), "guo an ");
        // Read the same: then by the text itself, so the order is total.
        assert_eq!(sorted(&["國安", "国安"]), ["国安", "國安"]);
    }
}
