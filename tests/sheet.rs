//! Spreadsheet import and export in our own template's layout: the template imports, problems are
//! placed by row and column, and every shipped bank survives a round trip through CSV without
//! loss, also after Excel re-saves it (dates, TRUE/FALSE, GBK).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use anxin::domain::bank::intake::{read, Finding, Intake, IntakeSettings};
use anxin::domain::bank::sheet::csv::{parse_csv, write_csv, UnclosedQuote};
use anxin::domain::bank::sheet::export::export_csv;
use anxin::domain::bank::{parse_bank, ProblemKind};
use anxin::domain::date::Date;
use anxin::domain::text::Lang;
use std::path::Path;

fn today() -> Date {
    Date::new(2026, 11, 26).unwrap()
}

/// Imports `bytes` as the bank file `file` (its id must match), as `anxin-bank import` does.
fn import_sheet(file: &str, bytes: &[u8], today: Date) -> Intake {
    let mut settings = IntakeSettings::new(today);
    settings.json_file = Some(file.to_owned());
    read("sheet.csv", bytes, &settings)
}

/// (row, column header) of each problem.
fn placed(result: &Intake) -> Vec<(Option<usize>, Option<String>)> {
    result
        .problems
        .iter()
        .map(|p| {
            (
                p.place.row,
                p.place.column.as_ref().map(|c| c.header.clone()),
            )
        })
        .collect()
}

fn template() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes/template.csv")).unwrap()
}

#[test]
fn csv_cells_may_hold_commas_quotes_and_line_breaks() {
    let rows = parse_csv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,end\n").unwrap();
    assert_eq!(
        rows,
        vec![
            vec!["a".to_string(), "b, c".into(), "say \"hi\"".into()],
            vec!["two\nlines".into(), String::new(), "end".into()],
        ]
    );
    assert_eq!(parse_csv(&write_csv(&rows)).unwrap(), rows);
    assert_eq!(
        parse_csv("x,y").unwrap(),
        vec![vec!["x".to_string(), "y".into()]]
    );
}

#[test]
fn the_template_imports_warning_only_that_its_rows_are_the_examples() {
    let result = import_sheet("template.json", &template(), today());
    let codes: Vec<(Option<usize>, &str)> = result
        .problems
        .iter()
        .map(|p| (p.place.row, p.code()))
        .collect();
    assert_eq!(
        codes,
        [
            (Some(10), "template_leftover"),
            (Some(11), "template_leftover"),
            (Some(12), "template_leftover")
        ]
    );
    let bank = result.bank.unwrap();
    assert_eq!(bank.questions.len(), 3);
    let kinds: Vec<&str> = bank.questions.iter().map(|q| q.kind.as_str()).collect();
    assert_eq!(kinds, ["single", "multiple", "true_false"]);
}

#[test]
fn the_template_also_imports_without_its_byte_order_mark() {
    let bytes = template();
    let without = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap();
    assert!(import_sheet("template.json", without, today())
        .bank
        .is_some());
}

#[test]
fn a_problem_is_placed_by_row_and_column() {
    let text = String::from_utf8(template()).unwrap();
    let mut rows = parse_csv(text.trim_start_matches('\u{feff}')).unwrap();
    let header = rows.iter().position(|r| r[0] == "id").unwrap();
    let answer_col = rows[header].iter().position(|c| c == "answer").unwrap();
    let en_col = rows[header]
        .iter()
        .position(|c| c == "option_2_en")
        .unwrap();
    // Spreadsheet rows are 1-based: the first question sits right under the header.
    rows[header + 1][answer_col] = "z".into();
    rows[header + 3][en_col] = String::new();
    let result = import_sheet("template.json", write_csv(&rows).as_bytes(), today());
    assert!(result.bank.is_none());
    let placed = placed(&result);
    assert!(
        placed.contains(&(Some(header + 2), Some("answer".into()))),
        "{placed:?}"
    );
    assert!(
        placed.contains(&(Some(header + 4), Some("option_2_en".into()))),
        "{placed:?}"
    );
    let answer = result
        .problems
        .iter()
        .find(|p| {
            p.place
                .column
                .as_ref()
                .is_some_and(|c| c.header == "answer")
        })
        .unwrap();
    let Finding::Bank(problem) = &answer.finding else {
        panic!("{answer:?}")
    };
    assert_eq!(
        problem.kind,
        ProblemKind::AnswerNotAnOption { answer: "z".into() }
    );
    let letter = &answer.place.column.as_ref().unwrap().letter;
    assert!(answer
        .line(Lang::Zh)
        .starts_with(&format!("错误: 第 {} 行 {letter} 列（answer）", header + 2)));
    assert!(answer.line(Lang::En).starts_with(&format!(
        "error: row {}, column {letter} (answer)",
        header + 2
    )));
}

#[test]
fn a_gbk_sheet_is_read_without_resaving() {
    let text = String::from_utf8(template()).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text.trim_start_matches('\u{feff}'));
    assert!(!unmappable);
    let result = import_sheet("template.json", &gbk, today());
    assert_eq!(result.bank.unwrap().questions.len(), 3);
}

#[test]
fn unknown_columns_and_a_missing_header_are_reported() {
    let result = import_sheet("x.json", b"@id,x\r\nfoo,bar\r\n", today());
    assert!(result.bank.is_none());
    assert!(result
        .problems
        .iter()
        .any(|p| p.line(Lang::En).contains("No header row")));
    let text = String::from_utf8(template())
        .unwrap()
        .replace("option_ids", "option_idz");
    let result = import_sheet("template.json", text.as_bytes(), today());
    assert!(result.problems.iter().any(|p| p
        .line(Lang::En)
        .contains("These columns are not used and were ignored: option_idz")));
}

#[test]
fn every_shipped_bank_survives_a_round_trip_through_csv() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.extension().is_none_or(|e| e != "json") || name == "index.json" {
            continue;
        }
        let bank = parse_bank(&name, &std::fs::read(&path).unwrap(), today())
            .bank
            .unwrap();
        let csv = export_csv(&bank);
        let back = import_sheet(&name, csv.as_bytes(), today());
        assert!(
            back.problems.iter().all(|p| !p.is_error()),
            "{name}: {:#?}",
            back.problems
        );
        assert_eq!(
            back.bank.as_ref(),
            Some(&bank),
            "{name} changed in the round trip"
        );
        assert_eq!(export_csv(back.bank.as_ref().unwrap()), csv);
        // Re-saved by Excel: dates as 2026/11/26, true as TRUE; then also as GB18030 (Excel's
        // plain "CSV" on Chinese Windows), without the BOM.
        let resaved = excel_resave(&csv);
        assert_ne!(resaved, csv);
        let back = import_sheet(&name, resaved.as_bytes(), today());
        assert_eq!(
            back.bank.as_ref(),
            Some(&bank),
            "{name}: {:#?}",
            back.problems
        );
        let (gbk, _, _) = encoding_rs::GB18030.encode(resaved.trim_start_matches('\u{feff}'));
        let back = import_sheet(&name, &gbk, today());
        assert_eq!(
            back.bank.as_ref(),
            Some(&bank),
            "{name}: {:#?}",
            back.problems
        );
        // The JSON written after import is the bank again.
        let rewritten = parse_bank(&name, bank.to_json().as_bytes(), today())
            .bank
            .unwrap();
        assert_eq!(rewritten, bank);
        checked += 1;
    }
    assert!(checked >= 1);
}

#[test]
fn an_unclosed_quote_is_an_error_where_it_opened() {
    // The quote opens in row 2, column 2 (line 3 of the text: row 1 has a cell with a line break).
    let text = "a,\"one\ntwo\"\r\nb,\"never closed,c\r\nd,e\r\n";
    assert_eq!(
        parse_csv(text),
        Err(UnclosedQuote {
            row: 2,
            column: 2,
            line: 3,
            rows_before: vec![vec!["a".to_string(), "one\ntwo".into()]],
        })
    );
    // Closed only by the next quoted cell's opening quote: still the cell where it opened.
    let text = "a,\"open\r\nb,\"next\",c\r\n";
    assert_eq!(
        parse_csv(text).map_err(|e| (e.row, e.column, e.line)),
        Err((1, 2, 1))
    );
    // A quote inside a cell (not at its start) is text, as in Excel.
    assert_eq!(
        parse_csv("say \"hi\",b\r\n").unwrap(),
        vec![vec!["say \"hi\"".to_string(), "b".into()]]
    );
}

#[test]
fn an_unclosed_quote_stops_the_import_with_its_row_and_column() {
    let text = String::from_utf8(template()).unwrap();
    let rows = parse_csv(text.trim_start_matches('\u{feff}')).unwrap();
    let header = rows.iter().position(|r| r[0] == "id").unwrap();
    let prompt_col = rows[header].iter().position(|c| c == "prompt_en").unwrap();
    // The second question's English prompt opens a quote that never closes.
    let mut csv = write_csv(&rows[..header + 2]);
    let before = write_csv(&[rows[header + 2][..prompt_col].to_vec()]);
    csv.push_str(before.trim_end());
    csv.push_str(",\"Which are signs, of a scam?\r\n");
    csv.push_str(&write_csv(&rows[header + 3..]));

    let result = import_sheet("template.json", csv.as_bytes(), today());
    assert!(result.bank.is_none());
    assert_eq!(result.problems.len(), 1, "{:#?}", result.problems);
    let p = &result.problems[0];
    assert!(p.is_error());
    assert_eq!(
        (
            p.place.row,
            p.place.column.as_ref().map(|c| c.header.as_str())
        ),
        (Some(header + 3), Some("prompt_en"))
    );
    let letter = &p.place.column.as_ref().unwrap().letter;
    assert!(
        p.line(Lang::Zh).starts_with(&format!(
            "错误: 第 {} 行 {letter} 列（prompt_en）: 这一格里的英文双引号",
            header + 3
        )),
        "{}",
        p.line(Lang::Zh)
    );
    assert!(
        p.line(Lang::En).starts_with(&format!(
            "error: row {}, column {letter} (prompt_en): This cell has a double quote",
            header + 3
        )),
        "{}",
        p.line(Lang::En)
    );
}

#[test]
fn an_unclosed_quote_above_the_header_is_named_by_column_letter() {
    let result = import_sheet("x.json", b"@id,x\r\n@topic,\"fraud\r\nid,type\r\n", today());
    assert_eq!(result.problems.len(), 1, "{:#?}", result.problems);
    let p = &result.problems[0];
    assert_eq!(
        (
            p.place.row,
            p.place.column.as_ref().map(|c| c.letter.as_str())
        ),
        (Some(2), Some("B"))
    );
}

#[test]
fn sheet_messages_show_hidden_characters_in_what_they_quote() {
    let text = String::from_utf8(template())
        .unwrap()
        .replace("option_ids", "option_ids\u{202E}");
    let result = import_sheet("template.json", text.as_bytes(), today());
    let line = result
        .problems
        .iter()
        .map(|p| p.line(Lang::En))
        .find(|l| l.contains("not used"))
        .unwrap();
    assert!(line.contains("option_ids\\u{202E}"), "{line}");
    assert!(!line.contains('\u{202E}'), "{line}");
}

/// `csv` as Excel writes it back after opening and saving: ISO dates become `2026/11/26` (and
/// `2026/1/5` without leading zeros), `true`/`false` cells become `TRUE`/`FALSE`.
fn excel_resave(csv: &str) -> String {
    let rows = parse_csv(csv.trim_start_matches('\u{feff}')).unwrap();
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|cell| match cell.as_str() {
                    "true" => "TRUE".to_owned(),
                    "false" => "FALSE".to_owned(),
                    _ => match Date::parse(&cell) {
                        Some(d) => {
                            let [y, m, d]: [u32; 3] = d
                                .to_string()
                                .split('-')
                                .map(|p| p.parse().unwrap())
                                .collect::<Vec<_>>()
                                .try_into()
                                .unwrap();
                            format!("{y}/{m}/{d}")
                        }
                        None => cell,
                    },
                })
                .collect()
        })
        .collect();
    format!("\u{feff}{}", write_csv(&rows))
}

#[test]
fn a_repeated_id_s_problem_is_placed_on_its_own_row() {
    let text = String::from_utf8(template()).unwrap();
    let mut rows = parse_csv(text.trim_start_matches('\u{feff}')).unwrap();
    let header = rows.iter().position(|r| r[0] == "id").unwrap();
    let answer_col = rows[header].iter().position(|c| c == "answer").unwrap();
    // The third question takes the first one's id, and an answer that is no option.
    rows[header + 3][0] = "example-001".into();
    rows[header + 3][answer_col] = "maybe".into();
    let result = import_sheet("template.json", write_csv(&rows).as_bytes(), today());
    let placed = placed(&result);
    assert!(
        placed.contains(&(Some(header + 4), Some("answer".into()))),
        "{placed:?}"
    );
    assert!(
        placed.contains(&(Some(header + 4), Some("id".into()))),
        "the repeat is named on its own row: {placed:?}"
    );
    assert!(
        !placed.contains(&(Some(header + 2), Some("answer".into()))),
        "{placed:?}"
    );
}

#[test]
fn the_template_takes_answers_written_the_usual_ways() {
    let text = String::from_utf8(template()).unwrap();
    let mut rows = parse_csv(text.trim_start_matches('\u{feff}')).unwrap();
    let header = rows.iter().position(|r| r[0] == "id").unwrap();
    let answer_col = rows[header].iter().position(|c| c == "answer").unwrap();
    let original = import_sheet("template.json", &template(), today())
        .bank
        .unwrap();
    rows[header + 1][answer_col] = "B".into();
    rows[header + 2][answer_col] = "A,B".into();
    rows[header + 3][answer_col] = "TRUE".into();
    let result = import_sheet("template.json", write_csv(&rows).as_bytes(), today());
    assert_eq!(result.bank, Some(original), "{:#?}", result.problems);
}

#[test]
fn thousands_of_broken_rows_are_reported_in_a_bounded_list_and_all_counted() {
    let text = String::from_utf8(template()).unwrap();
    let mut rows = parse_csv(text.trim_start_matches('\u{feff}')).unwrap();
    let header = rows.iter().position(|r| r[0] == "id").unwrap();
    rows.truncate(header + 1);
    // 1,500 rows, each a question with an id and nothing else usable.
    rows.extend((0..1500).map(|i| vec![format!("q{i}"), "x".into()]));
    let result = import_sheet("template.json", write_csv(&rows).as_bytes(), today());
    assert!(result.bank.is_none());
    assert!(
        result.problems.len() <= anxin::domain::bank::MAX_PROBLEMS + 1,
        "{}",
        result.problems.len()
    );
    assert!(result.error_count() >= 1500, "{:?}", result.summary);
}

#[test]
fn a_problem_on_every_row_lists_a_thousand_and_counts_the_rest() {
    // Each row's answer unreadable, and each differently, so no two merge.
    let mut text = String::from("题干,选项A,选项B,答案\n");
    for i in 0..3000 {
        text.push_str(&format!("问题{i},是,否,Z{i}\n"));
    }
    let result = import_sheet("rows.json", text.as_bytes(), today());
    assert!(result.bank.is_none());
    assert_eq!(result.problems.len(), anxin::domain::bank::MAX_PROBLEMS + 1);
    let last = result.problems.last().unwrap();
    assert!(
        matches!(last.finding, Finding::Bank(ref p) if matches!(p.kind, ProblemKind::MoreProblems { errors, .. } if errors >= 2000)),
        "{last:?}"
    );
    assert!(result.error_count() >= 3000, "{:?}", result.summary);
}
