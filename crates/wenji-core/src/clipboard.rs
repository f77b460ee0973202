//! What a selection copied from the page puts on the clipboard.
//!
//! The browser's own copy serializes the computed style of every element:
//! in the dark theme that is near-white text, which pastes into Word or WPS
//! as invisible text. The page instead gives the blocks of the selection
//! (headings and paragraphs, their text only) as plain text and as HTML
//! with no style at all, so that a document keeps its own formatting.

/// One block of copied text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading at level 1–6.
    Heading(u8, String),
    Paragraph(String),
    /// A lead-in line: a paragraph in bold.
    LeadIn(String),
}

impl Block {
    fn text(&self) -> &str {
        match self {
            Block::Heading(_, t) | Block::Paragraph(t) | Block::LeadIn(t) => t,
        }
    }
}

/// The blocks as lines of plain text.
pub fn to_plain(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The blocks as HTML elements with no attribute, their text escaped.
pub fn to_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        let (open, close) = match b {
            Block::Heading(level, _) => {
                let n = level.clamp(&1, &6);
                (format!("<h{n}>"), format!("</h{n}>"))
            }
            Block::Paragraph(_) => ("<p>".to_owned(), "</p>".to_owned()),
            Block::LeadIn(_) => ("<p><b>".to_owned(), "</b></p>".to_owned()),
        };
        out.push_str(&open);
        escape_markup_into(&mut out, b.text());
        out.push_str(&close);
    }
    out
}

/// `s` as HTML or XML text: the markup characters escaped.
pub fn escape_markup_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Block> {
        vec![
            Block::Heading(3, "其一，学会“倾听”".into()),
            Block::Paragraph("<b>不是标签</b> & 文字".into()),
            Block::LeadIn("（1）小标题".into()),
        ]
    }

    #[test]
    fn plain_text_is_one_block_a_line() {
        assert_eq!(
            to_plain(&sample()),
            "其一，学会“倾听”\n<b>不是标签</b> & 文字\n（1）小标题"
        );
    }

    #[test]
    fn html_has_no_style_and_text_stays_text() {
        assert_eq!(
            to_html(&sample()),
            "<h3>其一，学会“倾听”</h3><p>&lt;b&gt;不是标签&lt;/b&gt; &amp; 文字</p><p><b>（1）小标题</b></p>"
        );
        assert_eq!(to_html(&[Block::Heading(9, "x".into())]), "<h6>x</h6>");
        assert_eq!(to_html(&[]), "");
    }
}
