//! Cut a text into plain and highlighted pieces.

use std::ops::Range;

/// The pieces of `text` in order, each with whether it is highlighted.
/// Ranges are byte ranges, sorted and disjoint; ranges outside the text or
/// off character boundaries are ignored rather than trusted.
pub fn pieces<'a>(text: &'a str, marks: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marks {
        if r.start < at
            || r.end > text.len()
            || r.start >= r.end
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_in_order() {
        let t = "守正创新，与时俱进";
        let p = pieces(t, &[0..6, 15..21]);
        assert_eq!(
            p,
            [
                ("守正", true),
                ("创新，", false),
                ("与时", true),
                ("俱进", false)
            ]
        );
        assert_eq!(p.iter().map(|x| x.0).collect::<String>(), t);
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let t = "守正";
        assert_eq!(pieces(t, &[1..3, 0..100]), [("守正", false)]);
        assert_eq!(pieces("", &[]), [("", false)]);
    }
}
