//! Files dragged over the page: the whole window takes them. While a drag
//! with files is over it, a frame says where they land; a drop opens them
//! (`OpenedFiles::open`). Both events are always stopped from their
//! default, or the browser would leave the page to show the file.

use leptos::prelude::*;

use crate::opened_files::use_opened;

/// Does this drag carry files (not text or a link being dragged)?
fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| {
        let types = d.types();
        (0..types.length()).any(|i| types.get(i).as_string().as_deref() == Some("Files"))
    })
}

#[component]
pub fn DropZone() -> impl IntoView {
    let opened = use_opened();
    let over = RwSignal::new(false);
    if crate::browser::present() {
        let _ = window_event_listener(leptos::ev::dragover, move |ev| {
            if carries_files(&ev) {
                ev.prevent_default();
                over.set(true);
            }
        });
        let _ = window_event_listener(leptos::ev::dragleave, move |ev| {
            // Leaving the window, not moving from one element to another.
            if ev.related_target().is_none() {
                over.set(false);
            }
        });
        let _ = window_event_listener(leptos::ev::drop, move |ev| {
            over.set(false);
            let Some(list) = ev
                .data_transfer()
                .and_then(|d| d.files())
                .filter(|l| l.length() > 0)
            else {
                return;
            };
            ev.prevent_default();
            let files: Vec<_> = (0..list.length()).filter_map(|i| list.item(i)).collect();
            opened.open(files);
        });
    }
    view! {
        <div class="drop-zone" class:drop-over=move || over.get() aria-hidden="true">
            <p>"松开鼠标，在本页打开文件"</p>
        </div>
    }
}
