//! How the reader likes the page: theme, text size and typeface. Stored as
//! one short line; anything unknown or malformed falls back to the default,
//! field by field, so an old or damaged value never stops the page.
//!
//! `public/prefs-early.js` reads the same line before the first paint; the
//! ship step writes into it what it must know (`early_values`).

/// Colour theme. `System` follows `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
    Sepia,
}

/// Body typeface: 黑体 (sans-serif) or 宋体 (serif).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Font {
    #[default]
    Sans,
    Serif,
}

/// What the copy buttons put on the clipboard: the text and where it comes
/// from, or the text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CopyMode {
    #[default]
    Cited,
    TextOnly,
}

pub const COPY_MODES: [(CopyMode, &str); 2] =
    [(CopyMode::Cited, "附出处"), (CopyMode::TextOnly, "仅文字")];

impl CopyMode {
    /// Its word in the stored line.
    pub fn attr(self) -> &'static str {
        match self {
            CopyMode::Cited => "cited",
            CopyMode::TextOnly => "text",
        }
    }

    fn from_attr(s: &str) -> Option<CopyMode> {
        COPY_MODES.iter().map(|(c, _)| *c).find(|c| c.attr() == s)
    }
}

/// Text size steps, smallest first, with their labels.
pub const SIZES: [&str; 5] = ["小", "标准", "较大", "大", "特大"];
/// The step a new reader gets.
pub const DEFAULT_SIZE: usize = 1;

pub const THEMES: [(Theme, &str); 4] = [
    (Theme::System, "跟随系统"),
    (Theme::Light, "浅色"),
    (Theme::Dark, "深色"),
    (Theme::Sepia, "护眼"),
];

pub const FONTS: [(Font, &str); 2] = [(Font::Sans, "黑体"), (Font::Serif, "宋体")];

/// The first word of the stored line.
pub const VERSION: &str = "wenji-prefs-v1";

/// Where the line is stored.
pub const STORAGE_KEY: &str = "wenji:prefs";

/// The class of `<html>` that makes the page dark: the style sheet writes
/// the dark colours once, for it, and the scripts set it for the dark theme
/// or, with the system's, when the system is dark.
pub const DARK_CLASS: &str = "dark";

/// The media query that says the system is dark.
pub const SYSTEM_DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// Each field a script may copy to `<html data-…>` before the app starts,
/// with every value it may take there (the default theme sets none).
pub fn early_values() -> [(&'static str, Vec<String>); 3] {
    [
        (
            "theme",
            THEMES
                .iter()
                .filter_map(|(t, _)| t.attr())
                .map(String::from)
                .collect(),
        ),
        ("size", (0..SIZES.len()).map(|n| n.to_string()).collect()),
        (
            "font",
            FONTS.iter().map(|(f, _)| f.attr().to_owned()).collect(),
        ),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    pub theme: Theme,
    /// Index into `SIZES`.
    pub size: usize,
    pub font: Font,
    pub copy: CopyMode,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            theme: Theme::System,
            size: DEFAULT_SIZE,
            font: Font::Sans,
            copy: CopyMode::Cited,
        }
    }
}

impl Theme {
    /// The value of `data-theme` on `<html>`; `None` leaves it to the system.
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Sepia => Some("sepia"),
        }
    }

    /// Is the page dark with this theme (`system_dark`: is the system's)?
    pub fn is_dark(self, system_dark: bool) -> bool {
        match self {
            Theme::Dark => true,
            Theme::System => system_dark,
            Theme::Light | Theme::Sepia => false,
        }
    }

    fn from_attr(s: &str) -> Option<Theme> {
        THEMES.iter().map(|(t, _)| *t).find(|t| t.attr() == Some(s))
    }
}

impl Font {
    /// The value of `data-font` on `<html>`.
    pub fn attr(self) -> &'static str {
        match self {
            Font::Sans => "sans",
            Font::Serif => "serif",
        }
    }

    fn from_attr(s: &str) -> Option<Font> {
        FONTS.iter().map(|(f, _)| *f).find(|f| f.attr() == s)
    }
}

impl Prefs {
    /// `wenji-prefs-v1 theme=dark size=2 font=serif copy=cited`; `None` when nothing
    /// differs from the default, so that nothing needs storing.
    pub fn to_stored(&self) -> Option<String> {
        if *self == Prefs::default() {
            return None;
        }
        Some(format!(
            "{VERSION} theme={} size={} font={} copy={}",
            self.theme.attr().unwrap_or("system"),
            self.size,
            self.font.attr(),
            self.copy.attr()
        ))
    }

    /// Read a stored line. Another version, or junk, gives the default;
    /// a field that makes no sense keeps its default.
    pub fn from_stored(stored: &str) -> Prefs {
        let mut prefs = Prefs::default();
        let mut words = stored.split_ascii_whitespace();
        if words.next() != Some(VERSION) {
            return prefs;
        }
        for word in words {
            match word.split_once('=') {
                Some(("theme", v)) => prefs.theme = Theme::from_attr(v).unwrap_or_default(),
                Some(("size", v)) => {
                    prefs.size = v
                        .parse()
                        .ok()
                        .filter(|n| *n < SIZES.len())
                        .unwrap_or(DEFAULT_SIZE)
                }
                Some(("font", v)) => prefs.font = Font::from_attr(v).unwrap_or_default(),
                Some(("copy", v)) => prefs.copy = CopyMode::from_attr(v).unwrap_or_default(),
                _ => {}
            }
        }
        prefs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_survives_storing() {
        for (theme, _) in THEMES {
            for size in 0..SIZES.len() {
                for (font, _) in FONTS {
                    for (copy, _) in COPY_MODES {
                        let p = Prefs {
                            theme,
                            size,
                            font,
                            copy,
                        };
                        let back = p
                            .to_stored()
                            .map_or(Prefs::default(), |s| Prefs::from_stored(&s));
                        assert_eq!(back, p);
                    }
                }
            }
        }
    }

    #[test]
    fn the_default_stores_nothing() {
        assert_eq!(Prefs::default().to_stored(), None);
        let dark = Prefs {
            theme: Theme::Dark,
            ..Prefs::default()
        };
        assert_eq!(
            dark.to_stored().as_deref(),
            Some("wenji-prefs-v1 theme=dark size=1 font=sans copy=cited")
        );
    }

    #[test]
    fn junk_falls_back_field_by_field() {
        assert_eq!(Prefs::from_stored(""), Prefs::default());
        assert_eq!(Prefs::from_stored("{\"theme\":\"dark\"}"), Prefs::default());
        assert_eq!(
            Prefs::from_stored("wenji-prefs-v0 theme=dark"),
            Prefs::default()
        );
        let p = Prefs::from_stored("wenji-prefs-v1 theme=purple size=99 font=serif extra");
        assert_eq!(
            p,
            Prefs {
                font: Font::Serif,
                ..Prefs::default()
            }
        );
        assert_eq!(
            Prefs::from_stored("wenji-prefs-v1 size=-1").size,
            DEFAULT_SIZE
        );
        assert_eq!(Prefs::from_stored("wenji-prefs-v1 size=4").size, 4);
        // A line stored before the copy choice existed keeps citing.
        assert_eq!(
            Prefs::from_stored("wenji-prefs-v1 theme=dark size=1 font=sans").copy,
            CopyMode::Cited
        );
        assert_eq!(
            Prefs::from_stored("wenji-prefs-v1 copy=text").copy,
            CopyMode::TextOnly
        );
    }

    #[test]
    fn there_are_at_least_four_sizes_and_three_themes() {
        assert!(SIZES.len() >= 4);
        let named: Vec<_> = THEMES.iter().filter_map(|(t, _)| t.attr()).collect();
        assert_eq!(named, ["light", "dark", "sepia"]);
    }

    #[test]
    fn the_page_is_dark_for_the_dark_theme_or_a_dark_system() {
        assert!(Theme::Dark.is_dark(false) && Theme::System.is_dark(true));
        assert!(!Theme::System.is_dark(false) && !Theme::Light.is_dark(true));
        assert!(!Theme::Sepia.is_dark(true));
    }
}
