//! Remembers the section being read (the scroll spy's), per essay, once
//! the reader has scrolled: opening a page does not overwrite where they
//! were, and the first section (the start) does not replace the place
//! they had reached.

use leptos::prelude::*;
use wenji_core::route::Route;

use crate::state::ReaderState;
use crate::storage::save_reading;
use crate::ui::UiState;

pub fn install(state: ReaderState, ui: UiState) {
    let scrolled = StoredValue::new(false);
    let _ = window_event_listener(leptos::ev::scroll, move |_| scrolled.set_value(true));
    // A new page starts unscrolled (its scroll to the top is not reading).
    Effect::new(move |_| {
        state.route.track();
        scrolled.set_value(false);
    });
    Effect::new(move |_| {
        let Some(id) = ui.current.get() else {
            return;
        };
        if !scrolled.get_value() {
            return;
        }
        if let Route::Essay(slug) = state.route.get_untracked() {
            save_reading(&slug, &id);
        }
    });
}
