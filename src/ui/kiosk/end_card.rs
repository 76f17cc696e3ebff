//! The end card of a session: the score in words, the two or three things worth remembering
//! (missed questions first, each marked in words), the numbers to call if targeted (the public
//! three and the bank's own, all from the model: none is written here), the one-time prize code at
//! or above the threshold, "continue on your phone" as a QR code drawn here, "Again" and "Done".

use crate::domain::kiosk::qr::qr_svg;
use crate::domain::kiosk::{hotline_msg, praise_msg, EndCard, KioskModel, KioskMsg, Screen};
use crate::platform::focus::open_on_mount;
use crate::ui::hooks::use_memo;
use crate::ui::services::use_locale;
use leptos::prelude::*;

/// The end card.
#[component]
pub fn EndCardScreen(
    /// The kiosk model (its end card).
    #[prop(into)]
    model: Signal<KioskModel>,
    /// Called for another session (the same customer).
    #[prop(into)]
    on_again: Callback<()>,
    /// Called when the customer is done (back to the attract screen, nothing kept).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let heading = NodeRef::<leptos::html::H1>::new();
    open_on_mount(heading);
    let card = use_memo(move |_| {
        model.with(|m| match m.screen() {
            Screen::EndCard(card) => Some((**card).clone()),
            _ => None,
        })
    });
    let body = move || {
        let EndCard {
            correct,
            total,
            praise,
            takeaways,
            hotlines,
            prize_code,
            phone_url,
            ..
        } = card.get()?;
        let lang = locale.lang();
        let takeaways = takeaways
            .into_iter()
            .map(|t| {
                let (class, sign, tag) = if t.missed {
                    ("takeaway is-missed", "✗", KioskMsg::TakeawayMissed)
                } else {
                    ("takeaway is-kept", "✓", KioskMsg::TakeawayRight)
                };
                view! {
                    <li class=class>
                        <span class="takeaway-tag">
                            <span aria-hidden="true">{sign}</span>
                            " "
                            {tag.text(lang)}
                        </span>
                        <span class="takeaway-text">{t.text.get(lang).to_owned()}</span>
                    </li>
                }
            })
            .collect_view();
        let hotlines = hotlines
            .into_iter()
            .map(|line| {
                view! {
                    <li class="hotline">
                        <span class="hotline-number">{line.number().to_owned()}</span>
                        <span class="hotline-what">{hotline_msg(&line).text(lang)}</span>
                    </li>
                }
            })
            .collect_view();
        let prize = prize_code.map(|code| {
            let spoken: Vec<String> = code.chars().map(String::from).collect();
            let spoken = KioskMsg::PrizeCodeSpoken.fill(lang, &[&spoken.join(" ")]);
            view! {
                <div class="prize" role="group" aria-labelledby="prize-title">
                    <h2 id="prize-title" class="kiosk-subtitle">{KioskMsg::PrizeTitle.text(lang)}</h2>
                    <p class="prize-text">{KioskMsg::PrizeText.text(lang)}</p>
                    <p class="prize-code">
                        <span aria-hidden="true">{code}</span>
                        <span class="sr-only">{spoken}</span>
                    </p>
                </div>
            }
        });
        let phone = phone_url.and_then(|url| qr_svg(&url)).map(|qr| {
            let view_box = format!("0 0 {0} {0}", qr.size);
            view! {
                <div class="phone" role="group" aria-labelledby="phone-title">
                    <h2 id="phone-title" class="kiosk-subtitle">{KioskMsg::PhoneTitle.text(lang)}</h2>
                    <p class="phone-text">{KioskMsg::PhoneText.text(lang)}</p>
                    <svg
                        class="phone-qr"
                        viewBox=view_box
                        role="img"
                        aria-label=KioskMsg::PhoneQr.text(lang)
                        shape-rendering="crispEdges"
                    >
                        <rect width="100%" height="100%" fill="#fff"></rect>
                        <path d=qr.path fill="#000"></path>
                    </svg>
                </div>
            }
        });
        let has_extras = prize.is_some() || phone.is_some();
        Some(view! {
            <div class="end-main">
                <p class="kiosk-score">{KioskMsg::Score.fill(lang, &[&correct, &total])}</p>
                <p class="kiosk-praise">{praise_msg(praise).text(lang)}</p>
                <h2 class="kiosk-subtitle">{KioskMsg::TakeawaysTitle.text(lang)}</h2>
                <ul class="takeaways" role="list">{takeaways}</ul>
            </div>
            {has_extras.then(|| view! { <div class="end-extras">{prize}{phone}</div> })}
            <div class="end-side">
                <h2 class="kiosk-subtitle">{KioskMsg::HotlinesTitle.text(lang)}</h2>
                <ul class="hotlines" role="list">{hotlines}</ul>
            </div>
        })
    };
    view! {
        <section class="end-card" aria-labelledby="end-title">
            <h1 id="end-title" class="kiosk-title" tabindex="-1" node_ref=heading>
                {move || KioskMsg::EndTitle.text(locale.lang())}
            </h1>
            <div class="end-columns">{body}</div>
            <div class="actions kiosk-actions">
                <button type="button" class="button button-primary" on:click=move |_| on_again.run(())>
                    {move || KioskMsg::Again.text(locale.lang())}
                </button>
                <button type="button" class="button" on:click=move |_| on_done.run(())>
                    {move || KioskMsg::Done.text(locale.lang())}
                </button>
            </div>
        </section>
    }
}
