//! The release's wasm split at its lazy views (`src/parts.rs`, built with
//! `cfg(wenji_split)`): what the first view does not need (the panels, and
//! the list on an essay's page) goes into parts fetched when first wanted.
//!
//! The split reads the linker's output and its relocations (the release
//! is linked with `--emit-relocs`), so it runs between cargo and
//! wasm-bindgen (`wasm`): the main module then goes through wasm-bindgen
//! (keeping the linker's exports, for the parts to link to) and every
//! module through wasm-opt.
//!
//! Every file the split adds is named after the main module (`wasm::app`'s
//! content hash), so that no cache pairs one build's main module with
//! another build's parts. The single file carries the parts in base64 and
//! the loader inside its one module script (`inline_module`).

use anyhow::Context;
use std::collections::BTreeMap;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;

use crate::files::{copy, fresh_dir, read_text, write};
use crate::js_tokens::{self, Edits, Pat};
use crate::wasm;
use wenji_core::single_file::EARLY_FETCH;

/// The import module the lazy views' loaders come from before the split
/// (`wasm_split_macros`): a wasm without it has nothing to split.
const PLACEHOLDER_MODULE: &[u8] = b"__wasm_split_placeholder__";

/// The app's files: the glue is `<stem>.js`, the wasm `<stem>_bg.wasm`,
/// and the split adds `<stem>-split.js` and `<stem>-<part>.wasm`.
pub struct Entry {
    pub stem: String,
}

impl Entry {
    pub fn glue(&self) -> String {
        format!("{}.js", self.stem)
    }

    pub fn wasm(&self) -> String {
        format!("{}_bg.wasm", self.stem)
    }

    pub fn loader(&self) -> String {
        format!("{}-split.js", self.stem)
    }

    pub fn part(&self, file_stem: &str) -> String {
        format!("{}-{file_stem}.wasm", self.stem)
    }
}

/// What the split wrote beside the main module.
pub struct Parts {
    /// The loader script: it fetches, compiles and links the parts.
    pub loader: String,
    /// Every part's file.
    pub files: Vec<String>,
    /// The files each part needs (itself and the chunks it shares), by the
    /// part's name (`list`).
    pub needs: BTreeMap<String, Vec<String>>,
}

impl Parts {
    /// The parts as lines of text: `loader <file>`, `file <file>`, and
    /// `needs <part> <file>…`.
    pub fn record(&self) -> String {
        let mut out = format!("loader {}\n", self.loader);
        for file in &self.files {
            out.push_str(&format!("file {file}\n"));
        }
        for (part, files) in &self.needs {
            out.push_str(&format!("needs {part} {}\n", files.join(" ")));
        }
        out
    }

    /// The parts `record` wrote; none where it wrote nothing (no split).
    pub fn read(record: &str) -> anyhow::Result<Option<Parts>> {
        if record.trim().is_empty() {
            return Ok(None);
        }
        let mut parts = Parts {
            loader: String::new(),
            files: Vec::new(),
            needs: BTreeMap::new(),
        };
        for line in record.lines() {
            let mut words = line.split(' ').map(str::to_owned);
            match (words.next().as_deref(), words.next()) {
                (Some("loader"), Some(loader)) => parts.loader = loader,
                (Some("file"), Some(file)) => parts.files.push(file),
                (Some("needs"), Some(part)) => {
                    parts.needs.insert(part, words.collect());
                }
                _ => {
                    anyhow::bail!("a record of the split's parts not understood: {line}")
                }
            }
        }
        if parts.loader.is_empty() {
            anyhow::bail!("a record of the split's parts names no loader");
        }
        Ok(Some(parts))
    }
}

/// Whether `wasm` (the linker's output) has lazy views to split off.
pub fn has_split_points(wasm: &[u8]) -> bool {
    wasm.windows(PLACEHOLDER_MODULE.len())
        .any(|w| w == PLACEHOLDER_MODULE)
}

/// Split `input` (cargo's wasm of the app), make the glue and the main
/// wasm, and write them, the parts and their loader into `staging`; `work`
/// is a scratch folder of the build's own.
pub fn split_release(
    input: &[u8],
    staging: &Path,
    work: &Path,
    entry: &Entry,
) -> anyhow::Result<Parts> {
    fresh_dir(work)?;
    let main = work.join("main.wasm");
    let main_module = format!("./{}", entry.glue());
    let link_name = format!("./{}", entry.loader());
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(input);
        opts.output_dir = work;
        opts.main_out_path = &main;
        opts.main_module = &main_module;
        opts.link_name = &link_name;
        opts
    })
    // eyre's report, its chain kept in the message.
    .map_err(|e| anyhow::anyhow!("splitting the wasm: {e:#}"))?;

    // A split main module keeps its linker's exports, for the parts to
    // link to.
    let bindgen = work.join("bindgen");
    wasm::bindgen(&main, &bindgen, &entry.stem, wasm::Glue::Module, true)?;
    copy(&bindgen.join(entry.glue()), &staging.join(entry.glue()))?;

    let mut modules = vec![wasm::ToOptimize {
        from: bindgen.join(entry.wasm()),
        to: staging.join(entry.wasm()),
    }];
    let mut renames = Vec::new();
    for path in &split.split_modules {
        let file_stem = path
            .file_stem()
            .and_then(|n| n.to_str())
            .with_context(|| format!("{}: not a file name", path.display()))?;
        let renamed = entry.part(file_stem);
        modules.push(wasm::ToOptimize {
            from: path.clone(),
            to: staging.join(&renamed),
        });
        renames.push(Rename {
            written: format!("./{file_stem}.wasm"),
            served: renamed,
        });
    }
    wasm::optimize_all(&modules)?;
    let loader_name = entry.loader();
    let loader = serve_loader(
        &loader_name,
        &read_text(&work.join(&loader_name))?,
        &renames,
    )?;
    write(&staging.join(&loader_name), &loader)?;
    let needs = split
        .prefetch_map
        .into_iter()
        .map(|(part, stems)| (part, stems.iter().map(|s| entry.part(s)).collect()))
        .collect();
    Ok(Parts {
        loader: entry.loader(),
        files: renames.into_iter().map(|r| r.served).collect(),
        needs,
    })
}

/// How a loader fetches a part, `callee(new URL("./part.wasm",
/// import.meta.url))`: `fetch` in `wasm_split_cli_support`'s output,
/// `EARLY_FETCH` in the served page's (`serve_loader`). The part's path is
/// the run's `PART_PATH`th token.
fn part_fetch(callee: &str) -> [Pat<'_>; 14] {
    [
        Pat::Is(callee),
        Pat::Is("("),
        Pat::Is("new"),
        Pat::Is("URL"),
        Pat::Is("("),
        Pat::Str,
        Pat::Is(","),
        Pat::Is("import"),
        Pat::Is("."),
        Pat::Is("meta"),
        Pat::Is("."),
        Pat::Is("url"),
        Pat::Is(")"),
        Pat::Is(")"),
    ]
}

/// Where the part's path is in a run of `part_fetch`.
const PART_PATH: usize = 5;

/// A part's file: the path the split's loader fetches it by, and the file
/// it is served as (`Entry::part`).
struct Rename {
    written: String,
    served: String,
}

/// The split's loader (`name`) as the page serves it, in one pass: each
/// part fetched under its served name (`renames`) and taken from the
/// page's early fetches (`page::EARLY_FETCH`), where the first view's parts
/// are already on their way.
fn serve_loader(name: &str, loader: &str, renames: &[Rename]) -> anyhow::Result<String> {
    let tokens = js_tokens::tokens(name, loader)?;
    let fetches = js_tokens::find(&tokens, &part_fetch("fetch"));
    if fetches.len() != renames.len() {
        anyhow::bail!(
            "{name} does not fetch its {} parts as expected (`fetch(new URL(\"./part.wasm\", import.meta.url))`, {} found)",
            renames.len(),
            fetches.len()
        );
    }
    let mut edits = Edits::default();
    for rename in renames {
        let mut named = fetches
            .iter()
            .filter(|run| run[PART_PATH].string() == Some(rename.written.as_str()));
        let (Some(run), None) = (named.next(), named.next()) else {
            anyhow::bail!("{name} does not fetch {} once", rename.written);
        };
        // Named anywhere else, the part would be left under a name that is
        // not served.
        let named = tokens
            .iter()
            .filter(|t| t.string() == Some(rename.written.as_str()));
        if named.count() != 1 {
            anyhow::bail!("{name} names {} outside its fetch", rename.written);
        }
        edits.replace(run[0].span.clone(), EARLY_FETCH);
        edits.replace(
            run[PART_PATH].span.clone(),
            format!("\"./{}\"", rename.served),
        );
    }
    edits.apply(loader)
}

/// In the single file, a part is read from its base64 block
/// (`data-wenji-part`, by the page's `wenjiBytes`) and answered as its
/// fetch would be.
const PART_READER: &str = r#"const wenjiPart = (name) => {
  const block = document.querySelector(`script[data-wenji-part="${name}"]`);
  const bytes = wenjiBytes(block.textContent);
  return Promise.resolve(new Response(bytes, { headers: { "Content-Type": "application/wasm" } }));
};
"#;

/// The single file's one module: the split's loader and the glue
/// (`glue_name`, importing the loader `loader_name`) in one script, the
/// loader's fetches reading the parts' blocks (`part_blocks`), the loader's
/// exports an object the glue's imports of it become.
pub fn inline_module(
    glue: &str,
    glue_name: &str,
    loader: &str,
    loader_name: &str,
) -> anyhow::Result<String> {
    let tokens = js_tokens::tokens(loader_name, loader)?;
    let mut edits = Edits::default();
    let glue_path = format!("./{glue_name}");
    let (of_glue, others): (Vec<_>, Vec<_>) = js_tokens::imports(&tokens)
        .into_iter()
        .partition(|import| import.from == glue_path);
    match of_glue.as_slice() {
        [only] => edits.replace(only.span.clone(), ""),
        _ => anyhow::bail!(
            "{loader_name} does not import the glue as expected (once, from `{glue_path}`)"
        ),
    }
    if let Some(other) = others.first() {
        anyhow::bail!(
            "{loader_name} imports or exports more than the split's loader did (`{}`)",
            other.from
        );
    }
    let mut exported = Vec::new();
    for run in js_tokens::find(&tokens, &[Pat::Is("export"), Pat::Is("const"), Pat::Name]) {
        edits.replace(run[0].span.start..run[1].span.start, "");
        exported.push(run[2].text);
    }
    // A part's early fetch, as `serve_loader` left it, reads the part's
    // block instead.
    for run in js_tokens::find(&tokens, &part_fetch(EARLY_FETCH)) {
        let path = run[PART_PATH]
            .string()
            .unwrap_or_default()
            .trim_start_matches("./");
        edits.replace(js_tokens::span_of(run), format!("wenjiPart(\"{path}\")"));
    }
    let loader = edits.apply(loader)?;
    let left = js_tokens::tokens(loader_name, &loader)?;
    if js_tokens::exports(&left) || left.iter().any(|t| t.name() == Some("import")) {
        anyhow::bail!("{loader_name} imports or exports more than the split's loader did");
    }

    let mut out = String::from(PART_READER);
    out.push_str(&loader);
    out.push_str(&format!(
        "\nconst wenjiSplit = {{ {} }};\n",
        exported.join(", ")
    ));
    // The glue's imports of the loader (`import * as importN from …`) are
    // the loader's exports now.
    let tokens = js_tokens::tokens(glue_name, glue)?;
    let loader_path = format!("./{loader_name}");
    let mut edits = Edits::default();
    for import in js_tokens::imports(&tokens) {
        if import.from != loader_path {
            anyhow::bail!(
                "{glue_name} imports {}: only the split's loader can be inlined",
                import.from
            );
        }
        let binding = match &tokens[import.tokens.clone()] {
            [_, star, as_, binding, ..] if star.text == "*" && as_.text == "as" => binding.text,
            _ => anyhow::bail!(
                "{glue_name}: an import not as expected: {}",
                &glue[import.span.clone()]
            ),
        };
        edits.replace(import.span, format!("const {binding} = wenjiSplit;"));
    }
    out.push_str(&edits.apply(glue)?);
    Ok(out)
}

/// The parts' blocks for the single file (base64, never run).
pub fn part_blocks(parts: &Parts, staging: &Path) -> anyhow::Result<String> {
    let mut blocks = String::new();
    for name in &parts.files {
        let bytes = std::fs::read(staging.join(name)).with_context(|| name.to_string())?;
        blocks.push_str(&crate::page::data_block("part", name, &B64.encode(bytes)));
    }
    Ok(blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of the split's loader (`wasm_split_cli_support`'s output).
    const LOADER: &str = r#"import { initSync } from "./app-1.js";

let sharedImports = undefined;
function getSharedImports() {
    if (sharedImports === undefined) {
        const { memory } = initSync(undefined, undefined);
        sharedImports = { __wasm_split: { memory } };
    }
    return sharedImports;
}
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, []);
export const __wasm_split_load_panel = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_panel.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}, [__chunk_1]));
"#;

    /// The parts `LOADER` fetches, as the build renames them.
    fn renames() -> Vec<Rename> {
        ["chunk_1", "split_panel"]
            .into_iter()
            .map(|stem| Rename {
                written: format!("./{stem}.wasm"),
                served: format!("app-1-{stem}.wasm"),
            })
            .collect()
    }

    fn served() -> String {
        serve_loader("app-1-split.js", LOADER, &renames()).unwrap()
    }

    const GLUE: &str = "import * as import1 from \"./app-1-split.js\"\n\
        import * as import2 from \"./app-1-split.js\"\n\
        function __wbg_get_imports() { return { \"./app-1-split.js\": import1 }; }\n\
        async function __wbg_init(m) {}\nexport default __wbg_init;\n";

    #[test]
    fn the_entrys_files_are_named_after_its_stem() {
        let entry = Entry {
            stem: "wenji-9f".into(),
        };
        assert_eq!(entry.glue(), "wenji-9f.js");
        assert_eq!(entry.wasm(), "wenji-9f_bg.wasm");
        assert_eq!(entry.loader(), "wenji-9f-split.js");
        assert_eq!(entry.part("chunk_2"), "wenji-9f-chunk_2.wasm");
    }

    #[test]
    fn the_parts_read_back_as_recorded() {
        let parts = Parts {
            loader: "a-split.js".into(),
            files: vec!["a-split_list.wasm".into(), "a-chunk_1.wasm".into()],
            needs: BTreeMap::from([(
                "list".to_owned(),
                vec!["a-split_list.wasm".to_owned(), "a-chunk_1.wasm".to_owned()],
            )]),
        };
        let back = Parts::read(&parts.record()).unwrap().unwrap();
        assert_eq!(back.loader, parts.loader);
        assert_eq!(back.files, parts.files);
        assert_eq!(back.needs, parts.needs);
        assert!(Parts::read("").unwrap().is_none());
        assert!(Parts::read("file x.wasm\n").is_err());
        assert!(Parts::read("other x\n").is_err());
    }

    #[test]
    fn only_a_wasm_with_lazy_views_is_split() {
        assert!(has_split_points(b"\0asm..__wasm_split_placeholder__..."));
        assert!(!has_split_points(b"\0asm..__wasm_split_load_x..."));
    }

    #[test]
    fn the_served_loader_takes_its_renamed_parts_from_the_early_fetches() {
        let served = served();
        assert!(served.contains(
            r#"const src = wenjiFetch(new URL("./app-1-chunk_1.wasm", import.meta.url));"#
        ));
        assert!(served.contains(
            r#"const src = wenjiFetch(new URL("./app-1-split_panel.wasm", import.meta.url));"#
        ));
        assert!(!served.contains(" fetch("), "{served}");
        let mut three = renames();
        three.push(Rename {
            written: "./chunk_2.wasm".into(),
            served: "app-1-chunk_2.wasm".into(),
        });
        let err = serve_loader("app-1-split.js", LOADER, &three)
            .unwrap_err()
            .to_string();
        assert!(err.contains("3 parts"), "{err}");
        let mut other = renames();
        other[0].written = "./chunk_9.wasm".into();
        let err = serve_loader("app-1-split.js", LOADER, &other)
            .unwrap_err()
            .to_string();
        assert!(err.contains("./chunk_9.wasm once"), "{err}");
        // A part named in another string is refused: it would not be renamed.
        let also = LOADER.replacen(
            "let sharedImports",
            "const again = \"./chunk_1.wasm\";\nlet sharedImports",
            1,
        );
        let err = serve_loader("app-1-split.js", &also, &renames())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("names ./chunk_1.wasm outside its fetch"),
            "{err}"
        );
        // A comment naming a part is no fetch of it.
        let commented = LOADER.replacen(
            "let sharedImports",
            "// fetch(new URL(\"./chunk_1.wasm\", import.meta.url))\nlet sharedImports",
            1,
        );
        assert_eq!(
            serve_loader("app-1-split.js", &commented, &renames()).unwrap(),
            served.replacen(
                "let sharedImports",
                "// fetch(new URL(\"./chunk_1.wasm\", import.meta.url))\nlet sharedImports",
                1,
            )
        );
    }

    #[test]
    fn the_single_file_carries_loader_and_glue_in_one_module() {
        let served = served();
        let module = inline_module(GLUE, "app-1.js", &served, "app-1-split.js").unwrap();
        assert!(
            !module
                .lines()
                .any(|l| l.starts_with("import ") || l.starts_with("export const")),
            "{module}"
        );
        assert!(!module.contains("import.meta"));
        assert!(module.contains(r#"const src = wenjiPart("app-1-split_panel.wasm");"#));
        assert!(module.contains(r#"wenjiPart("app-1-chunk_1.wasm")"#));
        assert!(module.contains("const wenjiSplit = { __wasm_split_load_panel };"));
        assert!(module.contains("const import1 = wenjiSplit;\nconst import2 = wenjiSplit;\n"));
        // The loader comes first: the glue's bindings read `wenjiSplit`.
        assert!(module.find("const wenjiSplit").unwrap() < module.find("const import1").unwrap());
        assert!(module.starts_with(PART_READER));
        // Still the glue's own exports (an inline module may have them).
        assert!(module.contains("export default __wbg_init;"));
    }

    #[test]
    fn what_cannot_be_inlined_is_refused_by_name() {
        let served = served();
        let other = GLUE.replace(
            "import2 from \"./app-1-split.js\"",
            "import2 from \"./other.js\"",
        );
        let err = inline_module(&other, "app-1.js", &served, "app-1-split.js")
            .unwrap_err()
            .to_string();
        assert!(err.contains("./other.js"), "{err}");
        let err = inline_module(GLUE, "app-2.js", &served, "app-1-split.js")
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not import the glue"), "{err}");
        let more = format!("{served}import {{ x }} from \"./x.js\";\n");
        let err = inline_module(GLUE, "app-1.js", &more, "app-1-split.js")
            .unwrap_err()
            .to_string();
        assert!(err.contains("more than the split's loader"), "{err}");
    }
}
