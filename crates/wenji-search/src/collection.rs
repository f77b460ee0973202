//! One query across a whole collection: the hits of each essay, filled in
//! essay by essay, so that a large collection is searched in short slices
//! off the typing path (and an essay's own page searches only that essay),
//! and what the results page needs from them: totals, the matching essays
//! in the order the reader picked, where the n-th hit is, and the sentence
//! that best shows why an essay matched.

use std::ops::Range;

use wenji_core::library::ResultOrder;
use wenji_core::order::sort_positions;
use wenji_core::{Essay, Place};

use crate::filter::{EssayHits, Extent, PartHits, UnitHits};

/// Hits per essay; `None` for an essay not searched yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollectionHits {
    essays: Vec<Option<EssayHits>>,
    searched: usize,
    /// An essay being searched again for a new query, a slice at a time
    /// (a long essay's own page): its old hits stand until the new ones
    /// are set, so that the page does not flash unfiltered meanwhile.
    again: Option<usize>,
}

/// Figures of what a query shows, for the status line and the headers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub hits: usize,
    /// Sections shown (a part's lead counts as one): none means nothing
    /// matched.
    pub sections: usize,
    /// The headings shown, as the status line counts them.
    pub extent: Extent,
    /// Essays with at least one shown section.
    pub essays: usize,
}

impl Totals {
    /// These totals and one more essay's hits.
    pub fn plus(self, h: &EssayHits) -> Totals {
        Totals {
            hits: self.hits + h.hits,
            sections: self.sections + h.sections,
            extent: self.extent.plus(h.extent()),
            essays: self.essays + usize::from(h.sections > 0),
        }
    }
}

/// What a filter makes of one part or sub-section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filtered<T> {
    /// No filter (or its essay not searched yet): shown as it is.
    Off,
    /// The filter hides it.
    Hidden,
    /// The filter shows it, with these hits.
    Shown(T),
}

impl<T> Filtered<T> {
    pub fn is_hidden(&self) -> bool {
        matches!(self, Filtered::Hidden)
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Filtered<U> {
        match self {
            Filtered::Off => Filtered::Off,
            Filtered::Hidden => Filtered::Hidden,
            Filtered::Shown(t) => Filtered::Shown(f(t)),
        }
    }

    pub fn as_ref(&self) -> Filtered<&T> {
        match self {
            Filtered::Off => Filtered::Off,
            Filtered::Hidden => Filtered::Hidden,
            Filtered::Shown(t) => Filtered::Shown(t),
        }
    }

    /// Its hits, when the filter shows it.
    pub fn shown(self) -> Option<T> {
        match self {
            Filtered::Shown(t) => Some(t),
            _ => None,
        }
    }
}

/// The hits of a part or of a sub-section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceHits<'a> {
    Part(&'a PartHits),
    Section(&'a UnitHits),
}

impl<'a> PlaceHits<'a> {
    /// Marks in its heading (a part's title).
    pub fn heading(self) -> &'a [Range<usize>] {
        match self {
            PlaceHits::Part(p) => &p.title,
            PlaceHits::Section(u) => &u.heading,
        }
    }

    /// Hits under its heading, its own and its sub-sections'.
    pub fn count(self) -> usize {
        match self {
            PlaceHits::Part(p) => p.hits,
            PlaceHits::Section(u) => u.hits,
        }
    }

    /// Marks in `field`.
    pub fn marks(self, field: Field) -> &'a [Range<usize>] {
        match field {
            Field::Heading => self.heading(),
            Field::Paragraph(k) => self.paragraph(k).unwrap_or_default(),
        }
    }

    /// Marks in paragraph `k` of its own text (a part's lead, a
    /// sub-section's body); none when the filter hides that text.
    pub fn paragraph(self, k: usize) -> Option<&'a [Range<usize>]> {
        Some(self.text()?.paragraphs.get(k).map_or(&[], Vec::as_slice))
    }

    /// Its own text's hits, unless the filter hides that text.
    fn text(self) -> Option<&'a UnitHits> {
        match self {
            PlaceHits::Part(p) => p.lead.as_ref(),
            PlaceHits::Section(u) => Some(u),
        }
    }

    /// Its fields and their marks, in reading order: the heading, then
    /// each paragraph of its own text the filter shows.
    fn fields(self) -> impl Iterator<Item = (Field, &'a [Range<usize>])> {
        let paragraphs = self.text().into_iter().flat_map(|u| {
            u.paragraphs
                .iter()
                .enumerate()
                .map(|(k, m)| (Field::Paragraph(k), m.as_slice()))
        });
        std::iter::once((Field::Heading, self.heading())).chain(paragraphs)
    }
}

/// A field of a part or sub-section that can hold hits: its heading (a
/// part's title), or paragraph `k` of its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Heading,
    Paragraph(usize),
}

impl EssayHits {
    /// Every part and sub-section the filter shows, in reading order.
    fn shown_places(&self, essay: usize) -> impl Iterator<Item = (Place, PlaceHits<'_>)> {
        self.parts
            .iter()
            .enumerate()
            .filter_map(|(p, part)| Some((p, part.as_ref()?)))
            .flat_map(move |(p, part)| {
                let sections = part.sections.iter().enumerate().filter_map(move |(s, u)| {
                    Some((Place::section(essay, p, s), PlaceHits::Section(u.as_ref()?)))
                });
                std::iter::once((Place::part(essay, p), PlaceHits::Part(part))).chain(sections)
            })
    }

    /// The marks of every field shown, in reading order (the order the
    /// page renders them in): with where each is and which field it is.
    fn fields(&self, essay: usize) -> impl Iterator<Item = (Place, Field, &[Range<usize>])> {
        self.shown_places(essay)
            .flat_map(|(at, hits)| hits.fields().map(move |(field, marks)| (at, field, marks)))
    }

    /// The number (among this essay's hits, in reading order) of the first
    /// hit in `field` of the part or sub-section at `place`.
    pub fn first_hit_in(&self, place: Place, field: Field) -> usize {
        self.fields(place.essay)
            .take_while(|(at, f, _)| (*at, *f) != (place, field))
            .map(|(_, _, marks)| marks.len())
            .sum()
    }

    /// Where hit `n` of this essay (essay `essay` of its collection) is.
    pub fn place_of_hit(&self, essay: usize, n: usize) -> Option<Place> {
        let mut before = 0;
        for (at, _, marks) in self.fields(essay) {
            before += marks.len();
            if n < before {
                return Some(at);
            }
        }
        None
    }
}

impl CollectionHits {
    /// The number of the first hit of essay `essay` when the `results`
    /// are shown one after the other; none when it is not among them.
    pub fn first_hit_of(&self, results: &[usize], essay: usize) -> Option<usize> {
        let at = results.iter().position(|&i| i == essay)?;
        Some(
            results[..at]
                .iter()
                .filter_map(|&i| self.get(i))
                .map(|e| e.hits)
                .sum(),
        )
    }

    /// What the filter makes of the part or sub-section at `place`.
    pub fn at(&self, place: Place) -> Filtered<PlaceHits<'_>> {
        let Some(essay) = self.get(place.essay) else {
            return Filtered::Off;
        };
        let Some(part) = essay.parts.get(place.part).and_then(Option::as_ref) else {
            return Filtered::Hidden;
        };
        match place.section {
            None => Filtered::Shown(PlaceHits::Part(part)),
            Some(s) => match part.sections.get(s).and_then(Option::as_ref) {
                Some(unit) => Filtered::Shown(PlaceHits::Section(unit)),
                None => Filtered::Hidden,
            },
        }
    }

    /// Nothing searched yet in a collection of `n` essays.
    pub fn new(n: usize) -> CollectionHits {
        CollectionHits {
            essays: vec![None; n],
            searched: 0,
            again: None,
        }
    }

    /// Essay `i` of a collection of `n` is being searched again: what it
    /// showed stands until `set` gives its new hits.
    pub fn search_again(&mut self, n: usize, i: usize) {
        if self.essays.len() != n {
            *self = CollectionHits::new(n);
        }
        self.again = Some(i);
    }

    /// The essay being searched again, if one is.
    pub fn searching_again(&self) -> Option<usize> {
        self.again
    }

    /// The hits of essay `i`, if it has been searched.
    pub fn get(&self, i: usize) -> Option<&EssayHits> {
        self.essays.get(i)?.as_ref()
    }

    pub fn set(&mut self, i: usize, hits: EssayHits) {
        if self.again == Some(i) {
            self.again = None;
        }
        if let Some(slot) = self.essays.get_mut(i) {
            if slot.is_none() {
                self.searched += 1;
            }
            *slot = Some(hits);
        }
    }

    /// Essays searched so far.
    pub fn searched(&self) -> usize {
        self.searched
    }

    /// Has every essay been searched? Not the empty hits of no query: they
    /// stand until a new query's search has begun, and a page that took
    /// them for a finished search would show "nothing found" meanwhile.
    pub fn complete(&self) -> bool {
        !self.essays.is_empty() && self.searched == self.essays.len()
    }

    /// The first essay at or after `from` not searched yet.
    pub fn next_unsearched(&self, from: usize) -> Option<usize> {
        (from..self.essays.len()).find(|&i| self.essays[i].is_none())
    }

    pub fn totals(&self) -> Totals {
        self.essays
            .iter()
            .flatten()
            .fold(Totals::default(), |t, h| t.plus(h))
    }

    /// The essays with at least one shown section, in `order`.
    /// How many essays have a matching section, in any order.
    pub fn essays_matching(&self) -> usize {
        (0..self.essays.len())
            .filter(|&i| self.get(i).is_some_and(|h| h.sections > 0))
            .count()
    }

    pub fn matching(&self, order: ResultOrder) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.essays.len())
            .filter(|&i| self.get(i).is_some_and(|h| h.sections > 0))
            .collect();
        if order == ResultOrder::Hits {
            // Stable: equal counts stay in collection order.
            let hits = |i: usize| self.get(i).map_or(0, |h| h.hits);
            sort_positions(&mut out, &|a, b| hits(b).cmp(&hits(a)));
        }
        out
    }

    /// Where hit `n` (0-based, counted along `essays`) is: the position in
    /// `essays` of the essay that holds it and its number within that essay.
    pub fn locate(&self, essays: &[usize], n: usize) -> Option<(usize, usize)> {
        let mut before = 0;
        for (k, &i) in essays.iter().enumerate() {
            let h = self.get(i).map_or(0, |h| h.hits);
            if n < before + h {
                return Some((k, n - before));
            }
            before += h;
        }
        None
    }
}

/// A sentence that shows why an essay matched, with its hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Fragment of the part or sub-section it comes from.
    pub id: String,
    pub text: String,
    /// Byte ranges of `text` to mark.
    pub marks: Vec<Range<usize>>,
}

/// The sentence around the first hit of the paragraph (or heading) with
/// the most hits, cut to at most `max_chars` characters around that hit.
pub fn snippet(essay: &Essay, hits: &EssayHits, max_chars: usize) -> Option<Snippet> {
    // (hits, id, text, marks) of every shown paragraph and heading.
    // (hits, id, text, marks) of the best paragraph so far.
    let mut best: Option<(usize, &str, &str, &[Range<usize>])> = None;
    for (part, ph) in essay.parts.iter().zip(&hits.parts) {
        let Some(ph) = ph else { continue };
        let mut candidates: Vec<(&str, &str, &[Range<usize>])> = Vec::new();
        if let Some(lead) = &ph.lead {
            for (text, marks) in part.lead.iter().zip(&lead.paragraphs) {
                candidates.push((&part.id, text.as_str(), marks));
            }
        }
        for (section, sh) in part.sections.iter().zip(&ph.sections) {
            let Some(sh) = sh else { continue };
            candidates.push((&section.id, &section.heading, &sh.heading));
            for (text, marks) in section.body.iter().zip(&sh.paragraphs) {
                candidates.push((&section.id, text.as_str(), marks));
            }
        }
        for (id, text, marks) in candidates {
            if !marks.is_empty() && best.is_none_or(|b| marks.len() > b.0) {
                best = Some((marks.len(), id, text, marks));
            }
        }
    }
    let (_, id, text, marks) = best?;
    let (start, end) = sentence_around(text, marks[0].start, max_chars);
    let marks = marks
        .iter()
        .filter(|m| m.start < end && m.end > start)
        .map(|m| m.start.max(start) - start..m.end.min(end) - start)
        .collect();
    Some(Snippet {
        id: id.to_owned(),
        text: text[start..end].to_owned(),
        marks,
    })
}

/// Byte bounds of the sentence of `text` that holds byte `at`, shortened to
/// at most `max_chars` characters while keeping `at` inside.
fn sentence_around(text: &str, at: usize, max_chars: usize) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';');
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| is_end(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| is_end(*c))
        .map_or(text.len(), |(i, c)| at + i + c.len_utf8());
    // Too long: keep a little before the hit and fill the rest after it.
    let before: Vec<usize> = text[start..at]
        .char_indices()
        .map(|(i, _)| start + i)
        .collect();
    let keep_before = max_chars / 4;
    let start = if before.len() > keep_before {
        before[before.len() - keep_before]
    } else {
        start
    };
    let end = text[start..end]
        .char_indices()
        .nth(max_chars)
        .map_or(end, |(i, _)| start + i);
    (start, end.max(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::{filter_essay, EssayIndex};
    use crate::query::Query;
    use crate::tables::Tables;
    use wenji_core::fixtures::essay;
    use wenji_core::{HeadingForm, Part, Section};

    fn sample(slug: &str, body: &str) -> Essay {
        essay(
            slug,
            slug,
            vec![Part {
                id: "篇章一".into(),
                title: "篇章一：理论".into(),
                lead: vec!["导语。".into()],
                sections: vec![Section {
                    related: Vec::new(),
                    id: "篇章一-其一".into(),
                    heading: "其一，标题。".into(),
                    form: HeadingForm::Opening,
                    body: vec![body.into()],
                }],
            }],
        )
    }

    fn search(essays: &[Essay], q: &str) -> CollectionHits {
        let t = Tables::for_essays(essays);
        let query = Query::parse(q, &t);
        let mut all = CollectionHits::new(essays.len());
        for (i, e) in essays.iter().enumerate() {
            all.set(i, filter_essay(&EssayIndex::new(e, &t), &query, &t));
        }
        all
    }

    #[test]
    fn an_essay_searched_again_keeps_what_it_showed_until_its_new_hits_are_set() {
        let essays = [sample("a", "倾听。"), sample("b", "实践。")];
        let mut hits = search(&essays, "倾听");
        let before = hits.at(Place::part(0, 0)).shown().map(PlaceHits::count);
        hits.search_again(2, 0);
        assert_eq!(hits.searching_again(), Some(0));
        assert_eq!(
            hits.at(Place::part(0, 0)).shown().map(PlaceHits::count),
            before
        );
        let fresh = search(&essays, "实践");
        hits.set(0, fresh.get(0).unwrap().clone());
        assert_eq!(hits.searching_again(), None);
        assert!(hits.at(Place::part(0, 0)).is_hidden());
        // From no query (no essays), the collection's size is taken.
        let mut none = CollectionHits::default();
        none.search_again(2, 1);
        none.set(1, fresh.get(1).unwrap().clone());
        assert_eq!((none.searching_again(), none.searched()), (None, 1));
    }

    #[test]
    fn what_the_filter_makes_of_each_place() {
        let essays = [sample("a", "倾听。"), sample("b", "实践。")];
        let hits = search(&essays, "倾听");
        let (part, sub) = (Place::part(0, 0), Place::section(0, 0, 0));
        let Filtered::Shown(p) = hits.at(part) else {
            panic!("the part with the hit is shown")
        };
        assert_eq!((p.count(), p.heading()), (1, &[][..]));
        // Its lead does not match: hidden, while its sub-section shows.
        assert_eq!(p.paragraph(0), None);
        let u = hits.at(sub).shown().expect("the sub-section is shown");
        let body = [std::ops::Range { start: 0, end: 6 }];
        assert_eq!((u.count(), u.paragraph(0)), (1, Some(&body[..])));
        assert!(hits.at(Place::part(1, 0)).is_hidden());
        assert!(hits.at(Place::section(1, 0, 0)).is_hidden());
        // Without a filter (or before an essay is searched): as it is.
        assert_eq!(CollectionHits::default().at(sub), Filtered::Off);
        assert_eq!(CollectionHits::new(2).at(part), Filtered::Off);
    }

    #[test]
    fn hits_are_numbered_in_reading_order() {
        let two = essay(
            "t",
            "t",
            vec![
                Part {
                    id: "甲".into(),
                    title: "倾听在先".into(),
                    lead: vec!["倾听，再倾听。".into()],
                    sections: vec![Section {
                        related: Vec::new(),
                        id: "甲-其一".into(),
                        heading: "无关。".into(),
                        form: HeadingForm::Opening,
                        body: vec!["也无关。".into()],
                    }],
                },
                Part {
                    id: "乙".into(),
                    title: "乙".into(),
                    lead: vec![],
                    sections: vec![Section {
                        related: Vec::new(),
                        id: "乙-其一".into(),
                        heading: "倾听。".into(),
                        form: HeadingForm::Opening,
                        body: vec!["无关。".into(), "倾听。".into()],
                    }],
                },
            ],
        );
        let essays = [sample("a", "倾听。"), two];
        let hits = search(&essays, "倾听");
        let e = hits.get(1).expect("searched");
        assert_eq!(e.hits, 5);
        let (p0, s1) = (Place::part(1, 0), Place::section(1, 1, 0));
        assert_eq!(e.first_hit_in(p0, Field::Heading), 0);
        assert_eq!(e.first_hit_in(p0, Field::Paragraph(0)), 1);
        assert_eq!(e.first_hit_in(s1, Field::Heading), 3);
        assert_eq!(e.first_hit_in(s1, Field::Paragraph(1)), 4);
        let places: Vec<_> = (0..6).map(|n| e.place_of_hit(1, n)).collect();
        assert_eq!(
            places,
            [Some(p0), Some(p0), Some(p0), Some(s1), Some(s1), None]
        );
        // On the results page, after the hits of the essays listed before.
        assert_eq!(hits.first_hit_of(&[0, 1], 1), Some(1));
        assert_eq!(hits.first_hit_of(&[1, 0], 1), Some(0));
        assert_eq!(hits.first_hit_of(&[0], 1), None);
    }

    #[test]
    fn totals_order_and_location_of_hits() {
        let essays = [
            sample("a", "倾听。"),
            sample("b", "无关。"),
            sample("c", "倾听，再倾听，还要倾听。"),
        ];
        let all = search(&essays, "倾听");
        assert!(all.complete());
        let t = all.totals();
        assert_eq!((t.hits, t.sections, t.essays), (4, 2, 2));
        assert_eq!(all.matching(ResultOrder::Collection), vec![0, 2]);
        assert_eq!(all.matching(ResultOrder::Hits), vec![2, 0]);
        assert_eq!(all.essays_matching(), 2);
        let order = all.matching(ResultOrder::Hits);
        assert_eq!(all.locate(&order, 0), Some((0, 0)));
        assert_eq!(all.locate(&order, 2), Some((0, 2)));
        assert_eq!(all.locate(&order, 3), Some((1, 0)));
        assert_eq!(all.locate(&order, 4), None);
    }

    #[test]
    fn an_essay_not_searched_yet_counts_nothing() {
        let mut all = CollectionHits::new(3);
        assert_eq!(all.next_unsearched(0), Some(0));
        all.set(1, EssayHits::default());
        assert_eq!(all.searched(), 1);
        assert_eq!(all.next_unsearched(1), Some(2));
        assert!(all.get(0).is_none() && all.get(1).is_some() && !all.complete());
        assert_eq!(all.totals(), Totals::default());
        assert!(all.matching(ResultOrder::Hits).is_empty());
        assert_eq!(all.essays_matching(), 0);
    }

    #[test]
    fn the_hits_of_no_query_are_no_finished_search() {
        assert!(!CollectionHits::default().complete());
        let mut one = CollectionHits::new(1);
        assert!(!one.complete());
        one.set(0, EssayHits::default());
        assert!(one.complete());
    }

    #[test]
    fn the_snippet_is_the_sentence_with_the_most_hits() {
        let essays = [sample(
            "a",
            "第一句有倾听。第二句倾听又倾听，很长。第三句。",
        )];
        let all = search(&essays, "倾听");
        let s = snippet(&essays[0], all.get(0).unwrap(), 60).unwrap();
        assert_eq!(s.id, "篇章一-其一");
        assert_eq!(s.text, "第一句有倾听。");
        assert_eq!(&s.text[s.marks[0].clone()], "倾听");
        // A long sentence is cut around its first hit, marks re-based.
        let long = format!("{}倾听{}。", "前".repeat(50), "后".repeat(50));
        let essays = [sample("b", &long)];
        let all = search(&essays, "倾听");
        let s = snippet(&essays[0], all.get(0).unwrap(), 20).unwrap();
        assert_eq!(s.text.chars().count(), 20);
        assert_eq!(&s.text[s.marks[0].clone()], "倾听");
        assert!(s.text.starts_with("前前前前前倾听"));
    }
}
