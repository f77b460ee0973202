//! The query language: terms separated by spaces must all match; `A | B`
//! matches either; `-A` excludes; `"…"` quotes. Whatever cannot be parsed
//! is taken literally, never as an error.

use wenji_core::order;

use crate::tables::Tables;

/// Longest query considered, in characters; beyond it the query is cut and
/// `Query::truncated` says so.
pub const MAX_QUERY_CHARS: usize = 256;
/// Most distinct terms looked for; beyond them the query is cut and
/// `Query::truncated` says so.
pub const MAX_TERMS: usize = 24;
/// Most letters in a term tried as pinyin.
pub const MAX_PINYIN_LETTERS: usize = 64;

/// One term, folded as the text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As typed (for messages).
    pub raw: String,
    /// Folded, punctuation and white space dropped; never empty.
    pub folded: String,
    /// The term as pinyin, when it is made of pinyin letters, possibly
    /// mixed with Chinese characters (`shouzheng`, `倾ting`, `守正cx`).
    pub spelling: Option<Spelling>,
}

/// A term read as pinyin: runs of letters, each spelling one or more
/// Chinese characters, between characters that must be there as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling(pub Vec<Piece>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A Chinese character, matched as itself.
    Char(char),
    /// Pinyin letters `a`…`z`, tone marks dropped and `ü` given as `v`.
    Letters(String),
}

impl Spelling {
    /// The spelling of a folded term, if it is one: letters (at least two
    /// in all, or one beside a character: a single letter would mark
    /// every character whose reading starts with it, and so would an
    /// initial alone, `zh`, `ch`, `sh`) and Chinese characters (those with
    /// readings) only.
    fn of(folded: &str, tables: &Tables) -> Option<Spelling> {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut letters = 0;
        for c in folded.chars() {
            if let Some(l) = pinyin_letter(c) {
                letters += 1;
                match pieces.last_mut() {
                    Some(Piece::Letters(run)) => run.push(l),
                    _ => pieces.push(Piece::Letters(l.to_string())),
                }
            } else if is_tone_mark(c) {
                continue;
            } else if !tables.readings(c).is_empty() {
                pieces.push(Piece::Char(c));
            } else {
                return None;
            }
        }
        let chars = pieces.len()
            - pieces
                .iter()
                .filter(|p| matches!(p, Piece::Letters(_)))
                .count();
        let lone = chars == 0 && is_lone_initial(folded);
        let enough = !lone && (letters >= 2 || (letters == 1 && chars > 0));
        (enough && letters <= MAX_PINYIN_LETTERS).then_some(Spelling(pieces))
    }

    /// The letters only, as typed (for tests and messages).
    pub fn letters(&self) -> String {
        self.0
            .iter()
            .filter_map(|p| match p {
                Piece::Letters(l) => Some(l.as_str()),
                Piece::Char(_) => None,
            })
            .collect()
    }
}

/// A letter of pinyin as the readings spell it: tone marks dropped, `ü`
/// as `v` (`qīng` → `qing`, `lǜ` → `lv`).
fn pinyin_letter(c: char) -> Option<char> {
    Some(match c {
        'a'..='z' => c,
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
        'ń' | 'ň' | 'ǹ' => 'n',
        'ḿ' => 'm',
        _ => return None,
    })
}

/// One letter, or one of the initials of two letters: what would mark
/// every character whose reading starts with it (政 职 中 主 这 … for `zh`).
fn is_lone_initial(folded: &str) -> bool {
    let mut cs = folded.chars();
    match (cs.next().and_then(pinyin_letter), cs.next(), cs.next()) {
        (Some(_), None, _) => true,
        (Some(a), Some('h'), None) => matches!(a, 'z' | 'c' | 's'),
        _ => false,
    }
}

/// A combining tone mark, as typed on some keyboards (`qi\u{304}ng`).
fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{304}' | '\u{308}' | '\u{30c}')
}

impl Term {
    fn new(raw: &str, tables: &Tables) -> Option<Term> {
        let folded = tables.fold_str(raw);
        if folded.is_empty() {
            return None;
        }
        Some(Term {
            raw: raw.to_owned(),
            spelling: Spelling::of(&folded, tables),
            folded,
        })
    }

    /// A single Latin letter, or an initial of two (`zh`, `ch`, `sh`):
    /// found as itself, never as pinyin.
    pub fn is_lone_letter(&self) -> bool {
        is_lone_initial(&self.folded)
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
    /// A word was a lone letter or initial (`z`, `zh`): not looked for
    /// (it would mark every character read with it, or hide the whole
    /// text while the reader is still typing), and the status asks for
    /// more.
    pub lone_letter: bool,
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
                        query.take(&mut group, Term::new(&raw, tables));
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
                        query.take(&mut group, Term::new(&raw, tables));
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

    /// Add `term` to `group`, unless it is a lone letter.
    fn take(&mut self, group: &mut Vec<Term>, term: Option<Term>) {
        match term {
            Some(t) if t.is_lone_letter() => self.lone_letter = true,
            Some(t) => group.push(t),
            None => {}
        }
    }

    /// Drop repeated clauses and exclusions (they change nothing), then
    /// keep at most `MAX_TERMS` terms.
    fn limit(&mut self) {
        let mut seen: Vec<Vec<&str>> = Vec::new();
        let mut keep = Vec::with_capacity(self.clauses.len());
        for clause in &self.clauses {
            let mut key: Vec<&str> = clause.iter().map(|t| t.folded.as_str()).collect();
            order::sort_by(&mut key, Ord::cmp);
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

    /// A word was a lone letter or initial, left out (the status line
    /// asks for more).
    pub fn has_lone_letter(&self) -> bool {
        self.lone_letter
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
            words(&parse("ab | bc | cd")),
            (vec![vec!["ab", "bc", "cd"]], vec![])
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

    fn spelling(q: &str) -> Option<Vec<Piece>> {
        let t = Tables::with_readings(&[
            ('倾', "qing"),
            ('听', "ting"),
            ('守', "shou"),
            ('正', "zheng"),
        ]);
        Query::parse(q, &t)
            .clauses
            .first()?
            .first()?
            .spelling
            .clone()
            .map(|s| s.0)
    }

    #[test]
    fn latin_terms_are_pinyin_candidates() {
        let q = parse("ShouZheng 守正 Lü docx1");
        let p: Vec<Option<String>> = q
            .positive_terms()
            .map(|t| t.spelling.as_ref().map(Spelling::letters))
            .collect();
        assert_eq!(p, [Some("shouzheng".into()), None, Some("lv".into()), None]);
    }

    #[test]
    fn tone_marks_and_u_umlaut_fold_away() {
        let letters = |q: &str| spelling(q).map(|s| Spelling(s).letters());
        assert_eq!(letters("qīngtīng"), Some("qingting".into()));
        assert_eq!(letters("QĪNGTĪNG"), Some("qingting".into()));
        assert_eq!(letters("lǜsè"), Some("lvse".into()));
        assert_eq!(letters("lüse"), Some("lvse".into()));
        assert_eq!(letters("lvse"), Some("lvse".into()));
        assert_eq!(letters("qi\u{304}ng"), Some("qing".into()));
    }

    #[test]
    fn characters_and_pinyin_mix() {
        use Piece::*;
        assert_eq!(
            spelling("倾ting"),
            Some(vec![Char('倾'), Letters("ting".into())])
        );
        assert_eq!(
            spelling("守正cx"),
            Some(vec![Char('守'), Char('正'), Letters("cx".into())])
        );
        assert_eq!(spelling("倾t"), Some(vec![Char('倾'), Letters("t".into())]));
        // A character the text does not have, a digit: no spelling.
        assert_eq!(spelling("國ting"), None);
        assert_eq!(spelling("docx1"), None);
        assert_eq!(spelling("倾听"), None);
    }

    #[test]
    fn one_letter_alone_is_not_pinyin() {
        assert_eq!(spelling("d"), None);
        assert_eq!(spelling("Ｄ"), None);
        assert!(parse("d").has_lone_letter());
        assert!(parse("d").is_empty(), "not looked for: the text stays");
        let q = parse("守正 x");
        assert!(q.has_lone_letter());
        assert_eq!(q.clauses.len(), 1, "守正 alone is looked for");
        assert!(parse("x|守正").has_lone_letter() && !parse("x|守正").is_empty());
        assert!(!parse("dx").has_lone_letter());
        // An initial alone is a letter too; with more, a spelling.
        assert_eq!(spelling("zh"), None);
        assert!(parse("sh").has_lone_letter());
        assert!(!parse("zhi").has_lone_letter() && spelling("zhi").is_some());
        assert!(!parse("zg").has_lone_letter() && spelling("zg").is_some());
        assert!(spelling("正h").is_some());
        assert!(!parse("守正").has_lone_letter());
    }

    #[test]
    fn repeated_terms_count_once_and_too_many_are_cut() {
        let q = parse("守正 守正 -实践 -实践 ab|bc bc|ab");
        assert_eq!(
            words(&q),
            (vec![vec!["守正"], vec!["ab", "bc"]], vec!["实践"])
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
