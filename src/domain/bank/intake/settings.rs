//! The bank-level settings an import uses for whatever the sheet does not say: the form the desk
//! shows above a dropped file, and the flags of `anxin-bank import`. Plain data with defaults.

use crate::domain::bank::{is_valid_id, Audience, Topic};
use crate::domain::date::Date;
use crate::domain::text::LocalText;

/// Which languages the imported bank declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LanguageChoice {
    /// Bilingual when every text has English, else Chinese-only (one warning with the count).
    /// Our template's layout keeps its own rule: bilingual unless its `@languages` row says `zh`.
    #[default]
    Auto,
    /// Chinese-only (`"languages": ["zh"]`): English where given.
    ChineseOnly,
    /// Bilingual: every missing English text is an error (one problem per column with a count).
    Bilingual,
}

/// What the import uses where the sheet is silent. The sheet wins where it says something (our
/// template's `@` rows, a 难度 or 来源 cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeSettings {
    /// The bank's id (file name without `.json`); empty: the sheet's `@id`, else made from the
    /// file name, else `bank`.
    pub bank_id: String,
    /// What it teaches.
    pub topic: Topic,
    /// Title for the home screen; empty Chinese: the file name.
    pub title: LocalText,
    /// One or two sentences under the title; empty Chinese: the title.
    pub description: LocalText,
    /// Who the questions are for, where a row does not say.
    pub audience: Vec<Audience>,
    /// 1–3, where a row does not say.
    pub difficulty: u8,
    /// The source given to every question whose source cell is empty (empty: none).
    pub source: LocalText,
    /// The bank's languages.
    pub languages: LanguageChoice,
    /// The bank's version number.
    pub version: u64,
    /// The review date; `None`: `today`.
    pub reviewed: Option<Date>,
    /// Today (Beijing), for expiry and the default review date.
    pub today: Date,
    /// The name the bank file will have (its id must match); `None`: `<id>.json`.
    pub json_file: Option<String>,
}

impl IntakeSettings {
    /// The defaults: topic fraud, everyone, medium difficulty, version 1, reviewed today.
    pub fn new(today: Date) -> IntakeSettings {
        IntakeSettings {
            bank_id: String::new(),
            topic: Topic::Fraud,
            title: LocalText::default(),
            description: LocalText::default(),
            audience: vec![Audience::Everyone],
            difficulty: 2,
            source: LocalText::default(),
            languages: LanguageChoice::Auto,
            version: 1,
            reviewed: None,
            today,
            json_file: None,
        }
    }

    /// The bank id to use: the settings' when valid, else `sheet_id` when valid, else one made
    /// from the file name (its ASCII letters and digits), else `bank`.
    pub fn bank_id_for(&self, sheet_id: Option<&str>, file_name: &str) -> String {
        if is_valid_id(&self.bank_id) {
            return self.bank_id.clone();
        }
        if let Some(id) = sheet_id.filter(|s| !s.is_empty()) {
            return id.to_owned();
        }
        let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        let stem = stem.split('.').next().unwrap_or(stem);
        let mut slug = String::new();
        for c in stem.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug: String = slug.trim_end_matches('-').chars().take(24).collect();
        let slug = slug.trim_end_matches('-').to_owned();
        if slug.is_empty() {
            "bank".to_owned()
        } else {
            slug
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bank_id_comes_from_settings_then_sheet_then_file_name() {
        let mut s = IntakeSettings::new(Date::EARLIEST);
        assert_eq!(
            s.bank_id_for(None, "dir/Fraud Quiz 2026.xlsx"),
            "fraud-quiz-2026"
        );
        assert_eq!(s.bank_id_for(None, "反诈题库.xlsx"), "bank");
        assert_eq!(s.bank_id_for(Some("fraud"), "x.csv"), "fraud");
        s.bank_id = "mine".into();
        assert_eq!(s.bank_id_for(Some("fraud"), "x.csv"), "mine");
    }
}
