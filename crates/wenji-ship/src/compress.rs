//! Precompressed copies beside each text and wasm file of the site
//! (`x.wasm.gz`, `x.wasm.br`), for hosts that serve them as they are
//! (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, README
//! command 1's server): the first visit is as small as over a compressing
//! server, and no server compresses on each request.

use std::io::Write;
use std::path::Path;

/// Extensions of the files worth compressing.
const TEXT_AND_WASM: [&str; 8] = [
    "html",
    "js",
    "css",
    "wasm",
    "txt",
    "svg",
    "json",
    "webmanifest",
];

/// The single file: a download kept whole, not part of a visit (and, with
/// a large collection inside, long to compress).
const SINGLE_FILE: &str = "wenji.html";

/// Is file `name` one to compress?
pub fn worth_compressing(name: &str) -> bool {
    name != SINGLE_FILE
        && name
            .rsplit_once('.')
            .is_some_and(|(_, ext)| TEXT_AND_WASM.contains(&ext))
}

/// Brotli's best quality for the code and the page, which every first visit
/// fetches; a faster one for the collection's data, a few hundred KB a
/// chunk and megabytes in all, which would otherwise slow the build most.
fn quality(name: &str) -> u32 {
    if name.ends_with(".txt") {
        9
    } else {
        11
    }
}

/// How hard a build works at its copies.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Effort {
    /// A release: gzip and brotli, each at its best for the file.
    Best,
    /// A debug build: gzip at its fastest, and no brotli. Its wasm is
    /// megabytes and new at each change (brotli took 50 s of it); served
    /// whole instead, Chromium's in-memory cache of a private window now
    /// and then failed to keep it and aborted the load
    /// (`ERR_CACHE_WRITE_FAILURE`, DEVELOPERS.md).
    Quick,
}

/// gzip at its best level.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    gzip_at(data, flate2::Compression::best())
}

fn gzip_at(data: &[u8], level: flate2::Compression) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), level);
    // Writing to a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// Brotli at `quality` (0–11).
pub fn brotli(data: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 64 * 1024, quality, 22);
        let _ = w.write_all(data);
    }
    out
}

/// The `.gz` and `.br` copies of file `name` (`data`), each only when it is
/// smaller than the file.
pub fn copies(name: &str, data: &[u8]) -> Vec<(String, Vec<u8>)> {
    copies_kept(name, data, None, Effort::Best)
}

/// The same, the copies of files compressed before taken from folder
/// `kept` (and new ones left there): a build whose wasm did not change
/// (the test command builds the site five times) skips its slowest step.
pub fn copies_kept(
    name: &str,
    data: &[u8],
    kept: Option<&Path>,
    effort: Effort,
) -> Vec<(String, Vec<u8>)> {
    if !worth_compressing(name) {
        return Vec::new();
    }
    let quality = quality(name);
    let (exts, key) = match effort {
        Effort::Best => (&["gz", "br"][..], quality.to_string()),
        Effort::Quick => (&["gz"][..], "quick".to_owned()),
    };
    let key = format!("{}-{key}", crate::data::content_hash(data));
    let make = |ext: &str| -> Vec<u8> {
        let path = kept.map(|k| k.join(format!("{key}.{ext}")));
        if let Some(bytes) = path.as_ref().and_then(|p| std::fs::read(p).ok()) {
            return bytes;
        }
        let bytes = match (ext, effort) {
            ("gz", Effort::Best) => gzip(data),
            ("gz", Effort::Quick) => gzip_at(data, flate2::Compression::fast()),
            _ => brotli(data, quality),
        };
        if let Some(path) = path {
            // A copy not kept is made again next time: nothing lost.
            let _ = std::fs::write(path, &bytes);
        }
        bytes
    };
    exts.iter()
        .map(|&ext| (ext, make(ext)))
        .filter(|(_, c)| c.len() < data.len())
        .map(|(ext, c)| (format!("{name}.{ext}"), c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_quick_copy_is_a_gzip_alone_that_decompresses_to_the_file() {
        let wasm = b"\0asm\x01\0\0\0".repeat(5000);
        let copies = copies_kept("app_bg.wasm", &wasm, None, Effort::Quick);
        assert_eq!(copies.len(), 1);
        let (name, bytes) = &copies[0];
        assert_eq!(name, "app_bg.wasm.gz");
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, wasm);
        assert!(bytes.len() * 10 < wasm.len(), "{}", bytes.len());
    }

    #[test]
    fn both_copies_decompress_to_the_file() {
        let text = "政工工作，是我们党联系群众的生命线。".repeat(200);
        let copies = copies("text-0123.txt", text.as_bytes());
        assert_eq!(copies.len(), 2);
        for (name, bytes) in copies {
            let mut back = Vec::new();
            if name.ends_with(".gz") {
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_end(&mut back)
                    .unwrap();
            } else {
                assert!(name.ends_with("text-0123.txt.br"), "{name}");
                brotli::Decompressor::new(&bytes[..], 4096)
                    .read_to_end(&mut back)
                    .unwrap();
            }
            assert_eq!(back, text.as_bytes(), "{name}");
            assert!(bytes.len() * 10 < text.len(), "{name}: {}", bytes.len());
        }
    }

    #[test]
    fn kept_copies_are_taken_up_again() {
        let kept = std::env::temp_dir().join(format!("wenji-kept-{}", std::process::id()));
        std::fs::create_dir_all(&kept).unwrap();
        let text = "以人为本，锤炼党性。".repeat(100);
        let made = copies_kept("a.txt", text.as_bytes(), Some(&kept), Effort::Best);
        assert_eq!(made, copies("a.txt", text.as_bytes()));
        assert_eq!(std::fs::read_dir(&kept).unwrap().count(), 2);
        // What is kept is what is served: a copy changed there is used.
        for entry in std::fs::read_dir(&kept).unwrap() {
            std::fs::write(entry.unwrap().path(), b"kept").unwrap();
        }
        let again = copies_kept("b.txt", text.as_bytes(), Some(&kept), Effort::Best);
        assert_eq!(again.len(), 2);
        assert!(again.iter().all(|(_, c)| c == b"kept"));
        // Another file is compressed afresh.
        let other = copies_kept(
            "c.txt",
            "别的".repeat(100).as_bytes(),
            Some(&kept),
            Effort::Best,
        );
        assert!(other.iter().all(|(_, c)| c != b"kept"));
        std::fs::remove_dir_all(&kept).unwrap();
    }

    #[test]
    fn only_text_and_wasm_and_only_when_smaller() {
        assert!(copies("icon.png", b"PNG....").is_empty());
        assert!(
            copies("favicon.svg", b"<svg/>").is_empty(),
            "too small to gain"
        );
        assert!(worth_compressing("wenji-abc_bg.wasm") && worth_compressing("index.html"));
        assert!(!worth_compressing("sw.js.gz"));
        assert!(!worth_compressing("wenji.html"), "a download, kept whole");
    }
}
