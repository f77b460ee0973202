//! What the page remembers in `localStorage`: the reader's folding per
//! essay, and their display preferences. Storage may be missing, throw, be
//! full or hold junk: then nothing is remembered and the defaults apply,
//! without a word. (Not gloo-storage: its `LocalStorage::raw()` throws when
//! the browser refuses access to storage, which must not stop the page.)

use wenji_core::fold::{Folding, STORAGE_KEY_PREFIX};
use wenji_core::prefs::{Prefs, STORAGE_KEY as PREFS_KEY};

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

pub fn load_prefs() -> Prefs {
    read(PREFS_KEY)
        .map(|s| Prefs::from_stored(&s))
        .unwrap_or_default()
}

pub fn save_prefs(prefs: &Prefs) {
    write(PREFS_KEY, prefs.to_stored());
}
