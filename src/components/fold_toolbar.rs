//! Expand all and collapse all.

use leptos::prelude::*;
use wenji_core::Essay;

use crate::state::use_reader;

#[component]
pub fn FoldToolbar(essay: &'static Essay) -> impl IntoView {
    let state = use_reader();
    let expand = move |_| state.folding.update(|f| f.expand_all());
    let collapse = move |_| state.folding.update(|f| f.collapse_all(essay.fold_ids()));
    view! {
        <div class="fold-toolbar" role="toolbar" aria-label="折叠">
            <button type="button" class="tool" on:click=expand>
                "全部展开"
            </button>
            <button type="button" class="tool" on:click=collapse>
                "全部折叠"
            </button>
        </div>
    }
}
