//! A small seeded random generator and shuffle, so a round's order is reproducible from its seed,
//! and a stable hash, so a ranking (the daily set's) is reproducible from its inputs alone.
//!
//! SplitMix64 and FNV-1a: tiny, fast, the same on every platform and in every build (unlike
//! `std::hash`), and good enough for ordering questions; never used for anything secret.

/// A seeded pseudo-random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator that always yields the same sequence for the same seed.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.state)
    }

    /// A number in `0..bound` (`bound` > 0), without modulo bias worth noticing for small bounds.
    pub fn below(&mut self, bound: usize) -> usize {
        debug_assert!(bound > 0);
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a (64-bit) of `parts`, each followed by a 0xFF byte (which never occurs in UTF-8, so
/// `["ab", "c"]` and `["a", "bc"]` differ), then mixed with SplitMix64's finaliser so that inputs
/// differing in one character spread over all 64 bits. Fixed forever: the daily set depends on it.
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET;
    for part in parts {
        for byte in part.bytes().chain([0xFF]) {
            h ^= u64::from(byte);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    mix(h)
}

/// SplitMix64's finaliser.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_shuffle() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        Rng::new(42).shuffle(&mut a);
        Rng::new(42).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(
            a,
            (0..20).collect::<Vec<_>>(),
            "a shuffle of 20 should move something"
        );
        let mut c: Vec<u32> = (0..20).collect();
        Rng::new(43).shuffle(&mut c);
        assert_ne!(a, c);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut rng = Rng::new(7);
        let mut seen = [false; 4];
        for _ in 0..200 {
            let n = rng.below(4);
            seen[n] = true;
        }
        assert!(seen.iter().all(|s| *s));
    }

    #[test]
    fn the_stable_hash_is_fnv1a_with_separators_and_never_changes() {
        // FNV-1a reference values (with our 0xFF separator appended, before mixing).
        let fnv = |bytes: &[u8]| {
            bytes.iter().fold(FNV_OFFSET, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME)
            })
        };
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(stable_hash(&["foobar"]), mix(fnv(b"foobar\xFF")));
        // Pinned: a change here would change every learner's daily set on the day of a deploy.
        assert_eq!(
            stable_hash(&["2026-12-04", "fraud", "fraud-001"]),
            mix(fnv(b"2026-12-04\xFFfraud\xFFfraud-001\xFF"))
        );
        assert_eq!(
            stable_hash(&["2026-12-04", "fraud", "fraud-001"]),
            0x72de_6f63_b95f_92fb
        );
        assert_ne!(stable_hash(&["ab", "c"]), stable_hash(&["a", "bc"]));
        assert_ne!(stable_hash(&["q1"]), stable_hash(&["q2"]));
    }
}
