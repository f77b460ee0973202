//! The page, from its template (`index.html`): the app's loader and
//! preloads, the prerendered first view, the Content Security Policy, and
//! the single self-contained file.

use anyhow::Context;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

use crate::split::Entry;

/// Where the app mounts; the prerendered markup goes inside it. The marks
/// of a single file are `wenji_core::single_file`'s, so that the page can
/// make another single file from this one (做成文集).
pub use wenji_core::single_file::{data_block, APP_ROOT};
use wenji_core::single_file::{data_meta, prerendered_root, EARLY_FETCH, SHARED_KIND};

/// Where the template has the app start: the build writes the loader of
/// the app's glue and wasm in its place (`add_app`).
pub const APP_START: &str = r#"<script type="module" data-wenji-app></script>"#;

/// The app's loader where the template marks it (`APP_START`), and the
/// preload of its glue (`glue` its content). The wasm is one of the page's
/// early fetches (`add_early_fetches`), taken up by the loader.
pub fn add_app(html: &str, entry: &Entry, glue: &[u8]) -> anyhow::Result<String> {
    if html.matches(APP_START).count() != 1 {
        anyhow::bail!("index.html must contain `{APP_START}` exactly once");
    }
    let (glue_name, wasm_name) = (entry.glue(), entry.wasm());
    let loader = format!(
        "<script type=\"module\">\nimport init from './{glue_name}';\n\
         const wasm = await init({{ module_or_path: {EARLY_FETCH}('./{wasm_name}') }});\n\
         dispatchEvent(new CustomEvent(\"wenji-started\", {{ detail: {{ wasm }} }}));\n</script>"
    );
    let html = html.replacen(APP_START, &loader, 1);
    let preload = format!(
        r#"<link rel="modulepreload" href="./{glue_name}" crossorigin="anonymous" integrity="sha384-{}" />"#,
        B64.encode(Sha384::digest(glue)),
    );
    add_after_charset(&html, &preload)
}

/// Start fetching `names` (files beside the page: the wasm, the first
/// view's parts of it, the data files) from a script at the top of the
/// head, and define `wenjiFetch` (`EARLY_FETCH`) for whoever needs them.
/// Not `<link rel="preload" as="fetch">`: WebKit never hands such a
/// preload to the `fetch()` that asks for the same file, and downloaded
/// each twice. A fetch nobody takes fails quietly.
pub fn add_early_fetches(html: &str, names: &[String]) -> anyhow::Result<String> {
    let list: Vec<String> = names
        .iter()
        .map(|n| crate::js::json_string(&format!("./{n}")))
        .collect();
    let script = format!(
        "<script>{{const at=(u)=>new URL(u,document.baseURI).href;\
         const early=new Map([{}].map((u)=>{{const f=fetch(u);f.catch(()=>{{}});return[at(u),f];}}));\
         globalThis.{EARLY_FETCH}=(u)=>{{const f=early.get(at(u));early.delete(at(u));return f??fetch(u);}};}}</script>",
        list.join(",")
    );
    add_after_charset(html, &script)
}

/// The template without its comments: they are notes for whoever edits
/// it, and the edits below find elements by their tags, which a comment
/// that names one (`<style>`, say) must not mislead. An unclosed comment
/// is an error, named.
pub fn without_comments(template: &str) -> anyhow::Result<String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("<!--") {
        let end = rest[start..]
            .find("-->")
            .context("index.html has a comment `<!--` that does not end")?;
        // The line the comment stood on goes with it when nothing else is on it.
        let before = rest[..start].trim_end_matches([' ', '\t']);
        let after = &rest[start + end + "-->".len()..];
        if before.ends_with('\n') && after.starts_with('\n') {
            out.push_str(before);
            rest = &after[1..];
        } else {
            out.push_str(&rest[..start]);
            rest = after;
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// `'sha256-…'` of an inline script or style, as CSP wants it.
pub fn csp_hash(content: &str) -> String {
    format!(
        "'sha256-{}'",
        B64.encode(Sha256::digest(content.as_bytes()))
    )
}

/// Put `markup` inside the app root of `html`.
pub fn insert_prerendered(html: &str, markup: &str) -> anyhow::Result<String> {
    if html.matches(APP_ROOT).count() != 1 {
        anyhow::bail!("index.html must contain `{APP_ROOT}` exactly once");
    }
    Ok(html.replacen(APP_ROOT, &prerendered_root(markup), 1))
}

/// The contents of every inline `<script …>…</script>` (one without `src`).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    inline_elements(html, "script")
}

/// The contents of every `<style>…</style>`.
pub fn inline_styles(html: &str) -> Vec<&str> {
    inline_elements(html, "style")
}

fn inline_elements<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(gt) = after.find('>') else { break };
        let attrs = &after[..gt];
        let body = &after[gt + 1..];
        let Some(end) = body.find(&close) else { break };
        // Data blocks (`type="text/plain"`) are not scripts: no hash needed.
        if !attrs.contains(" src=") && !attrs.contains(r#"type="text/plain""#) {
            out.push(&body[..end]);
        }
        rest = &body[end + close.len()..];
    }
    out
}

/// Name the build in a `<meta name="wenji-build">`, after `<meta charset>`.
pub fn add_build_id(html: &str, id: &str) -> anyhow::Result<String> {
    add_after_charset(
        html,
        &format!(r#"<meta name="wenji-build" content="{id}" />"#),
    )
}

/// Name the collection's index for the app (`<meta name="wenji-data">`);
/// the served page fetches it early (`add_early_fetches`).
pub fn add_data(html: &str, index: &str) -> anyhow::Result<String> {
    add_after_charset(html, &data_meta(index))
}

/// The single file carries the data files inline, before `</body>`, each in
/// a `<script type="text/plain" data-wenji-file="…">` (never run; the data
/// format escapes `<`, so no file can close the element early).
pub fn inline_data(html: &str, files: &[(&str, &str)]) -> anyhow::Result<String> {
    let mut blocks = String::new();
    for (name, text) in files {
        if text.contains('<') {
            anyhow::bail!("{name} contains `<`: it cannot go inline");
        }
        blocks.push_str(&data_block("file", name, text));
    }
    if html.matches("</body>").count() != 1 {
        anyhow::bail!("index.html must contain `</body>` exactly once");
    }
    before_body_end(html, &blocks)
}

/// The single file carries a data file the app itself reads, the same for
/// any collection, in a block of its own (`SHARED_KIND`), so that a file
/// made from it (做成文集) keeps it.
pub fn inline_shared(html: &str, name: &str, text: &str) -> anyhow::Result<String> {
    if text.contains('<') {
        anyhow::bail!("{name} contains `<`: it cannot go inline");
    }
    before_body_end(html, &data_block(SHARED_KIND, name, text))
}

/// Start fetching the split's loader with the glue that imports it (`split`):
/// else its fetch waits until the glue is parsed, a round trip more.
pub fn preload_module(html: &str, name: &str) -> anyhow::Result<String> {
    add_after_charset(
        html,
        &format!(r#"<link rel="modulepreload" href="./{name}" crossorigin="anonymous" />"#),
    )
}

fn add_after_charset(html: &str, tag: &str) -> anyhow::Result<String> {
    let anchor = r#"<meta charset="utf-8" />"#;
    if !html.contains(anchor) {
        anyhow::bail!("index.html must start its head with `{anchor}`");
    }
    Ok(html.replacen(anchor, &format!("{anchor}\n    {tag}"), 1))
}

/// Add a CSP `<meta>` right after `<meta charset>`: scripts from the page's
/// origin, its inline scripts by hash, wasm compilation, nothing foreign.
pub fn add_csp(html: &str, policy: &str) -> anyhow::Result<String> {
    add_after_charset(
        html,
        &format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}" />"#),
    )
}

/// The policy of the served site (`dist/`).
pub fn site_policy(html: &str) -> String {
    let scripts: Vec<String> = inline_scripts(html).into_iter().map(csp_hash).collect();
    let styles: Vec<String> = inline_styles(html).into_iter().map(csp_hash).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' {}; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
        scripts.join(" "),
        styles.join(" ")
    )
}

/// The policy of the single file: nothing but what it carries inline.
pub fn single_file_policy(html: &str) -> String {
    let scripts: Vec<String> = inline_scripts(html).into_iter().map(csp_hash).collect();
    let styles: Vec<String> = inline_styles(html).into_iter().map(csp_hash).collect();
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' {}; style-src {}; img-src data:; \
         worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'",
        scripts.join(" "),
        styles.join(" ")
    )
}

/// The value of attribute `name` in a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Every tag `<name …>` (its text up to `>`), with its byte range.
fn tags<'a>(html: &'a str, name: &str) -> Vec<(std::ops::Range<usize>, &'a str)> {
    let open = format!("<{name} ");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find(&open) {
        let start = at + i;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let end = start + len + 1;
        out.push((start..end, &html[start..end]));
        at = end;
    }
    out
}

/// A page whose style sheets went inside it.
pub struct InlinedStyles {
    pub html: String,
    /// The files it replaces.
    pub replaced: Vec<String>,
}

/// The style sheets, written split by role (`style/*.css`), go inside the
/// page as one `<style>`, in the order the page links them: nothing to
/// fetch before the first paint (the page's policy allows it by hash).
pub fn inline_stylesheets(html: &str, files: &dyn Files) -> anyhow::Result<InlinedStyles> {
    let links: Vec<_> = tags(html, "link")
        .into_iter()
        .filter(|(_, tag)| attr(tag, "rel") == Some("stylesheet"))
        .collect();
    let mut css = String::new();
    let mut replaced = Vec::new();
    for (_, tag) in &links {
        let href = attr(tag, "href").context("a stylesheet link without href")?;
        let text = files.read_text(href)?;
        if text.contains("</style") {
            anyhow::bail!("{href} contains `</style`: it cannot go inline");
        }
        if !css.is_empty() {
            css.push('\n');
        }
        css.push_str(&crate::css::compact(&text));
        replaced.push(href.to_owned());
    }
    let mut out = html.to_owned();
    for (i, (range, _)) in links.iter().enumerate().rev() {
        let replacement = if i == 0 {
            format!("<style>{css}</style>")
        } else {
            String::new()
        };
        out.replace_range(range.clone(), &replacement);
    }
    Ok(InlinedStyles {
        html: out,
        replaced,
    })
}

/// Files the single file needs, read by the caller from the staging dir.
pub trait Files {
    fn read(&self, relative: &str) -> anyhow::Result<Vec<u8>>;

    /// The file as text (UTF-8), its name in the error.
    fn read_text(&self, relative: &str) -> anyhow::Result<String> {
        String::from_utf8(self.read(relative)?).with_context(|| relative.to_string())
    }
}

/// Classic scripts in the head (the preferences applied before the first
/// paint) go inline: a blocking request less before the first paint. Returns
/// the page and the files inlined.
pub fn inline_classic_scripts(
    html: &str,
    files: &dyn Files,
) -> anyhow::Result<(String, Vec<String>)> {
    let mut out = html.to_owned();
    let mut inlined = Vec::new();
    while let Some(start) = out.find("<script src=\"") {
        let end = script_end(&out, start)?;
        let src = attr(&out[start..end], "src").unwrap_or("").to_owned();
        let js = files.read_text(&src)?;
        let js = crate::js::compact_lines(&crate::early::fill(&src, &js)?);
        if js.contains("</script") {
            anyhow::bail!("{src} contains `</script`: it cannot go inline");
        }
        out.replace_range(start..end, &format!("<script>{js}</script>"));
        inlined.push(src);
    }
    Ok((out, inlined))
}

/// The page with everything inlined: CSS as `<style>`, the favicon as a
/// data URL, the JavaScript glue and the wasm (base64) in one module script,
/// with the split's loader when there is one (`split::inline_module`; the
/// parts' blocks are the caller's).
pub fn single_file(
    html: &str,
    files: &dyn Files,
    entry: &Entry,
    split_loader: Option<&str>,
) -> anyhow::Result<String> {
    // The style as the page carries it (already inline when the page went
    // through `inline_stylesheets`).
    let html = inline_stylesheets(html, files)?.html;
    let mut out = html.clone();
    // Icons and preloads.
    for (range, tag) in tags(&html, "link").into_iter().rev() {
        let href = attr(tag, "href").unwrap_or("");
        let rel = attr(tag, "rel").unwrap_or("");
        let replacement = match rel {
            "icon" => {
                let kind = attr(tag, "type").unwrap_or("image/svg+xml");
                format!(
                    r#"<link rel="icon" type="{kind}" href="data:{kind};base64,{}"/>"#,
                    B64.encode(files.read(href)?)
                )
            }
            // Preloads of the script and the wasm: both are inline now.
            "modulepreload" | "preload" => String::new(),
            // Installing and offline use belong to the served site.
            "manifest" | "apple-touch-icon" => String::new(),
            _ => continue,
        };
        out.replace_range(range, &replacement);
    }
    // Module scripts loaded from files (the service worker's registration)
    // belong to the served site.
    while let Some(start) = out.find("<script type=\"module\" src=") {
        let end = script_end(&out, start)?;
        out.replace_range(start..end, "");
    }
    // The app's loader (`add_app`) imports the glue and fetches the wasm.
    let loader = inline_scripts(&out)
        .into_iter()
        .find(|s| s.contains("import init"))
        .context("no loader script of the app (`import init …`) in index.html")?
        .to_owned();
    let (glue_path, wasm_path) = (format!("./{}", entry.glue()), format!("./{}", entry.wasm()));
    let glue = files.read_text(&glue_path)?;
    let glue = match split_loader {
        Some(loader) => {
            crate::split::inline_module(&glue, &entry.glue(), &files.read_text(loader)?, loader)?
        }
        None => glue,
    };
    if glue.lines().any(|l| l.starts_with("import ")) {
        anyhow::bail!("{glue_path} imports other modules: they would need inlining too");
    }
    if !glue.contains("async function __wbg_init(") {
        anyhow::bail!("{glue_path} has no `__wbg_init`: wasm-bindgen changed its glue");
    }
    let wasm = B64.encode(files.read(&wasm_path)?);
    let inline = format!(
        "{BYTES_READER}{glue}\nconst wenjiWasm = wenjiBytes(\"{wasm}\");\n\
         await __wbg_init({{ module_or_path: wenjiWasm }});\n"
    );
    Ok(out.replacen(&loader, &inline, 1))
}

/// The single file's one base64 reader, first in its module: the main
/// wasm, the split's parts (`split::PART_READER`) and the worker's blocks
/// (the app's `importer`, through `globalThis`) are read with it.
const BYTES_READER: &str =
    "const wenjiBytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\n\
                            globalThis.wenjiBytes = wenjiBytes;\n";

/// The document reader's worker (named by its binary, `wasm::worker`),
/// and what starts it (`public/`).
pub const WORKER_GLUE: &str = "wenji-worker.js";
pub const WORKER_WASM: &str = "wenji-worker_bg.wasm";
pub const WORKER_START: &str = "worker-start.js";

/// The single file carries the worker too, its glue and its wasm in base64
/// (`data-wenji-worker`, read by the app's `importer`), before `</body>`:
/// a file opened from the single file is read with nothing else at hand.
pub fn inline_worker(html: &str, files: &dyn Files) -> anyhow::Result<String> {
    let block = |kind: &str, bytes: &[u8]| data_block("worker", kind, &B64.encode(bytes));
    let blocks =
        block("glue", &files.read(WORKER_GLUE)?) + &block("wasm", &files.read(WORKER_WASM)?);
    before_body_end(html, &blocks)
}

/// `html` with `blocks` just before its (last) `</body>`.
pub fn before_body_end(html: &str, blocks: &str) -> anyhow::Result<String> {
    let at = html.rfind("</body>").context("no </body> in the page")?;
    let mut out = html.to_owned();
    out.insert_str(at, blocks);
    Ok(out)
}

/// The end of the `<script …>…</script>` that starts at `start`.
fn script_end(html: &str, start: usize) -> anyhow::Result<usize> {
    html[start..]
        .find("</script>")
        .map(|i| start + i + "</script>".len())
        .context("an unclosed <script src>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn the_templates_comments_are_left_out_and_mislead_nothing() {
        let template = "<head>\n    <!-- one <style> of all -->\n    <link rel=\"stylesheet\" href=\"a.css\" />\n    <meta a /><!-- b --><meta c />\n</head>";
        let page = without_comments(template).unwrap();
        assert_eq!(
            page,
            "<head>\n    <link rel=\"stylesheet\" href=\"a.css\" />\n    <meta a /><meta c />\n</head>"
        );
        assert!(inline_styles(&page).is_empty());
        let err = without_comments("<head><!-- never closed")
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not end"), "{err}");
    }

    const TRUNK_PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <script src="./early.js"></script>
    <link rel="icon" href="./favicon-1.svg" integrity="sha384-x" type="image/svg+xml"/>
    <link rel="stylesheet" href="./main-1.css" integrity="sha384-y"/>
<script type="module">
import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
</script>
  <link rel="modulepreload" href="./app-1.js" crossorigin="anonymous"><link rel="preload" href="./app-1_bg.wasm" as="fetch" type="application/wasm"></head>
  <link rel="manifest" href="./manifest.webmanifest" />
  <script type="module" src="./sw-register.js"></script>
  <body><div id="app"></div></body>
</html>"#;

    struct Mem(HashMap<&'static str, Vec<u8>>);
    impl Files for Mem {
        fn read(&self, p: &str) -> anyhow::Result<Vec<u8>> {
            self.0
                .get(p)
                .cloned()
                .ok_or(anyhow::anyhow!("{p}: missing"))
        }
    }

    fn files() -> Mem {
        Mem(HashMap::from([
            ("./favicon-1.svg", b"<svg/>".to_vec()),
            ("./main-1.css", b"body{color:red}".to_vec()),
            (
                "./early.js",
                b"document.documentElement.dataset.x = 1;".to_vec(),
            ),
            (
                "./app-1.js",
                b"async function __wbg_init(m) {}\nexport default __wbg_init;\n".to_vec(),
            ),
            ("./app-1_bg.wasm", vec![0, 97, 115, 109]),
        ]))
    }

    #[test]
    fn prerendered_markup_goes_in_the_app_root() {
        let html = insert_prerendered(TRUNK_PAGE, "<h1>T</h1>").unwrap();
        assert!(html.contains(r#"<div id="app" data-wenji-prerendered="10"><h1>T</h1></div>"#));
        assert!(insert_prerendered("<body></body>", "x").is_err());
    }

    #[test]
    fn the_policy_allows_the_inline_loader_by_its_hash() {
        let scripts = inline_scripts(TRUNK_PAGE);
        // The loader; `early.js` is still loaded from its file.
        assert_eq!(scripts.len(), 1);
        let policy = site_policy(TRUNK_PAGE);
        assert!(policy.contains(&csp_hash(scripts[0])));
        assert!(policy.contains("'wasm-unsafe-eval'") && !policy.contains("unsafe-inline"));
        let html = add_csp(TRUNK_PAGE, &policy).unwrap();
        assert!(html.contains(
            r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self';"#
        ));
        // Known value: sha256 of the empty string.
        assert_eq!(
            csp_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn the_single_file_carries_the_worker_in_base64() {
        struct Worker;
        impl Files for Worker {
            fn read(&self, p: &str) -> anyhow::Result<Vec<u8>> {
                match p {
                    WORKER_GLUE => Ok(b"let wasm_bindgen = 1; // </script>".to_vec()),
                    WORKER_WASM => Ok(vec![0, 97, 115, 109]),
                    _ => Err(anyhow::anyhow!("no {p}")),
                }
            }
        }
        let html = inline_worker("<body><p>x</p></body>", &Worker).unwrap();
        assert!(html.ends_with("</script></body>"), "{html}");
        assert!(html
            .contains(r#"<script type="text/plain" data-wenji-worker="wasm">AGFzbQ==</script>"#));
        // Base64 cannot close the script it is in.
        assert_eq!(html.matches("</script>").count(), 2);
        assert!(single_file_policy(&html).contains("worker-src blob:"));
    }

    #[test]
    fn the_single_file_needs_no_other_file() {
        let (html, inlined) = inline_classic_scripts(TRUNK_PAGE, &files()).unwrap();
        assert_eq!(inlined, ["./early.js"]);
        let html = single_file(&html, &files(), &entry(), None).unwrap();
        assert!(!html.contains("./"), "{html}");
        assert!(html.contains("<style>body{color:red}</style>"));
        assert!(html.contains("data:image/svg+xml;base64,PHN2Zy8+"));
        assert!(html.contains("wenjiBytes(\"AGFzbQ==\")"));
        assert_eq!(html.matches("atob(").count(), 1, "one base64 reader");
        assert!(html.contains("await __wbg_init({ module_or_path: wenjiWasm })"));
        assert!(!html.contains("manifest") && !html.contains("sw-register"));
        assert!(html.contains("<script>document.documentElement.dataset.x = 1;</script>"));
        let policy = single_file_policy(&html);
        assert!(policy.starts_with("default-src 'none'"));
        assert_eq!(inline_styles(&html).len(), 1);
    }

    #[test]
    fn stylesheets_go_inside_the_page_in_their_order_allowed_by_hash() {
        struct Sheets;
        impl Files for Sheets {
            fn read(&self, relative: &str) -> anyhow::Result<Vec<u8>> {
                match relative {
                    "./a-1.css" => Ok(b":root{--x:1}".to_vec()),
                    "./b-2.css" => Ok(b"body{color:red}".to_vec()),
                    "./c-3.css" => Ok(b"p{}</style><script>".to_vec()),
                    other => Err(anyhow::anyhow!("{other}: no such file")),
                }
            }
        }
        let page = concat!(
            r#"<head><link rel="stylesheet" href="./a-1.css" integrity="sha384-a"/>"#,
            r#"<link rel="icon" href="./i.svg"/><link rel="stylesheet" href="./b-2.css" integrity="sha384-b"/></head>"#
        );
        let InlinedStyles { html, replaced } = inline_stylesheets(page, &Sheets).unwrap();
        assert_eq!(inline_styles(&html), [":root{--x:1}\nbody{color:red}"]);
        assert_eq!(replaced, ["./a-1.css", "./b-2.css"]);
        assert_eq!(tags(&html, "link").len(), 1, "{html}");
        assert!(html.contains(r#"<link rel="icon" href="./i.svg"/>"#));
        let policy = site_policy(&html);
        let hash = csp_hash(":root{--x:1}\nbody{color:red}");
        assert!(
            policy.contains(&format!("style-src 'self' {hash};")),
            "{policy}"
        );
        // A missing sheet is named, and so is one that would end the element.
        for (bad, named) in [("b-2", "d-4.css"), ("b-2", "c-3.css")] {
            let err =
                inline_stylesheets(&page.replace(bad, named.trim_end_matches(".css")), &Sheets)
                    .err()
                    .expect("fails");
            assert!(err.to_string().contains(named), "{err}");
        }
    }

    #[test]
    fn classic_scripts_go_inline_and_are_allowed_by_hash() {
        let (html, _) = inline_classic_scripts(TRUNK_PAGE, &files()).unwrap();
        assert!(!html.contains("early.js"));
        let scripts = inline_scripts(&html);
        assert_eq!(scripts.len(), 2);
        assert!(site_policy(&html).contains(&csp_hash("document.documentElement.dataset.x = 1;")));
        let mut f = files();
        f.0.insert("./early.js", b"x = '</script>';".to_vec());
        assert!(inline_classic_scripts(TRUNK_PAGE, &f)
            .unwrap_err()
            .to_string()
            .contains("cannot go inline"));
    }

    fn entry() -> Entry {
        Entry {
            stem: "app-1".into(),
        }
    }

    #[test]
    fn the_served_page_starts_its_fetches_at_the_top_and_hands_each_over_once() {
        let html = add_app(
            &TRUNK_PAGE.replace(
                "<script type=\"module\">\nimport init, * as bindings from './app-1.js';\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\n</script>",
                APP_START,
            )
            .replace(r#"<link rel="preload" href="./app-1_bg.wasm" as="fetch" type="application/wasm">"#, ""),
            &entry(),
            b"glue",
        )
        .unwrap();
        assert!(html.contains("await init({ module_or_path: wenjiFetch('./app-1_bg.wasm') })"));
        let html =
            add_early_fetches(&html, &["app-1_bg.wasm".into(), "index-1.txt".into()]).unwrap();
        let scripts = inline_scripts(&html);
        let early = scripts[0];
        assert!(
            early.contains(r#"["./app-1_bg.wasm","./index-1.txt"]"#),
            "{early}"
        );
        assert!(early.contains("globalThis.wenjiFetch="));
        // Before anything else of the head but the charset, and allowed.
        let after_charset = &html[html.find("<meta charset").unwrap()..];
        assert!(after_charset
            .split_once("/>")
            .unwrap()
            .1
            .trim_start()
            .starts_with("<script>"));
        assert!(site_policy(&html).contains(&csp_hash(early)));
        assert!(!html.contains(r#"as="fetch""#), "no fetch preloads");
    }

    #[test]
    fn the_data_is_named_and_inlined_in_the_single_file() {
        let html = add_data(TRUNK_PAGE, "index-1.txt").unwrap();
        assert!(html.contains(r#"<meta name="wenji-data" content="index-1.txt" />"#));
        let single = single_file(&html, &files(), &entry(), None).unwrap();
        assert!(!single.contains("./index-1.txt"));
        let single = inline_data(&single, &[("index-1.txt", "wenji-index 1")]).unwrap();
        assert!(single.contains(
            r#"<script type="text/plain" data-wenji-file="index-1.txt">wenji-index 1</script></body>"#
        ));
        // Data blocks are not scripts: the policy does not list them.
        assert_eq!(inline_scripts(&single).len(), 1);
        assert!(inline_data(&single, &[("x", "</script>")]).is_err());
    }

    #[test]
    fn glue_that_imports_is_refused() {
        let mut f = files();
        f.0.insert(
            "./app-1.js",
            b"import x from './snippets/a.js';\nasync function __wbg_init(m) {}".to_vec(),
        );
        assert!(single_file(TRUNK_PAGE, &f, &entry(), None)
            .unwrap_err()
            .to_string()
            .contains("imports other modules"));
    }
}
