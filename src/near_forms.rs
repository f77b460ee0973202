//! The near forms of a query that found nothing (a slip of the input
//! method, a character missing or extra: `wenji_search::near`), looked for
//! once the exact search has gone through what the page shows, in slices of
//! a few milliseconds as the search itself runs, and offered apart from the
//! hits (`ReaderState::near`). Started by the empty state that offers them
//! (`components::empty_state`), so their code is in the `tools` part of the
//! wasm with it: a search that finds something never needs it.
//!
//! What makes two characters alike (`wenji_search::likeness`) is a data
//! file of its own, read the first time a search finds nothing; if it
//! cannot be read (offline before it was ever kept), characters are
//! compared by the search tables' readings alone.

use std::cell::OnceCell;

use leptos::prelude::*;
use wenji_core::route::Route;
use wenji_search::likeness::{Likeness, LIKENESS_FILE};
use wenji_search::near::{forgivable, Judge, NearMatches};

use crate::content::{collection, read_shared, search_index, site_len, with_tables};
use crate::location::now;
use crate::search_run::SLICE_MS;
use crate::state::ReaderState;

/// Look for near forms whenever the search behind an empty result has run
/// (a new query, more text searched, another narrowing), for as long as
/// the caller lives: a look still running stops at the next one.
pub fn watch(state: ReaderState) {
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let route = state.route.get();
        let searched = state.hits.with(|h| match &route {
            Route::Essay(slug) => collection()
                .index_of(slug)
                .is_some_and(|i| h.get(i).is_some() && h.searching_again() != Some(i)),
            Route::List => h.complete(),
        });
        state.list.track();
        let this = generation.get_value() + 1;
        generation.set_value(this);
        if searched {
            look(state, route, move || {
                generation.try_get_value() == Some(this)
            });
        }
    });
}

/// The near forms of the query, if it found nothing, in the essays
/// `route` shows; `current` says whether this look is still wanted.
fn look(state: ReaderState, route: Route, current: impl Fn() -> bool + Copy + 'static) {
    if untrack(|| state.totals().sections) > 0 {
        return;
    }
    let Some(term) = state.query.with_untracked(forgivable) else {
        return;
    };
    let essays: Vec<usize> = match route {
        Route::Essay(slug) => collection().index_of(&slug).into_iter().collect(),
        // Only what the list's narrowing shows: a near form offered must
        // find something where the reader is looking.
        Route::List => {
            let all = collection();
            state.list.with_untracked(|v| {
                (0..all.essays.len())
                    .filter(|&i| v.includes(&all, i, site_len()))
                    .collect()
            })
        }
    };
    leptos::task::spawn_local(async move {
        let likeness = likeness().await;
        scan(
            state,
            current,
            term,
            essays,
            0,
            NearMatches::default(),
            likeness,
        );
    });
}

thread_local! {
    static LIKENESS: OnceCell<&'static Likeness> = const { OnceCell::new() };
    static NONE_KNOWN: OnceCell<&'static Likeness> = const { OnceCell::new() };
}

/// The likeness data, read once; empty while it cannot be read.
async fn likeness() -> &'static Likeness {
    if let Some(l) = LIKENESS.with(|l| l.get().copied()) {
        return l;
    }
    match read_shared(LIKENESS_FILE).await {
        Ok(text) => {
            LIKENESS.with(|l| *l.get_or_init(|| Box::leak(Box::new(Likeness::from_compact(&text)))))
        }
        Err(_) => NONE_KNOWN.with(|l| *l.get_or_init(|| Box::leak(Box::default()))),
    }
}

fn scan(
    state: ReaderState,
    current: impl Fn() -> bool + Copy + 'static,
    term: Vec<char>,
    essays: Vec<usize>,
    mut at: usize,
    mut near: NearMatches,
    likeness: &'static Likeness,
) {
    let start = now();
    while let Some(&i) = essays.get(at) {
        if !current() {
            return;
        }
        if let Some(index) = search_index(i) {
            with_tables(|tables| near.scan_essay(&term, index, Judge { tables, likeness }));
        }
        at += 1;
        if at < essays.len() && now() - start > SLICE_MS {
            set_timeout(
                move || scan(state, current, term, essays, at, near, likeness),
                std::time::Duration::from_millis(0),
            );
            return;
        }
    }
    if current() {
        state.near.set(near.offered());
    }
}
