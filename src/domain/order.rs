//! Putting lists in order with one sort for the whole program.
//!
//! Every call of the standard library's `sort*` with another element type or key is its own copy
//! of the sorting code in the wasm (2–5 KB each; eight of them were 30 KB of the phone's
//! download). Everything here orders by a number through [`sort_by_number`], which sorts
//! `(u64, usize)` pairs, so the program holds that sort once; short fixed sets (topics,
//! difficulty levels) are put in order by walking their known order instead of sorting.

/// Reorders `items` by `key`, smallest first. Items with equal keys keep their order (the sort
/// is stable), so a key that is the same for everything changes nothing.
pub fn sort_by_number<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keyed: Vec<(u64, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    // The pairs are unique (each position once), so an unstable sort of them is stable for `items`.
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keyed
            .into_iter()
            .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The members of `known` (a type's values in their order) that `wanted` holds, in `known`'s
/// order and once each: an ordered, de-duplicated set without sorting.
pub fn in_order<T: Copy + PartialEq>(known: &[T], wanted: &[T]) -> Vec<T> {
    known
        .iter()
        .copied()
        .filter(|k| wanted.contains(k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_the_key_and_keeps_ties_in_their_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_number(&mut v, |(k, _)| *k);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut same = vec!['x', 'y', 'z'];
        sort_by_number(&mut same, |_| 7);
        assert_eq!(same, vec!['x', 'y', 'z']);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_number(&mut empty, |n| u64::from(*n));
        assert!(empty.is_empty());
    }

    #[test]
    fn matches_the_standard_stable_sort_on_many_lists() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..60 {
            let v: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_number(&mut ours, |(k, _)| *k);
            let mut std = v;
            std.sort_by_key(|(k, _)| *k);
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn in_order_follows_the_known_order_once_each() {
        assert_eq!(in_order(&[1, 2, 3, 4], &[4, 2, 2, 9]), vec![2, 4]);
        assert_eq!(in_order(&[1, 2, 3], &[]), Vec::<i32>::new());
    }
}
