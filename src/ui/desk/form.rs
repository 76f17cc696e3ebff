//! The bank's settings, for what the sheet does not say: id, titles, topic, audience, default
//! difficulty and source, languages and version. Every change reads the file again at once.

use super::use_words;
use crate::domain::bank::intake::LanguageChoice;
use crate::domain::bank::{Audience, Topic};
use crate::domain::desk::{DeskEvent, DeskModel, DeskMsg, Setting};
use crate::domain::i18n::{audience_name, topic_name};
use leptos::prelude::*;

/// The settings form.
#[component]
pub fn SettingsForm(
    /// The desk.
    model: RwSignal<DeskModel>,
    /// Called with each change.
    dispatch: Callback<DeskEvent>,
) -> impl IntoView {
    let words = use_words();
    let set = move |setting: Setting| dispatch.run(DeskEvent::Set(setting));
    let text = move |id: &'static str,
                     label: DeskMsg,
                     value: fn(&DeskModel) -> String,
                     change: fn(String) -> Setting| {
        view! {
            <div class="desk-field">
                <label for=id>{move || words.t(label)}</label>
                <input
                    id=id
                    type="text"
                    class="desk-input"
                    prop:value=move || model.with(value)
                    on:change=move |ev| set(change(event_target_value(&ev)))
                />
            </div>
        }
    };
    let chips = move |label: DeskMsg, id: &'static str, body: AnyView| {
        view! {
            <div class="desk-field" role="group" aria-labelledby=id>
                <span class="desk-label" id=id>{move || words.t(label)}</span>
                <div class="chips">{body}</div>
            </div>
        }
    };
    let chip = move |name: Signal<String>, pressed: Signal<bool>, setting: Setting| {
        view! {
            <button
                type="button"
                class="button chip"
                aria-pressed=move || pressed.get().to_string()
                on:click=move |_| set(setting.clone())
            >
                {name}
            </button>
        }
    };
    let topics = Topic::ALL
        .into_iter()
        .map(|t| {
            chip(
                Signal::derive(move || topic_name(t).text(words.lang()).to_owned()),
                Signal::derive(move || model.with(|m| m.settings().topic == t)),
                Setting::Topic(t),
            )
        })
        .collect_view();
    let audiences = Audience::ALL
        .into_iter()
        .map(|a| {
            chip(
                Signal::derive(move || audience_name(a).text(words.lang()).to_owned()),
                Signal::derive(move || model.with(|m| m.settings().audience == [a])),
                Setting::Audience(a),
            )
        })
        .collect_view();
    let difficulties = [(1, DeskMsg::Easy), (2, DeskMsg::Medium), (3, DeskMsg::Hard)]
        .into_iter()
        .map(|(d, msg)| {
            chip(
                Signal::derive(move || words.t(msg).to_owned()),
                Signal::derive(move || model.with(|m| m.settings().difficulty == d)),
                Setting::Difficulty(d),
            )
        })
        .collect_view();
    let languages = [
        (LanguageChoice::Auto, DeskMsg::LangAuto),
        (LanguageChoice::ChineseOnly, DeskMsg::LangZh),
        (LanguageChoice::Bilingual, DeskMsg::LangBoth),
    ]
    .into_iter()
    .map(|(choice, msg)| {
        chip(
            Signal::derive(move || words.t(msg).to_owned()),
            Signal::derive(move || model.with(|m| m.settings().languages == choice)),
            Setting::Languages(choice),
        )
    })
    .collect_view();
    view! {
        <details class="desk-settings" open>
            <summary>{move || words.t(DeskMsg::SettingsHeading)}</summary>
            <div class="desk-fields">
                {text("bank-id", DeskMsg::BankId, |m| m.settings().bank_id.clone(), Setting::BankId)}
                {text("title-zh", DeskMsg::TitleZh, |m| m.settings().title.zh.clone(), Setting::TitleZh)}
                {text("title-en", DeskMsg::TitleEn, |m| m.settings().title.en.clone(), Setting::TitleEn)}
                {text("source-zh", DeskMsg::SourceZh, |m| m.settings().source.zh.clone(), Setting::SourceZh)}
                {text("source-en", DeskMsg::SourceEn, |m| m.settings().source.en.clone(), Setting::SourceEn)}
                <div class="desk-field">
                    <label for="version">{move || words.t(DeskMsg::Version)}</label>
                    <input
                        id="version"
                        type="number"
                        min="1"
                        inputmode="numeric"
                        class="desk-input desk-number"
                        prop:value=move || model.with(|m| m.settings().version.to_string())
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                                set(Setting::Version(v));
                            }
                        }
                    />
                </div>
            </div>
            {chips(DeskMsg::Topic, "topic-label", topics.into_any())}
            {chips(DeskMsg::Audience, "audience-label", audiences.into_any())}
            {chips(DeskMsg::Difficulty, "difficulty-label", difficulties.into_any())}
            {chips(DeskMsg::Languages, "languages-label", languages.into_any())}
        </details>
    }
}
