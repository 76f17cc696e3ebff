//! Files staff take away (the kiosk's statistics, the contest's results, the desk's banks), and
//! printing: a text saved as a download (a `Blob` and an object URL on a temporary `<a download>`,
//! never a network request), and the browser's print dialog for the page as it is (its print
//! stylesheet chooses what prints).

use super::{describe, PlatformError};
use wasm_bindgen::JsCast;

/// Saves `text` as a file named `name` of type `mime` (e.g. `text/csv;charset=utf-8`).
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), PlatformError> {
    let window = web_sys::window().ok_or(PlatformError::NoWindow)?;
    let document = window.document().ok_or(PlatformError::NoWindow)?;
    let refused = |e: wasm_bindgen::JsValue| PlatformError::File(describe(&e));
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(refused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(refused)?;
    let link = document
        .create_element("a")
        .map_err(refused)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| PlatformError::File("no anchor element".into()))?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has the blob already; the URL is only needed until the click is handled.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .map_err(refused)?;
    Ok(())
}

/// Opens the browser's print dialog for the page.
pub fn print() -> Result<(), PlatformError> {
    let window = web_sys::window().ok_or(PlatformError::NoWindow)?;
    window
        .print()
        .map_err(|e| PlatformError::File(describe(&e)))
}
