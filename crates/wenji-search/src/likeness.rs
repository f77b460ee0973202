//! What makes two characters easy to mistake for each other when typing
//! with a pinyin input method: the same syllable (in the same tone, or in
//! another), a syllable heard alike (zh/z, ch/c, sh/s, -ng/-n, n/l), or a
//! similar shape. `near` asks it about the one character in which a text
//! differs from a query.
//!
//! Built at build time (`likeness_build`) for the common characters and the
//! collection's, and shipped as a data file of its own that the page reads
//! only when a search first finds nothing. A character it does not know is
//! still compared by the search tables' toneless readings.
//!
//! The compact form is one entry a line: a toned syllable (`ben3`) followed
//! by its characters, or a line of characters whose first is shaped like
//! each of the others.

use std::collections::HashMap;

use crate::tables::Tables;

/// The data file the build writes beside the page (and inside the single
/// file). Not named by its content like the collection's: like the
/// document reader's files, it is fetched only when first needed, and a
/// stale copy only makes a few tones unknown.
pub const LIKENESS_FILE: &str = "likeness.txt";

/// How alike two different characters are, the closest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Alike {
    /// The same syllable in the same tone: 以人唯本 for 以人为本.
    SameTone,
    /// The same syllable in another tone: 以人为笨 for 以人为本.
    OtherTone,
    /// A similar shape: 正人先正已 for 正人先正己.
    Shape,
    /// A syllable heard alike: 身命线 for 生命线.
    HeardAlike,
}

/// A syllable and its tone (5 for the neutral tone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sound {
    syllable: u16,
    tone: u8,
}

#[derive(Debug, Default)]
pub struct Likeness {
    /// Toneless syllables, and the key of how each is heard (`fuzzy`).
    syllables: Vec<String>,
    heard: Vec<u16>,
    sounds: HashMap<char, Vec<Sound>>,
    shapes: HashMap<char, Vec<char>>,
}

impl Likeness {
    /// Read the compact form (lines it does not understand are skipped: an
    /// older or newer file still helps).
    pub fn from_compact(text: &str) -> Likeness {
        let mut l = Likeness::default();
        let mut ids: HashMap<String, u16> = HashMap::new();
        let mut heard_ids: HashMap<String, u16> = HashMap::new();
        for line in text.lines() {
            let head = line
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(line.len());
            let (spelled, chars) = line.split_at(head);
            if spelled.is_empty() {
                let mut cs = chars.chars();
                if let Some(first) = cs.next() {
                    for other in cs {
                        l.add_shape(first, other);
                    }
                }
                continue;
            }
            let digits = spelled.trim_end_matches(|c: char| c.is_ascii_digit());
            let tone = spelled[digits.len()..].parse().unwrap_or(5);
            let next = ids.len() as u16;
            let syllable = *ids.entry(digits.to_owned()).or_insert_with(|| {
                let key = heard_key(digits);
                let n = heard_ids.len() as u16;
                l.heard.push(*heard_ids.entry(key).or_insert(n));
                l.syllables.push(digits.to_owned());
                next
            });
            for c in chars.chars() {
                let sounds = l.sounds.entry(c).or_default();
                let sound = Sound { syllable, tone };
                if !sounds.contains(&sound) {
                    sounds.push(sound);
                }
            }
        }
        l
    }

    fn add_shape(&mut self, a: char, b: char) {
        for (x, y) in [(a, b), (b, a)] {
            let list = self.shapes.entry(x).or_default();
            if !list.contains(&y) {
                list.push(y);
            }
        }
    }

    /// How alike `a` and `b` (different, folded characters) are, if at all.
    /// A character this does not know is compared by the tables' toneless
    /// readings, as another tone at best (its tone is not known).
    pub fn alike(&self, a: char, b: char, tables: &Tables) -> Option<Alike> {
        let (sa, sb) = (self.sounds.get(&a), self.sounds.get(&b));
        let mut best: Option<Alike> = None;
        let mut better = |found: Alike| best = Some(best.map_or(found, |b| b.min(found)));
        if let (Some(sa), Some(sb)) = (sa, sb) {
            for x in sa {
                for y in sb {
                    if x.syllable == y.syllable {
                        better(if x.tone == y.tone {
                            Alike::SameTone
                        } else {
                            Alike::OtherTone
                        });
                    } else if self.heard[x.syllable as usize] == self.heard[y.syllable as usize] {
                        better(Alike::HeardAlike);
                    }
                }
            }
        } else {
            let ra = tables.readings(a);
            if tables.readings(b).iter().any(|r| ra.contains(r)) {
                better(Alike::OtherTone);
            }
        }
        if self.shapes.get(&a).is_some_and(|s| s.contains(&b)) {
            better(Alike::Shape);
        }
        best
    }

    /// The toneless syllables this knows of `c`.
    #[cfg(test)]
    pub(crate) fn syllables_of(&self, c: char) -> Vec<&str> {
        self.sounds
            .get(&c)
            .into_iter()
            .flatten()
            .map(|s| self.syllables[s.syllable as usize].as_str())
            .collect()
    }
}

/// How a toneless syllable is heard by a speaker who does not tell zh from
/// z, ch from c, sh from s, -ng from -n, or n from l (the confusions of
/// many regional accents, and so of their typing).
pub fn heard_key(syllable: &str) -> String {
    let mut s = syllable.to_owned();
    for (from, to) in [("zh", "z"), ("ch", "c"), ("sh", "s")] {
        if let Some(rest) = s.strip_prefix(from) {
            s = format!("{to}{rest}");
        }
    }
    if let Some(rest) = s.strip_prefix('n') {
        if !rest.is_empty() && rest != "g" {
            s = format!("l{rest}");
        }
    }
    if s.ends_with("ng") && s.len() > 2 && !s.ends_with("ong") {
        s.truncate(s.len() - 1);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Likeness {
        Likeness::from_compact(
            "ben3本苯\nben4笨\nwei2为唯\nsheng1生\nshen1身\nming2明\nming4命\nlian4练炼\nnian2年\nlian2连\n己已巳\n",
        )
    }

    #[test]
    fn sounds_rank_same_tone_then_other_tone_then_heard_alike() {
        let l = sample();
        let t = Tables::default();
        assert_eq!(l.alike('唯', '为', &t), Some(Alike::SameTone));
        assert_eq!(l.alike('练', '炼', &t), Some(Alike::SameTone));
        assert_eq!(l.alike('笨', '本', &t), Some(Alike::OtherTone));
        assert_eq!(l.alike('明', '命', &t), Some(Alike::OtherTone));
        assert_eq!(l.alike('身', '生', &t), Some(Alike::HeardAlike));
        assert_eq!(l.alike('年', '连', &t), Some(Alike::HeardAlike));
        assert_eq!(l.alike('本', '命', &t), None);
    }

    #[test]
    fn shapes_go_both_ways_and_between_the_first_and_each_other() {
        let l = sample();
        let t = Tables::default();
        assert_eq!(l.alike('已', '己', &t), Some(Alike::Shape));
        assert_eq!(l.alike('己', '巳', &t), Some(Alike::Shape));
        // Only the first is said to look like the others.
        assert_eq!(l.alike('已', '巳', &t), None);
    }

    #[test]
    fn a_character_it_does_not_know_falls_back_on_the_tables() {
        let l = sample();
        let t = Tables::with_readings(&[('锤', "chui"), ('捶', "chui"), ('本', "ben")]);
        assert_eq!(l.alike('锤', '捶', &t), Some(Alike::OtherTone));
        assert_eq!(l.alike('本', '捶', &t), None);
        assert!(Likeness::default().alike('锤', '捶', &t).is_some());
    }

    #[test]
    fn accents_hear_these_alike_and_no_others() {
        for (a, b) in [
            ("zhi", "zi"),
            ("chuang", "cuang"),
            ("shen", "sen"),
            ("sheng", "shen"),
            ("xing", "xin"),
            ("nian", "lian"),
            ("nao", "lao"),
        ] {
            assert_eq!(heard_key(a), heard_key(b), "{a} {b}");
        }
        for (a, b) in [
            ("zhi", "ji"),
            ("ban", "pan"),
            ("dong", "don"),
            ("ng", "lg"),
            ("ng", "n"),
        ] {
            assert_ne!(heard_key(a), heard_key(b), "{a} {b}");
        }
    }
}
