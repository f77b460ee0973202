//! Keyboard shortcuts: which key does what, and the list the help shows.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    FocusSearch,
    /// Close the help, or clear the filter.
    Escape,
    ExpandAll,
    CollapseAll,
    PreviousPart,
    NextPart,
    Help,
}

/// The shortcut for a key press, if any. Shortcuts never fire while the
/// reader types in a field (except Esc), nor with Ctrl, Alt or Meta held.
pub fn shortcut(key: &str, in_field: bool, modified: bool) -> Option<Shortcut> {
    if modified {
        return None;
    }
    if key == "Escape" {
        return (!in_field).then_some(Shortcut::Escape);
    }
    if in_field {
        return None;
    }
    Some(match key {
        "/" => Shortcut::FocusSearch,
        "e" | "E" => Shortcut::ExpandAll,
        "c" | "C" => Shortcut::CollapseAll,
        "[" => Shortcut::PreviousPart,
        "]" => Shortcut::NextPart,
        "?" => Shortcut::Help,
        _ => return None,
    })
}

/// Does the reader type into an element with this tag name (upper case, as
/// the DOM gives it), `type` attribute and `contenteditable`? A radio
/// button, checkbox or button takes no text: the shortcuts (Esc above all)
/// act there as anywhere.
pub fn takes_typing(tag: &str, input_type: &str, editable: bool) -> bool {
    match tag {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            input_type.to_ascii_lowercase().as_str(),
            "radio" | "checkbox" | "button" | "submit" | "reset" | "file" | "range" | "color"
        ),
        _ => editable,
    }
}

/// What the help overlay lists: keys, then what they do.
pub const HELP: &[(&str, &str)] = &[
    ("/", "聚焦搜索框"),
    (
        "Esc",
        "关闭帮助或面板，否则清除搜索；搜索框已空时离开搜索框",
    ),
    ("Enter", "下一处匹配（在搜索框中）"),
    ("Shift + Enter", "上一处匹配（在搜索框中）"),
    ("[", "上一篇章"),
    ("]", "下一篇章"),
    ("e", "全部展开"),
    ("c", "全部折叠"),
    ("?", "打开或关闭本帮助"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts() {
        assert_eq!(shortcut("/", false, false), Some(Shortcut::FocusSearch));
        assert_eq!(shortcut("e", false, false), Some(Shortcut::ExpandAll));
        assert_eq!(shortcut("c", false, false), Some(Shortcut::CollapseAll));
        assert_eq!(shortcut("[", false, false), Some(Shortcut::PreviousPart));
        assert_eq!(shortcut("]", false, false), Some(Shortcut::NextPart));
        assert_eq!(shortcut("?", false, false), Some(Shortcut::Help));
        assert_eq!(shortcut("x", false, false), None);
    }

    #[test]
    fn typing_in_a_field_is_never_a_shortcut() {
        for key in ["/", "e", "c", "[", "]", "?", "Escape"] {
            assert_eq!(shortcut(key, true, false), None, "{key}");
        }
    }

    #[test]
    fn a_choice_takes_no_typing_and_a_text_field_does() {
        assert!(
            takes_typing("INPUT", "", false),
            "a text input without a type"
        );
        assert!(takes_typing("INPUT", "search", false));
        assert!(takes_typing("TEXTAREA", "", false));
        assert!(takes_typing("DIV", "", true));
        assert!(!takes_typing("INPUT", "radio", false));
        assert!(!takes_typing("INPUT", "Checkbox", false));
        assert!(!takes_typing("BUTTON", "", false));
    }

    #[test]
    fn modified_keys_belong_to_the_browser() {
        assert_eq!(shortcut("c", false, true), None);
        assert_eq!(shortcut("/", false, true), None);
    }

    #[test]
    fn every_shortcut_is_in_the_help() {
        for key in ["/", "Esc", "[", "]", "e", "c", "?"] {
            assert!(HELP.iter().any(|(k, _)| *k == key), "{key}");
        }
    }
}
