//! Samples of the sorted static indexes (the world's names, the divisions' aliases): every
//! `EVERY`-th key again, side by side in a few pages of their own. A lookup searches the sample,
//! then one block of the index, whose keys lie side by side in the text too; a plain binary
//! search reads a dozen or more pages far apart, and the kernel maps 64 KiB around each page a
//! process first touches, so pages far apart cost far more than their size at every start.

use std::ops::Range;

/// How many index entries one sample key stands for.
pub const EVERY: usize = 64;

/// Every `EVERY`-th key of an index, in order: where each ends in `text`.
#[derive(Debug)]
pub struct Sample {
    ends: &'static [u16],
    text: &'static [u8],
}

impl Sample {
    pub const fn new(ends: &'static [u16], text: &'static [u8]) -> Sample {
        Sample { ends, text }
    }

    fn key(&self, at: usize) -> &'static [u8] {
        let start = at.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.text[usize::from(start)..usize::from(self.ends[at])]
    }

    /// The entries of `index`, which this sample samples, whose key (by `key_of`) is `key`:
    /// found in one block, then read on, as runs of one key are short (at most 23 entries in
    /// the world's index, 5 among the aliases).
    pub fn run<'t, T>(&self, index: &'t [T], key: &str, key_of: impl Fn(&T) -> &str) -> &'t [T] {
        let block = self.block(key.as_bytes(), index.len());
        let start = block.start + index[block].partition_point(|entry| key_of(entry) < key);
        let len = index[start..]
            .iter()
            .take_while(|entry| key_of(entry) == key)
            .count();
        &index[start..start + len]
    }

    /// The block of an index of `len` entries, sampled by this sample, where the entries whose
    /// key is `key` or sorts after it begin.
    fn block(&self, key: &[u8], len: usize) -> Range<usize> {
        debug_assert_eq!(
            self.ends.len(),
            len.div_ceil(EVERY),
            "a sample of another index"
        );
        // The sample keys below the key: its entries start after the block of the last of them.
        let below = self.below(key);
        below.saturating_sub(1) * EVERY..(below * EVERY).min(len)
    }

    /// How many sample keys sort before this one.
    fn below(&self, key: &[u8]) -> usize {
        let mut low = 0;
        let mut high = self.ends.len();
        while low < high {
            let mid = low + (high - low) / 2;
            if self.key(mid) < key {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }
}

/// A sample of these sorted keys, for `build.rs` to write out: where each sample key ends, and
/// the sample keys side by side. `None` if they need more than a `u16` of offsets.
#[allow(dead_code)] // build.rs's; the library only reads samples
pub fn of<'a>(keys: impl Iterator<Item = &'a str>) -> Option<(Vec<u16>, Vec<u8>)> {
    let mut ends = Vec::new();
    let mut text = Vec::new();
    for key in keys.step_by(EVERY) {
        text.extend_from_slice(key.as_bytes());
        ends.push(u16::try_from(text.len()).ok()?);
    }
    Some((ends, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where `probe`'s entries begin, found through the sample, for sorted `keys`.
    fn found(keys: &[&str], probe: &str) -> usize {
        let (ends, text) = of(keys.iter().copied()).unwrap();
        let sample = Sample::new(ends.leak(), text.leak());
        let block = sample.block(probe.as_bytes(), keys.len());
        block.start + keys[block].partition_point(|k| *k < probe)
    }

    #[test]
    fn a_block_holds_where_a_keys_entries_begin() {
        let owned: Vec<String> = (0..200).map(|i| format!("k{i:03}")).collect();
        let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
        for probe in [
            "a", "k000", "k063", "k064", "k065", "k127", "k128", "k150", "k199", "z",
        ] {
            assert_eq!(
                found(&keys, probe),
                keys.partition_point(|k| *k < probe),
                "{probe}"
            );
        }
    }

    #[test]
    fn a_run_of_one_key_across_blocks_is_found_from_its_start() {
        // Entries 60 to 139 share a key: the run starts in the first block and spans two more.
        let owned: Vec<String> = (0..200)
            .map(|i| {
                if (60..140).contains(&i) {
                    "m".to_string()
                } else {
                    format!("{}{i:03}", if i < 60 { 'a' } else { 'z' })
                }
            })
            .collect();
        let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
        assert!(keys.is_sorted());
        for probe in ["m", "a059", "z140", "n", "0", "zz"] {
            assert_eq!(
                found(&keys, probe),
                keys.partition_point(|k| *k < probe),
                "{probe}"
            );
        }
        assert_eq!(found(&keys, "m"), 60);
    }

    #[test]
    fn an_empty_index_has_an_empty_block() {
        assert_eq!(found(&[], "anything"), 0);
    }
}
