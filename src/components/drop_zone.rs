//! Files dragged over the page: the whole window takes them. While a drag
//! with files is over it, a frame says where they land; a drop opens them
//! through the 打开文件 panel, folders and all (`dropped`). Both events are
//! always stopped from their default, or the browser would leave the page
//! to show the file.

use leptos::prelude::*;

use crate::dropped::{hand_over, Dropped};
use crate::opened_files::use_opened;
use crate::ui::{use_ui, Panel};

/// Does this drag carry files (not text or a link being dragged)?
fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| {
        let types = d.types();
        (0..types.length()).any(|i| types.get(i).as_string().as_deref() == Some("Files"))
    })
}

/// What was dropped, as entries of the browser's file system (folders
/// among them); none where the browser has no `webkitGetAsEntry`.
fn dropped_entries(transfer: &web_sys::DataTransfer) -> Vec<web_sys::FileSystemEntry> {
    let items = transfer.items();
    (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect()
}

#[component]
pub fn DropZone() -> impl IntoView {
    let opened = use_opened();
    let ui = use_ui();
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
            let Some(transfer) = ev.data_transfer() else {
                return;
            };
            // A folder can only be taken now, during the event; the
            // 打开文件 panel (a part fetched when first wanted) reads it all.
            let entries = dropped_entries(&transfer);
            let dropped = if entries.is_empty() {
                let Some(list) = transfer.files().filter(|l| l.length() > 0) else {
                    return;
                };
                Dropped::Files((0..list.length()).filter_map(|i| list.item(i)).collect())
            } else {
                Dropped::Entries(entries)
            };
            ev.prevent_default();
            hand_over(dropped);
            opened.dropped.update(|n| *n += 1);
            ui.panel.set(Some(Panel::Files));
        });
    }
    view! {
        <div class="drop-zone" class:drop-over=move || over.get() aria-hidden="true">
            <p>"松开鼠标，在本页打开文件"</p>
        </div>
    }
}
