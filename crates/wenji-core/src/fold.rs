//! Which parts and sub-sections the reader has folded.

use std::collections::BTreeSet;

/// The folding of one essay. Everything is open until the reader folds it,
/// so only the closed ids are stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folding {
    closed: BTreeSet<String>,
}

impl Folding {
    pub fn is_open(&self, id: &str) -> bool {
        !self.closed.contains(id)
    }

    pub fn set_open(&mut self, id: &str, open: bool) {
        if open {
            self.closed.remove(id);
        } else {
            self.closed.insert(id.to_owned());
        }
    }

    pub fn toggle(&mut self, id: &str) {
        let open = self.is_open(id);
        self.set_open(id, !open);
    }

    pub fn expand_all(&mut self) {
        self.closed.clear();
    }

    /// Close every id given (all parts and sub-sections of an essay).
    pub fn collapse_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        self.closed.extend(ids.into_iter().map(str::to_owned));
    }

    pub fn closed_count(&self) -> usize {
        self.closed.len()
    }

    /// The folding as kept in browser storage: a version line, then one
    /// closed id a line.
    pub fn to_stored(&self) -> String {
        let mut out = String::from(STORED_VERSION);
        for id in &self.closed {
            out.push('\n');
            out.push_str(id);
        }
        out
    }

    /// Read a stored folding, keeping only ids in `known` (the essay may
    /// have changed since). Anything else, an older format or junk, gives
    /// `None`: the reader then starts unfolded.
    pub fn from_stored<'a>(
        stored: &str,
        known: impl IntoIterator<Item = &'a str>,
    ) -> Option<Folding> {
        let mut lines = stored.split('\n');
        if lines.next() != Some(STORED_VERSION) {
            return None;
        }
        // Inserted one by one and looked up in a list: collecting into a
        // set would sort, and compile one more sort into the wasm
        // (`crate::order`). An essay has some hundred ids at most.
        let known: Vec<&str> = known.into_iter().collect();
        let mut folding = Folding::default();
        for id in lines.filter(|id| known.contains(id)) {
            folding.closed.insert(id.to_owned());
        }
        Some(folding)
    }
}

/// The first line of a stored folding (then one folded id a line).
pub const STORED_VERSION: &str = "wenji-folding-v1";

/// Where an essay's folding is stored: this, then the essay's slug.
pub const STORAGE_KEY_PREFIX: &str = "wenji:folding:";

/// The ids of a folded section's body and of its fold control: the
/// section's id, then these.
pub const BODY_SUFFIX: &str = "-body";
pub const BUTTON_SUFFIX: &str = "-fold";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_starts_open() {
        let f = Folding::default();
        assert!(f.is_open("引言"));
        assert_eq!(f.closed_count(), 0);
    }

    #[test]
    fn toggle_closes_then_opens() {
        let mut f = Folding::default();
        f.toggle("篇章一");
        assert!(!f.is_open("篇章一"));
        assert!(f.is_open("篇章二"));
        f.toggle("篇章一");
        assert!(f.is_open("篇章一"));
    }

    #[test]
    fn collapse_all_then_expand_all() {
        let mut f = Folding::default();
        f.collapse_all(["a", "a-1", "b"]);
        assert!(!f.is_open("a") && !f.is_open("a-1") && !f.is_open("b"));
        assert!(f.is_open("c"));
        f.expand_all();
        assert!(f.is_open("a") && f.is_open("a-1") && f.is_open("b"));
    }

    #[test]
    fn stored_folding_round_trips_and_forgets_unknown_ids() {
        let mut f = Folding::default();
        f.collapse_all(["篇章一", "篇章二-其一"]);
        let stored = f.to_stored();
        assert_eq!(
            Folding::from_stored(&stored, ["篇章一", "篇章二-其一", "引言"]),
            Some(f.clone())
        );
        let only = Folding::from_stored(&stored, ["篇章一"]).unwrap();
        assert!(!only.is_open("篇章一") && only.is_open("篇章二-其一"));
    }

    #[test]
    fn junk_and_old_formats_are_refused() {
        for junk in [
            "",
            "{not json",
            "[\"篇章一\"]",
            "wenji-folding-v0\n篇章一",
            "\u{0}",
        ] {
            assert_eq!(Folding::from_stored(junk, ["篇章一"]), None, "{junk:?}");
        }
    }

    #[test]
    fn set_open_is_idempotent() {
        let mut f = Folding::default();
        f.set_open("a", false);
        f.set_open("a", false);
        assert_eq!(f.closed_count(), 1);
        f.set_open("a", true);
        f.set_open("a", true);
        assert_eq!(f.closed_count(), 0);
    }
}
