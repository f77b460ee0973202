//! Text written into the scripts this step generates or fills in.

/// A classic script as the page carries it inline: without the lines that
/// are only a `//` comment, and without indentation. A script with a
/// template literal (which may span lines) is kept as written.
pub fn compact_lines(js: &str) -> String {
    if js.contains('`') {
        return js.to_owned();
    }
    js.lines()
        .map(str::trim_start)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

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
    fn comment_lines_and_indentation_go() {
        let js = "// Applies the theme.\n(function () {\n  // why\n  const a = \"// kept\"; // kept too\n\n  f(a);\n})();\n";
        assert_eq!(
            compact_lines(js),
            "(function () {\nconst a = \"// kept\"; // kept too\nf(a);\n})();"
        );
        let template = "// x\nconst t = `a\n  // inside`;\n";
        assert_eq!(compact_lines(template), template);
    }

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
