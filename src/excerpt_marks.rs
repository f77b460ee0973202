//! The excerpts of the essay on screen, underlined where they stand in the
//! text: CSS Custom Highlights (`::highlight(wenji-excerpt)`), so that the
//! page's elements are not touched (the search's marks, copying and the
//! prerendered text stay as they are). Painted again after every change of
//! the page's text (a search, a fold) or of the notebook. Browsers without
//! the API simply show no underline. Finding the excerpts in the text is
//! code of the `tools` part of the wasm: a reader with no excerpt never
//! needs it.

use std::cell::Cell;

use js_sys::{Array, Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wenji_core::notebook::{Span, Unit};

use crate::notebook::{spans_in, NotebookState};
use crate::page_ids::section_id;
use crate::parts::lazy;
use crate::state::ReaderState;

const MARK: &str = "wenji-excerpt";
/// The excerpt the reader jumped to.
const CURRENT: &str = "wenji-excerpt-current";

thread_local! {
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

pub fn install(state: ReaderState, notebook: NotebookState) {
    let Some(registry) = registry() else { return };
    let repaint = move || {
        if PENDING.replace(true) {
            return;
        }
        let registry = registry.clone();
        request_animation_frame(move || {
            PENDING.set(false);
            if notebook.book.with_untracked(|b| b.excerpts.is_empty()) {
                clear(&registry);
            } else {
                // Unavailable (offline before the part was kept): no
                // underline, as in a browser without the API.
                leptos::task::spawn_local(async move {
                    let _ = paint_excerpts(registry, state, notebook).await;
                });
            }
        });
    };
    // The page's text changes under a search or a fold: paint again (with
    // no excerpt there is nothing to paint; the effect below clears).
    let observer_repaint = repaint.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if notebook.book.with_untracked(|b| !b.excerpts.is_empty()) {
            observer_repaint();
        }
    });
    if let (Ok(observer), Some(body)) = (
        web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()),
        document().body(),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_character_data(true);
        let _ = observer.observe_with_options(&body, &options);
    }
    on_change.forget();
    Effect::new(move |_| {
        notebook.book.track();
        notebook.current.track();
        state.route.track();
        repaint();
    });
}

/// `CSS.highlights`, where the browser has it.
fn registry() -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let highlights = Reflect::get(&css, &"highlights".into()).ok()?;
    let has_highlight = Reflect::has(&js_sys::global(), &"Highlight".into()).unwrap_or(false);
    (!highlights.is_undefined() && has_highlight).then_some(highlights)
}

lazy! {
    /// Underline the notebook's excerpts in the essay on screen.
    fn paint_excerpts(registry: JsValue, state: ReaderState, notebook: NotebookState) {
        paint(&registry, state, notebook)
    }
    in tools;
}

fn paint(registry: &JsValue, state: ReaderState, notebook: NotebookState) {
    let Some(index) = state.essay_on_page() else {
        return clear(registry);
    };
    let current = notebook.current.get_untracked();
    let (all, mine) = (Array::new(), Array::new());
    for (id, spans) in notebook.book.with_untracked(|b| spans_in(b, index)) {
        for span in &spans {
            if let Some(range) = dom_range(span) {
                all.push(&range);
                if Some(id) == current {
                    mine.push(&range);
                }
            }
        }
    }
    set(registry, MARK, &all);
    set(registry, CURRENT, &mine);
}

/// No excerpt underlined.
fn clear(registry: &JsValue) {
    set(registry, MARK, &Array::new());
    set(registry, CURRENT, &Array::new());
}

/// `registry.set(name, new Highlight(...ranges))`.
fn set(registry: &JsValue, name: &str, ranges: &Array) {
    let Ok(constructor) = Reflect::get(&js_sys::global(), &"Highlight".into()) else {
        return;
    };
    let Ok(constructor) = constructor.dyn_into::<Function>() else {
        return;
    };
    let Ok(highlight) = Reflect::construct(&constructor, ranges) else {
        return;
    };
    if let Ok(setter) = Reflect::get(registry, &"set".into()).and_then(|f| f.dyn_into::<Function>())
    {
        let _ = setter.call2(registry, &name.into(), &highlight);
    }
}

/// The DOM range of `span`: its unit's element, and the text nodes in it
/// counted in UTF-16 (the model counts bytes of UTF-8).
fn dom_range(span: &Span) -> Option<web_sys::Range> {
    let section = document().get_element_by_id(&section_id(span.place, ""))?;
    let element = match span.unit {
        Unit::Heading => section
            .query_selector(":scope > .heading-row .heading-text")
            .ok()??,
        Unit::Paragraph(k) => {
            let body = section
                .query_selector(":scope > div[id$=\"-body\"]")
                .ok()??;
            body.query_selector_all(":scope > p")
                .ok()?
                .item(k as u32)?
                .dyn_into()
                .ok()?
        }
    };
    let text = element.text_content()?;
    let utf16 = |byte: usize| text.get(..byte).map(|t| t.encode_utf16().count());
    let (start, end) = (utf16(span.range.start)?, utf16(span.range.end)?);
    let range = document().create_range().ok()?;
    let (mut start_set, mut seen) = (false, 0usize);
    let walker = document()
        .create_tree_walker_with_what_to_show(&element, 4 /* SHOW_TEXT */)
        .ok()?;
    while let Ok(Some(node)) = walker.next_node() {
        let len = node.text_content().map_or(0, |t| t.encode_utf16().count());
        if !start_set && start <= seen + len {
            range.set_start(&node, (start - seen) as u32).ok()?;
            start_set = true;
        }
        if start_set && end <= seen + len {
            range.set_end(&node, (end - seen) as u32).ok()?;
            return Some(range);
        }
        seen += len;
    }
    None
}
