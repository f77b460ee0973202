//! Runs the query over the collection without ever holding up typing.
//!
//! An essay's own page needs only that essay: it is searched at once, or,
//! when it is long (`wenji_core::window`: a reader's own big file), a few
//! parts at a time as the list is (`long_search`), on its page as on the
//! list.
//! The list needs every essay: they are searched in collection order, in
//! slices of a few milliseconds, each slice's results published together
//! and the next slice left to a later task, so that keys, scrolling and
//! painting go on in between. The first slice runs before the next frame,
//! so the first screen of results comes with the keystroke that asked for
//! it; the rest waits until that frame is painted, so a keystroke is
//! never followed by a slice before its results show. A new query (or a
//! new page) drops the run of the old one. Essays
//! whose text has not arrived yet are searched when it arrives; one that
//! cannot arrive leaves the others searched.
//!
//! A query that finds nothing is then looked at for near forms by the
//! empty state that offers them (`near_forms`); a new query clears them.

use leptos::prelude::*;
use wenji_core::route::Route;
use wenji_core::window::renders_whole;
use wenji_search::{filter_essay, CollectionHits, EssayHits};

use crate::content::{collection, full_essay, search_index, with_tables, TextArrival};
use crate::location::now;
use crate::state::ReaderState;

/// Work done in one slice before the page gets the thread back.
pub const SLICE_MS: f64 = 8.0;

/// What the list's run does after a slice.
enum Next {
    /// Every essay it can search is searched.
    Done,
    /// Time ran out: another slice.
    More,
    /// A long essay is next, searched in slices of its own.
    Long(usize),
}

#[derive(Clone, Copy)]
struct Run {
    state: ReaderState,
    /// Bumped by every new query: a slice of an older run stops.
    generation: StoredValue<u64>,
    /// A slice is scheduled or running.
    busy: StoredValue<bool>,
}

pub fn install(state: ReaderState, arrival: TextArrival) {
    let run = Run {
        state,
        generation: StoredValue::new(0),
        busy: StoredValue::new(false),
    };
    // A new query: start over. What can be searched before the next frame
    // goes into the fresh results before they are published, so the page
    // renders once per keystroke.
    Effect::new(move |_| {
        let empty = state.query.with(|q| q.is_empty());
        run.generation.update_value(|g| *g += 1);
        run.busy.set_value(false);
        if state.near.with_untracked(|n| !n.is_empty()) {
            state.near.set(Vec::new());
        }
        if empty {
            state.hits.set(CollectionHits::default());
            return;
        }
        let n = collection().essays.len();
        let route = state.route.get_untracked();
        if let Some(i) = long_essay(&route) {
            state.hits.update(|h| h.search_again(n, i));
            let generation = run.generation.get_value();
            run.busy.set_value(true);
            after_paint(move || run.slice(generation));
            return;
        }
        let mut fresh = CollectionHits::new(n);
        let more = match route {
            Route::Essay(slug) => {
                if let Some((i, hits)) = collection()
                    .index_of(&slug)
                    .and_then(|i| Some((i, run.search(i)?)))
                {
                    fresh.set(i, hits);
                }
                false
            }
            Route::List => {
                let (batch, next) = run.search_some(&fresh);
                for (i, hits) in batch {
                    fresh.set(i, hits);
                }
                !matches!(next, Next::Done)
            }
        };
        state.hits.set(fresh);
        let generation = run.generation.get_value();
        if more {
            run.busy.set_value(true);
        }
        // It stops at once if a newer query came in the meantime.
        if more {
            after_paint(move || run.slice(generation));
        }
    });
    // Another page, or more text: carry on where the run stands.
    Effect::new(move |_| {
        state.route.track();
        arrival.essays.track();
        run.resume();
    });
}

/// Run `f` once the next frame is painted: the keystroke's own results
/// go on screen first, the rest of the work follows.
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

impl Run {
    fn resume(self) {
        if !self.state.query.with_untracked(|q| !q.is_empty()) {
            return;
        }
        match self.state.route.get_untracked() {
            route @ Route::Essay(_) if self.long_unsearched(&route).is_some() => self.start(),
            Route::Essay(slug) => {
                if let Some(i) = collection().index_of(&slug) {
                    let searched = self.state.hits.with_untracked(|h| h.get(i).is_some());
                    if !searched {
                        if let Some(hits) = self.search(i) {
                            self.state.hits.update(|h| h.set(i, hits));
                        }
                    }
                }
            }
            Route::List => self.start(),
        }
    }

    /// Start the run's slices unless they are under way.
    fn start(self) {
        if !self.busy.get_value() {
            self.busy.set_value(true);
            let generation = self.generation.get_value();
            self.slice(generation);
        }
    }

    fn search(self, i: usize) -> Option<EssayHits> {
        let index = search_index(i)?;
        Some(
            self.state
                .query
                .with_untracked(|q| with_tables(|t| filter_essay(index, q, t))),
        )
    }

    /// Search the essays `hits` lacks, in order, for about `SLICE_MS`,
    /// passing over those whose text has not arrived (the arrival resumes
    /// the run) and stopping at a long one (searched in slices of its
    /// own). Returns what was found, and what comes next.
    fn search_some(self, hits: &CollectionHits) -> (Vec<(usize, EssayHits)>, Next) {
        let start = now();
        let mut batch = Vec::new();
        let mut next = hits.next_unsearched(0);
        while let Some(i) = next {
            if is_long(i) {
                return (batch, Next::Long(i));
            }
            if let Some(found) = self.search(i) {
                batch.push((i, found));
            }
            next = hits.next_unsearched(i + 1);
            if next.is_some() && now() - start > SLICE_MS {
                return (batch, Next::More);
            }
        }
        (batch, Next::Done)
    }

    fn later(self, generation: u64) {
        set_timeout(
            move || self.slice(generation),
            std::time::Duration::from_millis(0),
        );
    }

    /// One slice of the run over the list or a long essay, published
    /// together; the next is left to a later task.
    fn slice(self, generation: u64) {
        if self.generation.get_value() != generation {
            return;
        }
        let route = self.state.route.get_untracked();
        if let Some(i) = self.long_unsearched(&route) {
            return self.long_slice(generation, i);
        }
        if !matches!(route, Route::List) {
            self.busy.set_value(false);
            return;
        }
        let (batch, next) = self.state.hits.with_untracked(|h| self.search_some(h));
        if !batch.is_empty() {
            self.state.hits.update(|h| {
                for (i, hits) in batch {
                    h.set(i, hits);
                }
            });
        }
        match next {
            Next::More => self.later(generation),
            Next::Long(i) => self.long_slice(generation, i),
            Next::Done => self.busy.set_value(false),
        }
    }

    /// The long essay `route` shows, if this query's hits of it are still
    /// to come.
    fn long_unsearched(self, route: &Route) -> Option<usize> {
        long_essay(route).filter(|&i| {
            self.state
                .hits
                .with_untracked(|h| h.get(i).is_none() || h.searching_again() == Some(i))
        })
    }

    /// One slice of a long essay's search (`long_search`); the next, of
    /// that essay or of the list after it, is left to a later task.
    fn long_slice(self, generation: u64, i: usize) {
        leptos::task::spawn_local(async move {
            let done = crate::long_search::search_slice(self.state, generation, i).await;
            if done.is_err() && self.generation.get_value() == generation {
                // Its code could not be fetched (the long essay's view says
                // so): searched whole, as an essay of ordinary length is.
                if let Some(hits) = self.search(i) {
                    self.state.hits.update(|h| h.set(i, hits));
                }
            }
            self.later(generation);
        });
    }
}

/// The essay `route` shows if it is long: searched a few parts at a time.
fn long_essay(route: &Route) -> Option<usize> {
    let Route::Essay(slug) = route else {
        return None;
    };
    collection().index_of(slug).filter(|&i| is_long(i))
}

/// Is essay `i` long (`wenji_core::window`), its text there?
fn is_long(i: usize) -> bool {
    full_essay(i).is_some_and(|e| !renders_whole(e))
}
