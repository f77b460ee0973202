//! Which sections of an essay a query shows, and every hit in them.
//!
//! The unit is a section: a part's lead, or one sub-section. A section is
//! shown when every clause matches in its part's title, its own heading or
//! its text, and no excluded term occurs in any of them.

use std::ops::Range;

use wenji_core::takeaway::{PartShown, Shown};
use wenji_core::{Essay, Paragraph, Part};

use crate::folded::Folded;
use crate::matcher::{find, merge};
use crate::query::{Query, Term};
use crate::tables::Tables;

/// An essay's texts folded once, so that each query only matches.
#[derive(Default)]
pub struct EssayIndex {
    parts: Vec<PartIndex>,
}

struct PartIndex {
    title: Folded,
    lead: Vec<Folded>,
    sections: Vec<(Folded, Vec<Folded>)>,
}

impl EssayIndex {
    pub fn new(essay: &Essay, tables: &Tables) -> EssayIndex {
        let mut index = EssayIndex::default();
        for part in &essay.parts {
            index.build_part(part, tables);
        }
        index
    }

    /// Fold the next part of the essay: a long one is indexed a few parts
    /// at a time, between which the page goes on.
    pub fn build_part(&mut self, part: &Part, tables: &Tables) {
        let fold_all = |ps: &[Paragraph]| ps.iter().map(|p| Folded::new(&p.text, tables)).collect();
        self.parts.push(PartIndex {
            title: Folded::new(&part.title, tables),
            lead: fold_all(&part.lead),
            sections: part
                .sections
                .iter()
                .map(|s| (Folded::new(&s.heading, tables), fold_all(&s.body)))
                .collect(),
        });
    }

    /// Parts folded so far.
    pub fn built(&self) -> usize {
        self.parts.len()
    }

    /// Every folded text of the essay: titles, headings, paragraphs.
    pub fn texts(&self) -> impl Iterator<Item = &Folded> {
        self.parts.iter().flat_map(|p| {
            std::iter::once(&p.title).chain(&p.lead).chain(
                p.sections
                    .iter()
                    .flat_map(|(h, body)| std::iter::once(h).chain(body)),
            )
        })
    }
}

/// Hits of a shown section: byte ranges to highlight in its heading (empty
/// for a lead) and in each paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitHits {
    pub heading: Vec<Range<usize>>,
    pub paragraphs: Vec<Vec<Range<usize>>>,
    pub hits: usize,
}

/// A part with at least one shown section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartHits {
    pub title: Vec<Range<usize>>,
    /// `None` when the lead is not shown (or there is none).
    pub lead: Option<UnitHits>,
    /// One entry per sub-section, `None` when it is hidden.
    pub sections: Vec<Option<UnitHits>>,
    /// Hits in the title and in the shown sections.
    pub hits: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EssayHits {
    /// One entry per part, `None` when none of its sections is shown.
    pub parts: Vec<Option<PartHits>>,
    /// Highlighted places in all that is shown.
    pub hits: usize,
    /// Sections shown (a part's lead counts as one).
    pub sections: usize,
}

/// The headings a filter shows, as the reader sees them counted: the
/// chapters (parts) and the sub-sections under them. A part's lead has no
/// heading of its own; it is shown under its chapter's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extent {
    pub chapters: usize,
    pub subsections: usize,
}

impl Extent {
    pub fn plus(self, other: Extent) -> Extent {
        Extent {
            chapters: self.chapters + other.chapters,
            subsections: self.subsections + other.subsections,
        }
    }
}

/// `2 章 3 节`, or `1 章` when no sub-section is shown.
impl std::fmt::Display for Extent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} 章", self.chapters)?;
        if self.subsections > 0 {
            write!(f, " {} 节", self.subsections)?;
        }
        Ok(())
    }
}

impl PartHits {
    /// Which of the part's sections the filter shows.
    pub fn shown(&self) -> PartShown {
        PartShown {
            lead: self.lead.is_some(),
            sections: self.sections.iter().map(Option::is_some).collect(),
        }
    }
}

impl EssayHits {
    /// The chapters and sub-sections shown.
    pub fn extent(&self) -> Extent {
        self.parts.iter().flatten().fold(Extent::default(), |e, p| {
            e.plus(Extent {
                chapters: 1,
                subsections: p.sections.iter().flatten().count(),
            })
        })
    }

    /// Which parts and sections the filter shows.
    pub fn shown(&self) -> Shown {
        Shown {
            parts: self
                .parts
                .iter()
                .map(|p| p.as_ref().map(PartHits::shown))
                .collect(),
        }
    }
}

/// How one field (a title, heading or paragraph) answers the query.
struct FieldMatch {
    /// For each clause: does any of its terms occur here?
    clauses: Vec<bool>,
    excluded: bool,
    /// Highlight ranges (original bytes), merged.
    marks: Vec<Range<usize>>,
}

fn match_field(folded: &Folded, query: &Query, tables: &Tables) -> FieldMatch {
    let mut chars: Vec<Range<usize>> = Vec::new();
    let mut clauses = Vec::with_capacity(query.clauses.len());
    for clause in &query.clauses {
        let mut any = false;
        for term in clause {
            let found = find(term, folded, tables);
            any |= !found.is_empty();
            chars.extend(found);
        }
        clauses.push(any);
    }
    let excluded = query
        .excluded
        .iter()
        .any(|t: &Term| !find(t, folded, tables).is_empty());
    let marks = merge(chars)
        .into_iter()
        .map(|r| folded.original(r))
        .collect();
    FieldMatch {
        clauses,
        excluded,
        marks: merge(marks),
    }
}

/// Is a section made of `fields` (part title included) shown?
fn shown(fields: &[&FieldMatch], query: &Query) -> bool {
    let all = (0..query.clauses.len()).all(|i| fields.iter().any(|f| f.clauses[i]));
    all && !fields.iter().any(|f| f.excluded)
}

pub fn filter_essay(index: &EssayIndex, query: &Query, tables: &Tables) -> EssayHits {
    let mut out = EssayHits::default();
    while filter_next_part(index, query, tables, &mut out) {}
    out
}

/// Search the next part of the essay that `out` lacks, and add what it
/// shows to `out`; `false` when there was none left (of those indexed). A
/// long essay is searched a few parts at a time.
pub fn filter_next_part(
    index: &EssayIndex,
    query: &Query,
    tables: &Tables,
    out: &mut EssayHits,
) -> bool {
    let Some(part) = index.parts.get(out.parts.len()) else {
        return false;
    };
    let title = match_field(&part.title, query, tables);
    let mut hits = PartHits::default();
    let mut any = false;

    if !part.lead.is_empty() {
        let paras: Vec<FieldMatch> = part
            .lead
            .iter()
            .map(|p| match_field(p, query, tables))
            .collect();
        let mut fields: Vec<&FieldMatch> = vec![&title];
        fields.extend(paras.iter());
        if shown(&fields, query) {
            any = true;
            hits.lead = Some(unit(Vec::new(), paras));
        }
    }
    for (heading, body) in &part.sections {
        let heading = match_field(heading, query, tables);
        let paras: Vec<FieldMatch> = body.iter().map(|p| match_field(p, query, tables)).collect();
        let mut fields: Vec<&FieldMatch> = vec![&title, &heading];
        fields.extend(paras.iter());
        if shown(&fields, query) {
            any = true;
            hits.sections.push(Some(unit(heading.marks, paras)));
        } else {
            hits.sections.push(None);
        }
    }
    if any {
        hits.hits = title.marks.len()
            + hits.lead.as_ref().map_or(0, |u| u.hits)
            + hits
                .sections
                .iter()
                .flatten()
                .map(|u| u.hits)
                .sum::<usize>();
        hits.title = title.marks;
        out.sections += usize::from(hits.lead.is_some()) + hits.sections.iter().flatten().count();
        out.hits += hits.hits;
        out.parts.push(Some(hits));
    } else {
        out.parts.push(None);
    }
    true
}

fn unit(heading: Vec<Range<usize>>, paras: Vec<FieldMatch>) -> UnitHits {
    let paragraphs: Vec<Vec<Range<usize>>> = paras.into_iter().map(|p| p.marks).collect();
    let hits = heading.len() + paragraphs.iter().map(Vec::len).sum::<usize>();
    UnitHits {
        heading,
        paragraphs,
        hits,
    }
}
