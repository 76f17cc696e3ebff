//! CSV text as spreadsheets save it, and back: cells, quoting and line breaks (RFC 4180), and the
//! one way a sheet can be unreadable as a whole, a quote that is never closed. Knows nothing of
//! banks.

/// A quote that opens a quoted cell and is never closed, or closed by a quote that cannot end a
/// cell (one followed by more text): everything after it would be read into that one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnclosedQuote {
    /// 1-based spreadsheet row (CSV record) where the quote opened.
    pub row: usize,
    /// 1-based column of the cell where the quote opened.
    pub column: usize,
    /// 1-based line of the text where the quote opened (differs from `row` after cells with line
    /// breaks).
    pub line: usize,
    /// The complete rows before that row.
    pub rows_before: Vec<Vec<String>>,
}

impl UnclosedQuote {
    /// The quote opened at `(row, column, line)`, with the complete rows read before that row.
    fn at((row, column, line): (usize, usize, usize), mut rows: Vec<Vec<String>>) -> Self {
        rows.truncate(row - 1);
        UnclosedQuote {
            row,
            column,
            line,
            rows_before: rows,
        }
    }
}

/// Parses CSV text (RFC 4180: quoted cells may hold commas, quotes as `""`, and line breaks).
/// A quote opens a quoted cell only at the start of a cell; elsewhere it is text, as in Excel. A
/// quoted cell left open is an error placed where it opened: at the end of the text, or as soon as
/// its "closing" quote is followed by more text (then it was really the next cell's opening quote).
///
/// Each cell and row is stored at its exact size, copied out of buffers reused from one to the
/// next: grown in place, they kept up to twice their size (a row of 10,000 empty cells, 10 KB of
/// commas, held 393 KB instead of 240 KB).
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, UnclosedQuote> {
    parse_delimited(text, ',')
}

/// Parses delimited text as [`parse_csv`] does, with `delimiter` between cells (`,`, a tab for
/// "Unicode text" or tab-separated sheets, `;` for sheets saved by European settings).
pub fn parse_delimited(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, UnclosedQuote> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    // Where the open quote started: (row, column, line), all 1-based.
    let mut quoted: Option<(usize, usize, usize)> = None;
    let mut line = 1;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
        }
        if let Some((row, column, line)) = quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' if chars
                    .peek()
                    .is_none_or(|c| *c == delimiter || matches!(c, '\r' | '\n')) =>
                {
                    quoted = None
                }
                '"' => return Err(UnclosedQuote::at((row, column, line), rows)),
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = Some((rows.len() + 1, row.len() + 1, line)),
            c if c == delimiter => row.push(exact(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(exact(&mut cell));
                rows.push(exact_row(&mut row));
                any = false;
            }
            _ => cell.push(c),
        }
    }
    if let Some(opened) = quoted {
        return Err(UnclosedQuote::at(opened, rows));
    }
    if any {
        row.push(exact(&mut cell));
        rows.push(exact_row(&mut row));
    }
    Ok(rows)
}

/// The row's cells in a list of its exact size; the buffer is emptied for the next row.
fn exact_row(row: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(row.len());
    out.append(row);
    out
}

/// The cell's text at its exact size; the buffer is emptied for the next cell.
fn exact(cell: &mut String) -> String {
    let out = cell.as_str().to_owned();
    cell.clear();
    out
}

/// Writes rows as CSV, quoting cells that need it; lines end with CRLF as spreadsheets expect.
pub fn write_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) || c.starts_with(' ') || c.ends_with(' ') {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
