//! Byte-level mutations, for any input: the damage a file suffers on its way (truncation, a wrong
//! encoding, a byte-order mark, stray NULs) and plain random bytes.

use anxin::domain::rng::Rng;

/// Bytes that are not UTF-8, or that are UTF-8 the readers must still handle.
const AWKWARD: &[&[u8]] = &[
    b"\xEF\xBB\xBF",     // UTF-8 byte-order mark
    b"\xFF\xFE",         // UTF-16 LE byte-order mark
    b"\xFE\xFF",         // UTF-16 BE byte-order mark
    b"\x00",             // NUL
    b"\xC3",             // a lead byte alone
    b"\xC0\xAF",         // an overlong encoding
    b"\xED\xA0\x80",     // a surrogate encoded as UTF-8
    b"\xF4\x90\x80\x80", // past U+10FFFF
    b"\x80",             // a continuation byte alone
    b"\xD5\xC5",         // GBK (what Excel saves on Chinese Windows)
    "\u{202E}".as_bytes(),
    "\u{200B}".as_bytes(),
    "\u{FEFF}".as_bytes(),
    "\r".as_bytes(),
    "\r\n".as_bytes(),
    "\u{3000}".as_bytes(),
    "\u{10FFFF}".as_bytes(),
];

/// `len` random bytes, now and then with valid UTF-8 and JSON or CSV punctuation mixed in.
pub fn random(rng: &mut Rng, len: usize) -> Vec<u8> {
    const PUNCTUATION: &[u8] = b"{}[]\",:;\\\r\n 0123456789-.eE+tfn@";
    let mut out = Vec::with_capacity(len);
    let bias = rng.below(3);
    while out.len() < len {
        match (bias, rng.below(4)) {
            (0, _) => out.push(rng.next_u64() as u8),
            (1, 0) => out.extend_from_slice(AWKWARD[rng.below(AWKWARD.len())]),
            (_, _) => out.push(PUNCTUATION[rng.below(PUNCTUATION.len())]),
        }
    }
    out
}

/// One or a few byte-level changes to `input`, described for the report of a failing case.
pub fn mutate(rng: &mut Rng, input: &mut Vec<u8>) -> String {
    let rounds = 1 + rng.below(4);
    let mut said = Vec::new();
    for _ in 0..rounds {
        said.push(mutate_once(rng, input));
    }
    said.join(", ")
}

fn mutate_once(rng: &mut Rng, input: &mut Vec<u8>) -> String {
    let len = input.len();
    let at = if len == 0 { 0 } else { rng.below(len + 1) };
    match rng.below(9) {
        0 => {
            input.truncate(at);
            format!("truncated at {at}")
        }
        1 if len > 0 => {
            let i = rng.below(len);
            input[i] ^= 1 << rng.below(8);
            format!("bit flipped at {i}")
        }
        2 => {
            let bytes = AWKWARD[rng.below(AWKWARD.len())];
            input.splice(at..at, bytes.iter().copied());
            format!("{bytes:?} inserted at {at}")
        }
        3 => {
            let bytes = AWKWARD[rng.below(3)];
            input.splice(0..0, bytes.iter().copied());
            format!("{bytes:?} put in front")
        }
        4 if len > 0 => {
            let end = (at + 1 + rng.below(64)).min(len);
            let start = at.min(end);
            input.drain(start..end);
            format!("bytes {start}..{end} deleted")
        }
        5 if len > 0 => {
            let end = (at + 1 + rng.below(256)).min(len);
            let start = at.min(end);
            let copy: Vec<u8> = input[start..end].to_vec();
            let times = 1 + rng.below(8);
            let to = rng.below(len + 1);
            for _ in 0..times {
                input.splice(to..to, copy.iter().copied());
            }
            format!("bytes {start}..{end} copied {times} times to {to}")
        }
        6 if len > 1 => {
            let (i, j) = (rng.below(len), rng.below(len));
            input.swap(i, j);
            format!("bytes {i} and {j} swapped")
        }
        7 => {
            let len = 1 + rng.below(32);
            let bytes = random(rng, len);
            input.splice(at..at, bytes.iter().copied());
            format!("{} random bytes at {at}", bytes.len())
        }
        _ => {
            let i = if len == 0 { 0 } else { rng.below(len) };
            input.insert(i.min(input.len()), 0);
            format!("NUL at {i}")
        }
    }
}
