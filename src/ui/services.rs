//! The app-wide services every page provides to its components through context: the interface
//! language, elder mode and (on the learner's page) the learner's saved records. Each is a newtype
//! with an accessor, so a page's root provides them once and any screen or widget reads them.

use crate::domain::i18n::Msg;
use crate::domain::text::Lang;
use crate::ui::hooks::UseSaved;
use leptos::prelude::*;

/// The interface language, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct Locale(RwSignal<Lang>);

impl Locale {
    /// A locale starting in `lang`.
    pub fn new(lang: Lang) -> Self {
        Self(RwSignal::new(lang))
    }

    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.0.get()
    }

    /// The current language, without tracking.
    pub fn lang_untracked(self) -> Lang {
        self.0.get_untracked()
    }

    /// Switches language.
    pub fn set(self, lang: Lang) {
        self.0.set(lang);
    }

    /// A message in the current language (tracked).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.0.get())
    }

    /// A message that follows the language, for a view: `{locale.tr(Msg::Settings)}`.
    ///
    /// Every message gets the same closure type, so the wasm holds one compiled copy of the view
    /// code for all of them; a `move || locale.t(Msg::…)` written out at each place was a closure
    /// type, and so a copy of that code, per text.
    pub fn tr(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || msg.text(self.0.get())
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

/// The learner's saved records (provided by the learner's `App`).
pub fn use_saved_state() -> UseSaved {
    expect_context()
}
