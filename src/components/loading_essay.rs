//! The moment between opening an essay and its text arriving.

use leptos::prelude::*;

#[component]
pub fn LoadingEssay(failed: RwSignal<Option<String>>) -> impl IntoView {
    let text = move || match failed.get() {
        Some(why) => format!("{why}，请检查网络后重新加载。"),
        None => "正在载入文章…".to_owned(),
    };
    view! {
        <main id="main" class="essay loading-essay">
            <p role="status" aria-live="polite">
                {text}
            </p>
        </main>
    }
}
