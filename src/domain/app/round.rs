//! The round on screen: what it draws from, its session, the time spent on it, the time the
//! question shown has had (a timed quiz), and what the round screen shows (answering, the result,
//! the answers).

use super::{is_open, is_practice, judged, Env, Judged, RoundAction};
use crate::domain::bank::OptionId;
use crate::domain::history::RoundRecord;
use crate::domain::i18n::{topic_name, Msg};
use crate::domain::library::{Library, RoundKind};
use crate::domain::plan::{Mode, Plan};
use crate::domain::progress::question_key;
use crate::domain::progress::Shelf;
use crate::domain::saved::{Ask, SavedResult, SavedRound};
use crate::domain::session::{Quiz, Session};
use crate::domain::stopwatch::Stopwatch;
use crate::domain::text::{Lang, LocalText};

/// Seconds left at which a timed question is announced.
pub const TIME_WARNING: u32 = 10;

/// What the round screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// The questions, and the question asked before going on, if one is ("leave and lose your
    /// answers?", "hand in with questions unanswered?").
    Answering {
        /// The question asked.
        asking: Option<Ask>,
    },
    /// The result of the finished round.
    Result(RoundRecord),
    /// Every answer of the finished round, one by one.
    Answers(RoundRecord),
}

/// The part of a round the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Showing {
    /// A question, by its place in the round (0-based).
    Question(usize),
    /// The result.
    Result,
    /// Every answer, one by one.
    Answers,
}

/// A round on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveRound {
    /// What it draws from.
    pub kind: RoundKind,
    /// Its questions, answers and place.
    pub session: Session,
    /// What the screen shows.
    pub stage: Stage,
    pub(super) clock: Stopwatch,
    /// When the question shown was first shown (a timed quiz counts from here; a reload starts
    /// the question's time again).
    asked_ms: f64,
    /// Whether the quiz's time limit applies (not in elder mode).
    timed: bool,
}

/// What one step in a round changed.
pub(super) struct Step {
    /// Answers judged by the step (one in practice, all when a quiz is handed in).
    pub judged: Vec<Judged>,
}

impl ActiveRound {
    pub(super) fn new(kind: RoundKind, session: Session, clock: Stopwatch, env: &Env) -> Self {
        let timed = session.quiz().and_then(Quiz::limit_seconds).is_some() && !env.settings.elder;
        ActiveRound {
            kind,
            session,
            stage: Stage::Answering { asking: None },
            clock,
            asked_ms: env.now_ms,
            timed,
        }
    }

    /// A round shown outside the app, untimed, on its first question: the content desk's preview
    /// of a question as the phone's round screen shows it.
    pub fn preview(kind: RoundKind, session: Session) -> Self {
        ActiveRound {
            kind,
            session,
            stage: Stage::Answering { asking: None },
            clock: Stopwatch::default(),
            asked_ms: 0.0,
            timed: false,
        }
    }

    /// The round as saved, with the time spent on it as of `now_ms`.
    pub fn saved(&self, now_ms: f64) -> SavedRound {
        SavedRound {
            kind: self.kind.clone(),
            session: self.session.clone(),
            elapsed_ms: self.clock.elapsed_ms(now_ms),
            asking: self.asking(),
        }
    }

    /// The round as its result screen shows it, once finished.
    pub fn result(&self) -> Option<SavedResult> {
        let (record, answers) = match &self.stage {
            Stage::Result(record) => (record, false),
            Stage::Answers(record) => (record, true),
            Stage::Answering { .. } => return None,
        };
        Some(SavedResult {
            kind: self.kind.clone(),
            session: self.session.clone(),
            record: record.clone(),
            answers,
        })
    }

    /// The part of the round on screen: the question shown while answering (the result once no
    /// question is left to show).
    pub fn showing(&self) -> Showing {
        match self.stage {
            Stage::Answering { .. } => self
                .session
                .shown()
                .map_or(Showing::Result, |(i, _)| Showing::Question(i)),
            Stage::Result(_) => Showing::Result,
            Stage::Answers(_) => Showing::Answers,
        }
    }

    /// Whether a practice's answer to the question shown has been checked (its feedback shows).
    pub fn revealed(&self) -> bool {
        self.session.revealed()
    }

    /// The options the question shown was answered with (none before it is answered).
    pub fn chosen(&self) -> &[OptionId] {
        self.session.chosen()
    }

    /// The question asked before going on, if one is.
    pub fn asking(&self) -> Option<Ask> {
        match self.stage {
            Stage::Answering { asking } => asking,
            _ => None,
        }
    }

    /// Asks `ask` (or nothing), if it applies to the round as it is: a reload asks again only
    /// what could still be asked.
    pub(super) fn ask(&mut self, ask: Option<Ask>) {
        let applies = match ask {
            Some(Ask::Leave) => self.leave_needs_confirming(),
            Some(Ask::HandIn) => self.hand_in_needs_confirming(),
            None => true,
        };
        if let (true, Stage::Answering { asking }) = (applies, &mut self.stage) {
            *asking = ask;
        }
    }

    /// The pass mark, for a quiz.
    pub fn pass_percent(&self) -> Option<u32> {
        self.kind.pass_percent()
    }

    /// Whether a per-question time limit runs (a timed quiz, not in elder mode).
    pub fn is_timed(&self) -> bool {
        self.timed
    }

    /// Whole seconds left for the question shown, in a timed quiz still open.
    pub fn seconds_left(&self, now_ms: f64) -> Option<u32> {
        let limit = self
            .session
            .quiz()
            .and_then(Quiz::limit_seconds)
            .filter(|_| self.timed)?;
        if !is_open(&self.session) {
            return None;
        }
        let spent = ((now_ms - self.asked_ms).max(0.0) / 1000.0) as u32;
        Some(limit.saturating_sub(spent))
    }

    /// What the screen reader hears: the verdict once a practice answer is revealed; the warning
    /// when a timed question is running out.
    pub fn announcement(&self, now_ms: f64) -> Option<(Msg, Option<u32>)> {
        match &self.session {
            Session::Practice(practice) => {
                let right = practice.revealed()?.correct;
                Some((if right { Msg::Correct } else { Msg::Wrong }, None))
            }
            Session::Quiz(quiz) if quiz.is_open() => self
                .seconds_left(now_ms)
                .filter(|left| *left <= TIME_WARNING)
                .map(|_| (Msg::TimeLeft, Some(TIME_WARNING))),
            Session::Quiz(_) => None,
        }
    }

    /// Whether leaving asks first: a quiz not handed in, with answers that would be lost.
    pub fn leave_needs_confirming(&self) -> bool {
        self.session
            .quiz()
            .is_some_and(|quiz| quiz.is_open() && quiz.has_ticks())
    }

    /// Whether handing in asks first: a quiz not handed in, with questions left unanswered.
    pub fn hand_in_needs_confirming(&self) -> bool {
        self.session
            .quiz()
            .is_some_and(|quiz| quiz.is_open() && !quiz.unanswered().is_empty())
    }

    /// Whether leaving now parks the round to continue later (a practice begun, not finished).
    pub(super) fn can_park(&self) -> bool {
        is_practice(&self.kind) && !self.session.is_finished() && !self.session.is_fresh()
    }

    pub(super) fn show_answers(&mut self, open: bool) {
        self.stage = match std::mem::replace(&mut self.stage, Stage::Answering { asking: None }) {
            Stage::Result(record) | Stage::Answers(record) if open => Stage::Answers(record),
            Stage::Result(record) | Stage::Answers(record) => Stage::Result(record),
            answering => answering,
        };
    }

    /// Applies a step to the session; `None` when it does not apply (a stale or double tap).
    pub(super) fn step(
        &mut self,
        action: &RoundAction,
        library: &Library,
        env: &Env,
    ) -> Option<Step> {
        if !matches!(self.stage, Stage::Answering { .. }) {
            return None;
        }
        let before = self.session.shown().map(|(i, _)| i);
        let asked = self.asking();
        // The question shown, for the steps that judge or tick it.
        let shown = || {
            let (_, item) = self.session.shown()?;
            let question = library.question(&item.bank, &item.question)?;
            Some((question_key(&item.bank, &item.question), question))
        };
        let mut judged_now = Vec::new();
        match action {
            RoundAction::Toggle(option) => {
                let (_, question) = shown()?;
                self.session.toggle(question.kind, option).ok()?;
            }
            RoundAction::Submit => {
                let (key, question) = shown()?;
                let outcome = self.session.practice_mut()?.submit(question).ok()?;
                judged_now.push(Judged {
                    key,
                    correct: outcome.correct,
                });
            }
            RoundAction::Next => self.session.practice_mut()?.advance().ok()?,
            RoundAction::GoTo(to) => self.session.quiz_mut()?.go_to(*to).ok()?,
            RoundAction::HandIn | RoundAction::HandInAnyway => {
                let verdicts = self
                    .session
                    .quiz_mut()?
                    .hand_in(|i| library.question(&i.bank, &i.question))
                    .ok()?;
                judged_now = judged(&self.session, verdicts);
            }
            _ => return None,
        }
        if self.session.shown().map(|(i, _)| i) != before {
            self.asked_ms = env.now_ms;
        }
        if asked == Some(Ask::HandIn) {
            // An answer or a move answers the hand-in question too (its list may be out of date).
            self.ask(None);
        }
        Some(Step { judged: judged_now })
    }
}

/// A message in both languages, as bank text is.
fn both(msg: Msg) -> LocalText {
    LocalText::new(msg.text(Lang::Zh), msg.text(Lang::En))
}

/// The title shown above a round (and on the "continue" card): "防范诈骗 · 练习", "全部主题 · 测验",
/// "每日一练" …
pub fn round_title(kind: &RoundKind, library: &Library) -> LocalText {
    match kind {
        RoundKind::Plan(plan) => plan_title(plan),
        RoundKind::Bank(id) => library
            .bank(id)
            .map(|b| b.title.clone())
            .unwrap_or_default(),
        RoundKind::Daily(_) => both(Msg::DailySet),
        RoundKind::Shelf(Shelf::WrongBook) => both(Msg::WrongBook),
        RoundKind::Shelf(Shelf::Bookmarks) => both(Msg::Bookmarks),
    }
}

fn plan_title(plan: &Plan) -> LocalText {
    let what = |lang: Lang| match plan.topics.as_slice() {
        [] => Msg::AllTopics.text(lang).to_owned(),
        many => many
            .iter()
            .map(|t| topic_name(*t).text(lang))
            .collect::<Vec<_>>()
            .join(lang.list_separator()),
    };
    let mode = match plan.mode {
        Mode::Practice => Msg::ModePractice,
        Mode::Quiz => Msg::ModeQuiz,
    };
    let title = |lang: Lang| format!("{} · {}", what(lang), mode.text(lang));
    LocalText::new(title(Lang::Zh), title(Lang::En))
}
