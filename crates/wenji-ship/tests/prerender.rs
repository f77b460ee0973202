//! The prerendered first view, rendered by the app's components from the
//! data files the ship step writes.

use wenji_core::{fixtures, Collection, Essay, HeadingForm, Part, Section};
use wenji_ship::data::data_files;

fn essay(title: &str, text: &str) -> Essay {
    fixtures::essay(
        "e",
        title,
        vec![Part {
            id: "引言".into(),
            title: "引言：<b>标题</b>".into(),
            lead: vec![text.into()],
            sections: vec![Section {
                related: Vec::new(),
                id: "引言-其一".into(),
                heading: "其一，开头。".into(),
                form: HeadingForm::Opening,
                body: vec!["正文".into()],
            }],
        }],
    )
}

fn first_view(essays: Vec<Essay>) -> String {
    let files = data_files(&Collection { essays });
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    wenji::prerender::first_view(files[0], &files[1..]).expect("renders")
}

/// The markup without the empty comments that mark where the client's
/// nodes begin and end when it adopts them.
fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
}

#[test]
fn one_essay_is_shown_whole_with_its_facts() {
    let raw = first_view(vec![essay("标题", "正文")]);
    let html = without_markers(&raw);
    assert!(html.contains("<h1>标题</h1>"), "{html}");
    assert!(html.contains("原文为 Word 文档 · 约 2,490 字 · 约 6 页 · 2026-01-15 发布于云南"));
    assert!(
        html.contains(r#"<section id="引言-其一" class="sub">"#),
        "{html}"
    );
    assert!(html.contains("……（节选至此，原文未完）"));
    assert!(html.contains(r##"href="#引言-其一""##));
    assert!(html.contains(r#"aria-label="复制链接：引言-其一""#));
    // What the app's components render beside the text is there too.
    assert!(html.contains(r#"class="outline-backdrop""#));
    assert!(html.contains(r#"placeholder="搜索关键词、拼音或繁体""#));
    // Nothing to say renders as nothing, not as a space: the notice and
    // the hit position take no room while `:empty`.
    assert!(!html.contains("> </"), "{raw}");
}

#[test]
fn essay_text_stays_text() {
    let html = without_markers(&first_view(vec![essay(
        "<script>x</script>",
        "<img src=x onerror=alert(1)>",
    )]));
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn several_essays_start_on_the_list() {
    let mut b = essay("乙", "x");
    b.slug = "b".into();
    let html = without_markers(&first_view(vec![essay("甲", "x"), b]));
    assert!(html.contains("共 2 篇"));
    assert!(html.contains(r#"href="?essay=b""#));
    assert!(!html.contains("<article"));
}

#[test]
fn a_bad_data_file_is_named() {
    let err = wenji::prerender::first_view(("index-x.txt", "not an index"), &[]).unwrap_err();
    assert!(err.contains("index-x.txt"), "{err}");
}
