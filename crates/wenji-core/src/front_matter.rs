//! Front matter: the facts a Markdown file gives above its text, as TOML
//! between `+++` lines (this project's own) or as YAML between `---` lines
//! (as Typora, Obsidian, Hugo and Jekyll write it), and the TOML of a
//! document's sidecar.
//!
//! Both syntaxes are read into one list of fields, and one table of rules
//! (`FIELDS`, `Given::take`) checks them, so each field and its check is
//! written once. How strictly depends on who wrote the file ([`Mode`]): in
//! `content/` an unknown TOML field (a typo, most likely) or a bad value
//! stops the build with its line, while the YAML keys other tools write
//! (`tags`, `aliases`) are ignored with a warning; in a file a reader opens
//! in the page, whatever is not understood is left out and nothing is
//! refused. YAML is read only as far as front matter uses it: top-level
//! `key: value` lines, quoted or not; lists and nested maps are skipped.

use crate::model::Date;
use crate::parse::ParseError;

/// How a front matter's problems are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `content/`: an author's mistake stops the build, naming the line.
    Strict,
    /// A file opened in the page: what is not understood is left out.
    Lenient,
}

/// What a front matter or a sidecar gives, checked.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Given {
    pub title: Option<String>,
    pub order: Option<u32>,
    pub format: Option<String>,
    pub chars: Option<u32>,
    pub pages: Option<u32>,
    pub published: Option<Date>,
    pub region: Option<String>,
    pub author: Option<String>,
    pub excerpt: Option<bool>,
    /// For a `.docx` or `.txt` file's sidecar: `false` shows the document
    /// as one part, without looking for its headings.
    pub split: Option<bool>,
}

/// The fields understood, as they are written (`date` is what Hugo and
/// Jekyll call `published`).
pub const FIELDS: [&str; 11] = [
    "title",
    "order",
    "format",
    "chars",
    "pages",
    "published",
    "date",
    "region",
    "author",
    "excerpt",
    "split",
];

/// A front matter read from the top of a file's lines.
#[derive(Debug, Default)]
pub struct Front {
    pub given: Given,
    /// The index of the first line after it (0 when there is none).
    pub body_start: usize,
    /// What was let pass (each with its line), for the build to say.
    pub warnings: Vec<ParseError>,
}

/// One field as written, before its rule is applied.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Int(i64),
    Bool(bool),
    /// A date, and whether a time of day followed it.
    Date(Option<Date>, bool),
    /// A list, a table or anything else front matter may hold.
    Other(String),
}

impl Value {
    fn shown(&self) -> String {
        match self {
            Value::Text(t) | Value::Other(t) => t.clone(),
            Value::Int(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Date(Some(d), _) => d.to_string(),
            Value::Date(None, _) => "a date that does not exist".into(),
        }
    }
}

struct Field {
    key: String,
    /// 1-based line in the file.
    line: usize,
    value: Value,
}

/// The front matter at the top of `lines` (of `file`), if any: `+++`
/// TOML or `---` YAML, closed by the same fence.
pub fn read(file: &str, lines: &[&str], mode: Mode) -> Result<Front, ParseError> {
    let err = |line: usize, message: String| ParseError {
        file: file.into(),
        line,
        message,
    };
    let Some(fence) = lines
        .first()
        .map(|l| l.trim_end())
        .filter(|l| *l == "+++" || *l == "---")
    else {
        return Ok(Front::default());
    };
    let Some(close) = lines.iter().skip(1).position(|l| l.trim_end() == fence) else {
        return match mode {
            Mode::Strict => Err(err(
                1,
                format!(
                    "the front matter is never closed: end it with a `{fence}` line, \
                     or remove the `{fence}` on line 1"
                ),
            )),
            // A lone `---` is a thematic break, a lone `+++` text.
            Mode::Lenient => Ok(Front::default()),
        };
    };
    let close = close + 1;
    let inner = &lines[1..close];
    let fields = if fence == "+++" {
        toml_fields(file, inner, 2, "front matter")
    } else {
        yaml_fields(file, inner, 2)
    };
    let fields = match (fields, mode) {
        (Ok(fields), _) => fields,
        (Err(e), Mode::Strict) => return Err(e),
        (Err(_), Mode::Lenient) => Vec::new(),
    };
    let mut front = Front {
        body_start: close + 1,
        ..Front::default()
    };
    let what = if fence == "+++" {
        "front matter"
    } else {
        "YAML front matter"
    };
    for field in fields {
        match front.given.take(&field) {
            Ok(()) => {}
            Err(message) => {
                let known = FIELDS.contains(&field.key.as_str());
                let e = err(field.line, format!("{what}: {message}"));
                match mode {
                    Mode::Lenient => {}
                    // Other tools' keys in YAML are theirs, not a typo.
                    Mode::Strict if fence == "---" && !known => front.warnings.push(e),
                    Mode::Strict => return Err(e),
                }
            }
        }
    }
    Ok(front)
}

/// A sidecar's TOML (`lines`, the whole file), strictly: it is written for
/// the build alone.
pub fn read_sidecar(file: &str, lines: &[&str]) -> Result<Given, ParseError> {
    let mut given = Given::default();
    for field in toml_fields(file, lines, 1, "sidecar")? {
        given.take(&field).map_err(|message| ParseError {
            file: file.into(),
            line: field.line,
            message: format!("sidecar: {message}"),
        })?;
    }
    Ok(given)
}

impl Given {
    /// Apply one field's rule: set it, or say what is wrong and what to
    /// write instead.
    fn take(&mut self, field: &Field) -> Result<(), String> {
        let key = field.key.as_str();
        let value = &field.value;
        let text = |name: &str| match value {
            Value::Text(t) if !t.trim().is_empty() => Ok(t.trim().to_owned()),
            Value::Text(_) => Err(format!(
                "`{name}` is empty: give it a value or leave the line out"
            )),
            v => Err(format!(
                "`{name}` must be text in quotes, found `{}`",
                v.shown()
            )),
        };
        let number = |name: &str| match value {
            Value::Int(n) => u32::try_from(*n)
                .map_err(|_| format!("`{name}` must be a whole number from 0, found `{n}`")),
            v => Err(format!(
                "`{name}` must be a whole number, found `{}`",
                v.shown()
            )),
        };
        let flag = |name: &str| match value {
            Value::Bool(b) => Ok(*b),
            v => Err(format!(
                "`{name}` must be true or false, found `{}`",
                v.shown()
            )),
        };
        match key {
            "title" => self.title = Some(text(key)?),
            "region" => self.region = Some(text(key)?),
            "author" => self.author = Some(text(key)?),
            "format" => {
                let format = text(key)?;
                if format.starts_with('.') {
                    return Err(format!(
                        "`format` is written without the dot: `{}`",
                        format.trim_start_matches('.')
                    ));
                }
                self.format = Some(format);
            }
            "order" => self.order = Some(number(key)?),
            "chars" => self.chars = Some(number(key)?),
            "pages" => self.pages = Some(number(key)?),
            "excerpt" => self.excerpt = Some(flag(key)?),
            "split" => self.split = Some(flag(key)?),
            "published" | "date" => match value {
                // TOML's `published` is a day; YAML's dates often carry a
                // time, of which the day is kept.
                Value::Date(Some(d), with_time) if !with_time || key == "date" => {
                    // `published` wins over `date` when both are given.
                    if key == "published" || self.published.is_none() {
                        self.published = Some(*d);
                    }
                }
                v => {
                    return Err(format!(
                        "`{key}` must be a calendar date like 2026-01-15, found `{}`",
                        v.shown()
                    ))
                }
            },
            _ => {
                return Err(format!(
                    "unknown field `{key}`: the fields are {}",
                    FIELDS.join(", ")
                ))
            }
        }
        Ok(())
    }
}

/// The fields of TOML `lines`, the first being line `first` of the file.
/// `what` names it in messages (`front matter`, `sidecar`).
fn toml_fields(
    file: &str,
    lines: &[&str],
    first: usize,
    what: &str,
) -> Result<Vec<Field>, ParseError> {
    let text = lines.join("\n");
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        let line = first + text[..offset.min(text.len())].matches('\n').count();
        ParseError {
            file: file.into(),
            line,
            message: format!("{what}: {}", e.message().trim_end().replace('\n', " ")),
        }
    })?;
    let line_of = |key: &str| {
        lines
            .iter()
            .position(|l| {
                let l = l.trim_start();
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(first, |i| i + first)
    };
    let mut fields: Vec<Field> = table
        .into_iter()
        .map(|(key, value)| Field {
            line: line_of(&key),
            value: match value {
                toml::Value::String(s) => Value::Text(s),
                toml::Value::Integer(n) => Value::Int(n),
                toml::Value::Boolean(b) => Value::Bool(b),
                toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                    (Some(d), time, offset) => Value::Date(
                        Date::new(d.year, d.month, d.day),
                        time.is_some() || offset.is_some(),
                    ),
                    _ => Value::Other(dt.to_string()),
                },
                other => Value::Other(other.to_string()),
            },
            key,
        })
        .collect();
    // The table is sorted by key: say problems in the file's order.
    fields.sort_by_key(|f| f.line);
    Ok(fields)
}

/// The top-level `key: value` fields of YAML `lines`, the first being
/// line `first` of the file. Indented lines and list items belong to the
/// key above them and are skipped with it.
fn yaml_fields(file: &str, lines: &[&str], first: usize) -> Result<Vec<Field>, ParseError> {
    let mut fields = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let line = first + i;
        let trimmed = raw.trim();
        if trimmed.is_empty()
            || trimmed.starts_with('#')
            || raw.starts_with([' ', '\t', '-'])
            || trimmed == "..."
        {
            continue;
        }
        let Some((key, rest)) = trimmed.split_once(':') else {
            return Err(ParseError {
                file: file.into(),
                line,
                message: "YAML front matter: a line that is not `key: value`".into(),
            });
        };
        let key = unquote(key.trim()).to_owned();
        fields.push(Field {
            key,
            line,
            value: yaml_value(rest.trim()),
        });
    }
    Ok(fields)
}

/// A YAML scalar as front matter writes it.
fn yaml_value(raw: &str) -> Value {
    let quoted = raw.len() >= 2
        && ((raw.starts_with('"') && raw.ends_with('"'))
            || (raw.starts_with('\'') && raw.ends_with('\'')));
    if quoted {
        return Value::Text(unquote(raw).to_owned());
    }
    // An unquoted value ends at a comment.
    let raw = raw.split(" #").next().unwrap_or(raw).trim();
    if raw.is_empty() || raw.starts_with(['[', '{', '|', '>', '&', '*', '!']) {
        return Value::Other(raw.to_owned());
    }
    match raw {
        "true" | "True" | "TRUE" | "yes" | "Yes" => return Value::Bool(true),
        "false" | "False" | "FALSE" | "no" | "No" => return Value::Bool(false),
        _ => {}
    }
    if let Ok(n) = raw.parse::<i64>() {
        return Value::Int(n);
    }
    if let Some(date) = yaml_date(raw) {
        return date;
    }
    Value::Text(raw.to_owned())
}

/// `2024-01-15`, with a time after it or not (`2024-01-15T10:30:00+08:00`,
/// `2024-01-15 10:30`).
fn yaml_date(raw: &str) -> Option<Value> {
    let bytes = raw.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        bytes
            .get(r)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    if !(digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return None;
    }
    let rest = &raw[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let date = Date::new(
        raw[0..4].parse().ok()?,
        raw[5..7].parse().ok()?,
        raw[8..10].parse().ok()?,
    );
    Some(Value::Date(date, !rest.is_empty()))
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|t| t.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<&str> {
        s.lines().collect()
    }

    #[test]
    fn yaml_as_typora_obsidian_and_hugo_write_it() {
        let src = "---\ntitle: \"学习体会: 一\"\ndate: 2024-03-05T10:30:00+08:00\nauthor: 张三\ntags:\n  - 学习\n  - 心得\naliases: [a, b]\ndraft: false\n---\n正文";
        let front = read("a.md", &lines(src), Mode::Strict).unwrap();
        assert_eq!(front.given.title.as_deref(), Some("学习体会: 一"));
        assert_eq!(front.given.author.as_deref(), Some("张三"));
        assert_eq!(front.given.published, Date::new(2024, 3, 5));
        assert_eq!(front.body_start, 10);
        // Other tools' keys are let pass, each said with its line.
        let warned: Vec<usize> = front.warnings.iter().map(|w| w.line).collect();
        assert_eq!(warned, [5, 8, 9]);
        assert!(front.warnings[0].message.contains("unknown field `tags`"));
    }

    #[test]
    fn toml_is_strict_in_content_and_lenient_in_the_page() {
        let src = "+++\ntitle = \"T\"\nwriter = \"x\"\npages = \"six\"\n+++\n";
        let e = read("a.md", &lines(src), Mode::Strict).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.message
                .contains("unknown field `writer`: the fields are title"),
            "{e}"
        );
        let front = read("a.md", &lines(src), Mode::Lenient).unwrap();
        assert_eq!(front.given.title.as_deref(), Some("T"));
        assert_eq!(front.given.pages, None);
        assert_eq!(front.body_start, 5);
        // Broken TOML in the page: no facts, the text still read after it.
        let broken = read("a.md", &lines("+++\ntitle = \n+++\n正文"), Mode::Lenient).unwrap();
        assert_eq!((broken.given, broken.body_start), (Given::default(), 3));
    }

    #[test]
    fn an_unclosed_fence_is_text_in_the_page_and_an_error_in_content() {
        let src = "---\n正文第一段。\n";
        let front = read("a.md", &lines(src), Mode::Lenient).unwrap();
        assert_eq!(front.body_start, 0);
        let e = read("a.md", &lines(src), Mode::Strict).unwrap_err();
        assert!(e.message.contains("end it with a `---` line"), "{e}");
    }

    #[test]
    fn a_published_day_has_no_time_and_published_wins_over_date() {
        let e = read(
            "a.md",
            &lines("+++\npublished = 2026-01-15T08:00:00\n+++"),
            Mode::Strict,
        )
        .unwrap_err();
        assert!(
            e.message.contains("`published` must be a calendar date"),
            "{e}"
        );
        let both = "---\npublished: 2026-01-15\ndate: 2020-01-01\n---";
        let front = read("a.md", &lines(both), Mode::Strict).unwrap();
        assert_eq!(front.given.published, Date::new(2026, 1, 15));
        let bad = read("a.md", &lines("---\ndate: 2026-02-30\n---"), Mode::Strict).unwrap_err();
        assert_eq!(bad.line, 2);
    }

    #[test]
    fn yaml_scalars() {
        assert_eq!(yaml_value("'单引号'"), Value::Text("单引号".into()));
        assert_eq!(yaml_value("12 # 注释"), Value::Int(12));
        assert_eq!(yaml_value("yes"), Value::Bool(true));
        assert_eq!(
            yaml_value("2024-01-15"),
            Value::Date(Date::new(2024, 1, 15), false)
        );
        assert_eq!(yaml_value("2024-01-15x"), Value::Text("2024-01-15x".into()));
        assert_eq!(yaml_value(""), Value::Other(String::new()));
    }
}
