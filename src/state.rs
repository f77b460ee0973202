//! The reader's state, shared through Leptos context.

use leptos::prelude::*;
use wenji_core::fold::Folding;
use wenji_core::route::Route;
use wenji_search::{filter_essay, EssayHits, Query};

use crate::content::{collection, indexes, tables};
use crate::location::{current_query, current_route, now, write_address};
use crate::storage::{load_folding, save_folding};

/// Edits closer together than this make one history entry.
const TYPING_PAUSE_MS: f64 = 1500.0;

/// What the reader is looking at, how they folded it, and what they search.
#[derive(Clone, Copy)]
pub struct ReaderState {
    pub route: RwSignal<Route>,
    /// The reader's own folding; a filter never changes it.
    pub folding: RwSignal<Folding>,
    /// Folding while a filter is active: everything shown starts unfolded.
    pub search_folding: RwSignal<Folding>,
    /// The query as typed (never a half-composed IME input).
    pub input: RwSignal<String>,
    pub query: Memo<Query>,
    /// Hits of the query in each essay; empty when there is no filter.
    pub hits: Memo<Vec<EssayHits>>,
    /// The hit the reader moved to with Enter or the arrows (0-based).
    pub current_hit: RwSignal<Option<usize>>,
    /// The keyboard help is open.
    pub help_open: RwSignal<bool>,
    last_edit: StoredValue<f64>,
}

impl ReaderState {
    /// State for the current address.
    pub fn from_address() -> Self {
        let input = RwSignal::new(current_query());
        let query = Memo::new(move |_| input.with(|q| Query::parse(q, tables())));
        let hits = Memo::new(move |_| {
            query.with(|q| {
                if q.is_empty() {
                    Vec::new()
                } else {
                    indexes()
                        .iter()
                        .map(|i| filter_essay(i, q, tables()))
                        .collect()
                }
            })
        });
        let route = current_route();
        let folding = RwSignal::new(folding_for(&route));
        Self {
            route: RwSignal::new(route),
            folding,
            search_folding: RwSignal::new(Folding::default()),
            input,
            query,
            hits,
            current_hit: RwSignal::new(None),
            help_open: RwSignal::new(false),
            last_edit: StoredValue::new(f64::NEG_INFINITY),
        }
    }

    /// Is a filter active? (reactive)
    pub fn filtering(&self) -> bool {
        !self.query.with(Query::is_empty)
    }

    fn active_folding(&self) -> RwSignal<Folding> {
        if self.filtering() {
            self.search_folding
        } else {
            self.folding
        }
    }

    /// Whether the part or sub-section `id` is unfolded (reactive).
    pub fn is_open(&self, id: &str) -> bool {
        self.active_folding().with(|f| f.is_open(id))
    }

    pub fn set_open(&self, id: &str, open: bool) {
        self.active_folding().update(|f| f.set_open(id, open));
    }

    pub fn toggle(&self, id: &str) {
        self.active_folding().update(|f| f.toggle(id));
    }

    pub fn expand_all(&self) {
        self.active_folding().update(Folding::expand_all);
    }

    pub fn collapse_all<'a>(&self, ids: impl IntoIterator<Item = &'a str>) {
        self.active_folding().update(|f| f.collapse_all(ids));
    }

    /// Show another page, as a new history entry; the query stays.
    pub fn navigate(&self, route: Route) {
        write_address(&route, &self.input.get_untracked(), true);
        self.folding.set(folding_for(&route));
        self.route.set(route);
    }

    /// A click handler for a link to `route`: navigates in place, but lets
    /// the browser open a new tab or window when a modifier key asks for it.
    pub fn link_to(&self, route: Route) -> impl Fn(leptos::ev::MouseEvent) + 'static {
        let state = *self;
        move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                return;
            }
            ev.prevent_default();
            state.navigate(route.clone());
        }
    }

    /// Keep the reader's folding of the essay on screen across visits.
    pub fn remember_folding(&self) {
        let (route, folding) = (self.route, self.folding);
        Effect::new(move |_| {
            let f = folding.get();
            if let Route::Essay(slug) = route.get_untracked() {
                save_folding(&slug, &f);
            }
        });
    }

    /// The reader typed `text`. A burst of typing makes one history entry.
    pub fn type_query(&self, text: String) {
        let t = now();
        let push = t - self.last_edit.get_value() > TYPING_PAUSE_MS;
        self.last_edit.set_value(t);
        self.set_query(text, push);
    }

    /// Clear the filter (a history entry of its own).
    pub fn clear_query(&self) {
        self.last_edit.set_value(f64::NEG_INFINITY);
        self.set_query(String::new(), true);
    }

    fn set_query(&self, text: String, push: bool) {
        if self.input.with_untracked(|q| *q == text) {
            return;
        }
        write_address(&self.route.get_untracked(), &text, push);
        self.apply_query(text);
    }

    /// Follow the address after Back or Forward.
    pub fn follow_address(&self) {
        let route = current_route();
        if self.route.with_untracked(|r| *r != route) {
            self.folding.set(folding_for(&route));
            self.route.set(route);
        }
        self.apply_query(current_query());
    }

    fn apply_query(&self, text: String) {
        self.search_folding.set(Folding::default());
        self.current_hit.set(None);
        self.input.set(text);
    }

    /// Total hits and sections of what is shown now (reactive).
    pub fn totals(&self) -> (usize, usize) {
        let route = self.route.get();
        self.hits.with(|hits| match route {
            Route::Essay(slug) => collection()
                .index_of(&slug)
                .and_then(|i| hits.get(i))
                .map_or((0, 0), |h| (h.hits, h.sections)),
            Route::List => hits
                .iter()
                .fold((0, 0), |(a, b), h| (a + h.hits, b + h.sections)),
        })
    }
}

/// The remembered folding of the essay `route` shows.
fn folding_for(route: &Route) -> Folding {
    match route {
        Route::Essay(slug) => load_folding(slug),
        Route::List => Folding::default(),
    }
}

pub fn use_reader() -> ReaderState {
    expect_context::<ReaderState>()
}
