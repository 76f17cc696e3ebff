//! The two languages Anxin speaks and text that carries both.
//!
//! Owns `Lang` (parsed once from outside strings) and `LocalText`. Pure data: no browser access.

use serde::{Deserialize, Serialize};

/// A language the interface and the banks are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The short code used in bank files and query strings (`zh`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `<html lang>` and speech voices.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// What separates the items of a list in running text ("防诈骗、理财" / "fraud, investing").
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::Zh => "、",
            Lang::En => ", ",
        }
    }

    /// The other language (for the toggle).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Parses `zh`, `zh-CN`, `en`, `en-GB` … (any case); anything else is `None`.
    pub fn parse(value: &str) -> Option<Lang> {
        let primary = value
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" | "cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A piece of text in both languages.
///
/// The English may be empty in a Chinese-only bank (`"languages": ["zh"]`): then `get(Lang::En)`
/// falls back to the Chinese, and `shown_lang` tells the interface so it can label the text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LocalText {
    /// Chinese text (never empty in a valid bank).
    pub zh: String,
    /// English text; empty when a Chinese-only bank has no English for it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl LocalText {
    /// Builds a text from its two languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`; the Chinese when there is no English (see [`LocalText::shown_lang`]).
    pub fn get(&self, lang: Lang) -> &str {
        match self.shown_lang(lang) {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The language `get(lang)` is really in: `lang`, or Chinese when the English is missing.
    /// The interface labels such text ("中文 only") and sets its `lang` attribute and voice from it.
    pub fn shown_lang(&self, lang: Lang) -> Lang {
        if lang == Lang::En && self.en.trim().is_empty() {
            Lang::Zh
        } else {
            lang
        }
    }

    /// Whether asking for `lang` falls back to the Chinese (English missing).
    pub fn falls_back(&self, lang: Lang) -> bool {
        self.shown_lang(lang) != lang
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_tags_from_outside() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn local_text_picks_the_language() {
        let t = LocalText::new("你好", "Hello");
        assert_eq!(t.get(Lang::Zh), "你好");
        assert_eq!(t.get(Lang::En), "Hello");
        assert_eq!(Lang::Zh.other(), Lang::En);
    }

    #[test]
    fn missing_english_falls_back_to_chinese_and_says_so() {
        let t = LocalText::new("你好", "");
        assert_eq!(t.get(Lang::En), "你好");
        assert_eq!(t.shown_lang(Lang::En), Lang::Zh);
        assert!(t.falls_back(Lang::En));
        assert!(!t.falls_back(Lang::Zh));
        assert!(!LocalText::new("你好", "Hello").falls_back(Lang::En));
        // Written without the empty English, read back with it.
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#"{"zh":"你好"}"#);
        assert_eq!(serde_json::from_str::<LocalText>(&json).unwrap(), t);
    }
}
