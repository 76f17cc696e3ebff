//! The panel's settings: this device's overrides over `kiosk.json`, edited as a
//! [`SettingsForm`] (numbers on steppers, texts typed by staff with a USB or the system's
//! on-screen keyboard, choices on buttons) and saved only if every value can be used; each
//! refused value is marked at its field, in words. Staff only: customers never reach it.

use crate::domain::bank::{Audience, Topic};
use crate::domain::i18n::{audience_name, topic_name};
use crate::domain::kiosk::{
    KioskModel, KioskMsg, KioskOverrides, NumberField, SettingProblem, SettingsForm, TextField,
};
use crate::domain::text::Lang;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// The words for a refused value.
fn problem_text(problem: &SettingProblem, lang: Lang) -> String {
    match problem {
        SettingProblem::OutOfRange { min, max, .. } => {
            KioskMsg::ProblemRange.fill(lang, &[min, max])
        }
        SettingProblem::Invalid { field, .. } => match *field {
            "branch" => KioskMsg::ProblemBranch,
            "bank_hotline" => KioskMsg::ProblemHotline,
            "phone_base_url" => KioskMsg::ProblemUrl,
            "topics" => KioskMsg::ProblemTopics,
            "prize_threshold" => KioskMsg::ProblemPrize,
            _ => KioskMsg::ProblemOther,
        }
        .text(lang)
        .to_owned(),
        _ => KioskMsg::ProblemOther.text(lang).to_owned(),
    }
}

/// The label of a stepper.
fn number_label(field: NumberField) -> KioskMsg {
    match field {
        NumberField::IdleSeconds => KioskMsg::SettingIdle,
        NumberField::CountdownSeconds => KioskMsg::SettingCountdown,
        NumberField::QuestionsPerSession => KioskMsg::SettingQuestions,
        NumberField::PrizeThreshold => KioskMsg::SettingPrize,
    }
}

/// The outcome of the last "save".
#[derive(Debug, Clone, PartialEq)]
enum Saved {
    Not,
    Yes,
    Refused(Vec<SettingProblem>),
}

/// The settings form.
#[component]
pub fn SettingsPanel(
    /// The kiosk model (the settings in force, the deployment's and this device's).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// Called with this device's new overrides.
    #[prop(into)]
    on_save: Callback<KioskOverrides>,
    /// Called for "change the PIN".
    #[prop(into)]
    on_change_pin: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let form = RwSignal::new(model.with_untracked(|m| SettingsForm::new(m.settings())));
    let saved = RwSignal::new(Saved::Not);
    let problem = move |field: &'static str| {
        saved.with(|s| match s {
            Saved::Refused(problems) => problems
                .iter()
                .find(|p| p.field() == Some(field))
                .map(|p| problem_text(p, locale.lang())),
            _ => None,
        })
    };
    let error_line = move |field: &'static str| {
        let id = format!("{field}-problem");
        view! {
            <p class="field-problem" id=id role="alert">{move || problem(field)}</p>
        }
    };
    let save = move |_| {
        let result = model.with_untracked(|m| {
            form.with_untracked(|f| f.save(m.settings(), m.overrides(), m.deployment()))
        });
        match result {
            Ok(device) => {
                on_save.run(device);
                form.set(model.with_untracked(|m| SettingsForm::new(m.settings())));
                saved.set(Saved::Yes);
            }
            Err(problems) => saved.set(Saved::Refused(problems)),
        }
    };
    let clear = move |_| {
        on_save.run(KioskOverrides::default());
        form.set(model.with_untracked(|m| SettingsForm::new(m.settings())));
        saved.set(Saved::Yes);
    };
    let stepper = move |field: NumberField| {
        let label_id = format!("{}-label", field.as_str());
        let labelled_by = label_id.clone();
        let (min, max) = field.range();
        let label = move || number_label(field).text(locale.lang());
        view! {
            <div class="setting" role="group" aria-labelledby=labelled_by>
                <span class="setting-label" id=label_id>{label}</span>
                <div class="stepper" data-repeat="">
                    <button
                        type="button"
                        class="button stepper-button"
                        aria-label=move || KioskMsg::StepDown.fill(locale.lang(), &[&label()])
                        on:click=move |_| form.update(|f| f.step(field, -1))
                    >
                        "−"
                    </button>
                    <output class="stepper-value" aria-live="polite">
                        {move || form.with(|f| f.number(field))}
                    </output>
                    <button
                        type="button"
                        class="button stepper-button"
                        aria-label=move || KioskMsg::StepUp.fill(locale.lang(), &[&label()])
                        on:click=move |_| form.update(|f| f.step(field, 1))
                    >
                        "+"
                    </button>
                    <span class="hint">{move || KioskMsg::SettingRange.fill(locale.lang(), &[&min, &max])}</span>
                </div>
                {error_line(field.as_str())}
            </div>
        }
    };
    let text_input = move |field: TextField, label: KioskMsg, kind: &'static str| {
        let id = format!("setting-{}", field.as_str());
        let label_for = id.clone();
        let described = format!("{}-problem", field.as_str());
        view! {
            <div class="setting">
                <label class="setting-label" for=label_for>{move || label.text(locale.lang())}</label>
                <input
                    id=id
                    class="setting-input"
                    type=kind
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=described
                    prop:value=move || form.with(|f| f.text(field).to_owned())
                    on:input=move |ev| form.update(|f| f.set_text(field, event_target_value(&ev)))
                />
                {error_line(field.as_str())}
            </div>
        }
    };
    let choice = move |label: String, pressed: Signal<bool>, on: Callback<()>| {
        view! {
            <button
                type="button"
                class="button chip"
                aria-pressed=move || pressed.get().to_string()
                on:click=move |_| on.run(())
            >
                {label}
            </button>
        }
    };
    let topics = move || {
        let lang = locale.lang();
        Topic::ALL
            .into_iter()
            .map(|t| {
                let pressed = Signal::derive(move || form.with(|f| f.topics.contains(&t)));
                let on = Callback::new(move |()| form.update(|f| f.toggle_topic(t)));
                choice(topic_name(t).text(lang).to_owned(), pressed, on)
            })
            .collect_view()
    };
    let audiences = move || {
        let lang = locale.lang();
        Audience::ALL
            .into_iter()
            .map(|a| {
                let pressed = Signal::derive(move || form.with(|f| f.audience == a));
                let on = Callback::new(move |()| form.update(|f| f.audience = a));
                choice(audience_name(a).text(lang).to_owned(), pressed, on)
            })
            .collect_view()
    };
    let langs = move || {
        Lang::ALL
            .into_iter()
            .map(|l| {
                let pressed = Signal::derive(move || form.with(|f| f.lang == l));
                let on = Callback::new(move |()| form.update(|f| f.lang = l));
                let name = match l {
                    Lang::Zh => "中文",
                    Lang::En => "English",
                };
                choice(name.to_owned(), pressed, on)
            })
            .collect_view()
    };
    let elders = move || {
        let lang = locale.lang();
        [(false, KioskMsg::ElderOff), (true, KioskMsg::ElderOn)]
            .into_iter()
            .map(|(on, name)| {
                let pressed = Signal::derive(move || form.with(|f| f.elder == on));
                let set = Callback::new(move |()| form.update(|f| f.elder = on));
                choice(name.text(lang).to_owned(), pressed, set)
            })
            .collect_view()
    };
    let group = move |label: KioskMsg, field: &'static str, body: AnyView| {
        let id = format!("{field}-label");
        let labelled_by = id.clone();
        view! {
            <div class="setting" role="group" aria-labelledby=labelled_by>
                <span class="setting-label" id=id>{move || label.text(locale.lang())}</span>
                <div class="chips">{body}</div>
                {error_line(field)}
            </div>
        }
    };
    view! {
        <div class="settings">
            <h2 class="kiosk-subtitle">{move || KioskMsg::SettingsTitle.text(locale.lang())}</h2>
            <p class="hint">{move || KioskMsg::SettingsHint.text(locale.lang())}</p>
            {NumberField::ALL.into_iter().map(stepper).collect_view()}
            {group(KioskMsg::SettingTopics, "topics", topics.into_any())}
            {group(KioskMsg::SettingAudience, "audience", audiences.into_any())}
            {group(KioskMsg::SettingLang, "lang", langs.into_any())}
            {group(KioskMsg::SettingElder, "elder", elders.into_any())}
            {text_input(TextField::Branch, KioskMsg::SettingBranch, "text")}
            {text_input(TextField::BankHotline, KioskMsg::SettingHotline, "tel")}
            {text_input(TextField::PhoneBaseUrl, KioskMsg::SettingPhoneUrl, "url")}
            <p class="notice notice-info" role="status">
                {move || match saved.get() {
                    Saved::Not => String::new(),
                    Saved::Yes => KioskMsg::SettingsSaved.text(locale.lang()).to_owned(),
                    Saved::Refused(_) => KioskMsg::SettingsRefused.text(locale.lang()).to_owned(),
                }}
            </p>
            <div class="actions">
                <button type="button" class="button button-primary" on:click=save>
                    {move || KioskMsg::SaveSettings.text(locale.lang())}
                </button>
                <button type="button" class="button" on:click=clear>
                    {move || KioskMsg::ClearSettings.text(locale.lang())}
                </button>
                <button type="button" class="button" on:click=move |_| on_change_pin.run(())>
                    {move || KioskMsg::ChangePin.text(locale.lang())}
                </button>
            </div>
        </div>
    }
}
