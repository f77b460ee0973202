//! One component a file.

pub mod empty_state;
pub mod essay_header;
pub mod essay_list;
pub mod essay_view;
pub mod excerpt_end;
pub mod fold_heading;
pub mod fold_toolbar;
pub mod help_overlay;
pub mod highlighted;
pub mod part_view;
pub mod search_bar;
pub mod search_results;
pub mod section_view;
