//! Spreadsheet import and export: the template imports cleanly, problems are placed by row and
//! column, and every shipped bank survives a round trip through CSV without loss.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use anxin::domain::bank::sheet::csv::{parse_csv, write_csv, UnclosedQuote};
use anxin::domain::bank::sheet::export::export_csv;
use anxin::domain::bank::sheet::import::import_sheet;
use anxin::domain::bank::{parse_bank, ProblemKind};
use anxin::domain::date::Date;
use anxin::domain::text::Lang;
use std::path::Path;

fn today() -> Date {
    Date::new(2026, 11, 26).unwrap()
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
fn the_template_imports_without_problems() {
    let result = import_sheet("template.json", &template(), today());
    assert!(result.problems.is_empty(), "{:#?}", result.problems);
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
    let placed: Vec<(Option<usize>, Option<String>)> = result
        .problems
        .iter()
        .map(|p| (p.row, p.column.clone()))
        .collect();
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
        .find(|p| p.column.as_deref() == Some("answer"))
        .unwrap();
    assert_eq!(
        answer.problem.as_ref().unwrap().kind,
        ProblemKind::AnswerNotAnOption { answer: "z".into() }
    );
    assert!(answer
        .line(Lang::Zh)
        .starts_with(&format!("错误: 第 {} 行 “answer”列", header + 2)));
    assert!(answer
        .line(Lang::En)
        .starts_with(&format!("error: row {} column answer", header + 2)));
}

#[test]
fn a_gbk_sheet_is_refused_with_the_fix() {
    // "示例" in GBK.
    let bytes = b"@id,\xca\xbe\xc0\xfd\r\n".to_vec();
    let result = import_sheet("x.json", &bytes, today());
    assert!(result.bank.is_none());
    assert!(result.problems[0].line(Lang::Zh).contains("CSV UTF-8"));
    assert!(result.problems[0].line(Lang::En).contains("CSV UTF-8"));
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
    assert!(result
        .problems
        .iter()
        .any(|p| p.line(Lang::En).contains("Unknown column \"option_idz\"")));
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
        (p.row, p.column.as_deref()),
        (Some(header + 3), Some("prompt_en"))
    );
    assert!(
        p.line(Lang::Zh).starts_with(&format!(
            "错误: 第 {} 行 “prompt_en”列: 这一格里的英文双引号",
            header + 3
        )),
        "{}",
        p.line(Lang::Zh)
    );
    assert!(
        p.line(Lang::En).starts_with(&format!(
            "error: row {} column prompt_en: This cell has a double quote",
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
    assert_eq!(
        (result.problems[0].row, result.problems[0].column.as_deref()),
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
        .find(|l| l.contains("Unknown column"))
        .unwrap();
    assert!(line.contains("option_ids\\u{202E}"), "{line}");
    assert!(!line.contains('\u{202E}'), "{line}");
}

#[test]
fn thousands_of_unknown_rows_list_a_thousand_problems_and_count_the_rest() {
    let mut text = String::from_utf8(template()).unwrap();
    // After the template's byte-order mark.
    text.insert_str('\u{FEFF}'.len_utf8(), &"@nothing,x\r\n".repeat(1500));
    let result = import_sheet("template.json", text.as_bytes(), today());
    assert!(result.bank.is_none());
    assert_eq!(result.problems.len(), anxin::domain::bank::MAX_PROBLEMS + 1);
    assert_eq!(result.problems[999].row, Some(1000));
    let last = result.problems.last().unwrap().line(Lang::En);
    assert!(last.contains("500 more problems with the sheet"), "{last}");
}
