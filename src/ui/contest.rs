//! The contest page (`contest.html`, issue 13), reached only from the `contest` bin so phones
//! never download it. One page, two windows: the host's (setup, console, buzzer keys, results)
//! and, with `?screen=audience`, the audience's on the projector, kept in step by the host's
//! window through a channel. Every rule is the match's (`domain::contest`); these components
//! show it and turn clicks, keys and the clock into its events.

use crate::domain::contest::ContestMsg;
use crate::domain::text::Lang;
use crate::platform::page;
use crate::ui::services::{use_locale, Locale};
use crate::ui::widgets::{BootGone, MarkReady};
use leptos::prelude::*;

mod audience;
mod claim;
mod console;
mod hooks;
mod host;
mod keys;
mod results;
mod setup;
mod stage;
mod team;

pub use audience::AudiencePage;
pub use host::HostPage;

/// The contest's words in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct Words(Locale);

impl Words {
    /// The language (tracked).
    pub fn lang(self) -> Lang {
        self.0.lang()
    }

    /// A message (tracked).
    pub fn t(self, msg: ContestMsg) -> &'static str {
        msg.text(self.0.lang())
    }

    /// A message with its placeholders filled (tracked).
    pub fn fill(self, msg: ContestMsg, args: &[&dyn std::fmt::Display]) -> String {
        msg.fill(self.0.lang(), args)
    }

    /// Switches the language.
    pub fn set(self, lang: Lang) {
        self.0.set(lang);
    }

    /// The same words, read through a copy of the language that lives with the current owner (a
    /// screen being built), and provided to it as its locale: what it renders leaves nothing in
    /// the page language's subscribers once it is gone (issue 14, [`Locale::scoped`]).
    pub fn scoped(self) -> Self {
        let locale = self.0.scoped();
        provide_context(locale);
        Self(locale)
    }
}

/// The contest's words (the page's locale must be provided).
pub fn use_words() -> Words {
    Words(use_locale())
}

/// The contest page: the host's window, or the audience's with `?screen=audience`.
#[component]
pub fn ContestApp() -> impl IntoView {
    // A double click's second click would act on what the first one changed: the next team's
    // "delete", the round that moved under the pointer.
    crate::platform::taps::ignore_double_taps();
    let lang = page::query_param("lang")
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default();
    let locale = Locale::new(lang);
    provide_context(locale);
    let audience = page::query_param("screen").as_deref() == Some("audience");
    Effect::new(move |_| {
        let lang = locale.lang();
        page::set_document_lang(lang.html_lang());
        let title = if audience {
            ContestMsg::AudienceTitle
        } else {
            ContestMsg::PageTitle
        };
        page::set_title(title.text(lang));
    });
    // The audience screen is built at once; the host's page builds its wiring first and its view
    // one task later. Each takes away the page's "loading" line as its view is built, and marks
    // the page ready (`make bench`) once its first screen is up.
    if audience {
        view! { <BootGone /> <AudiencePage /> <MarkReady /> }.into_any()
    } else {
        view! { <HostPage /> }.into_any()
    }
}
