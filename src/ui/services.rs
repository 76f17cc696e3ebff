//! The app-wide services every page provides to its components through context: the interface
//! language, elder mode and (on the learner's page) the learner's saved records. Each is a newtype
//! with an accessor, so a page's root provides them once and any screen or widget reads them.

use crate::domain::i18n::Msg;
use crate::domain::text::Lang;
use crate::ui::hooks::{use_scoped, UseSaved};
use leptos::prelude::*;

/// The interface language, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    /// What the components read: the page's language, or a screen's copy of it
    /// ([`Locale::scoped`]).
    shown: Signal<Lang>,
    /// The page's language, the one that is set.
    page: RwSignal<Lang>,
}

impl Locale {
    /// A locale starting in `lang`.
    pub fn new(lang: Lang) -> Self {
        let page = RwSignal::new(lang);
        Self {
            shown: page.into(),
            page,
        }
    }

    /// The same locale, read through a copy that lives with the current owner (a screen), so
    /// that a screen that has gone leaves nothing in the page language's subscribers
    /// ([`use_scoped`]).
    pub fn scoped(self) -> Self {
        Self {
            shown: use_scoped(self.shown),
            page: self.page,
        }
    }

    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.shown.get()
    }

    /// The current language, without tracking.
    pub fn lang_untracked(self) -> Lang {
        self.page.get_untracked()
    }

    /// Switches language.
    pub fn set(self, lang: Lang) {
        self.page.set(lang);
    }

    /// A message in the current language (tracked).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.shown.get())
    }

    /// A message that follows the language, for a view: `{locale.tr(Msg::Settings)}`.
    ///
    /// Every message gets the same closure type, so the wasm holds one compiled copy of the view
    /// code for all of them; a `move || locale.t(Msg::…)` written out at each place was a closure
    /// type, and so a copy of that code, per text.
    pub fn tr(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || msg.text(self.shown.get())
    }
}

/// The page's language (provided by its root component).
pub fn use_locale() -> Locale {
    expect_context()
}

/// Whether elder mode (长辈模式) is on (provided by the page's root; off where none is).
#[derive(Debug, Clone, Copy)]
pub struct Elder(pub Signal<bool>);

/// Whether elder mode is on (tracked).
pub fn use_elder() -> Signal<bool> {
    use_context::<Elder>().map_or_else(|| Signal::derive(|| false), |e| e.0)
}

/// Gives the screen being built (under the current owner) its own copies of the page's language
/// and elder mode, as contexts that its components read in place of the page's: call it where a
/// page switches screens, with the page's own services (not ones read from context, which may be
/// the previous screen's copies), so that the screens it drops leave nothing behind
/// ([`use_scoped`]).
pub fn provide_screen_services(locale: Locale, elder: Elder) {
    provide_context(locale.scoped());
    provide_context(Elder(use_scoped(elder.0)));
}

/// Its children, built with copies of the page's language and elder mode of their own, as a screen
/// is ([`provide_screen_services`]): for a part of a page's frame that is shown and dropped again
/// (the learner's home controls in the top bar and notices, the kiosk's "Still there?"), which would otherwise leave its
/// subscriptions behind each time it goes.
#[component]
pub fn ScreenScope(
    /// The page's own language (not a screen's copy).
    locale: Locale,
    /// The page's own elder mode.
    elder: Elder,
    /// What to build.
    children: Children,
) -> impl IntoView {
    provide_screen_services(locale, elder);
    children()
}

/// The learner's saved records (provided by the learner's `App`).
pub fn use_saved_state() -> UseSaved {
    expect_context()
}
