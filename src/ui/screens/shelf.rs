//! A shelf of questions — the wrong-answer book (错题本) or the bookmarks (收藏) — grouped by
//! topic, with a way to practise them and to take one off by hand.

use crate::domain::bank::Topic;
use crate::domain::i18n::{topic_name, Msg};
use crate::domain::library::Library;
use crate::domain::progress::{question_key, Shelf};
use crate::domain::text::LocalText;
use crate::ui::services::{use_locale, use_saved_state};
use crate::ui::widgets::ScreenHead;
use leptos::prelude::*;

/// The words that differ between the shelves.
struct ShelfWords {
    title: Msg,
    empty: Msg,
    practise: Msg,
    remove: Msg,
}

fn words(shelf: Shelf) -> ShelfWords {
    match shelf {
        Shelf::WrongBook => ShelfWords {
            title: Msg::WrongBook,
            empty: Msg::WrongBookEmpty,
            practise: Msg::PractiseBook,
            remove: Msg::RemoveFromBook,
        },
        Shelf::Bookmarks => ShelfWords {
            title: Msg::Bookmarks,
            empty: Msg::BookmarksEmpty,
            practise: Msg::PractiseBookmarks,
            remove: Msg::RemoveBookmark,
        },
    }
}

/// Lists a shelf; reports "practise" and "back".
#[component]
pub fn ShelfScreen(
    /// Which shelf.
    shelf: Shelf,
    /// The loaded banks (to show the questions; more may arrive while the screen is open).
    #[prop(into)]
    library: Signal<Library>,
    /// Called to practise the book.
    #[prop(into)]
    on_practise: Callback<()>,
    /// Called to go back home.
    #[prop(into)]
    on_back: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let saved = use_saved_state();
    // Grouped by topic, named as every other screen names it (a topic may have several banks).
    let groups = move || {
        saved.progress.with(|p| {
            library.with(|l| {
                let mut groups: Vec<(Topic, Vec<(String, LocalText)>)> = Vec::new();
                for (bank, questions) in l.shelf_by_bank(shelf, p, crate::platform::page::today()) {
                    let rows = questions
                        .into_iter()
                        .map(|q| (question_key(&bank.id, &q.id), q.prompt.clone()));
                    match groups.iter_mut().find(|(t, _)| *t == bank.topic) {
                        Some((_, list)) => list.extend(rows),
                        None => groups.push((bank.topic, rows.collect())),
                    }
                }
                groups
            })
        })
    };
    let empty = move || groups().is_empty();
    let ShelfWords {
        title: title_msg,
        empty: empty_msg,
        practise,
        remove,
    } = words(shelf);
    view! {
        <section class="book" aria-labelledby="shelf-title">
            <ScreenHead id="shelf-title" title=title_msg on_back=on_back />
            <Show when=move || shelf == Shelf::WrongBook>
                <p class="tagline">
                    {move || Msg::BookCleared.fill(locale.lang(), &[&saved.progress.with(|p| p.cleared)])}
                </p>
            </Show>
            <Show
                when=move || !empty()
                fallback=move || view! { <p class="notice notice-info">{move || locale.t(empty_msg)}</p> }
            >
                <div class="actions">
                    <button type="button" class="button button-primary" on:click=move |_| on_practise.run(())>
                        {move || locale.t(practise)}
                    </button>
                </div>
                {move || {
                    groups()
                        .into_iter()
                        .map(|(topic, rows)| {
                            let items = rows
                                .into_iter()
                                .map(|(key, prompt)| {
                                    let prompt_for_label = prompt.clone();
                                    view! {
                                        <li class="book-item">
                                            <span class="book-prompt">{move || prompt.get(locale.lang()).to_owned()}</span>
                                            <button
                                                type="button"
                                                class="button button-small button-quiet"
                                                aria-label=move || {
                                                    let lang = locale.lang();
                                                    format!(
                                                        "{}{}{}",
                                                        remove.text(lang),
                                                        Msg::Colon.text(lang),
                                                        prompt_for_label.get(lang),
                                                    )
                                                }
                                                on:click=move |_| saved.take_off(shelf, &key)
                                            >
                                                {move || locale.t(remove)}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <h2 class="book-topic">{move || locale.t(topic_name(topic))}</h2>
                                <ul class="book-list" role="list">{items}</ul>
                            }
                        })
                        .collect_view()
                }}
            </Show>
        </section>
    }
}
