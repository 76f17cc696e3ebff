//! The preview tab: one question of the bank with the learner's own question card, in a phone or a
//! kiosk frame, in either language and in elder mode, with its answer, explanation and source on
//! request. The card is the same component the phone and the kiosk use, so the words, the order
//! and the marks are theirs; the frame scales the sizes to fit the desk.

use super::use_words;
use crate::domain::bank::{OptionId, Question};
use crate::domain::desk::{DeskEvent, DeskModel, DeskMsg, Frame, Preview};
use crate::domain::i18n::Msg;
use crate::domain::text::Lang;
use crate::ui::services::{Elder, Locale};
use crate::ui::widgets::QuestionCard;
use leptos::prelude::*;

/// The question as the phone or the kiosk shows it, in `lang` (its own locale, apart from the
/// desk's), with the answer when `revealed` (the right options marked as the app marks them for a
/// player who missed them, then the explanation and source).
#[component]
fn Shown(question: Question, lang: Lang, elder: bool, revealed: bool) -> impl IntoView {
    let locale = Locale::new(lang);
    provide_context(locale);
    provide_context(Elder(Signal::derive(move || elder)));
    let order: Vec<OptionId> = question.options.iter().map(|o| o.id.clone()).collect();
    let answer = question.answer.clone();
    let letters = order
        .iter()
        .enumerate()
        .filter(|(_, id)| answer.contains(id))
        .map(|(i, _)| crate::domain::bank::option_letter(i).to_string())
        .collect::<Vec<_>>()
        .join(lang.list_separator());
    let explanation = question.explanation.get(lang).to_owned();
    let source = question.source.get(lang).to_owned();
    view! {
        <div lang=lang.html_lang()>
            <QuestionCard
                question=question
                order=order
                selected=Signal::derive(Vec::new)
                revealed=Signal::derive(move || revealed)
                on_toggle=Callback::new(|_| {})
                listed=true
            />
            {revealed.then(|| view! {
                <div class="feedback desk-answer">
                    <p class="answer-line">{Msg::RightAnswer.fill(lang, &[&letters])}</p>
                    <h3 class="feedback-heading">{Msg::Explanation.text(lang)}</h3>
                    <p class="explanation">{explanation}</p>
                    <p class="source">
                        <span class="source-label">{Msg::Source.text(lang)}</span>
                        {Msg::Colon.text(lang)}
                        {source}
                    </p>
                </div>
            })}
        </div>
    }
}

/// The preview tab.
#[component]
pub fn PreviewTab(
    /// The desk.
    model: RwSignal<DeskModel>,
    /// Called with the preview's choices.
    dispatch: Callback<DeskEvent>,
) -> impl IntoView {
    let words = use_words();
    let preview = Memo::new(move |_| model.with(DeskModel::preview));
    let total = Memo::new(move |_| model.with(|m| m.bank().map_or(0, |b| b.questions.len())));
    let toggle = move |label: Signal<String>, pressed: Signal<bool>, event: DeskEvent| {
        view! {
            <button
                type="button"
                class="button button-small chip"
                aria-pressed=move || pressed.get().to_string()
                on:click=move |_| dispatch.run(event.clone())
            >
                {label}
            </button>
        }
    };
    let word = move |msg: DeskMsg| Signal::derive(move || words.t(msg).to_owned());
    // An on/off choice of the preview: pressed when `on`, and a press sends the other value.
    let flag = move |msg: DeskMsg, on: fn(&Preview) -> bool, event: fn(bool) -> DeskEvent| {
        view! {
            <button
                type="button"
                class="button button-small chip"
                aria-pressed=move || on(&preview.get()).to_string()
                on:click=move |_| dispatch.run(event(!on(&preview.get_untracked())))
            >
                {move || words.t(msg)}
            </button>
        }
    };
    let controls = move || {
        view! {
            <div class="desk-preview-controls">
                <div class="chips" role="group" aria-label=move || words.t(DeskMsg::PreviewLang)>
                    {toggle(Signal::derive(|| "中文".to_owned()), Signal::derive(move || preview.get().lang == Lang::Zh), DeskEvent::PreviewLang(Lang::Zh))}
                    {toggle(Signal::derive(|| "English".to_owned()), Signal::derive(move || preview.get().lang == Lang::En), DeskEvent::PreviewLang(Lang::En))}
                </div>
                <div class="chips" role="group" aria-label=move || words.t(DeskMsg::TabPreview)>
                    {toggle(word(DeskMsg::Phone), Signal::derive(move || preview.get().frame == Frame::Phone), DeskEvent::PreviewFrame(Frame::Phone))}
                    {toggle(word(DeskMsg::Kiosk), Signal::derive(move || preview.get().frame == Frame::Kiosk), DeskEvent::PreviewFrame(Frame::Kiosk))}
                </div>
                {flag(DeskMsg::ElderPreview, |p| p.elder, DeskEvent::PreviewElder)}
                {flag(DeskMsg::ShowAnswer, |p| p.revealed, DeskEvent::PreviewReveal)}
            </div>
        }
    };
    let is_last = move || preview.get().at + 1 >= total.get();
    let nav = move || {
        view! {
            <div class="desk-preview-nav">
                <button
                    type="button"
                    class="button button-small"
                    prop:disabled=move || preview.get().at == 0
                    on:click=move |_| dispatch.run(DeskEvent::PreviewAt(preview.get_untracked().at.saturating_sub(1)))
                >
                    {move || words.t(DeskMsg::Previous)}
                </button>
                <span class="desk-position" role="status">
                    {move || words.fill(DeskMsg::Position, &[&(preview.get().at + 1), &total.get()])}
                </span>
                <button
                    type="button"
                    class="button button-small"
                    prop:disabled=is_last
                    on:click=move |_| dispatch.run(DeskEvent::PreviewAt(preview.get_untracked().at + 1))
                >
                    {move || words.t(DeskMsg::Next)}
                </button>
            </div>
        }
    };
    let place = move || {
        let at = preview.get().at;
        model.with(|m| {
            let bank = m.bank()?;
            let id = bank.questions.get(at)?.id.as_str().to_owned();
            let row =
                m.intake()?
                    .questions
                    .iter()
                    .find(|q| q.id == id)
                    .map(|q| match &q.sheet {
                        Some(sheet) => format!("{sheet} · {}", q.row),
                        None => q.row.to_string(),
                    })?;
            Some(view! { <p class="hint">{words.fill(DeskMsg::SheetRow, &[&row])}</p> })
        })
    };
    let shown = move || {
        let p = preview.get();
        let question = model.with(|m| m.bank().and_then(|b| b.questions.get(p.at).cloned()))?;
        let frame = match (p.frame, p.elder) {
            (Frame::Phone, false) => "desk-frame desk-phone",
            (Frame::Phone, true) => "desk-frame desk-phone elder",
            (Frame::Kiosk, false) => "desk-frame desk-kiosk kiosk",
            (Frame::Kiosk, true) => "desk-frame desk-kiosk kiosk elder",
        };
        Some(view! {
            <div class=frame>
                <Shown question=question lang=p.lang elder=p.elder revealed=p.revealed />
            </div>
        })
    };
    view! {
        <Show
            when=move || total.get() != 0
            fallback=move || view! { <p class="notice notice-warn">{move || words.t(DeskMsg::PreviewNeedsBank)}</p> }
        >
            {controls()}
            {nav()}
            {place}
            {shown}
        </Show>
    }
}
