//! What the read-aloud button (朗读) says: the question (or the bank's read-aloud text for it) and its
//! options by letter; once answered, also the right answer and the explanation.

use crate::domain::bank::option_letter;
use crate::domain::bank::{OptionId, Question};
use crate::domain::i18n::Msg;
use crate::domain::text::Lang;

/// The words to speak for `question` with its options in `order`; `revealed` adds the right answer
/// and the explanation.
pub fn spoken_text(question: &Question, order: &[OptionId], lang: Lang, revealed: bool) -> String {
    let stop = if lang == Lang::Zh { "。" } else { "." };
    let mut parts = vec![question.spoken_prompt(lang).trim().to_owned()];
    for (pos, id) in order.iter().enumerate() {
        if let Some(option) = question.option(id) {
            parts.push(format!(
                "{} {}",
                option_letter(pos),
                option.text.get(lang).trim()
            ));
        }
    }
    if revealed {
        let letters: Vec<String> = order
            .iter()
            .enumerate()
            .filter(|(_, id)| question.answer.contains(id))
            .map(|(pos, _)| option_letter(pos).to_string())
            .collect();
        parts.push(Msg::RightAnswer.fill(lang, &[&letters.join(lang.list_separator())]));
        parts.push(format!(
            "{}{}{}",
            Msg::Explanation.text(lang),
            Msg::Colon.text(lang),
            question.explanation.get(lang).trim()
        ));
    }
    // Each part ends in its own punctuation, or a full stop, so the voice pauses between them.
    let ends = |p: &str| p.ends_with(['。', '.', '？', '?', '！', '!', '：', ':']);
    parts
        .into_iter()
        .map(|p| if ends(&p) { p } else { p + stop.trim_end() })
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "" } else { " " })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bank::parse_bank;
    use crate::domain::date::Date;

    fn question(read_aloud: &str) -> Question {
        let text = format!(
            r#"{{"format":1,"id":"t","topic":"fraud","version":1,"reviewed":"2026-11-01",
            "title":{{"zh":"测","en":"T"}},"description":{{"zh":"测","en":"T"}},"questions":[{{
            "id":"q1","type":"single","prompt":{{"zh":"拨打哪个号码？","en":"Which number?"}},
            "options":[{{"id":"a","text":{{"zh":"96110","en":"96110"}}}},{{"id":"b","text":{{"zh":"12345","en":"12345"}}}}],
            "answer":["a"],"explanation":{{"zh":"反诈专线是96110。","en":"The anti-fraud line is 96110."}},
            "source":{{"zh":"源","en":"S"}},"difficulty":1,"audience":["everyone"]{read_aloud}}}]}}"#
        );
        parse_bank("t.json", text.as_bytes(), Date::new(2026, 11, 27).unwrap())
            .bank
            .unwrap()
            .questions
            .remove(0)
    }

    #[test]
    fn reads_the_prompt_options_by_letter_then_answer_and_explanation() {
        let q = question("");
        let order = [OptionId::from("b"), OptionId::from("a")];
        assert_eq!(
            spoken_text(&q, &order, Lang::En, false),
            "Which number? A 12345. B 96110."
        );
        assert_eq!(
            spoken_text(&q, &order, Lang::Zh, true),
            "拨打哪个号码？A 12345。B 96110。正确答案：B。解析：反诈专线是96110。"
        );
    }

    #[test]
    fn the_banks_read_aloud_text_replaces_the_prompt() {
        let q = question(r#","read_aloud":{"zh":"应该拨打哪个号码，九六一一零还是一二三四五？"}"#);
        let order = [OptionId::from("a")];
        assert!(
            spoken_text(&q, &order, Lang::Zh, false).starts_with("应该拨打哪个号码，九六一一零")
        );
        assert!(spoken_text(&q, &order, Lang::En, false).starts_with("Which number"));
    }
}
