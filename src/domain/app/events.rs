//! What goes into the app model and what comes out: the events, the screens, the notices, what
//! the app found at start, and what must be written.

use super::ActiveRound;
use crate::domain::bank::{Bank, BankId, BankIndex, IndexEntry, OptionId, Topic};
use crate::domain::history::RoundRecord;
use crate::domain::i18n::Msg;
use crate::domain::link::Link;
use crate::domain::plan::{Mode, Plan};
use crate::domain::progress::Shelf;
use crate::domain::saved::{KeptReason, SavedRound, SavedScreen};
use std::sync::Arc;

/// A short message shown above the current screen until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A bank's file could not be fetched (the notice offers to try again).
    BankFailed {
        /// The bank, as the index lists it.
        entry: IndexEntry,
    },
    /// A bank's file has content errors.
    BankInvalid {
        /// The bank, as the index lists it (its topic for the learner, its file for the staff).
        entry: IndexEntry,
        /// How many errors.
        errors: usize,
    },
    /// Saved values that could not be read were dropped.
    SavedDropped {
        /// What was dropped.
        what: Vec<Msg>,
    },
    /// Saved values were left untouched on the device (this visit works without them).
    SavedKept {
        /// What was kept.
        what: Vec<Msg>,
        /// Why: a newer version wrote them, or storage would not read them.
        reason: KeptReason,
    },
    /// The unfinished round could not be resumed.
    ResumeLost,
    /// Storage was full; the oldest history was removed.
    StorageFull,
    /// Another tab saved its own round in progress while this one had one: both count, a reload
    /// resumes only the one touched last.
    RoundElsewhere,
}

/// The screen shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Topics, the daily set, the shelves, the practice to continue.
    Home,
    /// Setting up a practice or quiz, starting from this plan.
    Setup(Plan),
    /// A round (boxed: it is much larger than the other screens).
    Round(Box<ActiveRound>),
    /// The wrong-answer book or the bookmarks.
    Shelf(Shelf),
    /// The learner's records: mastery by topic and the rounds done.
    Progress,
    /// Settings.
    Settings,
}

/// How a bank's fetch ended.
#[derive(Debug, Clone, PartialEq)]
pub enum BankLoad {
    /// Fetched and valid.
    Ready(Arc<Bank>),
    /// Could not be fetched.
    Failed,
    /// Fetched, with content errors.
    Invalid {
        /// How many.
        errors: usize,
    },
}

/// What the learner tapped to set up a round: a topic (or every topic) and a mode (or the last one
/// used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SetupChoice {
    /// The topic tapped, if one.
    pub topic: Option<Topic>,
    /// The mode tapped, if one.
    pub mode: Option<Mode>,
}

/// A step the learner takes inside a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundAction {
    /// Ticks or unticks an option of the question shown.
    Toggle(OptionId),
    /// Practice: checks the ticked options.
    Submit,
    /// Practice: goes on from the feedback.
    Next,
    /// Quiz: shows another question.
    GoTo(usize),
    /// Quiz: hands every answer in; with questions unanswered, asks first.
    HandIn,
    /// The "hand in anyway" answer to that question (and a timed quiz whose time is up).
    HandInAnyway,
    /// The result: show every answer.
    ShowAnswers,
    /// The answers: back to the result.
    HideAnswers,
    /// The results: a new round of the same kind.
    Again,
    /// The leave button: a quiz with answers asks first; anything else leaves.
    Leave,
    /// The "leave anyway" answer to that question.
    LeaveAnyway,
    /// The "keep answering" answer to either question (after the hand-in question, it shows the
    /// first question left unanswered).
    Stay,
}

/// Something that happened: a tap, a bank arriving, the back button, the clock.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The bank index is being fetched (again).
    IndexLoading,
    /// The bank index arrived, or could not be had.
    IndexLoaded(Option<BankIndex>),
    /// One bank is being fetched again.
    BankLoading(BankId),
    /// One bank's fetch ended.
    BankLoaded(IndexEntry, BankLoad),
    /// Go to the home screen.
    Home,
    /// Set up a round.
    OpenSetup(SetupChoice),
    /// A choice changed on the setup screen (the plan as it now is).
    SetupChanged(Plan),
    /// Open a shelf.
    OpenShelf(Shelf),
    /// Open the learner's records.
    OpenProgress,
    /// Open the settings.
    OpenSettings,
    /// The browser's (or Android's) back button.
    Back,
    /// Start the practice or quiz set up.
    StartPlan(Plan),
    /// Start today's daily set.
    StartDaily,
    /// Practise the questions on a shelf.
    PractiseShelf(Shelf),
    /// Continue the parked practice.
    Continue,
    /// A step inside the round shown.
    Round(RoundAction),
    /// A second passed (a timed quiz moves on when a question's time is up).
    Tick,
    /// Dismiss a notice.
    Dismiss(Notice),
    /// Every record on the device was cleared.
    RecordsCleared,
    /// Another tab of the app wrote one of the rounds (read by the shell from storage).
    OtherTab(OtherTab),
}

/// What another tab of the app did to the rounds it shares with this one through storage.
#[derive(Debug, Clone, PartialEq)]
pub enum OtherTab {
    /// It parked a practice, or continued or dropped the parked one (`None`): this tab's
    /// "continue" follows, so that neither parks over a practice it never saw.
    Parked(Option<SavedRound>),
    /// It saved its round in progress. There is one slot: a reload resumes the last one saved.
    RoundSaved,
}

/// What the shell must write for the model (in order).
#[derive(Debug, Clone, PartialEq)]
pub enum Persist {
    /// The round in progress, saved after every step so a reload resumes it (`None`: forget it).
    InProgress(Option<SavedRound>),
    /// The practice parked to continue later (`None`: nothing parked).
    Parked(Option<SavedRound>),
    /// Judged answers, for the question progress.
    Answers(Vec<Judged>),
    /// A finished round, for the history.
    Finished(RoundRecord),
    /// The plan just started, as the setup screen's next starting point (with its audience).
    Plan(Plan),
    /// The screen a reload opens again when no round is in progress (`None`: home).
    Screen(Option<SavedScreen>),
}

/// One judged answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The question's progress key (`bank/question`).
    pub key: String,
    /// Whether it was answered right.
    pub correct: bool,
}

/// What the app found at start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Start {
    /// The round a reload (or a killed webview) left unfinished.
    pub resumable: Option<SavedRound>,
    /// The practice parked to continue later.
    pub parked: Option<SavedRound>,
    /// The setup or result screen a reload left (a round to resume or a deep link wins over it).
    pub screen: Option<SavedScreen>,
    /// The deep link the page was opened with.
    pub link: Link,
    /// Notices to show from the start (saved values dropped or kept).
    pub notices: Vec<Notice>,
}
