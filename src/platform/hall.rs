//! The browser as the contest page needs it (`ui::contest`): the channel the host's window tells
//! the audience's on (BroadcastChannel, or `storage` events where it is missing), the buzzers'
//! key presses with the time they were pressed and the second window (files and printing are
//! `platform::files` and `platform::download`). Nothing here panics on a JS value; a missing feature is reported, not assumed.

use super::describe;
use crate::domain::contest::KeyPress;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// One end of the channel between the host's window and the audience's.
#[derive(Debug, Clone)]
pub struct Channel {
    inner: Option<web_sys::BroadcastChannel>,
}

impl Channel {
    /// Opens the channel `name` and calls `on_message` with every text sent on it by another window.
    /// Where BroadcastChannel is missing, `on_message` hears instead every new value another window
    /// writes to the storage key `storage_key` (as the store writes it: `anxin.` and the key).
    pub fn open(name: &str, storage_key: &str, on_message: impl Fn(String) + 'static) -> Channel {
        let Some(window) = web_sys::window() else {
            return Channel { inner: None };
        };
        let has_broadcast =
            js_sys::Reflect::has(&window, &"BroadcastChannel".into()).unwrap_or(false);
        if has_broadcast {
            if let Ok(channel) = web_sys::BroadcastChannel::new(name) {
                let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(
                    move |ev: web_sys::MessageEvent| {
                        if let Some(text) = ev.data().as_string() {
                            on_message(text);
                        }
                    },
                );
                channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
                // The page keeps the channel for its whole life.
                listener.forget();
                return Channel {
                    inner: Some(channel),
                };
            }
        }
        let full = format!("anxin.{storage_key}");
        let listener =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() == Some(full.as_str()) {
                    if let Some(value) = ev.new_value() {
                        on_message(value);
                    }
                }
            });
        if window
            .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
            .is_ok()
        {
            listener.forget();
        }
        Channel { inner: None }
    }

    /// Sends `text` to the other windows (nothing where only storage events carry the match).
    pub fn post(&self, text: &str) {
        if let Some(channel) = &self.inner {
            if let Err(e) = channel.post_message(&text.into()) {
                super::log::warn(&format!(
                    "could not tell the other window: {}",
                    describe(&e)
                ));
            }
        }
    }

    /// Whether messages go through BroadcastChannel (else through storage events).
    pub fn is_broadcast(&self) -> bool {
        self.inner.is_some()
    }
}

/// A key press as the contest reads it.
pub fn key_press(ev: &web_sys::KeyboardEvent) -> KeyPress {
    KeyPress {
        key: ev.key(),
        code: ev.code(),
        shift: ev.shift_key(),
        other_modifier: ev.ctrl_key() || ev.alt_key() || ev.meta_key(),
        repeat: ev.repeat(),
    }
}

/// When an event happened, in Unix milliseconds (the page's time origin plus the event's time
/// stamp), so a buzz is timed when the key went down, not when the page got round to it.
pub fn event_time_ms(ev: &web_sys::Event) -> u64 {
    let origin = web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.time_origin())
        .unwrap_or(0.0);
    let at = if origin > 0.0 {
        origin + ev.time_stamp()
    } else {
        js_sys::Date::now()
    };
    at.max(0.0) as u64
}

/// Whether a key event was typed into a text field (a team name, a reason): not a shortcut.
pub fn typed_in_field(ev: &web_sys::Event) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    let text_input = tag == "input"
        && !matches!(
            el.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit" | "file")
        );
    text_input || tag == "textarea" || tag == "select" || el.has_attribute("contenteditable")
}

/// Stops the browser's own use of a key press (a letter typed into nothing, a scroll).
pub fn prevent_default(ev: &web_sys::Event) {
    ev.prevent_default();
}

/// Opens this same page with the query string `query` in a second window named `name` (the
/// audience screen), whatever the page's file is called; `false` when the browser blocked it.
pub fn open_this_page(query: &str, name: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}?{query}");
    window
        .open_with_url_and_target_and_features(&url, name, "popup,width=1280,height=720")
        .ok()
        .flatten()
        .is_some()
}
