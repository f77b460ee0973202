//! The service worker of a build: it precaches every file of that build,
//! listed here with content hashes, in a cache named after the build, so a
//! new build replaces the old cache as one whole and never mixes files.
//! Files a first view does not need (the document reader, fetched when a
//! reader first opens a file) are listed apart: cached when first fetched,
//! or when the page asks once it has settled (`sw-register.js`), checked
//! against their hash like the others, so that the first view stays small
//! and a reader who was online once can still open a file offline.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::js::json_string;

/// A file of the build and the hash of its content.
pub struct Entry {
    pub path: String,
    pub sha256: String,
}

pub fn entry(path: &str, content: &[u8]) -> Entry {
    Entry {
        path: path.to_owned(),
        sha256: B64.encode(Sha256::digest(content)),
    }
}

/// Id of a build: a hash over its files' names and hashes.
pub fn build_id(entries: &[Entry]) -> String {
    let mut h = Sha256::new();
    for e in entries {
        h.update(e.path.as_bytes());
        h.update([0]);
        h.update(e.sha256.as_bytes());
        h.update([0]);
    }
    B64.encode(h.finalize())[..16].to_owned()
}

/// The service worker, a script of its own (`assets/sw.js`): the build
/// fills in `__BUILD__`, `__FILES__` and `__LATER__`.
const TEMPLATE: &str = include_str!("../assets/sw.js");

/// The service worker's source for `entries` (paths relative to it), of
/// which those named in `later` are cached when first fetched.
pub fn script(entries: &[Entry], later: &[&str]) -> String {
    let list = |first_use: bool| {
        let files: Vec<String> = entries
            .iter()
            .filter(|e| later.contains(&e.path.as_str()) == first_use)
            .map(|e| {
                let path = json_string(&format!("./{}", e.path));
                format!("[{path}, {}]", json_string(&e.sha256))
            })
            .collect();
        format!("[\n  {},\n]", files.join(",\n  "))
    };
    TEMPLATE
        .replace("__BUILD__", &build_id(entries))
        .replace("__FILES__", &list(false))
        .replace("__LATER__", &list(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_listed_with_its_hash() {
        let entries = vec![
            entry("index.html", b"<html>"),
            entry("app_bg.wasm", b"\0asm"),
        ];
        let sw = script(&entries, &["app_bg.wasm"]);
        assert!(sw.contains(r#"["./index.html", "#));
        let later = sw.split("const LATER").nth(1).unwrap();
        assert!(later.starts_with(" = [\n  [\"./app_bg.wasm\", "), "{later}");
        assert!(!sw
            .split("const LATER")
            .next()
            .unwrap()
            .contains("app_bg.wasm"));
        assert!(sw.contains(&entries[1].sha256));
        assert!(sw.contains(&format!("const BUILD = \"{}\"", build_id(&entries))));
    }

    #[test]
    fn every_placeholder_of_the_script_is_filled_once() {
        for placeholder in ["__BUILD__", "__FILES__", "__LATER__"] {
            assert_eq!(TEMPLATE.matches(placeholder).count(), 1, "{placeholder}");
        }
        let sw = script(&[entry("index.html", b"<html>")], &[]);
        assert!(!sw.contains("__"), "{sw}");
    }

    #[test]
    fn a_changed_file_makes_a_new_build() {
        let a = build_id(&[entry("index.html", b"one")]);
        let b = build_id(&[entry("index.html", b"two")]);
        assert_ne!(a, b);
        assert_eq!(a, build_id(&[entry("index.html", b"one")]));
    }
}
