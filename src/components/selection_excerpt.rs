//! 加入摘抄, beside a selection in an essay's text: a small button that
//! appears while text is selected there and adds it to the notebook.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::notebook::use_notebook;

/// Where the button stands (page coordinates, whole pixels: formatting a
/// float would bring its whole formatter into the wasm), while text is
/// selected.
#[derive(Clone, Copy, PartialEq)]
struct At {
    top: i32,
    left: i32,
}

#[component]
pub fn SelectionExcerpt() -> impl IntoView {
    let notebook = use_notebook();
    let at = RwSignal::new(None::<At>);
    if crate::browser::present() {
        // Typing moves the caret and fires this too: only a change of
        // what it shows reaches the page.
        let on_change = Closure::<dyn FnMut()>::new(move || {
            let now = selection_end();
            if at.with_untracked(|a| *a != now) {
                at.set(now);
            }
        });
        let _ = document().add_event_listener_with_callback(
            "selectionchange",
            on_change.as_ref().unchecked_ref(),
        );
        // Listens for the page's life, as the component does.
        on_change.forget();
    }
    view! {
        <Show when=move || at.get().is_some()>
            <button
                type="button"
                class="selection-excerpt tool"
                // Set through the CSSOM: the page's CSP allows no style attribute.
                style:top=move || at.get().map(|a| format!("{}px", a.top)).unwrap_or_default()
                style:left=move || at.get().map(|a| format!("{}px", a.left)).unwrap_or_default()
                // Keep the selection: a press would clear it first.
                on:mousedown=move |ev: leptos::ev::MouseEvent| ev.prevent_default()
                on:click=move |_| {
                    notebook.add_selection();
                    at.set(None);
                }
            >
                "加入摘抄"
            </button>
        </Show>
    }
}

/// Just under the end of the selection, when it lies in an essay's text.
fn selection_end() -> Option<At> {
    let selection = window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let node = range.common_ancestor_container().ok()?;
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    element.closest("main article").ok()??;
    if range.to_string().as_string()?.trim().is_empty() {
        return None;
    }
    let last = range.get_bounding_client_rect();
    let (x, y) = (window().scroll_x().ok()?, window().scroll_y().ok()?);
    let width = window().inner_width().ok()?.as_f64()?;
    Some(At {
        top: (last.bottom() + y + 6.0) as i32,
        // Not `f64::clamp`: its panic message would format floats.
        left: (last.right() + x - 40.0)
            .min(width + x - 110.0)
            .max(8.0 + x) as i32,
    })
}
