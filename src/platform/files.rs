//! Files the user hands the page: chosen in an `<input type="file">` or dropped on it, read in the
//! page (never uploaded). The contest loads a saved setup as text; the content desk reads
//! spreadsheets and banks as bytes.

use super::{describe, PlatformError};
use wasm_bindgen::JsCast;

/// A file read in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickedFile {
    /// Its name as the user's system gave it (no folder).
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Reads a browser `File` whole.
async fn read(file: &web_sys::File) -> Result<PickedFile, PlatformError> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| PlatformError::File(describe(&e)))?;
    Ok(PickedFile {
        name: file.name(),
        bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
    })
}

/// The first file chosen in the `<input type="file">` an event came from (`None` when none was),
/// emptying the input so the same file can be chosen again (after it was edited).
fn take_chosen(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The file chosen in the `<input type="file">` an event came from, read whole.
pub async fn chosen_file(ev: &web_sys::Event) -> Result<Option<PickedFile>, PlatformError> {
    match take_chosen(ev) {
        Some(file) => read(&file).await.map(Some),
        None => Ok(None),
    }
}

/// The text of the file chosen in the `<input type="file">` an event came from (`None` when
/// none was chosen; bytes that are not UTF-8 are replaced).
pub async fn chosen_file_text(ev: &web_sys::Event) -> Result<Option<String>, PlatformError> {
    Ok(chosen_file(ev)
        .await?
        .map(|file| String::from_utf8_lossy(&file.bytes).into_owned()))
}

/// The first file dropped on the page by a `drop` event (`None` for a drop of text or nothing).
pub async fn dropped_file(ev: &web_sys::DragEvent) -> Result<Option<PickedFile>, PlatformError> {
    let file = ev
        .data_transfer()
        .and_then(|data| data.files())
        .and_then(|files| files.get(0));
    match file {
        Some(file) => read(&file).await.map(Some),
        None => Ok(None),
    }
}
