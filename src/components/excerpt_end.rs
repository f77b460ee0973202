//! Marks where the available text of an excerpt stops.

use leptos::prelude::*;

/// Hidden while filtering: the end of the text is then not in view.
#[component]
pub fn ExcerptEnd(#[prop(into)] hidden: Signal<bool>) -> impl IntoView {
    view! {
        <p class="excerpt-end" role="note" hidden=hidden>
            "……（节选至此，原文未完）"
        </p>
    }
}
