//! Plain text as readers' files have it: UTF-8 (with or without a BOM),
//! UTF-16 (with a BOM, or without one but with the zero bytes that give it
//! away), or GB18030 (GBK, the Chinese Windows code page many `.txt` files
//! are still saved in). Each non-empty line is a paragraph.

use crate::outline::DocParagraph;
use crate::ImportError;

/// How a text file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

/// The text of `bytes`, and how it was written.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), ImportError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, Encoding::Utf16Be);
    }
    if let Some(guess) = utf16_without_bom(bytes) {
        return utf16(bytes, guess);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), Encoding::Utf8));
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(ImportError::UnknownEncoding);
    }
    Ok((text.into_owned(), Encoding::Gb18030))
}

fn utf8(bytes: &[u8]) -> Result<(String, Encoding), ImportError> {
    std::str::from_utf8(bytes)
        .map(|t| (t.to_owned(), Encoding::Utf8))
        .map_err(|_| ImportError::BadUtf8)
}

fn utf16(bytes: &[u8], encoding: Encoding) -> Result<(String, Encoding), ImportError> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|b| match encoding {
            Encoding::Utf16Be => u16::from_be_bytes([b[0], b[1]]),
            _ => u16::from_le_bytes([b[0], b[1]]),
        })
        .collect();
    String::from_utf16(&units)
        .map(|t| (t, encoding))
        .map_err(|_| ImportError::BadUtf16)
}

/// UTF-16 without a BOM. UTF-8 and GBK text has no zero byte; UTF-16 text
/// almost always has (in line ends, Latin letters, 　 or 一): then the byte
/// order that reads as ordinary Chinese or Latin text is the one.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) || !bytes.contains(&0) {
        return None;
    }
    [Encoding::Utf16Le, Encoding::Utf16Be]
        .into_iter()
        .find(|&e| utf16(bytes, e).is_ok_and(|(text, _)| reads_as_text(&text)))
}

/// Nearly all of `text` is Chinese, CJK punctuation, full-width forms or
/// printable ASCII.
fn reads_as_text(text: &str) -> bool {
    let ordinary = |c: char| {
        matches!(c as u32, 0x4E00..=0x9FFF | 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2000..=0x206F)
            || c.is_ascii_graphic()
            || c.is_ascii_whitespace()
    };
    let total = text.chars().count();
    total > 0 && text.chars().filter(|c| ordinary(*c)).count() * 10 >= total * 9
}

/// The paragraphs of a text: each line that holds anything, without the
/// indent (spaces, full-width spaces, tabs) around it.
pub fn paragraphs(text: &str) -> Vec<DocParagraph> {
    text.lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
        .filter(|l| !l.is_empty())
        .map(DocParagraph::text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "政工工作心得\n\n　　引言：深耕政工沃土\r\n政工工作，是生命线。\n";

    fn lines(bytes: &[u8]) -> (Vec<String>, Encoding) {
        let (text, enc) = decode(bytes).unwrap();
        (paragraphs(&text).into_iter().map(|p| p.text).collect(), enc)
    }

    fn expected() -> Vec<String> {
        vec![
            "政工工作心得".into(),
            "引言：深耕政工沃土".into(),
            "政工工作，是生命线。".into(),
        ]
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(lines(TEXT.as_bytes()), (expected(), Encoding::Utf8));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(TEXT.as_bytes());
        assert_eq!(lines(&bom), (expected(), Encoding::Utf8));
    }

    #[test]
    fn utf16_both_ways_with_and_without_bom() {
        let le: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            lines(&[&[0xFF, 0xFE][..], &le].concat()),
            (expected(), Encoding::Utf16Le)
        );
        assert_eq!(
            lines(&[&[0xFE, 0xFF][..], &be].concat()),
            (expected(), Encoding::Utf16Be)
        );
        assert_eq!(lines(&le), (expected(), Encoding::Utf16Le));
        assert_eq!(lines(&be), (expected(), Encoding::Utf16Be));
    }

    #[test]
    fn gbk_is_read() {
        let (gbk, _, _) = encoding_rs::GBK.encode(TEXT);
        assert_eq!(lines(&gbk), (expected(), Encoding::Gb18030));
    }

    #[test]
    fn what_cannot_be_read_says_so() {
        let e = decode(&[0xFF, 0xFF, 0xFF, 0x81, 0x30]).unwrap_err();
        assert!(e.to_string().contains("UTF-8"), "{e}");
    }
}
