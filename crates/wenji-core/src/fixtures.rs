//! Essays for tests, fuzzing and benchmarks, so that each need not write
//! out a whole `Essay` with its `Facts` (feature `fixtures`).

use crate::model::{Date, Essay, Facts, Part};

/// The facts of the seed essay: `原文为 Word 文档 · 约 2,490 字 · 约 6 页 ·
/// 2026-01-15 发布于云南`, an excerpt.
pub fn facts() -> Facts {
    Facts {
        format: "docx".into(),
        chars: 2490,
        pages: Some(6),
        published: Date::new(2026, 1, 15),
        region: Some("云南".into()),
        author: None,
        excerpt: true,
        origin: None,
    }
}

/// An essay of `parts` with the seed's facts, first in its collection.
pub fn essay(slug: &str, title: &str, parts: Vec<Part>) -> Essay {
    Essay {
        slug: slug.into(),
        title: title.into(),
        order: 1,
        facts: facts(),
        parts,
    }
}
