//! One sort for the whole wasm.
//!
//! The standard library's sorts are generic: every element type and
//! comparison compiles a copy of its own (3–4 KiB of wasm each, and the
//! page's wasm had six). Here a longer slice is sorted by sorting the
//! positions of its elements, through one comparison behind `dyn`, so one
//! compiled sort serves every caller; the elements are then moved to their
//! places. A short one (most of the hits in a paragraph) is sorted by
//! insertion, whose copies are a few instructions. Every sort is stable.
//!
//! Code that ends up in the wasm sorts through here; the build's own tools
//! (`wenji-ship`, the related passages) use the standard library's.

use std::cmp::Ordering;

/// Slices up to this long are sorted by insertion: no allocation.
const BY_INSERTION: usize = 16;

/// Stable sort of positions by `order`: the one compiled sort.
pub fn sort_positions(v: &mut [usize], order: &dyn Fn(usize, usize) -> Ordering) {
    v.sort_by(|&a, &b| order(a, b));
}

/// Stable sort of `v` by `compare`.
pub fn sort_by<T>(v: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if v.len() <= BY_INSERTION {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut from: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut from, &|a, b| compare(&v[a], &v[b]));
    // `from[k]`: where the element that goes to `k` is now.
    let mut to = vec![0; from.len()];
    for (k, &j) in from.iter().enumerate() {
        to[j] = k;
    }
    // Each swap puts one element in its place.
    for i in 0..v.len() {
        while to[i] != i {
            let j = to[i];
            v.swap(i, j);
            to.swap(i, j);
        }
    }
}

/// Stable sort of `v` by `key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: the same slices on every run.
    fn numbers(len: usize, seed: u64) -> Vec<(u8, usize)> {
        let mut x = seed;
        (0..len)
            .map(|i| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 60) as u8, i)
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_library_does_and_keeps_ties_in_order() {
        // Short (insertion) and long (positions) slices, with many ties:
        // the second field records the order they came in.
        for len in [0, 1, 2, 3, 15, 16, 17, 40, 257, 1000] {
            for seed in 1..6 {
                let mut ours = numbers(len, seed);
                let mut std = ours.clone();
                sort_by_key(&mut ours, |&(k, _)| k);
                std.sort_by_key(|&(k, _)| k);
                assert_eq!(ours, std, "len {len}, seed {seed}");
            }
        }
    }

    #[test]
    fn sorts_by_the_comparison_given() {
        let mut v = numbers(100, 7);
        sort_by(&mut v, |a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        assert!(v.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn sorts_positions_by_what_they_point_at() {
        let words = ["丙", "甲", "乙", "甲"];
        let mut at: Vec<usize> = (0..words.len()).collect();
        sort_positions(&mut at, &|a, b| words[a].cmp(words[b]));
        // By code point 丙 < 乙 < 甲; the two 甲 in the order they came.
        assert_eq!(at, [0, 2, 1, 3]);
    }
}
