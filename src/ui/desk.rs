//! The content desk's page (`desk.html`, issue 15), as wiring around the desk model
//! (`domain::desk`): a file dropped or chosen is read in the page and handed to the model, which
//! imports it (`bank::intake`); the site's `quizzes/index.json` is fetched once for the index the
//! desk writes. The screens show the model: the file, the bank's settings, then the summary, the
//! problems, the preview and the files to save, one tab at a time.
//!
//! Reached only from `src/bin/desk.rs`: the phone's wasm never contains it (nor the spreadsheet
//! readers it pulls in). The same page, as `desk.html?frame=…`, is the preview's frame ([`FrameApp`]).

mod files;
mod form;
mod frame;
mod preview;
mod problems;
mod summary;

pub use frame::FrameApp;

use crate::domain::bank::BankIndex;
use crate::domain::desk::{DeskEvent, DeskModel, DeskMsg, Tab};
use crate::domain::text::Lang;
use crate::platform::fetch::{fetch_bytes, CacheMode};
use crate::platform::files::{chosen_file, dropped_file, PickedFile};
use crate::platform::{page, PlatformError};
use crate::ui::hooks::use_memo;
use crate::ui::services::{use_locale, Locale};
use crate::ui::widgets::LangToggle;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The desk's words in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct Words(Locale);

impl Words {
    /// The language (tracked).
    pub fn lang(self) -> Lang {
        self.0.lang()
    }

    /// A message (tracked).
    pub fn t(self, msg: DeskMsg) -> &'static str {
        msg.text(self.0.lang())
    }

    /// A message with its placeholders filled (tracked).
    pub fn fill(self, msg: DeskMsg, args: &[&dyn std::fmt::Display]) -> String {
        msg.fill(self.0.lang(), args)
    }
}

/// The desk's words (the page's locale must be provided).
pub fn use_words() -> Words {
    Words(use_locale())
}

/// Hands a file read in the page to the model: first that it is being read, painted before the
/// reading itself holds the page (seconds, for a sheet of tens of thousands of rows), then the file.
fn take(result: Result<Option<PickedFile>, PlatformError>, dispatch: Callback<DeskEvent>) {
    match result {
        Ok(Some(file)) => {
            dispatch.run(DeskEvent::FileReading(file.name.clone()));
            page::after_paint(move || {
                dispatch.run(DeskEvent::FileRead {
                    name: file.name,
                    bytes: file.bytes,
                });
            });
        }
        Ok(None) => {}
        Err(e) => dispatch.run(DeskEvent::FileFailed(e.to_string())),
    }
}

/// The content desk's whole page.
#[component]
pub fn DeskApp() -> impl IntoView {
    // A double click's second click would act on what the first one opened or moved.
    crate::platform::taps::ignore_double_taps();
    let lang = page::query_param("lang")
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default();
    let locale = Locale::new(lang);
    provide_context(locale);
    let words = use_words();
    Effect::new(move |_| {
        let lang = locale.lang();
        page::set_document_lang(lang.html_lang());
        page::set_title(DeskMsg::PageTitle.text(lang));
    });

    let model = RwSignal::new(DeskModel::new(page::today()));
    let apply = move |event: DeskEvent| model.update(|m| m.apply(event));
    // A change of settings reads the file again: a large one is said to be read first, as when
    // it was brought in, so the page does not seem stuck while it is.
    let dispatch = Callback::new(move |event: DeskEvent| {
        match model.with_untracked(|m| m.reads_slowly(&event)) {
            Some(name) => {
                apply(DeskEvent::FileReading(name));
                page::after_paint(move || apply(event));
            }
            None => apply(event),
        }
    });
    spawn_local(async move {
        let index = fetch_bytes("quizzes/index.json", CacheMode::Revalidate)
            .await
            .ok()
            .and_then(|bytes| BankIndex::parse(&String::from_utf8_lossy(&bytes)).ok());
        dispatch.run(DeskEvent::IndexLoaded(index));
    });

    let on_choose = move |ev: leptos::ev::Event| {
        spawn_local(async move {
            take(chosen_file(&ev).await, dispatch);
        });
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        spawn_local(async move {
            take(dropped_file(&ev).await, dispatch);
        });
    };
    let has_file = use_memo(move |_| model.with(|m| m.file_name().is_some()));
    let file_line = move || {
        model.with(|m| {
            m.file_name()
                .map(|name| words.fill(DeskMsg::FileShown, &[&name]))
        })
    };
    let reading = move || {
        model.with(|m| {
            m.reading().map(|name| {
                view! { <p class="notice notice-info" role="status">{words.fill(DeskMsg::Reading, &[&name])}</p> }
            })
        })
    };
    let rejected = move || {
        model.with(|m| {
            m.rejected().map(|(name, why)| {
                let why = why.message(words.lang());
                view! { <p class="notice notice-warn" role="alert">{words.fill(DeskMsg::Rejected, &[&name, &why])}</p> }
            })
        })
    };
    let read_error = move || {
        model.with(|m| {
            // The browser's own words are technical English: the message says what to do.
            m.read_error().map(|_| {
                view! { <p class="notice notice-warn" role="alert">{words.t(DeskMsg::ReadFailed)}</p> }
            })
        })
    };

    view! {
        <div class="desk">
            <header class="desk-bar">
                <p class="brand">
                    <span class="brand-mark" aria-hidden="true">"安"</span>
                    <span class="brand-name">{move || words.t(DeskMsg::PageTitle)}</span>
                </p>
                <LangToggle on_change=Callback::new(move |lang| locale.set(lang)) />
            </header>
            <main id="main" class="desk-main">
                <h1>{move || words.t(DeskMsg::Heading)}</h1>
                <Show when=move || !has_file.get()>
                    <p class="desk-intro">{move || words.t(DeskMsg::Intro)}</p>
                </Show>
                <div
                    class=move || if dragging.get() { "drop-zone is-over" } else { "drop-zone" }
                    on:dragover=move |ev: leptos::ev::DragEvent| {
                        ev.prevent_default();
                        dragging.set(true);
                    }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop
                >
                    <p class="drop-words" aria-hidden="true">{move || words.t(DeskMsg::DropHere)}</p>
                    <label class="button button-primary file-button">
                        {move || if has_file.get() { words.t(DeskMsg::ChooseAnother) } else { words.t(DeskMsg::ChooseFile) }}
                        <input
                            type="file"
                            class="file-input"
                            accept=".xlsx,.csv,.tsv,.txt,.json,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                            on:change=on_choose
                        />
                    </label>
                    <p class="hint">{move || words.t(DeskMsg::FileKinds)}</p>
                    <p class="hint">{move || words.t(DeskMsg::Private)}</p>
                </div>
                {reading}
                {rejected}
                {read_error}
                <Show when=move || has_file.get()>
                    <p class="desk-file" role="status">{file_line}</p>
                    <form::SettingsForm model=model dispatch=dispatch />
                    <Results model=model dispatch=dispatch />
                </Show>
            </main>
        </div>
    }
}

/// The tabs, once a file is read.
#[component]
fn Results(
    /// The desk.
    model: RwSignal<DeskModel>,
    /// Called with each step.
    dispatch: Callback<DeskEvent>,
) -> impl IntoView {
    let words = use_words();
    let tab = use_memo(move |_| model.with(DeskModel::tab));
    let problems = use_memo(move |_| model.with(|m| m.intake().map_or(0, |i| i.problems.len())));
    let label = move |t: Tab| match t {
        Tab::Summary => words.t(DeskMsg::TabSummary).to_owned(),
        Tab::Problems => words.fill(DeskMsg::TabProblems, &[&problems.get()]),
        Tab::Preview => words.t(DeskMsg::TabPreview).to_owned(),
        Tab::Files => words.t(DeskMsg::TabFiles).to_owned(),
    };
    view! {
        <nav class="desk-tabs" aria-label=move || words.t(DeskMsg::TabsLabel)>
            {Tab::ALL
                .into_iter()
                .map(|t| {
                    view! {
                        <button
                            type="button"
                            class="button button-small"
                            aria-current=move || (tab.get() == t).then_some("page")
                            on:click=move |_| dispatch.run(DeskEvent::Show(t))
                        >
                            {move || label(t)}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
        <section class="desk-panel" aria-live="polite">
            {move || match tab.get() {
                Tab::Summary => view! { <summary::SummaryTab model=model /> }.into_any(),
                Tab::Problems => view! { <problems::ProblemsTab model=model dispatch=dispatch /> }.into_any(),
                Tab::Preview => view! { <preview::PreviewTab model=model dispatch=dispatch /> }.into_any(),
                Tab::Files => view! { <files::FilesTab model=model dispatch=dispatch /> }.into_any(),
            }}
        </section>
    }
}
