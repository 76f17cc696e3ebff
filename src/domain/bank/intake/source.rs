//! From a file's bytes to what it holds: one or more grids of cells (a workbook's sheets, or a
//! delimited text file) or the text of a bank JSON. The kind is told by content, not by name: a
//! zip (`PK`, .xlsx/.ods) or OLE (.xls) workbook, JSON (`{`), else text, decoded by its BOM, as
//! UTF-8 when valid, else as GB18030 (which includes GBK). Knows nothing of banks.

use super::issues::{SheetIssue, Unreadable};
use crate::domain::bank::sheet::csv::{parse_delimited, UnclosedQuote};

/// What kind of file it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// An Excel or WPS workbook (.xlsx, .xls, .ods).
    Workbook,
    /// Delimited text (.csv, .tsv, "Unicode text").
    Text,
    /// A bank in the JSON format.
    Json,
}

/// How a text file was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian with its BOM (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian with its BOM.
    Utf16Be,
    /// GBK/GB18030 (Excel's plain "CSV" on Chinese Windows).
    Gb18030,
}

impl TextEncoding {
    /// Its usual name.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gb18030 => "GBK/GB18030",
        }
    }
}

/// One grid of cells: a workbook sheet, or the whole of a text file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// The sheet's name in a workbook; `None` for a text file.
    pub name: Option<String>,
    /// The cells, row by row, as text (numbers and dates as a person would type them).
    pub rows: Vec<Vec<String>>,
    /// The spreadsheet row number of `rows[0]` (1-based).
    pub first_row: usize,
    /// The spreadsheet column number of each row's first cell (1-based).
    pub first_column: usize,
}

/// What the bytes hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    /// Grids of cells.
    Grids(Vec<Grid>),
    /// A bank JSON's text (without BOM).
    Json(String),
}

/// What was read, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The kind of file.
    pub kind: FileKind,
    /// The text encoding, for a text or JSON file.
    pub encoding: Option<TextEncoding>,
    /// The cell delimiter of a text file.
    pub delimiter: Option<char>,
    /// The contents.
    pub contents: Contents,
}

/// Why the bytes could not be read: one sheet-level issue, and the 1-based row and column it
/// concerns when known (an unclosed quote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// What is wrong.
    pub issue: SheetIssue,
    /// Where, when known: (row, column), 1-based, with the header cells before it when known.
    pub at: Option<(usize, usize)>,
    /// The rows read before the problem (to name its column by header).
    pub rows_before: Vec<Vec<String>>,
}

/// Reads `bytes` (the file name is only a hint, used when the content is ambiguous).
pub fn read_source(file_name: &str, bytes: &[u8]) -> Result<Source, Unread> {
    let fail = |why: Unreadable| Unread {
        issue: SheetIssue::Unreadable { why },
        at: None,
        rows_before: Vec::new(),
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let grids =
            super::workbook::read_workbook(bytes).map_err(|e| fail(Unreadable::workbook(e)))?;
        return Ok(Source {
            kind: FileKind::Workbook,
            encoding: None,
            delimiter: None,
            contents: Contents::Grids(grids),
        });
    }
    if bytes.is_empty() {
        return Err(fail(Unreadable::Empty));
    }
    let (text, encoding) = decode_text(bytes).ok_or_else(|| fail(Unreadable::NotText))?;
    let lower = file_name.to_ascii_lowercase();
    if text.trim_start().starts_with('{') || lower.ends_with(".json") {
        return Ok(Source {
            kind: FileKind::Json,
            encoding: Some(encoding),
            delimiter: None,
            contents: Contents::Json(text),
        });
    }
    let delimiter = detect_delimiter(&text);
    let rows = parse_delimited(&text, delimiter).map_err(|open: UnclosedQuote| Unread {
        issue: SheetIssue::UnclosedQuote { line: open.line },
        at: Some((open.row, open.column)),
        rows_before: open.rows_before,
    })?;
    Ok(Source {
        kind: FileKind::Text,
        encoding: Some(encoding),
        delimiter: Some(delimiter),
        contents: Contents::Grids(vec![Grid {
            name: None,
            rows,
            first_row: 1,
            first_column: 1,
        }]),
    })
}

/// Decodes text by its byte-order mark, else as UTF-8 when valid, else as GB18030. `None` for
/// bytes that are not text (NUL bytes outside UTF-16).
pub fn decode_text(bytes: &[u8]) -> Option<(String, TextEncoding)> {
    use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Some((
            String::from_utf8_lossy(rest).into_owned(),
            TextEncoding::Utf8,
        ));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (text, _) = UTF_16LE.decode_without_bom_handling(rest);
        return Some((text.into_owned(), TextEncoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (text, _) = UTF_16BE.decode_without_bom_handling(rest);
        return Some((text.into_owned(), TextEncoding::Utf16Be));
    }
    if bytes.contains(&0) {
        return None;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((text.to_owned(), TextEncoding::Utf8));
    }
    let (text, _, malformed) = GB18030.decode(bytes);
    (!malformed).then(|| (text.into_owned(), TextEncoding::Gb18030))
}

/// The cell delimiter of a text sheet, judged from its first lines: a tab when tabs outnumber
/// commas, `;` when there are semicolons but neither commas nor tabs, else a comma.
pub fn detect_delimiter(text: &str) -> char {
    let head: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(10)
        .collect();
    let count = |c: char| head.iter().map(|l| l.matches(c).count()).sum::<usize>();
    let (tabs, commas, semis) = (count('\t'), count(','), count(';'));
    if tabs > 0 && tabs >= commas {
        '\t'
    } else if commas == 0 && semis > 0 {
        ';'
    } else {
        ','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_told_by_bom_then_utf8_then_gbk() {
        let (gbk, _, _) = encoding_rs::GBK.encode("题干,答案\n下列,A\n");
        assert_eq!(
            decode_text(&gbk),
            Some(("题干,答案\n下列,A\n".to_owned(), TextEncoding::Gb18030))
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "题干\t答案".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        assert_eq!(
            decode_text(&utf16),
            Some(("题干\t答案".to_owned(), TextEncoding::Utf16Le))
        );
        let mut be = vec![0xFE, 0xFF];
        for unit in "题干".encode_utf16() {
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode_text(&be).unwrap().1, TextEncoding::Utf16Be);
        assert_eq!(
            decode_text("\u{feff}题干".as_bytes()),
            Some(("题干".to_owned(), TextEncoding::Utf8))
        );
        assert_eq!(decode_text(&[0x00, 0x01, 0x02]), None);
    }

    #[test]
    fn the_delimiter_is_found_in_the_first_lines() {
        assert_eq!(detect_delimiter("题干\t答案\n下列,哪些\tA\n"), '\t');
        assert_eq!(detect_delimiter("id,audience\nq1,elderly;everyone\n"), ',');
        assert_eq!(detect_delimiter("题干;答案\n下列;A\n"), ';');
    }

    #[test]
    fn kinds_are_told_by_content_not_by_name() {
        let json = read_source("bank.csv", b"  {\"format\": 1}").unwrap();
        assert_eq!(json.kind, FileKind::Json);
        let tsv = read_source("bank.json.txt", "题干\t答案\n".as_bytes()).unwrap();
        assert_eq!(tsv.kind, FileKind::Text);
        assert_eq!(tsv.delimiter, Some('\t'));
        let broken = read_source("bank.xlsx", b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(matches!(broken.issue, SheetIssue::Unreadable { .. }));
    }
}
