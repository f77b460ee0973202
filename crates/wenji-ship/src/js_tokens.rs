//! JavaScript read as tokens (ress's scanner), for the few edits the build
//! makes to scripts it did not write (the split's loader, wasm-bindgen's
//! glue): a name in a comment or a string is never taken for code, nor
//! code for a string, and an edit names the script whose shape changed.

use std::ops::Range;

use ress::tokens::Token as Scanned;

/// What a token is, as far as the edits need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Name,
    String,
    Other,
}

/// A token of a script (never a comment) and where it stands in the text.
#[derive(Debug)]
pub struct Token<'a> {
    kind: Kind,
    /// As written: a string literal with its quotes.
    pub text: &'a str,
    pub span: Range<usize>,
}

impl Token<'_> {
    /// A string literal's value (the names the build looks for have no
    /// escapes).
    pub fn string(&self) -> Option<&str> {
        (self.kind == Kind::String).then(|| &self.text[1..self.text.len() - 1])
    }

    /// An identifier's or keyword's name.
    pub fn name(&self) -> Option<&str> {
        (self.kind == Kind::Name).then_some(self.text)
    }
}

/// The tokens of `js`, comments left out; `script` names it in an error.
pub fn tokens<'a>(script: &str, js: &'a str) -> anyhow::Result<Vec<Token<'a>>> {
    let mut out = Vec::new();
    for item in ress::Scanner::new(js) {
        let item =
            item.map_err(|e| anyhow::anyhow!("{script} cannot be read as JavaScript: {e}"))?;
        let kind = match item.token {
            Scanned::EoF => break,
            Scanned::Comment(_) => continue,
            Scanned::Ident(_) | Scanned::Keyword(_) => Kind::Name,
            Scanned::String(_) => Kind::String,
            _ => Kind::Other,
        };
        let span = item.span.start..item.span.end;
        out.push(Token {
            kind,
            text: &js[span.clone()],
            span,
        });
    }
    Ok(out)
}

/// One token of a pattern (`find`).
#[derive(Debug, Clone, Copy)]
pub enum Pat<'p> {
    /// A token written so: a name or punctuation.
    Is(&'p str),
    /// Any string literal.
    Str,
    /// Any identifier or keyword.
    Name,
}

impl Pat<'_> {
    fn matches(self, token: &Token<'_>) -> bool {
        match self {
            Pat::Is(text) => token.kind != Kind::String && token.text == text,
            Pat::Str => token.kind == Kind::String,
            Pat::Name => token.kind == Kind::Name,
        }
    }
}

/// Every run of `tokens` that `pattern` matches, as the run's tokens.
pub fn find<'t, 'a>(tokens: &'t [Token<'a>], pattern: &[Pat<'_>]) -> Vec<&'t [Token<'a>]> {
    if pattern.is_empty() {
        return Vec::new();
    }
    tokens
        .windows(pattern.len())
        .filter(|run| run.iter().zip(pattern).all(|(t, p)| p.matches(t)))
        .collect()
}

/// The span from the first to the last of `run`.
pub fn span_of(run: &[Token<'_>]) -> Range<usize> {
    match (run.first(), run.last()) {
        (Some(first), Some(last)) => first.span.start..last.span.end,
        _ => 0..0,
    }
}

/// A static `import` statement: the module it imports, its span (with its
/// `;`) and its tokens' indices. `import.meta` and `import(…)` are not
/// statements.
pub struct Import {
    pub from: String,
    pub span: Range<usize>,
    pub tokens: Range<usize>,
}

/// The static imports of a module.
pub fn imports(tokens: &[Token<'_>]) -> Vec<Import> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.name() != Some("import") {
            continue;
        }
        if matches!(tokens.get(i + 1), Some(next) if next.text == "." || next.text == "(") {
            continue;
        }
        let Some(offset) = tokens[i..].iter().position(|t| t.string().is_some()) else {
            continue;
        };
        let from = i + offset;
        let last = match tokens.get(from + 1) {
            Some(semi) if semi.text == ";" => from + 1,
            _ => from,
        };
        out.push(Import {
            from: tokens[from].string().unwrap_or_default().to_owned(),
            span: token.span.start..tokens[last].span.end,
            tokens: i..last + 1,
        });
    }
    out
}

/// Whether the module exports anything (`export …`).
pub fn exports(tokens: &[Token<'_>]) -> bool {
    tokens.iter().any(|t| t.name() == Some("export"))
}

/// Replacements of spans of one script, made at once.
#[derive(Default)]
pub struct Edits(Vec<(Range<usize>, String)>);

impl Edits {
    pub fn replace(&mut self, span: Range<usize>, with: impl Into<String>) {
        self.0.push((span, with.into()));
    }

    /// `js` with the replacements made; they must not overlap.
    pub fn apply(mut self, js: &str) -> anyhow::Result<String> {
        self.0.sort_by_key(|(span, _)| span.start);
        let mut out = String::with_capacity(js.len());
        let mut at = 0;
        for (span, with) in self.0 {
            if span.start < at {
                anyhow::bail!("two edits of one script overlap at byte {}", span.start);
            }
            out.push_str(&js[at..span.start]);
            out.push_str(&with);
            at = span.end;
        }
        out.push_str(&js[at..]);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JS: &str = r#"import { a } from "./a.js";
// import { b } from "./b.js"; fetch(new URL("./x.wasm"))
const s = "fetch(new URL(";
const re = /import "c"/g;
const t = `import ${s} "d"`;
const u = new URL("./e.wasm", import.meta.url);
const m = import("./f.js");
export const x = fetch(new URL("./g.wasm", import.meta.url));
"#;

    #[test]
    fn comments_strings_and_regexes_are_not_code() {
        let tokens = tokens("t.js", JS).unwrap();
        let fetches = find(
            &tokens,
            &[
                Pat::Is("fetch"),
                Pat::Is("("),
                Pat::Is("new"),
                Pat::Is("URL"),
            ],
        );
        assert_eq!(fetches.len(), 1, "only the one in code");
        let froms: Vec<String> = imports(&tokens).into_iter().map(|i| i.from).collect();
        assert_eq!(
            froms,
            ["./a.js"],
            "import.meta and import() are no statements"
        );
        let import = &imports(&tokens)[0];
        let texts: Vec<&str> = tokens[import.tokens.clone()]
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(texts, ["import", "{", "a", "}", "from", "\"./a.js\"", ";"]);
        assert_eq!(&JS[import.span.clone()], "import { a } from \"./a.js\";");
        assert!(exports(&tokens));
        let wasm: Vec<&str> = tokens.iter().filter_map(Token::string).collect();
        assert_eq!(
            wasm,
            ["./a.js", "fetch(new URL(", "./e.wasm", "./f.js", "./g.wasm"]
        );
    }

    #[test]
    fn edits_are_made_at_once_and_may_not_overlap() {
        let js = "import { a } from \"./a.js\";\nexport const b = a;\n";
        let tokens = tokens("t.js", js).unwrap();
        let mut edits = Edits::default();
        for import in imports(&tokens) {
            edits.replace(import.span, "const a = 1;");
        }
        for run in find(&tokens, &[Pat::Is("export"), Pat::Is("const")]) {
            edits.replace(run[0].span.start..run[1].span.start, "");
        }
        assert_eq!(edits.apply(js).unwrap(), "const a = 1;\nconst b = a;\n");
        let mut edits = Edits::default();
        edits.replace(0..5, "");
        edits.replace(3..6, "");
        assert!(edits.apply(js).is_err());
    }

    #[test]
    fn a_script_that_is_not_javascript_is_named() {
        let err = tokens("broken.js", "const s = \"unclosed;\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("broken.js"), "{err}");
    }
}
