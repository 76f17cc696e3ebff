//! The content desk's preview frame (`ui::desk`): text posted between the desk's window and the
//! frame inside it (`desk.html?frame`), both of this page's origin; and the kiosk's style sheet,
//! which the desk's page links switched off, switched on in the frame only. A message is taken
//! only from this origin and from the one window expected, so no other page or frame can drive
//! the preview. Nothing here panics on a JS value.

use super::PlatformError;
use wasm_bindgen::{JsCast, JsValue};

/// The attribute that marks a style sheet linked for the frame alone (`desk.html`).
const FRAME_CSS: &str = "data-frame-css";

/// This page's origin (`https://host:port`).
fn own_origin() -> Option<String> {
    web_sys::window()?.location().origin().ok()
}

/// This page's address with `query` for its query string (`desk.html?frame=phone`): the same
/// page, whatever its file is called.
pub fn this_page_with(query: &str) -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    format!("{path}?{query}")
}

/// The window this page is framed in; `None` at the top (not in a frame).
pub fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (JsValue::from(&parent) != JsValue::from(&window)).then_some(parent)
}

/// The window inside `frame`, once it has one.
pub fn frame_window(frame: &web_sys::HtmlIFrameElement) -> Option<web_sys::Window> {
    frame.content_window()
}

/// Posts `text` to `to`, for this origin only (another page loaded there never sees it).
pub fn post(to: &web_sys::Window, text: &str) -> Result<(), PlatformError> {
    let origin = own_origin().ok_or(PlatformError::NoWindow)?;
    // A string always clones and the origin is this page's: a refusal means the window is gone.
    to.post_message(&JsValue::from_str(text), &origin)
        .map_err(|_| PlatformError::NoWindow)
}

/// The text of `event` when `from` sent it from this origin; `None` for any other message.
pub fn message_from(event: &web_sys::MessageEvent, from: &web_sys::Window) -> Option<String> {
    if Some(event.origin()) != own_origin() {
        return None;
    }
    let source = JsValue::from(event.source()?);
    if source != JsValue::from(from) {
        return None;
    }
    event.data().as_string()
}

/// Switches on (`on`) or off the style sheet linked for the frame as `name`
/// (`<link … media="not all" data-frame-css="name">`).
pub fn use_frame_style(name: &str, on: bool) -> Result<(), PlatformError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(PlatformError::NoWindow)?;
    let selector = format!("link[{FRAME_CSS}=\"{name}\"]");
    if let Ok(Some(link)) = document.query_selector(&selector) {
        let media = if on { "all" } else { "not all" };
        // Setting an attribute on an element in the document cannot fail.
        let _ = link.set_attribute("media", media);
    }
    Ok(())
}

/// Where the keyboard focus was in this page (see [`keep_focus`]).
#[derive(Debug, Clone)]
pub struct Focused(web_sys::Element);

/// Where the keyboard focus is in this page, if anywhere.
pub fn focused() -> Option<Focused> {
    active().map(Focused)
}

fn active() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// Gives the focus back to where it was when it has gone into `frame` (the frame's page focuses
/// its own buttons, as the devices do; the desk's keyboard user stays where they were).
pub fn keep_focus(frame: &web_sys::HtmlIFrameElement, was: &Focused) {
    let lost = active().is_some_and(|now| JsValue::from(now) == JsValue::from(frame));
    if let (true, Some(element)) = (lost, was.0.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = element.focus();
    }
}
