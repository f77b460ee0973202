//! Marks where the available text of an excerpt stops.

use leptos::prelude::*;

#[component]
pub fn ExcerptEnd() -> impl IntoView {
    view! { <p class="excerpt-end" role="note">"……（节选至此，原文未完）"</p> }
}
