//! Related passages: for each sub-section, up to three passages of the
//! collection that say something close, found when the collection is built.
//!
//! Passages are compared without words (no dictionary): a passage is the
//! bag of the pairs of adjacent Chinese characters it holds (bigrams),
//! each weighted by how often the passage uses it and how rare it is in
//! the collection (tf–idf), and two passages are close by the cosine of
//! their weights. A pair found in one passage only says nothing about
//! another, and a pair found in a great many passages (工作, 我们) says
//! little: both are left out, which is also what bounds the cost. Each
//! sub-section looks only at the passages that share one of its most
//! distinctive pairs, through an inverted index, so that the work grows
//! with the collection, not with its square.
//!
//! Passages in other essays come first; the sub-section's own part is left
//! out (the reader has it on screen already). The words two passages share
//! are the longest runs of shared pairs in the related passage's text,
//! widened to the words they cut into and without a lone character at
//! either end (思想动态, not 想动态; 有时, not 有时会), by the text's cut
//! into words (`words`).

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

use crate::chars::is_ideograph;
use crate::tables_build::lexicon;

use wenji_core::{Collection, Place, RelatedPassage};

/// At most this many related passages a sub-section.
pub const MAX_RELATED: usize = 3;
/// A sub-section looks for passages through its this many most
/// distinctive pairs.
const TOP_TERMS: usize = 20;
/// Cosine below which two passages are not related.
const MIN_SCORE: f32 = 0.12;
/// Distinctive pairs two related passages share at least.
const MIN_SHARED: usize = 2;
/// How much more often than chance a pair's characters must stand side
/// by side (natural log of the ratio) to count as a word-like unit.
const MIN_COHESION: f64 = 3.0;
/// Shared words kept for marking, a related passage.
const MAX_WORDS: usize = 3;
/// A shared run longer than this (characters) is a repeated sentence, not
/// a word: it is not marked.
const MAX_WORD_CHARS: usize = 8;

/// Two adjacent characters, as one number.
type Term = u64;

fn term(a: char, b: char) -> Term {
    (u64::from(a as u32) << 32) | u64::from(b as u32)
}

/// The pairs of `text` and how often each occurs.
fn term_counts(text: &str) -> HashMap<Term, u32> {
    let mut counts = HashMap::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if !is_ideograph(c) {
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            *counts.entry(term(p, c)).or_insert(0) += 1;
        }
        prev = Some(c);
    }
    counts
}

/// Which pairs hold together as a word would: the two characters occur
/// side by side far more often than their own frequencies would make
/// chance (pointwise mutual information over the whole collection). This
/// leaves out pairs that straddle two words (工作才 → 作才, 有自己 → 有自).
fn cohesion(passages: &[Passage]) -> impl Fn(Term) -> bool {
    let mut chars: HashMap<char, u32> = HashMap::new();
    let mut pairs: HashMap<Term, u32> = HashMap::new();
    let (mut n_chars, mut n_pairs) = (0u64, 0u64);
    for p in passages {
        let mut prev: Option<char> = None;
        for c in p.text.chars() {
            if !is_ideograph(c) {
                prev = None;
                continue;
            }
            *chars.entry(c).or_insert(0) += 1;
            n_chars += 1;
            if let Some(a) = prev {
                *pairs.entry(term(a, c)).or_insert(0) += 1;
                n_pairs += 1;
            }
            prev = Some(c);
        }
    }
    move |t: Term| {
        let a = char::from_u32((t >> 32) as u32).unwrap_or_default();
        let b = char::from_u32(t as u32).unwrap_or_default();
        let (ca, cb, cab) = (
            f64::from(chars.get(&a).copied().unwrap_or(1)),
            f64::from(chars.get(&b).copied().unwrap_or(1)),
            f64::from(pairs.get(&t).copied().unwrap_or(0)),
        );
        let pmi = ((cab / n_pairs.max(1) as f64)
            / ((ca / n_chars.max(1) as f64) * (cb / n_chars.max(1) as f64)))
            .ln();
        pmi >= MIN_COHESION
    }
}

/// A part's lead or a sub-section, as the related passages see it.
struct Passage {
    place: Place,
    text: String,
    /// Distinctive pairs and their weights, sorted by pair.
    terms: Vec<(Term, f32)>,
    norm: f32,
    /// The text's characters and where its words begin (`Words::cuts`),
    /// made once the passage is found related to another (a passage is
    /// related to several).
    cut: OnceCell<(Vec<char>, Vec<bool>)>,
}

/// Every part lead and sub-section of `collection`, with its text.
fn passages(collection: &Collection) -> Vec<Passage> {
    let mut out = Vec::new();
    for (e, essay) in collection.essays.iter().enumerate() {
        for (p, part) in essay.parts.iter().enumerate() {
            let lead = (!part.lead.is_empty()).then_some(Place::part(e, p));
            let sections = (0..part.sections.len()).map(|s| Place::section(e, p, s));
            out.extend(lead.into_iter().chain(sections).map(|place| Passage {
                place,
                text: essay.text_at(place),
                terms: Vec::new(),
                norm: 0.0,
                cut: OnceCell::new(),
            }));
        }
    }
    out
}

/// The related passages of every sub-section of `collection` that has
/// any, by place.
pub fn related_passages(collection: &Collection) -> HashMap<Place, Vec<RelatedPassage>> {
    let mut passages = passages(collection);
    let counts: Vec<HashMap<Term, u32>> = passages.iter().map(|p| term_counts(&p.text)).collect();
    let mut df: HashMap<Term, u32> = HashMap::new();
    for c in &counts {
        for t in c.keys() {
            *df.entry(*t).or_insert(0) += 1;
        }
    }
    let n = passages.len();
    // Pairs in more passages than this say too little to count.
    let common = (n / 10).max(3) as u32;
    let cohesive = cohesion(&passages);
    let mut postings: HashMap<Term, Vec<(u32, f32)>> = HashMap::new();
    for (i, (passage, c)) in passages.iter_mut().zip(&counts).enumerate() {
        let mut terms: Vec<(Term, f32)> = c
            .iter()
            .filter_map(|(t, tf)| {
                let d = df[t];
                (2..=common).contains(&d).then_some(())?;
                cohesive(*t).then(|| {
                    let idf = (n as f32 / d as f32).ln();
                    (*t, (1.0 + (*tf as f32).ln()) * idf)
                })
            })
            .collect();
        terms.sort_unstable_by_key(|(t, _)| *t);
        passage.norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        for (t, w) in &terms {
            postings.entry(*t).or_default().push((i as u32, *w));
        }
        passage.terms = terms;
    }

    let mut out = HashMap::new();
    let mut score = vec![0.0f32; n];
    let mut shared = vec![0u32; n];
    let mut touched: Vec<u32> = Vec::new();
    for (i, passage) in passages.iter().enumerate() {
        if passage.place.section.is_none() || passage.norm == 0.0 {
            continue;
        }
        let mut top = passage.terms.clone();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(TOP_TERMS);
        for (t, w) in &top {
            for &(j, wj) in &postings[t] {
                let j = j as usize;
                if j == i {
                    continue;
                }
                if shared[j] == 0 {
                    touched.push(j as u32);
                }
                score[j] += w * wj;
                shared[j] += 1;
            }
        }
        let mut found: Vec<(bool, f32, usize)> = Vec::new();
        for &j in &touched {
            let j = j as usize;
            let other = &passages[j];
            let cosine = score[j] / (passage.norm * other.norm);
            let same_part =
                other.place.essay == passage.place.essay && other.place.part == passage.place.part;
            if !same_part && shared[j] as usize >= MIN_SHARED && cosine >= MIN_SCORE {
                found.push((other.place.essay == passage.place.essay, cosine, j));
            }
            score[j] = 0.0;
            shared[j] = 0;
        }
        touched.clear();
        // Other essays first, then the closest; ties in collection order.
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
        let related: Vec<RelatedPassage> = found
            .iter()
            .take(MAX_RELATED)
            .map(|&(_, _, j)| RelatedPassage {
                place: passages[j].place,
                shared: shared_words(passage, &passages[j]),
            })
            .collect();
        if !related.is_empty() {
            out.insert(passage.place, related);
        }
    }
    out
}

/// Each sub-section of `collection` given its related passages.
pub fn attach_related(collection: &mut Collection) {
    let mut found = related_passages(collection);
    for (e, essay) in collection.essays.iter_mut().enumerate() {
        for (p, part) in essay.parts.iter_mut().enumerate() {
            for (s, section) in part.sections.iter_mut().enumerate() {
                section.related = found.remove(&Place::section(e, p, s)).unwrap_or_default();
            }
        }
    }
}

/// The words `a` and `b` share, as they stand in `b`: the longest runs of
/// distinctive pairs found in both, the weightiest first.
fn shared_words(a: &Passage, b: &Passage) -> Vec<String> {
    let weight = |t: Term| {
        let (Ok(i), Ok(j)) = (
            a.terms.binary_search_by_key(&t, |(x, _)| *x),
            b.terms.binary_search_by_key(&t, |(x, _)| *x),
        ) else {
            return None;
        };
        Some(a.terms[i].1 * b.terms[j].1)
    };
    let (chars, cuts) = b.cut.get_or_init(|| {
        let chars: Vec<char> = b.text.chars().collect();
        let cuts = lexicon().cuts(&chars);
        (chars, cuts)
    });
    let mut runs: Vec<(f32, String)> = Vec::new();
    let mut run_start = 0;
    let mut run_weight = 0.0;
    let mut close = |run: Range<usize>, w: f32| {
        let Some(word) = whole_words(cuts, run) else {
            return;
        };
        let word: String = chars[word].iter().collect();
        let len = word.chars().count();
        if (2..=MAX_WORD_CHARS).contains(&len) && !runs.iter().any(|(_, r)| *r == word) {
            runs.push((w, word));
        }
    };
    for i in 1..=chars.len() {
        let w = chars
            .get(i)
            .filter(|c| is_ideograph(**c) && is_ideograph(chars[i - 1]))
            .and_then(|c| weight(term(chars[i - 1], *c)));
        match w {
            Some(w) => {
                if run_weight == 0.0 {
                    run_start = i - 1;
                }
                run_weight += w;
            }
            None if run_weight > 0.0 => {
                close(run_start..i, run_weight);
                run_weight = 0.0;
            }
            None => {}
        }
    }
    // Stable: of two as weighty, the one the text says first.
    runs.sort_by(|x, y| y.0.total_cmp(&x.0));
    runs.into_iter().take(MAX_WORDS).map(|(_, r)| r).collect()
}

/// `run` widened to the words it cuts into (`cuts`: where words begin),
/// less a word of one character at either end; `None` if nothing is left
/// of two characters or more.
fn whole_words(cuts: &[bool], run: Range<usize>) -> Option<Range<usize>> {
    let (mut start, mut end) = (run.start, run.end);
    while !cuts[start] {
        start -= 1;
    }
    while !cuts[end] {
        end += 1;
    }
    if end - start > 2 && cuts[start + 1] {
        start += 1;
    }
    if end - start > 2 && cuts[end - 1] {
        end -= 1;
    }
    (end - start >= 2).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wenji_core::{fixtures, HeadingForm, Part, Section};

    fn section(id: &str, text: &str) -> Section {
        Section {
            id: id.into(),
            heading: format!("{id}，"),
            form: HeadingForm::Opening,
            body: vec![text.into()],
            related: Vec::new(),
        }
    }

    fn part(id: &str, sections: Vec<Section>) -> Part {
        Part {
            id: id.into(),
            title: id.into(),
            lead: vec![],
            sections,
        }
    }

    /// Three essays: two speak of 谈心谈话 and 思想动态, one of 安全生产;
    /// filler sentences make the common words common.
    fn collection() -> Collection {
        let filler = "我们要认真做好工作，不断提高水平。";
        let essay = |slug: &str, parts: Vec<Part>| fixtures::essay(slug, slug, parts);
        Collection {
            essays: vec![
                essay(
                    "a",
                    vec![
                        part(
                            "甲",
                            vec![
                                section(
                                    "甲一",
                                    &format!("{filler}坚持谈心谈话，掌握职工思想动态。"),
                                ),
                                section("甲二", &format!("{filler}抓好安全生产，落实岗位责任。")),
                            ],
                        ),
                        part(
                            "乙",
                            vec![section(
                                "乙一",
                                &format!("{filler}经常谈心谈话，了解思想动态变化。"),
                            )],
                        ),
                    ],
                ),
                essay(
                    "b",
                    vec![part(
                        "丙",
                        vec![
                            section("丙一", &format!("{filler}通过谈心谈话把握思想动态。")),
                            section("丙二", &format!("{filler}安全生产重于泰山，岗位责任在肩。")),
                        ],
                    )],
                ),
                essay(
                    "c",
                    vec![part(
                        "丁",
                        vec![
                            section("丁一", &format!("{filler}学习理论，武装头脑。")),
                            section("丁二", &format!("{filler}关心群众，办好实事。")),
                        ],
                    )],
                ),
            ],
        }
    }

    #[test]
    fn close_passages_are_found_other_essays_first_with_their_shared_words() {
        let found = related_passages(&collection());
        let of = |e, p, s| {
            found
                .get(&Place::section(e, p, s))
                .cloned()
                .unwrap_or_default()
        };
        // 甲一: 丙一 in another essay comes before 乙一 in its own.
        let r = of(0, 0, 0);
        let places: Vec<Place> = r.iter().map(|r| r.place).collect();
        assert_eq!(places, [Place::section(1, 0, 0), Place::section(0, 1, 0)]);
        assert_eq!(r[0].shared, ["谈心谈话", "思想动态"]);
        // 甲二 and 丙二 share 安全生产 and 岗位责任, and nothing else does.
        let r = of(0, 0, 1);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].place, Place::section(1, 0, 1));
        assert_eq!(r[0].shared, ["安全生产", "岗位责任"]);
        // Words everyone uses relate nothing.
        assert!(of(2, 0, 0).is_empty() && of(2, 0, 1).is_empty());
    }

    #[test]
    fn the_own_part_is_left_out_and_the_result_is_attached() {
        let mut c = collection();
        attach_related(&mut c);
        for (e, essay) in c.essays.iter().enumerate() {
            for (p, part) in essay.parts.iter().enumerate() {
                for s in &part.sections {
                    assert!(s.related.len() <= MAX_RELATED);
                    assert!(s
                        .related
                        .iter()
                        .all(|r| (r.place.essay, r.place.part) != (e, p)));
                }
            }
        }
        assert_eq!(c.essays[0].parts[1].sections[0].related.len(), 2);
    }

    #[test]
    fn shared_runs_are_whole_words() {
        let word = |text: &str, run: &str| {
            let chars: Vec<char> = text.chars().collect();
            let at = text[..text.find(run).unwrap()].chars().count();
            let cuts = lexicon().cuts(&chars);
            whole_words(&cuts, at..at + run.chars().count())
                .map(|r| chars[r].iter().collect::<String>())
        };
        assert_eq!(
            word("掌握职工思想动态。", "想动态").as_deref(),
            Some("思想动态")
        );
        assert_eq!(
            word("有时会感到些许枯燥", "有时会").as_deref(),
            Some("有时")
        );
        assert_eq!(
            word("坚持谈心谈话，", "谈心谈话").as_deref(),
            Some("谈心谈话")
        );
    }

    #[test]
    fn pairs_are_made_of_chinese_characters_only() {
        let counts = term_counts("学习ABC学习，习a近");
        assert_eq!(counts.get(&term('学', '习')), Some(&2));
        assert_eq!(counts.get(&term('习', '学')), None, "letters break a pair");
        assert_eq!(counts.get(&term('习', '近')), None);
        assert_eq!(counts.len(), 1);
    }
}
