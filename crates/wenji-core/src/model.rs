//! The collection as the reader shows it: essays made of parts, each with an
//! optional lead and sub-sections.

/// Every essay of the collection, in the order their front matter states.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Collection {
    pub essays: Vec<Essay>,
}

impl Collection {
    /// The essay whose address (slug) is `slug`.
    pub fn essay(&self, slug: &str) -> Option<&Essay> {
        self.index_of(slug).map(|i| &self.essays[i])
    }

    /// The position of that essay in the collection.
    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.essays.iter().position(|e| e.slug == slug)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Essay {
    /// Address of the essay, taken from its file name (`content/<slug>.md`).
    pub slug: String,
    pub title: String,
    pub order: u32,
    pub facts: Facts,
    pub parts: Vec<Part>,
}

impl Essay {
    /// Ids of every foldable element (parts and sub-sections), in reading order.
    pub fn fold_ids(&self) -> Vec<&str> {
        // The essay's position does not matter for its own ids.
        self.places(0).map(|at| self.heading_at(at).0).collect()
    }

    /// Characters of the essay's text (its parts), white space not counted.
    pub fn counted_chars(&self) -> u32 {
        count_chars(self.plain_text().lines().skip(1))
    }

    /// The essay as plain text: title, then each part's title, lead
    /// paragraphs and sub-sections (`Section::paragraphs`), one paragraph a
    /// line.
    pub fn plain_text(&self) -> String {
        let mut lines = vec![self.title.clone()];
        for part in &self.parts {
            lines.push(part.title.clone());
            lines.extend(part.lead.iter().map(|p| p.text.clone()));
            for section in &part.sections {
                lines.extend(section.paragraphs().into_iter().map(|p| p.text));
            }
        }
        lines.join("\n")
    }
}

/// Characters of `texts` that are not white space: how an essay's or a
/// document's characters are counted when its file does not say.
pub fn count_chars<'a>(texts: impl IntoIterator<Item = &'a str>) -> u32 {
    let n: usize = texts
        .into_iter()
        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A document of another format than Markdown (plain text, Word), as the
/// reader of that format makes it, before it is an essay of a collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The title the document gives itself, if any.
    pub title: Option<String>,
    pub parts: Vec<Part>,
    /// Characters of its text, white space not counted (or as the file
    /// says).
    pub chars: u32,
    /// Pages, when the file says (a Word file's `docProps/app.xml`).
    pub pages: Option<u32>,
    /// When it was written, when the file says.
    pub published: Option<Date>,
    /// Who wrote it, when the file says (a Word file's `dc:creator`).
    pub author: Option<String>,
}

/// What is known of the original document. What a file does not say is
/// not known (`None`), never made up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// File format of the original, without the dot (`docx`).
    pub format: String,
    /// Approximate character count of the whole original (counted from the
    /// text when the file does not say).
    pub chars: u32,
    /// Approximate page count of the whole original.
    pub pages: Option<u32>,
    pub published: Option<Date>,
    pub region: Option<String>,
    pub author: Option<String>,
    /// The text is only the start of the original.
    pub excerpt: bool,
    /// Where it came from, in a collection made in the page (做成文集).
    pub origin: Option<Origin>,
}

/// Where an essay of a collection made in the page (做成文集) came from:
/// the reader's file, and the day the collection was made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub made: Date,
}

/// A calendar date, validated by the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date only if it exists in the Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }
}

impl Date {
    /// `2026-01-15`, if it is a date that exists.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.split('-');
        let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
            return None;
        };
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The title of a part made of text that has no heading of its own (text
/// before the first heading, or a document with none).
pub const UNTITLED_PART: &str = "正文";

/// A top-level part (`##`): the introduction or a chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub id: String,
    pub title: String,
    /// Paragraphs between the part's title and its first sub-section.
    pub lead: Vec<Paragraph>,
    pub sections: Vec<Section>,
}

/// A sub-section (`###`): its heading is the paragraph's opening sentence,
/// or a line of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: String,
    pub heading: String,
    pub form: HeadingForm,
    pub body: Vec<Paragraph>,
    /// Passages elsewhere in the collection that say something close,
    /// best first (found when the collection is built; none otherwise).
    pub related: Vec<RelatedPassage>,
}

/// A passage that says something close to a sub-section: where it is, and
/// the words the two share (what the reader sees marked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedPassage {
    pub place: Place,
    pub shared: Vec<String>,
}

/// How a sub-section's heading stands in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingForm {
    /// The opening sentence of its first paragraph (其一，…。 as the seed
    /// and Markdown's `###` write it).
    Opening,
    /// A line of its own (a Word heading, a `（一）` line).
    Alone,
}

impl Section {
    /// The paragraphs of the original text: an opening heading joined to
    /// the first paragraph (unless that is a lead-in line), a heading alone
    /// as a paragraph of its own.
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        let mut body = self.body.iter().peekable();
        let first = match (self.form, body.peek()) {
            (HeadingForm::Opening, Some(p)) if !p.is_lead_in() => {
                body.next().map(Paragraph::as_str)
            }
            _ => None,
        };
        let opening = format!("{}{}", self.heading, first.unwrap_or(""));
        std::iter::once(Paragraph::text(opening))
            .chain(body.cloned())
            .collect()
    }
}

/// A paragraph of an essay's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub kind: ParagraphKind,
}

/// What a paragraph is in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParagraphKind {
    /// Running text.
    #[default]
    Text,
    /// A heading deeper than the reader's two levels (a Word heading 3, a
    /// `（1）` inside a `（一）` sub-section, a Markdown `**…**` line): it
    /// stays in the text, shown bold, and folds nothing.
    LeadIn,
}

impl ParagraphKind {
    /// The class its `<p>` carries besides the place's own, if any.
    pub fn class(self) -> Option<&'static str> {
        match self {
            ParagraphKind::Text => None,
            ParagraphKind::LeadIn => Some("lead-in"),
        }
    }
}

impl Paragraph {
    pub fn text(text: impl Into<String>) -> Paragraph {
        Paragraph {
            text: text.into(),
            kind: ParagraphKind::Text,
        }
    }

    pub fn lead_in(text: impl Into<String>) -> Paragraph {
        Paragraph {
            text: text.into(),
            kind: ParagraphKind::LeadIn,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_lead_in(&self) -> bool {
        self.kind == ParagraphKind::LeadIn
    }
}

/// Running text: what tests and most builders make.
impl From<&str> for Paragraph {
    fn from(text: &str) -> Paragraph {
        Paragraph::text(text)
    }
}

/// Equal to running text with the same words (as `From<&str>` makes it).
impl PartialEq<&str> for Paragraph {
    fn eq(&self, text: &&str) -> bool {
        self.kind == ParagraphKind::Text && self.text == *text
    }
}

impl From<String> for Paragraph {
    fn from(text: String) -> Paragraph {
        Paragraph::text(text)
    }
}

/// Where a part or sub-section is in a collection: what the copy buttons,
/// the search's hits and the folding all point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    /// The essay's position in the collection.
    pub essay: usize,
    /// The part's position in the essay.
    pub part: usize,
    /// The sub-section's position in the part; none for the part itself.
    pub section: Option<usize>,
}

/// What a heading folds: a whole part, or one of its sub-sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folds {
    Part,
    Section,
}

impl Folds {
    /// The class of its `<section>` (and, with `-body`, of its body).
    pub fn class(self) -> &'static str {
        match self {
            Folds::Part => "part",
            Folds::Section => "sub",
        }
    }

    /// How the copy buttons name it (本部分, 本节).
    pub fn named(self) -> &'static str {
        match self {
            Folds::Part => "本部分",
            Folds::Section => "本节",
        }
    }
}

impl Place {
    pub fn part(essay: usize, part: usize) -> Place {
        Place {
            essay,
            part,
            section: None,
        }
    }

    pub fn section(essay: usize, part: usize, section: usize) -> Place {
        Place {
            essay,
            part,
            section: Some(section),
        }
    }

    pub fn folds(self) -> Folds {
        match self.section {
            None => Folds::Part,
            Some(_) => Folds::Section,
        }
    }
}

impl Essay {
    /// Every part and sub-section of this essay (essay `essay` of its
    /// collection), in reading order.
    pub fn places(&self, essay: usize) -> impl Iterator<Item = Place> + '_ {
        self.parts.iter().enumerate().flat_map(move |(p, part)| {
            std::iter::once(Place::part(essay, p))
                .chain((0..part.sections.len()).map(move |s| Place::section(essay, p, s)))
        })
    }

    /// Where the part or sub-section with id `id` is in this essay (essay
    /// `essay` of its collection).
    pub fn place_of(&self, essay: usize, id: &str) -> Option<Place> {
        self.parts.iter().enumerate().find_map(|(p, part)| {
            if part.id == id {
                return Some(Place::part(essay, p));
            }
            let s = part.sections.iter().position(|s| s.id == id)?;
            Some(Place::section(essay, p, s))
        })
    }

    /// The text of the part's lead (for a part) or of the sub-section at
    /// `place`, its paragraphs run together: what a related passage is.
    pub fn text_at(&self, place: Place) -> String {
        let part = &self.parts[place.part];
        match place.section {
            None => part.lead.iter().map(Paragraph::as_str).collect(),
            Some(s) => part.sections[s]
                .paragraphs()
                .iter()
                .map(Paragraph::as_str)
                .collect(),
        }
    }

    /// The id (its fragment on the essay's page) and heading text of the
    /// part or sub-section at `place` in this essay.
    pub fn heading_at(&self, place: Place) -> (&str, &str) {
        let part = &self.parts[place.part];
        match place.section {
            None => (&part.id, &part.title),
            Some(s) => (&part.sections[s].id, &part.sections[s].heading),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_outside_the_calendar_are_refused() {
        assert!(Date::new(2026, 1, 15).is_some());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2026, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2026, 4, 31).is_none());
        assert!(Date::new(2026, 13, 1).is_none());
        assert!(Date::new(2026, 0, 1).is_none());
        assert!(Date::new(2026, 1, 0).is_none());
    }

    #[test]
    fn date_displays_as_iso() {
        assert_eq!(Date::new(2026, 1, 5).unwrap().to_string(), "2026-01-05");
    }

    #[test]
    fn places_are_found_by_id_and_name_their_heading() {
        let part = |id: &str, subs: &[&str]| Part {
            id: id.into(),
            title: format!("{id}标题"),
            lead: vec![],
            sections: subs
                .iter()
                .map(|s| Section {
                    related: Vec::new(),
                    id: (*s).into(),
                    heading: format!("{s}。"),
                    form: HeadingForm::Opening,
                    body: vec![],
                })
                .collect(),
        };
        let essay = crate::fixtures::essay(
            "e",
            "e",
            vec![part("甲", &["甲-一"]), part("乙", &["乙-一", "乙-二"])],
        );
        let at = essay.place_of(3, "乙-二").expect("found");
        assert_eq!(at, Place::section(3, 1, 1));
        assert_eq!(at.folds(), Folds::Section);
        assert_eq!(essay.heading_at(at), ("乙-二", "乙-二。"));
        let part = essay.place_of(3, "乙").expect("found");
        assert_eq!((part, part.folds()), (Place::part(3, 1), Folds::Part));
        assert_eq!(essay.heading_at(part), ("乙", "乙标题"));
        assert_eq!(essay.place_of(3, "丙"), None);
        let ids: Vec<&str> = essay.places(3).map(|at| essay.heading_at(at).0).collect();
        assert_eq!(ids, essay.fold_ids());
    }
}
