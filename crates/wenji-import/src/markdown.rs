//! Markdown as people write it (Typora, Obsidian, a note app's export),
//! read for a file a reader opens in the page: nothing is refused.
//!
//! `content/` has a strict dialect of its own (`wenji_core::parse`), where
//! a mistake stops the build. A reader's file is read the way a Markdown
//! editor shows it instead: its front matter (YAML or TOML) gives the
//! title, date and author where it has them; its `#` headings are levels
//! like a Word file's heading styles (the highest used is a part, the next
//! a sub-section, deeper ones lead-in lines), so `outline` makes the parts
//! exactly as it does for Word; text before the first heading is a part of
//! its own, a file without headings is one part, an empty part is kept.
//! Inline markup (emphasis, links, code) is taken off and its text kept;
//! nothing is ever read as HTML.

use wenji_core::front_matter::{self, Given, Mode};
use wenji_core::model::count_chars;
use wenji_core::Document;

use crate::outline::{self, DocParagraph};
use crate::text;
use crate::ImportError;

/// A Markdown file (`name`, `bytes`) as a document and what its front
/// matter gives. With `split` off, one part of every paragraph.
pub fn read_markdown(
    name: &str,
    bytes: &[u8],
    split: bool,
) -> Result<(Document, Given), ImportError> {
    let (source, _) = text::decode(bytes)?;
    let lines: Vec<&str> = source
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let front = front_matter::read(name, &lines, Mode::Lenient).unwrap_or_default();
    let mut blocks = blocks(&lines[front.body_start.min(lines.len())..]);

    // A first `#` heading that no other `#` heading follows is the title.
    let title_line = match blocks.first() {
        Some(Block::Heading(1, t))
            if !blocks[1..]
                .iter()
                .any(|b| matches!(b, Block::Heading(1, _))) =>
        {
            Some(t.clone())
        }
        _ => None,
    };
    if title_line.is_some() {
        blocks.remove(0);
    }
    let has_headings = blocks.iter().any(|b| matches!(b, Block::Heading(..)));
    let paragraphs: Vec<DocParagraph> = blocks
        .into_iter()
        .map(|b| match b {
            Block::Heading(level, text) => DocParagraph {
                text,
                level: Some(level),
                lead_in: false,
            },
            Block::Text(text) => DocParagraph::text(text),
            Block::LeadIn(text) => DocParagraph::lead_in(text),
        })
        .collect();
    let chars = count_chars(paragraphs.iter().map(|p| p.text.as_str()));
    // Without headings the author marked none: one part, not a guess.
    let parts = outline::parts(&paragraphs, split && has_headings);
    if parts
        .iter()
        .all(|p| p.lead.is_empty() && p.sections.is_empty())
        && chars == 0
    {
        return Err(ImportError::Empty);
    }
    Ok((
        Document {
            title: title_line,
            parts,
            chars,
            pages: None,
            published: None,
            author: None,
        },
        front.given,
    ))
}

/// A block of the text, its inline markup taken off.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    /// `#` … `######`, or a line underlined with `===` (1) or `---` (2).
    Heading(usize, String),
    Text(String),
    /// A paragraph bold as a whole.
    LeadIn(String),
}

/// The blocks of a Markdown body.
fn blocks(lines: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    // The fence of an open code block: its character and length.
    let mut fence: Option<(char, usize)> = None;
    for raw in lines {
        let line = raw.trim();
        if let Some((c, n)) = fence {
            if line.chars().take_while(|x| *x == c).count() >= n && line.trim_matches(c).is_empty()
            {
                fence = None;
            } else if !line.is_empty() {
                // Code is kept line by line, as it stands.
                out.push(Block::Text(line.to_owned()));
            }
            continue;
        }
        let line = strip_quote(line);
        if let Some(open) = fence_open(line) {
            flush(&mut out, &mut paragraph);
            fence = Some(open);
            continue;
        }
        if line.is_empty() || is_comment(line) {
            flush(&mut out, &mut paragraph);
            continue;
        }
        if let Some((level, text)) = atx_heading(line) {
            flush(&mut out, &mut paragraph);
            let text = inline(text);
            if !text.is_empty() {
                out.push(Block::Heading(level, text));
            }
            continue;
        }
        if let Some(level) = setext_level(line).filter(|_| !paragraph.is_empty()) {
            let text = inline(&joined(&paragraph));
            paragraph.clear();
            out.push(Block::Heading(level, text));
            continue;
        }
        if is_break(line) || is_table_rule(line) {
            flush(&mut out, &mut paragraph);
            continue;
        }
        if line.starts_with('|') {
            flush(&mut out, &mut paragraph);
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|c| inline(c.trim()))
                .collect();
            out.push(Block::Text(cells.join("　")));
            continue;
        }
        if let Some(item) = list_item(line) {
            flush(&mut out, &mut paragraph);
            paragraph.push(item);
            continue;
        }
        // A hard line break (two spaces, a backslash, `<br>`) ends the
        // paragraph: the reader's paragraphs have no line breaks inside.
        let hard = raw.ends_with("  ") || line.ends_with('\\');
        let mut pieces = line.trim_end_matches('\\').split("<br>").peekable();
        while let Some(piece) = pieces.next() {
            paragraph.push(piece.trim());
            if pieces.peek().is_some() || hard {
                flush(&mut out, &mut paragraph);
            }
        }
    }
    flush(&mut out, &mut paragraph);
    out
}

fn flush(out: &mut Vec<Block>, paragraph: &mut Vec<&str>) {
    if paragraph.is_empty() {
        return;
    }
    let text = joined(paragraph);
    paragraph.clear();
    let bold = ["**", "__"].iter().find_map(|d| {
        text.strip_prefix(d)
            .and_then(|t| t.strip_suffix(d))
            .filter(|t| !t.trim().is_empty() && !t.contains(d))
    });
    let block = match bold {
        Some(inner) => Block::LeadIn(inline(inner.trim())),
        None => Block::Text(inline(&text)),
    };
    if !matches!(&block, Block::Text(t) | Block::LeadIn(t) if t.is_empty()) {
        out.push(block);
    }
}

/// A paragraph's lines joined: directly after Chinese text, with a space
/// between two Latin words.
fn joined(lines: &[&str]) -> String {
    let mut text = String::new();
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let ascii_end = text
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        let ascii_start = line
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii_end && ascii_start {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

fn strip_quote(mut line: &str) -> &str {
    while let Some(rest) = line.strip_prefix('>') {
        line = rest.trim_start();
    }
    line
}

fn fence_open(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
}

fn is_comment(line: &str) -> bool {
    line.starts_with("<!--") && line.ends_with("-->")
}

/// `## 标题 ##` → (2, "标题").
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    let rest = &line[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim();
    // A closing run of `#` after a space is not part of the heading.
    let text = match text.trim_end_matches('#') {
        t if t.len() < text.len() && (t.is_empty() || t.ends_with(' ')) => t.trim_end(),
        _ => text,
    };
    Some((level, text))
}

fn setext_level(line: &str) -> Option<usize> {
    if line.len() >= 2 && line.chars().all(|c| c == '=') {
        Some(1)
    } else if line.len() >= 2 && line.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
}

/// `---`, `***`, `___` (spaces allowed between).
fn is_break(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|m| marks.chars().all(|c| c == *m))
}

/// A table's rule under its header: `|---|:--:|`.
fn is_table_rule(line: &str) -> bool {
    line.contains('-')
        && line.contains('|')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A list item's text, its bullet taken off (a number is kept: it counts).
fn list_item(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            let rest = rest.trim_start();
            // A task list's box.
            for box_ in ["[ ] ", "[x] ", "[X] "] {
                if let Some(task) = rest.strip_prefix(box_) {
                    return Some(task);
                }
            }
            return Some(rest);
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after = &line[digits..];
    (digits > 0 && digits <= 9 && (after.starts_with(". ") || after.starts_with(") ")))
        .then_some(line)
}

/// One piece of a paragraph, before emphasis is paired.
enum Piece<'a> {
    Text(std::borrow::Cow<'a, str>),
    /// `**`, `__`, `~~` or `*`: taken off when it has a partner.
    Mark(&'static str),
}

/// Inline markup taken off: emphasis and strike marks that pair up, code
/// spans' backticks, links and images as their text, escapes as the
/// character. Linear in the text (marks pair in order, not by search).
pub(crate) fn inline(text: &str) -> String {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut rest = text;
    let mut plain = 0;
    // A closer searched for in vain is absent from every later suffix
    // too: never search for it again (this keeps the pass linear).
    let mut missing = Missing::default();
    fn flush_plain<'a>(pieces: &mut Vec<Piece<'a>>, from: &'a str, upto: usize) {
        if upto > 0 {
            pieces.push(Piece::Text(from[..upto].into()));
        }
    }
    while plain < rest.len() {
        let tail = &rest[plain..];
        let c = tail.chars().next().unwrap_or(' ');
        let taken: Option<(Piece, usize)> = match c {
            '\\' => tail[1..]
                .chars()
                .next()
                .filter(char::is_ascii_punctuation)
                .map(|p| (Piece::Text(p.to_string().into()), 1 + p.len_utf8())),
            '`' => {
                let ticks = tail.chars().take_while(|x| *x == '`').count();
                let found = (ticks < missing.ticks.len() && !missing.ticks[ticks])
                    .then(|| tail[ticks..].find(&"`".repeat(ticks)))
                    .flatten();
                if found.is_none() && ticks < missing.ticks.len() {
                    missing.ticks[ticks] = true;
                }
                found.map(|end| {
                    let code = tail[ticks..ticks + end].trim();
                    (Piece::Text(code.into()), ticks + end + ticks)
                })
            }
            '!' | '[' => link(tail, &mut missing)
                .map(|(label, len)| (Piece::Text(inline(label).into()), len)),
            '*' | '_' | '~' => ["**", "__", "~~", "*"]
                .into_iter()
                .find(|m| tail.starts_with(m))
                .map(|m| (Piece::Mark(m), m.len())),
            _ => None,
        };
        match taken {
            Some((piece, len)) => {
                flush_plain(&mut pieces, rest, plain);
                pieces.push(piece);
                rest = &rest[plain + len..];
                plain = 0;
            }
            None => plain += c.len_utf8(),
        }
    }
    flush_plain(&mut pieces, rest, plain);

    // Marks of a kind pair in order; an odd one out stays as written.
    let count = |m: &str| {
        pieces
            .iter()
            .filter(|p| matches!(p, Piece::Mark(x) if *x == m))
            .count()
    };
    let mut left: Vec<(&str, usize)> = ["**", "__", "~~", "*"]
        .into_iter()
        .map(|m| (m, count(m) / 2 * 2))
        .collect();
    let mut out = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Mark(m) => match left.iter_mut().find(|(x, _)| *x == m) {
                Some((_, n)) if *n > 0 => *n -= 1,
                _ => out.push_str(m),
            },
        }
    }
    out
}

/// Closers found absent from the rest of a paragraph.
#[derive(Default)]
struct Missing {
    bracket: bool,
    paren: bool,
    /// By the length of a run of backticks (longer runs stay as written).
    ticks: [bool; 8],
}

/// `[text](url)`, `![alt](src)` or `[text][ref]` at the start of `s`: its
/// text, and the length of the whole.
fn link<'a>(s: &'a str, missing: &mut Missing) -> Option<(&'a str, usize)> {
    let open = usize::from(s.starts_with('!'));
    if !s[open..].starts_with('[') || missing.bracket {
        return None;
    }
    let Some(end) = s[open + 1..].find(']') else {
        missing.bracket = true;
        return None;
    };
    let label_end = open + 1 + end;
    let label = &s[open + 1..label_end];
    let after = &s[label_end + 1..];
    let (close, flag) = if after.starts_with('(') {
        (')', &mut missing.paren)
    } else if after.starts_with('[') {
        (']', &mut missing.bracket)
    } else {
        return None;
    };
    if *flag {
        return None;
    }
    let Some(len) = after.find(close) else {
        *flag = true;
        return None;
    };
    Some((label, label_end + 1 + len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wenji_core::{Date, Paragraph};

    fn read(md: &str) -> (Document, Given) {
        read_markdown("笔记.md", md.as_bytes(), true).expect("it opens")
    }

    fn titles(doc: &Document) -> Vec<&str> {
        doc.parts.iter().map(|p| p.title.as_str()).collect()
    }

    #[test]
    fn yaml_front_matter_gives_title_date_and_author() {
        let (doc, given) = read(
            "---\ntitle: 学习心得\ndate: 2024-05-01 09:00\nauthor: 李四\ntags: [学习]\n---\n\n## 一、体会\n\n正文。\n",
        );
        assert_eq!(given.title.as_deref(), Some("学习心得"));
        assert_eq!(given.published, Date::new(2024, 5, 1));
        assert_eq!(given.author.as_deref(), Some("李四"));
        assert_eq!(titles(&doc), ["一、体会"]);
    }

    #[test]
    fn toml_front_matter_with_unknown_fields_is_read_too() {
        let (_, given) = read("+++\ntitle = \"笔记\"\ndraft = true\n+++\n正文。\n");
        assert_eq!(given.title.as_deref(), Some("笔记"));
    }

    #[test]
    fn a_file_without_headings_is_one_part() {
        let (doc, _) = read("第一段。\n\n一、不是标题的一行\n\n第三段。\n");
        assert_eq!(titles(&doc), ["正文"]);
        assert_eq!(
            doc.parts[0].lead,
            ["第一段。", "一、不是标题的一行", "第三段。"]
        );
    }

    #[test]
    fn text_before_the_first_heading_is_an_opening_part() {
        let (doc, _) = read("# 标题\n\n开头的话。\n\n## 第一部分\n\n正文。\n");
        assert_eq!(doc.title.as_deref(), Some("标题"));
        assert_eq!(titles(&doc), ["正文", "第一部分"]);
        assert_eq!(doc.parts[0].lead, ["开头的话。"]);
    }

    #[test]
    fn deeper_headings_are_lead_in_lines_and_empty_parts_are_kept() {
        let (doc, _) = read("## 甲\n\n### 子\n\n#### 更深\n\n正文。\n\n## 空\n\n## 乙\n\n乙文。\n");
        assert_eq!(titles(&doc), ["甲", "空", "乙"]);
        assert_eq!(doc.parts[0].sections[0].heading, "子");
        assert_eq!(
            doc.parts[0].sections[0].body,
            [Paragraph::lead_in("更深"), Paragraph::text("正文。")]
        );
        assert!(doc.parts[1].lead.is_empty());
    }

    #[test]
    fn levels_are_relative_and_several_h1_are_parts() {
        let (doc, _) = read("# 第一章\n\n甲。\n\n## 第一节\n\n乙。\n\n# 第二章\n\n丙。\n");
        assert_eq!(doc.title, None);
        assert_eq!(titles(&doc), ["第一章", "第二章"]);
        assert_eq!(doc.parts[0].sections[0].heading, "第一节");
        // Only `###` used: they are the parts.
        let (doc, _) = read("### 甲\n\n一。\n\n### 乙\n\n二。\n");
        assert_eq!(titles(&doc), ["甲", "乙"]);
    }

    #[test]
    fn inline_markup_is_taken_off_and_its_text_kept() {
        assert_eq!(
            inline("要**坚持**以人为本，见[文件](http://x/a_b.html)和![图](p.png)，`代码`，~~删~~，*强调*。"),
            "要坚持以人为本，见文件和图，代码，删，强调。"
        );
        assert_eq!(inline("3 * 4 = 12，a_b_c"), "3 * 4 = 12，a_b_c");
        assert_eq!(inline(r"\*不是强调\*"), "*不是强调*");
        assert_eq!(inline("[未闭合"), "[未闭合");
        // Linear: a long run of brackets that never close (and marks,
        // which pair up and go), and one backtick that never closes.
        let long = format!("`{}", "*[(".repeat(200_000));
        assert!(inline(&long) == format!("`{}", "[(".repeat(200_000)));
    }

    #[test]
    fn blocks_as_an_editor_shows_them() {
        let md = "标题一\n===\n\n> 引用的话\n> 续行。\n\n- 第一项\n- [x] 第二项\n1. 编号项\n\n---\n\n| 甲 | 乙 |\n|---|:-:|\n| 1 | 2 |\n\n```\n# 不是标题\n```\n\n**（一）加粗的导语**\n\n<!-- 注释 -->\n第一行  \n第二行\n";
        assert_eq!(
            blocks(&md.lines().collect::<Vec<_>>()),
            [
                Block::Heading(1, "标题一".into()),
                Block::Text("引用的话续行。".into()),
                Block::Text("第一项".into()),
                Block::Text("第二项".into()),
                Block::Text("1. 编号项".into()),
                Block::Text("甲　乙".into()),
                Block::Text("1　2".into()),
                Block::Text("# 不是标题".into()),
                Block::LeadIn("（一）加粗的导语".into()),
                Block::Text("第一行".into()),
                Block::Text("第二行".into()),
            ]
        );
    }

    #[test]
    fn unsplit_keeps_headings_as_text_and_empty_files_are_refused() {
        let (doc, _) =
            read_markdown("a.md", "## 甲\n\n一。\n\n## 乙\n\n二。\n".as_bytes(), false).unwrap();
        assert_eq!(doc.parts.len(), 1);
        assert_eq!(doc.parts[0].lead, ["甲", "一。", "乙", "二。"]);
        assert_eq!(
            read_markdown("a.md", b"---\ntitle: x\n---\n\n", true).unwrap_err(),
            ImportError::Empty
        );
    }
}
