//! The home screen, everyday actions first: a practice left part-way, a button per topic, the daily
//! set and the wrong-answer book; then who the questions are for, and the other ways in (practice
//! test, bookmarks, progress). A topic is named as on every other screen (`topic_name`), never by
//! a bank's title.

use crate::domain::app::SetupChoice;
use crate::domain::bank::{Audience, BankId};
use crate::domain::catalog::{topic_summaries, IndexState, TopicSummary};
use crate::domain::i18n::{topic_name, Msg};
use crate::domain::plan::Mode;
use crate::domain::progress::Shelf;
use crate::domain::text::{Lang, LocalText};
use crate::platform::focus::top_on_mount;
use crate::ui::services::use_locale;
use crate::ui::widgets::{AudienceChips, InNextTask};
use leptos::prelude::*;

/// The practice parked to continue, as its card shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParkedCard {
    /// The round's title.
    pub title: LocalText,
    /// The question it stopped at (1-based).
    pub position: usize,
    /// How many questions it has.
    pub total: usize,
}

/// The home screen; reports what the player picks.
#[component]
pub fn HomeScreen(
    /// The bank index as loaded so far.
    #[prop(into)]
    index: Signal<IndexState>,
    /// The listed banks not offered (content errors, nothing current).
    #[prop(into)]
    hidden: Signal<Vec<BankId>>,
    /// Who the questions are for.
    #[prop(into)]
    audience: Signal<Audience>,
    /// A practice left part-way, to continue.
    #[prop(into)]
    parked: Signal<Option<ParkedCard>>,
    /// Questions in the wrong-answer book.
    #[prop(into)]
    book_count: Signal<usize>,
    /// Bookmarked questions.
    #[prop(into)]
    bookmark_count: Signal<usize>,
    /// Whether every bank has loaded (the daily set draws across all of them).
    #[prop(into)]
    can_draw: Signal<bool>,
    /// Called with the audience the player picks.
    #[prop(into)]
    on_audience: Callback<Audience>,
    /// Called to set up a round: a topic (or every topic) and a mode (or the last one used).
    #[prop(into)]
    on_setup: Callback<SetupChoice>,
    /// Called to continue the parked practice.
    #[prop(into)]
    on_continue: Callback<()>,
    /// Called to start the daily set.
    #[prop(into)]
    on_daily: Callback<()>,
    /// Called to open the wrong-answer book or the bookmarks.
    #[prop(into)]
    on_shelf: Callback<Shelf>,
    /// Called to open the progress screen.
    #[prop(into)]
    on_progress: Callback<()>,
    /// Called when the player asks to retry loading the index.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let section = NodeRef::<leptos::html::Section>::new();
    top_on_mount(section);
    let list = move || match index.get() {
        IndexState::Loading => {
            view! { <p class="loading" role="status">{locale.t(Msg::Loading)}</p> }.into_any()
        }
        IndexState::Failed => view! {
            <div class="notice notice-warn" role="alert">
                <p>{locale.t(Msg::IndexFailed)}</p>
                <button type="button" class="button" on:click=move |_| on_retry.run(())>
                    {locale.t(Msg::Retry)}
                </button>
            </div>
        }
        .into_any(),
        IndexState::Ready(index) => {
            // The first screen is usable once its topic buttons are built (`make bench` reads this).
            crate::platform::page::mark_once("anxin-ready");
            let cards = hidden
                .with(|h| topic_summaries(&index.banks, h))
                .into_iter()
                .map(|summary| view! { <TopicCard summary=summary on_open=on_setup /> })
                .collect_view();
            view! { <ul class="topics topics-main" role="list">{cards}</ul> }.into_any()
        }
    };
    // Continuing waits for every bank, as the daily set does: the practice may use any of them.
    let continue_card = move || {
        parked.get().map(
            |ParkedCard {
                 title,
                 position,
                 total,
             }| {
                let desc = Signal::derive(move || {
                    Msg::ContinueAt.fill(
                        locale.lang(),
                        &[&title.get(locale.lang()), &position, &total],
                    )
                });
                view! {
                    <ul class="topics topics-continue" role="list">
                        <MoreCard
                            class="topic-continue"
                            title=Msg::ContinuePractice
                            desc=desc
                            waiting=Signal::derive(move || !can_draw.get())
                            on_open=on_continue
                        />
                    </ul>
                }
            },
        )
    };
    view! {
        <section class="home" aria-labelledby="home-title" node_ref=section>
            <h1 id="home-title" class="home-title">{locale.tr(Msg::ChooseTopic)}</h1>
            <p class="tagline">{locale.tr(Msg::Tagline)}</p>
            {continue_card}
            {list}
            <ul class="topics topics-today" role="list">
                <MoreCard
                    class="topic-daily"
                    title=Msg::DailySet
                    desc=Signal::derive(move || locale.t(Msg::DailySetHint).to_owned())
                    waiting=Signal::derive(move || !can_draw.get())
                    on_open=on_daily
                />
                <MoreCard
                    class="topic-book"
                    title=Msg::WrongBook
                    desc=Signal::derive(move || Msg::WrongBookCount.fill(locale.lang(), &[&book_count.get()]))
                    on_open=move |_| on_shelf.run(Shelf::WrongBook)
                />
            </ul>
            // Below the first screen of a phone: built one task later, so that the first screen's
            // task stays short on a cheap phone (it was 50–70 ms at 4× CPU on a slower machine).
            <InNextTask>
            <AudienceChips audience=audience on_pick=on_audience />
            <h2 class="section-title">{locale.tr(Msg::MoreWays)}</h2>
            <ul class="topics topics-more" role="list">
                <MoreCard
                    class="topic-test"
                    title=Msg::MockQuiz
                    desc=Signal::derive(move || locale.t(Msg::MockQuizHint).to_owned())
                    on_open=move |_| on_setup.run(SetupChoice { topic: None, mode: Some(Mode::Quiz) })
                />
                <MoreCard
                    class="topic-bookmarks"
                    title=Msg::Bookmarks
                    desc=Signal::derive(move || Msg::BookmarksCount.fill(locale.lang(), &[&bookmark_count.get()]))
                    on_open=move |_| on_shelf.run(Shelf::Bookmarks)
                />
                <MoreCard
                    class="topic-progress"
                    title=Msg::MyProgress
                    desc=Signal::derive(move || locale.t(Msg::MyProgressHint).to_owned())
                    on_open=on_progress
                />
            </ul>
            </InNextTask>
        </section>
    }
}

/// One of the other ways in, as a large button.
#[component]
fn MoreCard(
    /// Extra class for its colour.
    class: &'static str,
    /// Its name.
    title: Msg,
    /// Its line of detail.
    #[prop(into)]
    desc: Signal<String>,
    /// While true (banks still loading), the card says so and does nothing when tapped.
    #[prop(optional, into)]
    waiting: Signal<bool>,
    /// Called when tapped.
    #[prop(into)]
    on_open: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <li>
            <button
                type="button"
                class=format!("topic {class}")
                aria-disabled=move || waiting.get().to_string()
                on:click=move |_| {
                    if !waiting.get_untracked() {
                        on_open.run(())
                    }
                }
            >
                <span class="topic-title">{move || locale.t(title)}</span>
                <span class="topic-desc">
                    {move || if waiting.get() { locale.t(Msg::Loading).to_owned() } else { desc.get() }}
                </span>
            </button>
        </li>
    }
}

/// One topic as a large button; opens the setup for it. On a phone it shows the name and the
/// count only (the setup screen shows what the topic covers).
#[component]
fn TopicCard(
    /// The topic and what its banks hold.
    summary: TopicSummary,
    /// Called with the topic when tapped.
    #[prop(into)]
    on_open: Callback<SetupChoice>,
) -> impl IntoView {
    let locale = use_locale();
    let TopicSummary {
        topic,
        questions,
        descriptions,
    } = summary;
    let description = move || {
        let lang = locale.lang();
        descriptions
            .iter()
            .map(|d| d.get(lang))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "" } else { " " })
    };
    view! {
        <li>
            <button
                type="button"
                class=format!("topic topic-{}", topic.as_str())
                on:click=move |_| on_open.run(SetupChoice { topic: Some(topic), mode: None })
            >
                <span class="topic-title">{move || locale.t(topic_name(topic))}</span>
                <span class="topic-desc">{description}</span>
                <span class="topic-count">{move || Msg::QuestionCount.fill(locale.lang(), &[&questions])}</span>
            </button>
        </li>
    }
}
