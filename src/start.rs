//! The app's start in the browser: read the collection's index (and the
//! text of the essay the address names), take the prerendered page over,
//! then fetch the rest of the text.

use leptos::prelude::*;
use wenji_core::window::renders_whole;

use crate::browser::element_by_id;
use crate::components::essay_list::preload_essay_list;
use crate::components::long_essay_parts::preload_long_essay;
use crate::{app, content, location, panic_notice, parts};

/// The app's entry point (`main` calls it).
pub fn start() {
    // For the benchmark: how long the app's own start takes.
    if let Some(perf) = window().performance() {
        let _ = perf.mark("wenji-start");
    }
    panic_notice::install();
    // Before the app names the tab after what it shows.
    let _ = crate::browser::collection_name();
    wasm_bindgen_futures::spawn_local(load_and_mount());
}

/// Read the collection's index (and the text of the essay the address
/// names), mount, then fetch the rest of the text.
async fn load_and_mount() {
    if let Err(content::LoadError(message)) = content::load_index().await {
        // The prerendered text stays readable; only the tools are missing.
        panic_notice::show_message(&format!(
            "{message}：搜索和折叠暂时无法使用，正文仍可阅读。"
        ));
        return;
    }
    let arrival = content::TextArrival {
        essays: RwSignal::new(0),
        failed: RwSignal::new(None),
    };
    // Whether the app may adopt the prerendered page (`mount`).
    let mut adopt = true;
    match app::shown_essay(&location::current_route()) {
        Some(essay) => {
            if let Some(chunk) = content::chunk_of(essay) {
                load_chunk(arrival, chunk).await;
            }
            // A long essay's view is in the tools part, whose code comes
            // asynchronously even once fetched: the page is built again
            // rather than adopted (adopting it would wait in the middle),
            // the part fetched first so that nothing flashes.
            let long = content::full_essay(essay).is_some_and(|e| !renders_whole(e));
            adopt = !long;
            if long && preload_long_essay().await.is_err() {
                panic_notice::show_message(
                    "长文的显示部分没能加载（可能是网络不通）：搜索和折叠暂时无法使用，正文仍可阅读。",
                );
                return;
            }
        }
        // The list's own part of the wasm, so that the app takes the
        // prerendered list over at once (its fetch began with the page's).
        None => {
            if preload_essay_list().await.is_err() {
                panic_notice::show_message(&format!(
                    "{}：搜索和筛选暂时无法使用，请检查网络后重新加载。",
                    parts::LIST_UNAVAILABLE
                ));
                return;
            }
        }
    }
    mount(arrival, adopt);
    for chunk in 0..content::chunk_count() {
        wasm_bindgen_futures::spawn_local(load_chunk(arrival, chunk));
    }
}

async fn load_chunk(arrival: content::TextArrival, chunk: usize) {
    match content::load_chunk(chunk).await {
        Ok(0) => {}
        Ok(n) => arrival.essays.update(|e| *e += n),
        Err(content::LoadError(message)) => arrival.failed.set(Some(message)),
    }
}

fn mount(arrival: content::TextArrival, adopt: bool) {
    let app = move || {
        provide_context(arrival);
        view! { <app::App /> }
    };
    let Some(root) = element_by_id::<web_sys::HtmlElement>("app") else {
        leptos::mount::mount_to_body(app);
        return;
    };
    // The page arrives prerendered (but a single file made in the page,
    // 做成文集, shows only its title until the app has built it). When it shows what the app is about to render (the root's
    // first view, nothing typed yet), the app adopts its nodes: nothing is
    // built or painted again.
    let search = element_by_id::<web_sys::HtmlInputElement>("search");
    let typed = search.as_ref().map(|i| i.value()).unwrap_or_default();
    let prerendered = root
        .first_element_child()
        .is_some_and(|first| !first.has_attribute(wenji_core::single_file::OPENING_ATTR));
    if adopt
        && prerendered
        && typed.trim().is_empty()
        && location::shows_first_view()
        && hydrate(&root, app)
    {
        mark_interactive();
        return;
    }
    // Else it builds the page again in its place, keeping the scroll
    // position, and what the reader typed or focused meanwhile.
    let scroll = window().scroll_y().unwrap_or(0.0);
    let had_focus = search.is_some_and(|i| document().active_element().is_some_and(|a| a == **i));
    if !typed.trim().is_empty() && location::current_query().is_empty() {
        location::write_address(
            &location::current_route(),
            &typed,
            &location::current_list_view(),
            false,
            location::Rendered {
                list: 0,
                results: 0,
                groups: 0,
            },
        );
    }
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
    leptos::mount::mount_to(root, app).forget();
    window().scroll_to_with_x_and_y(0.0, scroll);
    if had_focus {
        if let Some(input) = element_by_id::<web_sys::HtmlElement>("search") {
            let _ = input.focus();
        }
    }
    mark_interactive();
}

/// Adopt the prerendered nodes under `root` (when built with `hydrate`).
fn hydrate<V: IntoView + 'static>(
    root: &web_sys::HtmlElement,
    app: impl FnOnce() -> V + 'static,
) -> bool {
    #[cfg(feature = "hydrate")]
    {
        leptos::mount::hydrate_from(root.clone(), app).forget();
        true
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (root, app);
        false
    }
}

fn mark_interactive() {
    // For the benchmark: the reader can filter from here on.
    if let Some(perf) = window().performance() {
        let _ = perf.mark("wenji-interactive");
    }
    panic_notice::debug_trigger();
}
