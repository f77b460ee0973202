//! Why a document could not be read. Written once, said twice: in English
//! for the build's error list (`Display`, after the file's name), and in
//! Chinese for the reader who opened the file in the page (`zh`).

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// An OLE file: an older `.doc` or `.wps`, or an encrypted `.docx`.
    OldWordFile,
    /// A zip entry with the encryption flag.
    Encrypted,
    Zip64,
    DamagedZip,
    NoDocumentXml,
    /// A part of the `.docx` that is not UTF-8.
    NotUtf8Xml {
        part: String,
    },
    /// A part of the `.docx` that is not well-formed XML.
    BadXml {
        part: String,
        detail: String,
    },
    /// A part that would inflate past the limit (a zip bomb?).
    TooBig {
        part: String,
        limit_mb: usize,
    },
    /// A zip compression method other than stored and deflate.
    Method {
        part: String,
        method: u16,
    },
    /// More text than the page holds (`TEXT_LIMIT`).
    TooMuchText {
        limit_mb: usize,
    },
    Empty,
    /// Text in none of the encodings read.
    UnknownEncoding,
    BadUtf8,
    BadUtf16,
    /// A file of a kind the reader does not open (its extension).
    NotADocument {
        extension: String,
    },
}

impl ImportError {
    /// The English message (as `Display` writes it).
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// What the reader is told in the page (the page names the file).
    pub fn zh(&self) -> String {
        use ImportError::*;
        match self {
            OldWordFile => {
                "不是 .docx 文件（可能是旧的 .doc、.wps 或加了密码的文件）：请另存为 .docx 后再打开"
                    .into()
            }
            Encrypted => "文件加了密码：请去掉密码另存后再打开".into(),
            Zip64 => "文件过大（zip64 格式），暂不支持".into(),
            DamagedZip => "文件已损坏，不是有效的 .docx".into(),
            NoDocumentXml => "不是有效的 .docx：缺少正文（word/document.xml）".into(),
            NotUtf8Xml { part } | BadXml { part, .. } => format!("文件内容有误（{part}）"),
            TooBig { limit_mb, .. } => format!("文件解压后超过 {limit_mb} MB，已拒绝打开"),
            Method { .. } => "文件使用了不支持的压缩方式".into(),
            TooMuchText { limit_mb } => format!(
                "文件的文字超过 {limit_mb} MB（约 {} 万字），网页里打不开这么长的文件：请分成几个文件再打开",
                limit_mb * 1024 * 1024 / 3 / 10_000
            ),
            Empty => "文件没有正文".into(),
            UnknownEncoding => {
                "无法识别文本编码（不是 UTF-8、UTF-16 或 GBK）：请另存为 UTF-8".into()
            }
            BadUtf8 => "文本不是有效的 UTF-8".into(),
            BadUtf16 => "文本不是有效的 UTF-16".into(),
            NotADocument { extension } if extension.is_empty() => {
                "只能打开 .docx、.txt 和 .md 文件".into()
            }
            NotADocument { extension } => {
                format!("不能打开 .{extension} 文件：只能打开 .docx、.txt 和 .md 文件")
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportError::*;
        match self {
            OldWordFile => f.write_str(
                "not a .docx (an older .doc or .wps file, or an encrypted one): save it as .docx",
            ),
            Encrypted => f.write_str("the .docx is encrypted: save it again without a password"),
            Zip64 => f.write_str("the .docx is a zip64 archive, which is not supported"),
            DamagedZip => f.write_str("the file is not a valid .docx (a damaged zip archive)"),
            NoDocumentXml => f.write_str("not a .docx: it has no word/document.xml"),
            NotUtf8Xml { part } => write!(f, "`{part}` is not valid UTF-8 XML"),
            BadXml { part, detail } => write!(f, "`{part}` is not well-formed XML: {detail}"),
            TooBig { part, limit_mb } => write!(
                f,
                "`{part}` inflates past {limit_mb} MB: the file is refused (a zip bomb?)"
            ),
            Method { part, method } => write!(
                f,
                "`{part}` is compressed with method {method}, which is not supported"
            ),
            TooMuchText { limit_mb } => write!(
                f,
                "the document holds more than {limit_mb} MB of text, more than the page holds: split it"
            ),
            Empty => f.write_str("the document is empty"),
            UnknownEncoding => {
                f.write_str("the text is neither UTF-8, UTF-16 nor GBK/GB18030: save it as UTF-8")
            }
            BadUtf8 => f.write_str("the text starts as UTF-8 but is not valid UTF-8"),
            BadUtf16 => f.write_str("the text looks like UTF-16 but is not valid UTF-16"),
            NotADocument { extension } => write!(
                f,
                "`.{extension}` is not a document the reader opens (.docx, .txt, .md)"
            ),
        }
    }
}

impl std::error::Error for ImportError {}
