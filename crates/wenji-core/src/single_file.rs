//! The single file (`wenji.html`): what marks its collection's parts, so
//! that the build writes them (`wenji-ship`) and the page can make another
//! single file of other essays from it (做成文集, `remake`), with one
//! source for the markup both read.
//!
//! A single file is the app (scripts, style, the wasm and its parts, the
//! document reader) around a collection: its data files in blocks
//! (`data_block`, named by `<meta name="wenji-data">`), a prerendered
//! first view in `<div id="app">`, and a `<title>`. Everything else is the
//! same for any collection (the wasm does not depend on the content), and
//! the page's policy allows its scripts by hash, which the data blocks
//! (never run) do not need. So `remake` swaps those three things and
//! leaves every script byte as it was: the new file runs under the same
//! policy. The data format escapes `<`, so a block's end is the first
//! `</script>` after it; the prerendered view says its own length
//! (`data-wenji-prerendered`), so it is cut exactly, never searched for.

/// The function the served page (not the single file) defines in a script
/// at the top of its head: `wenjiFetch(url)` hands over, once, the fetch of
/// `url` the page started as it loaded (the wasm, the first view's parts,
/// the data files), or fetches it. The build writes it
/// (`wenji-ship`'s `page::add_early_fetches`), the app's loaders and data
/// reads call it.
pub const EARLY_FETCH: &str = "wenjiFetch";

/// Marks what a made file shows before the app has built its page
/// (`opening_root`): not a prerendered view to adopt but a placeholder to
/// replace (`start.rs`).
pub const OPENING_ATTR: &str = "data-wenji-opening";

/// A made file's root before the app has built it: its title and a line
/// saying that it opens, painted at once, where a page with no prerendered
/// view would stay blank until the wasm has started.
pub fn opening_root(title: &str) -> String {
    format!(
        r#"<div id="app"><div class="opening" {OPENING_ATTR}=""><h1>{}</h1><p>正在打开文集…</p></div></div>"#,
        escape(title)
    )
}
const PRERENDERED_ATTR: &str = "data-wenji-prerendered";
const DATA_META: &str = r#"<meta name="wenji-data" content=""#;
const FILE_BLOCK: &str = r#"<script type="text/plain" data-wenji-file=""#;

/// `<div id="app">` holding the prerendered first view, with its length.
pub fn prerendered_root(markup: &str) -> String {
    format!(
        r#"<div id="app" {PRERENDERED_ATTR}="{}">{markup}</div>"#,
        markup.len()
    )
}

/// The kind of block (`data_block`) of data the app itself reads, the same
/// for any collection (`likeness.txt`): `remake` keeps it as it is.
pub const SHARED_KIND: &str = "shared";

/// A block of data in the page, never run: `<script type="text/plain"
/// data-wenji-{kind}="{name}">`. `body` must not hold `<`.
pub fn data_block(kind: &str, name: &str, body: &str) -> String {
    format!(r#"<script type="text/plain" data-wenji-{kind}="{name}">{body}</script>"#)
}

/// Names the collection's index for the app.
pub fn data_meta(index: &str) -> String {
    format!(r#"{DATA_META}{index}" />"#)
}

/// Why a single file could not be made from a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemakeError {
    /// The template is not a single file of this build (its marks are
    /// missing or doubled): which mark.
    NotASingleFile(&'static str),
    /// A data file holds `<` (never so when written by `data`).
    Unsafe(String),
}

/// A single file like `template` (a build's `wenji.html`) holding the
/// collection `files` (`(name, text)`, the index first) instead of its
/// own, titled `title`, with no prerendered view (the app builds the page
/// as it starts; until then the title shows, `opening_root`).
pub fn remake(
    template: &str,
    title: &str,
    files: &[(String, String)],
) -> Result<String, RemakeError> {
    let missing = RemakeError::NotASingleFile;
    let (index, _) = files.first().ok_or(missing("an index"))?;
    if let Some((name, _)) = files.iter().find(|(_, text)| text.contains('<')) {
        return Err(RemakeError::Unsafe(name.clone()));
    }
    // The prerendered view: cut by the length it gives.
    let open = format!(r#"<div id="app" {PRERENDERED_ATTR}=""#);
    let at = once(template, &open).ok_or(missing("the prerendered view"))?;
    let after = &template[at + open.len()..];
    let quote = after.find('"').ok_or(missing("the prerendered view"))?;
    let len: usize = after[..quote]
        .parse()
        .map_err(|_| missing("the prerendered view"))?;
    let body = quote + 2; // `">`
    let end = body + len;
    if after.get(body..end).is_none() || !after[end..].starts_with("</div>") {
        return Err(missing("the prerendered view"));
    }
    let mut html = String::with_capacity(template.len());
    html.push_str(&template[..at]);
    html.push_str(&opening_root(title));
    html.push_str(&after[end + "</div>".len()..]);

    // The data blocks: the old ones out, the new ones in their place.
    let first = html.find(FILE_BLOCK).ok_or(missing("the data blocks"))?;
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    let mut put = false;
    while let Some(start) = rest.find(FILE_BLOCK) {
        let close = rest[start..]
            .find("</script>")
            .ok_or(missing("the end of a data block"))?;
        out.push_str(&rest[..start]);
        if !put {
            for (name, text) in files {
                out.push_str(&data_block("file", name, text));
            }
            put = true;
        }
        rest = &rest[start + close + "</script>".len()..];
    }
    out.push_str(rest);
    debug_assert!(first < out.len());

    // The index's name and the title.
    let meta = once(&out, DATA_META).ok_or(missing("the index's name"))?;
    let value_end = out[meta + DATA_META.len()..]
        .find('"')
        .ok_or(missing("the index's name"))?;
    out.replace_range(
        meta + DATA_META.len()..meta + DATA_META.len() + value_end,
        index,
    );
    let title_at = once(&out, "<title>").ok_or(missing("the title"))?;
    let title_end = out[title_at..]
        .find("</title>")
        .ok_or(missing("the title"))?;
    out.replace_range(
        title_at + "<title>".len()..title_at + title_end,
        &escape(title),
    );
    Ok(out)
}

/// Where `mark` is, if it is there exactly once.
fn once(html: &str, mark: &str) -> Option<usize> {
    let at = html.find(mark)?;
    html[at + mark.len()..].find(mark).is_none().then_some(at)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: &str = "<header><div><h1>政工</h1></div></header><main>正文</main>";

    fn template() -> String {
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\" />{}<title>文集</title>\
             <script>run()</script></head><body>{}<script>early()</script>{}{}\
             {}{}</body></html>",
            data_meta("index-1.txt"),
            prerendered_root(VIEW),
            data_block("file", "index-1.txt", "wenji-index 1\nold"),
            data_block("file", "text-1.txt", "wenji-text 1\nold"),
            data_block("worker", "wasm", "AGFzbQ=="),
            data_block(SHARED_KIND, "likeness.txt", "ben3本"),
        )
    }

    #[test]
    fn a_single_file_of_other_essays_keeps_every_script() {
        let files = vec![
            ("index.txt".to_owned(), "wenji-index 1\nnew".to_owned()),
            ("text-0.txt".to_owned(), "wenji-text 1\nnew".to_owned()),
        ];
        let made = remake(&template(), "我的 <文集> & 笔记", &files).unwrap();
        assert!(made.contains(r#"<meta name="wenji-data" content="index.txt" />"#));
        assert!(made.contains("<title>我的 &lt;文集&gt; &amp; 笔记</title>"));
        assert!(
            made.contains(&format!(
                r#"<body>{}<script>early()</script>"#,
                opening_root("我的 <文集> & 笔记")
            )),
            "{made}"
        );
        assert!(made.contains("<h1>我的 &lt;文集&gt; &amp; 笔记</h1><p>正在打开文集…</p>"));
        assert!(!made.contains("old") && !made.contains("政工"), "{made}");
        assert!(made.contains(&data_block("file", "text-0.txt", "wenji-text 1\nnew")));
        assert!(made.contains(&data_block("worker", "wasm", "AGFzbQ==")));
        assert!(made.contains(&data_block(SHARED_KIND, "likeness.txt", "ben3本")));
        for script in ["<script>run()</script>", "<script>early()</script>"] {
            assert_eq!(made.matches(script).count(), 1);
        }
        // Made again from what it made: the same (no prerendered view to cut).
        assert_eq!(
            remake(&made, "x", &files),
            Err(RemakeError::NotASingleFile("the prerendered view"))
        );
    }

    #[test]
    fn a_template_without_its_marks_or_unsafe_data_is_refused() {
        let files = vec![("index.txt".to_owned(), "x".to_owned())];
        assert!(remake("<html></html>", "t", &files).is_err());
        let length = |n: usize| format!(r#"data-wenji-prerendered="{n}""#);
        let cut = template().replace(&length(VIEW.len()), &length(VIEW.len() - 6));
        assert_ne!(cut, template());
        assert!(
            remake(&cut, "t", &files).is_err(),
            "a wrong length is caught"
        );
        let bad = vec![("index.txt".to_owned(), "</script><script>x".to_owned())];
        assert_eq!(
            remake(&template(), "t", &bad),
            Err(RemakeError::Unsafe("index.txt".into()))
        );
        assert_eq!(
            remake(&template(), "t", &[]),
            Err(RemakeError::NotASingleFile("an index"))
        );
    }
}
