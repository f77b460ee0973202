//! The reader's state, shared through Leptos context.

use std::ops::Range;

use leptos::prelude::*;
use wenji_core::fold::Folding;
use wenji_core::library::ListView;
use wenji_core::route::Route;
use wenji_core::Place;
use wenji_search::near::Near;
use wenji_search::{CollectionHits, Field, Filtered, PlaceHits, Query, Totals};

use crate::content::{collection, site_len, with_tables};
use crate::location::{current_list_view, current_query, current_route, now, write_address};
use crate::storage::{load_folding, save_folding};

pub use wenji_core::library::{GROUPS_STEP, LIST_STEP, RESULTS_STEP};

/// Edits closer together than this make one history entry.
const TYPING_PAUSE_MS: f64 = 1500.0;

/// What is typed reaches the address once the typing pauses this long:
/// one write per burst of keys, not one per key.
const ADDRESS_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

/// The reader's typing.
#[derive(Clone, Copy)]
struct Typing {
    /// When the last key came.
    last_key: f64,
    /// The address of what was typed, until the typing pauses; `true`
    /// when it makes a history entry (its burst began after a pause).
    waiting: Option<bool>,
}

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
    /// Hits of the query in each essay searched so far (`search_run`
    /// fills it in slices); empty when there is no filter.
    pub hits: RwSignal<CollectionHits>,
    /// The list's sorting, narrowing and order of results.
    pub list: RwSignal<ListView>,
    /// The essays that match, in the order the reader picked, within the
    /// list's narrowing: computed once per change of the hits or the view,
    /// read by the results, the status line and hit navigation.
    pub results: Memo<Vec<usize>>,
    /// Hits, sections and essays of what is shown now: the status line,
    /// the headers and the outline count the same things, and each reads
    /// this once-per-change sum rather than adding up the essays again.
    totals: Memo<Totals>,
    /// Matching essays the results page renders (more on 显示更多 or when
    /// a hit further down is asked for).
    pub results_shown: RwSignal<usize>,
    /// Essays the unfiltered list renders.
    pub list_shown: RwSignal<usize>,
    /// Matching essays whose sections the grouped results render.
    pub groups_shown: RwSignal<usize>,
    /// The hit the reader moved to with Enter or the arrows (0-based).
    pub current_hit: RwSignal<Option<usize>>,
    /// How many parts of this page's essay, from its top, the reader's
    /// last going somewhere needs (the outline, a hit, the address: the
    /// part gone to and those before it; 0 for none): a long essay renders
    /// at least as far (`wenji_core::window`).
    pub asked_parts: RwSignal<usize>,
    /// Near forms of a query that found nothing (`search_run` looks for
    /// them once the exact search is done); never counted as hits.
    pub near: RwSignal<Vec<Near>>,
    /// Read and written through `try_update_value` alone: each way into
    /// a stored value is code of its own in the page's wasm.
    typing: StoredValue<Typing>,
    /// Where the state is seen from a page: the page's relays.
    page: Option<PageWatch>,
}

/// What the many paragraphs and headings of a page watch of the state,
/// through a few memos of the page's own (`provide_for_page`).
///
/// Why not the state's signals directly: `reactive_graph` 0.2 never takes
/// a disposed memo or effect out of the subscribers of a signal that
/// outlives it, and the dead entry keeps the memo's allocation. The state
/// lives as long as the page, so every paragraph that watched it directly
/// left a few hundred bytes behind each time its essay or its group of
/// results went away: a megabyte per visit of a long file. A relay made
/// with the page goes with it, and takes its subscribers' entries along.
#[derive(Clone, Copy)]
struct PageWatch {
    /// Each changes whenever what it relays may have: the hits
    /// (`hits_at`, `marks_at`), the hit moved to, the folding (`is_open`).
    hits: Memo<bool>,
    current_hit: Memo<bool>,
    folds: Memo<bool>,
}

/// A memo that tracks what `watch` reads of `state` and differs on every
/// run, so that it tells its subscribers to look again whenever that
/// changed. One closure type and a `bool`, as other memos of the page
/// have: no new memo code in the wasm.
fn relay(state: ReaderState, watch: fn(ReaderState)) -> Memo<bool> {
    Memo::new(move |was: Option<&bool>| {
        watch(state);
        !was.copied().unwrap_or_default()
    })
}

impl ReaderState {
    /// State for the current address.
    pub fn from_address() -> Self {
        let input = RwSignal::new(current_query());
        let query = Memo::new(move |_| input.with(|q| with_tables(|t| Query::parse(q, t))));
        let route = current_route();
        let folding = RwSignal::new(folding_for(&route));
        let hits = RwSignal::new(CollectionHits::default());
        let list = RwSignal::new(current_list_view());
        let results = Memo::new(move |_| {
            let by = list.with(|v| v.by);
            let matching = hits.with(|h| h.matching(by));
            list.with(|v| {
                matching
                    .into_iter()
                    // Hits may be of a collection a file just left.
                    .filter(|&i| v.includes(&collection(), i, site_len()))
                    .collect()
            })
        });
        let route = RwSignal::new(route);
        let totals = Memo::new(move |_| totals_of(&route.get(), hits, results));
        Self {
            route,
            folding,
            search_folding: RwSignal::new(Folding::default()),
            input,
            query,
            hits,
            list,
            results,
            totals,
            results_shown: RwSignal::new(RESULTS_STEP),
            list_shown: RwSignal::new(LIST_STEP),
            groups_shown: RwSignal::new(GROUPS_STEP),
            current_hit: RwSignal::new(None),
            asked_parts: RwSignal::new(0),
            near: RwSignal::new(Vec::new()),
            typing: StoredValue::new(Typing {
                last_key: f64::NEG_INFINITY,
                waiting: None,
            }),
            page: None,
        }
    }

    /// The state as seen from the page (an essay, or a group of results)
    /// being built, provided to what it builds, and returned: what they
    /// watch goes through relays that go with the page.
    pub fn provide_for_page(&self) -> Self {
        let state = Self {
            page: None,
            ..*self
        };
        let page = Self {
            page: Some(PageWatch {
                hits: relay(state, |state| {
                    state.hits.track();
                    if state.route.with(|r| matches!(r, Route::List)) {
                        state.results.with(|_| ());
                    }
                }),
                current_hit: relay(state, |state| state.current_hit.track()),
                folds: relay(state, |state| {
                    state.filtering();
                    state.folding.track();
                    state.search_folding.track();
                }),
            }),
            ..state
        };
        provide_context(page);
        page
    }

    /// `read`, tracked through the page's relay `pick` where the state is
    /// seen from a page, else directly. (A relay is read with `get`: only
    /// a read runs a memo, and a memo never run watches nothing.)
    fn through<T>(&self, pick: fn(&PageWatch) -> Memo<bool>, read: impl FnOnce() -> T) -> T {
        match &self.page {
            Some(page) => {
                pick(page).get();
                untrack(read)
            }
            None => read(),
        }
    }

    /// The hit the reader moved to with Enter or the arrows (reactive).
    pub fn current_hit(&self) -> Option<usize> {
        self.through(|p| p.current_hit, || self.current_hit.get())
    }

    /// What the filter makes of the part or sub-section at `place`, as
    /// `read` takes it from there (reactive).
    pub fn hits_at<T>(&self, place: Place, read: impl FnOnce(Filtered<PlaceHits>) -> T) -> T {
        self.through(|p| p.hits, || self.hits.with(|h| read(h.at(place))))
    }

    /// The marks in `field` at `place`, and the number of the first of
    /// them among the hits Enter moves between (none where that essay's
    /// hits are not among them) (reactive).
    pub fn marks_at(&self, place: Place, field: Field) -> (Vec<Range<usize>>, Option<usize>) {
        self.through(|p| p.hits, || self.marks_now(place, field))
    }

    /// `marks_at`, tracked directly.
    fn marks_now(&self, place: Place, field: Field) -> (Vec<Range<usize>>, Option<usize>) {
        self.hits.with(|h| {
            let Some(essay) = h.get(place.essay) else {
                return (Vec::new(), None);
            };
            let marks = h.at(place).shown().map(|p| p.marks(field).to_vec());
            let first = match self.route.get() {
                Route::Essay(_) => Some(0),
                Route::List => self.results.with(|r| h.first_hit_of(r, place.essay)),
            };
            (
                marks.unwrap_or_default(),
                first.map(|n| n + essay.first_hit_in(place, field)),
            )
        })
    }

    /// The essay whose page this is, if it is an essay's page.
    pub fn essay_on_page(&self) -> Option<usize> {
        match self.route.get_untracked() {
            Route::Essay(slug) => collection().index_of(&slug),
            Route::List => None,
        }
    }

    /// Is a filter active? (reactive)
    pub fn filtering(&self) -> bool {
        !self.query.with(Query::is_empty)
    }

    /// `filtering`, for a decision that must not follow the query.
    pub fn filtering_untracked(&self) -> bool {
        !self.query.with_untracked(Query::is_empty)
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
        self.through(
            |p| p.folds,
            || self.active_folding().with(|f| f.is_open(id)),
        )
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

    /// Show another page, as a new history entry; the query stays. Its
    /// address names part or sub-section `fragment`, and it is shown from
    /// its top (the list's scroll position is the list's: Back restores
    /// it); bringing the fragment into view is `navigation`'s.
    pub fn enter(&self, route: Route, fragment: Option<&str>) {
        self.write(&route, &self.input.get_untracked(), true);
        if let Some(id) = fragment {
            if let Ok(history) = window().history() {
                let url = format!("#{}", wenji_core::route::encode_component(id));
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
        self.folding.set(folding_for(&route));
        self.route.set(route);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Show the list in `view` (a new history entry), from its top.
    pub fn set_list_view(&self, view: ListView) {
        self.list.set(view);
        self.list_shown.set(LIST_STEP);
        self.results_shown.set(RESULTS_STEP);
        self.groups_shown.set(GROUPS_STEP);
        self.write(&Route::List, &self.input.get_untracked(), true);
    }

    /// Show every essay again, keeping the sort and the order of results.
    pub fn clear_narrowing(&self) {
        let sort_and_order = self.list.with_untracked(|v| ListView {
            sort: v.sort,
            by: v.by,
            ..ListView::default()
        });
        self.set_list_view(sort_and_order);
    }

    /// Matching essays the list's narrowing leaves out (reactive): a search
    /// that finds nothing within it says so rather than that nothing
    /// matched at all.
    pub fn matching_outside(&self) -> usize {
        let all = self.hits.with(CollectionHits::essays_matching);
        all.saturating_sub(self.results.with(Vec::len))
    }

    /// Write the address again in place: the collection changed, and with
    /// it what the page's canonical address is (a file closed, say).
    pub fn rewrite_address(&self) {
        self.write(
            &self.route.get_untracked(),
            &self.input.get_untracked(),
            false,
        );
    }

    fn write(&self, route: &Route, query: &str, push: bool) {
        self.write_typed_address();
        let rendered = crate::location::Rendered {
            list: self.list_shown.get_untracked(),
            results: self.results_shown.get_untracked(),
            groups: self.groups_shown.get_untracked(),
        };
        self.list
            .with_untracked(|view| write_address(route, query, view, push, rendered));
    }

    /// The address of `route` with the current query (and, for the list,
    /// its view), relative (reactive).
    pub fn href(&self, route: &Route) -> String {
        let query = self.input.get();
        self.list
            .with(|view| crate::location::href(route, &query, view))
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

    /// The reader typed `text`. A burst of typing makes one history entry,
    /// and its address is written once the typing pauses.
    pub fn type_query(&self, text: String) {
        let t = now();
        let same = self.input.with_untracked(|q| *q == text);
        self.typing.update_value(|typing| {
            let push = t - typing.last_key > TYPING_PAUSE_MS;
            typing.last_key = t;
            if !same {
                typing.waiting = Some(typing.waiting == Some(true) || push);
            }
        });
        if same {
            return;
        }
        let state = *self;
        set_timeout(
            move || {
                // Unless another key came since.
                let paused = state.typing.try_update_value(|typing| typing.last_key == t);
                if paused == Some(true) {
                    state.write_typed_address();
                }
            },
            ADDRESS_PAUSE,
        );
        self.apply_query(text);
    }

    /// Write the address of what was typed now, if it waits: before any
    /// other write of the address, or a read of it.
    pub fn write_typed_address(&self) {
        if let Some(push) = self.take_typed_address() {
            let route = self.route.get_untracked();
            let query = self.input.get_untracked();
            self.write(&route, &query, push);
        }
    }

    /// The address of what was typed, no longer waiting (Back or Forward
    /// drop it): whether it makes a history entry.
    fn take_typed_address(&self) -> Option<bool> {
        self.typing.try_update_value(|t| t.waiting.take()).flatten()
    }

    /// Clear the filter (a history entry of its own).
    pub fn clear_query(&self) {
        self.search_for(String::new());
    }

    /// Search for `text` as a step of its own (a history entry), as a
    /// click on a near form asks.
    pub fn search_for(&self, text: String) {
        self.typing.update_value(|t| t.last_key = f64::NEG_INFINITY);
        self.set_query(text, true);
    }

    fn set_query(&self, text: String, push: bool) {
        if self.input.with_untracked(|q| *q == text) {
            return;
        }
        self.write(&self.route.get_untracked(), &text, push);
        self.apply_query(text);
    }

    /// Follow the address after Back or Forward: the page, the query, the
    /// list's view, as much of the list as was rendered, then its scroll.
    pub fn follow_address(&self, saved: Option<crate::location::Saved>) {
        self.take_typed_address();
        let route = current_route();
        if self.route.with_untracked(|r| *r != route) {
            self.folding.set(folding_for(&route));
            self.route.set(route);
        }
        let view = current_list_view();
        if self.list.with_untracked(|v| *v != view) {
            self.list.set(view);
        }
        self.apply_query(current_query());
        if let Some(saved) = saved {
            self.list_shown.set(saved.rendered.list.max(LIST_STEP));
            self.results_shown
                .set(saved.rendered.results.max(RESULTS_STEP));
            self.groups_shown
                .set(saved.rendered.groups.max(GROUPS_STEP));
            // Once the restored page is laid out.
            request_animation_frame(move || {
                window().scroll_to_with_x_and_y(0.0, saved.scroll);
            });
        }
    }

    fn apply_query(&self, text: String) {
        if self.input.with_untracked(|q| *q != text) {
            self.search_folding.set(Folding::default());
            self.current_hit.set(None);
            self.results_shown.set(RESULTS_STEP);
            self.groups_shown.set(GROUPS_STEP);
            self.input.set(text);
        }
    }

    /// Hits, sections and essays of what is shown now (reactive).
    pub fn totals(&self) -> Totals {
        self.totals.get()
    }
}

/// The sum of the hits `route` shows.
fn totals_of(route: &Route, hits: RwSignal<CollectionHits>, results: Memo<Vec<usize>>) -> Totals {
    match route {
        Route::Essay(slug) => {
            let i = collection().index_of(slug);
            hits.with(|h| {
                i.and_then(|i| h.get(i))
                    .map_or(Totals::default(), |e| Totals::default().plus(e))
            })
        }
        Route::List => results.with(|results| {
            hits.with(|h| {
                results
                    .iter()
                    .filter_map(|&i| h.get(i))
                    .fold(Totals::default(), |t, e| t.plus(e))
            })
        }),
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
