//! The topic choice: one big button per topic the kiosk offers (the settings' topics with
//! questions today), then "a bit of everything"; the language and elder switches, and "Done".

use super::Banks;
use crate::domain::bank::Topic;
use crate::domain::i18n::{topic_name, Msg};
use crate::domain::kiosk::{KioskModel, KioskMsg, TopicChoice};
use crate::domain::text::Lang;
use crate::platform::focus::open_on_mount;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use crate::ui::widgets::{ElderToggle, LangToggle};
use leptos::prelude::*;

/// The bar above every screen after the attract screen: the switches and "Done".
#[component]
pub fn KioskBar(
    /// Called with the language the customer switches to.
    #[prop(into)]
    on_lang: Callback<Lang>,
    /// Called with whether elder mode should be on.
    #[prop(into)]
    on_elder: Callback<bool>,
    /// Called when the customer is done (back to the attract screen, nothing kept).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <div class="kiosk-bar">
            <p class="brand">
                <span class="brand-mark" aria-hidden="true">"安"</span>
                <span class="brand-name">{move || locale.t(Msg::AppName)}</span>
            </p>
            <div class="kiosk-switches">
                <LangToggle on_change=on_lang />
                <ElderToggle on_change=on_elder />
                <button type="button" class="button button-quiet kiosk-done" on:click=move |_| on_done.run(())>
                    {move || KioskMsg::Done.text(locale.lang())}
                </button>
            </div>
        </div>
    }
}

/// The topic choice.
#[component]
pub fn ChoosingScreen(
    /// The kiosk model (the topics offered, the session length).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// Now, in Unix milliseconds (which questions are current).
    #[prop(into)]
    now: Signal<f64>,
    /// How far the banks have got.
    #[prop(into)]
    banks: Signal<Banks>,
    /// Called with the customer's choice.
    #[prop(into)]
    on_choose: Callback<TopicChoice>,
    /// Called with the language the customer switches to.
    #[prop(into)]
    on_lang: Callback<Lang>,
    /// Called with whether elder mode should be on.
    #[prop(into)]
    on_elder: Callback<bool>,
    /// Called when the customer is done.
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let heading = NodeRef::<leptos::html::H1>::new();
    open_on_mount(heading);
    // The topics change when a bank arrives, not every second.
    let topics = use_memo(move |_| model.with(|m| m.topics_offered(now.get_untracked())));
    let questions = use_memo(move |_| model.with(|m| m.settings().questions_per_session));
    let topic_button = move |topic: Topic| {
        view! {
            <li>
                <button
                    type="button"
                    class=format!("kiosk-topic topic-{}", topic.as_str())
                    on:click=move |_| on_choose.run(TopicChoice::Topic(topic))
                >
                    <span class="kiosk-topic-name">{move || locale.t(topic_name(topic))}</span>
                    <span class="kiosk-topic-hint">
                        {move || KioskMsg::TopicHint.fill(locale.lang(), &[&questions.get()])}
                    </span>
                </button>
            </li>
        }
    };
    let list = move || {
        let offered = topics.get();
        if offered.is_empty() {
            let lang = locale.lang();
            let text = match banks.get() {
                Banks::Failed => KioskMsg::NoQuestions.text(lang),
                _ => KioskMsg::Loading.text(lang),
            };
            return view! { <p class="kiosk-wait" role="status">{text}</p> }.into_any();
        }
        view! {
            <ul class="kiosk-topics" role="list">
                {offered.into_iter().map(topic_button).collect_view()}
                <li>
                    <button
                        type="button"
                        class="kiosk-topic topic-mixed"
                        on:click=move |_| on_choose.run(TopicChoice::Mixed)
                    >
                        <span class="kiosk-topic-name">{move || KioskMsg::Mixed.text(locale.lang())}</span>
                        <span class="kiosk-topic-hint">{move || KioskMsg::MixedHint.text(locale.lang())}</span>
                    </button>
                </li>
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="choosing" aria-labelledby="choose-title">
            <KioskBar on_lang=on_lang on_elder=on_elder on_done=on_done />
            <h1 id="choose-title" class="kiosk-title" tabindex="-1" node_ref=heading>
                {move || KioskMsg::ChooseTitle.text(locale.lang())}
            </h1>
            {list}
        </section>
    }
}
