//! Which languages a bank is written in: the bank file's optional `languages` field.
//!
//! Every bank has Chinese. A bank without the field is bilingual (every shipped bank, and every
//! bank written before the field existed), so old files load unchanged. `"languages": ["zh"]`
//! declares a Chinese-only bank: its English texts may be missing, and the app shows the Chinese
//! in their place, labelled (`LocalText::shown_lang`). Parsing and checking the field is the
//! validator's; this file owns only the value.

use crate::domain::text::Lang;
use serde::{Serialize, Serializer};

/// The languages a bank promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Languages {
    /// Chinese and English everywhere (the default: the field is absent).
    #[default]
    Bilingual,
    /// Chinese everywhere; English where given (`"languages": ["zh"]`).
    ChineseOnly,
}

impl Languages {
    /// The codes written in the bank file.
    pub fn codes(self) -> &'static [&'static str] {
        match self {
            Languages::Bilingual => &["zh", "en"],
            Languages::ChineseOnly => &["zh"],
        }
    }

    /// Parses the list of codes in the bank file: it must name Chinese, may name English, and
    /// nothing else. `None` for anything else.
    pub fn from_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<Languages> {
        let mut seen = Vec::new();
        for code in codes {
            let lang = match code {
                "zh" => Lang::Zh,
                "en" => Lang::En,
                _ => return None,
            };
            if seen.contains(&lang) {
                return None;
            }
            seen.push(lang);
        }
        match (seen.contains(&Lang::Zh), seen.contains(&Lang::En)) {
            (true, true) => Some(Languages::Bilingual),
            (true, false) => Some(Languages::ChineseOnly),
            _ => None,
        }
    }

    /// Whether English is required in every text.
    pub fn is_bilingual(&self) -> bool {
        *self == Languages::Bilingual
    }
}

impl Serialize for Languages {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.codes().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_required_and_english_optional() {
        assert_eq!(Languages::from_codes(["zh"]), Some(Languages::ChineseOnly));
        assert_eq!(
            Languages::from_codes(["en", "zh"]),
            Some(Languages::Bilingual)
        );
        assert_eq!(Languages::from_codes(["en"]), None);
        assert_eq!(Languages::from_codes(["zh", "zh"]), None);
        assert_eq!(Languages::from_codes(["zh", "fr"]), None);
        assert_eq!(Languages::from_codes([]), None);
        assert_eq!(
            serde_json::to_string(&Languages::ChineseOnly).unwrap(),
            r#"["zh"]"#
        );
    }
}
