//! The reader's state, shared through Leptos context.

use leptos::prelude::*;
use wenji_core::fold::Folding;
use wenji_core::route::Route;

/// What the reader is looking at and how they folded it.
#[derive(Clone, Copy)]
pub struct ReaderState {
    pub route: RwSignal<Route>,
    /// Folding of the essay on screen; a new essay starts unfolded.
    pub folding: RwSignal<Folding>,
}

impl ReaderState {
    pub fn new(route: Route) -> Self {
        Self {
            route: RwSignal::new(route),
            folding: RwSignal::new(Folding::default()),
        }
    }

    /// Whether the part or sub-section `id` is unfolded (reactive).
    pub fn is_open(&self, id: &str) -> bool {
        self.folding.with(|f| f.is_open(id))
    }

    pub fn toggle(&self, id: &str) {
        self.folding.update(|f| f.toggle(id));
    }

    /// Show another page, as a new history entry.
    pub fn navigate(&self, route: wenji_core::route::Route) {
        crate::location::push_route(&route);
        self.folding.set(Folding::default());
        self.route.set(route);
    }
}

pub fn use_reader() -> ReaderState {
    expect_context::<ReaderState>()
}
