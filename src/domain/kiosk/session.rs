//! The kiosk as data (the learner app's shape, `domain::app`): one state value, one entry point.
//! [`KioskModel::apply`] takes an [`Event`] (a tap, the clock, speech, a bank, the staff's
//! settings) and returns what must be written ([`KioskPersist`]). It never does IO, reads no clock
//! and draws no random number: the shell passes those in [`KioskEnv`].
//!
//! Screens: [`Screen::Attract`] (rotating tips) → `Choosing` (a topic or "a bit of everything";
//! language and elder mode) → `Answering` (a practice of `questions_per_session` questions, each
//! judged at once) → `EndCard` → "Again" (choosing) or "Done" (attract). Over any screen but the
//! attract screen, after `idle_seconds` without a touch (read-aloud pauses the count), the
//! [`StillThere`] overlay counts down `countdown_seconds`; a touch keeps the session, zero resets.
//! No reset happens without that warning, except "Done", which the customer chose.
//!
//! A reset forgets the customer: the screen, the round, the language and elder mode go back to the
//! kiosk's defaults. Nothing per customer is ever written. What a session leaves is one anonymous
//! [`Outcome`]: written when the end card appears (completed), or at a reset part-way (abandoned)
//! if at least one question was answered. A session counts as *started* at its first answer: one
//! abandoned before any answer (a passer-by's tap, a child trying the screen) leaves nothing, so
//! "sessions started" counts people who took part. A reload starts a new model on the attract
//! screen: the model keeps nothing that must survive one, except the settings it writes.

mod banks;
mod card;
mod events;
mod idle;
mod preview;
mod rehearsal;

pub use card::{
    lesson, phone_url, tip_at, tips, EndCard, Hotline, Praise, Takeaway, TAKEAWAYS, TIP_MS,
};
pub use events::{Event, KioskEnv, KioskPersist};
pub use idle::{StillThere, MAX_SPEECH_MS};

use super::outcome::{Answered, Outcome, TopicChoice};
use super::settings::{KioskOverrides, KioskSettings, SettingProblem};
use crate::domain::bank::{Bank, Topic};
use crate::domain::date::{beijing_hour, Date};
use crate::domain::library::Library;
use crate::domain::progress::question_key;
use crate::domain::session::Session;
use crate::domain::text::{Lang, LocalText};
use idle::IdleClock;
use std::sync::Arc;

/// A session in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskRound {
    /// What the customer chose.
    pub choice: TopicChoice,
    /// The questions and answers (always a practice: each answer revealed at once).
    pub session: Session,
    /// When it was drawn (Unix milliseconds), for the outcome's date and hour.
    started_ms: f64,
}

/// The screen shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Waiting for a customer: tips, the bank's name, "Touch to start".
    Attract,
    /// Choosing a topic (and language, elder mode).
    Choosing,
    /// Answering the session's questions.
    Answering(Box<KioskRound>),
    /// The end card of a completed session.
    EndCard(Box<EndCard>),
}

/// The kiosk's state. See the module documentation.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskModel {
    deployment: KioskOverrides,
    device: KioskOverrides,
    settings: KioskSettings,
    problems: Vec<SettingProblem>,
    library: Library,
    /// Banks that arrived during a session, added when it ends.
    waiting: Vec<Arc<Bank>>,
    tips: Vec<LocalText>,
    screen: Screen,
    still_there: Option<StillThere>,
    lang: Lang,
    elder: bool,
    idle: IdleClock,
    /// When a customer paused the rotating tips (the tip of that moment stays), if paused.
    tips_paused_at: Option<f64>,
}

impl KioskModel {
    /// The kiosk as it opens (and after every reload): the attract screen, with the deployment's
    /// defaults and this device's overrides.
    pub fn new(deployment: KioskOverrides, device: KioskOverrides) -> KioskModel {
        let (settings, problems) = KioskSettings::resolve(&deployment, &device);
        KioskModel {
            lang: settings.lang,
            elder: settings.elder,
            deployment,
            device,
            settings,
            problems,
            library: Library::default(),
            waiting: Vec::new(),
            tips: Vec::new(),
            screen: Screen::Attract,
            still_there: None,
            idle: IdleClock::new(0.0),
            tips_paused_at: None,
        }
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The session in progress, if one.
    pub fn round(&self) -> Option<&KioskRound> {
        match &self.screen {
            Screen::Answering(round) => Some(round),
            _ => None,
        }
    }

    /// The "Still there?" overlay, if shown.
    pub fn still_there(&self) -> Option<&StillThere> {
        self.still_there.as_ref()
    }

    /// The language shown.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether elder mode is on.
    pub fn elder(&self) -> bool {
        self.elder
    }

    /// The settings in force.
    pub fn settings(&self) -> &KioskSettings {
        &self.settings
    }

    /// The deployment's settings (`kiosk.json`), under this device's.
    pub fn deployment(&self) -> &KioskOverrides {
        &self.deployment
    }

    /// This device's overrides (what the operator panel edits).
    pub fn overrides(&self) -> &KioskOverrides {
        &self.device
    }

    /// Settings values that were not used, for the operator panel.
    pub fn setting_problems(&self) -> &[SettingProblem] {
        &self.problems
    }

    /// The banks in use.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The tip on the attract screen at `now_ms` (while paused, the one shown when paused).
    pub fn tip(&self, now_ms: f64) -> Option<&LocalText> {
        tip_at(&self.tips, self.tips_paused_at.unwrap_or(now_ms))
    }

    /// Whether the rotating tips are paused (WCAG 2.2.2: moving content can be paused). A pause
    /// ends with "resume", or by itself once the kiosk has been idle for `idle_seconds`, so it
    /// never stays for the next customer.
    pub fn tips_paused(&self) -> bool {
        self.tips_paused_at.is_some()
    }

    /// The topics offered on the choosing screen: the settings' topics that have questions today.
    pub fn topics_offered(&self, now_ms: f64) -> Vec<Topic> {
        self.settings
            .topics
            .iter()
            .copied()
            .filter(|t| !self.pool(&[*t], now_ms).is_empty())
            .collect()
    }

    /// Applies one event; returns what must be written, in order. Events that do not apply to the
    /// screen (a stale tap, a double tap) change nothing and write nothing.
    pub fn apply(&mut self, event: Event, env: &KioskEnv) -> Vec<KioskPersist> {
        let mut out = Vec::new();
        let now = env.now_ms;
        match event {
            Event::BankLoaded(bank) => {
                self.waiting.push(bank);
                if self.round().is_none() {
                    self.add_waiting(now);
                }
            }
            Event::DeploymentLoaded(deployment) => {
                self.deployment = deployment;
                self.resolve(now);
            }
            Event::SetOverrides(device) => {
                self.device = device.clone();
                self.resolve(now);
                out.push(KioskPersist::Settings(device));
            }
            Event::Tick => self.tick(env, &mut out),
            Event::SpeakingStarted => self.idle.set_speaking(true, now),
            Event::SpeakingEnded => self.idle.set_speaking(false, now),
            Event::Done => {
                if self.screen != Screen::Attract {
                    self.reset(env, &mut out);
                }
            }
            tap => {
                let warned = self.still_there.take().is_some();
                self.idle.touch(now);
                // The first tap after "Still there?" only dismisses it: it landed on the overlay.
                if !warned {
                    self.customer(tap, env, &mut out);
                }
            }
        }
        out
    }

    /// A customer's tap on the screen shown.
    fn customer(&mut self, event: Event, env: &KioskEnv, out: &mut Vec<KioskPersist>) {
        match (event, &self.screen) {
            (Event::Start, Screen::Attract) => self.screen = Screen::Choosing,
            (Event::PauseTips(paused), Screen::Attract) => {
                self.tips_paused_at = paused.then_some(env.now_ms);
            }
            (Event::SetLang(lang), _) => {
                self.lang = lang;
                self.leave_attract();
            }
            (Event::SetElder(elder), _) => {
                self.elder = elder;
                self.leave_attract();
            }
            (Event::ChooseTopic(choice), Screen::Choosing) => {
                if let Some(session) = self.draw(choice, env) {
                    let round = KioskRound {
                        choice,
                        session,
                        started_ms: env.now_ms,
                    };
                    self.screen = Screen::Answering(Box::new(round));
                }
            }
            (step @ (Event::Toggle(_) | Event::Submit | Event::Next), Screen::Answering(_)) => {
                self.step(step, env, out);
            }
            (Event::Again, Screen::EndCard(_)) => self.screen = Screen::Choosing,
            _ => {}
        }
    }

    /// Language and elder mode are on the attract screen too; changing one starts the session,
    /// so the attract screen always shows the kiosk's defaults.
    fn leave_attract(&mut self) {
        if self.screen == Screen::Attract {
            self.screen = Screen::Choosing;
        }
    }

    /// A tick, a check or a "next" in the session shown; the last "next" ends it.
    fn step(&mut self, event: Event, env: &KioskEnv, out: &mut Vec<KioskPersist>) {
        let Screen::Answering(round) = &mut self.screen else {
            return;
        };
        let Some((_, item)) = round.session.shown() else {
            return;
        };
        let Some(question) = self.library.question(&item.bank, &item.question) else {
            return;
        };
        let Some(practice) = round.session.practice_mut() else {
            return;
        };
        let stepped = match event {
            Event::Toggle(option) => practice.toggle(question.kind, &option).is_ok(),
            Event::Submit => practice.submit(question).is_ok(),
            Event::Next => practice.advance().is_ok(),
            _ => false,
        };
        if stepped && practice.is_finished() {
            self.finish(env, out);
        }
    }

    /// The session is complete: its outcome is written and the end card shown.
    fn finish(&mut self, env: &KioskEnv, out: &mut Vec<KioskPersist>) {
        let Screen::Answering(round) = &self.screen else {
            return;
        };
        let correct = u32::try_from(round.session.correct()).unwrap_or(u32::MAX);
        let prize_code = self
            .settings
            .prize_threshold
            .filter(|n| correct >= *n)
            .and(env.prize_code)
            .map(str::to_owned);
        let outcome = self.outcome(round, true, prize_code.is_some());
        let card = EndCard::new(round, &self.library, &self.settings, prize_code);
        out.push(KioskPersist::Outcome(outcome));
        self.screen = Screen::EndCard(Box::new(card));
        self.add_waiting(env.now_ms);
    }

    /// Back to the attract screen, forgetting the customer; a session abandoned after an answer
    /// leaves its outcome.
    fn reset(&mut self, env: &KioskEnv, out: &mut Vec<KioskPersist>) {
        if let Some(round) = self.round() {
            if round.session.answered() > 0 {
                out.push(KioskPersist::Outcome(self.outcome(round, false, false)));
            }
        }
        self.screen = Screen::Attract;
        self.still_there = None;
        self.lang = self.settings.lang;
        self.elder = self.settings.elder;
        self.idle = IdleClock::new(env.now_ms);
        self.tips_paused_at = None;
        self.add_waiting(env.now_ms);
    }

    /// The clock: "Still there?" once idle long enough; the reset once its countdown runs out.
    fn tick(&mut self, env: &KioskEnv, out: &mut Vec<KioskPersist>) {
        let now = env.now_ms;
        let idle_limit_ms = f64::from(self.settings.idle_seconds) * 1000.0;
        if self.screen == Screen::Attract {
            // The tips rotate again for the next passer-by.
            if self.idle.idle_ms(now) >= idle_limit_ms {
                self.tips_paused_at = None;
            }
            return;
        }
        let countdown_ms = f64::from(self.settings.countdown_seconds) * 1000.0;
        match self.still_there {
            Some(warning) if now >= warning.until_ms => self.reset(env, out),
            Some(warning) => {
                // A clock set back must not stretch the countdown.
                let until_ms = warning.until_ms.min(now + countdown_ms);
                self.still_there = Some(StillThere { until_ms });
            }
            None => {
                if self.idle.idle_ms(now) >= idle_limit_ms {
                    self.still_there = Some(StillThere {
                        until_ms: now + countdown_ms,
                    });
                }
            }
        }
    }

    /// The anonymous record of `round` as it stands.
    fn outcome(&self, round: &KioskRound, completed: bool, prize_issued: bool) -> Outcome {
        let session = &round.session;
        let answers = session
            .items()
            .iter()
            .zip(session.answers())
            .map(|(item, answer)| Answered {
                key: question_key(&item.bank, &item.question),
                chosen: answer.chosen.clone(),
                correct: answer.correct,
            })
            .collect();
        Outcome {
            date: Date::beijing_from_unix_ms(round.started_ms),
            hour: beijing_hour(round.started_ms),
            choice: round.choice,
            total: u32::try_from(session.total()).unwrap_or(u32::MAX),
            answers,
            completed,
            elder: self.elder,
            lang: self.lang,
            prize_issued,
        }
    }

    /// Settings changed: the kiosk's defaults apply to the next customer (at once on the attract
    /// screen, which always shows them).
    fn resolve(&mut self, now_ms: f64) {
        (self.settings, self.problems) = KioskSettings::resolve(&self.deployment, &self.device);
        if self.screen == Screen::Attract {
            self.lang = self.settings.lang;
            self.elder = self.settings.elder;
        }
        self.derive_tips(now_ms);
    }
}

#[cfg(test)]
mod tests;
