//! A short stretch of a passage around the words it shares with another
//! (what a related passage shows of itself), with those words located for
//! marking.

use std::ops::Range;

use crate::order;

/// Characters shown before the first shared word.
const BEFORE: usize = 24;
/// Where a sentence ends: an excerpt starts after one when it can.
const SENTENCE_END: &str = "。！？；!?;";
/// Characters shown in all, at most.
const LENGTH: usize = 96;

/// What is shown of a passage, and where the shared words are in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    /// Byte ranges of `text`, in order, never overlapping.
    pub marks: Vec<Range<usize>>,
}

/// The stretch of `text` from a little before the first of `words` it
/// holds, `…` where it is cut, with every occurrence of `words` in it.
pub fn excerpt(text: &str, words: &[String]) -> Excerpt {
    let first = words
        .iter()
        .filter(|w| !w.is_empty())
        .filter_map(|w| text.find(w.as_str()))
        .min()
        .unwrap_or(0);
    // From the start of the sentence that holds the first word, when that
    // is near enough; else from a little before the word.
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    if let Some((i, c)) = text[start..first]
        .char_indices()
        .rfind(|(_, c)| SENTENCE_END.contains(*c))
    {
        start += i + c.len_utf8();
    }
    let end = text[start..]
        .char_indices()
        .nth(LENGTH)
        .map_or(text.len(), |(i, _)| start + i);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let offset = shown.len();
    shown.push_str(&text[start..end]);
    if end < text.len() {
        shown.push('…');
    }
    let body = &shown[offset..offset + (end - start)];
    Excerpt {
        marks: marks(body, words)
            .into_iter()
            .map(|r| r.start + offset..r.end + offset)
            .collect(),
        text: shown,
    }
}

/// Every occurrence of `words` in `text`, longest first where two start
/// together, in order and not overlapping.
fn marks(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = words
        .iter()
        .filter(|w| !w.is_empty())
        .flat_map(|w| text.match_indices(w.as_str()).map(|(i, m)| i..i + m.len()))
        .collect();
    order::sort_by(&mut found, |a, b| {
        a.start.cmp(&b.start).then(b.end.cmp(&a.end))
    });
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in found {
        if out.last().is_none_or(|last| r.start >= last.end) {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| (*w).to_owned()).collect()
    }

    fn marked(e: &Excerpt) -> Vec<&str> {
        e.marks.iter().map(|r| &e.text[r.clone()]).collect()
    }

    #[test]
    fn a_short_passage_is_shown_whole_with_its_words_marked() {
        let e = excerpt(
            "坚持谈心谈话，掌握思想动态，谈心要真。",
            &words(&["谈心谈话", "思想动态", "谈心"]),
        );
        assert_eq!(e.text, "坚持谈心谈话，掌握思想动态，谈心要真。");
        assert_eq!(marked(&e), ["谈心谈话", "思想动态", "谈心"]);
    }

    #[test]
    fn a_long_passage_is_cut_around_the_first_word() {
        let text = format!("{}谈心谈话{}", "前".repeat(100), "后".repeat(200));
        let e = excerpt(&text, &words(&["谈心谈话"]));
        assert!(e.text.starts_with('…') && e.text.ends_with('…'));
        assert_eq!(e.text.chars().count(), LENGTH + 2);
        assert_eq!(e.text.chars().nth(BEFORE + 1), Some('谈'));
        assert_eq!(marked(&e), ["谈心谈话"]);
    }

    #[test]
    fn the_excerpt_starts_with_the_sentence_of_the_first_word() {
        let text = format!("{}。然后谈心谈话{}", "前".repeat(100), "后".repeat(10));
        let e = excerpt(&text, &words(&["谈心谈话"]));
        assert!(e.text.starts_with("…然后谈心谈话"), "{}", e.text);
    }

    #[test]
    fn no_word_found_shows_the_start() {
        let e = excerpt("正文。", &words(&["没有", ""]));
        assert_eq!((e.text.as_str(), e.marks.len()), ("正文。", 0));
    }
}
