//! Keyboard focus and the page's scroll: a new screen or question opens at the top of the page and
//! moves the focus to its heading, so screen readers read it and the keyboard starts there.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses `node` once it is in the page. (Waiting for the paint instead measured no faster, so it
/// stays immediate.)
pub fn focus_on_mount<E: ElementType<Output: JsCast + Clone + 'static>>(node: NodeRef<E>) {
    on_mount(node, |el| {
        let _ = el.focus();
    });
}

/// A new screen, question or stage: once its heading `node` is in the page, the page is scrolled
/// to its top and, once the page has painted it, the heading takes the focus. Focusing alone
/// brings only the heading into sight: a round opened from a setup scrolled down to its "start"
/// showed its question with the round's title and "question 1 of N" above the screen. A heading
/// built out of sight (the rehearsal's screens, in an element outside the page) moves nothing.
///
/// The focus waits for the paint because focusing lays the page out there and then: in the tap
/// that opened the screen, that layout came on top of the tap's own work, in one task (issue 11:
/// at 4× CPU a topic tap was a task of 60–70 ms, 8–13 ms of it this layout). After the paint it
/// is a task of its own (which may lay the page out again, if something changed since the paint).
pub fn open_on_mount<E: ElementType<Output: JsCast + Clone + 'static>>(node: NodeRef<E>) {
    on_mount(node, |el| {
        if el.is_connected() {
            scroll_to_top();
            let el = el.clone();
            super::page::after_paint(move || {
                // Gone by then (another tap first): nothing to focus.
                if el.is_connected() {
                    let _ = el.focus();
                }
            });
        }
    });
}

/// Scrolls the page to its top once `node` is in the page (a screen that moves no focus: the home
/// screen, whose first control is the first thing a keyboard reaches anyway).
pub fn top_on_mount<E: ElementType<Output: JsCast + Clone + 'static>>(node: NodeRef<E>) {
    on_mount(node, |el| {
        if el.is_connected() {
            scroll_to_top();
        }
    });
}

/// Runs `f` on `node`'s element once it is rendered.
fn on_mount<E: ElementType<Output: JsCast + Clone + 'static>>(
    node: NodeRef<E>,
    f: fn(&web_sys::HtmlElement),
) {
    Effect::new(move |_| {
        let Some(el) = node.get() else {
            return;
        };
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            f(el);
        }
    });
}

/// To the page's top. (Chromium lays the page out for a scroll that may be clamped, never for one
/// to (0, 0); reading `scrollY` first would lay it out, so it is not read.)
fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Focuses the element with `id` (made focusable by `tabindex="-1"`), if the page has it: where
/// the focus goes when the control that had it is taken away.
pub fn focus_id(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Once the page has painted, scrolls it the least that brings `el` wholly into sight (as focusing
/// it would, but on an element that already has the focus; and the same on old engines, whose
/// `scrollIntoView` takes no options). Nothing moves when it is in sight or out of the page.
pub fn scroll_into_view_after_paint(el: web_sys::HtmlElement) {
    super::page::after_paint(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        if !el.is_connected() {
            return;
        }
        let Some(height) = window.inner_height().ok().and_then(|h| h.as_f64()) else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        if let Some(dy) = scroll_needed(rect.top(), rect.bottom(), height) {
            window.scroll_by_with_x_and_y(0.0, dy);
        }
    });
}

/// How far to scroll down (negative: up) to bring a box from `top` to `bottom` (viewport
/// coordinates) wholly into a viewport `height` tall with a small margin; `None` when it is in
/// sight. A box taller than the viewport is brought to its top.
fn scroll_needed(top: f64, bottom: f64, height: f64) -> Option<f64> {
    const MARGIN: f64 = 16.0;
    if top < 0.0 || bottom - top + 2.0 * MARGIN > height {
        return (top < MARGIN).then_some(top - MARGIN);
    }
    (bottom > height).then_some(bottom - height + MARGIN)
}

#[cfg(test)]
mod tests {
    use super::scroll_needed;

    #[test]
    fn a_box_in_sight_does_not_move_the_page() {
        assert_eq!(scroll_needed(100.0, 160.0, 780.0), None);
        assert_eq!(scroll_needed(16.0, 76.0, 780.0), None);
    }

    #[test]
    fn a_box_below_the_fold_is_brought_up_to_the_bottom_with_a_margin() {
        assert_eq!(scroll_needed(800.0, 860.0, 780.0), Some(96.0));
        assert_eq!(scroll_needed(760.0, 820.0, 780.0), Some(56.0));
    }

    #[test]
    fn a_box_above_the_top_is_brought_down_to_the_top_with_a_margin() {
        assert_eq!(scroll_needed(-50.0, 10.0, 780.0), Some(-66.0));
    }

    #[test]
    fn a_box_taller_than_the_view_shows_its_top() {
        assert_eq!(scroll_needed(100.0, 1000.0, 780.0), None);
        assert_eq!(scroll_needed(-100.0, 1000.0, 780.0), Some(-116.0));
    }
}
