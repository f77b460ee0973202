//! The site's build, end to end: `wenji-ship [--release] [--dist DIR]`
//! (`dist/` unless told) from the workspace's sources.
//! 0. cargo builds the app's and the document reader's wasm; wasm-bindgen
//!    and wasm-opt make their files (`wasm`), the reader's as soon as cargo
//!    has linked it, a release's app split at its lazy views first
//!    (`split`); `public/` is copied beside them;
//! 1. the page is written from its template (`index.html`): the app's
//!    loader and preloads, the prerendered first view, the classic scripts
//!    of its head and the style sheets (merged, in order) inline;
//! 2. writes `wenji.html`, the whole app in one file;
//! 3. adds a Content Security Policy to both;
//! 4. writes the collection's data files (index and text chunks), named in
//!    the page and inlined in the single file (and, for a small collection,
//!    in the page itself);
//! 5. writes `sw.js`, the service worker that precaches this build;
//! 6. writes a `.gz` and a `.br` copy beside each text and wasm file.
//!
//! All of it goes into a staging folder beside the output, which replaces
//! the output only once the build succeeded: a failed build leaves the last
//! good site in place.

#![forbid(unsafe_code)]

use anyhow::Context;
use std::path::{Path, PathBuf};

use wenji_core::route::Route;
use wenji_search::likeness::LIKENESS_FILE;
use wenji_search::likeness_build::likeness_for_essays;
use wenji_ship::data::data_files;
use wenji_ship::files::{copy, fresh_dir, read_text, write};
use wenji_ship::page::{self, Files};
use wenji_ship::service_worker;
use wenji_ship::split;
use wenji_ship::wasm::{self, Profile};
use wenji_ship::ROOT;
use wenji_ship::{compress, cores};

/// The part of the wasm holding the list (`in list` in `src/components/essay_list.rs`).
const LIST_PART: &str = "list";

/// Data files up to this size in all go inside `index.html`.
const INLINE_DATA_BYTES: usize = 32 * 1024;

const USAGE: &str = "usage: wenji-ship [--release] [--dist DIR]";

struct Dir(PathBuf);

impl Files for Dir {
    fn read(&self, relative: &str) -> anyhow::Result<Vec<u8>> {
        let path = self.0.join(relative.trim_start_matches("./"));
        std::fs::read(&path).with_context(|| path.display().to_string())
    }
}

/// What the command line asks for.
struct Options {
    profile: Profile,
    dist: PathBuf,
}

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> anyhow::Result<Options> {
        let mut options = Options {
            profile: Profile::Debug,
            dist: PathBuf::from("dist"),
        };
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--release" => options.profile = Profile::Release,
                "--dist" => options.dist = args.next().context(USAGE)?.into(),
                _ => anyhow::bail!("unknown argument `{arg}`\n{USAGE}"),
            }
        }
        Ok(options)
    }
}

fn run() -> anyhow::Result<()> {
    let options = Options::parse(std::env::args().skip(1))?;
    let started = std::time::Instant::now();
    let step = |what: &str| {
        eprintln!(
            "wenji-ship: {what} ({:.1} s)",
            started.elapsed().as_secs_f64()
        )
    };
    let root = Path::new(ROOT);
    // The content first: a malformed file fails the build at once, named.
    let content =
        PathBuf::from(std::env::var("WENJI_CONTENT_DIR").unwrap_or_else(|_| "content".into()));
    let loaded = wenji_import::load_collection_noting(&content).map_err(|errors| {
        let each: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!(each.join("\n"))
    })?;
    for w in &loaded.warnings {
        eprintln!("warning: {w}");
    }
    let collection = loaded.collection;
    let dist = &options.dist;
    let name = dist
        .file_name()
        .with_context(|| format!("{}: not a folder name", dist.display()))?;
    let staging = dist.with_file_name(format!(".{}.staging", name.to_string_lossy()));
    fresh_dir(&staging)?;
    let work = wasm::target_dir(root).join("wenji-ship");
    let kept = work.join("compressed");
    std::fs::create_dir_all(&kept).with_context(|| kept.display().to_string())?;
    let effort = match options.profile {
        Profile::Release => compress::Effort::Best,
        Profile::Debug => compress::Effort::Quick,
    };
    let worker_files = |wasm: &Path| -> anyhow::Result<()> {
        wasm::worker(wasm, options.profile, &staging, &work.join("worker"))?;
        // Its compressed copies made now, while a core is free, into
        // `kept` alone: the last step writes them beside the files (after
        // the service worker's list is made) and takes them up from there.
        for name in [page::WORKER_GLUE, page::WORKER_WASM] {
            let bytes = std::fs::read(staging.join(name)).with_context(|| name.to_owned())?;
            compress::copies_kept(name, &bytes, Some(&kept), effort);
        }
        Ok(())
    };
    // The worker's files are made as soon as cargo has linked its wasm,
    // beside the app's LTO link and then its split and passes.
    let (app, worker) = std::thread::scope(|s| -> anyhow::Result<_> {
        let mut worker = None;
        let built = wasm::cargo_build(root, options.profile, |wasm| {
            let wasm = wasm.to_owned();
            let worker_files = &worker_files;
            worker = Some(s.spawn(move || worker_files(&wasm)));
        })?;
        step("cargo done");
        let app = wasm::app(&built.app, options.profile, &staging, &work.join("app"));
        let worker = match worker {
            Some(thread) => thread
                .join()
                .map_err(|_| anyhow::anyhow!("the worker's wasm: its thread panicked"))?,
            // Cargo said nothing of the worker: made from where it is.
            None => worker_files(&built.worker),
        };
        Ok((app, worker))
    })?;
    worker?;
    let (entry, parts) = app?;
    copy_folder(&root.join("public"), &staging)?;
    step("wasm done");

    let data = data_files(&collection);
    let inline: Vec<(&str, &str)> = data
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    // A small collection's data goes inside the page: no request to wait
    // for before the app starts. A larger one is files beside it, the index
    // fetched as the page starts (and the text too when it is one chunk).
    let inlined_data = data.iter().map(|f| f.text.len()).sum::<usize>() <= INLINE_DATA_BYTES;
    // What the served page fetches as it starts (`page::add_early_fetches`).
    let mut early = vec![entry.wasm()];
    if !inlined_data {
        for file in &data {
            write(&staging.join(&file.name), &file.text)?;
        }
        early.push(data[0].name.clone());
        if let [_, only] = data.as_slice() {
            early.push(only.name.clone());
        }
    }

    // Read by the page only when a search first finds nothing.
    let likeness = likeness_for_essays(&collection.essays);
    write(&staging.join(LIKENESS_FILE), &likeness)?;

    let index_path = staging.join("index.html");
    let glue = std::fs::read(staging.join(entry.glue())).with_context(|| entry.glue())?;
    let template = page::without_comments(&read_text(&root.join("index.html"))?)?;
    let mut html = page::add_app(&template, &entry, &glue)?;
    // The split's loader is fetched with the glue, and the list's part of
    // the wasm with the page where the list is the first view.
    if let Some(parts) = &parts {
        html = page::preload_module(&html, &parts.loader)?;
        if Route::from_query("", &collection) == Route::List {
            let list = parts
                .needs
                .get(LIST_PART)
                .context("the split made no part for the list")?;
            early.extend(list.iter().cloned());
        }
    }
    let (index, chunks) = inline.split_first().context("no data files")?;
    let first_view = wenji::prerender::first_view(*index, chunks).map_err(anyhow::Error::msg)?;
    let html = page::insert_prerendered(&html, &first_view)?;
    let html = page::add_data(&html, &data[0].name)?;
    let html = if inlined_data {
        page::inline_data(&html, &inline)?
    } else {
        html
    };
    let (html, inlined) = page::inline_classic_scripts(&html, &Dir(staging.clone()))?;
    let html = page::inline_stylesheets(&html, &Dir(root.to_owned()))?.html;
    // Inlined into both pages, the files themselves are not needed.
    for name in inlined {
        let path = staging.join(name.trim_start_matches("./"));
        std::fs::remove_file(&path).with_context(|| path.display().to_string())?;
    }

    let loader = parts.as_ref().map(|p| p.loader.as_str());
    let single = page::single_file(&html, &Dir(staging.clone()), &entry, loader)?;
    let single = match &parts {
        Some(parts) => page::before_body_end(&single, &split::part_blocks(parts, &staging)?)?,
        None => single,
    };
    let single = if inlined_data {
        single
    } else {
        page::inline_data(&single, &inline)?
    };
    let single = page::inline_shared(&single, LIKENESS_FILE, &likeness)?;
    let single = page::inline_worker(&single, &Dir(staging.clone()))?;
    let single = page::add_csp(&single, &page::single_file_policy(&single)?)?;
    write(&staging.join("wenji.html"), &single)?;
    // The served page alone fetches: the single file carries everything.
    let html = page::add_early_fetches(&html, &early)?;

    // Every file of the site but the single file (a download of its own)
    // and the service worker itself; index.html as it will be written.
    let mut entries = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(&staging)
        .with_context(|| staging.display().to_string())?
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), "index.html" | "wenji.html" | "sw.js"))
        .collect();
    names.sort();
    for name in &names {
        let bytes = std::fs::read(staging.join(name)).with_context(|| name.to_string())?;
        entries.push(service_worker::entry(name, &bytes));
    }
    // The build id covers the page's own content too.
    entries.push(service_worker::entry("index.html", html.as_bytes()));
    let id = service_worker::build_id(&entries);
    entries.pop();
    let html = page::add_build_id(&html, &id)?;
    let site = page::add_csp(&html, &page::site_policy(&html)?)?;
    write(&index_path, &site)?;
    entries.push(service_worker::entry("index.html", site.as_bytes()));
    entries.push(service_worker::entry("", site.as_bytes()));
    // The document reader waits until a reader opens a file, the likeness
    // until a search finds nothing.
    let later = [
        page::WORKER_START,
        page::WORKER_GLUE,
        page::WORKER_WASM,
        LIKENESS_FILE,
    ];
    write(
        &staging.join("sw.js"),
        &service_worker::script(&entries, &later),
    )?;

    step("pages done");
    // Last, so that the copies are of the files as they are served (and
    // the service worker, which fetches through the server, lists none).
    let files: Vec<PathBuf> = std::fs::read_dir(&staging)
        .with_context(|| staging.display().to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    compress_all(&files, &staging, &kept, effort)?;
    publish(&staging, dist)?;
    step(&format!("built {}", dist.display()));
    Ok(())
}

/// The `.gz` and `.br` copies of `files` in `staging` (as hard as `effort`
/// says), on every core, the largest file first; those of files
/// compressed before taken from `kept`.
fn compress_all(
    files: &[PathBuf],
    staging: &Path,
    kept: &Path,
    effort: compress::Effort,
) -> anyhow::Result<()> {
    let worth = files.iter().filter(|path| {
        path.file_name()
            .is_some_and(|n| compress::worth_compressing(&n.to_string_lossy()))
    });
    let files = cores::largest_first(worth, |path| path);
    cores::each(&files, |path| {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let bytes = std::fs::read(path).with_context(|| path.display().to_string())?;
        for (copy, data) in compress::copies_kept(&name, &bytes, Some(kept), effort) {
            let to = staging.join(copy);
            std::fs::write(&to, data).with_context(|| to.display().to_string())?;
        }
        Ok(())
    })
}

/// Every file of folder `from` (not its folders) into `to`.
fn copy_folder(from: &Path, to: &Path) -> anyhow::Result<()> {
    let files = std::fs::read_dir(from).with_context(|| from.display().to_string())?;
    for file in files.filter_map(Result::ok) {
        if file.path().is_file() {
            copy(&file.path(), &to.join(file.file_name()))?;
        }
    }
    Ok(())
}

/// Put the staged site where it is served, in place of the last one.
fn publish(staging: &Path, dist: &Path) -> anyhow::Result<()> {
    if dist.exists() {
        std::fs::remove_dir_all(dist).with_context(|| dist.display().to_string())?;
    }
    std::fs::rename(staging, dist)
        .with_context(|| format!("{} → {}", staging.display(), dist.display()))
}

fn main() {
    if let Err(e) = run() {
        // The error and what it happened in, outermost first.
        eprintln!("wenji-ship: {e:#}");
        std::process::exit(1);
    }
}
