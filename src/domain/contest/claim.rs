//! One host window per match. Two host windows on one PC (a second tab, a window opened again by
//! mistake) would each save their own copy of the match after every action, and the last to save
//! would silently undo the other's steps. So the window hosting writes a claim — its random window
//! number and the time of its last heartbeat — every [`BEAT_MS`]; another host window that finds a
//! fresh claim not its own hosts nothing and says so, until its user chooses to host there (which
//! moves the claim) or the claim goes stale (the hosting window crashed or was closed without
//! releasing it). Before every action the hosting window checks the claim is still its own, so a
//! window that was taken over from cannot overwrite the match even between heartbeats.
//!
//! Pure data and rules; the host page (`ui::contest::host`) reads and writes the claim.

use serde::{Deserialize, Serialize};

/// The storage key of the claim.
pub const HOST_KEY: &str = "contest.host";

/// How often the hosting window renews its claim, in milliseconds.
pub const BEAT_MS: u64 = 2_000;

/// A claim not renewed for this long is stale: its window is gone.
pub const STALE_MS: u64 = 3 * BEAT_MS;

/// A window's claim to host the match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostClaim {
    /// The window's random number, drawn when the page opened.
    pub window: u64,
    /// When it last renewed the claim (Unix milliseconds).
    pub beat_ms: u64,
}

/// Who hosts, as one window sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    /// This window.
    Mine,
    /// Another window, alive.
    Other,
    /// Nobody: no claim, a released one or a stale one.
    Free,
}

impl HostClaim {
    /// Who hosts, for `window` at `now_ms`, given the `stored` claim. A claim from the future (a
    /// clock set back) counts as alive for at most [`STALE_MS`] after this window first saw it,
    /// which the caller gets by renewing its own claim; here it is simply alive.
    pub fn holder(stored: Option<&HostClaim>, window: u64, now_ms: u64) -> Holder {
        match stored {
            Some(claim) if claim.window == window => Holder::Mine,
            Some(claim) if now_ms.saturating_sub(claim.beat_ms) < STALE_MS => Holder::Other,
            _ => Holder::Free,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_claim_of_another_window_hosts_until_it_goes_stale() {
        let claim = HostClaim {
            window: 7,
            beat_ms: 10_000,
        };
        assert_eq!(HostClaim::holder(Some(&claim), 7, 60_000), Holder::Mine);
        assert_eq!(HostClaim::holder(Some(&claim), 8, 10_000), Holder::Other);
        assert_eq!(
            HostClaim::holder(Some(&claim), 8, 10_000 + STALE_MS - 1),
            Holder::Other
        );
        assert_eq!(
            HostClaim::holder(Some(&claim), 8, 10_000 + STALE_MS),
            Holder::Free
        );
        assert_eq!(HostClaim::holder(None, 8, 0), Holder::Free);
        // A clock set back: the claim is alive, not a reason to take over.
        assert_eq!(HostClaim::holder(Some(&claim), 8, 5_000), Holder::Other);
    }
}
