//! The learner app's state, wired: the app model in one signal, the saved records beside it, and
//! `dispatch`, which applies an event to the model and writes what the model says to persist: at
//! once, or, for a tap in a round, once the page has painted what the tap changed (before any
//! later event, and at once when the page is hidden or left). The clock is passed in (`Clock`), so
//! this wiring runs natively under a reactive owner: the tests below open it over an in-memory
//! store, drive it with events, and open it again over the same store as a reload would.

use crate::domain::app::{AppModel, Env, Event, Notice, Persist, Start};
use crate::domain::date::Date;
use crate::domain::link::Link;
use crate::domain::saved::KeptReason;
use crate::platform::page;
use crate::platform::storage::Store;
use crate::ui::hooks::{use_saved, StartReport, UseSaved};
use leptos::prelude::*;

/// Where the app reads the date, the time and fresh seeds, and when it does what can wait.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    /// Today (Beijing date).
    pub today: fn() -> Date,
    /// Now, in Unix milliseconds.
    pub now_ms: fn() -> f64,
    /// A fresh random seed.
    pub seed: fn() -> u64,
    /// Runs work that can wait until the page has painted what a tap changed.
    pub later: fn(Box<dyn FnOnce()>),
}

impl Clock {
    /// The browser's clock and randomness; work that can wait runs once the page has painted.
    pub fn browser() -> Clock {
        Clock {
            today: page::today,
            now_ms: page::now_ms,
            seed: page::random_seed,
            later: |work| page::after_paint(work),
        }
    }
}

/// The app model, the saved records and the way to change them.
#[derive(Debug, Clone, Copy)]
pub struct UseApp {
    /// The app model (read it; change it only through `dispatch`).
    pub model: ReadSignal<AppModel>,
    /// The learner's saved records.
    pub saved: UseSaved,
    /// Applies an event and writes what it asks for.
    pub dispatch: Callback<Event>,
    /// Writes at once what waits for the paint (call it when the page is hidden or left).
    pub flush: Callback<()>,
    /// The clock the app runs on.
    pub clock: Clock,
}

/// The notices the start report asks for, and the rounds it found.
fn start(report: StartReport, link: Link) -> Start {
    let mut notices = Vec::new();
    if !report.dropped.is_empty() {
        notices.push(Notice::SavedDropped {
            what: report.dropped,
        });
    }
    for (what, reason) in [
        (report.kept, KeptReason::Newer),
        (report.unread, KeptReason::ReadFailed),
    ] {
        if !what.is_empty() {
            notices.push(Notice::SavedKept { what, reason });
        }
    }
    Start {
        resumable: report.resumable,
        parked: report.parked,
        screen: report.screen,
        link,
        notices,
    }
}

/// Writes what the model asked for.
fn persist(saved: UseSaved, what: Persist, today: Date) {
    match what {
        Persist::InProgress(round) => saved.save_in_progress(round.as_ref()),
        Persist::Parked(round) => saved.park(round.as_ref()),
        Persist::Answers(answers) => saved.record_answers(&answers, today),
        Persist::Finished(record) => saved.finish_round(record),
        Persist::Plan(plan) => saved.update_settings(|s| {
            s.set_audience(plan.audience);
            s.plan = Some(plan);
        }),
        Persist::Screen(screen) => saved.save_screen(screen.as_ref()),
    }
}

/// Opens the learner's records in `store` and the app model over them, starting from `link`
/// (its audience becomes the learner's choice; the model decides when, and whether, to follow it).
pub fn use_app(store: Store, link: Link, clock: Clock) -> UseApp {
    let model = RwSignal::new(AppModel::new(Start::default()));
    // Storage running out of room is heard between events, while the model is not borrowed.
    let on_full = Callback::new(move |()| model.update(|m| m.notify(Notice::StorageFull)));
    let saved = use_saved(store, on_full);
    let audience = link.audience;
    let (opened, writes) = AppModel::opened(start(saved.report.get_value(), link));
    model.set(opened);
    for what in writes {
        persist(saved, what, (clock.today)());
    }
    if let Some(audience) = audience {
        saved.update_settings(|s| s.set_audience(audience));
    }
    let (dispatch, flush) = dispatcher(model, saved, clock);
    UseApp {
        model: model.read_only(),
        saved,
        dispatch,
        flush,
        clock,
    }
}

/// Applies each event to `model` and writes to `saved` what the model asks for; returns the
/// dispatch and the flush.
///
/// The writes of a tap in a round (the round in progress and the answers' records: serialising and
/// storing them was a fifth of the answer tap's work), and of a tap that only changes the screen a
/// reload opens again, wait until the page has painted what the tap changed (`Clock::later`): the
/// learner sees the verdict a little sooner, and nothing shown waits for them (the records they
/// feed are read on other screens, after another event). They are
/// written, in order, before the next event is applied, and by the flush, which the page calls
/// when it is hidden or left (a reload, a navigation, another app in front). Any other write is
/// made at once, with whatever waits written first.
fn dispatcher(
    model: RwSignal<AppModel>,
    saved: UseSaved,
    clock: Clock,
) -> (Callback<Event>, Callback<()>) {
    let waiting = StoredValue::new_local(Vec::<(Persist, Date)>::new());
    let write_waiting = move || {
        // Taken out first: a write may be heard (storage full) and lead to another event.
        let writes = waiting.try_update_value(std::mem::take).unwrap_or_default();
        for (what, today) in writes {
            persist(saved, what, today);
        }
    };
    let dispatch = Callback::new(move |event: Event| {
        write_waiting();
        let today = (clock.today)();
        let writes = apply(model, saved, clock, today, event);
        if writes.is_empty() || !writes.iter().all(can_wait) {
            for what in writes {
                persist(saved, what, today);
            }
            return;
        }
        waiting.update_value(|w| w.extend(writes.into_iter().map(|what| (what, today))));
        (clock.later)(Box::new(write_waiting));
    });
    (dispatch, Callback::new(move |()| write_waiting()))
}

/// Whether a write may wait for the paint: the round in progress and the answers' records, which a
/// tick, a check or a move on writes, and the screen a reload opens again, which a topic tap or a
/// setup's change writes (issue 11: in a topic tap's task); no screen reads them until another
/// event, and a reload reads the last one only after the flush.
fn can_wait(what: &Persist) -> bool {
    matches!(
        what,
        Persist::InProgress(_) | Persist::Answers(_) | Persist::Screen(_)
    )
}

/// Applies `event` to `model`, with the records in `saved` and the clock; returns what the model
/// asks to write.
fn apply(
    model: RwSignal<AppModel>,
    saved: UseSaved,
    clock: Clock,
    today: Date,
    event: Event,
) -> Vec<Persist> {
    saved.settings.with_untracked(|settings| {
        saved.progress.with_untracked(|progress| {
            let env = Env {
                today,
                now_ms: (clock.now_ms)(),
                seed: (clock.seed)(),
                progress,
                settings,
            };
            let mut out = Vec::new();
            model.update(|m| out = m.apply(event, &env));
            out
        })
    })
}

impl UseApp {
    /// A stand-in: a copy of the model as it is now, over records of its own that start empty and
    /// live in memory. Its events change the copy, and what it writes goes to those records, never
    /// to the learner's (the rehearsal, `ui::app::rehearsal`). Its signals belong to the reactive
    /// owner it is made under.
    pub fn stand_in(&self) -> UseApp {
        let model = RwSignal::new(self.model.get_untracked());
        let saved = use_saved(Store::memory(), Callback::new(|()| {}));
        let (dispatch, flush) = dispatcher(model, saved, self.clock);
        UseApp {
            model: model.read_only(),
            saved,
            dispatch,
            flush,
            clock: self.clock,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::app::SetupChoice;
    use crate::domain::app::{BankLoad, RoundAction, Screen};
    use crate::domain::bank::{parse_bank_on_device, BankIndex, Topic};
    use crate::domain::plan::Plan;
    use crate::domain::saved::{
        HISTORY_KEY, IN_PROGRESS_KEY, PRACTICE_KEY, PROGRESS_KEY, SCREEN_KEY, SETTINGS_KEY,
    };
    use std::sync::Arc;

    fn today() -> Date {
        Date::new(2026, 12, 5).unwrap()
    }

    fn clock() -> Clock {
        Clock {
            today,
            now_ms: || 1_000_000.0,
            seed: || 42,
            later: |work| work(),
        }
    }

    thread_local! {
        /// What waits for the paint, in the tests that hold it back (`held_clock`).
        static LATER: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = std::cell::RefCell::new(Vec::new());
    }

    /// A clock whose work that can wait waits until the test paints (`paint`).
    fn held_clock() -> Clock {
        Clock {
            later: |work| LATER.with(|l| l.borrow_mut().push(work)),
            ..clock()
        }
    }

    /// The page paints: what waited for it runs.
    fn paint() {
        let waiting = LATER.with(|l| std::mem::take(&mut *l.borrow_mut()));
        for work in waiting {
            work();
        }
    }

    /// What `store` holds under `key`, as text ("" for nothing).
    fn stored(store: &Store, key: &str) -> String {
        store
            .get::<serde_json::Value>(key)
            .unwrap()
            .map(|v| v.to_string())
            .unwrap_or_default()
    }

    /// The progress key of the question shown.
    fn shown_key(app: &UseApp) -> String {
        app.model.with_untracked(|m| {
            let (_, item) = m.round().unwrap().session.shown().unwrap();
            crate::domain::progress::question_key(&item.bank, &item.question)
        })
    }

    /// Whether `store` holds a value under `key`.
    fn holds(store: &Store, key: &str) -> bool {
        store.get::<serde_json::Value>(key).unwrap().is_some()
    }

    /// The app over `store` under a reactive owner, with every bank loaded.
    fn open(store: &Store, link: Link) -> (Owner, UseApp) {
        open_on(store, link, clock())
    }

    /// [`open`] on `clock`.
    fn open_on(store: &Store, link: Link, clock: Clock) -> (Owner, UseApp) {
        let owner = Owner::new();
        owner.set();
        let app = use_app(store.clone(), link, clock);
        let index =
            BankIndex::parse(&std::fs::read_to_string("quizzes/index.json").unwrap()).unwrap();
        app.dispatch.run(Event::IndexLoaded(Some(index.clone())));
        for entry in index.banks {
            let bytes = std::fs::read(format!("quizzes/{}", entry.file)).unwrap();
            let bank = Arc::new(parse_bank_on_device(&entry.file, &bytes).bank.unwrap());
            app.dispatch
                .run(Event::BankLoaded(entry, BankLoad::Ready(bank)));
        }
        (owner, app)
    }

    /// Answers the practice question shown rightly.
    fn answer(app: &UseApp) {
        let answer = app.model.with_untracked(|m| {
            let (_, item) = m.round().unwrap().session.shown().unwrap();
            m.library()
                .question(&item.bank, &item.question)
                .unwrap()
                .answer
                .clone()
        });
        for option in answer {
            app.dispatch.run(Event::Round(RoundAction::Toggle(option)));
        }
        app.dispatch.run(Event::Round(RoundAction::Submit));
    }

    #[test]
    fn a_reload_mid_round_resumes_the_same_question_with_the_answers_recorded() {
        let store = Store::memory();
        let (_owner, app) = open(&store, Link::default());
        app.dispatch
            .run(Event::StartPlan(Plan::practice(vec![Topic::Fraud])));
        answer(&app);
        app.dispatch.run(Event::Round(RoundAction::Next));
        answer(&app);
        let before = app
            .model
            .with_untracked(|m| m.round().unwrap().session.clone());
        assert!(holds(&store, IN_PROGRESS_KEY), "saved after every step");

        // The page reloads: a new app over the same storage.
        let (_owner, again) = open(&store, Link::default());
        let after = again
            .model
            .with_untracked(|m| m.round().map(|r| r.session.clone()));
        assert_eq!(after, Some(before));
        assert_eq!(
            again.saved.progress.with_untracked(|p| p.reviews.len()),
            2,
            "both answers were recorded"
        );
    }

    #[test]
    fn a_taps_writes_wait_for_the_paint_and_go_first_at_the_next_event_or_when_the_page_hides() {
        let store = Store::memory();
        let (_owner, app) = open_on(&store, Link::default(), held_clock());
        paint();
        // Starting writes the plan too: everything at once.
        app.dispatch
            .run(Event::StartPlan(Plan::practice(vec![Topic::Fraud])));
        assert!(holds(&store, IN_PROGRESS_KEY), "a start is written at once");
        let started = stored(&store, IN_PROGRESS_KEY);

        // A check waits for the paint (the tick before it was written as the check came), then
        // is written.
        let first = shown_key(&app);
        answer(&app);
        assert!(!stored(&store, PROGRESS_KEY).contains(&first));
        let ticked = stored(&store, IN_PROGRESS_KEY);
        assert_ne!(ticked, started, "the tick was written before the check");
        paint();
        assert!(stored(&store, PROGRESS_KEY).contains(&first));
        let checked = stored(&store, IN_PROGRESS_KEY);
        assert_ne!(checked, ticked);

        // Before the paint, the next event writes what waits first, then its own waits.
        app.dispatch.run(Event::Round(RoundAction::Next));
        let second = shown_key(&app);
        answer(&app);
        assert!(
            stored(&store, IN_PROGRESS_KEY) != checked,
            "the move on was written before the tick"
        );
        assert!(!stored(&store, PROGRESS_KEY).contains(&second));

        // The page hides before it paints: everything is written, and a reload has it all.
        app.flush.run(());
        assert!(stored(&store, PROGRESS_KEY).contains(&second));
        let before = app
            .model
            .with_untracked(|m| m.round().unwrap().session.clone());
        let (_owner, again) = open(&store, Link::default());
        let after = again
            .model
            .with_untracked(|m| m.round().map(|r| r.session.clone()));
        assert_eq!(after, Some(before));
        assert_eq!(again.saved.progress.with_untracked(|p| p.reviews.len()), 2);

        // What waited and was written early is not written again when the paint comes.
        let written = stored(&store, IN_PROGRESS_KEY);
        paint();
        assert_eq!(stored(&store, IN_PROGRESS_KEY), written);
    }

    #[test]
    fn a_parked_practice_and_the_plan_survive_a_reload_and_a_deep_link_waits_for_neither() {
        let store = Store::memory();
        let (_owner, app) = open(&store, Link::default());
        app.dispatch
            .run(Event::StartPlan(Plan::practice(vec![Topic::Privacy])));
        answer(&app);
        app.dispatch.run(Event::Round(RoundAction::Leave));
        assert!(holds(&store, PRACTICE_KEY));
        assert!(!holds(&store, IN_PROGRESS_KEY), "nothing in progress");

        let link = Link::parse(|name| (name == "mode").then(|| "daily".to_owned()));
        let (_owner, again) = open(&store, link);
        again.model.with_untracked(|m| {
            assert!(m.parked().is_some(), "still there to continue");
            assert!(
                matches!(m.screen(), Screen::Round(_)),
                "the link's daily set opened"
            );
        });
        let plan = again.saved.settings.with_untracked(|s| s.plan.clone());
        assert_eq!(plan.map(|p| p.topics), Some(vec![Topic::Privacy]));
    }

    #[test]
    fn a_stand_in_plays_a_round_on_its_copy_and_writes_to_its_own_records_only() {
        let store = Store::memory();
        let (_owner, app) = open(&store, Link::default());
        let keys = [
            SETTINGS_KEY,
            PROGRESS_KEY,
            HISTORY_KEY,
            PRACTICE_KEY,
            IN_PROGRESS_KEY,
            SCREEN_KEY,
        ];
        let held = || keys.map(|key| store.get::<serde_json::Value>(key).unwrap());
        let before = held();
        let stand_in = app.stand_in();
        let today = (app.clock.today)();
        while let Some(event) = stand_in.model.with_untracked(|m| m.rehearsal_step(today)) {
            stand_in.dispatch.run(event);
        }
        assert!(stand_in.model.with_untracked(|m| m.round().is_some()));
        assert_eq!(
            app.model.with_untracked(|m| m.screen().clone()),
            Screen::Home
        );
        assert_eq!(held(), before, "nothing written to the learner's records");
        assert!(app.saved.progress.with_untracked(|p| p.reviews.is_empty()));
        assert_eq!(
            stand_in.saved.progress.with_untracked(|p| p.reviews.len()),
            1,
            "its own records took the answer"
        );
    }

    #[test]
    fn storage_running_out_of_room_is_a_notice_in_the_model() {
        let store = Store::memory_with_quota(64);
        store.set("other-page", &"x".repeat(40)).unwrap();
        let (_owner, app) = open(&store, Link::default());
        app.dispatch
            .run(Event::StartPlan(Plan::practice(vec![Topic::Fraud])));
        assert!(app
            .model
            .with_untracked(|m| m.notices().contains(&Notice::StorageFull)));
        // The round goes on in memory.
        answer(&app);
        assert!(app
            .model
            .with_untracked(|m| m.round().unwrap().session.answered() == 1));
    }

    #[test]
    fn a_reload_opens_the_setup_screen_again_from_storage_and_a_round_forgets_it() {
        let store = Store::memory();
        let (_owner, app) = open(&store, Link::default());
        app.dispatch.run(Event::OpenSetup(SetupChoice {
            topic: Some(Topic::Fraud),
            mode: None,
        }));
        let mut plan = app.model.with_untracked(|m| match m.screen() {
            Screen::Setup(plan) => plan.clone(),
            other => panic!("{other:?}"),
        });
        plan.count = None;
        app.dispatch.run(Event::SetupChanged(plan.clone()));
        assert!(holds(&store, SCREEN_KEY));

        let (_owner, again) = open(&store, Link::default());
        assert_eq!(
            again.model.with_untracked(|m| m.screen().clone()),
            Screen::Setup(plan.clone())
        );
        again.dispatch.run(Event::StartPlan(plan));
        assert!(
            !holds(&store, SCREEN_KEY),
            "the round is what a reload opens"
        );
        assert!(holds(&store, IN_PROGRESS_KEY));
    }
}
