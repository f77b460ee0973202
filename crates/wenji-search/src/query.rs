//! The query language: terms separated by spaces must all match; `A | B`
//! matches either; `-A` excludes; `"…"` quotes. Whatever cannot be parsed
//! is taken literally, never as an error.

use crate::tables::Tables;

/// Longest query considered, in characters; beyond it the query is cut and
/// `Query::truncated` says so.
pub const MAX_QUERY_CHARS: usize = 256;
/// Most distinct terms looked for; beyond them the query is cut and
/// `Query::truncated` says so.
pub const MAX_TERMS: usize = 24;
/// Longest Latin term tried as pinyin, in letters.
pub const MAX_PINYIN_LETTERS: usize = 64;

/// One term, folded as the text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As typed (for messages).
    pub raw: String,
    /// Folded, punctuation and white space dropped; never empty.
    pub folded: String,
    /// The folded term as pinyin letters, when it is made only of them.
    pub pinyin: Option<String>,
}

impl Term {
    fn new(raw: &str, tables: &Tables) -> Option<Term> {
        let folded = tables.fold_str(raw);
        if folded.is_empty() {
            return None;
        }
        let letters: String = folded
            .chars()
            .map(|c| if c == 'ü' { 'v' } else { c })
            .collect();
        let pinyin = (letters.bytes().all(|b| b.is_ascii_lowercase())
            && letters.len() <= MAX_PINYIN_LETTERS)
            .then_some(letters);
        Some(Term {
            raw: raw.to_owned(),
            folded,
            pinyin,
        })
    }
}

/// A parsed query: every clause must match (each clause matches when any of
/// its terms does), and no excluded term may.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Vec<Term>>,
    pub excluded: Vec<Term>,
    /// The input was longer than `MAX_QUERY_CHARS` and was cut.
    pub truncated: bool,
}

#[derive(Debug, PartialEq)]
enum Token {
    Word { text: String, negated: bool },
    Or,
}

/// The query as a message quotes it: “…”, without doubling the quotes of
/// a query that is one quoted phrase (`"理论 -实践"` → `“理论 -实践”`).
pub fn quoted(input: &str) -> String {
    let q = input.trim();
    let inner = [('"', '"'), ('“', '”'), ('「', '」')]
        .iter()
        .find_map(|&(open, close)| {
            let rest = q.strip_prefix(open)?.strip_suffix(close)?;
            (!rest.contains(open) && !rest.contains(close)).then_some(rest)
        })
        .unwrap_or(q);
    format!("“{inner}”")
}

impl Query {
    pub fn parse(input: &str, tables: &Tables) -> Query {
        let truncated = input.chars().count() > MAX_QUERY_CHARS;
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let tokens = tokenize(&input);

        let mut query = Query {
            truncated,
            ..Query::default()
        };
        let mut group: Vec<Term> = Vec::new();
        let mut after_or = false;
        for (i, token) in tokens.iter().enumerate() {
            match token {
                Token::Or => {
                    // `|` joins two words; at either end, or doubled, it is
                    // just a character (punctuation, so nothing).
                    let joins = !group.is_empty()
                        && i > 0
                        && matches!(tokens.get(i - 1), Some(Token::Word { .. }))
                        && matches!(tokens.get(i + 1), Some(Token::Word { .. }));
                    after_or = joins;
                }
                Token::Word { text, negated } => {
                    if after_or {
                        // In an alternative `-` is literal text.
                        let raw = if *negated {
                            format!("-{text}")
                        } else {
                            text.clone()
                        };
                        group.extend(Term::new(&raw, tables));
                        after_or = false;
                        continue;
                    }
                    let next_is_or = matches!(tokens.get(i + 1), Some(Token::Or))
                        && matches!(tokens.get(i + 2), Some(Token::Word { .. }));
                    if !group.is_empty() {
                        query.clauses.push(std::mem::take(&mut group));
                    }
                    if *negated && !next_is_or {
                        query.excluded.extend(Term::new(text, tables));
                    } else {
                        let raw = if *negated {
                            format!("-{text}")
                        } else {
                            text.clone()
                        };
                        group.extend(Term::new(&raw, tables));
                    }
                }
            }
        }
        if !group.is_empty() {
            query.clauses.push(group);
        }
        query.limit();
        query
    }

    /// Drop repeated clauses and exclusions (they change nothing), then
    /// keep at most `MAX_TERMS` terms.
    fn limit(&mut self) {
        let mut seen: Vec<Vec<&str>> = Vec::new();
        let mut keep = Vec::with_capacity(self.clauses.len());
        for clause in &self.clauses {
            let mut key: Vec<&str> = clause.iter().map(|t| t.folded.as_str()).collect();
            key.sort_unstable();
            key.dedup();
            keep.push(!seen.contains(&key));
            seen.push(key);
        }
        let mut keep = keep.into_iter();
        self.clauses.retain(|_| keep.next().unwrap_or(false));
        let mut excluded: Vec<Term> = Vec::new();
        for t in self.excluded.drain(..) {
            if !excluded.iter().any(|e| e.folded == t.folded) {
                excluded.push(t);
            }
        }
        self.excluded = excluded;

        let mut budget = MAX_TERMS;
        for clause in &mut self.clauses {
            if clause.len() > budget {
                clause.truncate(budget);
                self.truncated = true;
            }
            budget -= clause.len();
        }
        let before = self.clauses.len();
        self.clauses.retain(|c| !c.is_empty());
        self.truncated |= self.clauses.len() < before;
        if self.excluded.len() > budget {
            self.excluded.truncate(budget);
            self.truncated = true;
        }
    }

    /// No term to look for and none to exclude: everything is shown.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.excluded.is_empty()
    }

    /// Every term whose hits are highlighted.
    pub fn positive_terms(&self) -> impl Iterator<Item = &Term> {
        self.clauses.iter().flatten()
    }
}

/// Split on white space, `|` and quotes. An unclosed quote is a character.
fn tokenize(input: &str) -> Vec<Token> {
    let normal: Vec<char> = input
        .chars()
        .map(|c| match c {
            '＂' => '"',
            '｜' => '|',
            '－' => '-',
            c => c,
        })
        .collect();
    let mut tokens = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, tokens: &mut Vec<Token>| {
        let negated = word.len() > 1 && word.starts_with('-');
        let text = if negated {
            word[1..].to_owned()
        } else {
            word.clone()
        };
        word.clear();
        if !text.is_empty() {
            tokens.push(Token::Word { text, negated });
        }
    };
    let mut i = 0;
    while i < normal.len() {
        let c = normal[i];
        if c == '"' {
            if let Some(len) = normal[i + 1..].iter().position(|&q| q == '"') {
                let inner: String = normal[i + 1..i + 1 + len].iter().collect();
                let negated = word == "-";
                if !word.is_empty() && !negated {
                    flush(&mut word, &mut tokens);
                }
                word.clear();
                if !inner.trim().is_empty() {
                    tokens.push(Token::Word {
                        text: inner,
                        negated,
                    });
                }
                i += len + 2;
                continue;
            }
            word.push(c);
        } else if c.is_whitespace() {
            flush(&mut word, &mut tokens);
        } else if c == '|' {
            flush(&mut word, &mut tokens);
            tokens.push(Token::Or);
        } else {
            word.push(c);
        }
        i += 1;
    }
    flush(&mut word, &mut tokens);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Query {
        Query::parse(s, &Tables::default())
    }

    fn words(q: &Query) -> (Vec<Vec<&str>>, Vec<&str>) {
        (
            q.clauses
                .iter()
                .map(|g| g.iter().map(|t| t.folded.as_str()).collect())
                .collect(),
            q.excluded.iter().map(|t| t.folded.as_str()).collect(),
        )
    }

    #[test]
    fn spaces_separate_terms_that_must_all_match() {
        assert_eq!(
            words(&parse("守正  创新")),
            (vec![vec!["守正"], vec!["创新"]], vec![])
        );
        assert_eq!(
            words(&parse("守正\u{3000}创新")),
            (vec![vec!["守正"], vec!["创新"]], vec![])
        );
    }

    #[test]
    fn bar_makes_alternatives() {
        assert_eq!(
            words(&parse("倾听 | 理解 职工")),
            (vec![vec!["倾听", "理解"], vec!["职工"]], vec![])
        );
        assert_eq!(
            words(&parse("倾听|理解")),
            (vec![vec!["倾听", "理解"]], vec![])
        );
        assert_eq!(
            words(&parse("a | b | c")),
            (vec![vec!["a", "b", "c"]], vec![])
        );
    }

    #[test]
    fn minus_excludes() {
        assert_eq!(
            words(&parse("理论 -实践")),
            (vec![vec!["理论"]], vec!["实践"])
        );
        assert_eq!(words(&parse("-\"大水 漫灌\"")), (vec![], vec!["大水漫灌"]));
    }

    #[test]
    fn quotes_keep_spaces_and_leading_minus() {
        let q = parse("\"-docx file\"");
        assert_eq!(words(&q), (vec![vec!["docxfile"]], vec![]));
        assert_eq!(q.clauses[0][0].raw, "-docx file");
    }

    #[test]
    fn what_cannot_be_parsed_is_literal() {
        // A lone quote is a character (punctuation: nothing left to find).
        assert_eq!(words(&parse("\"守正")), (vec![vec!["守正"]], vec![]));
        assert!(parse("\"").is_empty());
        // A lone minus is no exclusion.
        assert!(parse("-").is_empty());
        assert_eq!(words(&parse("- 守正")), (vec![vec!["守正"]], vec![]));
        // `|` at either end is no alternative.
        assert_eq!(words(&parse("| 守正")), (vec![vec!["守正"]], vec![]));
        assert_eq!(words(&parse("守正 |")), (vec![vec!["守正"]], vec![]));
        assert_eq!(
            words(&parse("守正 || 创新")),
            (vec![vec!["守正"], vec!["创新"]], vec![])
        );
    }

    #[test]
    fn latin_terms_are_pinyin_candidates() {
        let q = parse("ShouZheng 守正 Lü docx1");
        let p: Vec<Option<&str>> = q.positive_terms().map(|t| t.pinyin.as_deref()).collect();
        assert_eq!(p, [Some("shouzheng"), None, Some("lv"), None]);
    }

    #[test]
    fn repeated_terms_count_once_and_too_many_are_cut() {
        let q = parse("守正 守正 -实践 -实践 a|b b|a");
        assert_eq!(
            words(&q),
            (vec![vec!["守正"], vec!["a", "b"]], vec!["实践"])
        );
        assert!(!q.truncated);
        let many: Vec<String> = (0..100).map(|i| format!("词{i}")).collect();
        let q = parse(&many.join(" "));
        assert_eq!(q.clauses.len(), MAX_TERMS);
        assert!(q.truncated);
    }

    #[test]
    fn overlong_queries_are_cut_and_say_so() {
        let long = "字".repeat(MAX_QUERY_CHARS + 10);
        let q = parse(&long);
        assert!(q.truncated);
        assert_eq!(q.clauses[0][0].folded.chars().count(), MAX_QUERY_CHARS);
        assert!(!parse("守正").truncated);
    }

    #[test]
    fn a_message_quotes_the_query_once() {
        assert_eq!(quoted(" 理论 实践 "), "“理论 实践”");
        assert_eq!(quoted("\"理论 -实践\""), "“理论 -实践”");
        assert_eq!(quoted("“守正”"), "“守正”");
        // Quotes inside the query stay: only a whole quoted phrase is unwrapped.
        assert_eq!(quoted("\"a b\" c"), "“\"a b\" c”");
        assert_eq!(quoted("\"a\" \"b\""), "“\"a\" \"b\"”");
    }
}
