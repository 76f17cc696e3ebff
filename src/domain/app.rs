//! The learner app as data (crux's shape): which screen is shown, the round on it, the practice
//! parked to continue later, the round a reload left unfinished (or the setup or result it left), a
//! deep link waiting for the banks,
//! the banks' loading status and the notices. Everything the shell used to decide is here, with
//! one entry point: [`AppModel::apply`] takes an [`Event`] and says what must be written
//! ([`Persist`]). It never does IO, reads no clock and draws no random number: the shell passes
//! those in [`Env`]. So the round lifecycle (start, park, resume, finish, time taken), which of a
//! resumed round and a deep link wins, and the back button are native unit tests.
//!
//! The learner's own records (settings, progress, history) stay with the saved-state hook; the
//! model reads them through `Env` and asks for changes through `Persist`.

use crate::domain::bank::{Audience, IndexEntry};
use crate::domain::catalog::{BankStatus, Catalog};
use crate::domain::date::Date;
use crate::domain::library::{DailySet, Library, RoundKind};
use crate::domain::link::LinkTarget;
use crate::domain::plan::Plan;
use crate::domain::plan::{Mode, DEFAULT_QUESTION_COUNT};
use crate::domain::progress::{question_key, Progress, Shelf};
use crate::domain::saved::{SavedResult, SavedRound, SavedScreen, Settings};
use crate::domain::session::{Quiz, Session};
use crate::domain::stopwatch::Stopwatch;

mod events;
mod rehearsal;
mod reopen;
mod round;
mod steps;
pub use events::{
    BankLoad, Event, Judged, Notice, OtherTab, Persist, RoundAction, Screen, SetupChoice, Start,
};
pub use round::{round_title, ActiveRound, Showing, Stage, TIME_WARNING};

/// What the model reads from the outside world for one event: the date and time, a fresh seed
/// for a draw, and the learner's records.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    /// Today (Beijing date).
    pub today: Date,
    /// Now, in Unix milliseconds.
    pub now_ms: f64,
    /// A fresh random seed, used if the event draws a round.
    pub seed: u64,
    /// The learner's question progress (what is due, the shelves).
    pub progress: &'a Progress,
    /// The learner's settings (audience, elder mode, last plan).
    pub settings: &'a Settings,
}

/// The learner app's state. See the module documentation.
#[derive(Debug, Clone, PartialEq)]
pub struct AppModel {
    screen: Screen,
    catalog: Catalog,
    library: Library,
    parked: Option<SavedRound>,
    resumable: Option<SavedRound>,
    /// The result a reload left, shown again once its banks are in (from home only).
    result: Option<SavedResult>,
    follow: Option<LinkTarget>,
    link_audience: Option<Audience>,
    notices: Vec<Notice>,
}

impl AppModel {
    /// The app as it opens. A round left unfinished wins over a deep link (the link is dropped);
    /// a link to the wrong-answer book opens it at once; any other link waits for the banks. The
    /// setup screen a reload left opens again at once, the result once its banks are in; a round
    /// to resume or a deep link wins over them.
    pub fn new(start: Start) -> AppModel {
        let resuming = start.resumable.is_some();
        let linked = start.link.target.is_some();
        let (screen, follow) = match start.link.target {
            Some(LinkTarget::WrongBook) if !resuming => (Screen::Shelf(Shelf::WrongBook), None),
            Some(LinkTarget::WrongBook) | None => (Screen::Home, None),
            Some(_) if resuming => (Screen::Home, None),
            target => (Screen::Home, target),
        };
        let (screen, result) = match start.screen {
            _ if resuming || linked => (screen, None),
            Some(SavedScreen::Setup(plan)) => (Screen::Setup(plan), None),
            Some(SavedScreen::Result(result)) => (screen, Some(result)),
            None => (screen, None),
        };
        let mut model = AppModel {
            screen,
            catalog: Catalog::default(),
            library: Library::default(),
            parked: start.parked,
            resumable: start.resumable,
            result,
            follow,
            link_audience: start.link.audience,
            notices: Vec::new(),
        };
        for notice in start.notices {
            model.notify(notice);
        }
        model
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The round shown, if a round is.
    pub fn round(&self) -> Option<&ActiveRound> {
        match &self.screen {
            Screen::Round(round) => Some(&**round),
            _ => None,
        }
    }

    /// The index and the banks' loading status.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The valid banks loaded so far.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The practice parked to continue later.
    pub fn parked(&self) -> Option<&SavedRound> {
        self.parked.as_ref()
    }

    /// The notices shown, oldest first.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Applies one event; returns what must be written, in order. Events that do not apply to the
    /// state (a stale tap, a double tap) change nothing and write nothing.
    pub fn apply(&mut self, event: Event, env: &Env) -> Vec<Persist> {
        let screen_before = self.saved_screen();
        let mut out = Vec::new();
        match event {
            Event::IndexLoading => self.catalog.index_loading(),
            Event::IndexLoaded(index) => self.catalog.index_loaded(index),
            Event::BankLoading(id) => self.catalog.set(&id, BankStatus::Loading),
            Event::BankLoaded(entry, load) => self.bank_loaded(entry, load, env, &mut out),
            Event::Home => self.go_home(env, &mut out),
            Event::OpenSetup(SetupChoice { topic, mode }) => {
                let mut plan = env
                    .settings
                    .plan
                    .clone()
                    .unwrap_or_else(|| Plan::practice(Vec::new()));
                plan.topics = topic.into_iter().collect();
                plan.set_mode(mode.unwrap_or(plan.mode));
                plan.audience = env.settings.audience();
                self.screen = Screen::Setup(plan);
            }
            Event::SetupChanged(plan) => {
                if let Screen::Setup(shown) = &mut self.screen {
                    *shown = plan;
                }
            }
            Event::OpenShelf(shelf) => self.screen = Screen::Shelf(shelf),
            Event::OpenProgress => self.screen = Screen::Progress,
            Event::OpenSettings => self.screen = Screen::Settings,
            Event::Back => self.back(env, &mut out),
            Event::StartPlan(mut plan) => {
                if env.settings.elder {
                    // Elder mode has no time limits.
                    plan.limit_seconds = None;
                }
                out.push(Persist::Plan(plan.clone()));
                self.open(RoundKind::Plan(plan), env, &mut out);
            }
            Event::StartDaily => {
                let set = DailySet::new(env.today, env.settings.audience());
                self.open(RoundKind::Daily(set), env, &mut out);
            }
            Event::PractiseShelf(shelf) => self.open(RoundKind::Shelf(shelf), env, &mut out),
            Event::Continue => {
                if let Some(parked) = self.parked.clone() {
                    if !self.reopen(parked, env, &mut out) {
                        self.parked = None;
                        out.push(Persist::Parked(None));
                    }
                }
            }
            Event::Round(action) => self.round_action(action, env, &mut out),
            Event::Tick => self.tick(env, &mut out),
            Event::Dismiss(notice) => self.notices.retain(|n| *n != notice),
            Event::RecordsCleared => {
                self.parked = None;
                self.resumable = None;
                self.result = None;
            }
            Event::OtherTab(OtherTab::Parked(parked)) => self.parked = parked,
            Event::OtherTab(OtherTab::RoundSaved) => {
                // That round now holds the one slot a reload resumes from; an older one left
                // here to resume would no longer be the last one touched.
                self.resumable = None;
                if self.round().is_some_and(|r| !r.session.is_finished()) {
                    self.notify(Notice::RoundElsewhere);
                }
            }
        }
        if self.screen != Screen::Home {
            // The result a reload left reopens from home only: once the learner has gone on
            // (or it has reopened), it is no longer waiting.
            self.result = None;
        }
        let screen_after = self.saved_screen();
        if screen_after != screen_before {
            out.push(Persist::Screen(screen_after));
        }
        out
    }

    /// Shows a notice (once: a notice already shown is not repeated). For what the outside world
    /// reports between events, as storage running out of room.
    pub fn notify(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }

    fn bank_loaded(
        &mut self,
        entry: IndexEntry,
        load: BankLoad,
        env: &Env,
        out: &mut Vec<Persist>,
    ) {
        match load {
            BankLoad::Ready(bank) => {
                self.catalog.set(&entry.id, BankStatus::Ready);
                self.library.insert(bank);
                self.try_resume(env, out);
            }
            BankLoad::Invalid { errors } => {
                self.catalog.set(&entry.id, BankStatus::Invalid { errors });
                let needed = self
                    .resumable
                    .as_ref()
                    .is_some_and(|a| a.session.items().iter().any(|i| i.bank == entry.id));
                if needed {
                    self.resumable = None;
                    out.push(Persist::InProgress(None));
                    self.notify(Notice::ResumeLost);
                }
                if self
                    .result
                    .as_ref()
                    .is_some_and(|r| r.session.items().iter().any(|i| i.bank == entry.id))
                {
                    // The result is in the history: it is not shown again, without a notice.
                    self.result = None;
                }
                self.notify(Notice::BankInvalid { entry, errors });
            }
            BankLoad::Failed => {
                self.catalog.set(&entry.id, BankStatus::Failed);
                self.notify(Notice::BankFailed { entry });
            }
        }
        if !self.catalog.any_loading() {
            self.follow_link(env, out);
        }
    }

    /// Once every bank has settled, a deep link's round opens (a link without an audience uses
    /// the learner's own choice).
    fn follow_link(&mut self, env: &Env, out: &mut Vec<Persist>) {
        match self.follow.take() {
            Some(LinkTarget::Round(mut plan)) => {
                if self.link_audience.is_none() {
                    plan.audience = env.settings.audience();
                }
                self.open(RoundKind::Plan(plan), env, out);
            }
            Some(LinkTarget::Daily) => {
                let set = DailySet::new(env.today, env.settings.audience());
                self.open(RoundKind::Daily(set), env, out);
            }
            Some(LinkTarget::WrongBook) | None => {}
        }
    }

    /// Draws a round of `kind` and shows it; a plan that matches nothing goes to the setup screen,
    /// which says so and offers a change.
    fn open(&mut self, kind: RoundKind, env: &Env, out: &mut Vec<Persist>) {
        match self.draw(&kind, env) {
            Some(session) => {
                let round = ActiveRound::new(kind, session, Stopwatch::start(env.now_ms), env);
                self.show_round(round, env, out);
            }
            None => {
                if let RoundKind::Plan(plan) = kind {
                    self.screen = Screen::Setup(plan);
                }
            }
        }
    }

    fn draw(&self, kind: &RoundKind, env: &Env) -> Option<Session> {
        self.library
            .draw(
                kind,
                env.progress,
                env.today,
                env.seed,
                DEFAULT_QUESTION_COUNT,
            )
            .ok()
    }

    fn show_round(&mut self, round: ActiveRound, env: &Env, out: &mut Vec<Persist>) {
        // Once any round is on screen, an older unfinished one is no longer resumed.
        self.resumable = None;
        out.push(Persist::InProgress(Some(round.saved(env.now_ms))));
        self.screen = Screen::Round(Box::new(round));
    }

    fn go_home(&mut self, env: &Env, out: &mut Vec<Persist>) {
        if matches!(self.screen, Screen::Round(_)) {
            out.push(Persist::InProgress(None));
        }
        self.screen = Screen::Home;
        self.try_resume(env, out);
    }

    /// Back steps back inside the app: from a round it asks the round (as its leave button does),
    /// from any other screen it goes home. At home the browser leaves the app (nothing here).
    fn back(&mut self, env: &Env, out: &mut Vec<Persist>) {
        match &self.screen {
            Screen::Home => {}
            Screen::Round(_) => self.round_action(RoundAction::Leave, env, out),
            _ => self.go_home(env, out),
        }
    }
}

/// Whether `kind` is a practice that can be left part-way and continued later.
fn is_practice(kind: &RoundKind) -> bool {
    matches!(kind, RoundKind::Plan(p) if p.mode == Mode::Practice)
}

/// The progress keys of every item, paired with verdicts.
fn judged(session: &Session, verdicts: Vec<bool>) -> Vec<Judged> {
    session
        .items()
        .iter()
        .zip(verdicts)
        .map(|(item, correct)| Judged {
            key: question_key(&item.bank, &item.question),
            correct,
        })
        .collect()
}

/// Whether the session is a quiz still open for answers.
fn is_open(session: &Session) -> bool {
    session.quiz().is_some_and(Quiz::is_open)
}

#[cfg(test)]
mod tests;
