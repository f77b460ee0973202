//! The list of essays as a library: sorted by collection order, date or
//! title, narrowed by where they come from (本站文集, the built collection,
//! or 我的文件, the reader's own files, which follow it), year, region and
//! format, with the counts each choice would give; and how matching essays
//! are ordered under a query. All of it lives in the address
//! (`?sort=date&region=云南&from=mine&by=order`), so that Back and Forward
//! restore it and a view can be sent.

use crate::facts::format_kind;
use crate::model::{Collection, Essay};
use crate::order::sort_positions;
use crate::route::{encode_component, param};

/// Essays of the unfiltered list rendered at first and per 显示更多 (the
/// prerendered page renders as many).
pub const LIST_STEP: usize = 100;
/// Matching essays listed at first and per 显示更多: enough for a screen
/// or two, few enough to build within a frame.
pub const RESULTS_STEP: usize = 20;
/// Essays whose matching sections are rendered at first and per 显示更多.
pub const GROUPS_STEP: usize = 5;

/// How the list of essays is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// As the collection orders them.
    #[default]
    Order,
    /// Newest first.
    Date,
    /// By title (code point order, which groups titles by their first
    /// character).
    Title,
}

/// How the essays that match a query are listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ResultOrder {
    /// Most hits first (ties in collection order).
    #[default]
    Hits,
    /// As the collection orders them.
    Collection,
}

/// What can be chosen in the list's view, with its value in the address
/// and its label: written once, read by the address and the controls.
pub trait Choice: Sized + Copy + PartialEq + Default + 'static {
    const ALL: &'static [(Self, &'static str, &'static str)];

    fn param(self) -> &'static str {
        Self::ALL.iter().find(|c| c.0 == self).map_or("", |c| c.1)
    }

    fn label(self) -> &'static str {
        Self::ALL.iter().find(|c| c.0 == self).map_or("", |c| c.2)
    }

    fn from_param(value: Option<&str>) -> Self {
        Self::ALL
            .iter()
            .find(|c| Some(c.1) == value)
            .map_or_else(Self::default, |c| c.0)
    }
}

impl Choice for Sort {
    const ALL: &'static [(Sort, &'static str, &'static str)] = &[
        (Sort::Order, "order", "默认顺序"),
        (Sort::Date, "date", "最新发布"),
        (Sort::Title, "title", "标题"),
    ];
}

impl Choice for ResultOrder {
    const ALL: &'static [(ResultOrder, &'static str, &'static str)] = &[
        (ResultOrder::Hits, "hits", "命中最多"),
        (ResultOrder::Collection, "order", "默认顺序"),
    ];
}

/// Where an essay comes from. The reader's own files follow the built
/// collection's essays: essay `i` is `Mine` from `site_len` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// 本站文集: built from `content/`.
    Site,
    /// 我的文件: opened in this browser.
    Mine,
}

impl Source {
    /// `(source, value in the address, name)`.
    const ALL: [(Source, &'static str, &'static str); 2] = [
        (Source::Site, "site", "本站文集"),
        (Source::Mine, "mine", "我的文件"),
    ];

    /// The source of essay `i` of a collection whose first `site_len`
    /// essays are the built ones.
    pub fn of(i: usize, site_len: usize) -> Source {
        if i < site_len {
            Source::Site
        } else {
            Source::Mine
        }
    }

    pub fn param(self) -> &'static str {
        Self::ALL.iter().find(|s| s.0 == self).map_or("", |s| s.1)
    }

    pub fn from_param(value: &str) -> Option<Source> {
        Self::ALL.iter().find(|s| s.1 == value).map(|s| s.0)
    }

    fn named(value: &str) -> String {
        Self::ALL
            .iter()
            .find(|s| s.1 == value)
            .map_or(value, |s| s.2)
            .to_owned()
    }
}

/// The list's view: sorting, narrowing, and the order of matching essays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    pub sort: Sort,
    pub source: Option<Source>,
    pub year: Option<u16>,
    pub region: Option<String>,
    pub format: Option<String>,
    pub by: ResultOrder,
}

impl ListView {
    /// The view a `location.search` string describes; unknown values fall
    /// back to the default.
    pub fn from_query(search: &str) -> ListView {
        let nonempty = |k| param(search, k).filter(|v| !v.is_empty());
        ListView {
            sort: Sort::from_param(param(search, "sort").as_deref()),
            source: nonempty("from").and_then(|s| Source::from_param(&s)),
            year: nonempty("year").and_then(|y| y.parse().ok()),
            region: nonempty("region"),
            format: nonempty("format").map(|f| format_kind(&f)),
            by: ResultOrder::from_param(param(search, "by").as_deref()),
        }
    }

    /// `&key=value` pairs for what differs from the default.
    pub fn to_params(&self) -> String {
        let mut out = String::new();
        let mut add = |k: &str, v: &str| {
            out.push('&');
            out.push_str(k);
            out.push('=');
            out.push_str(&encode_component(v));
        };
        if self.sort != Sort::default() {
            add("sort", self.sort.param());
        }
        if let Some(s) = self.source {
            add("from", s.param());
        }
        if let Some(y) = self.year {
            add("year", &y.to_string());
        }
        if let Some(r) = &self.region {
            add("region", r);
        }
        if let Some(f) = &self.format {
            add("format", f);
        }
        if self.by != ResultOrder::default() {
            add("by", self.by.param());
        }
        out
    }

    /// Is the list narrowed at all?
    pub fn narrowed(&self) -> bool {
        self.source.is_some()
            || self.year.is_some()
            || self.region.is_some()
            || self.format.is_some()
    }

    fn admits(&self, e: &Essay, source: Source) -> bool {
        self.source.is_none_or(|s| s == source)
            && self
                .year
                .is_none_or(|y| e.facts.published.is_some_and(|d| d.year == y))
            && self
                .region
                .as_ref()
                .is_none_or(|r| e.facts.region.as_ref() == Some(r))
            && self
                .format
                .as_ref()
                .is_none_or(|f| format_kind(&e.facts.format) == format_kind(f))
    }

    /// The essays shown (positions in the collection, whose first
    /// `site_len` are the built ones), narrowed and sorted; `by_title`
    /// orders two positions by their titles (the app's is by pinyin:
    /// `wenji_search::collate`).
    pub fn essays(
        &self,
        collection: &Collection,
        site_len: usize,
        by_title: &dyn Fn(usize, usize) -> std::cmp::Ordering,
    ) -> Vec<usize> {
        let all = &collection.essays;
        let mut out: Vec<usize> = (0..all.len())
            .filter(|&i| self.includes(collection, i, site_len))
            .collect();
        match self.sort {
            Sort::Order => {}
            // Newest first; an essay without a date last.
            Sort::Date => sort_positions(&mut out, &|a, b| {
                all[b].facts.published.cmp(&all[a].facts.published)
            }),
            Sort::Title => sort_positions(&mut out, by_title),
        }
        out
    }

    /// Is essay `i` in the narrowed list? (The search results narrow alike.)
    pub fn includes(&self, collection: &Collection, i: usize, site_len: usize) -> bool {
        collection
            .essays
            .get(i)
            .is_some_and(|e| self.admits(e, Source::of(i, site_len)))
    }
}

/// The `(value, label)` options of a picker of `C`.
pub fn choice_options<C: Choice>() -> Vec<(String, String)> {
    C::ALL
        .iter()
        .map(|(_, param, label)| ((*param).to_owned(), (*label).to_owned()))
        .collect()
}

/// A way to narrow the list, as its picker shows it (the app and the
/// prerendered page alike).
pub struct Narrowing {
    pub label: &'static str,
    /// The `<select>`'s id.
    pub id: &'static str,
    /// The label of "no narrowing" (value `""`).
    pub all: &'static str,
    /// Each value as the reader reads it (`2024年`, `Word 文档`).
    pub name: fn(&str) -> String,
}

fn as_year(v: &str) -> String {
    format!("{v}年")
}

fn as_is(v: &str) -> String {
    v.to_owned()
}

pub const BY_SOURCE: Narrowing = Narrowing {
    label: "来源",
    id: "list-source",
    all: "全部",
    name: Source::named,
};
pub const BY_YEAR: Narrowing = Narrowing {
    label: "年份",
    id: "list-year",
    all: "全部年份",
    name: as_year,
};
pub const BY_REGION: Narrowing = Narrowing {
    label: "地区",
    id: "list-region",
    all: "全部地区",
    name: as_is,
};
pub const BY_FORMAT: Narrowing = Narrowing {
    label: "格式",
    id: "list-format",
    all: "全部格式",
    name: crate::facts::format_name,
};

impl Narrowing {
    /// `(value, label)` options: everything first, then each value with
    /// how many essays have it (`云南（12）`).
    pub fn options(&self, facets: &[Facet]) -> Vec<(String, String)> {
        std::iter::once((String::new(), self.all.to_owned()))
            .chain(facets.iter().map(|f| {
                (
                    f.value.clone(),
                    format!("{}（{}）", (self.name)(&f.value), f.count),
                )
            }))
            .collect()
    }
}

/// One value to narrow by, and how many essays have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    pub value: String,
    pub count: usize,
}

/// The sources, years, regions and formats of the collection, each with
/// its count: the built collection before the reader's files, years
/// newest first, the others most frequent first.
pub struct Facets {
    pub sources: Vec<Facet>,
    pub years: Vec<Facet>,
    pub regions: Vec<Facet>,
    pub formats: Vec<Facet>,
}

impl Facets {
    /// The facets of `collection`, whose first `site_len` essays are the
    /// built ones.
    pub fn of(collection: &Collection, site_len: usize) -> Facets {
        // Essays that do not say (no date, no region) are in no facet.
        let count = |key: &dyn Fn(&Essay) -> Option<String>| {
            let mut map: std::collections::BTreeMap<String, usize> = Default::default();
            for e in &collection.essays {
                if let Some(k) = key(e) {
                    *map.entry(k).or_default() += 1;
                }
            }
            map.into_iter()
                .map(|(value, count)| Facet { value, count })
                .collect::<Vec<_>>()
        };
        let mut years = count(&|e| e.facts.published.map(|d| d.year.to_string()));
        years.reverse();
        let most_first = |facets: Vec<Facet>| {
            let mut order: Vec<usize> = (0..facets.len()).collect();
            sort_positions(&mut order, &|a, b| facets[b].count.cmp(&facets[a].count));
            order
                .into_iter()
                .map(|i| facets[i].clone())
                .collect::<Vec<_>>()
        };
        let regions = most_first(count(&|e| e.facts.region.clone()));
        let formats = most_first(count(&|e| Some(format_kind(&e.facts.format))));
        let site = site_len.min(collection.essays.len());
        let sources = [
            (Source::Site, site),
            (Source::Mine, collection.essays.len() - site),
        ]
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(s, count)| Facet {
            value: s.param().to_owned(),
            count,
        })
        .collect();
        Facets {
            sources,
            years,
            regions,
            formats,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::essay;
    use crate::model::Date;

    /// The list, titles by code point (the app orders them by pinyin);
    /// every essay built.
    fn listed(v: &ListView, c: &Collection) -> Vec<usize> {
        v.essays(c, c.essays.len(), &|a, b| {
            c.essays[a].title.cmp(&c.essays[b].title)
        })
    }

    fn collection() -> Collection {
        let mut a = essay("a", "乙文", vec![]);
        a.facts.published = Date::new(2024, 5, 1);
        let mut b = essay("b", "甲文", vec![]);
        b.facts.region = Some("贵州".into());
        b.facts.format = "pdf".into();
        let mut c = essay("c", "丙文", vec![]);
        c.facts.published = Date::new(2025, 1, 2);
        Collection {
            essays: vec![a, b, c],
        }
    }

    #[test]
    fn sorting_and_narrowing() {
        let c = collection();
        let mut v = ListView::default();
        assert_eq!(listed(&v, &c), vec![0, 1, 2]);
        v.sort = Sort::Date;
        assert_eq!(listed(&v, &c), vec![1, 2, 0], "2026, 2025, 2024");
        v.sort = Sort::Title;
        // 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532.
        assert_eq!(listed(&v, &c), vec![2, 0, 1]);
        v.region = Some("云南".into());
        assert_eq!(listed(&v, &c).len(), 2);
        v.year = Some(2025);
        assert_eq!(listed(&v, &c), vec![2]);
        v.format = Some("pdf".into());
        assert!(listed(&v, &c).is_empty());
    }

    #[test]
    fn word_files_old_and_new_are_one_format_to_narrow_by() {
        let mut c = collection();
        c.essays[0].facts.format = "doc".into();
        c.essays[2].facts.format = "DOCX".into();
        let f = Facets::of(&c, c.essays.len());
        let words: Vec<&Facet> = f.formats.iter().filter(|f| f.count == 2).collect();
        assert_eq!(f.formats.len(), 2, "Word and PDF: {:?}", f.formats);
        assert_eq!(words.len(), 1);
        let v = ListView {
            format: Some(words[0].value.clone()),
            ..ListView::default()
        };
        assert_eq!(listed(&v, &c), vec![0, 2]);
        // An address written with the other spelling narrows alike.
        let v = ListView {
            format: Some("doc".into()),
            ..ListView::default()
        };
        assert_eq!(listed(&v, &c), vec![0, 2]);
    }

    #[test]
    fn an_essay_that_does_not_say_is_in_no_facet_and_sorts_last_by_date() {
        let mut c = collection();
        c.essays[1].facts.published = None;
        c.essays[1].facts.region = None;
        let mut v = ListView {
            sort: Sort::Date,
            ..ListView::default()
        };
        assert_eq!(listed(&v, &c), vec![2, 0, 1]);
        let f = Facets::of(&c, c.essays.len());
        assert_eq!(f.years.iter().map(|y| y.count).sum::<usize>(), 2);
        assert_eq!(f.regions.iter().map(|r| r.count).sum::<usize>(), 2);
        v.year = Some(2025);
        assert_eq!(listed(&v, &c), vec![2]);
    }

    #[test]
    fn the_view_lives_in_the_address() {
        let v = ListView {
            sort: Sort::Date,
            source: Some(Source::Mine),
            year: Some(2024),
            region: Some("云南".into()),
            format: None,
            by: ResultOrder::Collection,
        };
        let params = v.to_params();
        assert_eq!(
            params,
            "&sort=date&from=mine&year=2024&region=%E4%BA%91%E5%8D%97&by=order"
        );
        assert_eq!(ListView::from_query(&format!("?q=x{params}")), v);
        assert_eq!(ListView::default().to_params(), "");
        let junk = ListView::from_query("?sort=zzz&year=abc&region=&by=1&from=x");
        assert_eq!(junk, ListView::default());
    }

    #[test]
    fn narrowing_options_say_each_value_and_its_count() {
        let f = Facets::of(&collection(), 3);
        let options = BY_YEAR.options(&f.years);
        assert_eq!(options[0], (String::new(), "全部年份".to_owned()));
        assert_eq!(options[1], ("2026".to_owned(), "2026年（1）".to_owned()));
        assert_eq!(BY_REGION.options(&f.regions)[1].1, "云南（2）");
        let formats = BY_FORMAT.options(&f.formats);
        assert!(
            formats
                .iter()
                .any(|(v, l)| v == "docx" && l.starts_with("Word 文档（")),
            "{formats:?}"
        );
        assert_eq!(
            choice_options::<Sort>()[1],
            ("date".to_owned(), "最新发布".to_owned())
        );
    }

    #[test]
    fn facets_count_each_value() {
        let f = Facets::of(&collection(), 3);
        let pairs = |fs: &[Facet]| {
            fs.iter()
                .map(|f| (f.value.clone(), f.count))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pairs(&f.years),
            vec![("2026".into(), 1), ("2025".into(), 1), ("2024".into(), 1)]
        );
        assert_eq!(
            pairs(&f.regions),
            vec![("云南".into(), 2), ("贵州".into(), 1)]
        );
        assert_eq!(pairs(&f.formats)[0], ("docx".into(), 2));
    }

    #[test]
    fn the_readers_own_files_are_a_source_of_their_own() {
        let c = collection();
        // The last essay was opened in the page.
        let f = Facets::of(&c, 2);
        assert_eq!(
            BY_SOURCE.options(&f.sources),
            [
                (String::new(), "全部".to_owned()),
                ("site".to_owned(), "本站文集（2）".to_owned()),
                ("mine".to_owned(), "我的文件（1）".to_owned()),
            ]
        );
        let mut v = ListView {
            source: Some(Source::Mine),
            ..ListView::default()
        };
        let by_title = |a: usize, b: usize| c.essays[a].title.cmp(&c.essays[b].title);
        assert_eq!(v.essays(&c, 2, &by_title), vec![2]);
        assert!(v.narrowed());
        assert!(v.includes(&c, 2, 2) && !v.includes(&c, 0, 2) && !v.includes(&c, 9, 2));
        v.source = Some(Source::Site);
        assert_eq!(v.essays(&c, 2, &by_title), vec![0, 1]);
        // Only built essays: one source, nothing to choose.
        assert_eq!(Facets::of(&c, 3).sources.len(), 1);
    }
}
