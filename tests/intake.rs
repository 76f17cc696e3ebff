//! Intake of the sheets banks really have: Chinese headers anywhere in the first rows, answers and
//! types written the usual ways, Chinese-only content, problems placed on their own rows with a
//! summary first, encodings, and the hazards of real banks.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
#![cfg(not(target_arch = "wasm32"))]

use anxin::domain::bank::intake::{
    read, Finding, Intake, IntakeSettings, LanguageChoice, SheetIssue, TextEncoding,
};
use anxin::domain::bank::{Languages, ProblemKind, QuestionType, Severity};
use anxin::domain::date::Date;
use anxin::domain::text::{Lang, LocalText};

fn settings() -> IntakeSettings {
    let mut s = IntakeSettings::new(Date::new(2026, 11, 26).unwrap());
    s.bank_id = "contest".into();
    s.source = LocalText::new("《中华人民共和国反电信网络诈骗法》", "");
    s
}

/// A contest sheet as banks keep them: a title row, Chinese headers, sections with ids that
/// restart, answers and types written the usual ways, no English, no source column.
pub const CONTEST: &str = "2026年防范电信网络诈骗知识竞赛题库,,,,,,,,\n\
序号,题型,题目,选项A,选项B,选项C,选项D,正确答案,答案解析,难度,知识点\n\
一、单选题,,,,,,,,,,\n\
1,单选题,陌生人来电要求把钱转入安全账户，应当怎么做？,照做,挂断并拨打110核实,转一半,先问对方姓名,b,不存在所谓安全账户。,易,安全账户\n\
2,单选,收到陌生链接要求填写银行卡信息，应当？,立即填写,不点击并删除,转发给朋友,,B,陌生链接可能是钓鱼网站。,中,钓鱼链接\n\
二、多选题,,,,,,,,,,\n\
1,多选题,下列哪些属于诈骗常见话术？,刷单返利,冒充客服退款,银行柜台正常开户,冒充公检法,\"A,B,D\",这些都是常见诈骗话术。,难,话术\n\
2,,哪些信息不能告诉他人？,短信验证码,银行卡密码,今天的天气,,A、B,验证码和密码不能泄露。,中,个人信息\n\
三、判断题,,,,,,,,,,\n\
1,判断题,接到96110来电应当及时接听。,,,,,对,96110是反诈预警劝阻专线。,易,预警\n\
2,判断,可以把自己的银行卡出借给他人使用。,,,,,×,出租出借银行卡违法。,易,银行卡\n";

fn codes(intake: &Intake) -> Vec<&'static str> {
    intake.problems.iter().map(|p| p.code()).collect()
}

#[test]
fn a_chinese_contest_sheet_imports_as_a_chinese_only_bank() {
    let intake = read("竞赛题库.csv", CONTEST.as_bytes(), &settings());
    let lines: Vec<String> = intake.problems.iter().map(|p| p.line(Lang::En)).collect();
    let bank = intake.bank.as_ref().unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(bank.languages, Languages::ChineseOnly);
    assert_eq!(bank.questions.len(), 6);
    let kinds: Vec<QuestionType> = bank.questions.iter().map(|q| q.kind).collect();
    use QuestionType::*;
    assert_eq!(
        kinds,
        [Single, Single, Multiple, Multiple, TrueFalse, TrueFalse]
    );
    // Ids restart per section, so every question gets one from its own row.
    let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "contest-r4",
            "contest-r5",
            "contest-r7",
            "contest-r8",
            "contest-r10",
            "contest-r11"
        ]
    );
    let answers: Vec<Vec<&str>> = bank
        .questions
        .iter()
        .map(|q| q.answer.iter().map(|a| a.as_str()).collect())
        .collect();
    assert_eq!(
        answers,
        [
            vec!["b"],
            vec!["b"],
            vec!["a", "b", "d"],
            vec!["a", "b"],
            vec!["true"],
            vec!["false"]
        ]
    );
    let tf = &bank.questions[4];
    assert_eq!(tf.options[0].text, LocalText::new("正确", "Correct"));
    assert_eq!(bank.questions[0].difficulty, 1);
    assert_eq!(bank.questions[2].difficulty, 3);
    assert_eq!(
        bank.questions[0].source.zh,
        "《中华人民共和国反电信网络诈骗法》"
    );
    // One warning for all the missing English, and one for the 知识点 that are not tag words.
    assert_eq!(
        codes(&intake),
        ["tags_not_written", "english_missing"],
        "{lines:#?}"
    );
    let s = &intake.summary;
    assert_eq!(s.questions, 6);
    assert_eq!(s.by_type, [(Single, 2), (Multiple, 2), (TrueFalse, 2)]);
    assert_eq!(s.errors, 0);
    assert!(s.by_topic.contains(&("安全账户".to_owned(), 1)));
    assert!(intake.bank_json.as_ref().unwrap().contains("\"languages\""));
    let places: Vec<usize> = intake.questions.iter().map(|q| q.row).collect();
    assert_eq!(places, [4, 5, 7, 8, 10, 11]);
}

/// The contest sheet with `edit` applied to its text.
fn contest_with(edit: impl FnOnce(String) -> String) -> Intake {
    read("c.csv", edit(CONTEST.to_owned()).as_bytes(), &settings())
}

#[test]
fn each_problem_is_placed_on_its_own_row_not_the_first_with_that_id() {
    // Both sections have a question numbered 2; only the multiple-choice one has a bad answer.
    let intake = contest_with(|s| s.replace("A、B,验证码", "A、Z,验证码"));
    let p = intake
        .problems
        .iter()
        .find(|p| p.code() == "answer_beyond_options")
        .unwrap();
    assert_eq!(p.place.row, Some(8));
    let column = p.place.column.as_ref().unwrap();
    assert_eq!(
        (column.letter.as_str(), column.header.as_str()),
        ("H", "正确答案")
    );
    assert!(
        p.line(Lang::Zh)
            .starts_with("错误: 第 8 行 H 列（正确答案）: 答案 Z 超出了选项范围"),
        "{}",
        p.line(Lang::Zh)
    );
    assert!(intake.bank.is_none());
}

#[test]
fn a_sheet_without_a_recognised_header_says_so_once() {
    let sheet = "姓名,部门,得分\n张三,柜面,90\n李四,客服,80\n";
    let intake = read("x.csv", sheet.as_bytes(), &settings());
    let lines: Vec<String> = intake.problems.iter().map(|p| p.line(Lang::En)).collect();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let line = &lines[0];
    assert!(line.contains("No header row found"), "{line}");
    assert!(line.contains("姓名, 部门, 得分"), "{line}");
    assert!(line.contains("答案 (answer)"), "{line}");
}

#[test]
fn a_missing_column_is_one_problem_with_a_count_not_one_per_row() {
    // No source column and no default source: one error for the column, not six.
    let mut s = settings();
    s.source = LocalText::default();
    let intake = read("c.csv", CONTEST.as_bytes(), &s);
    let missing: Vec<_> = intake.problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert!(matches!(
        missing[0].finding,
        Finding::Sheet(SheetIssue::MissingColumn {
            field: "source",
            questions: 6
        })
    ));
    assert!(missing[0].line(Lang::En).contains("all 6 questions"));
}

#[test]
fn a_bilingual_bank_lacking_english_gets_one_problem_per_column_with_its_rows() {
    let mut s = settings();
    s.languages = LanguageChoice::Bilingual;
    let intake = read("c.csv", CONTEST.as_bytes(), &s);
    assert!(intake.bank.is_none());
    // Prompts, options, explanations and sources lack English; each column is named once.
    let prompt = intake
        .problems
        .iter()
        .find(|p| p.place.field == "prompt.en")
        .unwrap();

    assert_eq!(prompt.rows, [4, 5, 7, 8, 10, 11]);
    assert!(intake.problems.len() < 12, "{}", intake.problems.len());
    assert!(
        prompt
            .line(Lang::En)
            .contains("rows 4, 5, 7, 8, 10, 11 (6 rows)"),
        "{}",
        prompt.line(Lang::En)
    );
    assert!(
        intake.summary.errors > 20,
        "each row still counts: {}",
        intake.summary.errors
    );
}

#[test]
fn the_summary_comes_first_and_counts_problems_by_kind() {
    let intake = contest_with(|s| {
        s.replace(",b,不存在", ",G,不存在")
            .replace(",B,陌生", ",甲,陌生")
    });
    let lines = intake.summary.lines(&intake.problems, Lang::En);
    assert!(
        lines[0].starts_with("6 questions (2 single, 2 multiple, 2 true/false)"),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("error ×1 answer_beyond_options")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("error ×1 unreadable_answer")),
        "{lines:#?}"
    );
    assert_eq!(intake.summary.by_kind[0].severity, Severity::Error);
}

#[test]
fn hazards_of_real_banks_are_named() {
    let sheet = "题型,题干,A,B,C,D,答案,解析,来源\n\
        单选,1、陌生人来电要求转账到安全账户，怎么办？,挂断,照做,以上都是,,A,解析一,依据\n\
        单选,陌生短信怎么办？,A.删除,B.点开,C.回复,以上皆非,A,解析二,依据\n\
        单选,陌生链接怎么办？,不点 C.点开 D.回复,点开,回复,,A,解析三,依据\n\
        单选,陌生人来电要求转账到安全账户 怎么办,挂断,照做,转账,,A,解析四,依据\n\
        单选,下列说法正确的是？,甲,乙,丙,,D,解析五,依据\n\
        单选,请输入题干,甲,乙,,,A,解析六,依据\n\
        单选,有人打电话自称民警，说你的账户涉嫌洗钱，要你把钱转到“安全账户”。你应该怎么做？,甲,乙,,,A,解析七,依据\n";
    let intake = read("h.csv", sheet.as_bytes(), &settings());
    let found: Vec<(Option<usize>, &str)> = intake
        .problems
        .iter()
        .map(|p| (p.place.row, p.code()))
        .collect();
    for expected in [
        (Some(2), "numbered_prompt"),
        (Some(2), "positional_option"),
        (Some(3), "numbered_option"),
        (Some(3), "positional_option"),
        (Some(4), "glued_options"),
        (Some(5), "duplicate_prompt"),
        (Some(6), "answer_beyond_options"),
        (Some(7), "template_leftover"),
        (Some(8), "template_leftover"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:#?}");
    }
}

#[test]
fn every_common_wording_of_all_or_none_of_the_above_is_caught() {
    use anxin::domain::bank::points_at_other_options;
    for wording in [
        "以上都是",
        "以上都对",
        "以上皆是",
        "以上均正确",
        "以上都不是",
        "以上都不对",
        "以上皆非",
        "以上选项都对",
        "上述都对",
        "All of the above",
        "none of the above",
        "Both A and B",
        "A和B",
        "ABC都对",
    ] {
        assert!(points_at_other_options(wording), "{wording}");
    }
}

#[test]
fn gbk_utf16_and_tab_separated_sheets_are_read() {
    let (gbk, _, _) = encoding_rs::GBK.encode(CONTEST);
    let intake = read("c.csv", &gbk, &settings());
    assert_eq!(intake.header.encoding, Some(TextEncoding::Gb18030));
    assert_eq!(intake.bank.as_ref().unwrap().questions.len(), 6);
    // Excel's "Unicode text": UTF-16 LE with BOM, tab-separated.
    let tabbed = CONTEST.replace("\"A,B,D\"", "ABD").replace(',', "\t");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in tabbed.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let intake = read("c.txt", &utf16, &settings());
    assert_eq!(intake.header.encoding, Some(TextEncoding::Utf16Le));
    assert_eq!(intake.header.delimiter, Some('\t'));
    assert_eq!(
        intake.bank.as_ref().unwrap().questions.len(),
        6,
        "{:#?}",
        intake.problems
    );
    let bom = format!("\u{feff}{tabbed}");
    let intake = read("c.tsv", bom.as_bytes(), &settings());
    assert_eq!(intake.bank.unwrap().questions[2].answer.len(), 3);
}

#[test]
fn an_unreadable_file_is_one_problem() {
    let intake = read("c.xlsx", b"PK\x03\x04broken", &settings());
    assert_eq!(intake.problems.len(), 1);
    assert_eq!(intake.problems[0].code(), "unreadable");
    assert!(intake.problems[0].line(Lang::Zh).contains(".xlsx"));
}

#[test]
fn a_bank_json_is_checked_as_it_is() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/quizzes/rights.json")).unwrap();
    let intake = read("rights.json", &bytes, &settings());
    assert_eq!(intake.problems, []);
    assert_eq!(intake.json_file, "rights.json");
    assert_eq!(intake.summary.questions, 32);
    let broken = read("rights.json", b"{\"format\": 1}", &settings());
    assert!(broken.bank.is_none());
    assert!(broken
        .problems
        .iter()
        .any(|p| matches!(&p.finding, Finding::Bank(b) if b.kind == ProblemKind::Missing)));
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn a_workbook_is_read_sheet_by_sheet_with_its_numbers_booleans_and_dates() {
    // tests/fixtures/contest.xlsx, written by tests/fixtures/make.py with openpyxl.
    let mut s = settings();
    s.source = LocalText::default();
    let intake = read("contest.xlsx", &fixture("contest.xlsx"), &s);
    let lines: Vec<String> = intake.problems.iter().map(|p| p.line(Lang::En)).collect();
    let bank = intake.bank.as_ref().unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(codes(&intake), ["english_missing"], "{lines:#?}");
    let sheets: Vec<(Option<&str>, usize)> = intake
        .questions
        .iter()
        .map(|q| (q.sheet.as_deref(), q.row))
        .collect();
    assert_eq!(
        sheets,
        [
            (Some("选择题"), 4),
            (Some("选择题"), 5),
            (Some("选择题"), 7),
            (Some("判断题"), 2),
            (Some("判断题"), 3)
        ]
    );
    // The notes sheet has no header and is passed over; the two others are reported.
    let read_sheets: Vec<(Option<&str>, Option<usize>, usize)> = intake
        .header
        .sheets
        .iter()
        .map(|h| (h.sheet.as_deref(), h.row, h.questions))
        .collect();
    assert_eq!(
        read_sheets,
        [
            (Some("说明"), None, 0),
            (Some("选择题"), Some(2), 3),
            (Some("判断题"), Some(1), 2)
        ]
    );
    let q = &bank.questions;
    assert_eq!(q[0].valid_until, Date::new(2027, 1, 5), "a date cell");
    assert_eq!(q[1].difficulty, 2, "a number cell");
    assert_eq!(q[2].difficulty, 3, "3.0");
    assert_eq!(q[2].answer.len(), 3);
    assert_eq!(q[3].answer[0].as_str(), "true", "a TRUE cell");
    assert_eq!(q[4].answer[0].as_str(), "false", "B of 正确/错误");
    assert_eq!(q[3].id.as_str(), "contest-s3-r2", "ids restart per sheet");
}

#[test]
fn the_same_bank_kept_as_gbk_csv_reads_the_same_as_the_workbook() {
    let book = read("contest.xlsx", &fixture("contest.xlsx"), &settings())
        .bank
        .unwrap();
    let intake = read("contest.csv", &fixture("contest-gbk.csv"), &settings());
    assert_eq!(intake.header.encoding, Some(TextEncoding::Gb18030));
    let csv = intake.bank.unwrap();
    let strip = |b: &anxin::domain::bank::Bank| {
        b.questions
            .iter()
            .map(|q| {
                let mut q = q.clone();
                q.id = "x".into();
                q
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&csv), strip(&book));
}

#[test]
fn a_translator_fills_the_english_through_a_sheet_and_the_bank_becomes_bilingual() {
    use anxin::domain::bank::intake::{apply_translations, translation_sheet};
    use anxin::domain::bank::parse_bank;
    use anxin::domain::bank::sheet::csv::{parse_csv, write_csv};
    let bank = read("c.csv", CONTEST.as_bytes(), &settings()).bank.unwrap();
    let sheet = translation_sheet(&bank);
    assert!(sheet.starts_with('\u{feff}'), "UTF-8 with BOM, for Excel");
    let mut rows = parse_csv(sheet.trim_start_matches('\u{feff}')).unwrap();
    assert_eq!(rows[0], ["id", "field", "中文 Chinese", "English"]);
    assert!(rows
        .iter()
        .any(|r| r[0] == "contest-r4" && r[1] == "options[2].text" && r[2] == "挂断并拨打110核实"));
    assert!(rows.iter().skip(1).all(|r| r[3].is_empty()));
    let texts = rows.len() - 1;
    for (i, row) in rows.iter_mut().enumerate().skip(1) {
        row[3] = format!("English text {i}");
    }
    rows.push(vec![
        "contest-r99".into(),
        "prompt".into(),
        "不存在".into(),
        "Nothing".into(),
    ]);
    let filled = write_csv(&rows);
    let back = apply_translations(&bank, "translated.csv", filled.as_bytes());
    assert_eq!(back.filled, texts);
    assert_eq!(back.remaining, 0);
    assert_eq!(back.bank.languages, Languages::Bilingual);
    assert_eq!(back.problems.len(), 1);
    assert_eq!(back.problems[0].place.row, Some(rows.len()));
    assert_eq!(back.problems[0].code(), "translation_unmatched");
    // The Chinese is untouched and the bank checks as a bilingual bank.
    assert_eq!(
        back.bank.questions[0].prompt.zh,
        bank.questions[0].prompt.zh
    );
    let json = back.bank.to_json();
    let report = parse_bank(
        "contest.json",
        json.as_bytes(),
        Date::new(2026, 11, 26).unwrap(),
    );
    assert_eq!(report.problems, [], "{json}");
    // Half a translation keeps the bank Chinese-only, with the rest still to do.
    let half: Vec<Vec<String>> = rows[..texts / 2].to_vec();
    let part = apply_translations(&bank, "t.csv", write_csv(&half).as_bytes());
    assert_eq!(part.bank.languages, Languages::ChineseOnly);
    assert_eq!(part.remaining, texts - part.filled);
}

#[test]
fn a_chinese_only_bank_survives_the_csv_round_trip() {
    use anxin::domain::bank::sheet::export::export_csv;
    let bank = read("c.csv", CONTEST.as_bytes(), &settings()).bank.unwrap();
    let csv = export_csv(&bank);
    assert!(csv.contains("@languages,zh"));
    let mut s = IntakeSettings::new(Date::new(2026, 11, 26).unwrap());
    s.json_file = Some("contest.json".into());
    let back = read("contest.csv", csv.as_bytes(), &s);
    assert_eq!(back.bank.as_ref(), Some(&bank), "{:#?}", back.problems);
}

#[test]
fn the_index_entry_of_an_imported_bank_is_added_or_replaced() {
    use anxin::domain::bank::intake::updated_index;
    use anxin::domain::bank::BankIndex;
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/quizzes/index.json"))
        .unwrap();
    let bank = read("c.csv", CONTEST.as_bytes(), &settings()).bank.unwrap();
    let updated = BankIndex::parse(&updated_index(&index, &bank).unwrap()).unwrap();
    let before = BankIndex::parse(&index).unwrap();
    assert_eq!(updated.banks.len(), before.banks.len() + 1);
    let entry = updated.entry(&bank.id).unwrap();
    assert_eq!(entry.questions, 6);
    assert_eq!(
        entry.hash,
        anxin::domain::bank::content_hash(bank.to_json().as_bytes())
    );
    // Importing it again replaces the entry.
    let again = updated_index(&updated.to_json(), &bank).unwrap();
    assert_eq!(BankIndex::parse(&again).unwrap(), updated);
    assert!(updated_index("{", &bank).is_err());
}

#[test]
fn only_the_intake_module_names_the_workbook_and_encoding_crates() {
    // The phone's wasm must not link calamine or encoding_rs: only `bank::intake` (which the app
    // never calls) may use them.
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out)
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p)
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    let intake = root.join("src/domain/bank/intake");
    let mut users = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        if (text.contains("calamine::") || text.contains("encoding_rs::"))
            && !f.starts_with(&intake)
        {
            users.push(f.display().to_string());
        }
        // Of the pages, only the desk (src/ui/desk…, src/bin/desk.rs) may call the intake.
        let page = f.starts_with(root.join("src/ui"))
            || f.starts_with(root.join("src/platform"))
            || f.starts_with(root.join("src/main.rs"));
        if page && !f.display().to_string().contains("desk") {
            assert!(
                !text.contains("intake"),
                "{} reaches the intake",
                f.display()
            );
        }
    }
    assert_eq!(users, Vec::<String>::new());
}

#[test]
fn a_bank_of_thousands_of_rows_is_read_quickly() {
    let mut sheet = String::from("题型,题干,A,B,C,答案,解析\n");
    for i in 0..3000 {
        sheet.push_str(&format!(
            "单选,第{i}个关于账户{}的问题，编号{}？,甲{i},乙{i},丙{i},B,解析{i}\n",
            i * 7 % 101,
            i * 7919 % 10007
        ));
    }
    let started = std::time::Instant::now();
    let intake = read("big.csv", sheet.as_bytes(), &settings());
    assert_eq!(intake.summary.questions, 3000);
    assert!(
        intake.bank.is_some(),
        "{:#?}",
        &intake.problems[..3.min(intake.problems.len())]
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

#[test]
fn options_kept_in_one_cell_are_split() {
    let sheet = "题目,选项,答案,解析\n\
        陌生人来电要求转账到安全账户，怎么办？,\"A.照做\nB.挂断并拨打110\nC.转一半\",B,不存在安全账户。\n\
        哪些是诈骗话术？,A.刷单返利 B.冒充客服 C.柜台开户 D.冒充公检法,ABD,都是话术。\n\
        收到陌生链接怎么办？,A.点开 B.删除 C.转发,E,不要点。\n";
    let intake = read("one-cell.csv", sheet.as_bytes(), &settings());
    let p = intake
        .problems
        .iter()
        .find(|p| p.code() == "answer_beyond_options")
        .expect("the third row's answer E");
    assert_eq!(p.place.row, Some(4));
    let good = read(
        "one-cell.csv",
        sheet.replace(",E,", ",B,").as_bytes(),
        &settings(),
    );
    let bank = good.bank.unwrap_or_else(|| panic!("{:#?}", good.problems));
    assert_eq!(bank.questions[0].options[1].text.zh, "挂断并拨打110");
    assert_eq!(bank.questions[1].options.len(), 4);
    assert_eq!(bank.questions[1].kind, QuestionType::Multiple);
    assert_eq!(bank.questions[1].answer.len(), 3);
}
