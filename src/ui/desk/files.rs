//! The files tab: the bank's JSON and `index.json` to publish, and the translator's round trip (the
//! texts lacking English out as a sheet, the filled sheet back in). Files are saved as downloads;
//! nothing is sent anywhere.

use super::use_words;
use crate::domain::desk::{DeskEvent, DeskModel, DeskMsg};
use crate::platform::download;
use crate::platform::files::chosen_file;
use crate::ui::hooks::use_memo;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The files tab.
#[component]
pub fn FilesTab(
    /// The desk.
    model: RwSignal<DeskModel>,
    /// Called with a translation sheet read.
    dispatch: Callback<DeskEvent>,
) -> impl IntoView {
    let words = use_words();
    let saved = RwSignal::new(None::<Result<String, String>>);
    let save = move |name: String, mime: &'static str, text: String| {
        saved.set(Some(match download::save_text(&name, mime, &text) {
            Ok(()) => Ok(name),
            Err(e) => Err(e.to_string()),
        }));
    };
    let bank_name = use_memo(move |_| model.with(|m| m.bank_file().map(|(name, _)| name)));
    let save_bank = move |_| {
        if let Some((name, text)) = model.with_untracked(DeskModel::bank_file) {
            save(name, "application/json", text);
        }
    };
    let save_index = move |_| {
        if let Some(text) = model.with_untracked(DeskModel::index_file) {
            save("index.json".to_owned(), "application/json", text);
        }
    };
    let save_sheet = move |_| {
        if let Some((name, text, _)) = model.with_untracked(DeskModel::translation_file) {
            save(name, "text/csv;charset=utf-8", text);
        }
    };
    let take_sheet = move |ev: leptos::ev::Event| {
        spawn_local(async move {
            match chosen_file(&ev).await {
                Ok(Some(file)) => dispatch.run(DeskEvent::TranslationsRead {
                    name: file.name,
                    bytes: file.bytes,
                }),
                Ok(None) => {}
                Err(e) => saved.set(Some(Err(e.to_string()))),
            }
        });
    };
    let missing = use_memo(move |_| model.with(|m| m.translation_file().map_or(0, |(_, _, n)| n)));
    let note = move || {
        model.with(|m| {
            m.translation_note().map(|n| {
                let problems = n
                    .problems
                    .iter()
                    .map(|p| view! { <li>{p.where_(words.lang())}": "{p.message(words.lang())}</li> })
                    .collect_view();
                view! {
                    <p role="status">{words.fill(DeskMsg::TranslationApplied, &[&n.filled, &n.remaining])}</p>
                    <ul class="desk-problems">{problems}</ul>
                }
            })
        })
    };
    view! {
        <Show
            when=move || bank_name.with(Option::is_some)
            fallback=move || view! { <p class="notice notice-warn">{move || words.t(DeskMsg::FilesNeedBank)}</p> }
        >
            <h2>{move || words.t(DeskMsg::FilesHeading)}</h2>
            <p>{move || words.t(DeskMsg::FilesHow)}</p>
            <Show when=move || model.with(|m| m.index_state() == Some(false))>
                <p class="notice notice-info">{move || words.t(DeskMsg::NoSiteIndex)}</p>
            </Show>
            <div class="actions">
                <button type="button" class="button button-primary" on:click=save_bank>
                    {move || words.fill(DeskMsg::SaveBank, &[&bank_name.get().unwrap_or_default()])}
                </button>
                <button type="button" class="button" on:click=save_index>
                    {move || words.t(DeskMsg::SaveIndex)}
                </button>
            </div>
            <p class="notice notice-info" role="status">
                {move || match saved.get() {
                    Some(Ok(name)) => words.fill(DeskMsg::Saved, &[&name]),
                    Some(Err(why)) => words.fill(DeskMsg::SaveFailed, &[&why]),
                    None => String::new(),
                }}
            </p>
            <h2>{move || words.t(DeskMsg::TranslationHeading)}</h2>
            <p>
                {move || match missing.get() {
                    0 => words.t(DeskMsg::TranslationDone).to_owned(),
                    n => words.fill(DeskMsg::TranslationNeeded, &[&n]),
                }}
            </p>
            <div class="actions">
                <Show when=move || missing.get() != 0>
                    <button type="button" class="button" on:click=save_sheet>
                        {move || words.t(DeskMsg::ExportTranslation)}
                    </button>
                </Show>
                <label class="button file-button">
                    {move || words.t(DeskMsg::ImportTranslation)}
                    <input type="file" class="file-input" accept=".csv,.xlsx,.txt" on:change=take_sheet />
                </label>
            </div>
            {note}
        </Show>
    }
}
