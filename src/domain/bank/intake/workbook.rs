//! A workbook's sheets as grids of text, through `calamine` (.xlsx, .xls, .ods). Numbers are
//! written as a person would type them (`2`, not `2.0`), dates as `YYYY-MM-DD`, booleans as
//! Excel shows them (`TRUE`). Only the import reaches this file, so the phone's app never links
//! calamine.

use super::source::Grid;
use crate::domain::date::Date;
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use std::io::Cursor;

/// Days from Excel's day 0 (1899-12-30, counting its phantom 1900-02-29) to 1970-01-01.
const EXCEL_EPOCH_OFFSET: i64 = 25_569;

/// Every sheet of the workbook, in order; an error in the reader's words when it cannot be read.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Grid>, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
        let (first_row, first_column) = range
            .start()
            .map_or((1, 1), |(r, c)| (r as usize + 1, c as usize + 1));
        let rows = range
            .rows()
            .map(|row| row.iter().map(cell_text).collect())
            .collect();
        grids.push(Grid {
            name: Some(name),
            rows,
            first_row,
            first_column,
        });
    }
    Ok(grids)
}

/// The date of an Excel serial day number (1900 system), when it is a plausible date.
pub fn excel_serial_date(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    Some(Date::from_days(serial.floor() as i64 - EXCEL_EPOCH_OFFSET))
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(true) => "TRUE".to_owned(),
        Data::Bool(false) => "FALSE".to_owned(),
        Data::DateTime(d) => excel_serial_date(d.as_f64())
            .map(|d| d.to_string())
            .unwrap_or_else(|| d.as_f64().to_string()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_numbers_are_dates() {
        assert_eq!(excel_serial_date(46_352.0), Date::new(2026, 11, 26));
        assert_eq!(excel_serial_date(25_569.0), Date::new(1970, 1, 1));
        assert_eq!(excel_serial_date(0.0), None);
    }
}
