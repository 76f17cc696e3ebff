//! The bookmark button under the question on screen.

use crate::domain::i18n::Msg;
use crate::ui::services::{use_locale, use_saved_state};
use leptos::prelude::*;

/// Bookmarks or un-bookmarks the question on screen.
#[component]
pub(super) fn BookmarkButton(
    /// The progress key of the question on screen.
    #[prop(into)]
    key: Signal<Option<String>>,
    /// Called with the key when pressed.
    #[prop(into)]
    on_bookmark: Callback<String>,
) -> impl IntoView {
    let locale = use_locale();
    let saved = use_saved_state();
    let marked = Signal::derive(move || {
        key.with(|key| {
            key.as_ref().is_some_and(|key| {
                saved
                    .progress
                    .with(|p| p.reviews.get(key).is_some_and(|r| r.bookmarked))
            })
        })
    });
    view! {
        <button
            type="button"
            class="button button-small button-quiet bookmark"
            aria-pressed=move || marked.get().to_string()
            on:click=move |_| {
                if let Some(key) = key.get_untracked() {
                    on_bookmark.run(key);
                }
            }
        >
            <span aria-hidden="true">{move || if marked.get() { "★ " } else { "☆ " }}</span>
            {locale.tr(Msg::Bookmark)}
        </button>
    }
}
