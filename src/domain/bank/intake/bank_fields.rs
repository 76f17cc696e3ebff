//! The bank's own fields for an imported sheet: from our template's `@` rows, else from the
//! import's settings and the file's name; and whether the bank is Chinese-only (a setting, the
//! template's `@languages` row, or, by default, any text without its English).

use super::build::Built;
use super::english::{drop_empty_english, missing_english};
use super::settings::{IntakeSettings, LanguageChoice};
use crate::domain::bank::FORMAT_VERSION;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The bank's own fields, its `questions` an empty list (the validator is given them one by
/// one), and whether it is Chinese-only (its questions then without their empty English).
pub(super) fn bank_fields(
    built: &Built,
    meta: &BTreeMap<String, String>,
    template: bool,
    file_name: &str,
    settings: &IntakeSettings,
) -> (Map<String, Value>, bool) {
    let m = |k: &str| meta.get(k).cloned().unwrap_or_default();
    let or = |sheet: String, fallback: &str| {
        if sheet.is_empty() {
            fallback.to_owned()
        } else {
            sheet
        }
    };
    let id = if template {
        m("@id")
    } else {
        settings.bank_id_for(None, file_name)
    };
    let title_zh = or(m("@title_zh"), &settings.title.zh);
    let title_zh = if title_zh.is_empty() && !template {
        file_title(file_name).unwrap_or_else(|| id.clone())
    } else {
        title_zh
    };
    let mut bank = Map::new();
    bank.insert("format".into(), Value::from(FORMAT_VERSION));
    bank.insert("id".into(), Value::String(id));
    let topic = or(
        m("@topic"),
        if template {
            ""
        } else {
            settings.topic.as_str()
        },
    );
    bank.insert("topic".into(), Value::String(topic));
    let version = or(
        m("@version"),
        &if template {
            String::new()
        } else {
            settings.version.to_string()
        },
    );
    bank.insert(
        "version".into(),
        version
            .parse::<u64>()
            .map(Value::from)
            .unwrap_or(Value::String(version)),
    );
    let reviewed = settings.reviewed.unwrap_or(settings.today).to_string();
    let reviewed = or(m("@reviewed"), if template { "" } else { &reviewed });
    let reviewed = super::normalise::date_word(&reviewed).map_or(reviewed, |d| d.to_string());
    bank.insert("reviewed".into(), Value::String(reviewed));
    bank.insert(
        "title".into(),
        json!({ "zh": title_zh, "en": or(m("@title_en"), &settings.title.en) }),
    );
    let description_zh = or(m("@description_zh"), &settings.description.zh);
    let description_zh = if description_zh.is_empty() && !template {
        title_zh
    } else {
        description_zh
    };
    bank.insert(
        "description".into(),
        json!({ "zh": description_zh, "en": or(m("@description_en"), &settings.description.en) }),
    );
    bank.insert("questions".into(), Value::Array(Vec::new()));
    // The bank itself is no `{zh, en}` text: its English is that of its fields.
    let chinese_only = match settings.languages {
        LanguageChoice::ChineseOnly => true,
        LanguageChoice::Bilingual => false,
        LanguageChoice::Auto if template => m("@languages").trim() == "zh",
        LanguageChoice::Auto => {
            let fields = bank.values().map(missing_english).sum::<usize>();
            let questions = built.questions.iter();
            fields
                + questions
                    .map(|q| q.question.missing_english as usize)
                    .sum::<usize>()
                > 0
        }
    };
    if chinese_only {
        bank.values_mut().for_each(drop_empty_english);
        bank.insert("languages".into(), json!(["zh"]));
    }
    (bank, chinese_only)
}

/// A title from the file name: its name without folder and extension ("2026竞赛题库.xlsx" →
/// "2026竞赛题库"), when there is one.
fn file_title(file_name: &str) -> Option<String> {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem).trim();
    (!stem.is_empty()).then(|| stem.to_owned())
}
