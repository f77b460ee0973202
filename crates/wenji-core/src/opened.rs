//! The reader's own files as the page opens them: which files are
//! documents it reads (the picker's `accept`, and what a folder's files are
//! sorted by), and the one summary said after opening a folder.

/// Extensions of the documents the page reads (`wenji_import::read_file`).
pub const OPENABLE: [&str; 4] = ["docx", "txt", "md", "markdown"];
/// Documents it does not read but names with what to do (`.doc`, `.wps`:
/// save as `.docx`), so a folder's are tried and explained, not skipped.
const EXPLAINED: [&str; 2] = ["doc", "wps"];

/// The picker's `accept`: `.docx,.txt,.md,.markdown`.
pub fn accept() -> String {
    OPENABLE.map(|e| format!(".{e}")).join(",")
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .filter(|(stem, _)| !stem.is_empty())
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default()
}

/// What becomes of a file found in a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InFolder {
    /// A document: read it (it may still be refused, with the reason).
    Read,
    /// Not a document (a picture, a PDF): skipped, and counted.
    Skip,
    /// A hidden file or Word's lock file (`~$报告.docx`): not the
    /// reader's, passed over without a word.
    Ignore,
}

/// How the address of an opened file's essay begins (`mine-` and a hash of
/// its bytes, `wenji_import::read_document`).
pub const OPENED_PREFIX: &str = "mine-";

pub fn in_folder(name: &str) -> InFolder {
    if name.starts_with('.') || name.starts_with("~$") {
        return InFolder::Ignore;
    }
    let ext = extension(name);
    if OPENABLE.contains(&ext.as_str()) || EXPLAINED.contains(&ext.as_str()) {
        InFolder::Read
    } else {
        InFolder::Skip
    }
}

/// Names listed in a summary before `等`.
const NAMED: usize = 3;

/// After a folder was opened: how many of its files were read, and which
/// were skipped or could not be read (each refused file also has a line of
/// its own with its reason).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderReport {
    pub folder: String,
    pub opened: usize,
    pub skipped: Vec<String>,
    pub failed: usize,
}

impl FolderReport {
    /// `文件夹「资料」：打开了 8 个文件；跳过 2 个不能打开的文件（照片.jpg、报告.pdf）；1 个未能打开（原因见下）`
    pub fn summary(&self) -> String {
        let mut out = format!("文件夹「{}」：", self.folder);
        if self.opened == 0 && self.failed == 0 {
            out.push_str(&format!(
                "没有可打开的文件（只能打开 {}）",
                OPENABLE[..3]
                    .iter()
                    .map(|e| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join("、")
            ));
        } else {
            out.push_str(&format!("打开了 {} 个文件", self.opened));
        }
        if !self.skipped.is_empty() {
            let names = self.skipped[..self.skipped.len().min(NAMED)].join("、");
            let more = if self.skipped.len() > NAMED {
                " 等"
            } else {
                ""
            };
            out.push_str(&format!(
                "；跳过 {} 个不能打开的文件（{names}{more}）",
                self.skipped.len()
            ));
        }
        if self.failed > 0 {
            out.push_str(&format!("；{} 个未能打开（原因见下）", self.failed));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folders_files_are_read_skipped_or_ignored() {
        assert_eq!(in_folder("心得.DOCX"), InFolder::Read);
        assert_eq!(in_folder("笔记.markdown"), InFolder::Read);
        assert_eq!(
            in_folder("旧报告.doc"),
            InFolder::Read,
            "tried, to say what to do"
        );
        assert_eq!(in_folder("照片.jpg"), InFolder::Skip);
        assert_eq!(in_folder("README"), InFolder::Skip);
        assert_eq!(in_folder(".DS_Store"), InFolder::Ignore);
        assert_eq!(in_folder("~$心得.docx"), InFolder::Ignore);
        assert_eq!(accept(), ".docx,.txt,.md,.markdown");
    }

    #[test]
    fn one_summary_says_what_was_opened_skipped_and_refused() {
        let mut r = FolderReport {
            folder: "资料".into(),
            opened: 8,
            skipped: vec!["照片.jpg".into(), "报告.pdf".into()],
            failed: 1,
        };
        assert_eq!(
            r.summary(),
            "文件夹「资料」：打开了 8 个文件；跳过 2 个不能打开的文件（照片.jpg、报告.pdf）；1 个未能打开（原因见下）"
        );
        r.skipped.extend(["a.png".into(), "b.png".into()]);
        assert!(r
            .summary()
            .contains("跳过 4 个不能打开的文件（照片.jpg、报告.pdf、a.png 等）"));
        let empty = FolderReport {
            folder: "图片".into(),
            skipped: vec!["a.png".into()],
            ..FolderReport::default()
        };
        assert_eq!(
            empty.summary(),
            "文件夹「图片」：没有可打开的文件（只能打开 .docx、.txt、.md）；跳过 1 个不能打开的文件（a.png）"
        );
    }
}
