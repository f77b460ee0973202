//! Run by Trunk after each build, in its staging folder:
//! 0. in a release, splits the wasm at its lazy views (`split`), remaking
//!    Trunk's glue and wasm;
//! 1. puts the prerendered first view into `index.html`, inlines the
//!    classic scripts of its head and the style sheets (merged, in order);
//! 2. writes `wenji.html`, the whole app in one file;
//! 3. adds a Content Security Policy to both;
//! 4. writes the collection's data files (index and text chunks), named in
//!    the page and inlined in the single file (and, for a small collection,
//!    in the page itself);
//! 5. writes `sw.js`, the service worker that precaches this build;
//! 6. writes a `.gz` and a `.br` copy beside each text and wasm file.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

use wenji_core::route::Route;
use wenji_ship::compress;
use wenji_ship::data::data_files;
use wenji_ship::page::{self, Files};
use wenji_ship::service_worker;
use wenji_ship::split;

/// The part of the wasm holding the list (`in list` in `src/components/essay_list.rs`).
const LIST_PART: &str = "list";

/// Data files up to this size in all go inside `index.html`.
const INLINE_DATA_BYTES: usize = 32 * 1024;

struct Dir(PathBuf);

impl Files for Dir {
    fn read(&self, relative: &str) -> Result<Vec<u8>, String> {
        let path = self.0.join(relative.trim_start_matches("./"));
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    }
}

fn run() -> Result<(), String> {
    let staging = PathBuf::from(
        std::env::var("TRUNK_STAGING_DIR")
            .map_err(|_| "TRUNK_STAGING_DIR is not set: run me from trunk")?,
    );
    let content =
        PathBuf::from(std::env::var("WENJI_CONTENT_DIR").unwrap_or_else(|_| "content".into()));
    let loaded = wenji_import::load_collection_noting(&content).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
    let collection = loaded.collection;

    let data = data_files(&collection);
    let inline: Vec<(&str, &str)> = data
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    // A small collection's data goes inside the page: no request to wait
    // for before the app starts. A larger one is files beside it, the index
    // preloaded (and the text too when it is one chunk).
    let inlined_data = data.iter().map(|f| f.text.len()).sum::<usize>() <= INLINE_DATA_BYTES;
    let mut preload: Vec<&str> = Vec::new();
    if !inlined_data {
        for file in &data {
            write(&staging.join(&file.name), &file.text)?;
        }
        preload.push(&data[0].name);
        if let [_, only] = data.as_slice() {
            preload.push(only.name.as_str());
        }
    }

    let index_path = staging.join("index.html");
    let mut trunk_html = read(&index_path)?;
    let parts = if std::env::var("TRUNK_PROFILE").as_deref() == Ok("release") {
        split_release(&staging, &mut trunk_html)?
    } else {
        None
    };
    // The split's loader is fetched with the glue, and the list's part of
    // the wasm with the page where the list is the first view.
    if let Some(parts) = &parts {
        trunk_html = page::preload_module(&trunk_html, &parts.loader)?;
        if Route::from_query("", &collection) == Route::List {
            let list = parts
                .needs
                .get(LIST_PART)
                .ok_or("the split made no part for the list")?;
            trunk_html = page::preload_parts(&trunk_html, list)?;
        }
    }
    let (index, chunks) = inline.split_first().ok_or("no data files")?;
    let first_view = wenji::prerender::first_view(*index, chunks)?;
    let html = page::insert_prerendered(&trunk_html, &first_view)?;
    let html = if inlined_data {
        page::inline_data(&page::add_data(&html, &data[0].name, &[])?, &inline)?
    } else {
        page::add_data(&html, &data[0].name, &preload)?
    };
    let (html, inlined) = page::inline_classic_scripts(&html, &Dir(staging.clone()))?;
    let styles = page::inline_stylesheets(&html, &Dir(staging.clone()))?;
    let (html, merged) = (styles.html, styles.replaced);
    // Inlined into both pages, the files themselves are not needed.
    for name in inlined.into_iter().chain(merged) {
        let path = staging.join(name.trim_start_matches("./"));
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }

    let loader = parts.as_ref().map(|p| p.loader.as_str());
    let single = page::single_file(&html, &Dir(staging.clone()), loader)?;
    let single = match &parts {
        Some(parts) => page::before_body_end(&single, &split::part_blocks(parts, &staging)?)?,
        None => single,
    };
    let single = if inlined_data {
        single
    } else {
        page::inline_data(&single, &inline)?
    };
    let single = page::inline_worker(&single, &Dir(staging.clone()))?;
    let single = page::add_csp(&single, &page::single_file_policy(&single))?;
    write(&staging.join("wenji.html"), &single)?;

    // Every file of the site but the single file (a download of its own)
    // and the service worker itself; index.html as it will be written.
    let mut entries = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(&staging)
        .map_err(|e| format!("{}: {e}", staging.display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), "index.html" | "wenji.html" | "sw.js"))
        .collect();
    names.sort();
    for name in &names {
        let bytes = std::fs::read(staging.join(name)).map_err(|e| format!("{name}: {e}"))?;
        entries.push(service_worker::entry(name, &bytes));
    }
    // The build id covers the page's own content too.
    entries.push(service_worker::entry("index.html", html.as_bytes()));
    let id = service_worker::build_id(&entries);
    entries.pop();
    let html = page::add_build_id(&html, &id)?;
    let site = page::add_csp(&html, &page::site_policy(&html))?;
    write(&index_path, &site)?;
    entries.push(service_worker::entry("index.html", site.as_bytes()));
    entries.push(service_worker::entry("", site.as_bytes()));
    // The document reader waits until a reader opens a file.
    let later = [page::WORKER_START, page::WORKER_GLUE, page::WORKER_WASM];
    write(
        &staging.join("sw.js"),
        &service_worker::script(&entries, &later),
    )?;

    // Last, so that the copies are of the files as they are served (and
    // the service worker, which fetches through the server, lists none).
    let mut files: Vec<PathBuf> = std::fs::read_dir(&staging)
        .map_err(|e| format!("{}: {e}", staging.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name.filter(|n| compress::worth_compressing(n)) else {
            continue;
        };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (copy, data) in compress::copies(&name, &bytes) {
            let to = staging.join(copy);
            std::fs::write(&to, data).map_err(|e| format!("{}: {e}", to.display()))?;
        }
    }
    Ok(())
}

/// Split the release's wasm at its lazy views, when it has any (`split`),
/// and hash Trunk's remade glue and wasm again in `html`.
fn split_release(staging: &Path, html: &mut String) -> Result<Option<split::Parts>, String> {
    let source = PathBuf::from(std::env::var("TRUNK_SOURCE_DIR").unwrap_or_else(|_| ".".into()));
    let artifact = split::artifact(&source);
    let wasm = std::fs::read(&artifact).map_err(|e| format!("{}: {e}", artifact.display()))?;
    if !split::has_split_points(&wasm) {
        return Ok(None);
    }
    let entry = split::Entry::of(html)?;
    let work = artifact.with_file_name("wenji-split");
    let parts = split::split_release(&wasm, staging, &work, &entry)?;
    for name in [entry.glue(), entry.wasm()] {
        let bytes = std::fs::read(staging.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        *html = split::reintegrate(html, &name, &bytes)?;
    }
    Ok(Some(parts))
}

fn read(p: &Path) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn write(p: &Path, s: &str) -> Result<(), String> {
    std::fs::write(p, s).map_err(|e| format!("{}: {e}", p.display()))
}

fn main() {
    if let Err(e) = run() {
        eprintln!("wenji-ship: {e}");
        std::process::exit(1);
    }
}
