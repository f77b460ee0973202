//! Where the reader was in an essay: the part or sub-section being read
//! when they left, offered as 继续阅读 on the next visit (never jumped to
//! unasked). Stored like the folding, per essay, and read as forgivingly:
//! another format, junk or an id the essay no longer has gives nothing.

/// The first line of a stored position (then the section's id).
pub const STORED_VERSION: &str = "wenji-reading-v1";

/// Where an essay's position is stored: this, then the essay's slug.
pub const STORAGE_KEY_PREFIX: &str = "wenji:reading:";

/// The position as kept in storage, or `None` when there is nothing worth
/// keeping: at the first section the reader is at the start.
pub fn to_stored(id: &str, first: Option<&str>) -> Option<String> {
    (Some(id) != first).then(|| format!("{STORED_VERSION}\n{id}"))
}

/// The section to offer from a stored position: one of `known` (the
/// essay's ids, first first) other than the first.
pub fn from_stored<'a>(stored: &str, known: &[&'a str]) -> Option<&'a str> {
    let (version, id) = stored.split_once('\n')?;
    if version != STORED_VERSION {
        return None;
    }
    let at = known.iter().position(|k| *k == id)?;
    (at > 0).then_some(known[at])
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 4] = ["引言", "篇章一", "篇章一-其一", "篇章二"];

    #[test]
    fn a_position_round_trips() {
        let stored = to_stored("篇章一-其一", Some("引言")).unwrap();
        assert_eq!(from_stored(&stored, &IDS), Some("篇章一-其一"));
    }

    #[test]
    fn the_start_is_not_worth_offering() {
        assert_eq!(to_stored("引言", Some("引言")), None);
        assert_eq!(from_stored("wenji-reading-v1\n引言", &IDS), None);
    }

    #[test]
    fn junk_an_old_format_or_a_lost_id_gives_nothing() {
        for stored in [
            "",
            "篇章二",
            "wenji-reading-v0\n篇章二",
            "wenji-reading-v1\n篇章九",
            "wenji-reading-v1\n篇章二\n多余",
            "\u{0}\u{ffff}",
        ] {
            assert_eq!(from_stored(stored, &IDS), None, "{stored:?}");
        }
    }
}
