//! Content files: one Markdown file per essay, with TOML front matter.
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
//! Markdown. Every error names the file and the line.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::ids;
use crate::model::{
    Collection, Date, Document, Essay, Facts, HeadingForm, Paragraph, Part, Section,
};

const FENCE: &str = "+++";

/// A content problem, located by file and 1-based line.
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

/// Every field may be left out: what a file does not say is taken from
/// its text (the title from a leading `#` line or the file name, the
/// characters counted) or is not known.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Option<String>,
    order: Option<u32>,
    format: Option<String>,
    chars: Option<u32>,
    pages: Option<u32>,
    published: Option<toml::Value>,
    region: Option<String>,
    author: Option<String>,
    excerpt: Option<bool>,
    /// For a `.docx` or `.txt` file's sidecar: `false` shows the document
    /// as one part, without looking for its headings.
    split: Option<bool>,
}

/// What a front matter or a sidecar gives, checked.
#[derive(Default)]
struct Given {
    title: Option<String>,
    order: Option<u32>,
    format: Option<String>,
    chars: Option<u32>,
    pages: Option<u32>,
    published: Option<Date>,
    region: Option<String>,
    author: Option<String>,
    excerpt: Option<bool>,
    split: Option<bool>,
}

/// Read the TOML of a front matter or sidecar: `lines`, the first of which
/// is line `first` of `file`.
/// `what` names it in messages (`front matter`, `sidecar`).
fn read_given(file: &str, lines: &[&str], first: usize, what: &str) -> Result<Given, ParseError> {
    let err = |line: usize, message: String| ParseError {
        file: file.into(),
        line,
        message,
    };
    let text = lines.join("\n");
    let front: FrontMatter = toml::from_str(&text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        let line = first + text[..offset.min(text.len())].matches('\n').count();
        err(
            line,
            format!("{what}: {}", e.message().trim_end().replace('\n', " ")),
        )
    })?;
    let field_line = |name: &str| {
        lines
            .iter()
            .position(|l| l.trim_start().starts_with(name))
            .map_or(first, |i| i + first)
    };
    let published = match &front.published {
        None => None,
        Some(value) => Some(to_date(value).ok_or_else(|| {
            err(
                field_line("published"),
                format!("`published` must be a calendar date like 2026-01-15, found `{value}`"),
            )
        })?),
    };
    for (name, value) in [
        ("title", &front.title),
        ("format", &front.format),
        ("region", &front.region),
        ("author", &front.author),
    ] {
        if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
            return Err(err(field_line(name), format!("`{name}` is empty")));
        }
    }
    if front.format.as_ref().is_some_and(|f| f.starts_with('.')) {
        return Err(err(
            field_line("format"),
            "`format` is written without the dot (`docx`)".into(),
        ));
    }
    let trimmed = |v: Option<String>| v.map(|t| t.trim().to_owned());
    Ok(Given {
        title: trimmed(front.title),
        order: front.order,
        format: trimmed(front.format),
        chars: front.chars,
        pages: front.pages,
        published,
        region: trimmed(front.region),
        author: trimmed(front.author),
        excerpt: front.excerpt,
        split: front.split,
    })
}

/// Reads the documents whose extension it knows (`txt` → `Some`), split
/// into parts by their headings or not (the `bool`), or leaves the file
/// alone (`None`); an error is a message about the file.
pub type ReadOther<'a> = &'a dyn Fn(&str, &[u8], bool) -> Option<Result<Document, String>>;

/// The extension of a document's sidecar: `心得.toml` beside `心得.docx`
/// sets or overrides its facts and order, as a front matter does.
pub const SIDECAR: &str = "toml";

/// The sidecar at `path`, if there is one.
fn read_sidecar(path: &Path) -> Result<Given, ParseError> {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Given::default()),
        Err(e) => Err(ParseError {
            file,
            line: 0,
            message: format!("cannot read the file: {e}"),
        }),
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| ParseError {
                file: file.clone(),
                line: 1,
                message: "the file is not valid UTF-8".into(),
            })?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let lines: Vec<&str> = text.lines().collect();
            read_given(&file, &lines, 1, "sidecar")
        }
    }
}

/// One file read, before the collection's order is settled.
struct Loaded {
    file: String,
    essay: Essay,
    /// The order the file asks for, if it does.
    order: Option<u32>,
}

/// Parse every `*.md` file of `dir` into a collection ordered by `order`.
/// All errors of all files are returned, not only the first.
pub fn load_collection(dir: &Path) -> Result<Collection, Vec<ParseError>> {
    load_collection_with(dir, &|_, _, _| None)
}

/// Like `load_collection`, with the files `other` reads besides Markdown.
/// Files that ask for no `order` come after those that do, by file name.
pub fn load_collection_with(dir: &Path, other: ReadOther) -> Result<Collection, Vec<ParseError>> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![ParseError {
            file: shown.clone(),
            line: 0,
            message: format!("cannot read the content folder: {e}"),
        }]
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();

    let mut loaded: Vec<Loaded> = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        let file = path.display().to_string();
        let ext = path
            .extension()
            .map(|x| x.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(ParseError {
                    file: file.clone(),
                    line: 0,
                    message: format!("cannot read the file: {e}"),
                });
                continue;
            }
        };
        let result = if ext == "md" {
            parse_file(&file, &stem, &bytes)
        } else if ext == SIDECAR {
            // Read with its document; alone, it is a mistake (a Markdown
            // file says its facts in its front matter).
            let has_document = paths.iter().any(|p| {
                p != path
                    && p.file_stem() == path.file_stem()
                    && p.extension().is_some_and(|x| x != "md")
            });
            if !has_document {
                errors.push(ParseError {
                    file: file.clone(),
                    line: 0,
                    message:
                        "a sidecar without a .docx or .txt document of the same name beside it"
                            .into(),
                });
            }
            continue;
        } else {
            let sidecar = path.with_extension(SIDECAR);
            let given = match read_sidecar(&sidecar) {
                Ok(given) => given,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            match other(&ext, &bytes, given.split.unwrap_or(true)) {
                None => continue,
                Some(r) => r
                    .map(|doc| {
                        let order = given.order;
                        (imported_essay(&stem, &ext, doc, given), order)
                    })
                    .map_err(|message| ParseError {
                        file: file.clone(),
                        line: 0,
                        message,
                    }),
            }
        };
        match result {
            Ok((essay, order)) => loaded.push(Loaded { file, essay, order }),
            Err(e) => errors.push(e),
        }
    }
    if paths.is_empty() || (loaded.is_empty() && errors.is_empty()) {
        errors.push(ParseError {
            file: shown,
            line: 0,
            message: "the content folder holds no essay (no *.md, *.txt or *.docx file)".into(),
        });
    }

    let mut by_order: HashMap<u32, &str> = HashMap::new();
    for l in &loaded {
        if let Some(order) = l.order {
            if let Some(other) = by_order.insert(order, &l.file) {
                errors.push(ParseError {
                    file: l.file.clone(),
                    line: order_line(&l.file),
                    message: format!("order {order} is already used by {other}"),
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
    Ok(Collection { essays })
}

/// An essay from a document of another format (`ext`) with nothing given
/// beside it: a file a reader opens in the page.
pub fn essay_from_document(stem: &str, ext: &str, doc: Document) -> Essay {
    imported_essay(stem, ext, doc, Given::default())
}

/// An essay from a document of another format: what its sidecar gives
/// (`given`) first, else what the document says, else its file's name for
/// a title; its address the file's name when that can be one, else one
/// made from it.
fn imported_essay(stem: &str, ext: &str, doc: Document, given: Given) -> Essay {
    let slug = if is_valid_slug(stem) {
        stem.to_owned()
    } else {
        format!("doc-{:08x}", fnv1a(stem))
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
        },
        parts: doc.parts,
    }
}

/// A short stable hash (FNV-1a, 32 bits) for addresses made from names.
fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
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

fn parse_file(file: &str, stem: &str, bytes: &[u8]) -> Result<(Essay, Option<u32>), ParseError> {
    let source = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        ParseError {
            file: file.into(),
            line,
            message: "the file is not valid UTF-8".into(),
        }
    })?;
    parse_essay(file, stem, source)
}

/// Parse one essay, and the order it asks for. `slug` becomes its address
/// and must be made of lower-case ASCII letters, digits and `-`.
pub fn parse_essay(
    file: &str,
    slug: &str,
    source: &str,
) -> Result<(Essay, Option<u32>), ParseError> {
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
                 since it becomes the essay's address"
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
    let (front, body_start) = if lines.first().map(|l| l.trim_end()) == Some(FENCE) {
        let close = lines
            .iter()
            .skip(1)
            .position(|l| l.trim_end() == FENCE)
            .map(|i| i + 1)
            .ok_or_else(|| {
                err(
                    1,
                    format!("the front matter is never closed by a `{FENCE}` line"),
                )
            })?;
        (
            read_given(file, &lines[1..close], 2, "front matter")?,
            close + 1,
        )
    } else {
        (Given::default(), 0)
    };
    if front.split.is_some() {
        let line = lines
            .iter()
            .position(|l| l.trim_start().starts_with("split"))
            .map_or(2, |i| i + 1);
        return Err(err(
            line,
            "`split` is for the sidecar of a .docx or .txt file, not for Markdown".into(),
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
    let parts = parse_body(&lines, body_from, &err)?;
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
        },
        parts,
    };
    essay.facts.chars = front.chars.unwrap_or_else(|| essay.counted_chars());
    Ok((essay, front.order))
}

fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn to_date(value: &toml::Value) -> Option<Date> {
    let toml::Value::Datetime(dt) = value else {
        return None;
    };
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    Date::new(d.year, d.month, d.day)
}

/// A part while it is being read, with the line of its heading.
struct OpenPart {
    line: usize,
    part: Part,
    /// Line of the heading of each sub-section, for "empty" errors.
    section_lines: Vec<usize>,
}

fn parse_body(
    lines: &[&str],
    first: usize,
    err: &dyn Fn(usize, String) -> ParseError,
) -> Result<Vec<Part>, ParseError> {
    let mut parts: Vec<OpenPart> = Vec::new();
    let mut paragraph: Option<(usize, String)> = None;
    let mut titles: HashMap<String, usize> = HashMap::new();

    for (index, raw) in lines.iter().enumerate().skip(first) {
        let line_no = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut parts, &mut paragraph);
            continue;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        let is_heading = hashes > 0
            && line[hashes..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        if !is_heading {
            if parts.is_empty() {
                return Err(err(
                    line_no,
                    "text before the first `##` part; every paragraph belongs to a part".into(),
                ));
            }
            match &mut paragraph {
                Some((_, text)) => join_line(text, line),
                None => paragraph = Some((line_no, line.to_owned())),
            }
            continue;
        }
        flush(&mut parts, &mut paragraph);
        let title = line[hashes..].trim().to_owned();
        match hashes {
            1 => return Err(err(
                line_no,
                "a `#` heading is not allowed: the essay's title is `title` in the front matter"
                    .into(),
            )),
            2 => {
                if title.is_empty() {
                    return Err(err(line_no, "a `##` part has no title".into()));
                }
                close_part(parts.last(), err)?;
                if let Some(first_line) = titles.insert(title.clone(), line_no) {
                    return Err(err(
                        line_no,
                        format!(
                            "two parts have the same title `{title}` (also on line {first_line})"
                        ),
                    ));
                }
                let id = ids::part_id(&title, parts.len());
                if let Some(other) = parts.iter().find(|p| p.part.id == id) {
                    return Err(err(
                        line_no,
                        format!(
                            "part `{title}` gets the id `{id}`, already taken by the part on line {}",
                            other.line
                        ),
                    ));
                }
                parts.push(OpenPart {
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
                let Some(open) = parts.last_mut() else {
                    return Err(err(
                        line_no,
                        "a `###` sub-section before any `##` part".into(),
                    ));
                };
                if title.is_empty() {
                    return Err(err(line_no, "a `###` sub-section has no heading".into()));
                }
                close_section(open, err)?;
                let id = ids::section_id(&open.part.id, &title, open.part.sections.len());
                if let Some(i) = open.part.sections.iter().position(|s| s.id == id) {
                    return Err(err(
                        line_no,
                        format!(
                            "sub-section `{title}` gets the id `{id}`, already taken by the one on line {}",
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
                return Err(err(
                    line_no,
                    format!(
                    "a heading of {n} `#` is not allowed: only `##` parts and `###` sub-sections"
                ),
                ))
            }
        }
    }
    flush(&mut parts, &mut paragraph);
    close_part(parts.last(), err)?;
    if parts.is_empty() {
        return Err(err(
            // The last real line: a final newline makes no line of its own.
            (lines.len() - usize::from(lines.last() == Some(&""))).max(1),
            "the essay has no `##` part".into(),
        ));
    }
    Ok(parts.into_iter().map(|p| p.part).collect())
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

fn flush(parts: &mut [OpenPart], paragraph: &mut Option<(usize, String)>) {
    let (Some(open), Some((_, text))) = (parts.last_mut(), paragraph.take()) else {
        return;
    };
    let paragraph = markdown_paragraph(text);
    match open.part.sections.last_mut() {
        Some(section) => section.body.push(paragraph),
        None => open.part.lead.push(paragraph),
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

fn close_section(
    open: &OpenPart,
    err: &dyn Fn(usize, String) -> ParseError,
) -> Result<(), ParseError> {
    match open.part.sections.last() {
        Some(section) if section.body.is_empty() => Err(err(
            *open.section_lines.last().unwrap_or(&open.line),
            format!(
                "sub-section `{}` has no text under its heading",
                section.heading
            ),
        )),
        _ => Ok(()),
    }
}

fn close_part(
    open: Option<&OpenPart>,
    err: &dyn Fn(usize, String) -> ParseError,
) -> Result<(), ParseError> {
    let Some(open) = open else { return Ok(()) };
    close_section(open, err)?;
    if open.part.lead.is_empty() && open.part.sections.is_empty() {
        return Err(err(
            open.line,
            format!(
                "part `{}` is empty: it has neither text nor sub-sections",
                open.part.title
            ),
        ));
    }
    Ok(())
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
        let (essay, _) = parse_essay("a.md", "a", md).expect("parses");
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
