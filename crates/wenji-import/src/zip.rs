//! Just enough of the zip format to read the parts of a Word file: the
//! central directory, stored and deflated entries. Every entry is inflated
//! with a limit (`miniz_oxide`'s), so a zip bomb is refused, not unpacked.
//! Zip64 and encryption are not needed by `.docx` files and are refused.

use crate::ImportError;

/// One file of the archive.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    method: u16,
    compressed: usize,
    size: usize,
    local_offset: usize,
}

#[derive(Debug)]
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn damaged() -> ImportError {
    ImportError::DamagedZip
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ImportError> {
        // The end record is in the last 22 bytes, or before a comment of
        // up to 64 KiB.
        let from = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| u32_at(bytes, i) == Some(END_OF_DIRECTORY))
            .ok_or_else(damaged)?;
        let count = usize::from(u16_at(bytes, end + 10).ok_or_else(damaged)?);
        let mut at = u32_at(bytes, end + 16).ok_or_else(damaged)? as usize;
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            if u32_at(bytes, at) != Some(DIRECTORY_ENTRY) {
                return Err(damaged());
            }
            let flags = u16_at(bytes, at + 8).ok_or_else(damaged)?;
            if flags & 1 != 0 {
                return Err(ImportError::Encrypted);
            }
            let field = |off: usize| u32_at(bytes, at + off).ok_or_else(damaged);
            let short = |off: usize| u16_at(bytes, at + off).map(usize::from).ok_or_else(damaged);
            let (name_len, extra_len, comment_len) = (short(28)?, short(30)?, short(32)?);
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(damaged)?;
            let (compressed, size, local) = (field(20)?, field(24)?, field(42)?);
            if [compressed, size, local].contains(&u32::MAX) {
                return Err(ImportError::Zip64);
            }
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method: u16_at(bytes, at + 10).ok_or_else(damaged)?,
                compressed: compressed as usize,
                size: size as usize,
                local_offset: local as usize,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    pub fn has(&self, name: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.name.eq_ignore_ascii_case(name))
    }

    /// The bytes of entry `name` (`None` when there is none), refused when
    /// they would be more than `limit` bytes.
    pub fn read(&self, name: &str, limit: usize) -> Result<Option<Vec<u8>>, ImportError> {
        let Some(e) = self
            .entries
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))
        else {
            return Ok(None);
        };
        let too_big = || ImportError::TooBig {
            part: name.into(),
            limit_mb: limit / (1024 * 1024),
        };
        if e.size > limit {
            return Err(too_big());
        }
        let at = e.local_offset;
        if u32_at(self.bytes, at) != Some(LOCAL_HEADER) {
            return Err(damaged());
        }
        let name_len = usize::from(u16_at(self.bytes, at + 26).ok_or_else(damaged)?);
        let extra_len = usize::from(u16_at(self.bytes, at + 28).ok_or_else(damaged)?);
        let start = at + 30 + name_len + extra_len;
        let data = self
            .bytes
            .get(start..start + e.compressed)
            .ok_or_else(damaged)?;
        match e.method {
            0 => Ok(Some(data.to_vec())),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit)
                .map(Some)
                .map_err(|err| match err.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => too_big(),
                    _ => damaged(),
                }),
            method => Err(ImportError::Method {
                part: name.into(),
                method,
            }),
        }
    }
}

/// Writes zip archives: hand-written XML in, a `.docx` out (the tests'
/// fixtures, and the notebook's Word export).
pub mod write {
    /// A zip of `files` (name, bytes), each deflated when `deflate`.
    pub fn zip(files: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for (name, data) in files {
            let body = if deflate {
                miniz_oxide::deflate::compress_to_vec(data, 6)
            } else {
                data.to_vec()
            };
            let offset = out.len() as u32;
            let method: u16 = if deflate { 8 } else { 0 };
            let header = |sig: u32, central: bool| {
                let mut h = Vec::new();
                h.extend_from_slice(&sig.to_le_bytes());
                if central {
                    h.extend_from_slice(&20u16.to_le_bytes()); // made by
                }
                h.extend_from_slice(&20u16.to_le_bytes()); // needed
                h.extend_from_slice(&0u16.to_le_bytes()); // flags
                h.extend_from_slice(&method.to_le_bytes());
                h.extend_from_slice(&[0; 4]); // time, date
                h.extend_from_slice(&crc32(data).to_le_bytes());
                h.extend_from_slice(&(body.len() as u32).to_le_bytes());
                h.extend_from_slice(&(data.len() as u32).to_le_bytes());
                h.extend_from_slice(&(name.len() as u16).to_le_bytes());
                h.extend_from_slice(&0u16.to_le_bytes()); // extra
                if central {
                    h.extend_from_slice(&[0; 6]); // comment, disk, internal attributes
                    h.extend_from_slice(&[0; 4]); // external attributes
                    h.extend_from_slice(&offset.to_le_bytes());
                }
                h.extend_from_slice(name.as_bytes());
                h
            };
            out.extend(header(super::LOCAL_HEADER, false));
            out.extend_from_slice(&body);
            directory.extend(header(super::DIRECTORY_ENTRY, true));
        }
        let directory_at = out.len() as u32;
        out.extend_from_slice(&directory);
        out.extend_from_slice(&super::END_OF_DIRECTORY.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(files.len() as u16).to_le_bytes());
        out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
        out.extend_from_slice(&directory_at.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_and_deflated_entries_are_read() {
        for deflate in [false, true] {
            let zip = write::zip(
                &[("a.xml", b"<a/>"), ("word/document.xml", "文字".as_bytes())],
                deflate,
            );
            let archive = Archive::open(&zip).unwrap();
            assert!(archive.has("word/document.xml"));
            assert_eq!(archive.read("a.xml", 100).unwrap().unwrap(), b"<a/>");
            assert_eq!(
                archive.read("word/document.xml", 100).unwrap().unwrap(),
                "文字".as_bytes()
            );
            assert_eq!(archive.read("missing", 100).unwrap(), None);
        }
    }

    #[test]
    fn a_bomb_is_refused_at_the_limit() {
        let zeros = vec![0u8; 200_000];
        let zip = write::zip(&[("word/document.xml", &zeros)], true);
        assert!(zip.len() < 2_000, "{}", zip.len());
        let archive = Archive::open(&zip).unwrap();
        let e = archive.read("word/document.xml", 100_000).unwrap_err();
        assert!(e.message().contains("zip bomb"), "{e}");
        assert_eq!(
            archive
                .read("word/document.xml", 300_000)
                .unwrap()
                .unwrap()
                .len(),
            200_000
        );
    }

    #[test]
    fn junk_is_a_damaged_archive() {
        for junk in [&b""[..], b"PK\x03\x04 not really", &[0u8; 100]] {
            assert!(Archive::open(junk)
                .unwrap_err()
                .message()
                .contains("damaged"));
        }
    }
}
