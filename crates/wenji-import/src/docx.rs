//! Word documents (`.docx`, Transitional or Strict): the paragraphs of
//! `word/document.xml` with their heading levels, the title and dates of
//! `docProps/core.xml`, the counts of `docProps/app.xml`.
//!
//! A paragraph's level comes from, in this order: its own `w:outlineLvl`;
//! its style's `w:outlineLvl`, following `w:basedOn`; a style named
//! `heading N` (built-in names are English in every language) or `标题 N` /
//! `標題 N`; a `HeadingN` style id when `styles.xml` is missing. Never from
//! a numeric style id (Word zh-CN uses `1`, `2`, …; WPS uses `2` for heading
//! 1). Title, Subtitle, TOC Heading and `toc N` paragraphs, deleted text,
//! text a tracked move took away (`w:moveFrom`), field instructions and a table of contents are left out; an
//! `mc:AlternateContent` counts once (its Choice). Heading numbers Word
//! generates (`numbering.xml`) are put back in front of the heading text.
//! Elements are matched by local name, so both namespaces read alike.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use wenji_core::{Date, Document};

use crate::outline::{self, DocParagraph};
use crate::zip::Archive;
use crate::ImportError;

/// Most bytes a part of the document may inflate to.
pub const PART_LIMIT: usize = 64 * 1024 * 1024;

/// The first bytes of an OLE file: `.doc`, `.wps`, or an encrypted `.docx`.
const OLE: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// A Word document. With `split` off the text is one part, as it is.
pub fn read_docx(bytes: &[u8], split: bool) -> Result<Document, ImportError> {
    read_with_limit(bytes, split, PART_LIMIT)
}

pub(crate) fn read_with_limit(
    bytes: &[u8],
    split: bool,
    limit: usize,
) -> Result<Document, ImportError> {
    if bytes.starts_with(&OLE) {
        return Err(ImportError::OldWordFile);
    }
    let zip = Archive::open(bytes)?;
    let part = |name: &str| -> Result<Option<String>, ImportError> {
        zip.read(name, limit)?
            .map(|b| {
                String::from_utf8(b).map_err(|_| ImportError::NotUtf8Xml { part: name.into() })
            })
            .transpose()
    };
    let document = part("word/document.xml")?.ok_or(ImportError::NoDocumentXml)?;
    let styles = match part("word/styles.xml")? {
        Some(xml) => Some(Styles::parse(&xml).map_err(|e| e.of("word/styles.xml"))?),
        None => None,
    };
    let numbering = match part("word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml).map_err(|e| e.of("word/numbering.xml"))?,
        None => Numbering::default(),
    };
    let core = match part("docProps/core.xml")? {
        Some(xml) => simple_fields(&xml).map_err(|e| e.of("docProps/core.xml"))?,
        None => HashMap::new(),
    };
    let app = match part("docProps/app.xml")? {
        Some(xml) => simple_fields(&xml).map_err(|e| e.of("docProps/app.xml"))?,
        None => HashMap::new(),
    };
    let mut notes = Notes::default();
    for (name, kind) in [
        ("word/footnotes.xml", NoteKind::Foot),
        ("word/endnotes.xml", NoteKind::End),
    ] {
        if let Some(xml) = part(name)? {
            notes.read(&xml, kind).map_err(|e| e.of(name))?;
        }
    }
    let body = Body::parse(&document, styles.as_ref(), numbering, notes)
        .map_err(|e| e.of("word/document.xml"))?;
    if body.paragraphs.iter().all(|p| p.text.trim().is_empty()) {
        return Err(ImportError::Empty);
    }
    let counted = wenji_core::model::count_chars(body.paragraphs.iter().map(|p| p.text.as_str()));
    let non_zero = |key: &str| {
        app.get(key)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|n| *n > 0)
    };
    let title = core
        .get("title")
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .or(body.title);
    Ok(Document {
        title,
        parts: outline::parts(&body.paragraphs, split),
        chars: non_zero("Characters").unwrap_or(counted),
        pages: non_zero("Pages"),
        published: core.get("created").and_then(|d| date(d)),
        author: core
            .get("creator")
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty()),
    })
}

/// `2026-01-15T08:00:00Z` → 2026-01-15.
fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (y, m, d) = (s.get(0..4)?, s.get(5..7)?, s.get(8..10)?);
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Malformed XML, to be named with its part.
#[derive(Debug)]
struct XmlError(String);

impl XmlError {
    fn of(self, part: &str) -> ImportError {
        ImportError::BadXml {
            part: part.into(),
            detail: self.0,
        }
    }
}

impl From<quick_xml::Error> for XmlError {
    fn from(e: quick_xml::Error) -> Self {
        XmlError(e.to_string())
    }
}

impl From<quick_xml::encoding::EncodingError> for XmlError {
    fn from(e: quick_xml::encoding::EncodingError) -> Self {
        XmlError(e.to_string())
    }
}

/// The value of attribute `name` (by local name) of `e`.
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

/// Text of a `GeneralRef` event: `&amp;`, `&#x4E00;`.
fn general_ref(r: &quick_xml::events::BytesRef) -> Result<String, XmlError> {
    if r.is_char_ref() {
        return Ok(r.resolve_char_ref()?.map(String::from).unwrap_or_default());
    }
    let name = r.decode()?;
    Ok(quick_xml::escape::resolve_predefined_entity(&name)
        .unwrap_or_default()
        .to_owned())
}

/// The text of each element whose content is text only, by local name
/// (`title`, `creator`, `created`, `Pages`, `Characters`).
fn simple_fields(xml: &str) -> Result<HashMap<String, String>, XmlError> {
    let mut reader = Reader::from_str(xml);
    let mut out = HashMap::new();
    let mut open: Option<String> = None;
    let mut text = String::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) => {
                open = Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.decode()?),
            Event::GeneralRef(r) => text.push_str(&general_ref(&r)?),
            Event::End(_) => {
                if let Some(name) = open.take() {
                    out.insert(name, std::mem::take(&mut text));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// What a paragraph style says.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<usize>,
    numbering: Option<(String, usize)>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

/// How a style places its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A heading at this level (1 = heading 1).
    Heading(usize),
    /// Title, Subtitle, TOC Heading, `toc N`: not part of the text.
    Left,
    Text,
}

impl Styles {
    fn parse(xml: &str) -> Result<Styles, XmlError> {
        let mut reader = Reader::from_str(xml);
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut num_id: Option<String> = None;
        let mut ilvl = 0;
        loop {
            match reader.read_event()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"style" => {
                        if let Some((id, s)) = current.take() {
                            styles.by_id.insert(id, s);
                        }
                        let paragraph = attr(&e, b"type").is_none_or(|t| t == "paragraph");
                        current = attr(&e, b"styleId")
                            .filter(|_| paragraph)
                            .map(|id| (id, Style::default()));
                    }
                    b"name" => {
                        if let Some((_, s)) = &mut current {
                            s.name = val(&e).unwrap_or_default();
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, s)) = &mut current {
                            s.based_on = val(&e);
                        }
                    }
                    b"outlineLvl" => {
                        if let Some((_, s)) = &mut current {
                            s.outline = val(&e).and_then(|v| v.parse().ok());
                        }
                    }
                    b"numId" => num_id = val(&e),
                    b"ilvl" => ilvl = val(&e).and_then(|v| v.parse().ok()).unwrap_or(0),
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    b"numPr" => {
                        if let (Some((_, s)), Some(n)) = (&mut current, num_id.take()) {
                            s.numbering = Some((n, ilvl));
                        }
                        ilvl = 0;
                    }
                    b"style" => {
                        if let Some((id, s)) = current.take() {
                            styles.by_id.insert(id, s);
                        }
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(styles)
    }

    /// The style `id` and those it is based on, nearest first.
    fn chain(&self, id: &str) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut next = Some(id.to_owned());
        while let Some(id) = next {
            let Some(s) = self.by_id.get(&id) else { break };
            if out.len() > 16 {
                break; // a cycle of basedOn
            }
            out.push(s);
            next = s.based_on.clone();
        }
        out
    }

    fn role(&self, id: &str) -> Role {
        let chain = self.chain(id);
        if let Some(first) = chain.first() {
            if is_left_out(&first.name) {
                return Role::Left;
            }
        }
        if let Some(level) = chain.iter().find_map(|s| s.outline) {
            return if level < 9 {
                Role::Heading(level + 1)
            } else {
                Role::Text
            };
        }
        chain
            .iter()
            .find_map(|s| heading_name(&s.name))
            .map_or(Role::Text, Role::Heading)
    }

    fn numbering(&self, id: &str) -> Option<(String, usize)> {
        self.chain(id).iter().find_map(|s| s.numbering.clone())
    }
}

fn is_left_out(name: &str) -> bool {
    let n = name.trim().to_lowercase();
    matches!(
        n.as_str(),
        "title" | "subtitle" | "toc heading" | "标题" | "副标题" | "目录标题"
    ) || n
        .strip_prefix("toc ")
        .is_some_and(|d| d.parse::<u32>().is_ok())
}

/// `heading 2`, `Heading2`, `标题 2`, `標題 2` → 2.
fn heading_name(name: &str) -> Option<usize> {
    let n = name.trim().to_lowercase();
    let rest = ["heading", "标题", "標題"]
        .iter()
        .find_map(|p| n.strip_prefix(p))?;
    rest.trim().parse().ok().filter(|l| (1..=9).contains(l))
}

/// Level of a paragraph style without `styles.xml`: only `HeadingN` ids.
fn heading_id(id: &str) -> Option<usize> {
    id.strip_prefix("Heading")
        .or_else(|| id.strip_prefix("heading"))
        .and_then(|n| n.parse().ok())
        .filter(|l| (1..=9).contains(l))
}

/// Word's list definitions: the format and text of each level.
#[derive(Debug, Default)]
struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// abstractNumId → levels (format, text), by ilvl.
    abstracts: HashMap<String, Vec<(String, String)>>,
    /// Counters, per abstract list.
    counters: HashMap<String, Vec<u32>>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Numbering, XmlError> {
        let mut reader = Reader::from_str(xml);
        let mut n = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        loop {
            match reader.read_event()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = attr(&e, b"abstractNumId"),
                    b"lvl" => level = attr(&e, b"ilvl").and_then(|v| v.parse().ok()),
                    b"numFmt" | b"lvlText" => {
                        if let (Some(a), Some(l)) = (&abstract_id, level) {
                            let levels = n.abstracts.entry(a.clone()).or_default();
                            if levels.len() <= l {
                                levels.resize(l + 1, (String::new(), String::new()));
                            }
                            let v = val(&e).unwrap_or_default();
                            if e.local_name().as_ref() == b"numFmt" {
                                levels[l].0 = v;
                            } else {
                                levels[l].1 = v;
                            }
                        }
                    }
                    b"num" => num_id = attr(&e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(id), Some(a)) = (&num_id, val(&e)) {
                            n.nums.insert(id.clone(), a);
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == b"abstractNum" => abstract_id = None,
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }

    /// Count a paragraph of list `num_id` at `ilvl`, and say its number
    /// as Word shows it (`第一章`, `（二）`, `3.`).
    fn next(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let abstract_id = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abstract_id)?;
        let counters = self.counters.entry(abstract_id).or_default();
        if counters.len() <= ilvl {
            counters.resize(ilvl + 1, 0);
        }
        counters[ilvl] += 1;
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = 0;
        }
        let (_, text) = levels.get(ilvl)?;
        let mut out = text.clone();
        for (l, (format, _)) in levels.iter().enumerate().take(ilvl + 1).rev() {
            let n = counters.get(l).copied().unwrap_or(0).max(1);
            out = out.replace(&format!("%{}", l + 1), &number_text(format, n));
        }
        Some(out)
    }
}

/// A list item's text with its number (`1. 文字`, `（一）文字`, `• 文字`):
/// a space after a number that ends in a Latin character or a bullet, as
/// Word's tab shows it; a bullet of a symbol font (a private-use
/// character) is shown as `•`.
fn numbered(number: &str, text: &str) -> String {
    let number: String = number
        .chars()
        .map(|c| {
            if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                '•'
            } else {
                c
            }
        })
        .collect();
    match number.chars().last() {
        None => text.to_owned(),
        Some(c) if c.is_ascii() || c == '•' || c == '·' || c == '○' || c == '■' => {
            format!("{number} {text}")
        }
        Some(_) => format!("{number}{text}"),
    }
}

/// A list number in Word's format `format`.
fn number_text(format: &str, n: u32) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographDigital"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese_number(n),
        "ideographTraditional" => ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
            .get(n as usize - 1)
            .map_or_else(|| n.to_string(), |s| (*s).to_owned()),
        "upperLetter" | "lowerLetter" if (1..=26).contains(&n) => {
            let c = char::from(b'a' + (n - 1) as u8);
            if format == "upperLetter" {
                c.to_ascii_uppercase().to_string()
            } else {
                c.to_string()
            }
        }
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
fn chinese_number(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_owned(),
        10..=19 => format!("十{}", if n > 10 { D[(n - 10) as usize] } else { "" }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", D[rest as usize]),
                10..=19 => format!("一{}", chinese_number(rest)),
                _ => chinese_number(rest),
            };
            format!("{}百{tail}", D[(n / 100) as usize])
        }
        _ => n.to_string(),
    }
}

/// Footnotes and endnotes: each note's text by its id, and those the text
/// has referred to so far, numbered in the order read. A footnote is shown
/// at the end of the part or sub-section that refers to it (before the
/// next heading), an endnote at the end of the document: `注1：…`, where
/// the text says `［注1］`.
#[derive(Debug, Default)]
struct Notes {
    text: HashMap<(NoteKind, String), String>,
    /// How many notes have been referred to.
    numbered: usize,
    /// Notes referred to and not yet shown, with their numbers.
    waiting: Vec<(NoteKind, usize, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NoteKind {
    Foot,
    End,
}

impl Notes {
    /// Read `word/footnotes.xml` or `word/endnotes.xml`: the text of each
    /// note (its paragraphs joined), the separators Word keeps there left
    /// out.
    fn read(&mut self, xml: &str, kind: NoteKind) -> Result<(), XmlError> {
        let mut reader = Reader::from_str(xml);
        let mut note: Option<(String, String)> = None;
        let mut in_text = false;
        loop {
            match reader.read_event()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    b"footnote" | b"endnote" if attr(&e, b"type").is_none() => {
                        note = attr(&e, b"id").map(|id| (id, String::new()));
                    }
                    b"t" => in_text = true,
                    b"p" => {
                        if let Some((_, text)) = note.as_mut().filter(|(_, t)| !t.is_empty()) {
                            text.push(' ');
                        }
                    }
                    _ => {}
                },
                Event::Text(t) if in_text => {
                    if let Some((_, text)) = note.as_mut() {
                        text.push_str(&t.decode()?);
                    }
                }
                Event::GeneralRef(r) if in_text => {
                    if let Some((_, text)) = note.as_mut() {
                        text.push_str(&general_ref(&r)?);
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"t" => in_text = false,
                    b"footnote" | b"endnote" => {
                        if let Some((id, text)) = note.take() {
                            let text = text.trim();
                            if !text.is_empty() {
                                self.text.insert((kind, id), text.to_owned());
                            }
                        }
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// The mark that stands in the text for note `id`, the note kept to be
    /// shown; none for a note the file does not hold.
    fn refer(&mut self, kind: NoteKind, id: &str) -> Option<String> {
        let text = self.text.get(&(kind, id.to_owned()))?.clone();
        self.numbered += 1;
        self.waiting.push((kind, self.numbered, text));
        Some(format!("［注{}］", self.numbered))
    }

    /// The notes of `kind` waiting to be shown, as paragraphs.
    fn take(&mut self, kind: NoteKind) -> Vec<DocParagraph> {
        let (now, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.waiting)
            .into_iter()
            .partition(|(k, _, _)| *k == kind);
        self.waiting = later;
        now.into_iter()
            .map(|(_, n, text)| DocParagraph {
                text: format!("注{n}：{text}"),
                level: None,
                lead_in: false,
            })
            .collect()
    }
}

/// The body's paragraphs, with their levels.
struct Body {
    paragraphs: Vec<DocParagraph>,
    /// The text of the first Title-styled paragraph.
    title: Option<String>,
    notes: Notes,
}

/// A paragraph being read (a text box holds paragraphs inside another).
#[derive(Default)]
struct Open {
    text: String,
    /// Some of its text is a table of contents' (the field may end in it).
    toc: bool,
    style: Option<String>,
    outline: Option<usize>,
    num_id: Option<String>,
    ilvl: usize,
}

/// Where the reader is, besides the paragraphs open.
#[derive(Default)]
struct Within {
    /// In a `w:t` (text), in a `w:instrText` (a field's instruction).
    text: bool,
    instr: bool,
    /// Depth inside what is not the text: `mc:Fallback` (a text box is read
    /// once, as its Choice) and `w:moveFrom` (text a tracked move took away:
    /// it stands where it went, in `w:moveTo`).
    skipped: usize,
    /// The fields open: is each a table of contents?
    fields: Vec<bool>,
    /// Depth of `w:sdt`, and the depth of one that is a table of contents.
    sdt: usize,
    toc_sdt: usize,
}

/// Elements whose content is not the document's text (`Within::skipped`).
fn is_skipped(local_name: &[u8]) -> bool {
    matches!(local_name, b"Fallback" | b"moveFrom")
}

impl Within {
    fn in_toc(&self) -> bool {
        self.toc_sdt > 0 || self.fields.iter().any(|toc| *toc)
    }
}

impl Body {
    fn parse(
        xml: &str,
        styles: Option<&Styles>,
        mut numbering: Numbering,
        notes: Notes,
    ) -> Result<Body, XmlError> {
        let mut reader = Reader::from_str(xml);
        let mut body = Body {
            paragraphs: Vec::new(),
            title: None,
            notes,
        };
        let mut open: Vec<Open> = Vec::new();
        let mut at = Within::default();
        let mut instr = String::new();
        loop {
            let event = reader.read_event()?;
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(event, Event::Empty(_));
                    let name = e.local_name();
                    if is_skipped(name.as_ref()) && !empty {
                        at.skipped += 1;
                    }
                    if at.skipped > 0 {
                        continue;
                    }
                    let p = open.last_mut();
                    match (name.as_ref(), p) {
                        (b"p", _) if !empty => open.push(Open::default()),
                        (b"pStyle", Some(p)) => p.style = val(e),
                        (b"outlineLvl", Some(p)) => p.outline = val(e).and_then(|v| v.parse().ok()),
                        (b"numId", Some(p)) => p.num_id = val(e),
                        (b"ilvl", Some(p)) => {
                            p.ilvl = val(e).and_then(|v| v.parse().ok()).unwrap_or(0)
                        }
                        (b"t", _) if !empty => at.text = true,
                        (b"tab", Some(p)) => p.text.push(' '),
                        // A line break inside a paragraph (`end_paragraph`).
                        (b"br" | b"cr", Some(p)) => p.text.push('\n'),
                        (b"footnoteReference" | b"endnoteReference", Some(p)) => {
                            let kind = if name.as_ref() == b"footnoteReference" {
                                NoteKind::Foot
                            } else {
                                NoteKind::End
                            };
                            if let Some(mark) =
                                attr(e, b"id").and_then(|id| body.notes.refer(kind, &id))
                            {
                                p.text.push_str(&mark);
                            }
                        }
                        (b"instrText", _) if !empty => {
                            at.instr = true;
                            instr.clear();
                        }
                        (b"fldChar", _) => match attr(e, b"fldCharType").as_deref() {
                            Some("begin") => at.fields.push(false),
                            Some("end") => {
                                at.fields.pop();
                            }
                            _ => {}
                        },
                        (b"fldSimple", _) if !empty => {
                            let toc = attr(e, b"instr")
                                .is_some_and(|i| i.trim_start().starts_with("TOC"));
                            at.fields.push(toc);
                        }
                        (b"sdt", _) if !empty => at.sdt += 1,
                        (b"docPartGallery", _)
                            if val(e).is_some_and(|v| v.contains("Table of Contents")) =>
                        {
                            at.toc_sdt = at.sdt;
                        }
                        _ => {}
                    }
                }
                Event::Text(t) if at.skipped == 0 => {
                    if at.text {
                        if let Some(p) = open.last_mut() {
                            p.text.push_str(&t.decode()?);
                            p.toc |= at.in_toc();
                        }
                    } else if at.instr {
                        instr.push_str(&t.decode()?);
                    }
                }
                Event::GeneralRef(r) if at.skipped == 0 && at.text => {
                    if let Some(p) = open.last_mut() {
                        p.text.push_str(&general_ref(r)?);
                    }
                }
                Event::End(e) => {
                    let name = e.local_name();
                    if is_skipped(name.as_ref()) {
                        at.skipped = at.skipped.saturating_sub(1);
                        continue;
                    }
                    if at.skipped > 0 {
                        continue;
                    }
                    match name.as_ref() {
                        b"t" => at.text = false,
                        b"instrText" => {
                            at.instr = false;
                            if instr.trim_start().starts_with("TOC") {
                                if let Some(last) = at.fields.last_mut() {
                                    *last = true;
                                }
                            }
                        }
                        b"fldSimple" => {
                            at.fields.pop();
                        }
                        b"sdt" => {
                            if at.toc_sdt == at.sdt {
                                at.toc_sdt = 0;
                            }
                            at.sdt = at.sdt.saturating_sub(1);
                        }
                        b"p" => {
                            if let Some(p) = open.pop() {
                                if !p.toc && !at.in_toc() {
                                    body.end_paragraph(p, styles, &mut numbering);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        for kind in [NoteKind::Foot, NoteKind::End] {
            let notes = body.notes.take(kind);
            body.paragraphs.extend(notes);
        }
        Ok(body)
    }

    /// Take paragraph `p` (its level, its number if it is a heading).
    fn end_paragraph(&mut self, p: Open, styles: Option<&Styles>, numbering: &mut Numbering) {
        let role = match (&p.style, styles) {
            (Some(id), Some(s)) => s.role(id),
            (Some(id), None) => heading_id(id).map_or(Role::Text, Role::Heading),
            (None, _) => Role::Text,
        };
        let level = match (p.outline, role) {
            (_, Role::Left) => {
                if self.title.is_none() && !p.text.trim().is_empty() {
                    self.title = Some(p.text.trim().to_owned());
                }
                return;
            }
            (Some(l), _) if l < 9 => Some(l + 1),
            (Some(_), _) => None,
            (None, Role::Heading(l)) => Some(l),
            (None, _) => None,
        };
        let list = p.num_id.clone().map(|id| (id, p.ilvl)).or_else(|| {
            let id = p.style.as_deref()?;
            styles?.numbering(id)
        });
        // Every item counts, heading or not; a heading shows its number.
        let number = list
            .filter(|(id, _)| id != "0")
            .and_then(|(id, ilvl)| numbering.next(&id, ilvl));
        // A heading closes the part or sub-section before it: its
        // footnotes come first.
        if level.is_some() {
            let notes = self.notes.take(NoteKind::Foot);
            self.paragraphs.extend(notes);
        }
        let text = p.text.trim();
        // A heading's lines are one heading; a paragraph's lines are lines
        // of their own.
        let lines: Vec<String> = if level.is_some() {
            vec![text
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")]
        } else {
            text.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        for (k, line) in lines.into_iter().enumerate() {
            let text = match (&number, k) {
                (Some(n), 0) if level.is_some() => format!("{n}{line}"),
                (Some(n), 0) => numbered(n, &line),
                _ => line,
            };
            self.paragraphs.push(DocParagraph {
                text,
                level,
                lead_in: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zip::write::zip;
    use wenji_core::Paragraph;

    const TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    fn document(ns: &str, body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{ns}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        )
    }

    /// A paragraph of style `style` (none: Normal).
    fn p(style: Option<&str>, text: &str) -> String {
        let ppr = style.map_or(String::new(), |s| {
            format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
        });
        format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    /// `(id, name, based on, outline level)` paragraph styles.
    fn styles(list: &[(&str, &str, Option<&str>, Option<u8>)]) -> String {
        let mut out = format!(r#"<w:styles xmlns:w="{TRANSITIONAL}">"#);
        for (id, name, based, outline) in list {
            out.push_str(&format!(
                r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>"#
            ));
            if let Some(b) = based {
                out.push_str(&format!(r#"<w:basedOn w:val="{b}"/>"#));
            }
            if let Some(l) = outline {
                out.push_str(&format!(r#"<w:pPr><w:outlineLvl w:val="{l}"/></w:pPr>"#));
            }
            out.push_str("</w:style>");
        }
        out.push_str("</w:styles>");
        out
    }

    fn docx(files: &[(&str, String)]) -> Vec<u8> {
        let files: Vec<(&str, &[u8])> = files.iter().map(|(n, x)| (*n, x.as_bytes())).collect();
        zip(&files, true)
    }

    fn read(files: &[(&str, String)]) -> Document {
        read_docx(&docx(files), true).unwrap()
    }

    /// Part titles, each with its sub-section headings.
    fn shape(doc: &Document) -> Vec<(String, Vec<String>)> {
        doc.parts
            .iter()
            .map(|p| {
                (
                    p.title.clone(),
                    p.sections.iter().map(|s| s.heading.clone()).collect(),
                )
            })
            .collect()
    }

    fn two_levels(h1: &str, h2: &str) -> String {
        document(
            TRANSITIONAL,
            &[
                p(Some(h1), "总则"),
                p(None, "导语。"),
                p(Some(h2), "目的"),
                p(None, "正文。"),
                p(Some(h1), "附则"),
                p(None, "完。"),
            ]
            .concat(),
        )
    }

    fn expected() -> Vec<(String, Vec<String>)> {
        vec![
            ("总则".into(), vec!["目的".into()]),
            ("附则".into(), vec![]),
        ]
    }

    #[test]
    fn word_zh_cn_numeric_style_ids_by_their_names() {
        let s = styles(&[
            ("1", "heading 1", None, None),
            ("2", "heading 2", None, None),
        ]);
        let doc = read(&[
            ("word/document.xml", two_levels("1", "2")),
            ("word/styles.xml", s),
        ]);
        assert_eq!(shape(&doc), expected());
    }

    #[test]
    fn wps_ids_are_never_read_as_levels() {
        // WPS: style id 2 is heading 1, 3 is heading 2.
        let s = styles(&[
            ("2", "heading 1", None, None),
            ("3", "heading 2", None, None),
        ]);
        let doc = read(&[
            ("word/document.xml", two_levels("2", "3")),
            ("word/styles.xml", s),
        ]);
        assert_eq!(shape(&doc), expected());
    }

    #[test]
    fn heading_ids_without_styles_xml() {
        let doc = read(&[("word/document.xml", two_levels("Heading1", "Heading2"))]);
        assert_eq!(shape(&doc), expected());
        // Numeric ids without styles.xml say nothing: all one part.
        let doc = read(&[("word/document.xml", two_levels("1", "2"))]);
        assert_eq!(doc.parts.len(), 1);
    }

    #[test]
    fn localized_names_based_on_and_outline_levels() {
        let s = styles(&[
            ("a", "标题 1", None, None),
            ("b", "My heading", Some("c"), None),
            ("c", "Base", None, Some(1)),
        ]);
        let doc = read(&[
            ("word/document.xml", two_levels("a", "b")),
            ("word/styles.xml", s),
        ]);
        assert_eq!(shape(&doc), expected());
        // A paragraph's own outline level.
        let body = document(
            TRANSITIONAL,
            r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>总则</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            shape(&read(&[("word/document.xml", body)])),
            [("总则".to_owned(), vec![])]
        );
    }

    #[test]
    fn headings_deeper_than_two_levels_are_lead_in_lines() {
        let s = styles(&[
            ("1", "heading 1", None, None),
            ("2", "heading 2", None, None),
            ("3", "heading 3", None, None),
            ("4", "heading 4", None, None),
        ]);
        let body = [
            p(Some("1"), "总则"),
            p(Some("2"), "目的"),
            p(Some("3"), "（1）细则"),
            p(None, "细则正文。"),
            p(Some("4"), "①更细"),
            p(None, "更细的正文。"),
        ]
        .concat();
        let doc = read(&[
            ("word/document.xml", document(TRANSITIONAL, &body)),
            ("word/styles.xml", s),
        ]);
        assert_eq!(shape(&doc), [("总则".to_owned(), vec!["目的".to_owned()])]);
        assert_eq!(
            doc.parts[0].sections[0].body,
            [
                Paragraph::lead_in("（1）细则"),
                Paragraph::text("细则正文。"),
                Paragraph::lead_in("①更细"),
                Paragraph::text("更细的正文。"),
            ]
        );
    }

    #[test]
    fn strict_namespace_reads_alike() {
        let s = styles(&[
            ("1", "heading 1", None, None),
            ("2", "heading 2", None, None),
        ]);
        let body = two_levels("1", "2").replace(TRANSITIONAL, STRICT);
        assert_eq!(
            shape(&read(&[
                ("word/document.xml", body),
                ("word/styles.xml", s)
            ])),
            expected()
        );
    }

    #[test]
    fn no_heading_styles_falls_back_to_the_patterns() {
        let body = document(
            TRANSITIONAL,
            &[
                p(None, "一、总则"),
                p(None, "正文。"),
                p(None, "（一）目的"),
                p(None, "正文。"),
                p(None, "二、附则"),
            ]
            .concat(),
        );
        assert_eq!(
            shape(&read(&[("word/document.xml", body)])),
            [
                ("一、总则".to_owned(), vec!["（一）目的".to_owned()]),
                ("二、附则".to_owned(), vec![])
            ]
        );
    }

    #[test]
    fn word_generated_chinese_numbers_are_put_back() {
        let s = styles(&[("1", "heading 1", None, None)]);
        let numbering = format!(
            r#"<w:numbering xmlns:w="{TRANSITIONAL}"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章 "/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
        );
        let h = |t: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let body = document(
            TRANSITIONAL,
            &[h("总则"), p(None, "正文。"), h("附则"), p(None, "完。")].concat(),
        );
        let doc = read(&[
            ("word/document.xml", body),
            ("word/styles.xml", s),
            ("word/numbering.xml", numbering),
        ]);
        assert_eq!(
            doc.parts
                .iter()
                .map(|p| p.title.as_str())
                .collect::<Vec<_>>(),
            ["第一章 总则", "第二章 附则"]
        );
        assert_eq!(chinese_number(12), "十二");
        assert_eq!(chinese_number(105), "一百零五");
    }

    #[test]
    fn what_is_not_the_text_is_left_out() {
        let s = styles(&[
            ("Title", "Title", None, None),
            ("TOC1", "toc 1", None, None),
            ("1", "heading 1", None, None),
        ]);
        let body = document(
            TRANSITIONAL,
            &[
                &p(Some("Title"), "政工心得"),
                // A table of contents: a field, and its entries' style.
                r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>总则……1</w:t></w:r></w:p>"#,
                r#"<w:p><w:r><w:t>附则……2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
                &p(Some("TOC1"), "目录项"),
                &p(Some("1"), "总则"),
                // A tracked deletion, and a text box counted once.
                r#"<w:p><w:r><w:t>留下</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><mc:AlternateContent><mc:Choice><w:r><w:t>框内</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框内</w:t></w:r></mc:Fallback></mc:AlternateContent><w:r><w:t>&amp;文末</w:t></w:r></w:p>"#,
                // A tracked move: the text once, where it went.
                r#"<w:p><w:moveFromRangeStart w:id="1" w:name="m"/><w:moveFrom w:id="2"><w:r><w:t>挪走的话</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="1"/><w:r><w:t>其后</w:t></w:r><w:moveTo w:id="3"><w:r><w:t>挪来的话</w:t></w:r></w:moveTo></w:p>"#,
            ]
            .concat(),
        );
        let doc = read(&[("word/document.xml", body), ("word/styles.xml", s)]);
        assert_eq!(doc.title.as_deref(), Some("政工心得"));
        assert_eq!(shape(&doc), [("总则".to_owned(), vec![])]);
        assert_eq!(doc.parts[0].lead, ["留下框内&文末", "其后挪来的话"]);
    }

    #[test]
    fn a_line_break_parts_the_lines_of_a_paragraph_and_joins_those_of_a_heading() {
        let s = styles(&[("1", "heading 1", None, None)]);
        let body = document(
            TRANSITIONAL,
            &[
                r#"<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>第一章</w:t><w:br/><w:t>总则</w:t></w:r></w:p>"#,
                r#"<w:p><w:r><w:t>地址：北京市</w:t></w:r><w:r><w:br/><w:t>电话：12345</w:t><w:cr/></w:r></w:p>"#,
            ]
            .concat(),
        );
        let doc = read(&[("word/document.xml", body), ("word/styles.xml", s)]);
        assert_eq!(shape(&doc), [("第一章 总则".to_owned(), vec![])]);
        assert_eq!(doc.parts[0].lead, ["地址：北京市", "电话：12345"]);
    }

    #[test]
    fn footnotes_close_their_part_and_endnotes_the_document() {
        let s = styles(&[("1", "heading 1", None, None)]);
        let r = |kind: &str, id: u8| format!(r#"<w:r><w:{kind}Reference w:id="{id}"/></w:r>"#);
        let body = document(
            TRANSITIONAL,
            &[
                p(Some("1"), "总则"),
                format!(
                    r#"<w:p><w:r><w:t>原话</w:t></w:r>{}<w:r><w:t>如此。</w:t></w:r>{}</w:p>"#,
                    r("footnote", 2),
                    r("endnote", 1)
                ),
                format!(
                    r#"<w:p><w:r><w:t>又一句。</w:t></w:r>{}</w:p>"#,
                    r("footnote", 9)
                ),
                p(Some("1"), "附则"),
                p(None, "完。"),
            ]
            .concat(),
        );
        let note = |kind: &str, id: i8, extra: &str, text: &str| {
            format!(
                r#"<w:{kind} {extra} w:id="{id}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>"#
            )
        };
        let footnotes = format!(
            r#"<w:footnotes xmlns:w="{TRANSITIONAL}">{}{}</w:footnotes>"#,
            note("footnote", -1, r#"w:type="separator""#, "——"),
            note("footnote", 2, "", "见《选集》第一卷。"),
        );
        let endnotes = format!(
            r#"<w:endnotes xmlns:w="{TRANSITIONAL}">{}</w:endnotes>"#,
            note("endnote", 1, "", "全文完。"),
        );
        let doc = read(&[
            ("word/document.xml", body),
            ("word/styles.xml", s),
            ("word/footnotes.xml", footnotes),
            ("word/endnotes.xml", endnotes),
        ]);
        assert_eq!(
            shape(&doc),
            [("总则".to_owned(), vec![]), ("附则".to_owned(), vec![])]
        );
        // A reference to a note the file does not hold is left out.
        assert_eq!(
            doc.parts[0].lead,
            [
                "原话［注1］如此。［注2］",
                "又一句。",
                "注1：见《选集》第一卷。"
            ]
        );
        assert_eq!(doc.parts[1].lead, ["完。", "注2：全文完。"]);
    }

    #[test]
    fn list_items_keep_their_numbers_and_bullets() {
        let numbering = format!(
            r#"<w:numbering xmlns:w="{TRANSITIONAL}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#,
            '\u{F0B7}'
        );
        let item = |num: u8, ilvl: u8, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let body = document(
            TRANSITIONAL,
            &[
                // With headings of its own, the document's numbered lines
                // are list items, not headings found by their pattern.
                p(Some("1"), "总则"),
                item(1, 0, "学理论"),
                item(1, 1, "读原著"),
                item(1, 1, "悟原理"),
                item(1, 0, "抓落实"),
                item(2, 0, "要点"),
            ]
            .concat(),
        );
        let doc = read(&[
            ("word/document.xml", body),
            ("word/numbering.xml", numbering),
            ("word/styles.xml", styles(&[("1", "heading 1", None, None)])),
        ]);
        assert_eq!(
            doc.parts[0].lead,
            [
                "1. 学理论",
                "（一）读原著",
                "（二）悟原理",
                "2. 抓落实",
                "• 要点"
            ]
        );
    }

    #[test]
    fn facts_from_the_document_properties() {
        let body = document(TRANSITIONAL, &p(None, "正文，八个字。"));
        let core = r#"<cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:title>心得 &amp; 体会</dc:title><dc:creator>张三</dc:creator><dcterms:created>2025-06-30T08:00:00Z</dcterms:created></cp:coreProperties>"#;
        let app = |pages: u32, chars: u32| {
            format!(
                r#"<Properties xmlns="x"><Pages>{pages}</Pages><Characters>{chars}</Characters></Properties>"#
            )
        };
        let doc = read(&[
            ("word/document.xml", body.clone()),
            ("docProps/core.xml", core.into()),
            ("docProps/app.xml", app(8, 3400)),
        ]);
        assert_eq!(doc.title.as_deref(), Some("心得 & 体会"));
        assert_eq!((doc.pages, doc.chars), (Some(8), 3400));
        assert_eq!(doc.published, Date::new(2025, 6, 30));
        assert_eq!(doc.author.as_deref(), Some("张三"));
        // WPS often writes zero: then the text is counted, pages unknown.
        let doc = read(&[("word/document.xml", body), ("docProps/app.xml", app(0, 0))]);
        assert_eq!((doc.pages, doc.chars, doc.title), (None, 7, None));
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0];
        ole.extend_from_slice(&[0; 60]);
        assert!(read_docx(&ole, true)
            .unwrap_err()
            .message()
            .contains("save it as .docx"));
        let bomb = zip(&[("word/document.xml", &vec![b' '; 300_000])], true);
        assert!(read_with_limit(&bomb, true, 100_000)
            .unwrap_err()
            .message()
            .contains("zip bomb"));
        let broken = docx(&[(
            "word/document.xml",
            "<w:document><w:body><w:p></w:body>".into(),
        )]);
        let e = read_docx(&broken, true).unwrap_err().message();
        assert!(e.contains("word/document.xml") && e.contains("XML"), "{e}");
        let empty = docx(&[("word/document.xml", document(TRANSITIONAL, "<w:p/>"))]);
        assert_eq!(
            read_docx(&empty, true).unwrap_err().message(),
            "the document is empty"
        );
        assert!(read_docx(b"PK junk", true)
            .unwrap_err()
            .message()
            .contains("damaged"));
        let no_document = docx(&[("other.xml", "<a/>".into())]);
        assert!(read_docx(&no_document, true)
            .unwrap_err()
            .message()
            .contains("word/document.xml"));
    }

    #[test]
    fn the_seed_as_a_word_file_gives_the_same_essay() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let seed = crate::load_collection(&dir).unwrap().essays.remove(0);
        // As the original is laid out: a Title, parts in Heading 1, and
        // each sub-section a paragraph opening with 其一，….
        let mut body = p(Some("Title"), &seed.title);
        for part in &seed.parts {
            body.push_str(&p(Some("1"), &part.title));
            for lead in &part.lead {
                body.push_str(&p(None, &lead.text));
            }
            for section in &part.sections {
                for para in section.paragraphs() {
                    body.push_str(&p(None, &para.text));
                }
            }
        }
        let s = styles(&[
            ("Title", "Title", None, None),
            ("1", "heading 1", None, None),
        ]);
        let doc = read(&[
            ("word/document.xml", document(TRANSITIONAL, &body)),
            ("word/styles.xml", s),
        ]);
        assert_eq!(doc.title.as_deref(), Some(seed.title.as_str()));
        assert_eq!(doc.parts, seed.parts);
    }
}
