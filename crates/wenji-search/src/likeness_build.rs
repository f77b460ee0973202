//! Builds the likeness data (`likeness`) for the common characters and a
//! collection's, at build time and in tests, from the files in `data/`
//! (their source and licence are in `data/README.md`).
//!
//! Sounds come from the same dictionary as the search's readings, with
//! their tones: the curated readings of a common heteronym, else the most
//! common one. Two characters are alike in shape when a list of 形近字
//! pairs them, or when their strokes, written with the five basic strokes,
//! are the same but for one stroke (己/已, 千/干, 大/太, 候/侯, 睛/晴);
//! for characters of two strokes or fewer only identical strokes count
//! (人/入, 力/刀), since one stroke more or less makes most of them alike.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::heteronyms::curated;
use crate::tables_build::full_fold;

const COMMON: &str = include_str!("../data/common_chars.txt");
const STROKES: &str = include_str!("../data/stroke.txt");
const SAME_SHAPE: &str = include_str!("../data/same_stroke.txt");

/// Below this many strokes, one stroke more, less or other is too much.
const MIN_STROKES_FOR_ONE_OFF: usize = 3;

/// Toned readings of a simplified character (`zhong4`; the neutral tone
/// has no digit; `ü` as `v`): of a common heteronym, every tone of its
/// curated syllables; else its most common reading only, as the search's
/// readings (`tables_build::readings_of`): the dictionary lists rare tones
/// too (本 ben1, 共 gong1), which would make most slips the same tone.
pub fn toned_readings(c: char) -> Vec<String> {
    use pinyin::{ToPinyin, ToPinyinMulti};
    let toned: Vec<&str> = match curated(c) {
        Some(syllables) => c
            .to_pinyin_multi()
            .into_iter()
            .flatten()
            .filter(|p| syllables.contains(&p.plain().replace('ü', "v").as_str()))
            .map(|p| p.with_tone_num_end())
            .collect(),
        None => c
            .to_pinyin()
            .map(|p| p.with_tone_num_end())
            .into_iter()
            .collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for t in toned {
        let t = t.replace('ü', "v");
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

fn strokes() -> HashMap<char, &'static str> {
    STROKES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (c, s) = l.split_once('\t')?;
            let mut cs = c.chars();
            Some((cs.next().filter(|_| cs.next().is_none())?, s.trim()))
        })
        .collect()
}

/// The pairs of `known` characters alike in shape, each once (smaller
/// first).
pub fn shape_pairs(known: &BTreeSet<char>) -> BTreeSet<(char, char)> {
    let mut pairs = BTreeSet::new();
    let mut add = |a: char, b: char| {
        if a != b && known.contains(&a) && known.contains(&b) {
            pairs.insert((a.min(b), a.max(b)));
        }
    };
    for line in SAME_SHAPE.lines() {
        let mut cs = line.split('\t').filter_map(|s| s.trim().chars().next());
        if let Some(first) = cs.next() {
            cs.for_each(|other| add(first, other));
        }
    }
    // Strokes the same but for one: characters meet under a key with one
    // stroke blanked (one other) or dropped (one more or less).
    let strokes = strokes();
    let mut keys: HashMap<String, Vec<char>> = HashMap::new();
    for &c in known {
        let Some(s) = strokes.get(&c) else { continue };
        keys.entry(format!("={s}")).or_default().push(c);
        if s.len() >= MIN_STROKES_FOR_ONE_OFF {
            for i in 0..s.len() {
                keys.entry(format!("~{}*{}", &s[..i], &s[i + 1..]))
                    .or_default()
                    .push(c);
                keys.entry(format!("-{}{}", &s[..i], &s[i + 1..]))
                    .or_default()
                    .push(c);
            }
        }
    }
    for &c in known {
        let Some(s) = strokes.get(&c) else { continue };
        if s.len() >= MIN_STROKES_FOR_ONE_OFF {
            // `c` with one stroke more is a character whose drop key is `c`.
            for &d in keys.get(&format!("-{s}")).into_iter().flatten() {
                add(c, d);
            }
        }
    }
    for group in keys
        .iter()
        .filter(|(k, _)| !k.starts_with('-'))
        .map(|(_, v)| v)
    {
        for (i, &a) in group.iter().enumerate() {
            for &b in &group[i + 1..] {
                add(a, b);
            }
        }
    }
    pairs
}

/// The likeness data, in `Likeness::from_compact`'s form, for the common
/// characters and `chars` (folded as the search folds, each once).
pub fn likeness_for(chars: impl IntoIterator<Item = char>) -> String {
    let distinct: BTreeSet<char> = chars.into_iter().collect();
    let mut known: BTreeSet<char> = COMMON.chars().filter(|c| !c.is_whitespace()).collect();
    for c in distinct {
        known.extend(full_fold(c).chars());
    }
    let mut sounds: BTreeMap<String, String> = BTreeMap::new();
    for &c in &known {
        for r in toned_readings(c) {
            sounds.entry(r).or_default().push(c);
        }
    }
    let mut shapes: BTreeMap<char, String> = BTreeMap::new();
    for (a, b) in shape_pairs(&known) {
        shapes.entry(a).or_default().push(b);
    }
    let mut out = String::new();
    for (syllable, chars) in sounds {
        out.push_str(&syllable);
        out.push_str(&chars);
        out.push('\n');
    }
    for (first, others) in shapes {
        out.push(first);
        out.push_str(&others);
        out.push('\n');
    }
    out
}

/// The likeness data for every character of `essays` (titles, headings,
/// text), as `Tables::for_essays` has the tables.
pub fn likeness_for_essays<'a>(essays: impl IntoIterator<Item = &'a wenji_core::Essay>) -> String {
    let texts: Vec<String> = essays
        .into_iter()
        .map(wenji_core::Essay::plain_text)
        .collect();
    likeness_for(texts.iter().flat_map(|t| t.chars()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::likeness::{Alike, Likeness};
    use crate::Tables;

    #[test]
    fn readings_keep_their_tones() {
        assert_eq!(toned_readings('本'), ["ben3"]);
        assert_eq!(toned_readings('笨'), ["ben4"]);
        assert_eq!(toned_readings('律'), ["lv4"]);
        let chong = toned_readings('重');
        assert!(chong.contains(&"zhong4".to_owned()) && chong.contains(&"chong2".to_owned()));
        assert!(toned_readings('a').is_empty());
    }

    #[test]
    fn the_classic_look_alikes_are_paired() {
        let known: BTreeSet<char> = COMMON.chars().collect();
        let pairs = shape_pairs(&known);
        for p in [
            "己已", "千干", "大太", "人入", "力刀", "未末", "土士", "候侯", "睛晴", "困因", "赛塞",
        ] {
            let mut cs = p.chars();
            let (a, b) = (cs.next().unwrap(), cs.next().unwrap());
            assert!(pairs.contains(&(a.min(b), a.max(b))), "{p}");
        }
        // Two strokes and one more are not alike: 人 and 大.
        assert!(!pairs.contains(&('人', '大')));
        // One stroke off in a character of many strokes is a near shape;
        // the count stays of the order of one or two a character.
        assert!(pairs.len() < 4 * known.len(), "{}", pairs.len());
    }

    #[test]
    fn the_compact_form_reads_back() {
        let text = likeness_for("敞开心扉".chars());
        let l = Likeness::from_compact(&text);
        let t = Tables::default();
        assert_eq!(l.syllables_of('扉'), ["fei"]);
        assert_eq!(l.alike('非', '扉', &t), Some(Alike::SameTone));
        assert_eq!(l.alike('笨', '本', &t), Some(Alike::OtherTone));
        assert_eq!(l.alike('已', '己', &t), Some(Alike::Shape));
        assert!(!text.contains('<'), "it may go inline in the single file");
    }
}
