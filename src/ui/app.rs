//! The app shell: provides the app-wide services (language, storage), loads the bank index, and
//! shows one screen at a time. Screens report back through callbacks; the shell owns navigation.

use crate::domain::bank::{parse_bank, Bank, BankId, BankIndex, IndexEntry};
use crate::domain::i18n::Msg;
use crate::domain::text::Lang;
use crate::platform::fetch::{fetch_bytes, CacheMode};
use crate::platform::{log, page, storage::Store};
use crate::ui::screens::{HomeScreen, QuizScreen};
use crate::ui::widgets::{LangToggle, NoticeBanner};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::Arc;

/// Where the banks live, relative to the page.
pub const QUIZ_DIR: &str = "quizzes/";
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

/// What the home screen knows of the bank index.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexState {
    /// Still fetching.
    Loading,
    /// Loaded.
    Ready(BankIndex),
    /// Could not be fetched or read.
    Failed,
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

async fn fetch_index() -> IndexState {
    let url = format!("{QUIZ_DIR}index.json");
    let text = match fetch_bytes(&url, CacheMode::Revalidate).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            log::warn(&e.to_string());
            return IndexState::Failed;
        }
    };
    match BankIndex::parse(&text) {
        Ok(index) => IndexState::Ready(index),
        Err(e) => {
            log::warn(&e.to_string());
            IndexState::Failed
        }
    }
}

/// Fetches and checks one bank; `Err` carries the notice to show.
async fn fetch_bank(entry: &IndexEntry) -> Result<Bank, Notice> {
    let url = format!("{QUIZ_DIR}{}?v={}", entry.file, entry.hash);
    let bytes = fetch_bytes(&url, CacheMode::Default).await.map_err(|e| {
        log::warn(&e.to_string());
        Notice::BankFailed {
            title: entry.title.clone(),
        }
    })?;
    let report = parse_bank(&entry.file, &bytes, page::today());
    for problem in &report.problems {
        // For the front-end team's console; customers see the notice only.
        log::warn(&problem.line(Lang::En));
    }
    let errors = report.error_count();
    report.bank.ok_or(Notice::BankInvalid {
        title: entry.title.clone(),
        errors,
    })
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

    let index = RwSignal::new(IndexState::Loading);
    let load_index = move || {
        index.set(IndexState::Loading);
        spawn_local(async move { index.set(fetch_index().await) });
    };
    load_index();

    let screen = RwSignal::new(Screen::Home);
    let notice = RwSignal::new(None::<Notice>);
    let busy = RwSignal::new(None::<BankId>);
    let broken = RwSignal::new(Vec::<BankId>::new());
    let loaded = StoredValue::new(HashMap::<BankId, Arc<Bank>>::new());

    let open_bank = Callback::new(move |entry: IndexEntry| {
        // A second tap while a bank loads is ignored.
        if busy.get_untracked().is_some() {
            return;
        }
        notice.set(None);
        if let Some(bank) = loaded.with_value(|m| m.get(&entry.id).cloned()) {
            screen.set(Screen::Quiz(bank));
            return;
        }
        busy.set(Some(entry.id.clone()));
        spawn_local(async move {
            match fetch_bank(&entry).await {
                Ok(bank) => {
                    let bank = Arc::new(bank);
                    loaded.update_value(|m| {
                        m.insert(entry.id.clone(), bank.clone());
                    });
                    screen.set(Screen::Quiz(bank));
                }
                Err(n) => {
                    if matches!(n, Notice::BankInvalid { .. }) {
                        broken.update(|b| b.push(entry.id.clone()));
                    }
                    notice.set(Some(n));
                }
            }
            busy.set(None);
        });
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
                notice
                    .get()
                    .map(|n| view! { <NoticeBanner notice=n on_dismiss=move |_| notice.set(None) /> })
            }}
            <main id="main" class="main">
                {move || match screen.get() {
                    Screen::Home => {
                        view! {
                            <HomeScreen
                                index=index
                                busy=busy
                                broken=broken
                                on_open=open_bank
                                on_retry=move |_| load_index()
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
