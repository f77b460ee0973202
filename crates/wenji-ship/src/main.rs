//! Run by Trunk after each build, in its staging folder:
//! 1. puts the prerendered first view into `index.html`;
//! 2. writes `wenji.html`, the whole app in one file;
//! 3. adds a Content Security Policy to both.

use std::path::{Path, PathBuf};

use wenji_ship::page::{self, Files};
use wenji_ship::prerender::first_view;

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
    let collection = wenji_core::parse::load_collection(&content).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;

    let index_path = staging.join("index.html");
    let trunk_html = read(&index_path)?;
    let html = page::insert_prerendered(&trunk_html, &first_view(&collection))?;

    let single = page::single_file(&html, &Dir(staging.clone()))?;
    let single = page::add_csp(&single, &page::single_file_policy(&single))?;
    write(&staging.join("wenji.html"), &single)?;

    let site = page::add_csp(&html, &page::site_policy(&html))?;
    write(&index_path, &site)?;
    Ok(())
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
