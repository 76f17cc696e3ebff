//! The page around the app: the URL's query string, `<html lang>`, the title, the clock,
//! randomness and the element the app mounts into.

use super::PlatformError;
use crate::domain::date::Date;
use wasm_bindgen::JsCast;

/// The value of a query-string parameter (`?lang=en` → `Some("en")`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    // Most visits have no query string: no parser to build (the learner's start asks for a dozen
    // names).
    if search.len() <= 1 {
        return None;
    }
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Sets a query-string parameter in the address bar without reloading or adding history.
pub fn set_query_param(name: &str, value: &str) -> Result<(), PlatformError> {
    edit_query(|params| params.set(name, value))
}

/// Removes query-string parameters from the address bar (after a deep link has been followed, so a
/// reload does not follow it again).
pub fn remove_query_params(names: &[&str]) -> Result<(), PlatformError> {
    edit_query(|params| names.iter().for_each(|name| params.delete(name)))
}

/// Rewrites the query string in place (`history.replaceState`: no reload, no new history entry).
fn edit_query(edit: impl FnOnce(&web_sys::UrlSearchParams)) -> Result<(), PlatformError> {
    let window = web_sys::window().ok_or(PlatformError::NoWindow)?;
    let location = window.location();
    let search = location.search().map_err(|_| PlatformError::NoWindow)?;
    let params =
        web_sys::UrlSearchParams::new_with_str(&search).map_err(|_| PlatformError::NoWindow)?;
    edit(&params);
    let query: String = params.to_string().into();
    let path = location.pathname().map_err(|_| PlatformError::NoWindow)?;
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    window
        .history()
        .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)))
        .map_err(|_| PlatformError::NoWindow)
}

/// Adds a history entry for the same address, so the back button (Android's included) first comes
/// back to the page (a `popstate` event) instead of leaving it.
pub fn push_history_entry() -> Result<(), PlatformError> {
    let window = web_sys::window().ok_or(PlatformError::NoWindow)?;
    window
        .history()
        .and_then(|h| h.push_state(&wasm_bindgen::JsValue::from_str("anxin"), ""))
        .map_err(|_| PlatformError::NoWindow)
}

/// Goes back one history entry (removes the one `push_history_entry` added).
pub fn history_back() -> Result<(), PlatformError> {
    let window = web_sys::window().ok_or(PlatformError::NoWindow)?;
    window
        .history()
        .and_then(|h| h.back())
        .map_err(|_| PlatformError::NoWindow)
}

/// Sets `<html lang>` (screen readers and fonts follow it).
pub fn set_document_lang(tag: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // Setting an attribute on the root element cannot meaningfully fail; ignore if it does.
        let _ = el.set_attribute("lang", tag);
    }
}

/// Adds or removes a class on `<html>` (a display mode the whole page's styles follow).
pub fn set_root_class(class: &str, on: bool) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let list = el.class_list();
        // Changing a class cannot meaningfully fail; ignore if it does.
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Today's date on the Beijing calendar, whatever the device's time zone (the one rule for dates:
/// see `domain::date`), so the app and `anxin-bank` agree on which questions are current.
pub fn today() -> Date {
    Date::beijing_from_unix_ms(js_sys::Date::now())
}

/// Puts a named mark on the page's performance timeline (`performance.mark`), the first time only,
/// for `make bench` and the browser's profiler to read. Does nothing where the timeline is missing
/// or the mark fails.
pub fn mark_once(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        if performance.get_entries_by_name(name).length() == 0 {
            // A mark is only a measurement aid: the app carries on the same without it.
            let _ = performance.mark(name);
        }
    }
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A fresh seed for a round's shuffle.
pub fn random_seed() -> u64 {
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (high << 32) ^ low ^ (js_sys::Date::now() as u64)
}

/// `n` bytes from the browser's cryptographic random generator (the salt of the kiosk's PIN).
/// `Err(NoWindow)` where the page has no `crypto` (nothing is drawn from a weaker source).
pub fn random_bytes(n: usize) -> Result<Vec<u8>, PlatformError> {
    let crypto = web_sys::window()
        .ok_or(PlatformError::NoWindow)?
        .crypto()
        .map_err(|_| PlatformError::NoWindow)?;
    let mut bytes = vec![0u8; n];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| PlatformError::NoWindow)?;
    Ok(bytes)
}

/// A new element outside the page (never attached to the document): somewhere to build a view
/// that no one sees, lays out or reads out (the learner's page's rehearsal, `ui::app::rehearsal`).
pub fn detached_element() -> Result<web_sys::HtmlElement, PlatformError> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|doc| doc.create_element("div").ok())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .ok_or(PlatformError::NoWindow)
}

/// The element the app mounts into (`#app`), emptied of its static "loading" markup unless
/// `keep_boot` (then the app takes it away itself, [`drop_boot`]); the body if there is no such
/// element.
pub fn app_root(keep_boot: bool) -> Result<web_sys::HtmlElement, PlatformError> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(PlatformError::NoWindow)?;
    if let Some(el) = doc
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if !keep_boot {
            el.set_inner_html("");
        }
        return Ok(el);
    }
    doc.body().ok_or(PlatformError::NoWindow)
}

/// Takes away the markup shown during the download (`#boot` in the page's HTML), if it is
/// still there.
pub fn drop_boot() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

/// Resolves in a later task of the page's event loop (`setTimeout(…, 0)`), so that the work before
/// and after it are two tasks, and the browser may paint or handle a tap in between. Resolves at
/// once when there is no window (nothing to yield to).
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let wait = js_sys::Promise::new(&mut |resolve, _reject| {
        if window.set_timeout_with_callback(&resolve).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// Runs `f` in a later task of the page's event loop ([`next_task`]). Needs no async runtime of
/// the UI's: it may be called before anything is mounted.
pub fn in_next_task(f: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        f();
    });
}

/// Runs `f` once the page has painted what it shows now: a frame's callback runs before its
/// paint, a task posted from there after it. Work that can wait a frame (moving the focus, reading
/// a big file) then no longer holds up the first sight of what a tap changed.
pub fn after_paint(f: impl FnOnce() + 'static) {
    // One frame callback for all the work a tap leaves for after its paint (a callback is a JS
    // function made and dropped): the first asks for the frame, the others wait in line with it.
    let first = FOR_THE_FRAME.with(|waiting| {
        let mut waiting = waiting.borrow_mut();
        waiting.push(Box::new(f));
        waiting.len() == 1
    });
    if first {
        // The frame's callback stays small (it runs before the paint it waits for): it only
        // posts, each piece of work in a task of its own, in the order they came.
        leptos::prelude::request_animation_frame(|| {
            for work in FOR_THE_FRAME.with(|waiting| std::mem::take(&mut *waiting.borrow_mut())) {
                post_task(work);
            }
        });
    }
}

thread_local! {
    /// The work [`after_paint`] holds for the next frame.
    static FOR_THE_FRAME: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` in a task of its own, posted through a `MessageChannel` rather than a timer: no 4 ms
/// clamp, no background throttling, and a timer's callback never schedules another timer. (That
/// last one matters to Playwright's fake clock, which the kiosk's tests run on: a timer set from
/// the first timer it runs in a tick starts a chain of real timers that never ends, one per tap,
/// and the soak saw the JS heap grow by them.) One channel serves the page, made at its first use:
/// a channel is a pipe in the browser, too dear to make per tap. Falls back to a timer where there
/// is no channel.
fn post_task(f: impl FnOnce() + 'static) {
    let posted = POSTER.with(|poster| match poster.get_or_init(Poster::new) {
        Some(poster) => {
            poster.queue.borrow_mut().push_back(Box::new(f));
            let _ = poster.sender.post_message(&wasm_bindgen::JsValue::NULL);
            None
        }
        None => Some(f),
    });
    if let Some(f) = posted {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    }
}

thread_local! {
    static POSTER: std::cell::OnceCell<Option<Poster>> = const { std::cell::OnceCell::new() };
}

/// The page's channel for [`post_task`]: each message runs the oldest task waiting.
struct Poster {
    sender: web_sys::MessagePort,
    /// Held so the receiving end lives as long as the page, whatever the engine's rules for ports.
    _receiver: web_sys::MessagePort,
    queue: Tasks,
}

type Tasks = std::rc::Rc<std::cell::RefCell<std::collections::VecDeque<Box<dyn FnOnce()>>>>;

impl Poster {
    fn new() -> Option<Self> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let queue = Tasks::default();
        let waiting = queue.clone();
        let run = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            // Taken out before it runs: the task may post another.
            let task = waiting.borrow_mut().pop_front();
            if let Some(task) = task {
                task();
            }
        });
        let receiver = channel.port1();
        receiver.set_onmessage(Some(run.as_ref().unchecked_ref()));
        // The handler lives as long as the page (one per page).
        run.forget();
        Some(Self {
            sender: channel.port2(),
            _receiver: receiver,
            queue,
        })
    }
}

/// Calls `f` when the page is hidden or left: another app or tab in front, the screen locked, a
/// reload, a link followed, the tab closed. The last sure moment to write what must survive
/// (a hidden page may be discarded without another word).
pub fn on_hide(f: impl Fn() + Clone + 'static) {
    let on_visibility = f.clone();
    let _ = leptos::prelude::window_event_listener_untyped("pagehide", move |_| f());
    // Fired at the document, seen by the window (it bubbles); hidden or shown again, writing what
    // waits is right.
    let _ = leptos::prelude::window_event_listener_untyped("visibilitychange", move |_| {
        on_visibility()
    });
}

/// Resolves once the whole app's code is in. `make dist` splits a page's wasm into its start-up
/// part and the rest, which the loader (`public/loader.js`) fetches once the first screen is up and
/// announces as the promise `window.anxinRest`; work that does not need to happen before the first
/// screen (checking the banks) waits for it, so it never runs into code still on its way. Resolves
/// at once on a page without that promise (an unsplit build, the component tests).
pub async fn rest_loaded() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str("anxinRest"))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = promise {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
