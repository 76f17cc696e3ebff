//! The app shell: provides the app-wide services (language, storage), starts the bank library,
//! and shows one screen at a time. Screens report back through callbacks; the shell owns navigation.

use crate::domain::bank::{Bank, BankId, IndexEntry};
use crate::domain::i18n::Msg;
use crate::domain::progress::{question_key, RoundRecord};
use crate::domain::saved::SavedAttempt;
use crate::domain::session::Session;
use crate::domain::text::Lang;
use crate::platform::{page, storage::Store};
use crate::ui::hooks::{use_banks, use_saved, BankState, UseSaved};
use crate::ui::screens::{HomeScreen, QuizScreen};
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

#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Home,
    /// A round of the bank, resumed from a saved session when there is one.
    Quiz(Arc<Bank>, Option<Session>),
}

/// The language to start in: `?lang=` first, then the remembered choice, then Chinese.
fn initial_lang(saved: &UseSaved) -> Lang {
    page::query_param("lang")
        .and_then(|v| Lang::parse(&v))
        .or_else(|| saved.settings.with_untracked(|s| s.lang))
        .unwrap_or_default()
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

    let screen = RwSignal::new(Screen::Home);
    // The bank the player picked while it was still loading: opened as soon as it is ready.
    let pending = RwSignal::new(None::<BankId>);
    let dropped = saved.dropped.get_value();
    if !dropped.is_empty() {
        show(Notice::SavedDropped { what: dropped });
    }
    // When the round started (Unix ms), for the time taken.
    let started = StoredValue::new(
        saved
            .resumable
            .with_value(|a| a.as_ref().map(|a| a.started_ms))
            .unwrap_or(0.0),
    );
    // A round left unfinished (reload, killed webview) reopens once its bank is ready.
    if let Some(bank) = saved
        .resumable
        .with_value(|a| a.as_ref().map(|a| a.bank.clone()))
    {
        pending.set(Some(bank));
    }

    let on_settled = Callback::new(move |(entry, state): (IndexEntry, BankState)| {
        let picked = pending.get_untracked().as_ref() == Some(&entry.id);
        let resume = saved.resumable.with_value(|a| {
            a.as_ref()
                .filter(|a| a.bank == entry.id)
                .map(|a| a.session.clone())
        });
        if resume.is_some() && !matches!(state, BankState::Failed) {
            saved.resumable.set_value(None);
            if matches!(state, BankState::Invalid { .. }) {
                saved.save_attempt(None);
            }
        }
        match state {
            BankState::Invalid { errors } => show(Notice::BankInvalid {
                title: entry.title,
                errors,
            }),
            BankState::Failed if picked => show(Notice::BankFailed { title: entry.title }),
            BankState::Ready(bank) if picked => match resume {
                Some(session) if session.check_against(&bank).is_ok() => {
                    screen.set(Screen::Quiz(bank, Some(session)))
                }
                Some(_) => {
                    saved.save_attempt(None);
                    show(Notice::ResumeLost);
                }
                None => {
                    started.set_value(page::now_ms());
                    screen.set(Screen::Quiz(bank, None));
                }
            },
            _ => {}
        }
        if picked {
            pending.set(None);
        }
    });
    let library = use_banks(on_settled);

    let open_bank = Callback::new(move |entry: IndexEntry| {
        let state = library.banks.with_untracked(|b| b.get(&entry.id).cloned());
        match state {
            Some(BankState::Ready(bank)) => {
                notices.set(Vec::new());
                started.set_value(page::now_ms());
                screen.set(Screen::Quiz(bank, None));
            }
            Some(BankState::Loading) => pending.set(Some(entry.id)),
            Some(BankState::Failed) => {
                pending.set(Some(entry.id.clone()));
                library.retry.run(entry);
            }
            Some(BankState::Invalid { .. }) | None => {}
        }
    });

    let change_lang = Callback::new(move |lang: Lang| {
        locale.set(lang);
        saved.update_settings(|s| s.lang = Some(lang));
        // Keep the address in step so a reload or a shared link keeps the language.
        let _ = page::set_query_param("lang", lang.code());
    });

    // The round reports every step; the shell saves it, and files it in the history at the end.
    let on_round_change = Callback::new(move |(bank, session): (BankId, Session)| {
        if session.is_finished() {
            saved.save_attempt(None);
            let topic = library.banks.with_untracked(|b| match b.get(&bank) {
                Some(BankState::Ready(bank)) => Some(bank.topic),
                _ => None,
            });
            let seconds =
                ((page::now_ms() - started.get_value()) / 1000.0).clamp(0.0, 86_400.0) as u32;
            saved.finish_round(RoundRecord {
                date: page::today(),
                topics: topic.into_iter().collect(),
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
                bank,
                session,
                started_ms: started.get_value(),
            }));
        }
    });
    let on_answer = Callback::new(
        move |(bank, question, correct): (BankId, crate::domain::bank::QuestionId, bool)| {
            saved.record_answer(&question_key(&bank, &question), correct, page::today());
        },
    );
    let leave = move |_| {
        saved.save_attempt(None);
        screen.set(Screen::Home);
    };

    view! {
        <div class="shell">
            <header class="topbar">
                <p class="brand">
                    <span class="brand-mark" aria-hidden="true">"安"</span>
                    <span class="brand-name">{move || locale.t(Msg::AppName)}</span>
                </p>
                <LangToggle on_change=change_lang />
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
                                index=library.index
                                banks=library.banks
                                pending=pending
                                on_open=open_bank
                                on_retry=library.reload
                            />
                        }
                            .into_any()
                    }
                    Screen::Quiz(bank, resume) => {
                        view! {
                            <QuizScreen
                                bank=bank
                                resume=resume
                                on_exit=leave
                                on_change=on_round_change
                                on_answer=on_answer
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
