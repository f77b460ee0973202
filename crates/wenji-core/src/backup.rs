//! 备份: one file holding what only the reader's browser keeps, the
//! notebook (excerpts, notes, order, anchors) and the files the reader
//! opened (their original bytes), so that a cleared browser, another
//! browser or another machine gets them back with 恢复.
//!
//! The file is text in the data files' record format (`data::record`),
//! fields separated by tabs (shown here as `→`):
//!
//! ```text
//! wenji-backup 1
//! N→<the notebook, as kept (Notebook::encode)>
//! F→<file name>→<1: split into parts, 0: as it is>→<its bytes, base64>
//! ```
//!
//! A backup is read whole before anything changes: a broken one, or one
//! from a newer format, is refused with nothing restored. Restoring merges:
//! an excerpt already in the notebook (the same id, or the same words from
//! the same place) is not added twice, and the files are read again by the
//! page's reader (the same bytes are the same essay, so never twice).

use crate::data::{expect_fields, record, records, DataError};
use crate::notebook::{Excerpt, Notebook};

/// The first line's name; the number after it is the format's version.
pub const BACKUP_NAME: &str = "wenji-backup";
/// The version this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;
const HEADER: &str = "wenji-backup 1";
/// The backup file's extension (`文集备份-2026-12-04.wenji`).
pub const BACKUP_EXTENSION: &str = "wenji";

/// A file the reader opened, as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub name: String,
    /// Read split into parts by its headings (else as it is).
    pub split: bool,
    pub bytes: Vec<u8>,
}

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Backup {
    pub notebook: Notebook,
    pub files: Vec<BackupFile>,
}

/// Why a backup cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// Not a backup of this reader at all.
    NotABackup,
    /// Written by a newer version of the reader.
    Newer { version: String },
    /// A backup, damaged (cut short, edited): where.
    Broken(DataError),
}

impl BackupError {
    /// What the reader is told (the page names the file).
    pub fn zh(&self) -> String {
        match self {
            BackupError::NotABackup => "不是文集的备份文件".into(),
            BackupError::Newer { version } => {
                format!("这是较新版本的备份（格式 {version}），此页面读不了：请用最新的页面恢复")
            }
            BackupError::Broken(e) => format!("备份文件已损坏（第 {} 行），未作任何改动", e.line),
        }
    }
}

/// The backup's file name for `date` (`2026-12-04`).
pub fn file_name(date: &str) -> String {
    format!("文集备份-{date}.{BACKUP_EXTENSION}")
}

impl Backup {
    pub fn encode(&self) -> String {
        let mut out = String::from(HEADER);
        out.push('\n');
        record(&mut out, "N", &[&self.notebook.encode()]);
        for f in &self.files {
            let split = if f.split { "1" } else { "0" };
            record(&mut out, "F", &[&f.name, split, &base64_encode(&f.bytes)]);
        }
        out
    }

    pub fn decode(text: &str) -> Result<Backup, BackupError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first = text.lines().next().unwrap_or("");
        let Some(version) = first.strip_prefix(BACKUP_NAME).map(str::trim) else {
            return Err(BackupError::NotABackup);
        };
        if version != BACKUP_VERSION.to_string() {
            return match version.parse::<u32>() {
                Ok(v) if v > BACKUP_VERSION => Err(BackupError::Newer {
                    version: version.to_owned(),
                }),
                _ => Err(BackupError::NotABackup),
            };
        }
        let broken = BackupError::Broken;
        let mut backup = Backup::default();
        let mut notebooks = 0;
        for r in records(text, HEADER).map_err(broken)? {
            let (line, tag, fields) = r.map_err(broken)?;
            match tag {
                "N" => {
                    expect_fields(line, tag, &fields, 1).map_err(broken)?;
                    backup.notebook = Notebook::decode(&fields[0]).map_err(|e| {
                        broken(DataError {
                            line,
                            message: format!("the notebook: {e}"),
                        })
                    })?;
                    notebooks += 1;
                }
                "F" => {
                    expect_fields(line, tag, &fields, 3).map_err(broken)?;
                    let bytes = base64_decode(&fields[2]).ok_or_else(|| {
                        broken(DataError {
                            line,
                            message: "a file's bytes are not base64".into(),
                        })
                    })?;
                    backup.files.push(BackupFile {
                        name: fields[0].clone(),
                        split: fields[1] != "0",
                        bytes,
                    });
                }
                _ => {
                    return Err(broken(DataError {
                        line,
                        message: format!("unknown record `{tag}`"),
                    }))
                }
            }
        }
        // Cut short before its notebook: not a whole backup.
        if notebooks != 1 {
            return Err(broken(DataError {
                line: text.lines().count().max(1),
                message: "the backup has no notebook record".into(),
            }));
        }
        Ok(backup)
    }
}

/// Add the excerpts of `from` that `into` does not hold yet, after its
/// own, in `from`'s order; returns how many were added. An excerpt is
/// already there when the same words are there under its id, or from the
/// same place; an added one whose id is taken gets a new one.
pub fn merge_notebook(into: &mut Notebook, from: Notebook) -> usize {
    let same = |a: &Excerpt, b: &Excerpt| {
        a.quote == b.quote && (a.id == b.id || (a.essay == b.essay && a.fragment == b.fragment))
    };
    let mut added = 0;
    for mut e in from.excerpts {
        if into.excerpts.iter().any(|x| same(x, &e)) {
            continue;
        }
        if into.position(e.id).is_some() {
            e.id = into.new_id(e.id);
        }
        into.add(e);
        added += 1;
    }
    added
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes of standard base64 (padding optional, no white space), or
/// `None` when it is not base64.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut n = 0u32;
    let mut bits = 0;
    for b in text.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n = n << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(id: u64, quote: &str, note: &str) -> Excerpt {
        Excerpt {
            id,
            essay: "e".into(),
            essay_title: "心得".into(),
            cited: "篇章一".into(),
            fragment: "篇章一".into(),
            quote: quote.into(),
            before: "前\t文".into(),
            after: "后\n文".into(),
            note: note.into(),
        }
    }

    fn sample() -> Backup {
        Backup {
            notebook: Notebook {
                excerpts: vec![
                    excerpt(2, "学深悟透", "我的笔记"),
                    excerpt(1, "知行合一", ""),
                ],
            },
            files: vec![
                BackupFile {
                    name: "述职\t报告.docx".into(),
                    split: true,
                    bytes: (0..=255).collect(),
                },
                BackupFile {
                    name: "空.txt".into(),
                    split: false,
                    bytes: Vec::new(),
                },
            ],
        }
    }

    #[test]
    fn a_backup_round_trips_with_order_notes_anchors_and_bytes() {
        let backup = sample();
        let text = backup.encode();
        assert!(text.starts_with("wenji-backup 1\nN\t"));
        assert_eq!(Backup::decode(&text).unwrap(), backup);
        // A BOM added by an editor is harmless.
        assert_eq!(Backup::decode(&format!("\u{feff}{text}")).unwrap(), backup);
    }

    #[test]
    fn a_newer_broken_or_foreign_file_is_refused() {
        let text = sample().encode();
        let newer = text.replacen("wenji-backup 1", "wenji-backup 2", 1);
        assert_eq!(
            Backup::decode(&newer),
            Err(BackupError::Newer {
                version: "2".into()
            })
        );
        assert!(Backup::decode(&newer)
            .unwrap_err()
            .zh()
            .contains("较新版本"));
        assert_eq!(Backup::decode("hello"), Err(BackupError::NotABackup));
        assert_eq!(Backup::decode(""), Err(BackupError::NotABackup));
        // Cut short inside a file's bytes.
        let cut = &text[..text.len() - 7];
        assert!(
            matches!(Backup::decode(cut), Err(BackupError::Broken(_))),
            "{cut}"
        );
        // Cut before the notebook.
        assert!(matches!(
            Backup::decode("wenji-backup 1\n"),
            Err(BackupError::Broken(_))
        ));
        // An edited notebook record.
        let edited = text.replacen("N\twenji-notebook 1", "N\twenji-notebook 9", 1);
        let e = Backup::decode(&edited).unwrap_err();
        assert!(matches!(&e, BackupError::Broken(d) if d.line == 2), "{e:?}");
        assert!(e.zh().contains("第 2 行"), "{}", e.zh());
    }

    #[test]
    fn restoring_merges_without_duplicates() {
        let mut mine = Notebook {
            excerpts: vec![
                excerpt(1, "知行合一", "我改过的笔记"),
                excerpt(7, "新的", ""),
            ],
        };
        let theirs = sample().notebook;
        // 2 is new; 1 is already here (its note as changed here is kept).
        assert_eq!(merge_notebook(&mut mine, theirs.clone()), 1);
        let ids: Vec<u64> = mine.excerpts.iter().map(|e| e.id).collect();
        assert_eq!(ids, [1, 7, 2]);
        assert_eq!(mine.excerpts[0].note, "我改过的笔记");
        // Again: nothing more.
        assert_eq!(merge_notebook(&mut mine, theirs), 0);
        // Other words under a taken id: added, with an id of its own.
        let clash = Notebook {
            excerpts: vec![excerpt(7, "别的话", "")],
        };
        assert_eq!(merge_notebook(&mut mine, clash), 1);
        let last = mine.excerpts.last().unwrap();
        assert_eq!(last.quote, "别的话");
        assert_ne!(last.id, 7);
        assert_eq!(mine.excerpts.iter().filter(|e| e.id == last.id).count(), 1);
    }

    #[test]
    fn base64_as_the_standard_says() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(bytes), text);
            assert_eq!(base64_decode(text).as_deref(), Some(bytes));
        }
        assert_eq!(base64_decode("Zm9v!"), None);
        assert_eq!(base64_decode("Z"), None);
        let all: Vec<u8> = (0..=255).cycle().take(1000).collect();
        assert_eq!(base64_decode(&base64_encode(&all)).unwrap(), all);
    }
}
