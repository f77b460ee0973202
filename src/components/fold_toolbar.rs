//! Expand all and collapse all (of what is shown, while filtering).

use leptos::prelude::*;

use crate::state::use_reader;

/// `ids` are those of every part and sub-section on the page.
#[component]
pub fn FoldToolbar(ids: Vec<&'static str>) -> impl IntoView {
    let state = use_reader();
    let collapse = move |_| state.collapse_all(ids.iter().copied());
    view! {
        <div class="fold-toolbar" role="toolbar" aria-label="折叠">
            <button type="button" class="tool" on:click=move |_| state.expand_all()>
                "全部展开"
            </button>
            <button type="button" class="tool" on:click=collapse>
                "全部折叠"
            </button>
        </div>
    }
}
