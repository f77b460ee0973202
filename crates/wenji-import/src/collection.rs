//! A content folder read into a collection: this crate reads the files
//! (Markdown through `wenji_core::parse`, Word and text documents here, a
//! document's sidecar beside it), and `wenji_core::parse::assemble` checks
//! what only the whole folder shows and settles the order. The build
//! (`build.rs`, `wenji-ship`) reads `content/` with it.

use std::path::{Path, PathBuf};

use wenji_core::parse::{self, Loaded, LoadedFile, ParseError, SIDECAR};
use wenji_core::{Collection, Document};

use crate::{docx, read_text};

/// The collection in `dir`: its Markdown essays, and the `.txt` and
/// `.docx` documents read here. Errors name the file (and, for Markdown,
/// the line).
pub fn load_collection(dir: &Path) -> Result<Collection, Vec<ParseError>> {
    load_collection_noting(dir).map(|loaded| loaded.collection)
}

/// Like `load_collection`, with what the build let pass (each warning
/// names its file and line, what was read and what to write instead).
/// Files are read in the order of their names.
pub fn load_collection_noting(dir: &Path) -> Result<Loaded, Vec<ParseError>> {
    let folder = dir.display().to_string();
    let error = |file: &str, line, message: String| ParseError {
        file: file.to_owned(),
        line,
        message,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![error(
            &folder,
            0,
            format!("cannot read the content folder: {e}"),
        )]
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();

    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for path in &paths {
        let file = path.display().to_string();
        let ext = path
            .extension()
            .map(|x| x.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if ext == SIDECAR {
            // Read with its document; alone, it is a mistake (a Markdown
            // file says its facts in its front matter).
            let has_document = paths.iter().any(|p| {
                p != path
                    && p.file_stem() == path.file_stem()
                    && p.extension().is_some_and(|x| x != "md")
            });
            if !has_document {
                errors.push(error(
                    &file,
                    0,
                    "a sidecar without a .docx or .txt document of the same name beside it: \
                     rename it after its document, or remove it"
                        .into(),
                ));
            }
            continue;
        }
        // Markdown is `wenji_core`'s to parse; other documents are read here.
        let read = match (ext.as_str(), reader(&ext)) {
            ("md", _) => None,
            (_, Some(read)) => Some(read),
            (_, None) => continue,
        };
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(unreadable(&file, &e));
                continue;
            }
        };
        let essay = match read {
            None => parse::parse_file(&file, &stem, &bytes).map(|parsed| {
                warnings.extend(parsed.warnings);
                (parsed.essay, parsed.order)
            }),
            Some(read) => sidecar(&path.with_extension(SIDECAR)).and_then(|given| {
                let order = given.order;
                read(&bytes, given.split.unwrap_or(true))
                    .map(|doc| {
                        (
                            parse::essay_from_document_with(&stem, &ext, doc, given),
                            order,
                        )
                    })
                    .map_err(|message| error(&file, 0, message))
            }),
        };
        match essay {
            Ok((essay, order)) => loaded.push(LoadedFile { file, essay, order }),
            Err(e) => errors.push(e),
        }
    }
    parse::assemble(&folder, loaded, errors, warnings)
}

/// How a document of the folder is read: split into parts by its
/// headings or not; an error is a message about the file.
type Reader = fn(&[u8], bool) -> Result<Document, String>;

/// The reader of documents with extension `ext` (lower case), other than
/// Markdown; `None` for a file that is not an essay (an image, say).
fn reader(ext: &str) -> Option<Reader> {
    Some(match ext {
        "txt" => |bytes, split| read_text(bytes, split).map_err(|e| e.message()),
        "docx" => |bytes, split| docx::read_docx(bytes, split).map_err(|e| e.message()),
        // Older Word and WPS files: say what to do rather than skip them.
        "doc" | "wps" => {
            |_, _| Err("not a .docx (an older .doc or .wps file): save it as .docx".into())
        }
        _ => return None,
    })
}

/// What the sidecar at `path` gives, if there is one.
/// A file of the folder that could not be read, named.
fn unreadable(file: &str, e: &std::io::Error) -> ParseError {
    ParseError {
        file: file.to_owned(),
        line: 0,
        message: format!("cannot read the file: {e}"),
    }
}

fn sidecar(path: &Path) -> Result<wenji_core::front_matter::Given, ParseError> {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Default::default()),
        Err(e) => Err(unreadable(&file, &e)),
        Ok(bytes) => parse::read_sidecar(&file, &bytes),
    }
}
