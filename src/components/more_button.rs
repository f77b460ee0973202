//! 显示更多: the next slice of a long list, rendered when asked for.

use leptos::prelude::*;

/// Hidden when nothing is `left`; says how many of `unit` are.
#[component]
pub fn MoreButton(
    #[prop(into)] left: Signal<usize>,
    unit: &'static str,
    on_more: Callback<()>,
) -> AnyView {
    view! {
        <p class="more" hidden=move || left.get() == 0>
            <button type="button" class="tool more-button" on:click=move |_| on_more.run(())>
                {move || format!("显示更多（还有 {} {unit}）", left.get())}
            </button>
        </p>
    }
    .into_any()
}
