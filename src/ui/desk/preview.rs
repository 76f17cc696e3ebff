//! The preview tab: one question of the bank as the phone or the kiosk (upright or on its side)
//! shows it, in either language and in elder mode, with the answer checked on request. The
//! question is shown in an iframe whose viewport is the device's screen (390 × 844 CSS px for a
//! phone, 1080 × 1920 or 1920 × 1080 for a kiosk), drawn smaller to fit the desk: inside, the desk's
//! own page in frame mode (`frame::FrameApp`) draws the devices' very screens with their own style
//! sheets, so sizes, line breaks and elder mode are the devices'. The frame is shown once it has
//! drawn what it was sent; until then the tab says it is getting ready.

use super::use_words;
use crate::domain::desk::{DeskEvent, DeskModel, DeskMsg, Frame, FrameNote, Preview};
use crate::domain::text::Lang;
use crate::platform::frame;
use crate::ui::hooks::use_memo;
use leptos::prelude::*;

/// The device's screen: an iframe of the desk's page in frame mode, sent each question to show.
#[component]
fn Device(
    /// The desk.
    model: RwSignal<DeskModel>,
    /// Which device.
    device: Frame,
) -> impl IntoView {
    let words = use_words();
    let element = NodeRef::<leptos::html::Iframe>::new();
    let sent = StoredValue::new(0u32);
    let drawn = RwSignal::new(false);
    // Where the desk's keyboard focus was when a view was sent (given back if the frame takes it).
    let focus = StoredValue::new_local(None::<frame::Focused>);
    let view = use_memo(move |_| model.with(|m| m.frame_view(0)));
    let element_ref = move || element.get_untracked();
    let send = move || {
        let window = element
            .get_untracked()
            .and_then(|f| frame::frame_window(&f));
        let (Some(window), Some(mut view)) = (window, view.get_untracked()) else {
            return;
        };
        focus.set_value(frame::focused());
        sent.update_value(|n| *n += 1);
        view.shown = sent.get_value();
        let _ = frame::post(&window, &view.to_json());
    };
    // Every change of question or choice is sent; a frame still loading asks when it is ready.
    Effect::new(move |_| {
        view.track();
        send();
    });
    let listener = window_event_listener(leptos::ev::message, move |event| {
        let note = element
            .get_untracked()
            .and_then(|f| frame::frame_window(&f))
            .and_then(|window| frame::message_from(&event, &window))
            .and_then(|text| FrameNote::parse(&text));
        match note {
            Some(FrameNote::Ready) => send(),
            Some(FrameNote::Shown(_)) => {
                drawn.set(true);
                let element = focus.try_update_value(Option::take).flatten();
                if let (Some(iframe), Some(element)) = (element_ref(), element) {
                    frame::keep_focus(&iframe, &element);
                }
            }
            None => {}
        }
    });
    on_cleanup(move || listener.remove());
    let name = match device {
        Frame::Phone => DeskMsg::Phone,
        Frame::Kiosk => DeskMsg::Kiosk,
        Frame::Landscape => DeskMsg::Landscape,
    };
    let query = format!("frame={}", device.as_str().trim_start_matches("is-"));
    view! {
        <div class=format!("desk-device {}", device.as_str()) class:is-drawn=move || drawn.get()>
            <iframe
                node_ref=element
                src=frame::this_page_with(&query)
                title=move || words.fill(DeskMsg::FrameTitle, &[&words.t(name)])
            ></iframe>
            <Show when=move || !drawn.get()>
                <p class="desk-device-wait" role="status">{move || words.t(DeskMsg::FrameLoading)}</p>
            </Show>
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
    let preview = use_memo(move |_| model.with(DeskModel::preview));
    let total =
        use_memo(move |_| model.with(|m| m.preview_bank().map_or(0, |(b, _)| b.questions.len())));
    let partial = use_memo(move |_| model.with(|m| m.preview_bank().is_some_and(|(_, p)| p)));
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
                    {toggle(word(DeskMsg::Landscape), Signal::derive(move || preview.get().frame == Frame::Landscape), DeskEvent::PreviewFrame(Frame::Landscape))}
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
            let (bank, _) = m.preview_bank()?;
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
    // A device's frame is made anew only when another device is chosen.
    let device = use_memo(move |_| preview.get().frame);
    let shown = move || {
        let device = device.get();
        view! { <Device model=model device=device /> }
    };
    let live = move || view! { <p class="hint">{move || words.t(DeskMsg::FrameLive)}</p> };
    view! {
        <Show
            when=move || total.get() != 0
            fallback=move || view! { <p class="notice notice-warn">{move || words.t(DeskMsg::PreviewNeedsBank)}</p> }
        >
            <Show when=move || partial.get()>
                <p class="notice notice-warn" role="note">{move || words.fill(DeskMsg::PreviewPartial, &[&total.get()])}</p>
            </Show>
            {controls()}
            {nav()}
            {place}
            {shown}
            {live}
        </Show>
    }
}
