//! Mutations of a bank's spreadsheet (CSV) form: rows and columns deleted, repeated or swapped,
//! cells made huge or given quotes, delimiters and line breaks, very long rows, other delimiters
//! and line endings for the whole file, stray quotes.

use super::json::huge_text;
use anxin::domain::bank::sheet::csv::{parse_csv, write_csv};
use anxin::domain::rng::Rng;

/// What a cell may be given.
const CELL_BITS: &[&str] = &[
    "\"",
    "\"\"",
    ",",
    "\n",
    "\r",
    "\r\n",
    "\0",
    "\t",
    ";",
    "a;b;c",
    "true,false",
    "@id",
    "id",
    " ",
    "=SUM(A1)",
    "1e400",
    "-1",
    "99999999999999999999",
    "2026-02-30",
    "以上都对",
    "\u{FEFF}",
];

/// A sheet with one to three changes to its rows, then possibly to its text; with a description.
pub fn mutate(rng: &mut Rng, csv: &str, big: bool) -> (Vec<u8>, String) {
    let mut rows = parse_csv(csv).unwrap();
    let mut said = Vec::new();
    for _ in 0..1 + rng.below(3) {
        said.push(mutate_rows(rng, &mut rows, big));
    }
    let mut text = write_csv(&rows);
    if rng.below(3) == 0 {
        said.push(mutate_text(rng, &mut text, big));
    }
    (text.into_bytes(), said.join("; "))
}

fn mutate_rows(rng: &mut Rng, rows: &mut Vec<Vec<String>>, big: bool) -> String {
    if rows.is_empty() {
        rows.push(vec![String::new()]);
    }
    let r = rng.below(rows.len());
    let width = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let c = rng.below(width);
    let many = |rng: &mut Rng| {
        if big {
            1000 + rng.below(20_000)
        } else {
            1 + rng.below(20)
        }
    };
    match rng.below(9) {
        0 => {
            rows.remove(r);
            format!("row {r} deleted")
        }
        1 => {
            // Inputs stay below some tens of megabytes, however long the row already is.
            let size: usize = rows[r].iter().map(|c| c.len() + 1).sum();
            let times = many(rng).min((24 << 20) / size.max(1));
            let copy = rows[r].clone();
            rows.splice(r..r, std::iter::repeat_n(copy, times));
            format!("row {r} repeated {times} times")
        }
        2 => {
            let s = rng.below(rows.len());
            rows.swap(r, s);
            format!("rows {r} and {s} swapped")
        }
        3 => {
            for row in rows.iter_mut() {
                if c < row.len() {
                    row.remove(c);
                }
            }
            format!("column {c} deleted")
        }
        4 => {
            let times = many(rng);
            let row = &mut rows[r];
            for i in 0..times {
                row.push(if i % 2 == 0 {
                    format!("col{i}")
                } else {
                    String::new()
                });
            }
            format!("row {r} given {times} more cells")
        }
        5 => {
            let len = if big {
                100_000 + rng.below(1_000_000)
            } else {
                1 + rng.below(2000)
            };
            set(rows, r, c, huge_text(rng, len));
            format!("cell {r},{c} = {len} characters")
        }
        6 => {
            let bit = CELL_BITS[rng.below(CELL_BITS.len())];
            let mut cell = rows[r].get(c).cloned().unwrap_or_default();
            let at = cell
                .char_indices()
                .map(|(i, _)| i)
                .nth(rng.below(cell.chars().count() + 1))
                .unwrap_or(cell.len());
            cell.insert_str(at, bit);
            set(rows, r, c, cell);
            format!("cell {r},{c} given {bit:?}")
        }
        7 => {
            let row = &mut rows[r];
            if row.len() > 1 {
                let d = rng.below(row.len());
                let c = c.min(row.len() - 1);
                row.swap(c, d);
            }
            format!("two cells of row {r} swapped")
        }
        _ => {
            rows.insert(r, vec![CELL_BITS[rng.below(CELL_BITS.len())].to_owned()]);
            format!("a short row put at {r}")
        }
    }
}

fn set(rows: &mut [Vec<String>], r: usize, c: usize, value: String) {
    let row = &mut rows[r];
    if row.len() <= c {
        row.resize(c + 1, String::new());
    }
    row[c] = value;
}

/// A change to the whole text: the delimiter or line ending a spreadsheet chose, or a quote out of
/// place.
fn mutate_text(rng: &mut Rng, text: &mut String, big: bool) -> String {
    match rng.below(6) {
        0 => {
            let to = [";", "\t", "，"][rng.below(3)];
            *text = text.replace(',', to);
            format!("text: every comma → {to:?}")
        }
        1 => {
            let to = ["\n", "\r", "\n\n", "\r\r\n"][rng.below(4)];
            *text = text.replace("\r\n", to);
            format!("text: line endings → {to:?}")
        }
        2 | 3 => {
            let times = if big {
                1 + rng.below(500)
            } else {
                1 + rng.below(3)
            };
            for _ in 0..times {
                let at = boundary(text, rng.below(text.len() + 1));
                text.insert(at, '"');
            }
            format!("text: {times} stray quotes")
        }
        4 => {
            let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
            if let Some(&at) = quotes.get(rng.below(quotes.len().max(1))) {
                text.remove(at);
            }
            "text: a quote removed".into()
        }
        _ => {
            let times = if big { 100_000 } else { 1 + rng.below(200) };
            let at = boundary(text, rng.below(text.len() + 1));
            text.insert_str(at, &",".repeat(times));
            format!("text: {times} commas at {at}")
        }
    }
}

fn boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
