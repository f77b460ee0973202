//! The collection as static data files, read by the app at start-up instead
//! of being compiled into it: adding an essay changes only data files, never
//! the wasm, and no string exists both as code and as data.
//!
//! Two kinds of file, both UTF-8 text, one record a line, fields separated
//! by tabs (the same idea as Pagefind's index and chunks):
//!
//! - the **index** (small, needed first): the format's version, the search
//!   tables, the names of the text chunks, and one line of facts per essay
//!   with the chunk that holds its text (and, in a collection made in the
//!   page, the file it came from and the day). The list of essays needs nothing
//!   else, so it is interactive before any text has arrived.
//! - **chunks** of essay text, a few hundred KB each, in collection order:
//!   `T` opens an essay (its position), then its parts (`P`), lead
//!   paragraphs (`L`), sub-sections (`S`, or `A` when the heading is a
//!   line of its own) and their paragraphs (`B`); a
//!   lead-in line (`I`) belongs to the sub-section open, else to the lead;
//!   a related passage (`R`: essay, part, sub-section or empty, the shared
//!   words separated by spaces) belongs to the sub-section open.
//!
//! A field escapes `\`, tab, line ends and `<` (as `\\`, `\t`, `\n`, `\r`,
//! `\l`), so a file can go inside an HTML `<script type="text/plain">`
//! verbatim: the single-file build carries the data that way.

use std::fmt;

use crate::model::{
    Collection, Date, Essay, Facts, HeadingForm, Origin, Paragraph, ParagraphKind, Part, Place,
    RelatedPassage, Section,
};

/// First line of every index; a different version is refused (4: an
/// essay's facts end with its origin, the file and the day a collection
/// made in the page took it in).
pub const INDEX_HEADER: &str = "wenji-index 4";
/// First line of every chunk.
pub const CHUNK_HEADER: &str = "wenji-text 2";
/// A chunk is closed once it holds at least this many bytes of text.
pub const CHUNK_TARGET_BYTES: usize = 256 * 1024;

/// What the index holds: every essay without its parts, where the parts are,
/// and the search tables (opaque here: `wenji-search` reads them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    /// Essays in collection order, `parts` empty.
    pub essays: Vec<Essay>,
    /// For each essay, the chunk (position in `chunks`) holding its text.
    pub chunk_of: Vec<usize>,
    /// File names of the chunks, in order.
    pub chunks: Vec<String>,
    pub tables: SearchTables,
}

/// The search tables as the data files carry them: opaque text that
/// `wenji-search` writes and reads (`Tables::to_compact`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchTables {
    /// How characters fold.
    pub fold: String,
    /// The pinyin readings of characters.
    pub readings: String,
    /// The words the text holds (empty in an index written before they
    /// were).
    pub words: String,
}

impl Index {
    /// The collection of essays without their text.
    pub fn collection(&self) -> Collection {
        Collection {
            essays: self.essays.clone(),
        }
    }

    /// The essays (positions) whose text is in chunk `chunk`.
    pub fn essays_in(&self, chunk: usize) -> impl Iterator<Item = usize> + '_ {
        self.chunk_of
            .iter()
            .enumerate()
            .filter(move |(_, c)| **c == chunk)
            .map(|(i, _)| i)
    }
}

/// A data file that cannot be read: which line and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The essays of `collection` split into chunks of about `target` bytes:
/// the positions of the essays in each chunk, in order.
pub fn plan_chunks(collection: &Collection, target: usize) -> Vec<Vec<usize>> {
    let mut chunks = vec![Vec::new()];
    let mut bytes = 0;
    for (i, essay) in collection.essays.iter().enumerate() {
        if bytes >= target {
            chunks.push(Vec::new());
            bytes = 0;
        }
        chunks.last_mut().expect("never empty").push(i);
        bytes += crate::window::text_bytes(&essay.parts);
    }
    chunks
}

/// The record tag of a paragraph: its kind, and for running text whether it
/// is a part's lead (`L`) or a sub-section's (`B`).
fn paragraph_tag(p: &Paragraph, lead: bool) -> &'static str {
    match (p.kind, lead) {
        (ParagraphKind::LeadIn, _) => "I",
        (ParagraphKind::Text, true) => "L",
        (ParagraphKind::Text, false) => "B",
    }
}

/// The text of the essays `members` of `collection`, as one chunk.
pub fn encode_chunk(collection: &Collection, members: &[usize]) -> String {
    let mut out = String::from(CHUNK_HEADER);
    out.push('\n');
    for &i in members {
        record(&mut out, "T", &[&i.to_string()]);
        for part in &collection.essays[i].parts {
            record(&mut out, "P", &[&part.id, &part.title]);
            for lead in &part.lead {
                record(&mut out, paragraph_tag(lead, true), &[&lead.text]);
            }
            for s in &part.sections {
                let tag = match s.form {
                    HeadingForm::Opening => "S",
                    HeadingForm::Alone => "A",
                };
                record(&mut out, tag, &[&s.id, &s.heading]);
                for p in &s.body {
                    record(&mut out, paragraph_tag(p, false), &[&p.text]);
                }
                for r in &s.related {
                    let section = r.place.section.map(|s| s.to_string()).unwrap_or_default();
                    record(
                        &mut out,
                        "R",
                        &[
                            &r.place.essay.to_string(),
                            &r.place.part.to_string(),
                            &section,
                            &r.shared.join(" "),
                        ],
                    );
                }
            }
        }
    }
    out
}

/// The index of `collection` whose text is in `chunks` (the plan) named
/// `names`, with the search tables.
pub fn encode_index(
    collection: &Collection,
    chunks: &[Vec<usize>],
    names: &[String],
    tables: &SearchTables,
) -> String {
    let mut chunk_of = vec![0; collection.essays.len()];
    for (c, members) in chunks.iter().enumerate() {
        for &i in members {
            chunk_of[i] = c;
        }
    }
    let mut out = String::from(INDEX_HEADER);
    out.push('\n');
    record(&mut out, "F", &[&tables.fold]);
    record(&mut out, "R", &[&tables.readings]);
    record(&mut out, "W", &[&tables.words]);
    for name in names {
        record(&mut out, "C", &[name]);
    }
    for (e, chunk) in collection.essays.iter().zip(chunk_of) {
        let f = &e.facts;
        record(
            &mut out,
            "E",
            &[
                &e.slug,
                &e.title,
                &e.order.to_string(),
                &f.format,
                &f.chars.to_string(),
                // An empty field: not known.
                &f.pages.map(|p| p.to_string()).unwrap_or_default(),
                &f.published.map(|d| d.to_string()).unwrap_or_default(),
                f.region.as_deref().unwrap_or_default(),
                f.author.as_deref().unwrap_or_default(),
                if f.excerpt { "1" } else { "0" },
                &chunk.to_string(),
                f.origin.as_ref().map_or("", |o| o.file.as_str()),
                &f.origin
                    .as_ref()
                    .map(|o| o.made.to_string())
                    .unwrap_or_default(),
            ],
        );
    }
    out
}

pub(crate) fn record(out: &mut String, tag: &str, fields: &[&str]) {
    out.push_str(tag);
    for f in fields {
        out.push('\t');
        escape_into(out, f);
    }
    out.push('\n');
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '<' => out.push_str("\\l"),
            c => out.push(c),
        }
    }
}

fn unescape(s: &str, line: usize) -> Result<String, DataError> {
    if !s.contains('\\') {
        return Ok(s.to_owned());
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next() {
            Some('\\') => '\\',
            Some('t') => '\t',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('l') => '<',
            other => {
                return Err(err(
                    line,
                    format!("bad escape `\\{}`", other.unwrap_or(' ')),
                ))
            }
        });
    }
    Ok(out)
}

fn err(line: usize, message: impl Into<String>) -> DataError {
    DataError {
        line,
        message: message.into(),
    }
}

/// A line of a data file: its number, tag and unescaped fields.
pub(crate) type Record<'a> = (usize, &'a str, Vec<String>);

/// The lines of a data file after its header, numbered from 2.
pub(crate) fn records<'a>(
    text: &'a str,
    header: &'static str,
) -> Result<impl Iterator<Item = Result<Record<'a>, DataError>> + 'a, DataError> {
    let mut lines = text.lines();
    if lines.next() != Some(header) {
        return Err(err(1, format!("not a `{header}` file")));
    }
    Ok(lines
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(n, l)| {
            let line = n + 2;
            let mut fields = l.split('\t');
            let tag = fields.next().unwrap_or("");
            let fields = fields
                .map(|f| unescape(f, line))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((line, tag, fields))
        }))
}

pub(crate) fn expect_fields(
    line: usize,
    tag: &str,
    fields: &[String],
    n: usize,
) -> Result<(), DataError> {
    if fields.len() == n {
        Ok(())
    } else {
        Err(err(
            line,
            format!("`{tag}` needs {n} fields, found {}", fields.len()),
        ))
    }
}

/// One parse routine for every integer type (one copy in the wasm).
pub(crate) fn number<T: TryFrom<u64>>(line: usize, s: &str) -> Result<T, DataError> {
    s.parse::<u64>()
        .ok()
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| err(line, format!("`{s}` is not a number")))
}

fn date(line: usize, s: &str) -> Result<Date, DataError> {
    Date::parse(s).ok_or_else(|| err(line, format!("`{s}` is not a date")))
}

/// An optional field: empty when not known.
fn known<T>(
    s: &str,
    read: impl FnOnce(&str) -> Result<T, DataError>,
) -> Result<Option<T>, DataError> {
    if s.is_empty() {
        Ok(None)
    } else {
        read(s).map(Some)
    }
}

pub fn decode_index(text: &str) -> Result<Index, DataError> {
    let mut index = Index {
        essays: Vec::new(),
        chunk_of: Vec::new(),
        chunks: Vec::new(),
        tables: SearchTables::default(),
    };
    for r in records(text, INDEX_HEADER)? {
        let (line, tag, mut f) = r?;
        match tag {
            "F" => {
                expect_fields(line, tag, &f, 1)?;
                index.tables.fold = f.remove(0);
            }
            "R" => {
                expect_fields(line, tag, &f, 1)?;
                index.tables.readings = f.remove(0);
            }
            "W" => {
                expect_fields(line, tag, &f, 1)?;
                index.tables.words = f.remove(0);
            }
            "C" => {
                expect_fields(line, tag, &f, 1)?;
                index.chunks.push(f.remove(0));
            }
            "E" => {
                expect_fields(line, tag, &f, 13)?;
                let origin = match f[11].is_empty() {
                    true => None,
                    false => Some(Origin {
                        made: date(line, &f[12])?,
                        file: std::mem::take(&mut f[11]),
                    }),
                };
                let chunk: usize = number(line, &f[10])?;
                if chunk >= index.chunks.len() {
                    return Err(err(line, format!("no chunk {chunk}")));
                }
                index.chunk_of.push(chunk);
                index.essays.push(Essay {
                    order: number(line, &f[2])?,
                    facts: Facts {
                        chars: number(line, &f[4])?,
                        pages: known(&f[5], |s| number(line, s))?,
                        published: known(&f[6], |s| date(line, s))?,
                        excerpt: f[9] == "1",
                        region: known(&f[7], |s| Ok(s.to_owned()))?,
                        author: known(&f[8], |s| Ok(s.to_owned()))?,
                        format: std::mem::take(&mut f[3]),
                        origin,
                    },
                    title: std::mem::take(&mut f[1]),
                    slug: std::mem::take(&mut f[0]),
                    parts: Vec::new(),
                });
            }
            other => return Err(err(line, format!("unknown record `{other}`"))),
        }
    }
    Ok(index)
}

/// The essays of a chunk: each essay's position and its parts.
pub fn decode_chunk(text: &str) -> Result<Vec<(usize, Vec<Part>)>, DataError> {
    let mut out: Vec<(usize, Vec<Part>)> = Vec::new();
    for r in records(text, CHUNK_HEADER)? {
        let (line, tag, mut f) = r?;
        let n = match tag {
            "T" | "L" | "B" | "I" => 1,
            "P" | "S" | "A" => 2,
            "R" => 4,
            other => return Err(err(line, format!("unknown record `{other}`"))),
        };
        expect_fields(line, tag, &f, n)?;
        if tag == "T" {
            out.push((number(line, &f[0])?, Vec::new()));
            continue;
        }
        let Some((_, parts)) = out.last_mut() else {
            return Err(err(line, "text before any essay"));
        };
        if tag == "P" {
            parts.push(Part {
                title: f.pop().unwrap_or_default(),
                id: f.pop().unwrap_or_default(),
                lead: Vec::new(),
                sections: Vec::new(),
            });
            continue;
        }
        let Some(part) = parts.last_mut() else {
            return Err(err(line, "text before any part"));
        };
        match tag {
            "L" if part.sections.is_empty() => part.lead.push(Paragraph::text(f.remove(0))),
            "L" => return Err(err(line, "a lead after a sub-section")),
            "I" => {
                let p = Paragraph::lead_in(f.remove(0));
                match part.sections.last_mut() {
                    Some(s) => s.body.push(p),
                    None => part.lead.push(p),
                }
            }
            "S" | "A" => part.sections.push(Section {
                related: Vec::new(),
                heading: f.pop().unwrap_or_default(),
                id: f.pop().unwrap_or_default(),
                form: if tag == "A" {
                    HeadingForm::Alone
                } else {
                    HeadingForm::Opening
                },
                body: Vec::new(),
            }),
            "R" => {
                let Some(s) = part.sections.last_mut() else {
                    return Err(err(line, "a related passage before any sub-section"));
                };
                let place = Place {
                    essay: number(line, &f[0])?,
                    part: number(line, &f[1])?,
                    section: match f[2].as_str() {
                        "" => None,
                        n => Some(number(line, n)?),
                    },
                };
                let shared = f[3].split(' ').filter(|w| !w.is_empty());
                s.related.push(RelatedPassage {
                    place,
                    shared: shared.map(str::to_owned).collect(),
                });
            }
            _ => match part.sections.last_mut() {
                Some(s) => s.body.push(Paragraph::text(f.remove(0))),
                None => return Err(err(line, "a paragraph before any sub-section")),
            },
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::essay;

    fn sample() -> Collection {
        let part = |id: &str, sections: Vec<Section>| Part {
            id: id.into(),
            title: format!("{id}：标题"),
            lead: vec![
                "导语\t有制表符".into(),
                Paragraph::lead_in("（1）导语里的小标题"),
                "第二段 <b>不是标签</b> \\ 反斜杠".into(),
            ],
            sections,
        };
        let sub = |id: &str| Section {
            related: vec![
                RelatedPassage {
                    place: Place::section(2, 0, 1),
                    shared: vec!["学深悟透".into(), "倾听".into()],
                },
                RelatedPassage {
                    place: Place::part(0, 3),
                    shared: vec![],
                },
            ],
            id: id.into(),
            heading: "其一，换行\n与回车\r。".into(),
            form: if id == "x" {
                HeadingForm::Alone
            } else {
                HeadingForm::Opening
            },
            body: vec![
                "正文".into(),
                String::new().into(),
                Paragraph::lead_in("1. 正文里的\t小标题"),
                "</script> 结尾".into(),
            ],
        };
        let mut b = essay(
            "b",
            "第二篇 <i>",
            vec![part("篇章一", vec![sub("篇章一-其一")])],
        );
        b.order = 2;
        b.facts.excerpt = false;
        b.facts.region = Some("贵州\t省".into());
        // What the file did not say stays unknown through the data files.
        b.facts.pages = None;
        b.facts.published = None;
        b.facts.author = Some("张\t三".into());
        // Made in the page: where it came from.
        b.facts.origin = Some(Origin {
            file: "调研\t报告 <1>.docx".into(),
            made: Date::new(2026, 12, 4).unwrap(),
        });
        Collection {
            essays: vec![
                essay(
                    "a",
                    "第一篇",
                    vec![part("引言", vec![]), part("篇章一", vec![sub("x")])],
                ),
                b,
                essay("c", "第三篇", vec![]),
            ],
        }
    }

    #[test]
    fn a_collection_survives_the_round_trip_whatever_its_text() {
        let c = sample();
        let plan = plan_chunks(&c, 1);
        assert_eq!(plan, vec![vec![0], vec![1], vec![2]]);
        let names: Vec<String> = (0..3).map(|i| format!("t{i}.txt")).collect();
        let tables = SearchTables {
            fold: "a\tb\n".into(),
            readings: "中 zhong\n".into(),
            words: "政治k\n".into(),
        };
        let index = decode_index(&encode_index(&c, &plan, &names, &tables)).unwrap();
        assert_eq!(index.chunks, names);
        assert_eq!(index.chunk_of, vec![0, 1, 2]);
        assert_eq!(index.tables, tables);
        let mut back = index.collection();
        for (k, members) in plan.iter().enumerate() {
            let text = encode_chunk(&c, members);
            assert!(!text.contains('<'), "safe inside a <script>: {text}");
            assert_eq!(index.essays_in(k).collect::<Vec<_>>(), *members);
            for (i, parts) in decode_chunk(&text).unwrap() {
                back.essays[i].parts = parts;
            }
        }
        assert_eq!(back, c);
    }

    #[test]
    fn small_essays_share_a_chunk() {
        let c = sample();
        assert_eq!(plan_chunks(&c, CHUNK_TARGET_BYTES), vec![vec![0, 1, 2]]);
        assert_eq!(
            plan_chunks(&Collection::default(), 10),
            vec![Vec::<usize>::new()]
        );
    }

    #[test]
    fn a_damaged_file_is_refused_with_its_line() {
        assert_eq!(decode_index("x").unwrap_err().line, 1);
        let bad = format!("{INDEX_HEADER}\nC\tt.txt\nE\ta\tb\t1\n");
        let e = decode_index(&bad).unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (3, "`E` needs 13 fields, found 3")
        );
        let bad = format!(
            "{INDEX_HEADER}\nC\tt.txt\nE\ta\tb\t1\tdocx\t1\t1\t2026-02-30\tx\t\t0\t0\t\t\n"
        );
        assert!(decode_index(&bad)
            .unwrap_err()
            .message
            .contains("2026-02-30"));
        let bad = format!("{CHUNK_HEADER}\nT\t0\nS\tx\ty\n");
        assert_eq!(
            decode_chunk(&bad).unwrap_err().message,
            "text before any part"
        );
        let bad = format!("{CHUNK_HEADER}\nT\t0\nP\tx\ty\nL\tz\\q\n");
        assert_eq!(decode_chunk(&bad).unwrap_err().line, 4);
        let bad = format!("{CHUNK_HEADER}\nQ\t1\n");
        assert!(decode_chunk(&bad).is_err());
    }
}
