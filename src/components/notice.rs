//! Short confirmations ("已复制"), shown briefly and announced politely. The
//! live region is always in the page, so that screen readers hear changes.

use leptos::prelude::*;

use crate::ui::use_ui;

#[component]
pub fn Notice() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="notice" role="status" aria-live="polite">
            // Nothing at all when there is nothing to say (not even an
            // empty text node): the box is styled away while `:empty`.
            {move || Some(ui.notice.get()).filter(|s| !s.is_empty())}
        </div>
    }
}
