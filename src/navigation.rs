//! Going to another page of the reader in place: a new history entry
//! (`ReaderState::enter`), then the part or sub-section the address names
//! brought into view (`hit_nav`). Apart from `state`, which holds where the
//! reader is and moves nothing on the page, so that the state depends on
//! no module that depends on it.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wenji_core::route::Route;

use crate::hit_nav;
use crate::state::ReaderState;

/// Show `route` at part or sub-section `fragment`, or at its top.
pub fn navigate_at(state: ReaderState, route: Route, fragment: Option<&str>) {
    state.enter(route, fragment);
    if fragment.is_some() {
        request_animation_frame(move || hit_nav::reveal_fragment(state));
    }
}

/// A click handler for a link to `route`: navigates in place, but lets
/// the browser open a new tab or window when a modifier key asks for it.
pub fn link_to(state: ReaderState, route: Route) -> impl Fn(MouseEvent) + 'static {
    link_to_at(state, route, None)
}

/// The same for a link to part or sub-section `fragment` of `route`.
pub fn link_to_at(
    state: ReaderState,
    route: Route,
    fragment: Option<String>,
) -> impl Fn(MouseEvent) + 'static {
    move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        navigate_at(state, route.clone(), fragment.as_deref());
    }
}
