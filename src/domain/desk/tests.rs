//! An editor's visit to the desk, step by step.

use super::*;
use crate::domain::bank::{parse_bank, BankIndex};

/// A Chinese-only sheet in the layout banks use: Chinese headers, 单选题/判断题, 对/错, no
/// sources, no English.
const SHEET: &str = "题号,题型,题干,选项A,选项B,选项C,选项D,答案,解析\n\
1,单选题,接到自称公安民警的电话，要求把钱转到“安全账户”，应该怎么做？,照对方说的转账,挂断电话，自己拨打110核实,先转一半试试,把验证码告诉对方,B,公安机关不会要求转账到所谓安全账户。\n\
2,判断题,银行工作人员会通过短信链接要求客户更新银行卡信息。,,,,,错,银行不会通过短信链接要求更新信息。\n\
3,多选题,下列哪些做法可以保护个人信息？,不随手丢弃快递单,不在陌生网站填身份证号,把密码告诉朋友,定期修改密码,\"A,B,D\",这三种做法都能减少信息泄露。\n";

fn today() -> Date {
    Date::new(2026, 12, 5).unwrap()
}

fn desk_with_sheet() -> DeskModel {
    let mut desk = DeskModel::new(today());
    desk.apply(DeskEvent::FileRead {
        name: "反诈题库2026.csv".into(),
        bytes: SHEET.as_bytes().to_vec(),
    });
    desk
}

#[test]
fn a_chinese_sheet_without_sources_becomes_a_bank_once_a_default_source_is_set() {
    let mut desk = desk_with_sheet();
    let intake = desk.intake().unwrap();
    assert_eq!(intake.summary.questions, 3);
    let before = intake.summary.errors;
    assert!(before > 0, "no source: the bank is refused");
    assert!(desk.bank_file().is_none());
    desk.apply(DeskEvent::Set(Setting::SourceZh(
        "公安部刑侦局防骗提示".into(),
    )));
    desk.apply(DeskEvent::Set(Setting::BankId("fraud-2026".into())));
    desk.apply(DeskEvent::Set(Setting::TitleZh("反诈知识题库".into())));
    let intake = desk.intake().unwrap();
    assert_eq!(
        intake.summary.errors,
        0,
        "{:?}",
        intake.summary.lines(&intake.problems, Lang::Zh)
    );
    let (name, text) = desk.bank_file().unwrap();
    assert_eq!(name, "fraud-2026.json");
    let report = parse_bank(&name, text.as_bytes(), today());
    let bank = report.bank.expect("the written bank loads in the app");
    assert_eq!(bank.questions.len(), 3);
    assert_eq!(bank.title.zh, "反诈知识题库");
}

#[test]
fn the_preview_moves_within_the_bank_and_jumps_to_a_problems_question() {
    let mut desk = desk_with_sheet();
    desk.apply(DeskEvent::Set(Setting::SourceZh("来源".into())));
    desk.apply(DeskEvent::PreviewAt(99));
    assert_eq!(desk.preview().at, 2, "kept within the bank");
    let second = desk.bank().unwrap().questions[1].id.as_str().to_owned();
    desk.apply(DeskEvent::PreviewQuestion(second));
    assert_eq!((desk.preview().at, desk.tab()), (1, Tab::Preview));
    desk.apply(DeskEvent::PreviewQuestion("no-such".into()));
    assert_eq!(desk.preview().at, 1);
    desk.apply(DeskEvent::PreviewLang(Lang::En));
    desk.apply(DeskEvent::PreviewElder(true));
    desk.apply(DeskEvent::PreviewFrame(Frame::Kiosk));
    assert_eq!(
        desk.preview(),
        Preview {
            at: 1,
            lang: Lang::En,
            elder: true,
            frame: Frame::Kiosk,
            revealed: false
        }
    );
}

#[test]
fn the_translators_sheet_goes_out_and_comes_back_and_survives_a_changed_setting() {
    let mut desk = desk_with_sheet();
    desk.apply(DeskEvent::Set(Setting::SourceZh("来源".into())));
    let (name, sheet, missing) = desk.translation_file().unwrap();
    assert!(name.ends_with("-translation.csv"));
    assert!(missing > 0);
    // The translator fills every English cell: the last column of each row.
    let filled: String = sheet
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                format!("{line}\n")
            } else {
                assert!(
                    line.ends_with(','),
                    "the English cell is the last, empty: {line}"
                );
                format!("{line}\"English {i}\"\n")
            }
        })
        .collect();
    desk.apply(DeskEvent::TranslationsRead {
        name: "done.csv".into(),
        bytes: filled.into_bytes(),
    });
    let note = desk.translation_note().unwrap().clone();
    assert_eq!((note.filled, note.remaining), (missing, 0), "{note:?}");
    assert!(desk.translation_file().is_none());
    desk.apply(DeskEvent::Set(Setting::TitleZh("改个名字".into())));
    assert_eq!(desk.translation_note().map(|n| n.remaining), Some(0));
    assert!(desk.bank().unwrap().questions[0]
        .prompt
        .en
        .starts_with("English"));
}

#[test]
fn index_json_gets_this_banks_entry_beside_the_sites_others() {
    let mut desk = desk_with_sheet();
    desk.apply(DeskEvent::Set(Setting::SourceZh("来源".into())));
    desk.apply(DeskEvent::Set(Setting::BankId("fraud-2026".into())));
    let alone: BankIndex = serde_json::from_str(&desk.index_file().unwrap()).unwrap();
    assert_eq!(alone.banks.len(), 1, "no site index: this bank alone");
    let site = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/quizzes/index.json"))
        .unwrap();
    let site: BankIndex = serde_json::from_str(&site).unwrap();
    let shipped = site.banks.len();
    desk.apply(DeskEvent::IndexLoaded(Some(site)));
    let index: BankIndex = serde_json::from_str(&desk.index_file().unwrap()).unwrap();
    assert_eq!(index.banks.len(), shipped + 1);
    assert!(index.banks.iter().any(|b| b.id.as_str() == "fraud-2026"));
}

#[test]
fn a_file_that_cannot_be_read_is_named_and_the_previous_result_stays() {
    let mut desk = desk_with_sheet();
    desk.apply(DeskEvent::FileFailed("NotReadableError".into()));
    assert_eq!(desk.read_error(), Some("NotReadableError"));
    assert!(desk.intake().is_some());
    desk.apply(DeskEvent::FileRead {
        name: "x.json".into(),
        bytes: b"{ not json".to_vec(),
    });
    assert_eq!(desk.read_error(), None);
    assert!(desk.intake().unwrap().summary.errors > 0);
    assert!(desk.bank_file().is_none());
}

#[test]
fn a_file_that_is_not_a_sheet_is_named_and_the_bank_before_it_stays() {
    let mut desk = desk_with_sheet();
    desk.apply(DeskEvent::Set(Setting::SourceZh("来源".into())));
    assert!(desk.bank().is_some());
    desk.apply(DeskEvent::FileReading("photo.csv".into()));
    assert_eq!(desk.reading(), Some("photo.csv"));
    let png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    for (name, bytes) in [("photo.csv", png), ("empty.xlsx", Vec::new())] {
        desk.apply(DeskEvent::FileRead {
            name: name.into(),
            bytes,
        });
        assert_eq!(desk.reading(), None);
        let (rejected, why) = desk.rejected().unwrap();
        assert_eq!(rejected, name);
        assert!(why.is_error());
        assert_eq!(desk.file_name(), Some("反诈题库2026.csv"));
        assert_eq!(
            desk.bank().unwrap().questions.len(),
            3,
            "the bank before it stays"
        );
    }
    desk.apply(DeskEvent::FileRead {
        name: "反诈题库2026.csv".into(),
        bytes: SHEET.as_bytes().to_vec(),
    });
    assert_eq!(desk.rejected(), None);
}

#[test]
fn a_first_file_that_is_not_a_sheet_leaves_the_desk_empty() {
    let mut desk = DeskModel::new(today());
    desk.apply(DeskEvent::FileRead {
        name: "noise.xlsx".into(),
        bytes: vec![7; 4096].into_iter().chain([0]).collect(),
    });
    assert_eq!(desk.rejected().map(|(name, _)| name), Some("noise.xlsx"));
    assert_eq!(desk.file_name(), None);
    assert!(desk.intake().is_none());
}

#[test]
fn a_sheet_with_errors_previews_its_questions_that_have_none() {
    // Question 1's answer is past its options (the sheet's check); question 3 has no prompt
    // (the validator's): only question 2 can be previewed, and the bank is not written.
    let broken = SHEET
        .replace(",把验证码告诉对方,B,", ",把验证码告诉对方,F,")
        .replace("3,多选题,下列哪些做法可以保护个人信息？,", "3,多选题,,");
    let mut desk = DeskModel::new(today());
    desk.apply(DeskEvent::Set(Setting::SourceZh("来源".into())));
    desk.apply(DeskEvent::FileRead {
        name: "反诈题库2026.csv".into(),
        bytes: broken.into_bytes(),
    });
    assert!(desk.bank().is_none() && desk.bank_file().is_none());
    let (bank, partial) = desk.preview_bank().expect("the fine question is previewed");
    assert!(partial);
    let ids: Vec<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    let intake = desk.intake().unwrap();
    let second = intake.questions.iter().find(|q| q.row == 3).unwrap();
    assert_eq!(ids, [second.id.as_str()]);
    let first = intake
        .questions
        .iter()
        .find(|q| q.row == 2)
        .unwrap()
        .id
        .clone();
    let view = desk.frame_view(1).unwrap();
    assert_eq!(view.question().unwrap().id.as_str(), second.id);
    // A problem's question with an error is not previewed; the fine one is.
    desk.apply(DeskEvent::PreviewQuestion(first));
    assert_eq!(desk.tab(), Tab::Summary);
    desk.apply(DeskEvent::PreviewAt(5));
    assert_eq!(desk.preview().at, 0);
    // Fixed, the whole bank is the preview's.
    desk.apply(DeskEvent::FileRead {
        name: "反诈题库2026.csv".into(),
        bytes: SHEET.as_bytes().to_vec(),
    });
    let (bank, partial) = desk.preview_bank().unwrap();
    assert_eq!((bank.questions.len(), partial), (3, false));
}

#[test]
fn the_broken_fixture_previews_its_rows_without_errors_once_a_source_is_given() {
    let mut desk = DeskModel::new(today());
    desk.apply(DeskEvent::Set(Setting::SourceZh("来源".into())));
    desk.apply(DeskEvent::FileRead {
        name: "broken.xlsx".into(),
        bytes: include_bytes!("../../../tests/fixtures/broken.xlsx").to_vec(),
    });
    let intake = desk.intake().unwrap();
    let rows = |bank: &Bank| -> Vec<usize> {
        bank.questions
            .iter()
            .filter_map(|q| intake.questions.iter().find(|p| p.id == q.id.as_str()))
            .map(|p| p.row)
            .collect()
    };
    // Rows 2 and 4 have errors (an answer past the options, "以上都是"; one glued option);
    // rows 3 and 5 only warnings (numbered options; a template row).
    let (bank, partial) = desk.preview_bank().unwrap();
    assert!(partial);
    assert_eq!(rows(bank), [3, 5]);
}

#[test]
fn a_large_file_is_said_to_be_read_again_before_a_change_of_settings() {
    let set = DeskEvent::Set(Setting::SourceZh("来源".into()));
    let mut desk = desk_with_sheet();
    assert_eq!(desk.reads_slowly(&set), None, "a small sheet reads at once");
    let mut big = SHEET.to_owned();
    while big.len() <= SLOW_TO_READ {
        big.push_str(SHEET.lines().nth(1).unwrap_or_default());
        big.push('\n');
    }
    desk.apply(DeskEvent::FileRead {
        name: "big.csv".into(),
        bytes: big.into_bytes(),
    });
    assert_eq!(desk.reads_slowly(&set), Some("big.csv".to_owned()));
    assert_eq!(desk.reads_slowly(&DeskEvent::Show(Tab::Problems)), None);
    desk.apply(DeskEvent::FileReading("big.csv".into()));
    assert_eq!(desk.reading(), Some("big.csv"));
    desk.apply(set);
    assert_eq!(desk.reading(), None, "said until the new read is done");
    assert_eq!(desk.settings().source.zh, "来源");
}
