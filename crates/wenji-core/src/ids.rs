//! Stable, readable ids for parts and sub-sections, used as URL fragments.
//!
//! A heading such as `篇章一：铸魂育人，…` gives `篇章一`, and its
//! sub-section `其一，在“学深悟透”上下苦功。` gives `篇章一-其一`: short
//! enough to read in an address bar, and unchanged when the rest of the
//! heading is edited.

/// A short stable name for bytes (FNV-1a, 64 bits): the address of a
/// file opened in the page (its bytes), or of a document whose file name
/// cannot be one (its name).
pub fn name_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Longest id segment, in characters.
const MAX_SEGMENT: usize = 24;

/// The id segment of a heading: its text up to the first punctuation mark,
/// keeping letters and digits (any script), ASCII lower-cased, other runs
/// turned into one `-`. Empty when the heading has no letter or digit.
pub fn segment(heading: &str) -> String {
    let lead: String = heading
        .trim()
        .chars()
        .take_while(|c| !is_stop(*c))
        .collect();
    let source = if lead.chars().any(char::is_alphanumeric) {
        lead.as_str()
    } else {
        heading
    };
    let mut out = String::new();
    let mut pending_dash = false;
    for c in source.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
        if out.chars().count() >= MAX_SEGMENT {
            break;
        }
    }
    out
}

/// Id of a part: its segment, or `part-N` (1-based) when it has none.
pub fn part_id(title: &str, index: usize) -> String {
    let s = segment(title);
    if s.is_empty() {
        format!("part-{}", index + 1)
    } else {
        s
    }
}

/// Id of a sub-section: the part's id, `-`, then its own segment or `N`.
pub fn section_id(part_id: &str, heading: &str, index: usize) -> String {
    let s = segment(heading);
    if s.is_empty() {
        format!("{part_id}-{}", index + 1)
    } else {
        format!("{part_id}-{s}")
    }
}

/// Punctuation that ends the leading label of a heading.
fn is_stop(c: char) -> bool {
    matches!(
        c,
        '，' | '：'
            | '。'
            | '；'
            | '、'
            | '！'
            | '？'
            | '（'
            | '“'
            | '‘'
            | '《'
            | ','
            | ':'
            | '.'
            | ';'
            | '!'
            | '?'
            | '('
    ) || c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_hash_is_fnv1a_64() {
        // The published test vectors: a file opened before keeps its address.
        assert_eq!(name_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(name_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(name_hash(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn chapter_titles_give_their_label() {
        assert_eq!(part_id("引言：深耕政工沃土，汲取实践智慧", 0), "引言");
        assert_eq!(
            part_id("篇章一：铸魂育人，强化理论武装的深度与广度", 1),
            "篇章一"
        );
    }

    #[test]
    fn sub_sections_are_prefixed_by_their_part() {
        assert_eq!(
            section_id("篇章一", "其一，在“学深悟透”上下苦功。", 0),
            "篇章一-其一"
        );
        assert_eq!(
            section_id("篇章三", "其一，“守正”是根本，“创新”是动力。", 0),
            "篇章三-其一"
        );
    }

    #[test]
    fn latin_headings_are_lower_cased_and_dashed() {
        assert_eq!(segment("Hello World"), "hello");
        assert_eq!(segment("“Quoted” Title"), "quoted-title");
        assert_eq!(segment("Part 2: more"), "part");
    }

    #[test]
    fn headings_without_letters_fall_back_to_their_position() {
        assert_eq!(part_id("……", 2), "part-3");
        assert_eq!(section_id("引言", "——", 0), "引言-1");
    }

    #[test]
    fn long_labels_are_cut() {
        let long = "长".repeat(100);
        assert_eq!(segment(&long).chars().count(), MAX_SEGMENT);
    }
}
