//! 加入摘抄, beside a selection in an essay's text: a small button that
//! appears while text is selected there and adds it to the notebook.
//! It stands in the margin or at the foot of the screen, not over the text.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::notebook::use_notebook;

/// Where the button stands while text is selected: beside the
/// selection's last line, in the margin right of the text (page
/// coordinates, whole pixels: formatting a float would bring its whole
/// formatter into the wasm), or, where the page has no such margin (a
/// phone), docked at the foot of the screen over the tools. Never over the
/// text being read.
#[derive(Clone, Copy, PartialEq)]
enum At {
    Beside { top: i32, left: i32 },
    Docked,
}

/// The margin the button needs beside the text (its width and gaps).
const BESIDE_ROOM: f64 = 112.0;

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
                class:docked=move || at.get() == Some(At::Docked)
                // Set through the CSSOM: the page's CSP allows no style attribute.
                style:top=move || beside(at.get()).map(|(top, _)| format!("{top}px")).unwrap_or_default()
                style:left=move || beside(at.get()).map(|(_, left)| format!("{left}px")).unwrap_or_default()
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

fn beside(at: Option<At>) -> Option<(i32, i32)> {
    match at? {
        At::Beside { top, left } => Some((top, left)),
        At::Docked => None,
    }
}

/// Where the button goes for the selection, when it lies in an essay's text.
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
    let article = element.closest("main article").ok()??;
    if range.to_string().as_string()?.trim().is_empty() {
        return None;
    }
    let text_right = article.get_bounding_client_rect().right();
    let width = window().inner_width().ok()?.as_f64()?;
    if width - text_right < BESIDE_ROOM {
        return Some(At::Docked);
    }
    let last = range.get_bounding_client_rect();
    let (x, y) = (window().scroll_x().ok()?, window().scroll_y().ok()?);
    // Its foot on the foot of the selection's last line (the style lifts it
    // by its own height).
    Some(At::Beside {
        top: (last.bottom() + y) as i32,
        left: (text_right + x + 12.0) as i32,
    })
}
