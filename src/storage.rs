//! What the page remembers in `localStorage`: the reader's folding and
//! reading position per essay, and their display preferences. Storage may be missing, throw, be
//! full or hold junk: then nothing is remembered and the defaults apply,
//! without a word. (Not gloo-storage: its `LocalStorage::raw()` throws when
//! the browser refuses access to storage, which must not stop the page.)

use wenji_core::fold::{Folding, STORAGE_KEY_PREFIX};
use wenji_core::prefs::{Prefs, STORAGE_KEY as PREFS_KEY};
use wenji_core::reading;

use crate::browser::local_storage as storage;
use crate::content::{collection, essay_at};

fn folding_key(slug: &str) -> String {
    format!("{STORAGE_KEY_PREFIX}{slug}")
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Store `value` under `key`, or forget the key when there is nothing to say.
fn write(key: &str, value: Option<String>) {
    let Some(s) = storage() else { return };
    let _ = match value {
        Some(v) => s.set_item(key, &v),
        None => s.remove_item(key),
    };
}

/// The folding last left on essay `slug`, or everything unfolded.
pub fn load_folding(slug: &str) -> Folding {
    let Some(essay) = collection().index_of(slug).map(essay_at) else {
        return Folding::default();
    };
    read(&folding_key(slug))
        .and_then(|stored| Folding::from_stored(&stored, essay.fold_ids()))
        .unwrap_or_default()
}

/// Remember the folding of essay `slug` (nothing at all when unfolded).
pub fn save_folding(slug: &str, folding: &Folding) {
    let value = (folding.closed_count() > 0).then(|| folding.to_stored());
    write(&folding_key(slug), value);
}

fn reading_key(slug: &str) -> String {
    format!("{}{slug}", reading::STORAGE_KEY_PREFIX)
}

/// The section of essay `slug` the reader was at last, if worth offering.
pub fn load_reading(slug: &str) -> Option<&'static str> {
    let essay = collection().index_of(slug).map(essay_at)?;
    let stored = read(&reading_key(slug))?;
    reading::from_stored(&stored, &essay.fold_ids())
}

/// Remember that the reader is at section `id` of essay `slug` (unless it
/// is the first).
pub fn save_reading(slug: &str, id: &str) {
    let Some(essay) = collection().index_of(slug).map(essay_at) else {
        return;
    };
    // Back at the start, the place they had reached stays on offer.
    let first = essay.fold_ids().first().copied();
    if let Some(stored) = reading::to_stored(id, first) {
        write(&reading_key(slug), Some(stored));
    }
}

pub fn load_prefs() -> Prefs {
    read(PREFS_KEY)
        .map(|s| Prefs::from_stored(&s))
        .unwrap_or_default()
}

pub fn save_prefs(prefs: &Prefs) {
    write(PREFS_KEY, prefs.to_stored());
}
