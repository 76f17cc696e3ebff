//! What the kiosk shows around a session, derived from the banks: the end card (the score in
//! words, the things worth remembering, the hotlines, the prize code, the link to the phone app)
//! and the one-line safety tips of the attract screen.
//!
//! A tip or a takeaway is the first full sentence of a question's explanation (its lesson):
//! the banks have no separate field for it, and the explanations open with the rule to remember
//! ("公安机关从不会让群众把钱转入“安全账户”，这种账户根本不存在。").

use super::KioskRound;
use crate::domain::bank::{Audience, Question, Topic};
use crate::domain::kiosk::{KioskSettings, TopicChoice};
use crate::domain::library::Library;
use crate::domain::progress::question_key;
use crate::domain::rng::stable_hash;
use crate::domain::text::{Lang, LocalText};

/// The most things worth remembering on the end card.
pub const TAKEAWAYS: usize = 3;
/// How long each tip stays on the attract screen, in milliseconds.
pub const TIP_MS: f64 = 8_000.0;
/// The longest tip, in Chinese characters (one line on a portrait kiosk at attract size).
pub const MAX_TIP_CHARS_ZH: usize = 40;
/// The longest tip in English, in characters.
pub const MAX_TIP_CHARS_EN: usize = 120;

/// A hotline shown on the end card. The three public numbers are fixed facts
/// (`shared/content/facts.md`); the bank's own is a setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hotline {
    /// 110: the police, if money has already gone (emergency stop-payment).
    Police,
    /// 96110: the national anti-fraud warning line; answer it when it calls.
    AntiFraud,
    /// 12378: banking and insurance consumer complaints (NFRA).
    Complaints,
    /// The bank's own hotline.
    Bank(String),
}

impl Hotline {
    /// The number to dial.
    pub fn number(&self) -> &str {
        match self {
            Hotline::Police => "110",
            Hotline::AntiFraud => "96110",
            Hotline::Complaints => "12378",
            Hotline::Bank(number) => number,
        }
    }

    /// The hotlines an end card shows, in order: the public three, then the bank's if set.
    pub fn shown(settings: &KioskSettings) -> Vec<Hotline> {
        let mut lines = vec![Hotline::Police, Hotline::AntiFraud, Hotline::Complaints];
        lines.extend(settings.bank_hotline.clone().map(Hotline::Bank));
        lines
    }
}

/// How the score is put in words (the UI picks the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Praise {
    /// Every answer right.
    AllRight,
    /// More than half right.
    MostRight,
    /// Some right, half or fewer.
    SomeRight,
    /// None right (the card then encourages another go).
    NoneRight,
}

impl Praise {
    /// The words for `correct` of `total`.
    pub fn of(correct: u32, total: u32) -> Praise {
        match correct {
            0 => Praise::NoneRight,
            n if n >= total => Praise::AllRight,
            n if n * 2 > total => Praise::MostRight,
            _ => Praise::SomeRight,
        }
    }
}

/// One thing worth remembering from the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Takeaway {
    /// The question's progress key (`bank/question`), to show more of it.
    pub key: String,
    /// Whether the customer got that question wrong.
    pub missed: bool,
    /// The lesson: the first full sentence of its explanation.
    pub text: LocalText,
}

/// The end card of a completed session. Plain data derived when the session ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndCard {
    /// What the customer chose.
    pub choice: TopicChoice,
    /// Right answers.
    pub correct: u32,
    /// Questions asked.
    pub total: u32,
    /// The score in words.
    pub praise: Praise,
    /// Two or three lessons: from the questions missed first, then from those answered right.
    pub takeaways: Vec<Takeaway>,
    /// What to dial if targeted.
    pub hotlines: Vec<Hotline>,
    /// The prize code, when the threshold was reached.
    pub prize_code: Option<String>,
    /// "Continue on your phone": the learner app on the same topic, if the bank set a base URL.
    pub phone_url: Option<String>,
}

impl EndCard {
    /// The card of the finished `round`.
    pub(super) fn new(
        round: &KioskRound,
        library: &Library,
        settings: &KioskSettings,
        prize_code: Option<String>,
    ) -> EndCard {
        let session = &round.session;
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let (correct, total) = (count(session.correct()), count(session.total()));
        let mut answered: Vec<Takeaway> = session
            .items()
            .iter()
            .zip(session.answers())
            .filter_map(|(item, answer)| {
                let question = library.question(&item.bank, &item.question)?;
                Some(Takeaway {
                    key: question_key(&item.bank, &item.question),
                    missed: !answer.correct,
                    text: lesson(&question.explanation),
                })
            })
            .collect();
        // Missed first; the order asked within each.
        answered.sort_by_key(|t| !t.missed);
        let mut takeaways: Vec<Takeaway> = Vec::new();
        for takeaway in answered {
            if takeaways.len() < TAKEAWAYS && !takeaways.iter().any(|t| t.text == takeaway.text) {
                takeaways.push(takeaway);
            }
        }
        EndCard {
            choice: round.choice,
            correct,
            total,
            praise: Praise::of(correct, total),
            takeaways,
            hotlines: Hotline::shown(settings),
            prize_code,
            phone_url: phone_url(settings, round.choice),
        }
    }
}

/// The phone app's address for `choice` (`…/index.html?topic=fraud`), under the bank's base URL.
/// It names the topics and the audience only: nothing about the customer.
pub fn phone_url(settings: &KioskSettings, choice: TopicChoice) -> Option<String> {
    let base = settings.phone_base_url.as_deref()?;
    let page = if base.ends_with(".html") {
        base.to_owned()
    } else if base.ends_with('/') {
        format!("{base}index.html")
    } else {
        format!("{base}/index.html")
    };
    let topics: Vec<&str> = match choice {
        TopicChoice::Topic(topic) => vec![topic.as_str()],
        TopicChoice::Mixed => settings.topics.iter().map(|t| t.as_str()).collect(),
    };
    let mut url = format!("{page}?topic={}", topics.join(","));
    if settings.audience != Audience::Everyone {
        url.push_str("&audience=");
        url.push_str(settings.audience.as_str());
    }
    Some(url)
}

/// The sentences of `text`: each ends at 。！？ or at . ! ? before a space or the end.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|(_, c)| *c);
        let ends = matches!(c, '。' | '！' | '？')
            || (matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace));
        if ends {
            let end = at + c.len_utf8();
            out.push(text[start..end].trim());
            start = end;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// The lesson of an explanation, in each language: its first sentence long enough to say
/// something (a bare "正确。" / "True." is skipped), or the whole text if none is.
pub fn lesson(explanation: &LocalText) -> LocalText {
    let first = |lang: Lang, min: usize| {
        let text = explanation.get(lang);
        sentences(text)
            .into_iter()
            .find(|s| s.chars().count() >= min)
            .unwrap_or(text)
            .to_owned()
    };
    LocalText::new(first(Lang::Zh, 5), first(Lang::En, 10))
}

/// Whether a lesson reads as a tip on its own: one line, and not pointing back at a question
/// ("这是典型的……", "This is …").
fn stands_alone(lesson: &LocalText) -> bool {
    let (zh, en) = (&lesson.zh, &lesson.en);
    let deictic = ["这", "那", "它"].iter().any(|w| zh.starts_with(w))
        || ["This ", "That ", "It "].iter().any(|w| en.starts_with(w));
    !deictic && zh.chars().count() <= MAX_TIP_CHARS_ZH && en.chars().count() <= MAX_TIP_CHARS_EN
}

/// The attract screen's tips: the lessons that stand alone, from the current questions of the
/// topics offered for the kiosk's audience, each once, in a fixed order that mixes the topics.
pub fn tips<'a>(
    questions: impl Iterator<Item = (Topic, &'a str, &'a Question)>,
    settings: &KioskSettings,
) -> Vec<LocalText> {
    let mut ranked: Vec<(u64, LocalText)> = Vec::new();
    for (topic, bank, question) in questions {
        if !settings.topics.contains(&topic) || !settings.audience.includes(question) {
            continue;
        }
        let tip = lesson(&question.explanation);
        if stands_alone(&tip) && !ranked.iter().any(|(_, t)| *t == tip) {
            ranked.push((stable_hash(&[bank, question.id.as_str()]), tip));
        }
    }
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, tip)| tip).collect()
}

/// The tip shown at `now_ms`: each stays `TIP_MS`, then the next, round and round.
pub fn tip_at(tips: &[LocalText], now_ms: f64) -> Option<&LocalText> {
    let len = u64::try_from(tips.len()).ok().filter(|n| *n > 0)?;
    let slot = (now_ms / TIP_MS).floor();
    let slot = if slot.is_finite() && slot > 0.0 {
        slot as u64
    } else {
        0
    };
    tips.get(usize::try_from(slot % len).ok()?)
}
