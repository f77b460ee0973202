//! Which of a long essay's parts a view renders, as signals: the text and
//! the outline of a long essay (`wenji_core::window`) each keep one,
//! measured in bytes of text or in entries.

use leptos::prelude::*;
use wenji_core::window::PartSizes;
use wenji_core::Place;
use wenji_search::CollectionHits;

use crate::state::use_reader;

/// A window over the parts of the essay at `index` that the filter shows.
#[derive(Clone, Copy)]
pub struct PartWindow {
    budget: RwSignal<usize>,
    step: usize,
    /// The parts rendered, in order.
    pub rendered: Memo<Vec<usize>>,
    /// Parts shown by the filter but not rendered yet.
    pub left: Signal<usize>,
}

impl PartWindow {
    /// A window of `step` at first, widened to the part the reader asks
    /// for (outline, hit, address) before the page goes there.
    pub fn new(index: usize, sizes: PartSizes, step: usize) -> PartWindow {
        let state = use_reader();
        let sizes = StoredValue::new(sizes);
        let shown = move |h: &CollectionHits, p: usize| !h.at(Place::part(index, p)).is_hidden();
        let budget = RwSignal::new(step);
        Effect::new(move |_| {
            if let Some(part) = state.asked_parts.get().checked_sub(1) {
                let needed = state.hits.with_untracked(|h| {
                    sizes.with_value(|s| s.budget_through(part, |p| shown(h, p)))
                });
                if needed > budget.get_untracked() {
                    budget.set(needed);
                }
            }
        });
        let rendered = Memo::new(move |_| {
            let budget = budget.get();
            state
                .hits
                .with(|h| sizes.with_value(|s| s.rendered(budget, |p| shown(h, p))))
        });
        let left = Signal::derive(move || {
            let all = state
                .hits
                .with(|h| sizes.with_value(|s| s.count(|p| shown(h, p))));
            all.saturating_sub(rendered.with(Vec::len))
        });
        PartWindow {
            budget,
            step,
            rendered,
            left,
        }
    }

    /// Render another step.
    pub fn more(self) {
        self.budget.update(|b| *b += self.step);
    }

    /// Back to the first step (a new query starts from the top).
    pub fn restart(self) {
        self.budget.set(self.step);
    }
}
