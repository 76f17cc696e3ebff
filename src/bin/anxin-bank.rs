//! `anxin-bank`: the content team's tool. Checks banks with the same validator the app uses and
//! writes `quizzes/index.json`.
//!
//! ```text
//! anxin-bank check  [--lang zh|en] <folder or files…>     report every problem; exit 1 on errors
//! anxin-bank index  [--lang zh|en] <folder>               check, then rewrite <folder>/index.json
//! anxin-bank import [--lang zh|en] [settings] <sheet> -o <bank.json> [--index <index.json>]
//!                    any sheet (xlsx, xls, csv, tsv; UTF-8, GBK, UTF-16) → bank, checked
//! anxin-bank import --translation-sheet <sheet> <bank.json> -o <bank.json>   English filled in
//! anxin-bank export [--lang zh|en] [--translation-sheet] <bank.json> -o <sheet.csv>
//! anxin-bank stats merge [--lang zh|en] <a.json> <b.json>… -o <merged.json>
//!                        [--report <report.html>] [--banks <folder>]   kiosks' statistics merged
//! ```

// A crate root looks for modules beside itself; this one keeps its own in a folder.
#[path = "anxin-bank/sheets.rs"]
mod sheets;

use anxin::domain::bank::sheet::export::export_csv;
use anxin::domain::bank::{parse_bank, true_false_answers, Bank, BankIndex, BankReport};
use anxin::domain::date::Date;
use anxin::domain::i18n::{fill, topic_name};
use anxin::domain::kiosk::stats::merge_exports;
use anxin::domain::kiosk::stats::report::{activity_report, QuestionTexts};
use anxin::domain::text::Lang;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "usage:
  anxin-bank check  [--lang zh|en] [settings] <folder, bank files or sheets…>
  anxin-bank index  [--lang zh|en] <folder>
  anxin-bank import [--lang zh|en] [settings] <sheet.xlsx|.csv|.tsv|.json> -o <bank.json> [--index <index.json>]
  anxin-bank import [--lang zh|en] --translation-sheet <translated.csv|.xlsx> <bank.json> -o <bank.json>
  anxin-bank export [--lang zh|en] [--translation-sheet] <bank.json> -o <sheet.csv>
  settings (for what a sheet does not say): --id ID --topic fraud|privacy|investing|rights
    --title 标题 --title-en T --description 简介 --description-en D --audience a;b
    --difficulty 1-3 --source 依据 --source-en S --languages auto|zh|zh,en --version N
  anxin-bank stats merge [--lang zh|en] <a.json> <b.json>… -o <merged.json> [--report <report.html>] [--banks <folder>]";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let lang = take_lang(&mut args);
    let Some(command) = (!args.is_empty()).then(|| args.remove(0)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "check" => check(&args, lang).map(|_| ()),
        "index" => index(&args, lang),
        "import" => sheets::import(&args, lang),
        "export" => export(&args, lang),
        "stats" => stats(&args, lang),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command \"{other}\"\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn take_lang(args: &mut Vec<String>) -> Lang {
    let mut lang = Lang::Zh;
    if let Some(pos) = args.iter().position(|a| a == "--lang") {
        if let Some(value) = args.get(pos + 1).and_then(|v| Lang::parse(v)) {
            lang = value;
        }
        args.drain(pos..(pos + 2).min(args.len()));
    }
    lang
}

fn today() -> Date {
    let ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0);
    // The same rule as the app: the Beijing calendar date.
    Date::beijing_from_unix_ms(ms)
}

/// The bank files named by `args`: every `*.json` in a folder except `index.json`, or the files given.
fn bank_files(args: &[String]) -> Result<Vec<PathBuf>, String> {
    if args.is_empty() {
        return Err(format!("name a folder or bank files\n{USAGE}"));
    }
    let mut files = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.is_dir() {
            let entries =
                std::fs::read_dir(path).map_err(|e| format!("cannot read folder {arg}: {e}"))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .filter(|p| p.file_name().is_some_and(|n| n != "index.json"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.to_path_buf());
        }
    }
    Ok(files)
}

struct Checked {
    bytes: Vec<u8>,
    report: BankReport,
}

fn check(args: &[String], lang: Lang) -> Result<Vec<Checked>, String> {
    let started = std::time::Instant::now();
    let today = today();
    let mut checked = Vec::new();
    let (mut errors, mut warnings) = (0, 0);
    let mut args = args.to_vec();
    let settings = sheets::settings_from_flags(&mut args)?;
    let mut sheets_checked = 0;
    for path in bank_files(&args)? {
        if sheets::is_sheet(&path) {
            let (e, w) = sheets::check_sheet(&path, &settings, lang)?;
            errors += e;
            warnings += w;
            sheets_checked += 1;
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let report = parse_bank(&name, &bytes, today);
        for problem in &report.problems {
            println!("{}", problem.line(lang));
        }
        errors += report.error_count();
        warnings += report.warning_count();
        if let Some(bank) = &report.bank {
            println!("{}", summary(bank, lang));
        }
        checked.push(Checked { bytes, report });
    }
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    let line = match lang {
        Lang::Zh => format!(
            "共检查 {} 个题库：{errors} 个错误，{warnings} 个警告（用时 {elapsed:.1} 毫秒）",
            checked.len() + sheets_checked
        ),
        Lang::En => format!(
            "checked {}: {}, {} ({elapsed:.1} ms)",
            counted(checked.len() + sheets_checked, "bank", "banks"),
            counted(errors, "error", "errors"),
            counted(warnings, "warning", "warnings"),
        ),
    };
    if errors > 0 {
        Err(line)
    } else {
        println!("{line}");
        Ok(checked)
    }
}

/// `n` with the English noun for it: "1 error", "2 errors".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn summary(bank: &Bank, lang: Lang) -> String {
    use anxin::domain::bank::QuestionType;
    let count = |k: QuestionType| bank.questions.iter().filter(|q| q.kind == k).count();
    // Only true/false options keep their order on screen, so only their answers' balance matters.
    let (yes, no) = true_false_answers(&bank.questions);
    let template = match lang {
        Lang::Zh => "✓ {0}：{1} 题（单选 {2}，多选 {3}，判断 {4}）；判断题答案：正确 {5}，错误 {6}",
        Lang::En => "✓ {0}: {1} ({2} single, {3} multiple, {4} true/false); true/false answers: {5} true, {6} false",
    };
    let questions = match lang {
        Lang::Zh => bank.questions.len().to_string(),
        Lang::En => counted(bank.questions.len(), "question", "questions"),
    };
    fill(
        template,
        &[
            &bank.id,
            &questions,
            &count(QuestionType::Single),
            &count(QuestionType::Multiple),
            &count(QuestionType::TrueFalse),
            &yes,
            &no,
        ],
    )
}

fn index(args: &[String], lang: Lang) -> Result<(), String> {
    let [folder] = args else {
        return Err(format!("name one folder\n{USAGE}"));
    };
    let checked = check(args, lang)?;
    let banks: Vec<(&Bank, &[u8])> = checked
        .iter()
        .filter_map(|c| c.report.bank.as_ref().map(|b| (b, c.bytes.as_slice())))
        .collect();
    let index = BankIndex::build(&banks);
    let target = Path::new(folder).join("index.json");
    std::fs::write(&target, index.to_json())
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    let banks = index.banks.len();
    match lang {
        Lang::Zh => println!("{} → {banks} 个题库", target.display()),
        Lang::En => println!("{} → {}", target.display(), counted(banks, "bank", "banks")),
    }
    Ok(())
}

/// `<input> -o <output>` from the arguments.
fn input_output(args: &[String]) -> Result<(PathBuf, PathBuf), String> {
    match args {
        [input, flag, output] if flag == "-o" => Ok((PathBuf::from(input), PathBuf::from(output))),
        [input, output] => Ok((PathBuf::from(input), PathBuf::from(output))),
        _ => Err(format!("name the input file and -o <output file>\n{USAGE}")),
    }
}

fn export(args: &[String], lang: Lang) -> Result<(), String> {
    let mut args = args.to_vec();
    if let Some(pos) = args.iter().position(|a| a == "--translation-sheet") {
        args.remove(pos);
        return sheets::export_translation_sheet(&args, lang);
    }
    let (input, output) = input_output(&args)?;
    let bytes =
        std::fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = parse_bank(&name, &bytes, today());
    for problem in &report.problems {
        println!("{}", problem.line(lang));
    }
    let bank = report.bank.ok_or_else(|| match lang {
        Lang::Zh => format!("{} 有错误，先修正再导出", input.display()),
        Lang::En => format!("{} has errors; fix them before exporting", input.display()),
    })?;
    std::fs::write(&output, export_csv(&bank))
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    println!("{} → {}", input.display(), output.display());
    Ok(())
}

/// Takes `flag <value>` out of the arguments.
fn take_flag(args: &mut Vec<String>, flag: &str) -> Result<Option<String>, String> {
    let Some(pos) = args.iter().position(|a| a == flag) else {
        return Ok(None);
    };
    let value = args
        .get(pos + 1)
        .cloned()
        .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
    args.drain(pos..pos + 2);
    Ok(Some(value))
}

/// `stats merge`: several kiosks' exports into one, refusing other bank versions and impossible
/// counts; optionally the printable activity report.
fn stats(args: &[String], lang: Lang) -> Result<(), String> {
    let mut args = args.to_vec();
    if args.first().map(String::as_str) != Some("merge") {
        return Err(format!("unknown stats command\n{USAGE}"));
    }
    args.remove(0);
    let output = take_flag(&mut args, "-o")?
        .ok_or_else(|| format!("name the merged file with -o <file>\n{USAGE}"))?;
    let report = take_flag(&mut args, "--report")?;
    let banks = take_flag(&mut args, "--banks")?;
    if args.is_empty() {
        return Err(format!("name the kiosks' export files\n{USAGE}"));
    }
    let mut files = Vec::new();
    for arg in &args {
        let text = std::fs::read_to_string(arg).map_err(|e| format!("cannot read {arg}: {e}"))?;
        files.push((arg.as_str(), text));
    }
    let merged = merge_exports(files.iter().map(|(name, text)| (*name, text.as_str())))
        .map_err(|e| e.to_string())?;
    std::fs::write(&output, merged.to_json()).map_err(|e| format!("cannot write {output}: {e}"))?;
    match lang {
        Lang::Zh => println!(
            "{} 个文件 → {output}（{} 人次）",
            args.len(),
            merged.started
        ),
        Lang::En => println!(
            "{} → {output} ({})",
            counted(args.len(), "file", "files"),
            counted(merged.started as usize, "session", "sessions")
        ),
    }
    let Some(report) = report else {
        return Ok(());
    };
    let mut loaded = Vec::new();
    if let Some(folder) = banks {
        for checked in check(&[folder], lang)? {
            loaded.extend(checked.report.bank);
        }
    }
    let texts = QuestionTexts::from_banks(&loaded, lang);
    let name = |word: &str| {
        let key = if word == "mixed" {
            None
        } else {
            anxin::domain::bank::Topic::parse(word)
        };
        match key {
            Some(topic) => topic_name(topic).text(lang).to_owned(),
            None => match lang {
                Lang::Zh => "一样来一点".to_owned(),
                Lang::En => "A bit of everything".to_owned(),
            },
        }
    };
    let html = activity_report(&merged.view(), &texts, lang, &name);
    std::fs::write(&report, html).map_err(|e| format!("cannot write {report}: {e}"))?;
    println!("→ {report}");
    Ok(())
}
