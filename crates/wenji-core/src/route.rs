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

impl Route {
    /// The route of a `location.search` string (with or without its `?`).
    /// With a single essay the page opens straight on it; an unknown slug
    /// falls back to the list (or to the single essay).
    pub fn from_query(search: &str, collection: &Collection) -> Route {
        let wanted = search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == KEY)
            .map(|(_, v)| v);
        if let Some(slug) = wanted {
            if collection.essay(slug).is_some() {
                return Route::Essay(slug.to_owned());
            }
        }
        match collection.essays.as_slice() {
            [only] => Route::Essay(only.slug.clone()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Essay, Facts};

    fn essay(slug: &str) -> Essay {
        Essay {
            slug: slug.into(),
            title: slug.into(),
            order: 1,
            facts: Facts {
                format: "docx".into(),
                chars: 1,
                pages: 1,
                published: Date::new(2026, 1, 1).unwrap(),
                region: "云南".into(),
                excerpt: false,
            },
            parts: vec![],
        }
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
