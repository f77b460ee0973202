//! Lengths the script shares with the style sheet, written once.

/// How far below the sticky search bar a heading still counts as reached
/// (the part being read): links and shortcuts scroll headings to just
/// under the bar (`scroll-margin-top` in `style/`), within this reach.
pub const HEADING_REACH_PX: f64 = 48.0;

/// Room kept above and below the current entry when the outline scrolls
/// it into sight.
pub const OUTLINE_MARGIN_PX: f64 = 48.0;
