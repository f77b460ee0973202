//! Which parts of an essay its page renders.
//!
//! An essay of ordinary length is rendered whole, as it always was: the
//! browser's find sees all of it, folded text included. A long one (a
//! reader's own 2 MB file, a 章回 text of thousands of parts) is rendered a
//! window at a time: from its top, parts until about `STEP_BYTES` of text,
//! and another step each time the reader nears its end or asks for a part
//! further on (the outline, a hit, an address). While a filter is on, only
//! the parts it shows are rendered and counted, so the first screen of
//! results comes at once however far apart they lie. What a keystroke or a
//! fold costs then follows the window, not the essay.

use crate::model::{Essay, Part};

/// An essay with this much text (UTF-8 bytes, about 60,000 characters) or
/// less is rendered whole.
pub const WHOLE_BYTES: usize = 180_000;

/// Text rendered at first, and added each time more is wanted: about
/// 20,000 characters, several screens.
pub const STEP_BYTES: usize = 60_000;

/// Entries (parts and sub-sections) of a long essay's outline rendered at
/// first, and added each time more are wanted.
pub const OUTLINE_STEP: usize = 200;

/// The size of each part: of its text in bytes, or of its outline in
/// entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartSizes(Vec<usize>);

/// The text of `parts`, in bytes.
pub fn text_bytes(parts: &[Part]) -> usize {
    parts.iter().map(size).sum()
}

fn size(part: &Part) -> usize {
    let paragraphs = |ps: &[crate::Paragraph]| ps.iter().map(|p| p.text.len()).sum::<usize>();
    part.title.len()
        + paragraphs(&part.lead)
        + part
            .sections
            .iter()
            .map(|s| s.heading.len() + paragraphs(&s.body))
            .sum::<usize>()
}

/// Is `essay` short enough to be rendered whole? Asked on each render and
/// search of an essay, so it stops counting once past the limit: a long
/// essay costs no more than a short one.
pub fn renders_whole(essay: &Essay) -> bool {
    let mut bytes = 0;
    essay.parts.iter().all(|p| {
        bytes += size(p);
        bytes <= WHOLE_BYTES
    })
}

impl PartSizes {
    pub fn of(essay: &Essay) -> PartSizes {
        PartSizes(essay.parts.iter().map(size).collect())
    }

    /// The entries of each part in the outline: its own, and its
    /// sub-sections'.
    pub fn entries(essay: &Essay) -> PartSizes {
        PartSizes(essay.parts.iter().map(|p| 1 + p.sections.len()).collect())
    }

    /// The parts rendered with `budget` bytes of text, in order: those
    /// `shown` (by the filter; every part without one) from the top, until
    /// the budget is spent; at least one when any is shown.
    pub fn rendered(&self, budget: usize, shown: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut spent = 0;
        for (i, &size) in self.0.iter().enumerate() {
            if spent >= budget {
                break;
            }
            if shown(i) {
                out.push(i);
                spent += size;
            }
        }
        out
    }

    /// The budget that renders part `part` and every shown part before it.
    pub fn budget_through(&self, part: usize, shown: impl Fn(usize) -> bool) -> usize {
        self.0
            .iter()
            .enumerate()
            .take(part + 1)
            .filter(|&(i, _)| i == part || shown(i))
            .map(|(_, &size)| size)
            .sum()
    }

    /// How many parts are `shown` in all.
    pub fn count(&self, shown: impl Fn(usize) -> bool) -> usize {
        (0..self.0.len()).filter(|&i| shown(i)).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(s: &[usize]) -> PartSizes {
        PartSizes(s.to_vec())
    }

    #[cfg(feature = "parse")]
    #[test]
    fn the_seed_is_rendered_whole_and_a_long_file_is_not() {
        let seed = include_str!("../../../content/zhenggong-xinde.md");
        let seed = crate::parse::parse_essay("seed", "seed", seed)
            .unwrap()
            .essay;
        assert!(renders_whole(&seed));
        let part = |bytes: usize| crate::Part {
            id: String::new(),
            title: "字".repeat(bytes / 3),
            lead: Vec::new(),
            sections: Vec::new(),
        };
        let essay = |parts| crate::fixtures::essay("a", "a", parts);
        assert!(renders_whole(&essay(vec![
            part(WHOLE_BYTES / 2),
            part(WHOLE_BYTES / 2)
        ])));
        assert!(!renders_whole(&essay(vec![
            part(WHOLE_BYTES / 2),
            part(WHOLE_BYTES / 2 + 3)
        ])));
        assert!(renders_whole(&essay(Vec::new())));
    }

    #[test]
    fn parts_are_rendered_from_the_top_until_the_budget_is_spent() {
        let s = sizes(&[100, 100, 100, 100]);
        assert_eq!(s.rendered(150, |_| true), vec![0, 1]);
        assert_eq!(s.rendered(200, |_| true), vec![0, 1]);
        assert_eq!(s.rendered(201, |_| true), vec![0, 1, 2]);
        // One part bigger than the budget is still rendered.
        assert_eq!(sizes(&[500, 10]).rendered(100, |_| true), vec![0]);
        assert_eq!(s.rendered(10_000, |_| true), vec![0, 1, 2, 3]);
    }

    #[test]
    fn a_filter_renders_and_counts_only_the_parts_it_shows() {
        let s = sizes(&[100, 100, 100, 100, 100]);
        let shown = |i: usize| i == 1 || i >= 3;
        assert_eq!(s.rendered(150, shown), vec![1, 3]);
        assert_eq!(s.rendered(10_000, shown), vec![1, 3, 4]);
        assert_eq!(s.rendered(10_000, |_| false), Vec::<usize>::new());
        assert_eq!(s.count(shown), 3);
    }

    #[test]
    fn the_outline_counts_entries() {
        let part = |sections: usize| crate::Part {
            id: String::new(),
            title: String::new(),
            lead: Vec::new(),
            sections: (0..sections)
                .map(|_| crate::Section {
                    id: String::new(),
                    heading: String::new(),
                    form: crate::HeadingForm::Alone,
                    body: Vec::new(),
                    related: Vec::new(),
                })
                .collect(),
        };
        let essay = crate::fixtures::essay("a", "a", vec![part(0), part(3), part(1)]);
        let entries = PartSizes::entries(&essay);
        assert_eq!(entries, sizes(&[1, 4, 2]));
        assert_eq!(entries.rendered(5, |_| true), vec![0, 1]);
        assert_eq!(entries.rendered(5, |i| i != 1), vec![0, 2]);
    }

    #[test]
    fn the_budget_through_a_part_renders_it() {
        let s = sizes(&[100, 50, 100, 70, 100]);
        for part in 0..5 {
            let budget = s.budget_through(part, |_| true);
            assert_eq!(s.rendered(budget, |_| true).last(), Some(&part));
        }
        let shown = |i: usize| i != 2;
        assert_eq!(s.budget_through(3, shown), 220);
        assert_eq!(s.rendered(220, shown), vec![0, 1, 3]);
    }
}
