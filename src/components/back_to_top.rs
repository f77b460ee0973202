//! A button back to the top of the page, shown once the reader has
//! scrolled more than a screen down (on a phone the search bar and the
//! page's title are then far away).

use leptos::prelude::*;

use crate::ui::use_ui;

#[component]
pub fn BackToTop() -> impl IntoView {
    let ui = use_ui();
    let to_top = move |_| {
        let smooth = !window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|q| q.matches());
        let options = web_sys::ScrollToOptions::new();
        options.set_top(0.0);
        if smooth {
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
        }
        window().scroll_to_with_scroll_to_options(&options);
    };
    view! {
        <button
            type="button"
            class="back-to-top"
            aria-label="回到顶部"
            title="回到顶部"
            hidden=move || !ui.far_down.get()
            on:click=to_top
        >
            <span aria-hidden="true">"↑"</span>
        </button>
    }
}
