//! The style sheets as the page carries them: their comments (notes for
//! whoever edits `style/`) and indentation left out, every rule and value
//! kept as written. No more than that: a space removed elsewhere can change
//! a selector (`a :hover` is not `a:hover`).

/// `css` without comments, blank lines and the spaces that indent or end a
/// line. Strings (`"…"`, `'…'`) are kept whole, a `/*` inside one too.
pub fn compact(css: &str) -> String {
    let mut bare = String::with_capacity(css.len());
    let mut chars = css.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '/' if css[i..].starts_with("/*") => {
                let end = css[i + 2..].find("*/").map_or(css.len(), |e| i + 2 + e + 2);
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            '"' | '\'' => {
                bare.push(c);
                while let Some((_, d)) = chars.next() {
                    bare.push(d);
                    if d == '\\' {
                        if let Some((_, escaped)) = chars.next() {
                            bare.push(escaped);
                        }
                    } else if d == c || d == '\n' {
                        break;
                    }
                }
            }
            _ => bare.push(c),
        }
    }
    bare.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_indentation_go_and_everything_else_stays() {
        let css = "/* Tokens: every colour. */\n:root {\n  --bg: #fff; /* the page */\n\n  --font: \"Noto /* Sans */\", 'a\\'/*b', serif;\n}\n\
                   /* Folded text is `hidden=\"until-found\"`, a quote in a comment. */\n\
                   a :hover { content: \"\"; }\n";
        assert_eq!(
            compact(css),
            ":root {\n--bg: #fff;\n--font: \"Noto /* Sans */\", 'a\\'/*b', serif;\n}\na :hover { content: \"\"; }"
        );
    }

    #[test]
    fn an_unclosed_comment_ends_the_sheet() {
        assert_eq!(compact("a { b: c; }\n/* never closed"), "a { b: c; }");
    }
}
