//! The hazard checks: text that is valid JSON of the right shape but misleads or trips up a
//! learner: control or invisible characters, HTML, options that point at other options or carry
//! their own letter, and true/false answers that are mostly the same.

use super::problems::ProblemKind;
use super::Ctx;
use crate::domain::bank::{Question, QuestionType};
use crate::domain::date::Date;
use crate::domain::text::{Lang, LocalText};

/// Largest share of a bank's true/false questions one answer (`true` or `false`) may have before a
/// warning. Only true/false options keep their order on screen; the others are shuffled.
pub const MAX_TRUE_FALSE_SHARE_PERCENT: usize = 70;

/// Fewest true/false questions for which their balance is judged.
pub const MIN_TRUE_FALSE_FOR_BALANCE: usize = 6;

impl Ctx {
    /// Checks that `text` is plain text: an error for a control character, warnings for an
    /// invisible character and for HTML. Returns whether there was no error.
    pub(super) fn plain_text(&mut self, field: &str, lang: Lang, text: &str) -> bool {
        let mut ok = true;
        // One pass; ordinary printable characters (nearly all of them) are passed over at once.
        let (mut control, mut invisible) = (None, None);
        for (i, c) in text.chars().enumerate() {
            if (' '..'\u{7F}').contains(&c) || ('\u{3000}'..'\u{FE00}').contains(&c) {
                continue;
            }
            if control.is_none() && is_control(c) {
                control = Some((i, c));
            } else if invisible.is_none() && is_invisible(c) {
                invisible = Some((i, c));
            }
        }
        if let Some((i, character)) = control {
            self.error(
                field,
                ProblemKind::ControlCharacter {
                    lang,
                    character,
                    position: i + 1,
                },
            );
            ok = false;
        }
        if let Some((i, character)) = invisible {
            self.warn(
                field,
                ProblemKind::InvisibleCharacter {
                    lang,
                    character,
                    position: i + 1,
                },
            );
        }
        if let Some(markup) = html_markup(text) {
            self.warn(
                field,
                ProblemKind::HtmlMarkup {
                    lang,
                    markup: markup.to_owned(),
                },
            );
        }
        ok
    }
}

/// A character that has no place in bank text: C0 and C1 controls (newline, tab and carriage return
/// excepted), DEL, and the bidirectional embeddings, overrides and isolates that reorder a line.
pub(super) fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character that shows as nothing: soft hyphen, zero-width space, direction marks, line and
/// paragraph separators, word joiners, byte-order mark, tag characters.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Warns when most true/false questions share one answer, so that always ticking it scores well.
/// Only true/false questions: the options of every other type are shuffled for each round, so
/// their order in the file says nothing about what a learner sees. Expired questions are not shown
/// and do not count.
pub(super) fn check_true_false_balance(ctx: &mut Ctx, questions: &[Question], today: Date) {
    let current: Vec<&Question> = questions.iter().filter(|q| q.is_current(today)).collect();
    let (true_count, false_count) = true_false_answers(current.iter().copied());
    let total = true_count + false_count;
    if total < MIN_TRUE_FALSE_FOR_BALANCE {
        return;
    }
    for (answer, count) in [("true", true_count), ("false", false_count)] {
        if count * 100 > total * MAX_TRUE_FALSE_SHARE_PERCENT {
            ctx.warn(
                "questions",
                ProblemKind::TrueFalseImbalance {
                    answer,
                    count,
                    total,
                },
            );
        }
    }
}

/// How many true/false questions have the answer `true`, and how many `false`.
pub fn true_false_answers<'q>(questions: impl IntoIterator<Item = &'q Question>) -> (usize, usize) {
    let mut counts = (0, 0);
    for q in questions {
        if q.kind != QuestionType::TrueFalse {
            continue;
        }
        if q.answer.iter().any(|a| a.as_str() == "true") {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
    }
    counts
}

/// Checks one option's text in both languages: an error when it points at other options, a
/// warning when it carries its own letter. One of each per option at most.
pub(super) fn check_option_text(ctx: &mut Ctx, field: &str, text: &LocalText) -> bool {
    let mut ok = true;
    if let Some(lang) = Lang::ALL
        .into_iter()
        .find(|l| points_at_other_options(text.get(*l)))
    {
        ctx.error(
            &format!("{field}.text.{}", lang.code()),
            ProblemKind::PositionalOption {
                text: text.get(lang).to_owned(),
            },
        );
        ok = false;
    }
    if let Some(lang) = Lang::ALL.into_iter().find(|l| is_numbered(text.get(*l))) {
        ctx.warn(
            &format!("{field}.text.{}", lang.code()),
            ProblemKind::NumberedOption {
                text: text.get(lang).to_owned(),
            },
        );
    }
    ok
}

/// Whether an option refers to the others by place or letter: "以上都对", "上述说法均不正确",
/// "A和B", "all of the above", "none of the above", "both A and B". Options are shuffled, so
/// such a reference points at the wrong options.
pub fn points_at_other_options(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['。', '.', '！', '!', '？', '?', '；', ';', ' ']);
    // Chinese openings that always mean "the options before this one".
    const ZH_OPENINGS: [&str; 7] = [
        "上述",
        "前述",
        "前面",
        "其他选项",
        "其它选项",
        "其余选项",
        "所有选项",
    ];
    if ZH_OPENINGS.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    // "以上都对", "以上说法均正确" — but not "以上海为例".
    if let Some(rest) = t.strip_prefix("以上").or_else(|| t.strip_prefix("上面")) {
        match rest.chars().next() {
            None => return true,
            Some(c) if "都均皆全各所说答三两二四五几诸情每任项选内的".contains(c) => {
                return true
            }
            _ => {}
        }
    }
    const ZH_WHOLE: [&str; 18] = [
        "都对",
        "都不对",
        "都正确",
        "都不正确",
        "都是",
        "都不是",
        "全对",
        "全错",
        "全部正确",
        "全部都对",
        "全都对",
        "全都正确",
        "均正确",
        "均不正确",
        "皆是",
        "皆非",
        "都选",
        "全选",
    ];
    if ZH_WHOLE.contains(&t) {
        return true;
    }
    const EN_PHRASES: [&str; 10] = [
        "the above",
        "of above",
        "all above",
        "none above",
        "options above",
        "answers above",
        "choices above",
        "above options",
        "above answers",
        "above choices",
    ];
    if t.bytes().any(|b| b == b'b' || b == b'B') {
        let lower = t.to_ascii_lowercase();
        if lower.contains("above") && EN_PHRASES.iter().any(|p| lower.contains(p)) {
            return true;
        }
    }
    // Full-width letters start with the byte 0xEF.
    t.bytes().any(|b| matches!(b, b'A'..=b'F' | 0xEF)) && names_option_letters(t)
}

/// An option letter standing alone (not part of a word such as "AB股" or "Plan A1").
fn is_option_letter(c: char) -> bool {
    matches!(c, 'A'..='F' | 'Ａ'..='Ｆ')
}

/// "A和B", "A、C", "B or C", "neither A nor B", "选项A与选项B", "AB都对", "ABC".
fn names_option_letters(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    let word = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let alone = |i: usize| {
        chars.get(i).is_some_and(|c| is_option_letter(*c))
            && (i == 0 || !word(i - 1))
            && !word(i + 1)
    };
    let skip_spaces = |mut i: usize| {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        i
    };
    let starts = |i: usize, s: &str| {
        let want: Vec<char> = s.chars().collect();
        chars.get(i..i + want.len()) == Some(&want[..])
    };
    for i in 0..chars.len() {
        // A run of two or more letters: "AB", "ACD都对".
        if i == 0 || !word(i - 1) {
            let run = chars[i..]
                .iter()
                .take_while(|c| is_option_letter(**c))
                .count();
            if run >= 2 && !word(i + run) {
                let rest: String = chars[i + run..].iter().collect();
                let rest = rest.trim_start();
                if rest.is_empty()
                    || ["都", "均", "皆", "两", "三", "正确", "对", "项", "选项"]
                        .iter()
                        .any(|p| rest.starts_with(p))
                {
                    return true;
                }
            }
        }
        if !alone(i) {
            continue;
        }
        let mut j = skip_spaces(i + 1);
        let mut joined = false;
        for connector in ["和", "与", "及", "或", "、", ",", "，", "/", "&", "+"] {
            if starts(j, connector) {
                j += 1;
                joined = true;
                break;
            }
        }
        if !joined {
            for connector in ["and", "or", "nor"] {
                let n = connector.chars().count();
                if starts(j, connector) && !word(j + n) {
                    j += n;
                    joined = true;
                    break;
                }
            }
        }
        if !joined {
            continue;
        }
        j = skip_spaces(j);
        for prefix in ["选项", "option ", "Option "] {
            if starts(j, prefix) {
                j = skip_spaces(j + prefix.chars().count());
            }
        }
        if alone(j) {
            return true;
        }
    }
    false
}

/// Whether an option starts with its own letter or number: "A.", "B、", "1、", "(A)", "（1）", "①".
pub fn is_numbered(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    let (Some(first), second, third) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    let mark = |c: char| matches!(c, 'A'..='F' | 'a'..='f' | '1'..='9' | 'Ａ'..='Ｆ' | '１'..='９');
    match first {
        '①'..='⑩' => true,
        '(' | '（' => second.is_some_and(mark) && third.is_some_and(|c| matches!(c, ')' | '）')),
        c if mark(c) => {
            second.is_some_and(|c| matches!(c, '.' | '．' | '、' | ':' | '：' | ')' | '）'))
                // "1.5 times" and "a.m." are not numbering.
                && !third.is_some_and(|c| c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

/// The first piece of HTML in `text`: a tag (`<b>`, `</p>`, `<br/>`, `<!-- … -->`) or a character
/// entity (`&nbsp;`, `&#39;`). "<3%" and "A & B" are not markup.
fn html_markup(text: &str) -> Option<&str> {
    // A byte scan first: almost no text has either character.
    if !text.bytes().any(|b| b == b'<' || b == b'&') {
        return None;
    }
    for (i, c) in text.match_indices(['<', '&']) {
        let rest = &text[i + 1..];
        match c {
            "<" => {
                let mut inner = rest.chars();
                let tag = match inner.next() {
                    Some('/') => inner.next().is_some_and(|c| c.is_ascii_alphabetic()),
                    Some('!') => true,
                    Some(c) => c.is_ascii_alphabetic(),
                    None => false,
                };
                let name_ok = rest
                    .trim_start_matches(['/', '!'])
                    .chars()
                    .find(|c| !c.is_ascii_alphanumeric() && *c != '-')
                    .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace());
                if tag && name_ok || rest.starts_with("!--") {
                    if let Some(end) = rest.find(['>', '<']) {
                        if rest[end..].starts_with('>') {
                            return Some(&text[i..i + 1 + end + 1]);
                        }
                    }
                }
            }
            _ => {
                let name: &str = rest
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                    .next()
                    .unwrap_or("");
                let entity = if let Some(num) = name.strip_prefix("#x").or(name.strip_prefix("#X"))
                {
                    !num.is_empty() && num.chars().all(|c| c.is_ascii_hexdigit())
                } else if let Some(num) = name.strip_prefix('#') {
                    !num.is_empty() && num.chars().all(|c| c.is_ascii_digit())
                } else {
                    (2..=10).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphabetic())
                };
                if entity && rest[name.len()..].starts_with(';') {
                    return Some(&text[i..i + 1 + name.len() + 1]);
                }
            }
        }
    }
    None
}
