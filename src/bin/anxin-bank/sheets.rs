//! The spreadsheet commands of `anxin-bank`: import any sheet a bank has (xlsx, csv, tsv, GBK,
//! UTF-16, our template, a bank JSON) with the bank settings as flags, check sheets with the
//! summary first, and the translator's sheet out and back. The work is `bank::intake`'s; this file
//! reads flags and files and prints.

use super::{counted, input_output, take_flag, today};
use anxin::domain::bank::intake::{
    apply_translations, read, translation_sheet, updated_index, Intake, IntakeSettings,
    LanguageChoice,
};
use anxin::domain::bank::{parse_bank, Audience, Topic};
use anxin::domain::text::{Lang, LocalText};
use std::path::Path;

/// The file names `check` treats as sheets rather than bank JSON.
pub fn is_sheet(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xls" | "ods" | "csv" | "tsv" | "txt"
        )
    })
}

/// The bank settings from the flags (`--id`, `--topic`, `--title`, `--title-en`, `--description`,
/// `--description-en`, `--audience`, `--difficulty`, `--source`, `--source-en`, `--languages`,
/// `--version`), taken out of `args`.
pub fn settings_from_flags(args: &mut Vec<String>) -> Result<IntakeSettings, String> {
    let mut s = IntakeSettings::new(today());
    if let Some(id) = take_flag(args, "--id")? {
        s.bank_id = id;
    }
    if let Some(topic) = take_flag(args, "--topic")? {
        s.topic = Topic::parse(&topic)
            .ok_or_else(|| format!("--topic: fraud, privacy, investing or rights, not {topic}"))?;
    }
    let mut text = |zh: &str, en: &str| -> Result<LocalText, String> {
        Ok(LocalText::new(
            take_flag(args, zh)?.unwrap_or_default(),
            take_flag(args, en)?.unwrap_or_default(),
        ))
    };
    s.title = text("--title", "--title-en")?;
    s.description = text("--description", "--description-en")?;
    s.source = text("--source", "--source-en")?;
    if let Some(list) = take_flag(args, "--audience")? {
        s.audience = list
            .split([';', ','])
            .map(|a| {
                Audience::parse(a.trim()).ok_or_else(|| {
                    format!("--audience: elderly, youth, newcomers or everyone, not {a}")
                })
            })
            .collect::<Result<_, _>>()?;
    }
    if let Some(d) = take_flag(args, "--difficulty")? {
        s.difficulty = d
            .parse()
            .ok()
            .filter(|d| (1..=3).contains(d))
            .ok_or_else(|| format!("--difficulty: 1, 2 or 3, not {d}"))?;
    }
    if let Some(v) = take_flag(args, "--version")? {
        s.version = v
            .parse()
            .map_err(|_| format!("--version: a whole number, not {v}"))?;
    }
    if let Some(l) = take_flag(args, "--languages")? {
        s.languages = match l.as_str() {
            "auto" => LanguageChoice::Auto,
            "zh" => LanguageChoice::ChineseOnly,
            "zh,en" | "zh+en" | "both" => LanguageChoice::Bilingual,
            _ => return Err(format!("--languages: auto, zh or zh,en, not {l}")),
        };
    }
    Ok(s)
}

/// Prints an intake: the summary first, then every problem (prefixed with `label`).
pub fn print_intake(label: &str, intake: &Intake, lang: Lang) {
    for line in intake.summary.lines(&intake.problems, lang) {
        println!("{label}: {line}");
    }
    for problem in &intake.problems {
        println!("{label}: {}", problem.line(lang));
    }
}

/// `check` of one sheet: the summary and problems; the error and warning counts.
pub fn check_sheet(
    path: &Path,
    settings: &IntakeSettings,
    lang: Lang,
) -> Result<(usize, usize), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let intake = read(&name, &bytes, settings);
    print_intake(&path.display().to_string(), &intake, lang);
    Ok((intake.summary.errors, intake.summary.warnings))
}

/// `import [flags] <sheet> -o <bank.json> [--index <index.json>]`, or with
/// `--translation-sheet <sheet>`: the translator's English into `<bank.json>`.
pub fn import(args: &[String], lang: Lang) -> Result<(), String> {
    let mut args = args.to_vec();
    if let Some(sheet) = take_flag(&mut args, "--translation-sheet")? {
        return take_translations(&sheet, &args, lang);
    }
    let index = take_flag(&mut args, "--index")?;
    let mut settings = settings_from_flags(&mut args)?;
    let (input, output) = input_output(&args)?;
    let bytes =
        std::fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let file = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| format!("{} is not a file name", output.display()))?;
    if settings.bank_id.is_empty() {
        settings.bank_id = file.trim_end_matches(".json").to_owned();
    }
    settings.json_file = Some(file);
    let name = input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let intake = read(&name, &bytes, &settings);
    print_intake(&input.display().to_string(), &intake, lang);
    let (Some(bank), Some(json)) = (&intake.bank, &intake.bank_json) else {
        let errors = intake.summary.errors;
        return Err(match lang {
            Lang::Zh => format!("导入失败：{errors} 个错误，没有写入 {}", output.display()),
            Lang::En => format!(
                "import failed: {}; {} was not written",
                counted(errors, "error", "errors"),
                output.display()
            ),
        });
    };
    std::fs::write(&output, json).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    println!("{} → {}", input.display(), output.display());
    if let Some(index) = index {
        let text =
            std::fs::read_to_string(&index).map_err(|e| format!("cannot read {index}: {e}"))?;
        let updated = updated_index(&text, bank).map_err(|e| e.to_string())?;
        std::fs::write(&index, updated).map_err(|e| format!("cannot write {index}: {e}"))?;
        println!("→ {index}");
    }
    Ok(())
}

/// `import --translation-sheet <sheet> <bank.json> -o <bank.json>`.
fn take_translations(sheet: &str, args: &[String], lang: Lang) -> Result<(), String> {
    let (input, output) = input_output(args)?;
    let bank = load_bank(&input, lang)?;
    let bytes = std::fs::read(sheet).map_err(|e| format!("cannot read {sheet}: {e}"))?;
    let translated = apply_translations(&bank, sheet, &bytes);
    for p in &translated.problems {
        println!("{sheet}: {}", p.line(lang));
    }
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let json = translated.bank.to_json();
    let report = parse_bank(&name, json.as_bytes(), today());
    for p in &report.problems {
        println!("{}", p.line(lang));
    }
    if report.bank.is_none() {
        return Err(match lang {
            Lang::Zh => format!("填入英文后题库有错误，没有写入 {}", output.display()),
            Lang::En => format!(
                "the bank has errors with the English filled in; {} was not written",
                output.display()
            ),
        });
    }
    std::fs::write(&output, json).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    match lang {
        Lang::Zh => println!(
            "填入 {} 处英文，还缺 {} 处 → {}",
            translated.filled,
            translated.remaining,
            output.display()
        ),
        Lang::En => println!(
            "{} filled, {} still without English → {}",
            translated.filled,
            translated.remaining,
            output.display()
        ),
    }
    Ok(())
}

/// `export --translation-sheet <bank.json> -o <sheet.csv>`: the texts lacking English.
pub fn export_translation_sheet(args: &[String], lang: Lang) -> Result<(), String> {
    let (input, output) = input_output(args)?;
    let bank = load_bank(&input, lang)?;
    std::fs::write(&output, translation_sheet(&bank))
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    println!("{} → {}", input.display(), output.display());
    Ok(())
}

fn load_bank(path: &Path, lang: Lang) -> Result<anxin::domain::bank::Bank, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = parse_bank(&name, &bytes, today());
    for p in &report.problems {
        println!("{}", p.line(lang));
    }
    report.bank.ok_or_else(|| match lang {
        Lang::Zh => format!("{} 有错误，先修正", path.display()),
        Lang::En => format!("{} has errors; fix them first", path.display()),
    })
}
