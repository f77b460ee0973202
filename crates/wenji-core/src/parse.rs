//! Content files: one Markdown file per essay, with TOML front matter
//! (or YAML, as other tools write it: `front_matter`).
//!
//! ```text
//! +++
//! title = "…"
//! order = 1
//! format = "docx"
//! chars = 2490
//! pages = 6
//! published = 2026-01-15
//! region = "云南"
//! excerpt = true
//! +++
//!
//! ## 引言：…          a part
//! lead paragraph      (optional)
//! ### 其一，…。       a sub-section; its heading is the opening sentence
//! rest of the paragraph
//! ```
//!
//! Body text is plain text: it is never interpreted as HTML or inline
//! Markdown. Every error names the file and the line, the rule and what to
//! write instead. What has one sensible reading is read so, with a warning
//! that says how (`Loaded::warnings`): text before the first `##` or a file
//! with no `##` becomes a part titled 正文, a `####` heading a lead-in
//! line, an empty part or sub-section a heading without text. What could be
//! meant two ways (a second title, two parts of one name, an unknown field)
//! stays an error.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::front_matter::{self, Given, Mode};
use crate::ids;
use crate::model::{
    Collection, Document, Essay, Facts, HeadingForm, Paragraph, Part, Section, UNTITLED_PART,
};

/// A content problem, located by file and 1-based line. The same shape
/// says what the build let pass (a warning): what it read, and what to
/// write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// The extension of a document's sidecar: `心得.toml` beside `心得.docx`
/// sets or overrides its facts and order, as a front matter does.
pub const SIDECAR: &str = "toml";

/// What a document's sidecar (`file`, its bytes) gives.
pub fn read_sidecar(file: &str, bytes: &[u8]) -> Result<Given, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ParseError {
        file: file.to_owned(),
        line: 1,
        message: "the file is not valid UTF-8: save it as UTF-8".into(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    front_matter::read_sidecar(file, &lines)
}

/// One file of a content folder read (by the importer, which reads the
/// folder), before the collection's order is settled.
pub struct LoadedFile {
    /// The file, as errors name it.
    pub file: String,
    pub essay: Essay,
    /// The order the file asks for, if it does.
    pub order: Option<u32>,
}

/// A collection read, and what the build let pass in it.
#[derive(Debug)]
pub struct Loaded {
    pub collection: Collection,
    /// Each names its file and line, what was read and what to write.
    pub warnings: Vec<ParseError>,
}

/// One Markdown essay parsed: the order it asks for, and what was let pass.
#[derive(Debug)]
pub struct Parsed {
    pub essay: Essay,
    pub order: Option<u32>,
    pub warnings: Vec<ParseError>,
}

/// The collection of the files of folder `folder` (as errors name it),
/// read by the importer (`wenji_import::load_collection`): `loaded`, what
/// could not be read (`errors`) and what was let pass (`warnings`). Checks
/// what only the whole folder shows (an empty folder, two files asking for
/// one order or one address) and settles the order: files that ask for no
/// `order` come after those that do, in the order given. All errors of all
/// files are returned, not only the first.
pub fn assemble(
    folder: &str,
    loaded: Vec<LoadedFile>,
    mut errors: Vec<ParseError>,
    warnings: Vec<ParseError>,
) -> Result<Loaded, Vec<ParseError>> {
    if loaded.is_empty() && errors.is_empty() {
        errors.push(ParseError {
            file: folder.to_owned(),
            line: 0,
            message: "the content folder holds no essay: put a .md, .txt or .docx file in it"
                .into(),
        });
    }

    let mut by_order: HashMap<u32, &str> = HashMap::new();
    for l in &loaded {
        if let Some(order) = l.order {
            if let Some(other) = by_order.insert(order, &l.file) {
                errors.push(ParseError {
                    file: l.file.clone(),
                    line: order_line(&l.file),
                    message: format!(
                        "order {order} is already used by {other}: give each essay its own order, \
                         or leave it out to follow those that have one"
                    ),
                });
            }
        }
    }
    let mut slugs: HashMap<&str, &str> = HashMap::new();
    for l in &loaded {
        if let Some(other) = slugs.insert(&l.essay.slug, &l.file) {
            errors.push(ParseError {
                file: l.file.clone(),
                line: 0,
                message: format!(
                    "its address `{}` is already that of {other}: rename one of the files",
                    l.essay.slug
                ),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let next = loaded.iter().filter_map(|l| l.order).max().unwrap_or(0);
    let mut essays: Vec<Essay> = Vec::with_capacity(loaded.len());
    let mut unordered = 0;
    for mut l in loaded {
        l.essay.order = match l.order {
            Some(o) => o,
            None => {
                unordered += 1;
                next.saturating_add(unordered)
            }
        };
        essays.push(l.essay);
    }
    essays.sort_by_key(|e| e.order);
    Ok(Loaded {
        collection: Collection { essays },
        warnings,
    })
}

/// An essay from a document of another format (`ext`) with nothing given
/// beside it: a file a reader opens in the page.
pub fn essay_from_document(stem: &str, ext: &str, doc: Document) -> Essay {
    imported_essay(stem, ext, doc, Given::default())
}

/// An essay from a document and what is given beside it: a sidecar's
/// facts (a document of `content/`), or a front matter (a Markdown file a
/// reader opens in the page, read leniently).
pub fn essay_from_document_with(stem: &str, ext: &str, doc: Document, given: Given) -> Essay {
    imported_essay(stem, ext, doc, given)
}

/// An essay from a document of another format: what its sidecar gives
/// (`given`) first, else what the document says, else its file's name for
/// a title; its address the file's name when that can be one, else one
/// made from it.
fn imported_essay(stem: &str, ext: &str, doc: Document, given: Given) -> Essay {
    let slug = if is_valid_slug(stem) {
        stem.to_owned()
    } else {
        // Eight hex digits are plenty for the documents of one folder.
        format!("doc-{:08x}", crate::ids::name_hash(stem.as_bytes()) as u32)
    };
    Essay {
        slug,
        title: given
            .title
            .or(doc.title)
            .unwrap_or_else(|| stem.trim().to_owned()),
        order: 0,
        facts: Facts {
            format: given.format.unwrap_or_else(|| ext.to_owned()),
            chars: given.chars.unwrap_or(doc.chars),
            pages: given.pages.or(doc.pages),
            published: given.published.or(doc.published),
            region: given.region,
            author: given.author.or(doc.author),
            excerpt: given.excerpt.unwrap_or(false),
            origin: None,
        },
        parts: doc.parts,
    }
}

/// Line of the `order` field in a file that parsed, for the duplicate check.
fn order_line(path: &str) -> usize {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| {
            s.lines()
                .position(|l| l.trim_start().starts_with("order"))
                .map(|i| i + 1)
        })
        .unwrap_or(2)
}

/// Parse one Markdown essay of `content/` (`file`, its bytes), addressed
/// by its file name (`stem`).
pub fn parse_file(file: &str, stem: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    let source = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        ParseError {
            file: file.into(),
            line,
            message: "the file is not valid UTF-8: save it as UTF-8".into(),
        }
    })?;
    parse_essay(file, stem, source)
}

/// Parse one essay of `content/`, and the order it asks for. `slug`
/// becomes its address and must be made of lower-case ASCII letters,
/// digits and `-`.
pub fn parse_essay(file: &str, slug: &str, source: &str) -> Result<Parsed, ParseError> {
    let err = |line: usize, message: String| ParseError {
        file: file.into(),
        line,
        message,
    };
    if !is_valid_slug(slug) {
        return Err(err(
            1,
            format!(
                "file name `{slug}` must be lower-case ASCII letters, digits and `-`, \
                 since it becomes the essay's address: rename the file"
            ),
        ));
    }
    // A BOM or Windows line ends are harmless: accept them.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines: Vec<&str> = source
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();

    // The front matter is optional: without it, the body starts at once.
    let front_matter::Front {
        given: front,
        body_start,
        mut warnings,
    } = front_matter::read(file, &lines, Mode::Strict)?;
    if front.split.is_some() {
        let line = lines
            .iter()
            .position(|l| l.trim_start().starts_with("split"))
            .map_or(2, |i| i + 1);
        return Err(err(
            line,
            "`split` is for the sidecar of a .docx or .txt file, not for Markdown: \
             remove it"
                .into(),
        ));
    }

    // A leading `# title` line names the essay when the front matter does
    // not.
    let mut first = body_start;
    while lines.get(first).is_some_and(|l| l.trim().is_empty()) {
        first += 1;
    }
    let heading_title = lines
        .get(first)
        .and_then(|l| l.trim().strip_prefix("# "))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    let body_from = if heading_title.is_some() && front.title.is_none() {
        first + 1
    } else {
        body_start
    };
    let parts = parse_body(&lines, body_from, &err, &mut warnings)?;
    let title = front
        .title
        .or(heading_title.filter(|_| body_from > body_start))
        .unwrap_or_else(|| slug.to_owned());
    let mut essay = Essay {
        slug: slug.into(),
        title,
        order: front.order.unwrap_or(0),
        facts: Facts {
            format: front.format.unwrap_or_else(|| "md".into()),
            chars: 0,
            pages: front.pages,
            published: front.published,
            region: front.region,
            author: front.author,
            excerpt: front.excerpt.unwrap_or(false),
            origin: None,
        },
        parts,
    };
    essay.facts.chars = front.chars.unwrap_or_else(|| essay.counted_chars());
    Ok(Parsed {
        essay,
        order: front.order,
        warnings,
    })
}

fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A part while it is being read, with the line of its heading.
struct OpenPart {
    line: usize,
    part: Part,
    /// Line of the heading of each sub-section, for "empty" warnings.
    section_lines: Vec<usize>,
}

/// The parts being read, and what was let pass on the way.
struct Body<'a> {
    parts: Vec<OpenPart>,
    err: &'a dyn Fn(usize, String) -> ParseError,
    warnings: &'a mut Vec<ParseError>,
}

impl Body<'_> {
    fn warn(&mut self, line: usize, message: String) {
        self.warnings.push((self.err)(line, message));
    }

    /// The part text goes into: the last one, or, before any `##`, a part
    /// titled 正文 (said once, at the line that needed it).
    fn current(&mut self, line: usize, what: &str) -> &mut OpenPart {
        if self.parts.is_empty() {
            self.warn(
                line,
                format!(
                    "{what} before the first `##` part: it is read as a part titled \
                     {UNTITLED_PART}; write a `## …` heading above it to name the part"
                ),
            );
            self.parts.push(OpenPart {
                line,
                part: Part {
                    id: ids::part_id(UNTITLED_PART, 0),
                    title: UNTITLED_PART.to_owned(),
                    lead: Vec::new(),
                    sections: Vec::new(),
                },
                section_lines: Vec::new(),
            });
        }
        let last = self.parts.len() - 1;
        &mut self.parts[last]
    }

    fn push(&mut self, line: usize, paragraph: Paragraph) {
        let open = self.current(line, "text");
        match open.part.sections.last_mut() {
            Some(section) => section.body.push(paragraph),
            None => open.part.lead.push(paragraph),
        }
    }

    /// The last part is done: an empty one, or an empty last sub-section,
    /// is kept as a heading without text, and said.
    fn close_part(&mut self) {
        self.close_section();
        let Some(open) = self.parts.last() else {
            return;
        };
        if open.part.lead.is_empty() && open.part.sections.is_empty() {
            let (line, title) = (open.line, open.part.title.clone());
            self.warn(
                line,
                format!(
                    "part `{title}` is empty: it is kept as a heading without text; \
                     write its text under it, or remove the heading"
                ),
            );
        }
    }

    fn close_section(&mut self) {
        let Some(open) = self.parts.last_mut() else {
            return;
        };
        let line = *open.section_lines.last().unwrap_or(&open.line);
        let Some(section) = open.part.sections.last_mut() else {
            return;
        };
        if section.body.is_empty() {
            // Nothing to open: a heading of its own.
            section.form = HeadingForm::Alone;
            let heading = section.heading.clone();
            self.warn(
                line,
                format!(
                    "sub-section `{heading}` has no text under its heading: it is kept as a \
                     heading alone; write its text under it, or remove the heading"
                ),
            );
        }
    }
}

fn parse_body(
    lines: &[&str],
    first: usize,
    err: &dyn Fn(usize, String) -> ParseError,
    warnings: &mut Vec<ParseError>,
) -> Result<Vec<Part>, ParseError> {
    let mut body = Body {
        parts: Vec::new(),
        err,
        warnings,
    };
    let mut paragraph: Option<(usize, String)> = None;
    let mut titles: HashMap<String, usize> = HashMap::new();

    for (index, raw) in lines.iter().enumerate().skip(first) {
        let line_no = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut body, &mut paragraph);
            continue;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        let is_heading = hashes > 0
            && line[hashes..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        if !is_heading {
            match &mut paragraph {
                Some((_, text)) => join_line(text, line),
                None => paragraph = Some((line_no, line.to_owned())),
            }
            continue;
        }
        flush(&mut body, &mut paragraph);
        let title = line[hashes..].trim().to_owned();
        match hashes {
            1 => {
                return Err(err(
                    line_no,
                    "a `#` heading below the start: an essay has one title (its first line \
                     `# …`, or `title` in the front matter); write `##` to make this a part"
                        .into(),
                ))
            }
            2 => {
                if title.is_empty() {
                    return Err(err(
                        line_no,
                        "a `##` part has no title: write it after the `## `".into(),
                    ));
                }
                body.close_part();
                if let Some(first_line) = titles.insert(title.clone(), line_no) {
                    return Err(err(
                        line_no,
                        format!(
                            "two parts have the same title `{title}` (also on line {first_line}): \
                             their links would be one; rename one of them"
                        ),
                    ));
                }
                let id = ids::part_id(&title, body.parts.len());
                if let Some(other) = body.parts.iter().find(|p| p.part.id == id) {
                    return Err(err(
                        line_no,
                        format!(
                            "part `{title}` gets the id `{id}`, already taken by the part on line {}: \
                             change the words before its first punctuation mark",
                            other.line
                        ),
                    ));
                }
                body.parts.push(OpenPart {
                    line: line_no,
                    part: Part {
                        id,
                        title,
                        lead: Vec::new(),
                        sections: Vec::new(),
                    },
                    section_lines: Vec::new(),
                });
            }
            3 => {
                if title.is_empty() {
                    return Err(err(
                        line_no,
                        "a `###` sub-section has no heading: write it after the `### `".into(),
                    ));
                }
                body.close_section();
                let open = body.current(line_no, "a `###` sub-section");
                let id = ids::section_id(&open.part.id, &title, open.part.sections.len());
                if let Some(i) = open.part.sections.iter().position(|s| s.id == id) {
                    return Err(err(
                        line_no,
                        format!(
                            "sub-section `{title}` gets the id `{id}`, already taken by the one on line {}: \
                             change the words before its first punctuation mark",
                            open.section_lines[i]
                        ),
                    ));
                }
                open.part.sections.push(Section {
                    related: Vec::new(),
                    id,
                    heading: title,
                    // Markdown's `###` is the paragraph's opening sentence.
                    form: HeadingForm::Opening,
                    body: Vec::new(),
                });
                open.section_lines.push(line_no);
            }
            n => {
                if title.is_empty() {
                    continue;
                }
                body.warn(
                    line_no,
                    format!(
                        "a heading of {n} `#` is deeper than the reader shows: it is read as a \
                         lead-in line; write `###` for a sub-section, or `**…**` for a lead-in line"
                    ),
                );
                body.push(line_no, Paragraph::lead_in(title));
            }
        }
    }
    flush(&mut body, &mut paragraph);
    body.close_part();
    if body.parts.is_empty() {
        return Err(err(
            // The last real line: a final newline makes no line of its own.
            (lines.len() - usize::from(lines.last() == Some(&""))).max(1),
            "the essay has no text: write a `## …` part heading and the text under it".into(),
        ));
    }
    Ok(body.parts.into_iter().map(|p| p.part).collect())
}

/// Join a continuation line to its paragraph: directly after Chinese text,
/// with one space between two Latin words.
fn join_line(text: &mut String, line: &str) {
    let ascii_end = text.chars().last().is_some_and(|c| c.is_ascii());
    let ascii_start = line.chars().next().is_some_and(|c| c.is_ascii());
    if ascii_end && ascii_start {
        text.push(' ');
    }
    text.push_str(line);
}

fn flush(body: &mut Body, paragraph: &mut Option<(usize, String)>) {
    if let Some((line, text)) = paragraph.take() {
        body.push(line, markdown_paragraph(text));
    }
}

/// A paragraph that is bold as a whole (`**（1）小标题**`) is a lead-in
/// line: the way Markdown writes a heading deeper than `###`.
fn markdown_paragraph(text: String) -> Paragraph {
    let inner = text
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.contains("**"));
    match inner {
        Some(t) => Paragraph::lead_in(t),
        None => Paragraph::text(text),
    }
}

/// Used by tests: is every id of the essay distinct?
pub fn ids_are_unique(essay: &Essay) -> bool {
    let ids = essay.fold_ids();
    ids.iter().collect::<HashSet<_>>().len() == ids.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_bold_as_a_whole_is_a_lead_in_line() {
        let md = "## 篇一\n\n**（1）细则**\n\n正文 **加粗** 之处。\n\n**半个**粗体**\n\n### 其一，开头。\n\n** 前后留空 **\n\n****\n";
        let essay = parse_essay("a.md", "a", md).expect("parses").essay;
        let part = &essay.parts[0];
        assert_eq!(
            part.lead,
            [
                Paragraph::lead_in("（1）细则"),
                Paragraph::text("正文 **加粗** 之处。"),
                Paragraph::text("**半个**粗体**"),
            ]
        );
        assert_eq!(
            part.sections[0].body,
            [Paragraph::lead_in("前后留空"), Paragraph::text("****")]
        );
    }
}
