//! Short confirmations ("已复制"), shown briefly and announced politely. The
//! live region is always in the page, so that screen readers hear changes.

use leptos::prelude::*;

use crate::components::text_or_nothing;
use crate::ui::use_ui;

#[component]
pub fn Notice() -> impl IntoView {
    let ui = use_ui();
    view! {
        <div class="notice" role="status" aria-live="polite">
            {move || text_or_nothing(ui.notice.get())}
        </div>
    }
}
