//! The page, from its template (`index.html`): the app's loader and
//! preloads, the prerendered first view, the Content Security Policy, and
//! the single self-contained file.
//!
//! Every edit reads the page through lol_html's tokenizer and finds what it
//! changes by a selector (`script[data-wenji-app]`, `meta[charset]`, …),
//! never by searching its text: a comment, an attribute in another order
//! or a script's content cannot mislead it. Each function is one pass.

use std::cell::{Cell, RefCell};

use anyhow::Context;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use lol_html::html_content::{ContentType, Element};
use lol_html::{doc_comments, element, rewrite_str, text, RewriteStrSettings};
use sha2::{Digest, Sha256, Sha384};

use crate::js_tokens::{self, Pat};
use crate::split::Entry;

/// The marks of a single file are `wenji_core::single_file`'s, so that the
/// page can make another single file from this one (做成文集).
pub use wenji_core::single_file::data_block;
use wenji_core::single_file::{data_meta, prerendered_root, EARLY_FETCH, SHARED_KIND};

/// Where the template has the app start: the build writes the loader of
/// the app's glue and wasm inside it, the mark taken off (`add_app`).
pub const APP_START: &str = "script[data-wenji-app]";
/// The loader as `add_app` left it, the page's one inline module script:
/// the single file writes the glue and wasm themselves inside it.
const APP_LOADER: &str = r#"script[type="module"]:not([src])"#;
/// Where the app mounts; the prerendered markup replaces it.
pub const APP_ROOT: &str = "div#app";

/// `html` through the tokenizer with `settings`' handlers. An error of a
/// handler comes back as it was raised.
fn rewrite(html: &str, settings: RewriteStrSettings<'_, '_>) -> anyhow::Result<String> {
    rewrite_str(html, settings).map_err(|e| anyhow::anyhow!("{e}"))
}

/// `html` with `edit` applied to the one element `selector` finds; that
/// there is exactly one is checked, `what` naming it in the error.
fn edit_one(
    html: &str,
    selector: &str,
    what: &str,
    mut edit: impl FnMut(&mut Element<'_, '_>) -> anyhow::Result<()>,
) -> anyhow::Result<String> {
    let found = Cell::new(0);
    let out = rewrite(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!(selector, |el| {
            found.set(found.get() + 1);
            edit(el).map_err(Into::into)
        })),
    )?;
    if found.get() != 1 {
        anyhow::bail!(
            "the page must have {what} (`{selector}`) exactly once, not {} times",
            found.get()
        );
    }
    Ok(out)
}

/// The app's loader where the template marks it (`APP_START`), and the
/// preload of its glue (`glue` its content). The wasm is one of the page's
/// early fetches (`add_early_fetches`), taken up by the loader.
pub fn add_app(html: &str, entry: &Entry, glue: &[u8]) -> anyhow::Result<String> {
    let (glue_name, wasm_name) = (entry.glue(), entry.wasm());
    let loader = format!(
        "\nimport init from './{glue_name}';\n\
         const wasm = await init({{ module_or_path: {EARLY_FETCH}('./{wasm_name}') }});\n\
         dispatchEvent(new CustomEvent(\"wenji-started\", {{ detail: {{ wasm }} }}));\n"
    );
    let html = edit_one(html, APP_START, "the app's start", |el| {
        el.remove_attribute("data-wenji-app");
        el.set_inner_content(&loader, ContentType::Html);
        Ok(())
    })?;
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
/// it. The line a comment stood on goes with it when nothing else is on
/// it. An unclosed comment (which would hide the rest of the page) is an
/// error, named.
pub fn without_comments(template: &str) -> anyhow::Result<String> {
    let comments = RefCell::new(Vec::new());
    rewrite(
        template,
        RewriteStrSettings::new().append_document_content_handler(doc_comments!(|c| {
            comments.borrow_mut().push(c.source_location().bytes());
            Ok(())
        })),
    )?;
    let mut out = String::with_capacity(template.len());
    let mut at = 0;
    for range in comments.into_inner() {
        if !template[..range.end].ends_with("-->") {
            anyhow::bail!("index.html has a comment `<!--` that does not end");
        }
        let kept = &template[at..range.start];
        let trimmed = kept.trim_end_matches([' ', '\t']);
        if trimmed.ends_with('\n') && template[range.end..].starts_with('\n') {
            out.push_str(trimmed);
            at = range.end + 1;
        } else {
            out.push_str(kept);
            at = range.end;
        }
    }
    out.push_str(&template[at..]);
    Ok(out)
}

/// `'sha256-…'` of an inline script or style, as CSP wants it.
pub fn csp_hash(content: &str) -> String {
    format!(
        "'sha256-{}'",
        B64.encode(Sha256::digest(content.as_bytes()))
    )
}

/// The prerendered first view in place of the app's root (`APP_ROOT`),
/// written as `wenji_core::single_file` marks it.
pub fn insert_prerendered(html: &str, markup: &str) -> anyhow::Result<String> {
    let root = prerendered_root(markup);
    edit_one(html, APP_ROOT, "the app's root", |el| {
        el.replace(&root, ContentType::Html);
        Ok(())
    })
}

/// The contents of every inline script (one without `src`) that runs: a
/// data block (`type="text/plain"`) is not one and needs no hash.
pub fn inline_scripts(html: &str) -> anyhow::Result<Vec<String>> {
    inline_contents(html, "script", |el| {
        !el.has_attribute("src") && el.get_attribute("type").as_deref() != Some("text/plain")
    })
}

/// The contents of every `<style>`.
pub fn inline_styles(html: &str) -> anyhow::Result<Vec<String>> {
    inline_contents(html, "style", |_| true)
}

/// The text of every element `tag` that `counts`, in the page's order.
fn inline_contents(
    html: &str,
    tag: &str,
    counts: impl Fn(&Element<'_, '_>) -> bool,
) -> anyhow::Result<Vec<String>> {
    // The text handler runs for the element the element handler saw last
    // (scripts and styles do not nest): `None` when it does not count.
    let found: RefCell<Vec<Option<String>>> = RefCell::new(Vec::new());
    rewrite(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!(tag, |el| {
                found.borrow_mut().push(counts(el).then(String::new));
                Ok(())
            }))
            .append_element_content_handler(text!(tag, |chunk| {
                if let Some(Some(text)) = found.borrow_mut().last_mut() {
                    text.push_str(chunk.as_str());
                }
                Ok(())
            })),
    )?;
    Ok(found.into_inner().into_iter().flatten().collect())
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

/// The single file carries the data files inline, at the end of the body,
/// each in a `<script type="text/plain" data-wenji-file="…">` (never run;
/// the data format escapes `<`, so no file can close the element early).
pub fn inline_data(html: &str, files: &[(&str, &str)]) -> anyhow::Result<String> {
    let mut blocks = String::new();
    for (name, text) in files {
        if text.contains('<') {
            anyhow::bail!("{name} contains `<`: it cannot go inline");
        }
        blocks.push_str(&data_block("file", name, text));
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

/// `tag` right after the head's `<meta charset>`, where the browser reads
/// it first.
fn add_after_charset(html: &str, tag: &str) -> anyhow::Result<String> {
    edit_one(html, "meta[charset]", "a charset", |el| {
        el.after(&format!("\n    {tag}"), ContentType::Html);
        Ok(())
    })
}

/// Add a CSP `<meta>` right after `<meta charset>`: scripts from the page's
/// origin, its inline scripts by hash, wasm compilation, nothing foreign.
pub fn add_csp(html: &str, policy: &str) -> anyhow::Result<String> {
    add_after_charset(
        html,
        &format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}" />"#),
    )
}

/// The hashes of the page's inline scripts and of its styles, as the
/// policy lists them.
fn inline_hashes(html: &str) -> anyhow::Result<(String, String)> {
    let hashes = |texts: Vec<String>| {
        texts
            .iter()
            .map(|t| csp_hash(t))
            .collect::<Vec<_>>()
            .join(" ")
    };
    Ok((hashes(inline_scripts(html)?), hashes(inline_styles(html)?)))
}

/// The policy of the served site (`dist/`).
pub fn site_policy(html: &str) -> anyhow::Result<String> {
    let (scripts, styles) = inline_hashes(html)?;
    Ok(format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; style-src 'self' {styles}; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
    ))
}

/// The policy of the single file: nothing but what it carries inline.
pub fn single_file_policy(html: &str) -> anyhow::Result<String> {
    let (scripts, styles) = inline_hashes(html)?;
    Ok(format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' {scripts}; style-src {styles}; img-src data:; \
         worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'"
    ))
}

/// A page whose style sheets went inside it.
pub struct InlinedStyles {
    pub html: String,
    /// The files it replaces.
    pub replaced: Vec<String>,
}

const STYLESHEET: &str = r#"link[rel="stylesheet"]"#;

/// The style sheets, written split by role (`style/*.css`), go inside the
/// page as one `<style>`, in the order the page links them: nothing to
/// fetch before the first paint (the page's policy allows it by hash).
pub fn inline_stylesheets(html: &str, files: &dyn Files) -> anyhow::Result<InlinedStyles> {
    let hrefs = RefCell::new(Vec::new());
    rewrite(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!(STYLESHEET, |el| {
            let href = el
                .get_attribute("href")
                .context("a stylesheet link without href")?;
            hrefs.borrow_mut().push(href);
            Ok(())
        })),
    )?;
    let replaced = hrefs.into_inner();
    let mut css = String::new();
    for href in &replaced {
        let text = files.read_text(href)?;
        if text.contains("</style") {
            anyhow::bail!("{href} contains `</style`: it cannot go inline");
        }
        if !css.is_empty() {
            css.push('\n');
        }
        css.push_str(&crate::css::compact(&text));
    }
    // The first link becomes the one style element, the others go.
    let mut style = Some(format!("<style>{css}</style>"));
    let html = rewrite(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!(STYLESHEET, |el| {
            match style.take() {
                Some(style) => el.replace(&style, ContentType::Html),
                None => el.remove(),
            }
            Ok(())
        })),
    )?;
    Ok(InlinedStyles { html, replaced })
}

/// Files the single file needs, read by the caller from the staging dir.
pub trait Files {
    fn read(&self, relative: &str) -> anyhow::Result<Vec<u8>>;

    /// The file as text (UTF-8), its name in the error.
    fn read_text(&self, relative: &str) -> anyhow::Result<String> {
        String::from_utf8(self.read(relative)?).with_context(|| relative.to_string())
    }
}

/// A classic script from a file (not a module, not a data block).
const CLASSIC_SCRIPT: &str = "script[src]:not([type])";

/// Classic scripts (the preferences applied before the first paint, the
/// folds restored before the app starts) go inline: a blocking request
/// less before the first paint. Returns the page and the files inlined.
pub fn inline_classic_scripts(
    html: &str,
    files: &dyn Files,
) -> anyhow::Result<(String, Vec<String>)> {
    let inlined = RefCell::new(Vec::new());
    let html = rewrite(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!(CLASSIC_SCRIPT, |el| {
            let src = el.get_attribute("src").unwrap_or_default();
            let js = files.read_text(&src)?;
            let js = crate::js::compact_lines(&crate::early::fill(&src, &js)?);
            if js.contains("</script") {
                return Err(
                    anyhow::anyhow!("{src} contains `</script`: it cannot go inline").into(),
                );
            }
            el.replace(&format!("<script>{js}</script>"), ContentType::Html);
            inlined.borrow_mut().push(src);
            Ok(())
        })),
    )?;
    Ok((html, inlined.into_inner()))
}

/// The page with everything inlined: CSS as `<style>`, the favicon as a
/// data URL, the JavaScript glue and the wasm (base64) in the app's module
/// script, with the split's loader when there is one
/// (`split::inline_module`; the parts' blocks are the caller's).
pub fn single_file(
    html: &str,
    files: &dyn Files,
    entry: &Entry,
    split_loader: Option<&str>,
) -> anyhow::Result<String> {
    // The style as the page carries it (already inline when the page went
    // through `inline_stylesheets`).
    let html = inline_stylesheets(html, files)?.html;
    let (glue_path, wasm_path) = (format!("./{}", entry.glue()), format!("./{}", entry.wasm()));
    let glue = files.read_text(&glue_path)?;
    let glue = match split_loader {
        Some(loader) => {
            crate::split::inline_module(&glue, &entry.glue(), &files.read_text(loader)?, loader)?
        }
        None => glue,
    };
    let tokens = js_tokens::tokens(&glue_path, &glue)?;
    if let Some(import) = js_tokens::imports(&tokens).first() {
        anyhow::bail!(
            "{glue_path} imports other modules ({}): they would need inlining too",
            import.from
        );
    }
    let init = [Pat::Is("async"), Pat::Is("function"), Pat::Is("__wbg_init")];
    if js_tokens::find(&tokens, &init).len() != 1 {
        anyhow::bail!("{glue_path} has no `__wbg_init`: wasm-bindgen changed its glue");
    }
    let wasm = B64.encode(files.read(&wasm_path)?);
    let app = format!(
        "{BYTES_READER}{glue}\nconst wenjiWasm = wenjiBytes(\"{wasm}\");\n\
         await __wbg_init({{ module_or_path: wenjiWasm }});\n"
    );
    let html = edit_one(&html, APP_LOADER, "the app's loader", |el| {
        el.set_inner_content(&app, ContentType::Html);
        Ok(())
    })?;
    rewrite(
        &html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("link[rel]", |el| {
                let rel = el.get_attribute("rel").unwrap_or_default();
                match rel.as_str() {
                    "icon" => {
                        let kind = el
                            .get_attribute("type")
                            .unwrap_or_else(|| "image/svg+xml".into());
                        let href = el.get_attribute("href").unwrap_or_default();
                        let icon = format!(
                            r#"<link rel="icon" type="{kind}" href="data:{kind};base64,{}"/>"#,
                            B64.encode(files.read(&href)?)
                        );
                        el.replace(&icon, ContentType::Html);
                    }
                    // Preloads of the script and the wasm: both are inline
                    // now. Installing and offline use belong to the site.
                    "modulepreload" | "preload" | "manifest" | "apple-touch-icon" => el.remove(),
                    _ => {}
                }
                Ok(())
            }))
            // Module scripts loaded from files (the service worker's
            // registration) belong to the served site.
            .append_element_content_handler(element!(r#"script[type="module"][src]"#, |el| {
                el.remove();
                Ok(())
            })),
    )
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
/// (`data-wenji-worker`, read by the app's `importer`), at the end of the
/// body: a file opened from the single file is read with nothing else at
/// hand.
pub fn inline_worker(html: &str, files: &dyn Files) -> anyhow::Result<String> {
    let block = |kind: &str, bytes: &[u8]| data_block("worker", kind, &B64.encode(bytes));
    let blocks =
        block("glue", &files.read(WORKER_GLUE)?) + &block("wasm", &files.read(WORKER_WASM)?);
    before_body_end(html, &blocks)
}

/// `html` with `blocks` at the end of its body.
pub fn before_body_end(html: &str, blocks: &str) -> anyhow::Result<String> {
    edit_one(html, "body", "a body", |el| {
        el.append(blocks, ContentType::Html);
        Ok(())
    })
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
        assert!(inline_styles(&page).unwrap().is_empty());
        let err = without_comments("<head><!-- never closed")
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not end"), "{err}");
    }

    /// A page as `add_app` leaves the template: the loader in place.
    const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <script src="./early.js"></script>
    <link rel="icon" href="./favicon-1.svg" type="image/svg+xml"/>
    <link href="./main-1.css" rel="stylesheet"/>
<script type="module" data-wenji-app>
import init from './app-1.js';
const wasm = await init({ module_or_path: wenjiFetch('./app-1_bg.wasm') });
</script>
  <link rel="modulepreload" href="./app-1.js" crossorigin="anonymous">
  <link rel="manifest" href="./manifest.webmanifest" />
  <script type="module" src="./sw-register.js"></script>
  </head>
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
        let html = insert_prerendered(TEMPLATE, "<h1>T</h1>").unwrap();
        assert!(html.contains(r#"<div id="app" data-wenji-prerendered="10"><h1>T</h1></div>"#));
        assert!(insert_prerendered("<body></body>", "x").is_err());
    }

    #[test]
    fn the_policy_allows_the_inline_loader_by_its_hash() {
        let scripts = inline_scripts(TEMPLATE).unwrap();
        // The loader; `early.js` is still loaded from its file.
        assert_eq!(scripts.len(), 1);
        assert!(scripts[0].starts_with("\nimport init from './app-1.js';"));
        let policy = site_policy(TEMPLATE).unwrap();
        assert!(policy.contains(&csp_hash(&scripts[0])));
        assert!(policy.contains("'wasm-unsafe-eval'") && !policy.contains("unsafe-inline"));
        let html = add_csp(TEMPLATE, &policy).unwrap();
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
        assert!(single_file_policy(&html)
            .unwrap()
            .contains("worker-src blob:"));
    }

    #[test]
    fn the_single_file_needs_no_other_file() {
        let (html, inlined) = inline_classic_scripts(TEMPLATE, &files()).unwrap();
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
        let policy = single_file_policy(&html).unwrap();
        assert!(policy.starts_with("default-src 'none'"));
        assert_eq!(inline_styles(&html).unwrap().len(), 1);
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
        assert_eq!(
            inline_styles(&html).unwrap(),
            [":root{--x:1}\nbody{color:red}"]
        );
        assert_eq!(replaced, ["./a-1.css", "./b-2.css"]);
        assert_eq!(html.matches("<link").count(), 1, "{html}");
        assert!(html.contains(r#"<link rel="icon" href="./i.svg"/>"#));
        let policy = site_policy(&html).unwrap();
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
        let (html, _) = inline_classic_scripts(TEMPLATE, &files()).unwrap();
        assert!(!html.contains("early.js"));
        let scripts = inline_scripts(&html).unwrap();
        assert_eq!(scripts.len(), 2);
        assert!(site_policy(&html)
            .unwrap()
            .contains(&csp_hash("document.documentElement.dataset.x = 1;")));
        let mut f = files();
        f.0.insert("./early.js", b"x = '</script>';".to_vec());
        assert!(inline_classic_scripts(TEMPLATE, &f)
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
        // The real template: its comments out, the loader in its mark.
        let template = without_comments(include_str!("../../../index.html")).unwrap();
        assert!(!template.contains("<!--"));
        let html = add_app(&template, &entry(), b"glue").unwrap();
        assert!(!html.contains("data-wenji-app"), "the mark is taken off");
        assert!(html.contains("<script type=\"module\">\nimport init from './app-1.js';"));
        assert!(html.contains("await init({ module_or_path: wenjiFetch('./app-1_bg.wasm') })"));
        let html =
            add_early_fetches(&html, &["app-1_bg.wasm".into(), "index-1.txt".into()]).unwrap();
        let scripts = inline_scripts(&html).unwrap();
        let early = &scripts[0];
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
        assert!(site_policy(&html).unwrap().contains(&csp_hash(early)));
        assert!(!html.contains(r#"as="fetch""#), "no fetch preloads");
    }

    #[test]
    fn the_data_is_named_and_inlined_in_the_single_file() {
        let html = add_data(TEMPLATE, "index-1.txt").unwrap();
        assert!(html.contains(r#"<meta name="wenji-data" content="index-1.txt" />"#));
        let single = single_file(&html, &files(), &entry(), None).unwrap();
        assert!(!single.contains("./index-1.txt"));
        let single = inline_data(&single, &[("index-1.txt", "wenji-index 1")]).unwrap();
        assert!(single.contains(
            r#"<script type="text/plain" data-wenji-file="index-1.txt">wenji-index 1</script></body>"#
        ));
        // Data blocks are not scripts: the policy does not list them.
        assert_eq!(inline_scripts(&single).unwrap().len(), 1);
        assert!(inline_data(&single, &[("x", "</script>")]).is_err());
    }

    #[test]
    fn glue_that_imports_is_refused() {
        let mut f = files();
        f.0.insert(
            "./app-1.js",
            b"import x from './snippets/a.js';\nasync function __wbg_init(m) {}".to_vec(),
        );
        assert!(single_file(TEMPLATE, &f, &entry(), None)
            .unwrap_err()
            .to_string()
            .contains("imports other modules"));
    }

    #[test]
    fn the_tokenizer_finds_elements_where_text_search_would_be_misled() {
        // A comment and a script's text that look like the root do not
        // count; the real one is found.
        let page = r#"<head><meta charset=utf-8></head><body><!-- <div id="app"></div> -->
<script>const s = '<div id="app"></div><style>p{}</style>';</script><div id="app"></div></body>"#;
        let html = insert_prerendered(page, "<p>x</p>").unwrap();
        assert!(html.contains(r#"<div id="app" data-wenji-prerendered="8"><p>x</p></div></body>"#));
        assert!(html.contains(r#"<!-- <div id="app"></div> -->"#));
        assert!(inline_styles(page).unwrap().is_empty());
        assert_eq!(
            inline_scripts(page).unwrap(),
            [r#"const s = '<div id="app"></div><style>p{}</style>';"#]
        );
        // An unquoted charset is still the charset.
        assert!(add_build_id(page, "b1").unwrap().starts_with(
            r#"<head><meta charset=utf-8>
    <meta name="wenji-build" content="b1" />"#
        ));
        // Attributes in any order and quoting.
        struct One;
        impl Files for One {
            fn read(&self, p: &str) -> anyhow::Result<Vec<u8>> {
                assert_eq!(p, "./b.css");
                Ok(b"b{}".to_vec())
            }
        }
        let sheets =
            inline_stylesheets("<head><link href='./b.css' rel=stylesheet></head>", &One).unwrap();
        assert_eq!(sheets.html, "<head><style>b{}</style></head>");
        // A mark found twice, or never, is named.
        let err = add_app(
            "<script type=module data-wenji-app></script><script data-wenji-app></script>",
            &entry(),
            b"",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("script[data-wenji-app]") && err.contains("2 times"),
            "{err}"
        );
        assert!(before_body_end("<p>no body</p>", "x").is_err());
    }
}
