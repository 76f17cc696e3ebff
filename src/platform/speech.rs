//! Read-aloud through the Web Speech API. Engines without speech synthesis (Android System WebView
//! has none) report `available() == false`, and the button is not shown.

use std::cell::Cell;
use wasm_bindgen::JsValue;

thread_local! {
    /// The engine's speech synthesis, looked up once (each question asks for it, twice).
    static SYNTHESIS: Option<web_sys::SpeechSynthesis> = look_up();
    /// Whether this page has asked the engine to speak: before that there is nothing to stop.
    static SPOKE: Cell<bool> = const { Cell::new(false) };
}

fn look_up() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    // The property is missing, not null, where the engine has no speech synthesis.
    let has = |name: &str| {
        js_sys::Reflect::get(&window, &JsValue::from_str(name))
            .is_ok_and(|v| !v.is_undefined() && !v.is_null())
    };
    if !has("speechSynthesis") || !has("SpeechSynthesisUtterance") {
        return None;
    }
    window.speech_synthesis().ok()
}

fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    SYNTHESIS.with(Clone::clone)
}

/// Whether this engine can read aloud.
pub fn available() -> bool {
    synthesis().is_some()
}

/// Reads `text` aloud in `lang` (a BCP 47 tag such as `zh-CN`), stopping anything still being read.
/// Uses a voice of that language when the engine lists one. Returns whether speaking started.
pub fn speak(text: &str, lang: &str) -> bool {
    let Some(synth) = synthesis() else {
        return false;
    };
    synth.cancel();
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return false;
    };
    utterance.set_lang(lang);
    // A slightly slow pace suits older listeners.
    utterance.set_rate(0.9);
    let prefix = lang.split('-').next().unwrap_or(lang).to_ascii_lowercase();
    let voices = synth.get_voices();
    let voice = (0..voices.length())
        // The list comes from the engine: read its entries by shape (`lang`), without a class check.
        .map(|i| {
            wasm_bindgen::JsCast::unchecked_into::<web_sys::SpeechSynthesisVoice>(voices.get(i))
        })
        .find(|v| {
            v.lang()
                .to_ascii_lowercase()
                .replace('_', "-")
                .starts_with(&prefix)
        });
    if let Some(voice) = voice {
        utterance.set_voice(Some(&voice));
    }
    synth.speak(&utterance);
    SPOKE.with(|spoke| spoke.set(true));
    true
}

/// Stops reading aloud. Asks the engine only when it has something to stop: leaving a question
/// calls this, and a call to the engine's speech service is not free.
pub fn stop() {
    if !SPOKE.with(Cell::get) {
        return;
    }
    if let Some(synth) = synthesis() {
        if synth.speaking() || synth.pending() {
            synth.cancel();
        }
    }
}

/// Whether the engine is reading aloud now (false where it cannot speak). The kiosk polls this
/// with its clock, so a voice cut off by a screen change is noticed without an `end` event.
pub fn speaking() -> bool {
    synthesis().is_some_and(|synth| synth.speaking())
}
