//! Text written into the scripts this step generates or fills in.

/// `s` as a JSON (and JavaScript) string literal, safe inside an inline
/// `<script>` too: `<` is escaped, so no value can close the element.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            c if u32::from(c) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted_and_cannot_break_out() {
        assert_eq!(json_string("wenji:prefs"), r#""wenji:prefs""#);
        assert_eq!(
            json_string("a\"b\\c\n</script>\u{2028}"),
            r#""a\"b\\c\u000a\u003c/script>\u2028""#
        );
        assert_eq!(json_string("守正创新"), r#""守正创新""#);
    }
}
