//! The app shell: provides the app-wide services (language, storage), starts the bank library,
//! and shows one screen at a time. Screens report back through callbacks; the shell owns navigation.

use crate::domain::bank::{BankId, IndexEntry};
use crate::domain::i18n::Msg;
use crate::domain::library::{Library, RoundKind};
use crate::domain::link::{Link, LinkTarget, LINK_PARAMS};
use crate::domain::progress::{RoundRecord, Shelf};
use crate::domain::saved::SavedAttempt;
use crate::domain::session::{Session, DEFAULT_QUESTION_COUNT};
use crate::domain::text::{Lang, LocalText};
use crate::platform::{page, storage::Store};
use crate::ui::hooks::{use_banks, use_saved, BankState, UseSaved};
use crate::ui::screens::{HomeScreen, QuizScreen, SettingsScreen, ShelfScreen};
use crate::ui::widgets::{LangToggle, NoticeBanner};
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

/// The learner's saved state (provided by `App`).
pub fn use_saved_state() -> UseSaved {
    expect_context()
}

/// A short message shown above the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A bank's file could not be fetched.
    BankFailed {
        /// The bank's title in both languages.
        title: crate::domain::text::LocalText,
    },
    /// A bank's file has content errors.
    BankInvalid {
        /// The bank's title in both languages.
        title: crate::domain::text::LocalText,
        /// How many errors.
        errors: usize,
    },
    /// Saved values that could not be read were dropped.
    SavedDropped {
        /// What was dropped.
        what: Vec<Msg>,
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
    Quiz(Round),
    Shelf(Shelf),
    Settings,
}

/// The language to start in: `?lang=` first, then the remembered choice, then Chinese.
fn initial_lang(saved: &UseSaved) -> Lang {
    page::query_param("lang")
        .and_then(|v| Lang::parse(&v))
        .or_else(|| saved.settings.with_untracked(|s| s.lang))
        .unwrap_or_default()
}

/// The title shown above a round.
fn round_title(kind: &RoundKind, library: &Library) -> LocalText {
    match kind {
        RoundKind::Bank(id) => library
            .bank(id)
            .map(|b| b.title.clone())
            .unwrap_or_default(),
        RoundKind::Daily(_) => {
            LocalText::new(Msg::DailySet.text(Lang::Zh), Msg::DailySet.text(Lang::En))
        }
        RoundKind::Shelf(shelf) => {
            let msg = match shelf {
                Shelf::WrongBook => Msg::WrongBook,
                Shelf::Bookmarks => Msg::Bookmarks,
            };
            LocalText::new(msg.text(Lang::Zh), msg.text(Lang::En))
        }
    }
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

    let dropped = saved.dropped.get_value();
    if !dropped.is_empty() {
        show(Notice::SavedDropped { what: dropped });
    }

    // A deep link (`?topic=fraud&n=10`, `?mode=daily`, `?mode=book`) is followed once, unless an
    // unfinished round is resumed instead; then it is removed from the address.
    let link = Link::parse(page::query_param);
    let follow = StoredValue::new(link.target);
    if link.target.is_some() || link.count.is_some() {
        let _ = page::remove_query_params(&LINK_PARAMS);
    }
    let count = link.count.unwrap_or(DEFAULT_QUESTION_COUNT);
    let screen = RwSignal::new(
        if saved.resumable.with_value(Option::is_none) && link.target == Some(LinkTarget::WrongBook)
        {
            Screen::Shelf(Shelf::WrongBook)
        } else {
            Screen::Home
        },
    );
    if saved.resumable.with_value(Option::is_some) || link.target == Some(LinkTarget::WrongBook) {
        follow.set_value(None);
    }
    // The bank the player picked while it was still loading: opened as soon as it is ready.
    let pending = RwSignal::new(None::<BankId>);
    // What the round on screen draws from, and when it started (Unix ms, for the time taken).
    let current = StoredValue::new(
        saved
            .resumable
            .with_value(|a| a.as_ref().map(|a| a.kind.clone())),
    );
    let started = StoredValue::new(
        saved
            .resumable
            .with_value(|a| a.as_ref().map_or(0.0, |a| a.started_ms)),
    );
    if let Some(RoundKind::Bank(id)) = current.get_value() {
        // The resumed bank's card shows "loading" meanwhile.
        pending.set(Some(id));
    }

    // The clock starts when the round reports a fresh session (see `on_round_change`); a resumed
    // round keeps its saved start.
    let start_round = move |kind: RoundKind, library: Arc<Library>, session: Session| {
        notices.set(Vec::new());
        // Once any round is on screen, an older unfinished one is no longer resumed.
        saved.resumable.set_value(None);
        current.set_value(Some(kind.clone()));
        screen.set(Screen::Quiz(Round {
            kind,
            library,
            session,
        }));
    };
    let draw = move |kind: &RoundKind, library: &Library| {
        saved.progress.with_untracked(|p| {
            library
                .draw(kind, p, page::today(), page::random_seed(), count)
                .ok()
        })
    };

    // The valid banks loaded so far (filled as the bank library settles each bank).
    let loaded = RwSignal::new(Library::default());
    let library_now = move || Arc::new(loaded.get_untracked());
    let open_kind = move |kind: RoundKind| {
        let library = library_now();
        if let Some(session) = draw(&kind, &library) {
            start_round(kind, library, session);
        }
    };
    let open_bank_round = move |id: BankId| open_kind(RoundKind::Bank(id));
    // A round left unfinished (reload, killed webview) reopens once every bank it uses has loaded.
    let needs = move |id: &BankId| {
        saved.resumable.with_value(|a| {
            a.as_ref()
                .is_some_and(|a| a.session.items.iter().any(|i| &i.bank == id))
        })
    };
    let try_resume = move || {
        let ready = saved.resumable.with_value(|a| {
            a.as_ref().is_some_and(|a| {
                a.session
                    .items
                    .iter()
                    .all(|i| loaded.with_untracked(|l| l.bank(&i.bank).is_some()))
            })
        });
        if !ready {
            return;
        }
        let Some(attempt) = saved.resumable.get_value() else {
            return;
        };
        let library = library_now();
        if attempt.session.check_against(&library).is_ok() {
            start_round(attempt.kind, library, attempt.session);
        } else {
            saved.resumable.set_value(None);
            saved.save_attempt(None);
            show(Notice::ResumeLost);
        }
    };

    let on_settled = Callback::new(
        move |(entry, state, all_done): (IndexEntry, BankState, bool)| {
            // A linked topic opens with its first bank; a linked daily set once every bank is in.
            let linked = match follow.get_value() {
                Some(LinkTarget::Topic(t)) => matches!(&state, BankState::Ready(b) if b.topic == t),
                Some(LinkTarget::Daily) => all_done,
                _ => false,
            };
            if linked {
                follow.set_value(None);
            }
            let picked = pending.get_untracked().as_ref() == Some(&entry.id);
            if picked {
                pending.set(None);
            }
            match state {
                BankState::Ready(bank) => {
                    loaded.update(|l| l.insert(bank));
                    let topic_link = linked && matches!(link.target, Some(LinkTarget::Topic(_)));
                    if topic_link || (picked && !needs(&entry.id)) {
                        open_bank_round(entry.id);
                    } else {
                        try_resume();
                    }
                }
                BankState::Invalid { errors } => {
                    if needs(&entry.id) {
                        saved.resumable.set_value(None);
                        saved.save_attempt(None);
                        show(Notice::ResumeLost);
                    }
                    show(Notice::BankInvalid {
                        title: entry.title,
                        errors,
                    });
                }
                BankState::Failed if picked => show(Notice::BankFailed { title: entry.title }),
                BankState::Failed | BankState::Loading => {}
            }
            if linked && link.target == Some(LinkTarget::Daily) {
                open_kind(RoundKind::Daily(page::today()));
            }
        },
    );
    let banks = use_banks(on_settled);

    let open_bank = Callback::new(move |entry: IndexEntry| {
        let state = banks.banks.with_untracked(|b| b.get(&entry.id).cloned());
        match state {
            Some(BankState::Ready(_)) => open_bank_round(entry.id),
            Some(BankState::Loading) => pending.set(Some(entry.id)),
            Some(BankState::Failed) => {
                pending.set(Some(entry.id.clone()));
                banks.retry.run(entry);
            }
            Some(BankState::Invalid { .. }) | None => {}
        }
    });
    let open_round = Callback::new(open_kind);
    let draw_again = Callback::new(move |()| {
        let kind = current.get_value()?;
        draw(&kind, &library_now())
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
            let library = library_now();
            let mut topics: Vec<_> = session
                .items
                .iter()
                .filter_map(|i| library.bank(&i.bank).map(|b| b.topic))
                .collect();
            topics.sort();
            topics.dedup();
            let seconds =
                ((page::now_ms() - started.get_value()) / 1000.0).clamp(0.0, 86_400.0) as u32;
            saved.finish_round(RoundRecord {
                date: page::today(),
                topics,
                total: u32::try_from(session.total()).unwrap_or(u32::MAX),
                correct: u32::try_from(session.correct()).unwrap_or(u32::MAX),
                seconds,
            });
        } else {
            if session.is_fresh() {
                // A new round ("another round"): the clock starts again.
                started.set_value(page::now_ms());
            }
            saved.save_attempt(Some(&SavedAttempt {
                kind,
                session,
                started_ms: started.get_value(),
            }));
        }
    });
    let on_answer = Callback::new(move |(key, correct): (String, bool)| {
        saved.record_answer(&key, correct, page::today());
    });
    let on_bookmark = Callback::new(move |key: String| saved.toggle_bookmark(&key));
    let go_home = move |_| {
        saved.save_attempt(None);
        current.set_value(None);
        screen.set(Screen::Home);
    };
    let book_count = Signal::derive(move || saved.progress.with(|p| p.wrong_book().count()));
    let bookmark_count =
        Signal::derive(move || saved.progress.with(|p| p.shelf(Shelf::Bookmarks).count()));
    // The daily set draws across every bank, so it waits until all have loaded (else the set
    // would depend on how far loading had got).
    let all_loaded = Signal::derive(move || {
        banks.banks.with(|b| {
            b.values().any(|s| matches!(s, BankState::Ready(_)))
                && b.values().all(|s| !matches!(s, BankState::Loading))
        })
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
                    <Show when=move || matches!(screen.get(), Screen::Home)>
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
                                pending=pending
                                book_count=book_count
                                bookmark_count=bookmark_count
                                can_draw=all_loaded
                                on_open=open_bank
                                on_daily=move |_| open_round.run(RoundKind::Daily(page::today()))
                                on_shelf=move |shelf| screen.set(Screen::Shelf(shelf))
                                on_retry=banks.reload
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
                                draw_again=draw_again
                                on_exit=go_home
                                on_change=on_round_change
                                on_answer=on_answer
                                on_bookmark=on_bookmark
                            />
                        }
                            .into_any()
                    }
                    Screen::Settings => {
                        view! { <SettingsScreen on_lang=change_lang on_back=go_home /> }.into_any()
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
