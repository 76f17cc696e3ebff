//! The operator panel's state, wired: the panel model in one signal, the stored PIN state beside
//! it, and `dispatch`, which applies a panel event and writes the PIN state under the kiosk's own
//! key (`kiosk.pin`) as soon as it changes — a PIN set, a wrong try counted, a lockout — so a
//! reload neither forgets a PIN nor ends a lockout. The clock and the salt are passed in, so this
//! runs natively under a reactive owner (tests below).

use crate::domain::kiosk::panel::{Panel, PanelEnv, PanelEvent};
use crate::domain::kiosk::pin::PinState;
use crate::domain::kiosk::PIN_KEY;
use crate::platform::log;
use crate::platform::storage::{Loaded, Store};
use leptos::prelude::*;

/// The panel model and the way to change it.
#[derive(Debug, Clone, Copy)]
pub struct UsePanel {
    /// The panel (read it; change it only through `dispatch`).
    pub panel: ReadSignal<Panel>,
    /// Applies an event and writes the PIN state if it changed.
    pub dispatch: Callback<PanelEvent>,
}

/// Opens the panel model over the PIN state stored in `store`. `salt` draws fresh random bytes
/// (only asked for when a PIN may be set).
pub fn use_panel(store: Store, now_ms: fn() -> f64, salt: fn() -> Vec<u8>) -> UsePanel {
    let pin = StoredValue::new(read_pin(&store));
    let panel = RwSignal::new(Panel::default());
    let dispatch = Callback::new(move |event: PanelEvent| {
        let fresh = if event == PanelEvent::Enter {
            salt()
        } else {
            Vec::new()
        };
        let env = PanelEnv {
            now_ms: now_ms(),
            salt: &fresh,
        };
        let mut changed = false;
        panel.maybe_update(|p| {
            let before = p.clone();
            pin.update_value(|state| changed = p.apply(event, state, &env));
            *p != before
        });
        if changed {
            if let Err(e) = store.save(PIN_KEY, &pin.get_value()) {
                log::warn(&format!("kiosk: the PIN state could not be saved: {e}"));
            }
        }
    });
    UsePanel {
        panel: panel.read_only(),
        dispatch,
    }
}

/// The stored PIN state. A record that cannot be read (damaged, or written by a newer version) is
/// left as it is and the panel stays locked (`PinState::Unreadable`): dropping it would turn the
/// kiosk into a first run, where whoever stands at it could choose a PIN and open the statistics,
/// the settings and the prize codes.
fn read_pin(store: &Store) -> PinState {
    match store.load_keeping(PIN_KEY, crate::domain::saved::no_migration) {
        Loaded::Value(state) => state,
        Loaded::Absent => PinState::Unset,
        Loaded::Kept(_) | Loaded::Dropped => {
            log::warn("kiosk: the staff PIN record could not be read; the panel stays locked");
            PinState::Unreadable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::kiosk::panel::{PanelNotice, PanelStep};

    fn salt() -> Vec<u8> {
        vec![9; 16]
    }

    fn open(store: &Store) -> (Owner, UsePanel) {
        let owner = Owner::new();
        owner.set();
        (owner, use_panel(store.clone(), || 1_000.0, salt))
    }

    fn type_pin(panel: &UsePanel, digits: &str) {
        for d in digits.bytes() {
            panel.dispatch.run(PanelEvent::Digit(d - b'0'));
        }
        panel.dispatch.run(PanelEvent::Enter);
    }

    #[test]
    fn a_pin_set_on_first_run_and_a_wrong_try_survive_a_reload() {
        let store = Store::memory();
        let (_owner, panel) = open(&store);
        panel.dispatch.run(PanelEvent::Open);
        type_pin(&panel, "2580");
        type_pin(&panel, "2580");
        assert_eq!(
            panel.panel.with_untracked(|p| p.step().cloned()),
            Some(PanelStep::Open)
        );
        let stored: serde_json::Value = store.get(PIN_KEY).unwrap().unwrap();
        assert!(
            !stored.to_string().contains("2580"),
            "only a hash is stored: {stored}"
        );

        let (_owner, again) = open(&store);
        again.dispatch.run(PanelEvent::Open);
        assert_eq!(
            again.panel.with_untracked(|p| p.step().cloned()),
            Some(PanelStep::Unlock),
            "no first run once a PIN is set"
        );
        type_pin(&again, "1111");
        let (_owner, third) = open(&store);
        third.dispatch.run(PanelEvent::Open);
        type_pin(&third, "1112");
        assert_eq!(
            third.panel.with_untracked(Panel::notice),
            Some(PanelNotice::Wrong { left: 1 }),
            "the first wrong try was kept across the reload"
        );
    }

    #[test]
    fn an_unreadable_or_newer_pin_record_keeps_the_panel_locked_and_is_left_as_it_was() {
        for record in [
            serde_json::json!("{not json"),
            serde_json::json!({"v": 1, "data": {"state": "set", "pin": 5}}),
            serde_json::json!({"v": 99, "data": {"state": "set", "future": true}}),
        ] {
            let store = Store::memory();
            store.set(PIN_KEY, &record).unwrap();
            let (_owner, panel) = open(&store);
            panel.dispatch.run(PanelEvent::Open);
            assert_eq!(
                panel.panel.with_untracked(|p| p.step().cloned()),
                Some(PanelStep::Unlock),
                "no first-run PIN over {record}"
            );
            assert_eq!(
                panel.panel.with_untracked(Panel::notice),
                Some(PanelNotice::PinUnreadable)
            );
            // Nothing typed opens it, and the record stays as it was.
            type_pin(&panel, "2580");
            type_pin(&panel, "2580");
            assert_eq!(
                panel.panel.with_untracked(|p| p.step().cloned()),
                Some(PanelStep::Unlock)
            );
            // Kept as it was on the device: this visit works on memory for it.
            assert!(store.is_held(PIN_KEY));
        }
    }
}
