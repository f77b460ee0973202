//! The reader's folding, remembered per essay in `localStorage`. Storage may
//! be missing, throw, be full or hold junk: then nothing is remembered and
//! the reader starts unfolded, without a word.

use wenji_core::fold::Folding;

use crate::content::collection;

fn key(slug: &str) -> String {
    format!("wenji:folding:{slug}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The folding last left on essay `slug`, or everything unfolded.
pub fn load_folding(slug: &str) -> Folding {
    let Some(essay) = collection().essay(slug) else {
        return Folding::default();
    };
    storage()
        .and_then(|s| s.get_item(&key(slug)).ok().flatten())
        .and_then(|stored| Folding::from_stored(&stored, essay.fold_ids()))
        .unwrap_or_default()
}

/// Remember the folding of essay `slug` (nothing at all when unfolded).
pub fn save_folding(slug: &str, folding: &Folding) {
    let Some(s) = storage() else { return };
    let _ = if folding.closed_count() == 0 {
        s.remove_item(&key(slug))
    } else {
        s.set_item(&key(slug), &folding.to_stored())
    };
}
