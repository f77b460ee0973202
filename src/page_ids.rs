//! The ids the components give the elements that code outside them looks
//! up (moving between hits, the outline's scroll spy, the excerpts'
//! marks): written once here, so that no module outside `components`
//! depends on a component, and the components on nothing that moves.

use wenji_core::fold::BUTTON_SUFFIX;
use wenji_core::Place;

use crate::content::essay_at;

/// The id of the current hit's `<mark>`.
pub const CURRENT_HIT: &str = "current-hit";

/// The id of the fold control of the part or sub-section with id `id`
/// (the keyboard lands on it when the reader goes to a part).
pub fn fold_button_id(id: &str) -> String {
    format!("{id}{BUTTON_SUFFIX}")
}

/// The id of the `<section>` of the part or sub-section at `place`, its
/// fragment prefixed with `scope`.
pub fn section_id(place: Place, scope: &str) -> String {
    format!("{scope}{}", essay_at(place.essay).heading_at(place).0)
}
