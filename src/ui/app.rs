//! The app shell: provides the app-wide services (language, storage), starts the bank library,
//! and shows one screen at a time. Screens report back through callbacks; the shell owns navigation.

use crate::domain::bank::{Audience, BankId, IndexEntry, Topic};
use crate::domain::history::RoundRecord;
use crate::domain::i18n::{topic_name, Msg};
use crate::domain::library::{DailySet, Library, RoundKind};
use crate::domain::link::{Link, LinkTarget, LINK_PARAMS};
use crate::domain::plan::{Mode, Plan, DEFAULT_QUESTION_COUNT};
use crate::domain::progress::Shelf;
use crate::domain::report;
use crate::domain::saved::{SavedAttempt, Settings};
use crate::domain::session::Session;
use crate::domain::stopwatch::Stopwatch;
use crate::domain::text::{Lang, LocalText};
use crate::platform::storage::{KeptReason, Store};
use crate::platform::{page, update};
use crate::ui::hooks::{use_banks, use_saved, BankState, UseSaved};
use crate::ui::screens::{
    HomeScreen, ProgressScreen, QuizScreen, SettingsScreen, SetupScreen, ShelfScreen,
};
use crate::ui::widgets::{ElderToggle, LangToggle, NoticeBanner};
use leptos::prelude::*;
use std::sync::Arc;

/// The interface language, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct Locale(RwSignal<Lang>);

impl Locale {
    /// A locale starting in `lang`.
    pub fn new(lang: Lang) -> Self {
        Self(RwSignal::new(lang))
    }

    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// Switches language.
    pub fn set(self, lang: Lang) {
        self.0.set(lang);
    }

    /// A message in the current language (tracked).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.0.get())
    }
}

/// The app's language (provided by `App`).
pub fn use_locale() -> Locale {
    expect_context()
}

/// Whether elder mode (长辈模式) is on (provided by `App`; off where no app provides it).
#[derive(Debug, Clone, Copy)]
pub struct Elder(pub Signal<bool>);

/// Whether elder mode is on (tracked).
pub fn use_elder() -> Signal<bool> {
    use_context::<Elder>().map_or_else(|| Signal::derive(|| false), |e| e.0)
}

/// The learner's saved state (provided by `App`).
pub fn use_saved_state() -> UseSaved {
    expect_context()
}

/// A short message shown above the current screen.
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
}

/// A round on screen: what it draws from, the banks it uses, and the session to start from.
#[derive(Debug, Clone)]
struct Round {
    kind: RoundKind,
    library: Arc<Library>,
    session: Session,
}

#[derive(Debug, Clone)]
enum Screen {
    Home,
    Setup(Plan),
    Quiz(Round),
    Shelf(Shelf),
    Progress,
    Settings,
}

/// The language to start in: `?lang=` first, then the remembered choice, then Chinese.
fn initial_lang(saved: &UseSaved) -> Lang {
    page::query_param("lang")
        .and_then(|v| Lang::parse(&v))
        .or_else(|| saved.settings.with_untracked(|s| s.lang))
        .unwrap_or_default()
}

/// A message in both languages, as bank text is.
fn both(msg: Msg) -> LocalText {
    LocalText::new(msg.text(Lang::Zh), msg.text(Lang::En))
}

/// The title shown above a round: "防范诈骗 · 练习", "全部主题 · 测验", "每日一练" …
fn round_title(kind: &RoundKind, library: &Library) -> LocalText {
    match kind {
        RoundKind::Plan(plan) => {
            let what = match plan.topics.as_slice() {
                [one] => both(topic_name(*one)),
                [] => both(Msg::AllTopics),
                many => {
                    let names = |lang: Lang| {
                        many.iter()
                            .map(|t| topic_name(*t).text(lang))
                            .collect::<Vec<_>>()
                            .join(lang.list_separator())
                    };
                    LocalText::new(names(Lang::Zh), names(Lang::En))
                }
            };
            let mode = both(match plan.mode {
                Mode::Practice => Msg::ModePractice,
                Mode::Quiz => Msg::ModeQuiz,
            });
            LocalText::new(
                format!("{} · {}", what.get(Lang::Zh), mode.get(Lang::Zh)),
                format!("{} · {}", what.get(Lang::En), mode.get(Lang::En)),
            )
        }
        RoundKind::Bank(id) => library
            .bank(id)
            .map(|b| b.title.clone())
            .unwrap_or_default(),
        RoundKind::Daily(_) => both(Msg::DailySet),
        RoundKind::Shelf(Shelf::WrongBook) => both(Msg::WrongBook),
        RoundKind::Shelf(Shelf::Bookmarks) => both(Msg::Bookmarks),
    }
}

/// Whether `kind` is a practice that can be left part-way and continued later.
fn is_practice(kind: &RoundKind) -> bool {
    matches!(kind, RoundKind::Plan(p) if p.mode == Mode::Practice)
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let notices = RwSignal::new(Vec::<Notice>::new());
    let show = move |n: Notice| {
        notices.update(|list| {
            if !list.contains(&n) {
                list.push(n);
            }
        })
    };
    let store = Store::open();
    let persistent = store.is_persistent();
    let saved = use_saved(store, Callback::new(move |()| show(Notice::StorageFull)));
    let locale = Locale::new(initial_lang(&saved));
    provide_context(locale);
    provide_context(saved);
    let elder = Signal::derive(move || saved.settings.with(|s| s.elder));
    provide_context(Elder(elder));
    Effect::new(move |_| page::set_root_class("elder", elder.get()));
    // Turning elder mode on also turns to the seniors' questions (the learner may change that).
    let on_elder = Callback::new(move |on: bool| {
        saved.update_settings(|s| {
            s.elder = on;
            if on {
                s.set_audience(Audience::Elderly);
            }
        });
    });

    // Keep `<html lang>` and the title in step with the language (the outside world).
    Effect::new(move |_| {
        let lang = locale.lang();
        page::set_document_lang(lang.html_lang());
        page::set_title(&format!(
            "{} · {}",
            Msg::AppName.text(lang),
            Msg::ChooseTopic.text(lang)
        ));
    });

    let report = saved.report.get_value();
    if !report.dropped.is_empty() {
        show(Notice::SavedDropped {
            what: report.dropped,
        });
    }
    if !report.kept.is_empty() {
        show(Notice::SavedKept {
            what: report.kept,
            reason: KeptReason::Newer,
        });
    }
    if !report.unread.is_empty() {
        show(Notice::SavedKept {
            what: report.unread,
            reason: KeptReason::ReadFailed,
        });
    }

    // A deep link (`?topic=fraud&mode=quiz&n=10&audience=elderly`, `?mode=daily`, `?mode=book`) is
    // followed once every bank has loaded, unless an unfinished round is resumed instead; then it
    // is removed from the address. Its audience becomes the learner's choice.
    let link = Link::parse(page::query_param);
    if let Some(audience) = link.audience {
        saved.update_settings(|s| s.set_audience(audience));
    }
    // Taken out of the address once read, understood or not, so a reload does not replay it.
    if LINK_PARAMS.iter().any(|p| page::query_param(p).is_some()) {
        let _ = page::remove_query_params(&LINK_PARAMS);
    }
    let resuming = saved.resumable.with_untracked(Option::is_some);
    let screen = RwSignal::new(if !resuming && link.target == Some(LinkTarget::WrongBook) {
        Screen::Shelf(Shelf::WrongBook)
    } else {
        Screen::Home
    });
    let follow = StoredValue::new(match link.target {
        Some(LinkTarget::WrongBook) => None,
        _ if resuming => None,
        target => target,
    });
    // What the round on screen draws from, and the time spent on it (only while on screen).
    let current = StoredValue::new(None::<RoundKind>);
    let clock = StoredValue::new(Stopwatch::default());
    // The history entry of the round just finished, for its results screen.
    let finished = RwSignal::new(None::<RoundRecord>);

    // Notices stay until dismissed (starting a round does not hide "bank X failed"). The parked
    // practice stays parked until another practice is parked in its place or it is finished, so
    // peeking at another practice loses nothing.
    let start_round = move |kind: RoundKind, library: Arc<Library>, session: Session| {
        // Once any round is on screen, an older unfinished one is no longer resumed.
        saved.resumable.set(None);
        current.set_value(Some(kind.clone()));
        finished.set(None);
        screen.set(Screen::Quiz(Round {
            kind,
            library,
            session,
        }));
    };
    let draw = move |kind: &RoundKind, library: &Library| {
        saved.progress.with_untracked(|p| {
            library
                .draw(
                    kind,
                    p,
                    page::today(),
                    page::random_seed(),
                    DEFAULT_QUESTION_COUNT,
                )
                .ok()
        })
    };

    // The valid banks loaded so far (filled as the bank library settles each bank).
    let loaded = RwSignal::new(Library::default());
    let library_now = move || Arc::new(loaded.get_untracked());
    let open_kind = move |kind: RoundKind| {
        let library = library_now();
        match draw(&kind, &library) {
            Some(session) => start_round(kind, library, session),
            // A linked plan that matches nothing: the setup screen says so and offers a change.
            None => {
                if let RoundKind::Plan(plan) = kind {
                    screen.set(Screen::Setup(plan));
                }
            }
        }
    };
    // A round left unfinished (reload, killed webview) reopens once every bank it uses has loaded.
    let needs = move |id: &BankId| {
        saved.resumable.with_untracked(|a| {
            a.as_ref()
                .is_some_and(|a| a.session.items.iter().any(|i| &i.bank == id))
        })
    };
    let uses_loaded_banks = move |attempt: &SavedAttempt| {
        attempt
            .session
            .items
            .iter()
            .all(|i| loaded.with_untracked(|l| l.bank(&i.bank).is_some()))
    };
    // Reopens a saved round (its banks loaded) if its questions are still there; else says so.
    let reopen = move |attempt: SavedAttempt| -> bool {
        let library = library_now();
        if library.check(&attempt.session).is_err() {
            show(Notice::ResumeLost);
            return false;
        }
        clock.set_value(Stopwatch::resume(attempt.elapsed_ms, page::now_ms()));
        start_round(attempt.kind, library, attempt.session);
        true
    };
    // The unfinished round reopens from the home screen only (never pulling the learner off
    // settings, a setup or a confirmation): when its last bank arrives while home is shown, or
    // when the learner comes back home.
    let try_resume = move || {
        let at_home = screen.with_untracked(|s| matches!(s, Screen::Home));
        let ready = saved
            .resumable
            .with_untracked(|a| a.as_ref().is_some_and(uses_loaded_banks));
        if !at_home || !ready {
            return;
        }
        let Some(attempt) = saved.resumable.get_untracked() else {
            return;
        };
        if !reopen(attempt) {
            saved.resumable.set(None);
            saved.save_attempt(None);
        }
    };

    let on_settled = Callback::new(
        move |(entry, state, all_done): (IndexEntry, BankState, bool)| {
            match state {
                BankState::Ready(bank) => {
                    loaded.update(|l| l.insert(bank));
                    try_resume();
                }
                BankState::Invalid { errors } => {
                    if needs(&entry.id) {
                        saved.resumable.set(None);
                        saved.save_attempt(None);
                        show(Notice::ResumeLost);
                    }
                    show(Notice::BankInvalid { entry, errors });
                }
                BankState::Failed => show(Notice::BankFailed { entry }),
                BankState::Loading => {}
            }
            if all_done {
                match follow.get_value() {
                    Some(LinkTarget::Round(mut plan)) => {
                        // A link without `audience` uses the learner's own choice.
                        if link.audience.is_none() {
                            plan.audience = saved.settings.with_untracked(Settings::audience);
                        }
                        open_kind(RoundKind::Plan(plan))
                    }
                    Some(LinkTarget::Daily) => open_kind(RoundKind::Daily(DailySet::new(
                        page::today(),
                        saved.settings.with_untracked(Settings::audience),
                    ))),
                    Some(LinkTarget::WrongBook) | None => {}
                }
                follow.set_value(None);
            }
        },
    );
    let banks = use_banks(on_settled);

    let audience = Signal::derive(move || saved.settings.with(Settings::audience));
    let on_audience =
        Callback::new(move |a: Audience| saved.update_settings(|s| s.set_audience(a)));
    // The setup screen starts from the last plan, narrowed to what was tapped.
    let open_setup = Callback::new(move |(topic, mode): (Option<Topic>, Option<Mode>)| {
        let mut plan = saved
            .settings
            .with_untracked(|s| s.plan.clone())
            .unwrap_or_else(|| Plan::practice(Vec::new()));
        plan.topics = topic.into_iter().collect();
        plan.set_mode(mode.unwrap_or(plan.mode));
        plan.audience = audience.get_untracked();
        screen.set(Screen::Setup(plan));
    });
    let start_plan = Callback::new(move |mut plan: Plan| {
        if elder.get_untracked() {
            // Elder mode has no time limits.
            plan.limit_seconds = None;
        }
        saved.update_settings(|s| {
            s.plan = Some(plan.clone());
            s.set_audience(plan.audience);
        });
        open_kind(RoundKind::Plan(plan));
    });
    let open_round = Callback::new(open_kind);
    // The continue card waits for every bank (see `all_loaded`), so a missing question here means
    // the bank changed.
    let continue_practice = Callback::new(move |()| {
        let Some(attempt) = saved.parked.get_untracked() else {
            return;
        };
        if !reopen(attempt) {
            saved.park(None);
        }
    });
    // The parked practice is the one on screen again (continued, then saved or reloaded).
    let is_parked = move |kind: &RoundKind, session: &Session| {
        saved.parked.with_untracked(|p| {
            p.as_ref()
                .is_some_and(|p| &p.kind == kind && p.session.seed == session.seed)
        })
    };
    let draw_again = Callback::new(move |()| {
        let kind = current.get_value()?;
        let session = draw(&kind, &library_now())?;
        finished.set(None);
        Some(session)
    });

    let change_lang = Callback::new(move |lang: Lang| {
        locale.set(lang);
        saved.update_settings(|s| s.lang = Some(lang));
        // Keep the address in step so a reload or a shared link keeps the language.
        let _ = page::set_query_param("lang", lang.code());
    });

    // The round reports every step; the shell saves it, and files it in the history at the end.
    let on_round_change = Callback::new(move |session: Session| {
        let Some(kind) = current.get_value() else {
            return;
        };
        if session.is_finished() {
            saved.save_attempt(None);
            if finished.with_untracked(Option::is_some) {
                return;
            }
            if is_parked(&kind, &session) {
                // The continued practice is done: nothing is left to continue.
                saved.park(None);
            }
            let seconds = clock.with_value(|c| c.seconds(page::now_ms()));
            let record = report::record(&kind, &session, &library_now(), page::today(), seconds);
            saved.finish_round(record.clone());
            finished.set(Some(record));
        } else {
            if session.is_fresh() {
                // A new round (or "another round"): the clock starts again.
                clock.set_value(Stopwatch::start(page::now_ms()));
            }
            saved.save_attempt(Some(&SavedAttempt {
                kind,
                session,
                elapsed_ms: clock.with_value(|c| c.elapsed_ms(page::now_ms())),
            }));
        }
    });
    let on_answers = Callback::new(move |answers: Vec<(String, bool)>| {
        saved.record_answers(&answers, page::today());
    });
    let on_bookmark = Callback::new(move |key: String| saved.toggle_bookmark(&key));
    let go_home = move |()| {
        saved.save_attempt(None);
        current.set_value(None);
        screen.set(Screen::Home);
        try_resume();
    };
    // Leaving a round: a practice part-way is parked to continue later; anything else is dropped.
    let leave_round = Callback::new(move |session: Session| {
        if let Some(kind) = current.get_value() {
            if is_practice(&kind) && !session.is_finished() && !session.is_fresh() {
                saved.park(Some(SavedAttempt {
                    kind,
                    session,
                    elapsed_ms: clock.with_value(|c| c.elapsed_ms(page::now_ms())),
                }));
            }
        }
        go_home(());
    });
    let parked = Signal::derive(move || {
        saved.parked.with(|p| {
            p.as_ref().map(|a| {
                let position = a.session.current().map_or(0, |(i, _)| i) + 1;
                (
                    loaded.with(|l| round_title(&a.kind, l)),
                    position,
                    a.session.total(),
                )
            })
        })
    });
    // What the shelf screens can list and practise (loaded banks, current questions), so the
    // counts on home never promise a question the shelf cannot show.
    let shelf_count = move |shelf: Shelf| {
        Signal::derive(move || {
            saved
                .progress
                .with(|p| loaded.with(|l| l.shelf_questions(shelf, p, page::today()).len()))
        })
    };
    let book_count = shelf_count(Shelf::WrongBook);
    let bookmark_count = shelf_count(Shelf::Bookmarks);
    let any_loading = Signal::derive(move || {
        banks
            .banks
            .with(|b| b.values().any(|s| matches!(s, BankState::Loading)))
    });
    // The daily set draws across every bank, so it waits until all have loaded (else the set
    // would depend on how far loading had got).
    let all_loaded = Signal::derive(move || {
        !any_loading.get()
            && banks
                .banks
                .with(|b| b.values().any(|s| matches!(s, BankState::Ready(_))))
    });

    // The back button (Android's, or the browser's) steps back inside the app: every screen but the
    // home screen has a history entry of its own; going back from it returns home, and from a round
    // asks the round (a quiz with answers asks before leaving). At home, back leaves the app as usual.
    let back_presses = RwSignal::new(0u32);
    let entry = StoredValue::new(false);
    let skip_pop = StoredValue::new(false);
    let at_home = Memo::new(move |_| matches!(screen.get(), Screen::Home));
    // A new version waiting (installed by the service worker) is switched to on the home screen only.
    Effect::new(move |_| {
        if at_home.get() {
            update::apply_waiting_update();
        }
    });
    let _ = window_event_listener_untyped(update::UPDATE_READY_EVENT, move |_| {
        if at_home.get_untracked() {
            update::apply_waiting_update();
        }
    });
    Effect::new(move |_| {
        if !at_home.get() && !entry.get_value() {
            entry.set_value(page::push_history_entry().is_ok());
        } else if at_home.get() && entry.get_value() {
            // Home by a button: remove the entry, and ignore the event that removing it fires.
            entry.set_value(false);
            skip_pop.set_value(page::history_back().is_ok());
        }
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        if skip_pop.get_value() {
            skip_pop.set_value(false);
            return;
        }
        entry.set_value(false);
        if at_home.get_untracked() {
            return;
        }
        if screen.with_untracked(|s| matches!(s, Screen::Quiz(_))) {
            // The round decides; until it leaves, the entry is back in place.
            entry.set_value(page::push_history_entry().is_ok());
            back_presses.update(|n| *n += 1);
        } else {
            screen.set(Screen::Home);
            try_resume();
        }
    });

    view! {
        <div class="shell">
            <header class="topbar">
                <p class="brand">
                    <span class="brand-mark" aria-hidden="true">"安"</span>
                    <span class="brand-name">{move || locale.t(Msg::AppName)}</span>
                </p>
                <div class="topbar-actions">
                    <LangToggle on_change=change_lang />
                    <Show when=move || at_home.get()>
                        <ElderToggle on_change=on_elder />
                        <button type="button" class="lang-toggle" on:click=move |_| screen.set(Screen::Settings)>
                            <span aria-hidden="true">"⚙ "</span>
                            {move || locale.t(Msg::Settings)}
                        </button>
                    </Show>
                </div>
            </header>
            <Show when=move || !persistent>
                <p class="notice notice-info" role="status">
                    {move || locale.t(Msg::StorageUnavailable)}
                </p>
            </Show>
            {move || {
                notices
                    .get()
                    .into_iter()
                    .map(|n| {
                        let gone = n.clone();
                        view! {
                            <NoticeBanner
                                notice=n
                                on_dismiss=move |_| notices.update(|list| list.retain(|x| *x != gone))
                                on_retry=banks.retry
                            />
                        }
                    })
                    .collect_view()
            }}
            <main id="main" class="main">
                {move || match screen.get() {
                    Screen::Home => {
                        view! {
                            <HomeScreen
                                index=banks.index
                                banks=banks.banks
                                audience=audience
                                parked=parked
                                book_count=book_count
                                bookmark_count=bookmark_count
                                can_draw=all_loaded
                                on_audience=on_audience
                                on_setup=open_setup
                                on_continue=continue_practice
                                on_daily=move |_| open_round.run(RoundKind::Daily(DailySet::new(page::today(), audience.get_untracked())))
                                on_shelf=move |shelf| screen.set(Screen::Shelf(shelf))
                                on_progress=move |_| screen.set(Screen::Progress)
                                on_retry=banks.reload
                            />
                        }
                            .into_any()
                    }
                    Screen::Setup(plan) => {
                        view! {
                            <SetupScreen
                                plan=plan
                                index=banks.index
                                banks=banks.banks
                                library=loaded
                                loading=any_loading
                                on_start=start_plan
                                on_back=go_home
                            />
                        }
                            .into_any()
                    }
                    Screen::Quiz(round) => {
                        let title = round_title(&round.kind, &round.library);
                        view! {
                            <QuizScreen
                                title=title
                                library=round.library
                                session=round.session
                                pass_percent=round.kind.pass_percent()
                                record=finished
                                back_presses=back_presses
                                draw_again=draw_again
                                on_leave=leave_round
                                on_change=on_round_change
                                on_answers=on_answers
                                on_bookmark=on_bookmark
                            />
                        }
                            .into_any()
                    }
                    Screen::Settings => {
                        view! { <SettingsScreen on_lang=change_lang on_elder=on_elder on_back=go_home /> }
                            .into_any()
                    }
                    Screen::Progress => {
                        view! { <ProgressScreen library=loaded on_back=go_home /> }.into_any()
                    }
                    Screen::Shelf(shelf) => {
                        view! {
                            <ShelfScreen
                                shelf=shelf
                                library=loaded
                                on_practise=move |_| open_round.run(RoundKind::Shelf(shelf))
                                on_back=go_home
                            />
                        }
                            .into_any()
                    }
                }}
            </main>
            <footer class="footer">
                <p>{move || locale.t(Msg::PrivacyNote)}</p>
            </footer>
        </div>
    }
}
