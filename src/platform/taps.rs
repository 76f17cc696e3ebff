//! Double taps: the second tap of a double tap lands on whatever the first one put under the
//! finger (the topic list that "touch to start" opened, the question that "start" opened). The
//! browser counts quick clicks at one spot (`UIEvent.detail`: 2 for the second); this drops those
//! before the page sees them. Taps at another spot, or slower, count 1 and pass.

use super::describe;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Marks an element (and what is inside it) where quick repeated taps mean something: a keypad,
/// a stepper. Put it on the element as an attribute, `data-repeat=""`.
pub const REPEAT_ATTRIBUTE: &str = "data-repeat";

/// From now on, drops the second (third …) click of a double click or double tap on this page,
/// except inside an element marked [`REPEAT_ATTRIBUTE`]. The page listens for its whole life.
/// Where the browser refuses the listener, double taps act twice, as before (a warning says so).
pub fn ignore_double_taps() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let selector = format!("[{REPEAT_ATTRIBUTE}]");
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        // Read through the event's own getter: a property looked up by name costs a string
        // sent to JS on every click of the page.
        let count = ev
            .dyn_ref::<web_sys::UiEvent>()
            .map_or(0, web_sys::UiEvent::detail);
        if count < 2 {
            return;
        }
        let repeatable = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(&selector).ok().flatten())
            .is_some();
        if !repeatable {
            ev.stop_immediate_propagation();
            ev.prevent_default();
        }
    });
    // Capturing on the window runs before every other click listener, Leptos's delegated ones
    // (on the window, bubbling) included.
    match window.add_event_listener_with_callback_and_bool(
        "click",
        listener.as_ref().unchecked_ref(),
        true,
    ) {
        Ok(()) => listener.forget(),
        Err(e) => super::log::warn(&format!("double taps act twice: {}", describe(&e))),
    }
}
