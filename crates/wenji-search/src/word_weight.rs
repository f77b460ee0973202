//! How likely a listed word is, as one character of the word lists: the
//! natural log of its frequency in sixths, written from `!`. Shared by the
//! crate and its build script (which writes the lists in this form).

/// The character that writes weight 0.
pub const WEIGHT_BASE: u8 = b'!';
/// The greatest weight one printable ASCII character writes.
pub const MAX_WEIGHT: u8 = b'~' - WEIGHT_BASE;

/// The weight of a word found `freq` times.
pub fn weight_of(freq: u32) -> u8 {
    let w = (f64::from(freq.max(1)).ln() * 6.0).round();
    (w as u8).min(MAX_WEIGHT)
}
