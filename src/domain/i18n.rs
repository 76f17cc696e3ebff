//! The interface's words, in both languages: the catalogue of messages (`Msg`, its entries in
//! `i18n/catalogue.rs`), and the filling of a message's placeholders.
//!
//! Every visible string of the interface comes from here (bank content comes from the banks).
//! The macro makes a missing language a compile error; a test checks no entry is empty and every
//! `{0}`-style placeholder appears in both languages.
//!
//! Counts: `{0:question|questions}` in a template is the word for the count in argument 0, the
//! first form when it is 1 and the second otherwise (English; Chinese has no plural and needs none).
//! Punctuation belongs to its language: full-width in Chinese (`：`, `、`, `（）`), ASCII in English;
//! [`Msg::Colon`] and [`and_list`] give the joins the screens make themselves.

use crate::domain::text::Lang;

/// Builds a catalogue enum (`Msg`, the kiosk's `KioskMsg`) from `Key => "中文", "English";`
/// entries: one variant and one match arm per language for each, so a missing language does not
/// compile.
macro_rules! messages {
    ($(#[$enum_doc:meta])* $name:ident; $($(#[$doc:meta])* $key:ident => $zh:expr, $en:expr;)*) => {
        $(#[$enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$doc])* $key,)*
        }

        impl $name {
            /// Every message, for tests.
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, Lang::Zh) => $zh, ($name::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}
pub(crate) use messages;

mod catalogue;

pub use catalogue::Msg;

/// The name of a topic.
pub fn topic_name(topic: crate::domain::bank::Topic) -> Msg {
    use crate::domain::bank::Topic;
    match topic {
        Topic::Fraud => Msg::TopicFraud,
        Topic::Privacy => Msg::TopicPrivacy,
        Topic::Investing => Msg::TopicInvesting,
        Topic::Rights => Msg::TopicRights,
    }
}

/// The name of an audience.
pub fn audience_name(audience: crate::domain::bank::Audience) -> Msg {
    use crate::domain::bank::Audience;
    match audience {
        Audience::Everyone => Msg::AudienceEveryone,
        Audience::Elderly => Msg::AudienceElderly,
        Audience::Youth => Msg::AudienceYouth,
        Audience::Newcomers => Msg::AudienceNewcomers,
    }
}

/// The name of a difficulty level (1 to 3).
pub fn difficulty_name(level: u8) -> Msg {
    match level {
        1 => Msg::Difficulty1,
        2 => Msg::Difficulty2,
        _ => Msg::Difficulty3,
    }
}

impl Msg {
    /// The message with `{0}`, `{1}` … replaced by `args`, and `{0:one|many}` by the form for the
    /// count in argument 0.
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        fill(self.text(lang), args)
    }
}

/// Replaces `{0}`, `{1}` … in `template` by `args`, and `{0:one|many}` by `one` when argument 0
/// is 1, else `many`. A placeholder without its argument is left as it is; argument values are
/// never read as placeholders themselves.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let values: Vec<String> = args.iter().map(ToString::to_string).collect();
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after
            .find('}')
            .and_then(|close| Some((close, placeholder(&after[..close], &values)?)));
        match filled {
            Some((close, text)) => {
                out.push_str(text);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What one placeholder (`0`, or `0:one|many`) stands for, if its argument is given.
fn placeholder<'a>(inside: &'a str, values: &'a [String]) -> Option<&'a str> {
    let (index, forms) = match inside.split_once(':') {
        Some((index, forms)) => (index, Some(forms)),
        None => (inside, None),
    };
    let value = values.get(index.parse::<usize>().ok()?)?;
    match forms {
        None => Some(value),
        Some(forms) => {
            let (one, many) = forms.split_once('|')?;
            Some(if value == "1" { one } else { many })
        }
    }
}

/// A list in running text: "1、2、3" in Chinese, "1, 2 and 3" in English.
pub fn and_list(lang: Lang, items: &[String]) -> String {
    match (lang, items) {
        (Lang::Zh, _) => items.join(lang.list_separator()),
        (Lang::En, []) => String::new(),
        (Lang::En, [one]) => one.clone(),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
    }
}

/// Checks every page's catalogue the same way (tests only): each message has text in both
/// languages with the same `{n}` placeholders, and each language its own punctuation once filled.
#[cfg(test)]
pub(crate) mod catalogue_checks {
    use super::Lang;

    /// The placeholders `{0}`…`{9}` a text uses.
    pub fn placeholders(text: &str) -> Vec<usize> {
        (0..10)
            .filter(|i| text.contains(&format!("{{{i}}}")))
            .collect()
    }

    /// `name`'s Chinese and English texts: both there, with the same placeholders.
    pub fn assert_both_languages(name: &str, zh: &str, en: &str) {
        assert!(!zh.trim().is_empty(), "{name} has no Chinese text");
        assert!(!en.trim().is_empty(), "{name} has no English text");
        assert_eq!(
            placeholders(zh),
            placeholders(en),
            "{name} placeholders differ"
        );
    }

    /// `name` filled in each language: no full-width punctuation in English, no ASCII punctuation
    /// in Chinese, and no placeholder left.
    pub fn assert_own_punctuation(name: &str, zh: &str, en: &str) {
        assert!(
            !en.chars().any(|c| "，：；（）、。？！“”".contains(c)),
            "{name}: {en}"
        );
        assert!(!zh.chars().any(|c| ":;,()?!".contains(c)), "{name}: {zh}");
        assert!(!en.contains('{') && !zh.contains('{'), "{name}");
    }

    /// Both checks over every message of a catalogue, `text` giving a message's text and `fill`
    /// the message filled with 2 in every placeholder.
    pub fn check_catalogue<M: Copy + std::fmt::Debug>(
        all: &[M],
        text: impl Fn(M, Lang) -> &'static str,
        fill: impl Fn(M, Lang) -> String,
    ) {
        for &msg in all {
            let name = format!("{msg:?}");
            assert_both_languages(&name, text(msg, Lang::Zh), text(msg, Lang::En));
            assert_own_punctuation(&name, &fill(msg, Lang::Zh), &fill(msg, Lang::En));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_as_each_language_writes_them() {
        let items = |n: usize| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(Lang::Zh, &items(3)), "1、2、3");
        assert_eq!(and_list(Lang::En, &items(3)), "1, 2 and 3");
        assert_eq!(and_list(Lang::En, &items(2)), "1 and 2");
        assert_eq!(and_list(Lang::En, &items(1)), "1");
        assert_eq!(and_list(Lang::En, &items(0)), "");
    }

    #[test]
    fn fill_leaves_missing_placeholders_and_never_reads_values_as_templates() {
        assert_eq!(fill("{0} and {1}", &[&"{1}"]), "{1} and {1}");
        assert_eq!(fill("{0:one|many}", &[&1]), "one");
        assert_eq!(fill("{0:one|many}", &[&0]), "many");
        assert_eq!(fill("a {b} {", &[&1]), "a {b} {");
    }

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(Msg::Position.fill(Lang::En, &[&3, &10]), "Question 3 of 10");
        assert_eq!(
            Msg::Position.fill(Lang::Zh, &[&3, &10]),
            "第 3 题 / 共 10 题"
        );
    }
}
