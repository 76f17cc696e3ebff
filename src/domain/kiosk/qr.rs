//! "Continue on your phone": a QR code drawn by the app itself, as the outline of its dark
//! modules for an inline SVG (no image, no network). Error correction "medium" (15 %), a quiet
//! zone of 4 modules as the standard asks, so a phone camera reads it from a screen at arm's
//! length.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;

/// Modules of white border around the code (ISO/IEC 18004 asks for 4).
pub const QUIET_ZONE: i32 = 4;

/// A QR code as SVG path data, in module units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrSvg {
    /// The width and height, quiet zone included (the SVG's `viewBox` is `0 0 size size`).
    pub size: i32,
    /// The dark modules, as one path (`M x y h n v 1 h -n z` per horizontal run).
    pub path: String,
}

/// The QR code of `text`, or `None` if it is too long for any QR code.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && code.get_module(x, y) {
                x += 1;
            }
            let _ = write!(
                path,
                "M{} {}h{}v1h-{}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE,
                x - start,
                x - start
            );
        }
    }
    Some(QrSvg {
        size: n + 2 * QUIET_ZONE,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dark modules the path draws, as (x, y) without the quiet zone.
    fn drawn(svg: &QrSvg) -> Vec<(i32, i32)> {
        let mut cells = Vec::new();
        for run in svg.path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (i32, i32) = (x.parse().unwrap(), y.parse().unwrap());
            let len: i32 = rest.split_once('v').unwrap().0.parse().unwrap();
            cells.extend((x..x + len).map(|x| (x - QUIET_ZONE, y - QUIET_ZONE)));
        }
        cells
    }

    #[test]
    fn the_path_draws_exactly_the_codes_dark_modules_inside_a_quiet_zone() {
        let url = "https://quiz.example.com/anxin/index.html?topic=fraud,privacy&audience=elderly";
        let svg = qr_svg(url).unwrap();
        let code = QrCode::encode_text(url, QrCodeEcc::Medium).unwrap();
        assert_eq!(svg.size, code.size() + 8);
        let cells = drawn(&svg);
        for y in 0..code.size() {
            for x in 0..code.size() {
                assert_eq!(cells.contains(&(x, y)), code.get_module(x, y), "({x}, {y})");
            }
        }
        // The three finder patterns' corners are dark.
        let n = code.size();
        for corner in [(0, 0), (n - 1, 0), (0, n - 1)] {
            assert!(cells.contains(&corner), "{corner:?}");
        }
    }

    #[test]
    fn text_too_long_for_any_qr_code_gives_none() {
        assert!(qr_svg(&"x".repeat(5000)).is_none());
        assert!(qr_svg("https://a.example/index.html?topic=fraud").is_some());
    }
}
