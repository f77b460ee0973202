//! Which page an address shows. The query string carries it
//! (`?essay=<slug>`), so that the page works on any static host, under any
//! sub-path and from a single file, where a path of its own would not.

use crate::model::Collection;

/// What the reader is looking at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of essays (only when there are several).
    List,
    /// One essay, by slug.
    Essay(String),
}

const KEY: &str = "essay";
/// Names the list where the plain address shows an essay (a site of one
/// essay, with the reader's own files beside it): `?list&q=…`.
const LIST_KEY: &str = "list";

impl Route {
    /// The route of a `location.search` string (with or without its `?`).
    /// With a single essay the page opens straight on it; an unknown slug
    /// falls back to the list (or to the single essay).
    pub fn from_query(search: &str, collection: &Collection) -> Route {
        if let Some(slug) = param(search, KEY) {
            if collection.essay(&slug).is_some() {
                return Route::Essay(slug);
            }
        }
        if has_key(search, LIST_KEY) {
            return Route::List;
        }
        Route::home(collection.essays.iter().map(|e| e.slug.as_str()))
    }

    /// The page the plain address shows for a collection of essays `slugs`:
    /// its only essay, or the list.
    pub fn home<'a>(mut slugs: impl Iterator<Item = &'a str>) -> Route {
        match (slugs.next(), slugs.next()) {
            (Some(only), None) => Route::Essay(only.to_owned()),
            _ => Route::List,
        }
    }

    /// The query string that addresses this route (`""` for the list and
    /// for a collection's only essay, so the plain address stays canonical).
    pub fn to_query(&self, collection: &Collection) -> String {
        match self {
            Route::Essay(slug) if collection.essays.len() > 1 => format!("?{KEY}={slug}"),
            _ => String::new(),
        }
    }
}

/// The address of `route` with the search `query` (`?essay=…&q=…`, or
/// `""` when there is nothing to say).
pub fn address(route: &Route, query: &str, collection: &Collection) -> String {
    let mut out = route.to_query(collection);
    if !query.is_empty() {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str("q=");
        out.push_str(&encode_component(query));
    }
    out
}

/// The address of the list of essays in `view`, with `query`: never empty
/// (`?` at least), so that a link to it is relative, stays under any
/// sub-path and drops whatever the current address holds. `named` where
/// the plain address would show an essay (a site of one essay): then it
/// says `list`, or a reload would show the essay instead.
pub fn list_address(query: &str, view: &crate::library::ListView, named: bool) -> String {
    let mut out = address(&Route::List, query, &Collection::default());
    if named {
        out = match out.strip_prefix('?') {
            Some(rest) => format!("?{LIST_KEY}&{rest}"),
            None => format!("?{LIST_KEY}"),
        };
    }
    let params = view.to_params();
    if out.is_empty() {
        out.push('?');
        out.push_str(params.trim_start_matches('&'));
    } else {
        out.push_str(&params);
    }
    out
}

/// The decoded value of `key` in a query string (`?a=1&q=%E5%AE%88`).
/// `+` is a space; a malformed escape is kept as it stands.
pub fn param(search: &str, key: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| decode_component(v))
}

/// Does the query string hold `key`, with or without a value (`?list`)?
pub fn has_key(search: &str, key: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some(key))
}

/// Percent-encode everything but unreserved ASCII.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Essay;

    fn essay(slug: &str) -> Essay {
        crate::fixtures::essay(slug, slug, vec![])
    }

    fn several() -> Collection {
        Collection {
            essays: vec![essay("a"), essay("b-2")],
        }
    }

    #[test]
    fn several_essays_open_on_the_list() {
        assert_eq!(Route::from_query("", &several()), Route::List);
        assert_eq!(Route::from_query("?", &several()), Route::List);
    }

    #[test]
    fn an_essay_has_its_own_address() {
        let c = several();
        assert_eq!(
            Route::from_query("?essay=b-2", &c),
            Route::Essay("b-2".into())
        );
        assert_eq!(
            Route::from_query("q=x&essay=a", &c),
            Route::Essay("a".into())
        );
        assert_eq!(Route::Essay("b-2".into()).to_query(&c), "?essay=b-2");
        assert_eq!(Route::List.to_query(&c), "");
    }

    #[test]
    fn an_unknown_essay_falls_back_to_the_list() {
        assert_eq!(Route::from_query("?essay=zzz", &several()), Route::List);
        assert_eq!(Route::from_query("?essay", &several()), Route::List);
    }

    #[test]
    fn the_query_travels_in_the_address() {
        let c = several();
        assert_eq!(
            address(&Route::List, "守正 -理论", &c),
            "?q=%E5%AE%88%E6%AD%A3%20-%E7%90%86%E8%AE%BA"
        );
        assert_eq!(
            address(&Route::Essay("a".into()), "a&b", &c),
            "?essay=a&q=a%26b"
        );
        assert_eq!(address(&Route::List, "", &c), "");
        let back = address(&Route::Essay("a".into()), "“守正” | x+y %", &c);
        assert_eq!(param(&back, "q").as_deref(), Some("“守正” | x+y %"));
        assert_eq!(param("?q=%E5%AE%88%E6%AD%A3", "q").as_deref(), Some("守正"));
        assert_eq!(param("?q=a+b", "q").as_deref(), Some("a b"));
        assert_eq!(param("?q=%zz%", "q").as_deref(), Some("%zz%"));
        assert_eq!(param("?q=%E5", "q").as_deref(), Some("\u{fffd}"));
        assert_eq!(param("?x=1", "q"), None);
    }

    #[test]
    fn the_list_has_an_address_of_its_own() {
        use crate::library::{ListView, Sort};
        let view = ListView {
            sort: Sort::Title,
            ..ListView::default()
        };
        assert_eq!(list_address("", &ListView::default(), false), "?");
        assert_eq!(list_address("", &view, false), "?sort=title");
        assert_eq!(list_address("守", &view, false), "?q=%E5%AE%88&sort=title");
        // Where the plain address shows the only essay, the list says so.
        let named = list_address("守", &view, true);
        assert_eq!(named, "?list&q=%E5%AE%88&sort=title");
        let one = Collection {
            essays: vec![essay("only")],
        };
        assert_eq!(Route::from_query(&named, &one), Route::List);
        assert_eq!(Route::from_query("?list", &one), Route::List);
        assert_eq!(ListView::from_query(&named), view);
    }

    #[test]
    fn a_single_essay_opens_straight_away() {
        let one = Collection {
            essays: vec![essay("only")],
        };
        assert_eq!(Route::from_query("", &one), Route::Essay("only".into()));
        assert_eq!(
            Route::from_query("?essay=zzz", &one),
            Route::Essay("only".into())
        );
        assert_eq!(Route::Essay("only".into()).to_query(&one), "");
    }
}
