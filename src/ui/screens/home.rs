//! The home screen: the app's promise in one line and a big button per bank.

use crate::domain::bank::{BankId, IndexEntry};
use crate::domain::i18n::Msg;
use crate::domain::progress::Shelf;
use crate::domain::session::DEFAULT_QUESTION_COUNT;
use crate::ui::app::use_locale;
use crate::ui::hooks::{BankState, IndexState};
use leptos::prelude::*;
use std::collections::HashMap;

/// Lists the banks of the index; reports the one the player picks.
#[component]
pub fn HomeScreen(
    /// The bank index as loaded so far.
    #[prop(into)]
    index: Signal<IndexState>,
    /// Every listed bank's state (banks with content errors are not offered).
    #[prop(into)]
    banks: Signal<HashMap<BankId, BankState>>,
    /// The bank the player picked that is still loading, if any.
    #[prop(into)]
    pending: Signal<Option<BankId>>,
    /// Questions in the wrong-answer book.
    #[prop(into)]
    book_count: Signal<usize>,
    /// Bookmarked questions.
    #[prop(into)]
    bookmark_count: Signal<usize>,
    /// Whether every bank has loaded (the daily set draws across all of them).
    #[prop(into)]
    can_draw: Signal<bool>,
    /// Called with the bank the player picks.
    #[prop(into)]
    on_open: Callback<IndexEntry>,
    /// Called to start the daily set.
    #[prop(into)]
    on_daily: Callback<()>,
    /// Called to open the wrong-answer book or the bookmarks.
    #[prop(into)]
    on_shelf: Callback<Shelf>,
    /// Called when the player asks to retry loading the index.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    // Only a change in which banks are hidden re-renders the list (keeps focus while banks load).
    let hidden = Memo::new(move |_| {
        banks.with(|b| {
            let mut ids: Vec<BankId> = b
                .iter()
                .filter(|(_, s)| matches!(s, BankState::Invalid { .. }))
                .map(|(id, _)| id.clone())
                .collect();
            ids.sort();
            ids
        })
    });
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
            let cards = index
                .banks
                .into_iter()
                .filter(|e| !hidden.with(|h| h.contains(&e.id)))
                .map(|entry| view! { <TopicCard entry=entry pending=pending on_open=on_open /> })
                .collect_view();
            view! { <ul class="topics" role="list">{cards}</ul> }.into_any()
        }
    };
    view! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title" class="home-title">{move || locale.t(Msg::ChooseTopic)}</h1>
            <p class="tagline">{move || locale.t(Msg::Tagline)}</p>
            {list}
            <h2 class="section-title">{move || locale.t(Msg::MoreWays)}</h2>
            <ul class="topics topics-more" role="list">
                <li>
                    <button
                        type="button"
                        class="topic topic-daily"
                        aria-disabled=move || (!can_draw.get()).to_string()
                        on:click=move |_| {
                            if can_draw.get_untracked() {
                                on_daily.run(())
                            }
                        }
                    >
                        <span class="topic-title">{move || locale.t(Msg::DailySet)}</span>
                        <span class="topic-desc">
                            {move || {
                                if can_draw.get() { locale.t(Msg::DailySetHint) } else { locale.t(Msg::Loading) }
                            }}
                        </span>
                    </button>
                </li>
                <li>
                    <button type="button" class="topic topic-book" on:click=move |_| on_shelf.run(Shelf::WrongBook)>
                        <span class="topic-title">{move || locale.t(Msg::WrongBook)}</span>
                        <span class="topic-desc">
                            {move || Msg::WrongBookCount.fill(locale.lang(), &[&book_count.get()])}
                        </span>
                    </button>
                </li>
                <li>
                    <button type="button" class="topic topic-bookmarks" on:click=move |_| on_shelf.run(Shelf::Bookmarks)>
                        <span class="topic-title">{move || locale.t(Msg::Bookmarks)}</span>
                        <span class="topic-desc">
                            {move || Msg::BookmarksCount.fill(locale.lang(), &[&bookmark_count.get()])}
                        </span>
                    </button>
                </li>
            </ul>
        </section>
    }
}

/// One bank as a large button.
#[component]
fn TopicCard(
    /// The bank.
    entry: IndexEntry,
    /// The picked bank still loading, if any.
    #[prop(into)]
    pending: Signal<Option<BankId>>,
    /// Called with this bank when tapped.
    #[prop(into)]
    on_open: Callback<IndexEntry>,
) -> impl IntoView {
    let locale = use_locale();
    let id = entry.id.clone();
    let loading = Signal::derive(move || pending.with(|p| p.as_ref() == Some(&id)));
    let title = entry.title.clone();
    let description = entry.description.clone();
    let count = entry.questions;
    let topic = entry.topic.as_str();
    view! {
        <li>
            <button
                type="button"
                class=format!("topic topic-{topic}")
                aria-busy=move || loading.get().to_string()
                on:click=move |_| on_open.run(entry.clone())
            >
                <span class="topic-title">{move || title.get(locale.lang()).to_owned()}</span>
                <span class="topic-desc">{move || description.get(locale.lang()).to_owned()}</span>
                <span class="topic-count">
                    {move || {
                        if loading.get() {
                            locale.t(Msg::Loading).to_owned()
                        } else {
                            Msg::QuestionCount
                                .fill(locale.lang(), &[&count, &count.min(DEFAULT_QUESTION_COUNT)])
                        }
                    }}
                </span>
            </button>
        </li>
    }
}
