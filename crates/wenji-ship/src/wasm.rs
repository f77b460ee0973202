//! The app's and the document reader's wasm, from cargo to the files the
//! page loads. Cargo builds them (a release with the standard library
//! rebuilt, and the app marked for the split at its lazy views);
//! wasm-bindgen writes each glue once and wasm-opt shrinks each module
//! once, after the split (`split`), so no pass is done twice or undone.

use anyhow::Context;
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::data::content_hash;
use crate::files::{copy, fresh_dir};
use crate::split::{self, Entry, Parts};

/// The wasm target both binaries are built for.
const TARGET: &str = "wasm32-unknown-unknown";

/// The app's package and binary.
const APP_STEM: &str = "wenji";

/// The document reader's files, named by its binary (`public/worker-start.js`
/// loads them by these names).
pub const WORKER_STEM: &str = "wenji-worker";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Profile {
    /// Quick to build, panics with their message (the panic test's build).
    Debug,
    /// What is served: split, optimised, the standard library rebuilt.
    Release,
}

impl Profile {
    fn dir(self) -> &'static str {
        match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        }
    }
}

/// Cargo's wasm of the app and of the worker.
pub struct Artifacts {
    pub app: PathBuf,
    pub worker: PathBuf,
}

/// Build both binaries with cargo, from the workspace at `root`, in one
/// call: cargo compiles the worker's crates while the app's last crate
/// and its link leave a core free (a cold release's wasm took 117 and
/// 131 s instead of 139 and 147 s in two calls). Features unify across a
/// call, so the app is compiled with the parser of wenji-core and the
/// table builder of wenji-search that the worker uses; the app never
/// calls them and LTO leaves them out (DEVELOPERS.md, "The build:
/// `wenji-ship`"). `worker_linked` is called with the worker's wasm as
/// soon as cargo has linked it: the app's last crate and its LTO link
/// (25 s of a cold release) hold one core, and the worker's files are
/// made on the other meanwhile.
pub fn cargo_build(
    root: &Path,
    profile: Profile,
    mut worker_linked: impl FnMut(&Path),
) -> anyhow::Result<Artifacts> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let env = match profile {
        Profile::Debug => Vec::new(),
        Profile::Release => release_env(&cargo, root)?,
    };
    let mut command = Command::new(&cargo);
    command
        .current_dir(root)
        .args(["build", "--target", TARGET]);
    for bin in [APP_STEM, WORKER_STEM] {
        command.args(["-p", bin, "--bin", bin]);
    }
    // The wasm holds no content: `build.rs` checks `content/` for `cargo
    // check`, and this program checks what it ships. Passed on, another
    // collection would relink the wasm (25 s).
    command
        .env_remove("WENJI_CONTENT_DIR")
        .envs(env.iter().map(|(k, v)| (k, v)));
    if profile == Profile::Release {
        command.arg("--release");
    }
    // Cargo's messages as JSON on stdout (its progress and the compiler's
    // diagnostics still rendered on stderr), to hear of each link.
    command
        .args(["--message-format", "json-render-diagnostics"])
        .stdout(Stdio::piped());
    let mut child = command
        .spawn()
        .with_context(|| format!("{command:?}: cannot run it"))?;
    let messages = child.stdout.take().context("cargo's stdout")?;
    for line in BufReader::new(messages).lines() {
        let line = line.context("cargo's messages")?;
        if let Some(wasm) = linked_binary(&line, WORKER_STEM) {
            worker_linked(&wasm);
        }
    }
    let status = child.wait().context("cargo")?;
    if !status.success() {
        anyhow::bail!("cargo could not build the wasm ({status})");
    }
    let dir = target_dir(root).join(TARGET).join(profile.dir());
    Ok(Artifacts {
        app: dir.join(format!("{APP_STEM}.wasm")),
        worker: dir.join(format!("{WORKER_STEM}.wasm")),
    })
}

/// The fields read of a line of cargo's JSON messages.
#[derive(serde::Deserialize)]
struct CargoMessage {
    reason: String,
    target: Option<CargoTarget>,
    executable: Option<PathBuf>,
}

#[derive(serde::Deserialize)]
struct CargoTarget {
    name: String,
}

/// The file of binary `name` when `line` (of cargo's JSON messages) says
/// cargo has just made it (or found it fresh).
fn linked_binary(line: &str, name: &str) -> Option<PathBuf> {
    let message: CargoMessage = serde_json::from_str(line).ok()?;
    if message.reason != "compiler-artifact" || message.target?.name != name {
        return None;
    }
    message.executable
}

/// Cargo's target folder: `CARGO_TARGET_DIR`, else `target/` in `root`.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// The release's wasm is split at its lazy views (`src/parts.rs`), and its
/// standard library rebuilt for size with panic=immediate-abort
/// (DEVELOPERS.md, "The standard library, rebuilt"): a panic traps at
/// once, with none of the formatting code that would write its message.
/// That needs rustup's rust-src and RUSTC_BOOTSTRAP on the stable
/// toolchain; without rust-src the release keeps the prebuilt library, and
/// says so. Only the wasm's cargo gets these: this program's own (host)
/// build never sees them.
fn release_env(cargo: &OsString, root: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let mut env = vec![("WENJI_SPLIT".to_owned(), "1".to_owned())];
    if !rust_src_installed() {
        eprintln!(
            "warning: rustup's rust-src is missing: the release keeps the prebuilt \
             standard library (a larger wasm)"
        );
        return Ok(env);
    }
    // Target rustflags replace `build.rustflags`: carry those over, so
    // that .cargo/config.toml stays their one source.
    let out = Command::new(cargo)
        .current_dir(root)
        .env("RUSTC_BOOTSTRAP", "1")
        .args([
            "-Zunstable-options",
            "config",
            "get",
            "--format",
            "json-value",
        ])
        .arg("build.rustflags")
        .output()
        .context("cargo config get")?;
    if !out.status.success() {
        anyhow::bail!(
            "cargo config get build.rustflags: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let base = rustflags_of_json(&String::from_utf8_lossy(&out.stdout));
    env.extend([
        ("RUSTC_BOOTSTRAP".to_owned(), "1".to_owned()),
        (
            "CARGO_UNSTABLE_BUILD_STD".to_owned(),
            "std,panic_abort".to_owned(),
        ),
        // The library's own features: its smaller algorithms (sorts, number
        // formatting, counting a string's characters), and none of cargo's
        // defaults, `backtrace` (a symbolizer: object, gimli, addr2line)
        // and `panic-unwind`, which a wasm whose panics trap never uses
        // (DEVELOPERS.md, "The standard library, rebuilt").
        (
            "CARGO_UNSTABLE_BUILD_STD_FEATURES".to_owned(),
            "optimize_for_size".to_owned(),
        ),
        (
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS".to_owned(),
            format!("{base} -Zunstable-options -Cpanic=immediate-abort"),
        ),
    ]);
    Ok(env)
}

/// `["--cfg", "x"]` (cargo's JSON of a list of flags) as `--cfg x`.
fn rustflags_of_json(json: &str) -> String {
    json.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|flag| flag.trim().trim_matches('"'))
        .filter(|flag| !flag.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn rust_src_installed() -> bool {
    let Ok(out) = Command::new("rustc").args(["--print", "sysroot"]).output() else {
        return false;
    };
    let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    sysroot.join("lib/rustlib/src/rust/library").is_dir()
}

/// The app's files in `staging`: its glue and wasm (named after the wasm's
/// content, so that no cache mixes two builds), and in a release the parts
/// split off and their loader. `work` is a folder of the build's own.
pub fn app(
    artifact: &Path,
    profile: Profile,
    staging: &Path,
    work: &Path,
) -> anyhow::Result<(Entry, Option<Parts>)> {
    let wasm = std::fs::read(artifact).with_context(|| artifact.display().to_string())?;
    let entry = Entry {
        stem: format!("wenji-{}", content_hash(&wasm)),
    };
    let parts = kept_or_made(work, profile, &entry.stem, staging, |out| {
        if profile == Profile::Release && split::has_split_points(&wasm) {
            let parts = split::split_release(&wasm, out, &work.join("scratch"), &entry)?;
            return Ok(Some(parts));
        }
        let scratch = work.join("scratch");
        fresh_dir(&scratch)?;
        bindgen(artifact, &scratch, &entry.stem, Glue::Module, false)?;
        copy(&scratch.join(entry.glue()), &out.join(entry.glue()))?;
        finish(
            &scratch.join(entry.wasm()),
            &out.join(entry.wasm()),
            profile,
        )?;
        Ok(None)
    })?;
    Ok((entry, parts))
}

/// The document reader's glue (a classic script for `importScripts`) and
/// wasm in `staging`.
pub fn worker(
    artifact: &Path,
    profile: Profile,
    staging: &Path,
    work: &Path,
) -> anyhow::Result<()> {
    let wasm = std::fs::read(artifact).with_context(|| artifact.display().to_string())?;
    let key = content_hash(&wasm);
    kept_or_made(work, profile, &key, staging, |out| {
        let scratch = work.join("scratch");
        fresh_dir(&scratch)?;
        bindgen(artifact, &scratch, WORKER_STEM, Glue::Classic, false)?;
        let glue = format!("{WORKER_STEM}.js");
        let wasm = format!("{WORKER_STEM}_bg.wasm");
        copy(&scratch.join(&glue), &out.join(glue))?;
        finish(&scratch.join(&wasm), &out.join(wasm), profile)?;
        Ok(None)
    })
    .map(|_| ())
}

/// What a folder of made files records of the split (`Parts::record`); it
/// is written last, so a folder without it is one a build left unfinished.
const MADE: &str = "made.txt";

/// The files `make` writes into a folder of its own, copied into `staging`;
/// made once per wasm (`key`) and profile, and taken again by the next build
/// of the same wasm (the test command builds the site five times; wasm-opt
/// is most of each build). Only the latest folder of a profile is kept.
fn kept_or_made(
    work: &Path,
    profile: Profile,
    key: &str,
    staging: &Path,
    make: impl FnOnce(&Path) -> anyhow::Result<Option<Parts>>,
) -> anyhow::Result<Option<Parts>> {
    let name = format!("{}-{key}", profile.dir());
    let out = work.join(&name);
    let parts = match std::fs::read_to_string(out.join(MADE)) {
        Ok(record) => Parts::read(&record)?,
        Err(_) => {
            std::fs::create_dir_all(work).with_context(|| work.display().to_string())?;
            for old in std::fs::read_dir(work).with_context(|| work.display().to_string())? {
                let old = old?;
                let old_name = old.file_name().to_string_lossy().into_owned();
                if old_name.starts_with(&format!("{}-", profile.dir())) {
                    let _ = std::fs::remove_dir_all(old.path());
                }
            }
            fresh_dir(&out)?;
            let parts = make(&out)?;
            let record = parts.as_ref().map(Parts::record).unwrap_or_default();
            std::fs::write(out.join(MADE), record).with_context(|| format!("{name}/{MADE}"))?;
            parts
        }
    };
    for file in std::fs::read_dir(&out).with_context(|| out.display().to_string())? {
        let file = file?;
        if file.file_name() != MADE {
            copy(&file.path(), &staging.join(file.file_name()))?;
        }
    }
    Ok(parts)
}

/// The kind of glue wasm-bindgen writes.
#[derive(Clone, Copy)]
pub enum Glue {
    /// An ES module (`--target=web`): the page's.
    Module,
    /// A classic script for `importScripts` (`--target=no-modules`): the
    /// worker's.
    Classic,
}

/// wasm-bindgen's glue and wasm for `input` in `out_dir`, as `out_name`;
/// `for_split` keeps the linker's exports (the parts link to them) under
/// their own names. The library is the CLI's own, at the version of the
/// `wasm-bindgen` crate compiled into the wasm (Cargo.lock holds both in
/// step): nothing to install, and the two cannot drift.
pub fn bindgen(
    input: &Path,
    out_dir: &Path,
    out_name: &str,
    glue: Glue,
    for_split: bool,
) -> anyhow::Result<()> {
    let mut b = wasm_bindgen_cli_support::Bindgen::new();
    match glue {
        Glue::Module => b.web(true),
        Glue::Classic => b.no_modules(true),
    }
    .context("wasm-bindgen")?;
    b.input_path(input)
        .out_name(out_name)
        .typescript(false)
        .keep_lld_exports(for_split)
        .demangle(!for_split)
        .generate(out_dir)
        .with_context(|| format!("wasm-bindgen {}", input.display()))
}

/// A module as it ships: optimised in a release, as it is in debug.
fn finish(from: &Path, to: &Path, profile: Profile) -> anyhow::Result<()> {
    match profile {
        Profile::Release => optimize(from, to),
        Profile::Debug => copy(from, to),
    }
}

/// A module for wasm-opt: as cargo, the split or bindgen wrote it, and
/// where its optimised copy goes.
pub struct ToOptimize {
    pub from: PathBuf,
    pub to: PathBuf,
}

/// wasm-opt's one pass over each module, on every core, the largest first
/// (it takes the longest: the main module 5.6 s of the 12 s).
pub fn optimize_all(modules: &[ToOptimize]) -> anyhow::Result<()> {
    let modules = crate::cores::largest_first(modules, |m| &m.from);
    crate::cores::each(&modules, |m| optimize(&m.from, &m.to))
}

/// wasm-opt's one pass over a module.
fn optimize(from: &Path, to: &Path) -> anyhow::Result<()> {
    // binaryen from npm (`package.json`): Debian's wasm-opt 108 writes
    // wasm that Chromium rejects.
    let npm = Path::new(crate::ROOT).join("node_modules/.bin/wasm-opt");
    let program = if npm.exists() { npm } else { "wasm-opt".into() };
    run(Command::new(program)
        .arg(format!("--output={}", to.display()))
        .arg("-Oz")
        // Rust's wasm never reaches memory below 1 KiB by a wrapped
        // address (it holds the stack's far end), so constant offsets fold
        // into loads and stores: the main module 1.3 KB smaller (gzip).
        .arg("--low-memory-unused")
        .arg(from))
}

pub fn run(command: &mut Command) -> anyhow::Result<()> {
    let line = format!("{command:?}");
    let out = command
        .output()
        .with_context(|| format!("{line}: cannot run it"))?;
    if !out.status.success() {
        anyhow::bail!("{line} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_is_written_by_the_wasm_bindgen_of_the_wasm() {
        let lock = include_str!("../../../Cargo.lock");
        let version = |name: &str| {
            lock.split("[[package]]\n")
                .find(|p| p.starts_with(&format!("name = \"{name}\"\n")))
                .and_then(|p| p.lines().nth(1))
                .map(str::to_owned)
        };
        let crate_version = version("wasm-bindgen");
        assert!(crate_version.is_some(), "no wasm-bindgen in Cargo.lock");
        assert_eq!(crate_version, version("wasm-bindgen-cli-support"));
    }

    #[test]
    fn the_workers_link_is_heard_from_cargos_messages() {
        // Lines as cargo 1.95 writes them (shortened to the fields read and
        // a few beside them).
        let bin = r#"{"reason":"compiler-artifact","package_id":"path+file:///w/crates/wenji-worker#0.1.0","target":{"kind":["bin"],"crate_types":["bin"],"name":"wenji-worker","src_path":"/w/crates/wenji-worker/src/main.rs"},"filenames":["/w/target/wasm32-unknown-unknown/release/wenji-worker.wasm"],"executable":"/w/target/wasm32-unknown-unknown/release/wenji-worker.wasm","fresh":false}"#;
        assert_eq!(
            linked_binary(bin, "wenji-worker"),
            Some(PathBuf::from(
                "/w/target/wasm32-unknown-unknown/release/wenji-worker.wasm"
            ))
        );
        assert_eq!(linked_binary(bin, "wenji"), None, "another binary");
        // Its library (same name, no executable), a build script's run,
        // the closing line, and what is not JSON at all.
        let lib = r#"{"reason":"compiler-artifact","target":{"kind":["lib"],"name":"wenji-worker"},"filenames":["/w/libwenji_worker.rlib"],"executable":null,"fresh":true}"#;
        let script = r#"{"reason":"build-script-executed","package_id":"x","out_dir":"/w/out"}"#;
        let done = r#"{"reason":"build-finished","success":true}"#;
        for line in [lib, script, done, "", "warning: not json", "{"] {
            assert_eq!(linked_binary(line, "wenji-worker"), None, "{line}");
        }
    }

    #[test]
    fn cargos_list_of_flags_becomes_a_line_of_them() {
        assert_eq!(
            rustflags_of_json("[\"--cfg\",\"erase_components\"]\n"),
            "--cfg erase_components"
        );
        assert_eq!(rustflags_of_json("[]"), "");
    }
}
