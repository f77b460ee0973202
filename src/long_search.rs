//! The search of a long essay's own page (`wenji_core::window`: a reader's
//! own big file), a few parts at a time, as the list searches its essays:
//! its index built part by part on the first search, then its parts
//! searched, each slice for about `SLICE_MS`; the hits published once
//! every part is searched, what the page showed standing meanwhile
//! (`CollectionHits::search_again`). `search_run` calls a slice and
//! schedules the next. The code is in the `tools` part of the wasm with
//! the long essay's view: an essay of ordinary length never needs it.

use std::cell::RefCell;

use leptos::prelude::*;
use wenji_search::filter::EssayIndex;
use wenji_search::{filter_next_part, EssayHits};

use crate::content::{built_index, full_essay, keep_search_index, with_tables};
use crate::location::now;
use crate::parts::lazy;
use crate::search_run::SLICE_MS;
use crate::state::ReaderState;

/// A long essay's search under way.
#[derive(Default)]
struct Progress {
    /// Its index as far as it is built (for any query), until it is kept.
    building: Option<(usize, EssayIndex)>,
    /// Its hits so far, of the run of that generation and that essay.
    hits: Option<((u64, usize), EssayHits)>,
}

thread_local! {
    static PROGRESS: RefCell<Progress> = RefCell::default();
}

lazy! {
    /// One slice of the search of essay `i` for the run of `generation`:
    /// `true` when it is done (its hits published, or its text not there:
    /// the text's arrival resumes the run), `false` when more is to come.
    pub fn search_slice(state: ReaderState, generation: u64, i: usize) -> bool {
        slice(state, generation, i)
    }
    in tools;
}

fn slice(state: ReaderState, generation: u64, i: usize) -> bool {
    let Some(essay) = full_essay(i) else {
        return true;
    };
    let start = now();
    let within = || now() - start < SLICE_MS;
    // The hits are published once the progress is let go of: what they
    // set off never finds it borrowed.
    let done = PROGRESS.with_borrow_mut(|p| {
        let index = match built_index(i) {
            Some(index) => index,
            None => {
                let building = match &mut p.building {
                    Some((e, index)) if *e == i => index,
                    b => &mut b.insert((i, EssayIndex::default())).1,
                };
                with_tables(|t| {
                    while let Some(part) = essay.parts.get(building.built()) {
                        building.build_part(part, t);
                        if !within() {
                            break;
                        }
                    }
                });
                if building.built() < essay.parts.len() {
                    return None;
                }
                let (_, index) = p.building.take().unwrap_or_default();
                keep_search_index(i, index)
            }
        };
        let hits = match &mut p.hits {
            Some((run, hits)) if *run == (generation, i) => hits,
            h => &mut h.insert(((generation, i), EssayHits::default())).1,
        };
        state.query.with_untracked(|q| {
            with_tables(|t| while within() && filter_next_part(index, q, t, hits) {})
        });
        if hits.parts.len() < essay.parts.len() {
            return None;
        }
        p.hits.take()
    });
    match done {
        Some((_, hits)) => {
            state.hits.update(|h| h.set(i, hits));
            true
        }
        None => false,
    }
}
