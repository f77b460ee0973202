//! One component a file.

pub mod essay_header;
pub mod essay_list;
pub mod essay_view;
pub mod excerpt_end;
pub mod fold_heading;
pub mod fold_toolbar;
pub mod part_view;
pub mod section_view;
