//! The build's file operations, each error naming its path.

use std::path::Path;

use anyhow::Context;

pub fn read_text(p: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(p).with_context(|| p.display().to_string())
}

pub fn write(p: &Path, s: &str) -> anyhow::Result<()> {
    std::fs::write(p, s).with_context(|| p.display().to_string())
}

pub fn copy(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to)
        .map(|_| ())
        .with_context(|| format!("{} → {}", from.display(), to.display()))
}

/// `dir`, empty (made, or emptied of an earlier build's files).
pub fn fresh_dir(dir: &Path) -> anyhow::Result<()> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())
}
