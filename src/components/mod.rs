//! One component a file.

/// `text`, or nothing at all when it is empty: rendered on the server an
/// empty string becomes a space, and the element is then no longer
/// `:empty` (the style hides empty notices and counts by that).
pub fn text_or_nothing(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// The files an `<input type=file>` holds, the input emptied so that the
/// same pick again fires `change` again.
pub fn picked_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    use wasm_bindgen::JsCast;
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files().map(|list| {
        (0..list.length())
            .filter_map(|i| list.item(i))
            .collect::<Vec<_>>()
    });
    input.set_value("");
    files.unwrap_or_default()
}

pub mod back_to_top;
pub mod backup_controls;
pub mod choice_group;
pub mod display_panel;
pub mod drop_zone;
pub mod empty_state;
pub mod essay_header;
pub mod essay_list;
pub mod essay_toolbar;
pub mod essay_view;
pub mod excerpt_end;
pub mod excerpt_undo;
pub mod export_panel;
pub mod files_panel;
pub mod fold_heading;
pub mod fold_section;
pub mod heading_actions;
pub mod help_dialog;
pub mod help_overlay;
pub mod highlighted;
pub mod library_controls;
pub mod loading_essay;
pub mod long_essay_parts;
pub mod long_outline;
pub mod make_collection;
pub mod more_button;
pub mod notebook_item;
pub mod notebook_panel;
pub mod notice;
pub mod outline;
pub mod outline_link;
pub mod outline_part;
pub mod panel_button;
pub mod paragraph;
pub mod part_view;
pub mod related_passage;
pub mod related_passages;
pub mod resume_reading;
pub mod search_bar;
pub mod search_results;
pub mod section_view;
pub mod selection_excerpt;
pub mod shared_panels;
pub mod shared_tools;
