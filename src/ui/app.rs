//! The app shell: provides the app-wide services (language, storage), starts the bank library,
//! and shows one screen at a time. Screens report back through callbacks; the shell owns navigation.

use crate::domain::bank::{Bank, BankId, IndexEntry};
use crate::domain::i18n::Msg;
use crate::domain::text::Lang;
use crate::platform::{page, storage::Store};
use crate::ui::hooks::{use_banks, BankState};
use crate::ui::screens::{HomeScreen, QuizScreen};
use crate::ui::widgets::{LangToggle, NoticeBanner};
use leptos::prelude::*;
use std::sync::Arc;

const LANG_KEY: &str = "lang";

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

/// The app's storage (provided by `App`).
pub fn use_store() -> Store {
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
}

#[derive(Debug, Clone, PartialEq)]
enum Screen {
    Home,
    Quiz(Arc<Bank>),
}

/// The language to start in: `?lang=` first, then the remembered choice, then Chinese.
fn initial_lang(store: &Store) -> Lang {
    page::query_param("lang")
        .and_then(|v| Lang::parse(&v))
        .or_else(|| {
            store
                .get::<String>(LANG_KEY)
                .ok()
                .flatten()
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or_default()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::open();
    let persistent = store.is_persistent();
    let locale = Locale::new(initial_lang(&store));
    provide_context(locale);
    provide_context(store.clone());

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
    let notices = RwSignal::new(Vec::<Notice>::new());
    // The bank the player picked while it was still loading: opened as soon as it is ready.
    let pending = RwSignal::new(None::<BankId>);
    let show = move |n: Notice| {
        notices.update(|list| {
            if !list.contains(&n) {
                list.push(n);
            }
        })
    };

    let on_settled = Callback::new(move |(entry, state): (IndexEntry, BankState)| {
        let picked = pending.get_untracked().as_ref() == Some(&entry.id);
        match state {
            BankState::Invalid { errors } => show(Notice::BankInvalid {
                title: entry.title,
                errors,
            }),
            BankState::Failed if picked => show(Notice::BankFailed { title: entry.title }),
            BankState::Ready(bank) if picked => screen.set(Screen::Quiz(bank)),
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
                screen.set(Screen::Quiz(bank));
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
        let store = use_store();
        // Failing to remember the choice is harmless: the notice about storage already says so.
        let _ = store.set(LANG_KEY, &lang.code());
        let _ = page::set_query_param("lang", lang.code());
    });

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
                    Screen::Quiz(bank) => {
                        view! { <QuizScreen bank=bank on_exit=move |_| screen.set(Screen::Home) /> }
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
