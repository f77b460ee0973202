//! The page the app shows first, as static HTML: readable with JavaScript
//! turned off and painted before the wasm has loaded. It mirrors the markup
//! of the app's components (`src/components/`), so that the app can take
//! the page over without anything moving.

use std::fmt::Write;

use wenji_core::facts::facts_line;
use wenji_core::library::{choice_options, Facets, Sort, BY_FORMAT, BY_REGION, BY_YEAR, LIST_STEP};
use wenji_core::{Collection, Essay, Part, Section};

use crate::html::escape;

/// The markup of the first view: the essay when there is one, else the list.
pub fn first_view(collection: &Collection) -> String {
    match collection.essays.as_slice() {
        [only] => essay_page(only),
        essays => list_page(essays),
    }
}

/// What `SearchBar` renders before any query.
fn search_bar() -> &'static str {
    concat!(
        r#"<div class="search-bar" role="search"><div class="search-row">"#,
        r#"<input id="search" class="search-input" type="search" placeholder="搜索关键词、拼音或繁体" "#,
        r#"aria-label="搜索文章" title="搜索关键词、拼音或繁体（按 / 聚焦）" aria-describedby="search-status" autocomplete="off" spellcheck="false" enterkeyhint="search">"#,
        r#"<button type="button" class="hit-nav" aria-label="上一处" title="上一处（Shift+Enter）" disabled>↑</button>"#,
        r#"<button type="button" class="hit-nav" aria-label="下一处" title="下一处（Enter）" disabled>↓</button>"#,
        r#"<span class="hit-position" aria-live="off"></span></div>"#,
        r#"<p id="search-status" class="search-status" role="status" aria-live="polite"></p></div>"#,
    )
}

fn essay_page(essay: &Essay) -> String {
    let mut out = format!(
        r##"<div class="essay-page" data-essay="{}"><a class="skip-link" href="#main">跳到正文</a>"##,
        escape(&essay.slug)
    );
    let _ = write!(
        out,
        r#"<header class="page-header"><h1>{}</h1><p class="facts">{}</p>"#,
        escape(&essay.title),
        escape(&facts_line(&essay.facts))
    );
    if essay.facts.excerpt {
        out.push_str(r#"<p class="excerpt-note">以下为原文节选，原文未完。</p>"#);
    }
    out.push_str("</header>");
    out.push_str(search_bar());
    outline(&mut out, essay);
    out.push_str(concat!(
        r#"<main id="main" class="essay"><div class="essay-toolbar"><div class="toolbar-row">"#,
        r#"<button type="button" class="tool outline-toggle" aria-expanded="false" aria-controls="outline">目录</button>"#,
        r#"<button type="button" class="tool">全部展开</button><button type="button" class="tool">全部折叠</button>"#,
        r#"<button type="button" class="tool" aria-expanded="false" aria-controls="export-panel">导出</button>"#,
        r#"<button type="button" class="tool" aria-expanded="false" aria-controls="display-panel">显示</button>"#,
        r#"</div></div><article class="essay-body">"#
    ));
    for part in &essay.parts {
        part_html(&mut out, part);
    }
    out.push_str("</article>");
    if essay.facts.excerpt {
        out.push_str(r#"<p class="excerpt-end" role="note">……（节选至此，原文未完）</p>"#);
    }
    out.push_str("</main></div>");
    out
}

/// What `Outline` renders before any query (its close button hidden).
fn outline(out: &mut String, essay: &Essay) {
    out.push_str(concat!(
        r#"<nav id="outline" class="outline" aria-label="目录"><div class="outline-head">"#,
        r#"<h2 class="outline-title">目录</h2><button type="button" class="tool outline-close">关闭</button></div>"#,
        r#"<ol class="outline-list">"#
    ));
    let link = |out: &mut String, id: &str, text: &str| {
        let _ = write!(
            out,
            r##"<a class="outline-link" href="#{id}"><span class="outline-text">{text}</span></a>"##,
            id = escape(id),
            text = escape(text)
        );
    };
    for part in &essay.parts {
        out.push_str(r#"<li class="outline-part">"#);
        link(out, &part.id, &part.title);
        out.push_str("<ol>");
        for s in &part.sections {
            out.push_str("<li>");
            link(out, &s.id, &s.heading);
            out.push_str("</li>");
        }
        out.push_str("</ol></li>");
    }
    out.push_str("</ol></nav>");
}

/// A heading row: the fold control and the copy buttons (`what` is 本节
/// or 本部分).
fn heading(out: &mut String, level: u8, id: &str, text: &str, what: &str) {
    let _ = write!(
        out,
        concat!(
            r#"<div class="heading-row"><h{level} class="fold-heading"><button type="button" class="fold" aria-expanded="true" aria-controls="{id}-body"><span class="chevron" aria-hidden="true"></span><span class="heading-text">{text}</span></button></h{level}>"#,
            r#"<div class="heading-actions"><button type="button" class="act act-copy" aria-label="复制文字：{id}" title="复制{what}文字（附出处）"><span class="icon icon-copy" aria-hidden="true"></span></button>"#,
            r#"<button type="button" class="act act-link" aria-label="复制链接：{id}" title="复制{what}链接"><span class="icon icon-link" aria-hidden="true"></span></button></div></div>"#
        ),
        level = level,
        what = what,
        id = escape(id),
        text = escape(text)
    );
}

fn part_html(out: &mut String, part: &Part) {
    fold_section(out, "part", 2, &part.id, &part.title, |out| {
        for p in &part.lead {
            let _ = write!(out, r#"<p class="lead">{}</p>"#, escape(p));
        }
        for s in &part.sections {
            section_html(out, s);
        }
    });
}

fn section_html(out: &mut String, section: &Section) {
    fold_section(out, "sub", 3, &section.id, &section.heading, |out| {
        for p in &section.body {
            let _ = write!(out, "<p>{}</p>", escape(p));
        }
    });
}

/// What `FoldSection` renders: the section, its heading row, and its body
/// (`kind` is `part` or `sub`) written by `body`.
fn fold_section(
    out: &mut String,
    kind: &str,
    level: u8,
    id: &str,
    text: &str,
    body: impl FnOnce(&mut String),
) {
    let what = if kind == "part" {
        "本部分"
    } else {
        "本节"
    };
    let _ = write!(out, r#"<section class="{kind}" id="{}">"#, escape(id));
    heading(out, level, id, text, what);
    let _ = write!(out, r#"<div class="{kind}-body" id="{}-body">"#, escape(id));
    body(out);
    out.push_str("</div></section>");
}

fn list_page(essays: &[Essay]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<header class="page-header"><h1>文集</h1><p class="facts">共 {} 篇</p></header>"#,
        essays.len()
    );
    out.push_str(search_bar());
    out.push_str(concat!(
        r#"<main id="main" class="essay-list"><div class="essay-toolbar"><div class="toolbar-row">"#,
        r#"<button type="button" class="tool" aria-expanded="false" aria-controls="display-panel">显示</button>"#,
        r#"</div></div>"#
    ));
    library_controls(
        &mut out,
        &Collection {
            essays: essays.to_vec(),
        },
    );
    let _ = write!(
        out,
        r#"<div class="library"><p class="list-count" role="status">共 {} 篇</p><ul class="essay-rows">"#,
        essays.len()
    );
    for e in essays.iter().take(LIST_STEP) {
        let _ = write!(
            out,
            r#"<li><a class="essay-link" href="?essay={slug}"><span class="essay-link-title">{title}</span><span class="facts">{facts}</span></a></li>"#,
            slug = escape(&e.slug),
            title = escape(&e.title),
            facts = escape(&facts_line(&e.facts))
        );
    }
    let left = essays.len().saturating_sub(LIST_STEP);
    let _ = write!(
        out,
        r#"</ul><p class="more"{hidden}><button type="button" class="tool more-button">显示更多（还有 {left} 篇）</button></p></div></main>"#,
        hidden = if left == 0 { " hidden" } else { "" }
    );
    out
}

/// What `LibraryControls` renders for the default view.
fn library_controls(out: &mut String, collection: &Collection) {
    out.push_str(r#"<div class="library-controls" role="group" aria-label="排序和筛选">"#);
    picker(out, "排序", "list-sort", &choice_options::<Sort>());
    let facets = Facets::of(collection);
    for (by, values) in [
        (BY_YEAR, &facets.years),
        (BY_REGION, &facets.regions),
        (BY_FORMAT, &facets.formats),
    ] {
        if values.len() > 1 {
            picker(out, by.label, by.id, &by.options(values));
        }
    }
    out.push_str("</div>");
}

fn picker(out: &mut String, label: &str, id: &str, options: &[(String, String)]) {
    let _ = write!(
        out,
        r#"<label class="picker" for="{id}"><span class="picker-label">{label}</span><select id="{id}">"#
    );
    for (i, (value, text)) in options.iter().enumerate() {
        let _ = write!(
            out,
            r#"<option value="{}"{}>{}</option>"#,
            escape(value),
            if i == 0 { " selected" } else { "" },
            escape(text)
        );
    }
    out.push_str("</select></label>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use wenji_core::fixtures;

    fn essay(title: &str, text: &str) -> Essay {
        fixtures::essay(
            "e",
            title,
            vec![Part {
                id: "引言".into(),
                title: "引言：<b>标题</b>".into(),
                lead: vec![text.into()],
                sections: vec![Section {
                    id: "引言-其一".into(),
                    heading: "其一，开头。".into(),
                    body: vec!["正文".into()],
                }],
            }],
        )
    }

    #[test]
    fn one_essay_is_shown_whole_with_its_facts() {
        let html = first_view(&Collection {
            essays: vec![essay("标题", "正文")],
        });
        assert!(html.contains("<h1>标题</h1>"));
        assert!(html.contains("原文 .docx · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南"));
        assert!(html.contains(r#"<section class="sub" id="引言-其一">"#));
        assert!(html.contains("……（节选至此，原文未完）"));
        assert!(html.contains(r##"<a class="outline-link" href="#引言-其一">"##));
        assert!(html.contains(r#"aria-label="复制链接：引言-其一""#));
    }

    #[test]
    fn essay_text_stays_text() {
        let html = first_view(&Collection {
            essays: vec![essay("<script>x</script>", "<img src=x onerror=alert(1)>")],
        });
        assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn several_essays_start_on_the_list() {
        let mut b = essay("乙", "x");
        b.slug = "b".into();
        let html = first_view(&Collection {
            essays: vec![essay("甲", "x"), b],
        });
        assert!(html.contains("共 2 篇"));
        assert!(html.contains(r#"href="?essay=b""#));
        assert!(!html.contains("<article"));
    }
}
